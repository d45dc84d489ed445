// Runs every document of the differential corpus through graphql-js 16 and prints one JSON object:
// { "<case>": { errors?: [{message, locations?, path?}], data?: ... } }.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate, execute, GraphQLError } from 'graphql';
import { schema, rootValue } from './reference-schema.mjs';

const dir = process.argv[2];
const results = {};

function shape(error) {
  const out = { message: error.message };
  if (error.locations) out.locations = error.locations;
  if (error.path) out.path = error.path;
  return out;
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort()) {
  const name = file.slice(0, -'.graphql'.length);
  const source = readFileSync(join(dir, file), 'utf8');
  const variablesFile = join(dir, `${name}.variables.json`);
  const variableValues = existsSync(variablesFile) ? JSON.parse(readFileSync(variablesFile, 'utf8')) : undefined;
  const operationName = /^# operationName: (\w+)/.exec(source)?.[1];
  let document;
  try {
    document = parse(source);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    results[name] = { errors: [shape(error)] };
    continue;
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) {
    results[name] = { errors: validationErrors.map(shape) };
    continue;
  }
  const result = await execute({ schema, document, rootValue: rootValue(), variableValues, operationName });
  const out = {};
  if (result.errors) out.errors = result.errors.map(shape);
  if ('data' in result) out.data = result.data;
  results[name] = out;
}

process.stdout.write(JSON.stringify(results));
