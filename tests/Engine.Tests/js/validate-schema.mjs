// Validates JSON documents against the definition schemas in docs/schema with Ajv (JSON Schema draft 2020-12).
// Usage: node validate-schema.mjs <schema-folder> < request.json
// The request is a list of { "name", "schema" (file name in the folder), "document" (JSON text) }; the answer, on
// stdout, is a list of { "name", "valid", "errors": [{ "path", "keyword", "message" }] } in the same order.
// Schemas are compiled in strict mode, so a mistake in a schema itself fails loudly instead of matching everything.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node validate-schema.mjs <schema-folder> < request.json');
  process.exit(2);
}

// strictRequired stays off: per-type rules (if type is select then required options) name properties declared one level up.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
// errorMessage is VS Code's annotation: the message an editor shows when a property its subschema forbids is present
// ("does not apply to a timer step, which uses only ..."). It changes no outcome, so Ajv only needs to know the name;
// any other unknown keyword still fails the compile.
ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });

const validators = new Map();
for (const file of readdirSync(folder).filter((f) => f.endsWith('.schema.json')).sort()) {
  const schema = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  try {
    validators.set(file, ajv.compile(schema));
  } catch (error) {
    console.error(`${file} is not a valid JSON Schema: ${error.message}`);
    process.exit(3);
  }
}

const request = JSON.parse(readFileSync(0, 'utf8'));
const answers = request.map(({ name, schema, document }) => {
  const validate = validators.get(schema);
  if (!validate) {
    return { name, valid: false, errors: [{ path: '', keyword: 'schema', message: `no schema named ${schema} in ${folder}` }] };
  }

  let value;
  try {
    value = JSON.parse(document);
  } catch (error) {
    return { name, valid: false, errors: [{ path: '', keyword: 'json', message: error.message }] };
  }

  const valid = validate(value);
  const errors = (validate.errors ?? []).map((e) => ({
    path: e.instancePath,
    keyword: e.keyword,
    message: `${e.message}${e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : ''}`,
  }));
  return { name, valid, errors };
});

process.stdout.write(JSON.stringify(answers));
