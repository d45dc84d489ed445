import { createClient, type Client } from 'graphql-ws';
import { useEffect, useRef } from 'react';
import { readApiKey } from '../api/apiKey';
import { graphqlEndpoint } from '../api/graphqlRequest';
import { subscriptionUrl } from '../api/subscriptionUrl';

let shared: { client: Client; key: string | null } | null = null;

/**
 * One graphql-transport-ws connection per signed-in key, opened lazily on the first subscription; the key goes in
 * `connection_init` because browsers cannot set headers on a WebSocket.
 */
export function subscriptionClient(): Client {
  const key = readApiKey();
  if (shared && shared.key === key) {
    return shared.client;
  }
  void shared?.client.dispose();
  const client = createClient({
    url: subscriptionUrl(graphqlEndpoint, window.location),
    lazy: true,
    retryAttempts: 5,
    connectionParams: () => (key ? { Authorization: `Bearer ${key}` } : {}),
  });
  shared = { client, key };
  return client;
}

/**
 * Subscribes while the component is mounted and `variables` stay the same; `onData` gets each event's data.
 * Live updates are an addition to a page's own query: an error here is reported to `onError` and the page keeps
 * what it loaded.
 */
export function useSubscription<TData>(
  document: string,
  variables: Readonly<Record<string, unknown>> | undefined,
  onData: (data: TData) => void,
  options: { readonly skip?: boolean; readonly onError?: (message: string) => void } = {},
): void {
  const handler = useRef(onData);
  handler.current = onData;
  const errorHandler = useRef(options.onError);
  errorHandler.current = options.onError;
  const variablesKey = JSON.stringify(variables ?? {});

  useEffect(() => {
    if (options.skip) {
      return undefined;
    }
    return subscriptionClient().subscribe<TData>(
      { query: document, variables: JSON.parse(variablesKey) as Record<string, unknown> },
      {
        next: (result) => {
          if (result.data) {
            handler.current(result.data);
          } else if (result.errors?.length) {
            errorHandler.current?.(result.errors.map((error) => error.message).join(' '));
          }
        },
        error: (error) => errorHandler.current?.(error instanceof Error ? error.message : 'The live connection closed.'),
        complete: () => undefined,
      },
    );
  }, [document, variablesKey, options.skip]);
}
