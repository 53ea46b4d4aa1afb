import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { Reporter } from '../diagnostics/reporter.ts';
import type { SourceEntry } from '../load/discover.ts';
import { displayPath } from '../load/discover.ts';
import { parseYaml, type LoadedDocument } from '../load/parse-yaml.ts';
import { readSource } from '../load/read-source.ts';
import { reportSchemaErrors } from './schema-errors.ts';
import { SchemaValidator } from './schema-validator.ts';

/** The outcome of reading, parsing and schema-checking one file. */
export interface CheckedFile {
  readonly entry: SourceEntry;
  /** The parsed document; absent when the file could not be read or parsed. */
  readonly document?: LoadedDocument;
  /** Whether the document matches its schema well enough to be resolved (unknown keys alone do not prevent it). */
  readonly usable: boolean;
  readonly diagnostics: readonly Diagnostic[];
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
  const usable = errors.every((e) => e.keyword === 'additionalProperties');
  return { entry, document, usable, diagnostics: reporter.diagnostics };
}
