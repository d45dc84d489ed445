import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { allows } from '../app/permissions';
import { useViewer } from '../app/session';
import { useQuery } from '../app/useQuery';
import { useSubscription } from '../app/subscriptions';
import { formatDateTime } from './format';
import { notificationsQuery, type Notification } from './workApi';
import './work.css';

const seenKey = 'lowcode.notificationsSeen';
const notificationReceived = 'subscription NotificationReceived { notificationReceived { id } }';

/** How many notifications arrived after `seen` (an ISO instant; all of them when never opened). */
export function unseenCount(notifications: readonly Pick<Notification, 'createdAt'>[], seen: string | null): number {
  const since = seen ? new Date(seen).getTime() : Number.NEGATIVE_INFINITY;
  return notifications.filter((notification) => new Date(notification.createdAt).getTime() > since).length;
}

/** The header's bell: how many notifications are new, and the list when opened. */
export function NotificationBell() {
  const viewer = useViewer();
  const allowed = allows(viewer, ['USER', 'DESIGNER', 'ANALYST']);
  const result = useQuery<{ notifications: readonly Notification[] }>(notificationsQuery, { limit: 50 }, { skip: !allowed });
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState<string | null>(() => localStorage.getItem(seenKey));
  const panel = useRef<HTMLDivElement>(null);
  const refetch = result.refetch;

  // Each notification the server commits for the viewer or its groups reloads the list, so the count is live.
  useSubscription(notificationReceived, undefined, refetch, { skip: !allowed });

  useEffect(() => {
    if (!open) {
      return undefined;
    }
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [open]);

  if (!allowed) {
    return null;
  }
  const notifications = (result.state.status === 'ready' ? result.state.data.notifications : null) ?? [];
  const count = unseenCount(notifications, seen);
  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next) {
      refetch();
      const now = new Date().toISOString();
      localStorage.setItem(seenKey, now);
      setSeen(now);
    }
  };

  return (
    <div className="notifications">
      <button type="button" className="button button--quiet" aria-expanded={open} aria-controls="notifications-panel" onClick={toggle}>
        Notifications
        {count > 0 ? (
          <>
            <span className="notifications__count" aria-hidden="true">
              {count}
            </span>
            <span className="visually-hidden">, {count} new</span>
          </>
        ) : null}
      </button>
      {open ? (
        <div className="notifications__panel" id="notifications-panel" ref={panel} role="region" aria-label="Notifications">
          {result.state.status === 'loading' ? (
            <p className="muted" role="status">
              Loading…
            </p>
          ) : result.state.status === 'error' ? (
            <p className="form-field__error" role="alert">
              The notifications could not be loaded: {result.state.message}
            </p>
          ) : notifications.length === 0 ? (
            <p className="muted">No notifications.</p>
          ) : (
            <ul className="notification-list">
              {notifications.map((notification) => (
                <li key={notification.id}>
                  {notification.subject ? <strong>{notification.subject}</strong> : null}
                  <p>{notification.message}</p>
                  <p className="timeline__meta">
                    {formatDateTime(notification.createdAt)}
                    {notification.recipientRole ? ` · for the group ${notification.recipientRole}` : ''}
                    {notification.instanceId ? (
                      <>
                        {' · '}
                        <Link to={`/instances/${notification.instanceId}`} onClick={() => setOpen(false)}>
                          Open the instance
                        </Link>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
