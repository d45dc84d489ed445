import { useState } from 'react';
import { graphqlEndpoint } from '../api/graphqlRequest';
import { healthEndpoint } from '../api/health';

export const graphiqlPath = '/graphiql.html';

function exampleRequest(origin: string): string {
  return `curl -s ${origin}${graphqlEndpoint} \\
  -H 'Content-Type: application/json' \\
  -d '{"query":"{ __typename }"}'`;
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
