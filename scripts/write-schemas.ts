// Writes schemas/*.schema.json, the compiled validators and the document types from src/schemas (run: npm run schemas).
// A test fails when they are stale.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentSchemas, schemaFileName } from '../src/schemas/index.ts';
import { generateModelSchema } from '../src/schemas/model-schema.ts';
import { serializeSchema } from '../src/schemas/serialize.ts';
import { documentTypesSource } from '../src/validate/compile-types.ts';
import { validatorsModuleSource } from '../src/validate/compile-validators.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schemas');
for (const [kind, schema] of Object.entries(documentSchemas)) {
  await writeFile(path.join(dir, schemaFileName(kind as keyof typeof documentSchemas)), serializeSchema(schema));
}
await writeFile(path.join(dir, schemaFileName('curriculum')), serializeSchema(await generateModelSchema()));
await writeFile(path.resolve(dir, '../src/validate/generated/validators.js'), validatorsModuleSource());
await writeFile(path.resolve(dir, '../src/validate/generated/documents.ts'), documentTypesSource());
console.log(`wrote ${Object.keys(documentSchemas).length + 1} schemas to schemas/ and their validators and types to src/validate/generated/`);
