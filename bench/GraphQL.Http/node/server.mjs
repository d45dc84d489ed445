// graphql-js 16 behind graphql-http on node:http: the reference the HTTP benchmark compares against.
// Usage: node server.mjs <port>   (listens on 127.0.0.1 only)
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { buildSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';

const port = Number(process.argv[2] ?? 5082);
const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

// The same 100 items the .NET server builds (see ../Program.cs): default resolvers read these properties.
const items = Array.from({ length: 100 }, (_, i) => ({
  id: String(i + 1),
  name: `Item ${i + 1}`,
  price: (i + 1) * 1.25,
  quantity: i * 3,
  active: i % 2 === 0,
  owner: { id: `owner-${i % 10}`, name: `Owner ${i % 10}` },
}));
const rootValue = { hello: () => 'world', items: () => items };

const handler = createHandler({ schema, rootValue });
http.createServer(handler).listen(port, '127.0.0.1', () => {
  console.log(`graphql-http listening on http://127.0.0.1:${port}/graphql`);
});
