import { useState } from 'react';
import { useViewer } from '../app/session';
import { graphqlEndpoint } from '../api/graphqlRequest';
import { healthEndpoint } from '../api/health';

export const graphiqlPath = '/graphiql.html';

function exampleRequest(origin: string): string {
  return `curl -s ${origin}${graphqlEndpoint} \\
  -H 'Authorization: Bearer lc_…' \\
  -H 'Content-Type: application/json' \\
  -d '{"query":"{ __typename }"}'`;
}

/** Which key GraphiQL sends: the one this browser signed in with. */
function SignedInKeyCard() {
  const viewer = useViewer();
  return (
    <article className="card">
      <h2 className="card__title">Your key</h2>
      <p className="card__text">
        You are signed in as <strong>{viewer.id}</strong> ({viewer.permissions.join(', ').toLowerCase() || 'no permissions'}). GraphiQL
        sends the same key in its Headers tab, so the explorer sees what you may see; signing out forgets it in this browser.
      </p>
    </article>
  );
}

export function ApiPage() {
  const [embedded, setEmbedded] = useState(false);
  return (
    <div className="stack">
      <section className="cards">
        <article className="card">
          <h2 className="card__title">GraphQL endpoint</h2>
          <p className="card__text">
            Queries, mutations and subscriptions for forms, processes, rules, instances and tasks.
          </p>
          <p>
            <code className="pill">POST {graphqlEndpoint}</code>
          </p>
        </article>
        <article className="card">
          <h2 className="card__title">Explorer</h2>
          <p className="card__text">Browse the schema, write queries with completion and run them against this server.</p>
          <div className="row">
            <a className="button button--primary" href={graphiqlPath} target="_blank" rel="noopener">
              Open GraphiQL
            </a>
            <button type="button" className="button" aria-pressed={embedded} onClick={() => setEmbedded((v) => !v)}>
              {embedded ? 'Hide embedded explorer' : 'Embed here'}
            </button>
          </div>
        </article>
        <SignedInKeyCard />
        <article className="card">
          <h2 className="card__title">Health</h2>
          <p className="card__text">Liveness and database status for load balancers and monitoring.</p>
          <p>
            <a className="pill" href={healthEndpoint}>
              GET {healthEndpoint}
            </a>
          </p>
        </article>
      </section>
      <section className="panel panel--padded">
        <h2 className="panel__title">Try it from a terminal</h2>
        <pre className="code">{exampleRequest(window.location.origin)}</pre>
      </section>
      {embedded ? (
        <section className="panel embed">
          <iframe title="GraphiQL explorer" src={graphiqlPath} className="embed__frame" />
        </section>
      ) : null}
    </div>
  );
}
