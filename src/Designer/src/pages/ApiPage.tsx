import { useState } from 'react';
import { readApiKey, saveApiKey } from '../api/apiKey';
import { graphqlEndpoint } from '../api/graphqlRequest';
import { healthEndpoint } from '../api/health';

export const graphiqlPath = '/graphiql.html';

function exampleRequest(origin: string): string {
  return `curl -s ${origin}${graphqlEndpoint} \\
  -H 'Authorization: Bearer lc_…' \\
  -H 'Content-Type: application/json' \\
  -d '{"query":"{ __typename }"}'`;
}

/** Where the designer's API key is entered: every request to the API needs one. */
function ApiKeyCard() {
  const [draft, setDraft] = useState(() => readApiKey() ?? '');
  const [saved, setSaved] = useState(() => readApiKey() !== null);
  return (
    <article className="card">
      <h2 className="card__title">API key</h2>
      <p className="card__text">
        The API answers only callers with a key. Paste one (in Development, <code>dotnet run</code> prints one per
        permission); it stays in this browser and GraphiQL's Headers tab starts with it.
      </p>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          saveApiKey(draft);
          setSaved(draft.trim() !== '');
          window.location.reload();
        }}
      >
        <input
          aria-label="API key"
          className="input"
          type="password"
          autoComplete="off"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="lc_…"
        />
        <button type="submit" className="button button--primary">
          {draft.trim() === '' ? 'Forget key' : 'Save key'}
        </button>
      </form>
      <p className="card__text">{saved ? 'A key is saved.' : 'No key saved: lists and the explorer will say the API needs one.'}</p>
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
        <ApiKeyCard />
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
