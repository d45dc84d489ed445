// Two commands for the introspection round-trip test:
//   node introspection.mjs query          prints getIntrospectionQuery() with every option on
//   node introspection.mjs print <file>   prints printSchema(buildClientSchema(<introspection result in file>))
import { readFileSync } from 'node:fs';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const [command, file] = process.argv.slice(2);
if (command === 'query') {
  process.stdout.write(getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  }));
} else if (command === 'print') {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  process.stdout.write(printSchema(buildClientSchema(result.data)));
} else {
  throw new Error(`unknown command ${command}`);
}
