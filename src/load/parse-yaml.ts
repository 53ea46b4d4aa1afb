import { isAlias, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { SourceRange } from '../diagnostics/diagnostic.ts';
import type { Location, Reporter } from '../diagnostics/reporter.ts';
import type { DocumentKind } from './document-kinds.ts';
import { locateNode, type DataPath, type NodePart } from './locate.ts';
import type { SourceFile } from './source-file.ts';

/** Aliases beyond this many expansions are refused (the "billion laughs" defence). */
const MAX_ALIAS_COUNT = 100;

/** A parsed YAML document of a known kind, with its data and a way back to its source. */
export class LoadedDocument {
  readonly kind: DocumentKind;
  readonly file: SourceFile;
  readonly yaml: Document.Parsed;
  readonly data: unknown;

  constructor(kind: DocumentKind, file: SourceFile, yaml: Document.Parsed, data: unknown) {
    this.kind = kind;
    this.file = file;
    this.yaml = yaml;
    this.data = data;
  }

  /**
   * The location of the value (or key) at `path`, for a diagnostic. The range is found
   * only when something reads it: locations are handed out for every definition and
   * reference, but a clean run never needs one.
   */
  at(path: DataPath, part: NodePart = 'value'): Location {
    let range: SourceRange | undefined;
    const document = this;
    return {
      file: this.file.path,
      get range() {
        range ??= document.rangeAt(path, part);
        return range;
      },
    };
  }

  rangeAt(path: DataPath, part: NodePart = 'value'): SourceRange {
    const [start, end] = locateNode(this.yaml, path, part);
    return this.file.range(start, firstLineEnd(this.file.text, start, end));
  }
}

/** Multi-line values (a whole mapping) are underlined on their first line only. */
function firstLineEnd(text: string, start: number, end: number): number {
  const newline = text.indexOf('\n', start);
  let lineEnd = newline === -1 || newline > end ? end : newline;
  while (lineEnd > start && /\s/.test(text[lineEnd - 1]!)) lineEnd--;
  return lineEnd;
}

/**
 * Parses one YAML source. Syntax errors, duplicate keys, several documents, alias
 * bombs and empty files become diagnostics; the result is undefined when the file
 * has no usable data.
 */
export function parseYaml(kind: DocumentKind, file: SourceFile, reporter: Reporter): LoadedDocument | undefined {
  const yaml = parseDocument(file.text, {
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (yaml.errors.length > 0) {
    for (const error of yaml.errors) reportYamlError(error, file, reporter);
    return undefined;
  }
  if (yaml.contents === null) {
    reporter.report('file_empty', `\`${file.path}\` contains no ${kind} document`, { file: file.path });
    return undefined;
  }
  let data: unknown;
  try {
    data = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError || /alias/i.test(String(error))) {
      const offset = firstAliasOffset(yaml);
      reporter.report(
        'yaml_alias_limit',
        `Expanding the aliases of \`${file.path}\` would exceed ${MAX_ALIAS_COUNT} copies`,
        { file: file.path, range: file.range(offset, offset + 1) },
        { label: 'aliases from here on are expanded too often' },
      );
      return undefined;
    }
    throw error;
  }
  return new LoadedDocument(kind, file, yaml, data);
}

function reportYamlError(error: YAMLError, file: SourceFile, reporter: Reporter): void {
  const [start, end] = error.pos;
  const location = { file: file.path, range: file.range(start, Math.max(end, start + 1)) };
  const message = error.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
  switch (error.code) {
    case 'DUPLICATE_KEY':
      reporter.report('yaml_duplicate_key', 'This mapping has the same key twice', location, {
        label: 'duplicate key',
      });
      return;
    case 'MULTIPLE_DOCS':
      reporter.report('yaml_multiple_documents', `\`${file.path}\` holds more than one YAML document`, location, {
        label: 'a second document starts here',
      });
      return;
    case 'RESOURCE_EXHAUSTION':
      reporter.report('yaml_alias_limit', message, location);
      return;
    case 'TAB_AS_INDENT':
      reporter.report('yaml_syntax', 'A tab is used for indentation', location, {
        hint: 'YAML indents with spaces only; replace the tab with spaces.',
      });
      return;
    default:
      reporter.report('yaml_syntax', sentence(message), location, { hint: yamlHint(error, file) });
  }
}

function yamlHint(error: YAMLError, file: SourceFile): string | undefined {
  const char = file.text[error.pos[0]];
  if (error.code === 'BAD_SCALAR_START' || (char !== undefined && '@`'.includes(char))) {
    return 'Put values that start with a special character in quotes.';
  }
  if (error.code === 'MISSING_CHAR') return 'Close the quote, bracket or brace that was opened.';
  if (error.code === 'BAD_INDENT') return 'Align the line with its siblings, using spaces.';
  return undefined;
}

function sentence(message: string): string {
  const trimmed = message.replace(/\.$/, '');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

function firstAliasOffset(yaml: Document): number {
  let offset = 0;
  visit(yaml, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}
