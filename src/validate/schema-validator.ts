import type { ErrorObject } from 'ajv';
import type { DocumentKind } from '../load/document-kinds.ts';
import * as validators from './generated/validators.js';

/**
 * Validates documents against their kind's schema with every error reported (not only
 * the first) and the schema objects kept so that errors can be explained. The
 * validators are compiled ahead of time (see compile-validators.ts).
 */
export class SchemaValidator {
  /** Validates `data` against its kind's schema; returns the raw errors (empty when valid). */
  validate(kind: DocumentKind, data: unknown): ErrorObject[] {
    const validate = validators[validatorName(kind)];
    return validate(data) ? [] : [...(validate.errors ?? [])];
  }
}

/** The export of a kind's validator: a module export must be an identifier (`accepted-warnings` → `acceptedWarnings`). */
export function validatorName(kind: DocumentKind): keyof typeof validators {
  return kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof typeof validators;
}
