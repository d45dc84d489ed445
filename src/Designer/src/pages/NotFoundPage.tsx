import { Link, useLocation } from 'react-router';
import { StateMessage } from '../components/StateMessage';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <section className="panel">
      <StateMessage
        tone="neutral"
        title="Page not found"
        action={
          <Link to="/" className="button">
            Go to the start page
          </Link>
        }
      >
        <p>
          Nothing lives at <code>{pathname}</code>. Pick a page from the navigation.
        </p>
      </StateMessage>
    </section>
  );
}
