import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { Reporter } from '../diagnostics/reporter.ts';
import type { SourceEntry } from '../load/discover.ts';
import { displayPath } from '../load/discover.ts';
import type { DocumentKind } from '../load/document-kinds.ts';
import type { ErrorObject } from 'ajv';
import { LoadedDocument, parseYaml } from '../load/parse-yaml.ts';
import { readSource, readSourceSync } from '../load/read-source.ts';
import type { SourceFile } from '../load/source-file.ts';
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
   * Set when values that failed their schema were left out of `document` (optional keys,
   * or whole list items): the rest of the file is checked as usual, and what depends on
   * the values left out is not.
   */
  readonly pruned?: boolean;
  /** The list items left out, with their ids when they have one: references to those are not reported. */
  readonly dropped?: readonly DroppedItem[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A list item left out of a document for its schema errors. */
export interface DroppedItem {
  /** The path of the list in the source: `['assignments']`, `['sessions']`. */
  readonly list: readonly (string | number)[];
  readonly id?: string;
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
  return checkSource(entry, await readSource(entry.absolutePath, displayPath(entry.absolutePath), reporter), reporter);
}

/** `checkFile` with a blocking read, for a worker thread (see readSourceSync). */
export function checkFileSync(entry: SourceEntry): CheckedFile {
  const reporter = new Reporter();
  return checkSource(entry, readSourceSync(entry.absolutePath, displayPath(entry.absolutePath), reporter), reporter);
}

function checkSource(entry: SourceEntry, file: SourceFile | undefined, reporter: Reporter): CheckedFile {
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
  if (pruned && isValidated(pruned.document, true)) {
    return { entry, document: pruned.document, usable: true, pruned: true, ...(pruned.dropped.length ? { dropped: pruned.dropped } : {}), diagnostics: reporter.diagnostics };
  }
  return { entry, document, usable: false, diagnostics: reporter.diagnostics };
}

function onlyUnknownKey(error: ErrorObject): boolean {
  return error.keyword === 'additionalProperties';
}

/**
 * The document without the values that failed their schema, when that leaves it valid:
 * one wrong value then withholds only itself, not the whole file, and the file's other
 * values are still checked. First the optional keys whose values are wrong are left out;
 * where that is not enough (a required key is wrong, an item is not even an object), the
 * list item that holds the error is left out whole, and its siblings stay (one module
 * of a week, one assignment of the list). The document maps paths through the items
 * left out, so that every value kept is still located where it is written.
 */
function withoutInvalidValues(
  kind: DocumentKind,
  document: LoadedDocument,
  errors: readonly ErrorObject[],
  validator: SchemaValidator,
): { document: LoadedDocument; dropped: DroppedItem[] } | undefined {
  const data = structuredClone(document.data);
  for (const error of errors) {
    if (onlyUnknownKey(error)) continue;
    const path = pathOf(error, data);
    const key = path.pop();
    // An item of a list: left out below, with the list items that still fail.
    if (key === undefined || typeof key === 'number') continue;
    const parent = valueAt(data, path);
    if (parent && typeof parent === 'object' && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key];
  }
  const remaining = validator.validate(kind, data).filter((e) => !onlyUnknownKey(e));
  if (remaining.length === 0) return { document: new LoadedDocument(kind, document.file, data), dropped: [] };

  // The innermost list item on each error that leaving keys out did not mend (a required
  // key was left out, an item is not even an object). Paths are still those of the
  // source: nothing has been taken out of a list yet.
  const items = new Map<string, { list: (string | number)[]; index: number }>();
  for (const error of remaining) {
    const path = pathOf(error, data);
    const last = path.findLastIndex((segment) => typeof segment === 'number');
    // An error outside every list (a required key of the document itself): the file stays withheld as a whole.
    if (last < 0) return undefined;
    const list = path.slice(0, last);
    items.set(JSON.stringify([...list, path[last]]), { list, index: path[last] as number });
  }
  const byList = new Map<string, { list: (string | number)[]; indices: Set<number> }>();
  for (const { list, index } of items.values()) {
    const key = JSON.stringify(list);
    const entry = byList.get(key) ?? { list, indices: new Set<number>() };
    entry.indices.add(index);
    byList.set(key, entry);
  }
  const dropped: DroppedItem[] = [];
  const keptIndices = new Map<string, number[]>();
  // Every list is found before any is shortened, so that the source paths still lead to them.
  const lists = [...byList].map(([key, entry]) => ({ key, ...entry, array: valueAt(data, entry.list) }));
  for (const { key, list, indices, array } of lists) {
    if (!Array.isArray(array)) return undefined;
    for (const index of indices) {
      const id = (array[index] as { id?: unknown } | undefined)?.id;
      dropped.push({ list, ...(typeof id === 'string' ? { id } : {}) });
    }
    keptIndices.set(key, array.map((_, i) => i).filter((i) => !indices.has(i)));
  }
  for (const { indices, array } of lists) {
    for (const index of [...indices].sort((a, b) => b - a)) (array as unknown[]).splice(index, 1);
  }
  // A list that must not be empty, or a rule across items: the file stays withheld as a whole.
  if (!validator.validate(kind, data).every(onlyUnknownKey)) return undefined;
  return { document: new LoadedDocument(kind, document.file, data, undefined, keptIndices), dropped };
}

/** An error's place in `data`, the indices of lists as numbers (a mapping's key `2024` stays a string). */
function pathOf(error: ErrorObject, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let value = data;
  for (const raw of error.instancePath.split('/').slice(1)) {
    const text = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(value) && /^\d+$/.test(text) ? Number(text) : text;
    path.push(segment);
    value = (value as Record<string | number, unknown> | undefined)?.[segment];
  }
  return path;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}
