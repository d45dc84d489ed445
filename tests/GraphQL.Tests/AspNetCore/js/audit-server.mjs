// Runs every graphql-http server audit against a GraphQL-over-HTTP endpoint and prints one JSON line per audit:
// {"id","name","status","reason"}. Usage: node audit-server.mjs http://127.0.0.1:PORT/graphql ['{"Header": "value"}']
// The optional headers (e.g. the product's Authorization) are sent with every audit request.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit-server.mjs <graphql endpoint url> [headers as JSON]');
  process.exit(2);
}

const extraHeaders = process.argv[3] ? JSON.parse(process.argv[3]) : {};
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(extraHeaders)) {
    headers.set(name, value);
  }
  return fetch(input, { ...init, headers });
};

const results = [];
for (const audit of serverAudits({ url, fetchFn })) {
  const result = await audit.fn();
  results.push({
    id: result.id,
    name: result.name,
    status: result.status,
    reason: result.status === 'ok' ? null : result.reason,
  });
}
process.stdout.write(JSON.stringify(results));
