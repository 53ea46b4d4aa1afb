import type { JsonSchema } from './define.ts';

/** Schemas are committed files: one stable layout, so that a diff shows only real changes. */
export function serializeSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
