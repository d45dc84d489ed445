// Drives a graphql-transport-ws server with the graphql-ws client and prints what it observed as JSON.
// Usage: node ws-client.mjs ws://127.0.0.1:PORT/graphql '<json list of operations>'
// Each operation: {"query", "variables"?, "take"?}. With "take" the client stops after that many results
// (the iterator's return() sends "complete" from the client side); without it, it reads until the server completes.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, operationsJson, connectionParamsJson] = process.argv.slice(2);
const operations = JSON.parse(operationsJson);
const closes = [];
let onFirstClose;
const firstClose = new Promise((resolve) => { onFirstClose = resolve; });
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  lazy: false,
  retryAttempts: 0,
  connectionParams: connectionParamsJson ? JSON.parse(connectionParamsJson) : undefined,
  on: { closed: (event) => { closes.push({ code: event.code, reason: event.reason }); onFirstClose(); } },
  onNonLazyError: () => {},
});

async function run({ query, variables, take }) {
  const results = [];
  try {
    const iterator = client.iterate({ query, variables });
    for await (const result of iterator) {
      results.push(result);
      if (take !== undefined && results.length >= take) {
        break; // return() on the iterator: the client sends "complete" for this id
      }
    }
    return { results, completed: true };
  } catch (error) {
    return { results, error: Array.isArray(error) ? { graphqlErrors: error } : { message: String(error?.reason ?? error?.message ?? error), code: error?.code } };
  }
}

const outcomes = await Promise.all(operations.map(run));
await client.dispose();
await Promise.race([firstClose, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
process.stdout.write(JSON.stringify({ outcomes, closes }));
