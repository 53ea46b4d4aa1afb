/** A JSON Schema (draft 2020-12) as a plain object. */
export type JsonSchema = { readonly [key: string]: unknown };

/** Documents a schema: editors show the title and description on hover and offer the examples. */
export function doc(title: string, description: string, schema: JsonSchema, examples?: readonly unknown[]): JsonSchema {
  return { title, description, ...schema, ...(examples ? { examples } : {}) };
}

/** A closed object: unknown keys are errors, because a misspelt key would otherwise be silently ignored. */
export function object(
  properties: Record<string, JsonSchema>,
  required: readonly string[] = [],
  extra: JsonSchema = {},
): JsonSchema {
  return {
    type: 'object',
    ...(required.length > 0 ? { required } : {}),
    properties,
    additionalProperties: false,
    ...extra,
  };
}

export function array(items: JsonSchema, extra: JsonSchema = {}): JsonSchema {
  return { type: 'array', items, ...extra };
}

/** Wraps a document kind's root schema with the draft marker and its identity. */
export function documentSchema(
  title: string,
  description: string,
  root: JsonSchema,
  defs?: Record<string, JsonSchema>,
): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title,
    description,
    ...root,
    ...(defs ? { $defs: defs } : {}),
  };
}
