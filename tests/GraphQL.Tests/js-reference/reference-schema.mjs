// The JavaScript side of the shared differential schema: the same SDL and data as
// tests/GraphQL.Tests/Differential/TestSchema.cs, with resolvers written to behave the same way.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';

const here = new URL('.', import.meta.url);
const sdl = readFileSync(new URL('../Differential/schema.graphql', here), 'utf8');
const data = JSON.parse(readFileSync(new URL('../Differential/data.json', here), 'utf8'));

const byId = new Map([...data.characters, ...data.starships, ...data.pets].map((item) => [item.id, item]));

function fail(message) {
  throw new Error(message);
}

function describe(value) {
  return value === undefined ? '-' : value === null ? 'null' : String(value);
}

function echo(input) {
  if (input == null) return input;
  return { ...input, nested: echo(input.nested) };
}

function nested(depth) {
  return {
    value: `level ${depth}`,
    depth,
    child: () => (depth < 5 ? nested(depth + 1) : null),
    items: () => [nested(depth + 1), nested(depth + 1)],
    failing: () => fail(`failing at depth ${depth}`),
    nonNullFailing: () => fail(`non-null failing at depth ${depth}`),
    nonNullChild: () => (depth < 2 ? nested(depth + 1) : null),
  };
}

export const schema = buildSchema(sdl);

for (const typeName of ['Character', 'SearchResult', 'Node', 'Pet', 'CatOrDog']) {
  schema.getType(typeName).resolveType = (value) => value.type;
}

const characterFields = {
  friends: (c) => c.friends.map((id) => byId.get(id)),
  secretBackstory: () => fail('secretBackstory is secret.'),
};
Object.assign(schema.getType('Human').getFields().friends, { resolve: characterFields.friends });
Object.assign(schema.getType('Human').getFields().secretBackstory, { resolve: characterFields.secretBackstory });
Object.assign(schema.getType('Droid').getFields().friends, { resolve: characterFields.friends });
Object.assign(schema.getType('Droid').getFields().secretBackstory, { resolve: characterFields.secretBackstory });
schema.getType('Starship').getFields().length.resolve = (s, { unit }) => (unit === 'FOOT' ? s.length * 3 : s.length);

export function rootValue() {
  let counter = 0;
  return {
    hero: ({ episode }) => byId.get(episode === 'EMPIRE' ? '1000' : '2001'),
    human: ({ id }) => (byId.get(id)?.type === 'Human' ? byId.get(id) : null),
    droid: ({ id }) => (byId.get(id)?.type === 'Droid' ? byId.get(id) : null),
    character: ({ id }) => { const c = byId.get(id); return c && (c.type === 'Human' || c.type === 'Droid') ? c : null; },
    search: ({ text }) => [...data.characters, ...data.starships].filter((item) => item.name.includes(text)),
    starships: () => data.starships,
    pets: () => data.pets,
    catOrDog: ({ id }) => data.pets.find((p) => p.id === id) ?? null,
    node: ({ id }) => data.pets.find((p) => p.id === id) ?? null,
    pet: ({ filter }) => data.pets.find((p) => (filter.name != null ? p.name === filter.name : p.id === filter.id)) ?? null,
    echo: ({ input }) => echo(input),
    scalars: (args) => ['int', 'float', 'string', 'boolean', 'id'].map((k) => describe(args[k])).join('|'),
    list: ({ values }) => values,
    nonNullList: ({ values }) => values,
    matrix: ({ rows }) => rows,
    enumEcho: ({ episode }) => episode,
    failing: () => fail('failing field'),
    failingNonNull: () => fail('failing non-null field'),
    nested: () => nested(0),
    asyncValue: async ({ value }) => { await new Promise((resolve) => setTimeout(resolve, 1)); return value; },
    asyncFailing: async () => { await new Promise((resolve) => setTimeout(resolve, 1)); throw new Error('async failure'); },
    nullableListWithNullItem: () => ['a', null, 'c'],
    nonNullItemList: () => ['a', null, 'c'],
    nonNullItemNonNullList: () => ['a', null],
    deprecatedField: () => 'old',
    defaults: (args) => JSON.stringify(args),
    increment: ({ by }) => { counter += by; return counter; },
    failingIncrement: () => fail('cannot increment'),
    createEcho: ({ input }) => echo(input),
  };
}
