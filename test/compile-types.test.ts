/**
 * The generator of document types from JSON Schemas: each feature the document schemas
 * use gives the type that accepts exactly the shapes the schema accepts, or a wider one
 * where TypeScript cannot say more; a keyword it does not know is refused.
 */
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../src/schemas/define.ts';
import { schemaTypesSource } from '../src/validate/compile-types.ts';

const names = { roots: { thing: 'Thing' }, def: (name: string) => `Def${name}` };
const generate = (schema: JsonSchema) => schemaTypesSource({ thing: schema }, names);

describe('document types from JSON Schemas', () => {
  it('gives a closed object an interface, with required and optional keys and documented properties', () => {
    const source = generate({
      title: 'Thing',
      description: 'A thing.',
      type: 'object',
      required: ['id'],
      properties: {
        id: { title: 'Id', description: 'Its id.', type: 'string', pattern: '^[a-z]+$' },
        size: { type: 'integer', minimum: 1 },
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        nested: { type: 'object', properties: { on: { type: 'boolean' } }, additionalProperties: false },
      },
      additionalProperties: false,
    });
    expect(source).toBe(
      [
        '/** Thing: A thing. */',
        'export interface Thing {',
        '  /**',
        '   * Id: Its id.',
        '   * @pattern ^[a-z]+$',
        '   */',
        '  id: string;',
        '  size?: number;',
        '  tags?: string[];',
        '  nested?: {',
        '    on?: boolean;',
        '  };',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('leaves an object that is not closed open to other keys', () => {
    expect(generate({ type: 'object', properties: { a: { type: 'string' } } })).toContain('[key: string]: unknown;');
  });

  it('writes enums and constants as literal unions, and oneOf of types as a union', () => {
    const source = generate({
      type: 'object',
      properties: {
        level: { enum: ['low', "it's high"] },
        attempts: { oneOf: [{ type: 'integer', minimum: 1 }, { const: 'unlimited' }] },
        content: { oneOf: [{ type: 'string' }, { type: 'object', required: ['file'], properties: { file: { type: 'string' } }, additionalProperties: false }] },
        list: { type: 'array', items: { enum: ['a', 'b'] } },
      },
      additionalProperties: false,
    });
    expect(source).toContain("level?: 'low' | 'it\\'s high';");
    expect(source).toContain("attempts?: number | 'unlimited';");
    expect(source).toContain('content?: string | {\n    file: string;\n  };');
    expect(source).toContain("list?: ('a' | 'b')[];");
  });

  it('keeps the keys optional where only required-only branches or conditions say which are present', () => {
    const source = generate({
      type: 'object',
      properties: { url: { type: 'string' }, handle: { type: 'string' }, kind: { enum: ['x', 'y'] } },
      additionalProperties: false,
      anyOf: [{ required: ['url'] }, { required: ['handle'] }],
      allOf: [{ if: { properties: { kind: { const: 'x' } }, required: ['kind'] }, then: { required: ['url'] }, else: { not: { required: ['url'] } } }],
    });
    expect(source).toContain('url?: string;');
    expect(source).toContain('handle?: string;');
  });

  it('names each $defs entry and refers to it by name, recursively', () => {
    const source = generate({
      type: 'object',
      required: ['root'],
      properties: { root: { $ref: '#/$defs/node' } },
      additionalProperties: false,
      $defs: {
        node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } }, additionalProperties: false },
      },
    });
    expect(source).toContain('export interface Thing {\n  root: Defnode;\n}');
    expect(source).toContain('export interface Defnode {\n  children?: Defnode[];\n}');
  });

  it('refuses keywords and references it cannot turn into a type', () => {
    expect(() => generate({ type: 'object', patternProperties: { '^x': { type: 'string' } } })).toThrow(/patternProperties/);
    expect(() => generate({ $ref: 'other.schema.json' })).toThrow(/\$ref/);
    expect(() => generate({ allOf: [{ type: 'string' }] })).toThrow(/allOf/);
  });
});
