// Registers Monaco's language workers with Vite's worker bundling; must run before GraphiQL loads.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { authorizationHeaders, readApiKey } from '../api/apiKey';
import { graphqlEndpoint } from '../api/graphqlRequest';
import { defaultExplorerQuery } from './defaultQuery';
import { createClient } from 'graphql-ws';
import { subscriptionUrl } from '../api/subscriptionUrl';

// Queries and mutations go over HTTP with the Headers tab's headers (pre-filled with the key saved on the API page);
// subscriptions over graphql-transport-ws on the same path, ws: or wss: as the page, with the saved key in connection_init.
const fetcher = createGraphiQLFetcher({
  url: graphqlEndpoint,
  // Sent with every request (the schema's introspection too); a header typed in the Headers tab wins over it.
  headers: authorizationHeaders(),
  wsClient: createClient({ url: subscriptionUrl(graphqlEndpoint, window.location), lazy: true, connectionParams: () => authorizationHeaders() }),
});
const savedKey = readApiKey();
const headerProps = savedKey ? { initialHeaders: JSON.stringify(authorizationHeaders(savedKey), null, 2) } : {};

const container = document.getElementById('graphiql');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} defaultQuery={defaultExplorerQuery} {...headerProps}>
        <GraphiQL.Logo>
          <a className="lowcode-logo" href="/api" target="_top">
            LowCode
          </a>{' '}
          Graph<em>i</em>QL
        </GraphiQL.Logo>
      </GraphiQL>
    </StrictMode>,
  );
}
