import { NavLink } from '../components/NavLink';
import { StateMessage } from '../components/StateMessage';
import { homePath } from '../navigation/navItems';

export function NotFoundPage({ path }: { readonly path: string }) {
  return (
    <section className="panel">
      <StateMessage
        tone="neutral"
        title="Page not found"
        action={
          <NavLink to={homePath} active={false} className="button">
            Go to Forms
          </NavLink>
        }
      >
        <p>
          Nothing lives at <code>{path}</code>. Pick a page from the navigation.
        </p>
      </StateMessage>
    </section>
  );
}
