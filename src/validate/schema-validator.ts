import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { DocumentKind } from '../load/document-kinds.ts';
import { documentSchemas } from '../schemas/index.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under Node's ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

/**
 * Compiles each document kind's schema once, on first use, with every error reported
 * (not only the first) and the schema objects kept so that errors can be explained.
 */
export class SchemaValidator {
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<DocumentKind, ValidateFunction>();

  constructor() {
    this.#ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(this.#ajv);
    // An annotation that our error mapping reads; editors ignore it.
    this.#ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' });
  }

  /** Validates `data` against its kind's schema; returns the raw errors (empty when valid). */
  validate(kind: DocumentKind, data: unknown): ErrorObject[] {
    const validate = this.#validator(kind);
    return validate(data) ? [] : [...(validate.errors ?? [])];
  }

  #validator(kind: DocumentKind): ValidateFunction {
    let validate = this.#compiled.get(kind);
    if (!validate) {
      validate = this.#ajv.compile(documentSchemas[kind]);
      this.#compiled.set(kind, validate);
    }
    return validate;
  }
}
