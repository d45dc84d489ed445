import { useEffect } from 'react';
import { HealthBadge } from './components/HealthBadge';
import { Icon } from './components/Icon';
import { NavLink } from './components/NavLink';
import { itemsInSection, navSections, type NavItem } from './navigation/navItems';
import { resolveRoute } from './navigation/resolveRoute';
import { navigate, useLocationPath } from './navigation/useLocationPath';
import { ApiPage } from './pages/ApiPage';
import { definitionPageCopy } from './pages/definitionPages';
import { DefinitionsPage } from './pages/DefinitionsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlaceholderPage } from './pages/PlaceholderPage';

export const productName = 'LowCode Designer';

export function App() {
  const path = useLocationPath();
  const route = resolveRoute(path);
  const current = route.kind === 'page' ? route.item : undefined;

  useEffect(() => {
    if (route.kind === 'redirect') {
      navigate(route.to, { replace: true });
    }
  }, [route]);

  useEffect(() => {
    document.title = current ? `${current.label} · ${productName}` : productName;
  }, [current]);

  return (
    <div className="shell">
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
          {navSections.map((section) => (
            <div className="nav-section" key={section}>
              <p className="nav-section__title" id={`nav-${section.toLowerCase()}`}>
                {section}
              </p>
              <ul className="nav-list" aria-labelledby={`nav-${section.toLowerCase()}`}>
                {itemsInSection(section).map((item) => (
                  <li key={item.id}>
                    <NavLink to={item.path} active={item.id === current?.id} className="nav-link">
                      <Icon name={item.icon} />
                      <span>{item.label}</span>
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="sidebar__footer">
          <HealthBadge />
        </div>
      </aside>
      <div className="main">
        <header className="page-header">
          <h1 className="page-header__title">{current?.label ?? (route.kind === 'notFound' ? 'Not found' : productName)}</h1>
          {current ? <p className="page-header__summary">{current.summary}</p> : null}
        </header>
        <main className="content" id="content">
          {route.kind === 'page' ? <Page item={route.item} /> : null}
          {route.kind === 'notFound' ? <NotFoundPage path={route.path} /> : null}
        </main>
      </div>
    </div>
  );
}

function Page({ item }: { readonly item: NavItem }) {
  switch (item.id) {
    case 'forms':
      return <DefinitionsPage key="form" copy={definitionPageCopy.form} />;
    case 'processes':
      return <DefinitionsPage key="process" copy={definitionPageCopy.process} />;
    case 'rules':
      return <DefinitionsPage key="ruleSet" copy={definitionPageCopy.ruleSet} />;
    case 'api':
      return <ApiPage />;
    case 'instances':
    case 'tasks':
    case 'analytics':
      return <PlaceholderPage page={item.id} />;
  }
}
