import { useEffect, useState, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { HealthBadge } from '../components/HealthBadge';
import { Icon } from '../components/Icon';
import { StateMessage } from '../components/StateMessage';
import { NotificationBell } from '../work/NotificationBell';
import { itemsInSection, navSections } from '../navigation/navItems';
import { PageTitleContext } from './pageTitle';
import { allows, deniedReason } from './permissions';
import type { ShellRoute } from './routes';
import { useViewer, useSession } from './session';

export const productName = 'LowCode Designer';

/** The signed-in frame around every shell page: the sidebar (only pages the viewer may open), the header, sign-out. */
export function Layout({ route, children }: { readonly route: ShellRoute; readonly children: ReactNode }) {
  const viewer = useViewer();
  const { signOut } = useSession();
  const [override, setOverride] = useState<string | null>(null);
  const title = override ?? route.title;
  const denied = deniedReason(viewer, route.requires, `The ${route.title} page`);

  useEffect(() => {
    document.title = `${title} · ${productName}`;
  }, [title]);

  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            L
          </span>
          <span className="brand__name">
            LowCode <span className="brand__sub">Designer</span>
          </span>
        </div>
        <nav aria-label="Main">
          {navSections.map((section) => {
            const items = itemsInSection(section).filter((item) => allows(viewer, item.requires));
            return items.length === 0 ? null : (
              <div className="nav-section" key={section}>
                <p className="nav-section__title" id={`nav-${section.toLowerCase()}`}>
                  {section}
                </p>
                <ul className="nav-list" aria-labelledby={`nav-${section.toLowerCase()}`}>
                  {items.map((item) => (
                    <li key={item.id}>
                      <NavLink to={item.path} className="nav-link">
                        <Icon name={item.icon} />
                        <span>{item.label}</span>
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </nav>
        <div className="sidebar__footer">
          <HealthBadge />
        </div>
      </aside>
      <div className="main">
        <header className="page-header">
          <div className="page-header__text">
            <h1 className="page-header__title">{title}</h1>
            {route.summary ? <p className="page-header__summary">{route.summary}</p> : null}
          </div>
          <div className="page-header__viewer" aria-label="Signed in">
            <NotificationBell />
            <span className="viewer" title={`Groups: ${viewer.groups.join(', ') || 'none'}; permissions: ${viewer.permissions.join(', ').toLowerCase()}`}>
              {viewer.id}
            </span>
            <button type="button" className="button button--quiet" onClick={signOut}>
              Sign out
            </button>
          </div>
        </header>
        <main className="content" id="content" tabIndex={-1}>
          <PageTitleContext.Provider value={setOverride}>
            {denied ? (
              <section className="panel">
                <StateMessage tone="info" title="You cannot open this page">
                  <p>{denied}</p>
                </StateMessage>
              </section>
            ) : (
              children
            )}
          </PageTitleContext.Provider>
        </main>
      </div>
    </div>
  );
}
