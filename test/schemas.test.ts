/**
 * The published JSON Schemas (`schemas/*.schema.json`), read from disk and compiled by a
 * fresh ajv, independent of the compiler's own validator: the real programs validate
 * against the schemas they name; the resolved models validate against
 * `curriculum.schema.json`; and the document schemas are fit for editors (every property
 * documented, scalars with examples, objects closed, examples themselves valid).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type AnySchema, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../src/index.ts';
import { repoRoot } from './support/samples.ts';

type Schema = { [key: string]: unknown };

// ajv-formats is CommonJS; under Node's ESM interop its function may sit on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const schemasDir = path.join(repoRoot, 'schemas');
const documentKinds = ['catalog', 'program', 'competences', 'module', 'assessment', 'assignments', 'schedule', 'policy', 'accepted-warnings'] as const;
const readSchema = (name: string) => JSON.parse(readFileSync(path.join(schemasDir, `${name}.schema.json`), 'utf8')) as Schema;

function freshAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' });
  return ajv;
}

/** The kind a source file has by its place in a program folder (the README's layout). */
function kindOf(relative: string): (typeof documentKinds)[number] {
  if (relative === 'catalog.yaml') return 'catalog';
  const [, ...rest] = relative.split('/');
  const inner = rest.join('/');
  if (inner.startsWith('modules/')) return 'module';
  if (inner.startsWith('assessments/')) return 'assessment';
  return inner.replace(/\.ya?ml$/, '') as (typeof documentKinds)[number];
}

function sourceFiles(): string[] {
  const root = path.join(repoRoot, 'curriculum');
  return (readdirSync(root, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

describe('the example programs validate against the schemas they name', () => {
  const ajv = freshAjv();
  const validators = new Map<string, ValidateFunction>();
  const files = sourceFiles();

  it('finds the sources of both programs', () => {
    expect(files.filter((f) => f.endsWith('/program.yaml'))).toEqual(['caring-cities/program.yaml', 'crisis-scro/program.yaml']);
    expect(files.length).toBeGreaterThan(50);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(path.join(repoRoot, 'curriculum', file), 'utf8');
      // The first line tells editors which schema applies; it must be the file's own kind.
      const declared = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text)?.[1];
      expect(declared, 'the first line names the schema').toBeDefined();
      const schemaFile = path.resolve(path.dirname(path.join(repoRoot, 'curriculum', file)), declared!);
      expect(path.relative(repoRoot, schemaFile)).toBe(`schemas/${kindOf(file)}.schema.json`);

      let validate = validators.get(schemaFile);
      if (!validate) {
        validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as AnySchema);
        validators.set(schemaFile, validate);
      }
      const valid = validate(parse(text));
      expect(valid ? [] : validate.errors).toEqual([]);
    });
  }
});

describe('the resolved models validate against curriculum.schema.json', () => {
  let result: CheckResult;
  let validate: ValidateFunction;
  beforeAll(async () => {
    result = await check('curriculum');
    validate = freshAjv().compile(readSchema('curriculum') as AnySchema);
  });

  it('both programs resolve', () => {
    expect(result.curricula.map((c) => c.program.id).sort()).toEqual(['caring-cities', 'crisis-scro']);
  });

  for (const id of ['caring-cities', 'crisis-scro']) {
    it(`${id}/curriculum.json`, () => {
      // As written to dist/: through JSON, so that only what survives serialization is checked.
      const json = JSON.parse(JSON.stringify(result.curricula.find((c) => c.program.id === id))) as unknown;
      const valid = validate(json);
      expect(valid ? [] : validate.errors).toEqual([]);
    });
  }

  it('rejects a model with a missing or misspelt field (the schema is not vacuous)', () => {
    const json = JSON.parse(JSON.stringify(result.curricula[0])) as Record<string, unknown>;
    const { sourceDate: _dropped, ...withoutSourceDate } = json;
    expect(validate(withoutSourceDate)).toBe(false);
    expect(validate({ ...json, programme: json.program })).toBe(false);
  });
});

/** Every sub-schema of a document schema, with a readable path, following `$ref`s into `$defs` once. */
function* walk(root: Schema): Generator<{ at: string; schema: Schema; property?: string; propertySchema?: Schema }> {
  const seen = new Set<Schema>();
  const resolve = (s: Schema): Schema => {
    const ref = s.$ref;
    if (typeof ref !== 'string') return s;
    const name = ref.replace('#/$defs/', '');
    return (root.$defs as Record<string, Schema>)[name]!;
  };
  function* visit(schema: Schema, at: string): Generator<{ at: string; schema: Schema; property?: string; propertySchema?: Schema }> {
    if (seen.has(schema)) return;
    seen.add(schema);
    yield { at, schema };
    for (const [key, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      yield { at: `${at}.${key}`, schema, property: key, propertySchema: property };
      yield* visit(resolve(property), `${at}.${key}`);
    }
    for (const key of ['items', 'then', 'else', 'not'] as const) {
      if (schema[key] && typeof schema[key] === 'object') yield* visit(resolve(schema[key] as Schema), `${at}[${key}]`);
    }
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      for (const [i, branch] of ((schema[key] ?? []) as Schema[]).entries()) yield* visit(resolve(branch), `${at}/${key}[${i}]`);
    }
    for (const [name, def] of Object.entries((schema.$defs ?? {}) as Record<string, Schema>)) yield* visit(def, `#/$defs/${name}`);
  }
  yield* visit(root, '');
}

/** A value a designer types on one line (text, a number, a choice), not a list or a mapping. */
function isScalar(schema: Schema): boolean {
  if (schema.type === 'object' || schema.type === 'array' || schema.$ref) return false;
  if (['string', 'number', 'integer', 'boolean'].includes(String(schema.type))) return true;
  if (Array.isArray(schema.enum) || 'const' in schema) return true;
  const branches = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  return Array.isArray(branches) && branches.every(isScalar);
}

/**
 * Objects that are deliberately open to keys the schema does not list: a misspelt key must
 * never be ignored, so each of these is a map whose keys the compiler checks itself (a
 * per-item `split` is keyed by item ids, each reported when it is not one of the component's items).
 */
const deliberatelyOpen = new Set<string>(['policy.grading.components[items].split/oneOf[1]']);

describe.each(documentKinds)('schemas/%s.schema.json is fit for editors', (kind) => {
  const root = readSchema(kind);
  const nodes = [...walk(root)];
  const properties = nodes.filter((n) => n.property !== undefined);
  const resolve = (s: Schema) => (typeof s.$ref === 'string' ? (root.$defs as Record<string, Schema>)[s.$ref.replace('#/$defs/', '')]! : s);

  it('is a draft 2020-12 document schema with a title and a description', () => {
    expect(root.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(root.title).toEqual(expect.any(String));
    expect(root.description).toEqual(expect.any(String));
    expect(properties.length).toBeGreaterThan(0);
  });

  it('documents every property with a title and a description', () => {
    const undocumented = properties
      .filter(({ propertySchema }) => {
        const target = resolve(propertySchema!);
        const title = propertySchema!.title ?? target.title;
        const description = propertySchema!.description ?? target.description;
        return !(typeof title === 'string' && title.length > 0 && typeof description === 'string' && description.length > 10);
      })
      .map((p) => p.at);
    expect(undocumented).toEqual([]);
  });

  it('gives examples for every value a designer types', () => {
    const missing = properties
      .filter(({ propertySchema }) => isScalar(resolve(propertySchema!)) && !Array.isArray(propertySchema!.examples ?? resolve(propertySchema!).examples))
      .map((p) => p.at);
    expect(missing).toEqual([]);
  });

  it('closes every object to unknown keys', () => {
    const open = nodes
      .filter(({ schema, property }) => property === undefined && (schema.type === 'object' || schema.properties !== undefined))
      .filter(({ schema, at }) => schema.additionalProperties !== false && !deliberatelyOpen.has(`${kind}${at}`))
      .map((n) => n.at || '(root)');
    expect(open).toEqual([]);
  });

  it('has examples that its own rules accept', () => {
    const ajv = freshAjv();
    ajv.addSchema({ ...root, $id: `https://schemas.test/${kind}.json` } as AnySchema);
    const rejected: string[] = [];
    for (const { at, propertySchema } of properties) {
      for (const example of (propertySchema!.examples ?? []) as unknown[]) {
        const validate = ajv.compile({ $ref: `https://schemas.test/${kind}.json#${pointerOf(root, propertySchema!)}` });
        if (!validate(example)) rejected.push(`${at}: ${JSON.stringify(example)} (${ajv.errorsText(validate.errors)})`);
      }
    }
    expect(rejected).toEqual([]);
  });
});

/** The JSON pointer of a sub-schema inside `root` (found by identity). */
function pointerOf(root: Schema, target: Schema): string {
  const search = (node: unknown, pointer: string): string | undefined => {
    if (node === target) return pointer;
    if (node === null || typeof node !== 'object') return undefined;
    for (const [key, value] of Object.entries(node)) {
      const found = search(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const found = search(root, '');
  if (found === undefined) throw new Error('sub-schema not found in its root');
  return found;
}
