// The Node side of CompareWithGraphQLJs: the same schema and data in graphql-js 16 (installed by
// `npm ci` in tests/GraphQL.Tests/js-reference). Args: warmup ms, measure ms, the 5 KB document.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../../tests/GraphQL.Tests/js-reference/package.json', import.meta.url));
const { buildSchema, parse, validate, execute } = require('graphql');

const [warmupMs, measureMs, bigDocument] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];

const schema = buildSchema(`
  type Query { items(first: Int = 100): [Item!]! item(id: ID!): Item }
  type Item { id: ID! name: String! price: Float! count: Int! active: Boolean! owner: Owner! }
  type Owner { id: ID! name: String! }
`);

const items = Array.from({ length: 100 }, (_, i) => ({
  id: `item-${i}`, name: `Item ${i}`, price: i * 1.5, count: i, active: i % 2 === 0,
  owner: { id: `owner-${i % 10}`, name: `Owner ${i % 10}` },
}));
const rootValue = {
  items: ({ first }) => items.slice(0, first),
  item: ({ id }) => items.find((i) => i.id === id) ?? null,
};

function opsPerSecond(operation) {
  let start = performance.now();
  while (performance.now() - start < warmupMs) operation();
  let count = 0;
  start = performance.now();
  while (performance.now() - start < measureMs) { operation(); count++; }
  return count / ((performance.now() - start) / 1000);
}

// Document parsed and validated once, as a server with a document cache does.
const itemsDocument = parse('{ items { id name price count active owner { id name } } }');
if (validate(schema, itemsDocument).length > 0) throw new Error('invalid benchmark query');
const results = {
  'execute-100-items': opsPerSecond(() => execute({ schema, document: itemsDocument, rootValue })),
  'parse-validate-5kb': opsPerSecond(() => validate(schema, parse(bigDocument)).length),
};
process.stdout.write(JSON.stringify(results));
