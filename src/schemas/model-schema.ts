import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonSchema } from './define.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Generates the JSON Schema of the resolved model (`curriculum.json`) from its
 * TypeScript types, so that the two cannot drift apart. The generator speaks draft-07;
 * the result is restated in draft 2020-12 like the document schemas.
 */
export async function generateModelSchema(): Promise<JsonSchema> {
  const { createGenerator } = await import('ts-json-schema-generator');
  const generated = createGenerator({
    path: path.join(root, 'src/model/types.ts'),
    tsconfig: path.join(root, 'tsconfig.json'),
    type: 'Curriculum',
    skipTypeCheck: true,
    expose: 'export',
    topRef: false,
    jsDoc: 'extended',
    additionalProperties: false,
  }).createSchema('Curriculum') as Record<string, unknown>;
  const { $schema: _draft7, definitions, ...rest } = generated;
  const text = JSON.stringify({ ...rest, $defs: definitions }).replaceAll('"#/definitions/', '"#/$defs/');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Resolved curriculum',
    description:
      'One program as the compiler resolved it (dist/<program>/curriculum.json): references resolved, date-times both local and UTC, weeks and phase spans computed, the completion policy normalized.',
    ...(JSON.parse(text) as JsonSchema),
  };
}
