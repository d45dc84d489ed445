import type { ReactNode } from 'react';

export type StateTone = 'neutral' | 'info' | 'error';

/** The one way the shell shows "nothing here", "not available" and "failed" messages. */
export function StateMessage({
  tone,
  title,
  children,
  action,
}: {
  readonly tone: StateTone;
  readonly title: string;
  readonly children?: ReactNode;
  readonly action?: ReactNode;
}) {
  return (
    <div className={`state state--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="state__title">{title}</p>
      {children ? <div className="state__body">{children}</div> : null}
      {action ? <div className="state__action">{action}</div> : null}
    </div>
  );
}
