/** Files generated from the sources of truth must be committed up to date. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderCatalogueDoc } from '../src/diagnostics/catalogue-doc.ts';
import { documentSchemas, schemaFileName } from '../src/schemas/index.ts';
import { generateModelSchema } from '../src/schemas/model-schema.ts';
import { serializeSchema } from '../src/schemas/serialize.ts';
import { documentTypesSource } from '../src/validate/compile-types.ts';
import { validatorsModuleSource } from '../src/validate/compile-validators.ts';

describe('generated files are current (regenerate with npm run schemas / npm run docs)', () => {
  for (const [kind, schema] of Object.entries(documentSchemas)) {
    it(`schemas/${kind}.schema.json`, async () => {
      expect(await readFile(`schemas/${schemaFileName(kind as keyof typeof documentSchemas)}`, 'utf8')).toBe(serializeSchema(schema));
    });
  }
  it('schemas/curriculum.schema.json', async () => {
    expect(await readFile('schemas/curriculum.schema.json', 'utf8')).toBe(serializeSchema(await generateModelSchema()));
  });
  it('src/validate/generated/validators.js', async () => {
    expect(await readFile('src/validate/generated/validators.js', 'utf8')).toBe(validatorsModuleSource());
  });
  it('src/validate/generated/documents.ts', async () => {
    expect(await readFile('src/validate/generated/documents.ts', 'utf8')).toBe(documentTypesSource());
  });
  it('docs/diagnostics.md', async () => {
    expect(await readFile('docs/diagnostics.md', 'utf8')).toBe(renderCatalogueDoc());
  });
});
