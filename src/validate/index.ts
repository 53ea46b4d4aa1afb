import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { Reporter } from '../diagnostics/reporter.ts';
import type { SourceEntry } from '../load/discover.ts';
import { displayPath } from '../load/discover.ts';
import type { DocumentKind } from '../load/document-kinds.ts';
import type { ErrorObject } from 'ajv';
import { LoadedDocument, parseYaml } from '../load/parse-yaml.ts';
import { readSource } from '../load/read-source.ts';
import type { AnyValidatedDocument, ValidatedDocument } from './documents.ts';
import { reportSchemaErrors } from './schema-errors.ts';
import { SchemaValidator } from './schema-validator.ts';

/** The outcome of reading, parsing and schema-checking one file. */
export type CheckedFile = UsableFile | UnusableFile;

/** A file whose document matches its schema well enough to be resolved (unknown keys alone do not prevent it). */
export interface UsableFile {
  readonly entry: SourceEntry;
  readonly document: AnyValidatedDocument;
  readonly usable: true;
  /**
   * Set when values that failed their schema were left out of `document` (optional keys
   * only): the rest of the file is checked as usual, and what depends on the values left
   * out is not.
   */
  readonly pruned?: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

export interface UnusableFile {
  readonly entry: SourceEntry;
  /** The parsed document; absent when the file could not be read or parsed. */
  readonly document?: LoadedDocument;
  readonly usable: false;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Types a document by its schema's verdict (`usable`). The verdict, not the validator, is
 * the guard: a document with unknown keys fails its validator yet has every key the
 * resolver reads in its schema's shape, and a worker thread hands back only the verdict.
 */
export function isValidated(document: LoadedDocument, usable: boolean): document is AnyValidatedDocument {
  return usable;
}

/** Validated documents by kind, each typed by its kind. */
export type DocumentsByKind = { [K in DocumentKind]?: ValidatedDocument<K> };

export function fileByKind<K extends DocumentKind>(documents: DocumentsByKind, document: ValidatedDocument<K>): void {
  // Seen through its own kind, the map takes the document without a cast.
  const ofKind: { [P in K]?: ValidatedDocument<P> } = documents;
  ofKind[document.kind] = document;
}

let sharedValidator: SchemaValidator | undefined;

/**
 * Reads, parses and validates one source file against its kind's schema. The result
 * depends only on the file, so a watcher can keep it until the file changes.
 */
export async function checkFile(entry: SourceEntry): Promise<CheckedFile> {
  const reporter = new Reporter();
  const file = await readSource(entry.absolutePath, displayPath(entry.absolutePath), reporter);
  const document = file ? parseYaml(entry.kind, file, reporter) : undefined;
  if (!document) return { entry, usable: false, diagnostics: reporter.diagnostics };
  sharedValidator ??= new SchemaValidator();
  const errors = sharedValidator.validate(entry.kind, document.data);
  reportSchemaErrors(document, errors, reporter);
  document.releaseSyntaxTree();
  // Unknown keys alone leave every value the resolver reads in the shape it expects.
  const usable = errors.every(onlyUnknownKey);
  if (isValidated(document, usable)) return { entry, document, usable: true, diagnostics: reporter.diagnostics };
  const pruned = withoutInvalidValues(entry.kind, document, errors, sharedValidator);
  if (pruned && isValidated(pruned, true)) return { entry, document: pruned, usable: true, pruned: true, diagnostics: reporter.diagnostics };
  return { entry, document, usable: false, diagnostics: reporter.diagnostics };
}

function onlyUnknownKey(error: ErrorObject): boolean {
  return error.keyword === 'additionalProperties';
}

/**
 * The document without the optional keys whose values failed their schema, when that
 * leaves it valid: one wrong value then withholds only itself, not the whole file, and
 * the file's other values are still checked. Keys are left out, never list items, so
 * that every other value keeps its place (and its location) in the document.
 */
function withoutInvalidValues(kind: DocumentKind, document: LoadedDocument, errors: readonly ErrorObject[], validator: SchemaValidator): LoadedDocument | undefined {
  const data = structuredClone(document.data);
  for (const error of errors) {
    if (onlyUnknownKey(error)) continue;
    const path = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const key = path.pop();
    if (key === undefined || /^\d+$/.test(key)) return undefined;
    let parent: unknown = data;
    for (const segment of path) parent = (parent as Record<string, unknown> | undefined)?.[segment];
    if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return undefined;
    delete (parent as Record<string, unknown>)[key];
  }
  // A key that was required is now missing: the file stays withheld as a whole.
  if (!validator.validate(kind, data).every(onlyUnknownKey)) return undefined;
  return new LoadedDocument(kind, document.file, data);
}
