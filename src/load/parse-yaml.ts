import { isAlias, isMap, isScalar, parseDocument, Scalar, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { SourceRange } from '../diagnostics/diagnostic.ts';
import type { DiagnosticData, YamlAdvice } from '../diagnostics/messages.ts';
import type { Location, Reporter } from '../diagnostics/reporter.ts';
import { parseCommonYaml } from './common-yaml.ts';
import type { DocumentKind } from './document-kinds.ts';
import { locateNode, type DataPath, type NodePart } from './locate.ts';
import type { SourceFile } from './source-file.ts';

/** Aliases beyond this many expansions are refused (the "billion laughs" defence). */
const MAX_ALIAS_COUNT = 100;

/** How every source is parsed: duplicate keys are errors, positions are kept. */
const parseOptions = { prettyErrors: false, uniqueKeys: true, merge: true } as const;

/**
 * A parsed YAML document of a known kind, with its data and a way back to its source.
 *
 * The syntax tree is needed only to point diagnostics at nodes, and it is many times the
 * size of the data: once a document has been validated the tree is released, and parsed
 * again from the text only if a later diagnostic asks where something is. A 10 000-module
 * program no longer holds 20 000 trees in memory, and documents parsed in a worker thread
 * can be handed over as plain data.
 */
export class LoadedDocument {
  readonly kind: DocumentKind;
  readonly file: SourceFile;
  readonly data: unknown;
  /**
   * Lists some of whose items were left out of `data` (each failed its schema): by the
   * list's path in the source (as JSON), the source index of each item kept. Paths into
   * `data` are mapped through it, so that every value kept is still located where it is
   * written.
   */
  readonly keptIndices: ReadonlyMap<string, readonly number[]> | undefined;
  #yaml: Document.Parsed | undefined;

  constructor(kind: DocumentKind, file: SourceFile, data: unknown, yaml?: Document.Parsed, keptIndices?: ReadonlyMap<string, readonly number[]>) {
    this.kind = kind;
    this.file = file;
    this.data = data;
    this.#yaml = yaml;
    this.keptIndices = keptIndices;
  }

  /** The syntax tree, parsed again from the text when it was released. */
  get yaml(): Document.Parsed {
    this.#yaml ??= parseDocument(this.file.text, parseOptions);
    return this.#yaml;
  }

  /** Drops the syntax tree; `yaml` re-parses the text on demand. */
  releaseSyntaxTree(): void {
    this.#yaml = undefined;
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

  /** A path into `data` as a path into the source, where list items were left out. */
  sourcePath(path: DataPath): DataPath {
    const kept = this.keptIndices;
    if (!kept) return path;
    const out: (string | number)[] = [];
    for (const segment of path) {
      const indices = typeof segment === 'number' ? kept.get(JSON.stringify(out)) : undefined;
      out.push(indices ? (indices[segment as number] ?? segment) : segment);
    }
    return out;
  }

  rangeAt(path: DataPath, part: NodePart = 'value'): SourceRange {
    const [start, end] = locateNode(this.yaml, this.sourcePath(path), part);
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
  if (reportControlCharacter(file, reporter)) return undefined;
  // Most files are in the subset that common-yaml.ts reads many times faster, and need no
  // syntax tree unless a diagnostic asks where something is. A value that may hide a
  // comment is warned about from the tree, so such a text takes the library at once.
  if (!hashAfterText.test(file.text)) {
    const data = parseCommonYaml(file.text);
    if (data !== undefined) return new LoadedDocument(kind, file, data);
  }
  const yaml = parseDocument(file.text, parseOptions);
  if (yaml.errors.length > 0) {
    // A tab in the indentation derails the parser for the lines after it (their columns no
    // longer line up): it is the one mistake to report, once, however many lines it breaks.
    const tab = firstTabIndent(yaml.errors, file);
    if (tab) {
      const before = yaml.errors.filter((e) => e.pos[0] < tab.lineStart);
      reportErrors(before, yaml, file, reporter);
      const moreLines = tabIndentedLines(file) - 1;
      reporter.report('yaml_syntax', { kind: 'tab-indent', ...(moreLines > 0 ? { moreLines } : {}) }, { file: file.path, range: file.range(tab.offset, tab.offset + 1) });
      return undefined;
    }
    reportErrors(yaml.errors, yaml, file, reporter);
    return undefined;
  }
  if (yaml.contents === null) {
    const comments = file.text.trim().length > 0;
    reporter.report('file_empty', { kind, commentsOnly: comments }, { file: file.path });
    return undefined;
  }
  let data: unknown;
  try {
    data = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(message);
    if (unresolved) {
      const name = unresolved[1]!;
      const offset = firstAliasOffset(yaml, name);
      reporter.report('yaml_syntax', { kind: 'unresolved-alias', name }, { file: file.path, range: file.range(offset, offset + name.length + 1) });
      return undefined;
    }
    if (/alias/i.test(message)) {
      const offset = firstAliasOffset(yaml);
      reporter.report('yaml_alias_limit', { kind: 'expansion', limit: MAX_ALIAS_COUNT }, { file: file.path, range: file.range(offset, offset + 1) });
      return undefined;
    }
    throw error;
  }
  reportCommentsInValues(yaml, file, reporter);
  return new LoadedDocument(kind, file, data, yaml);
}

/** A `#` right after a space, with text straight after it: `Week #3`, `C #sharp`. */
const hashAfterText = /[^\s][ \t]+#[^\s#]/;

/**
 * Warns where a plain value is followed on its line by ` #text`: YAML drops the rest as a
 * comment, while the author almost always meant it as part of the value (a real comment
 * has a space after the `#`).
 */
function reportCommentsInValues(yaml: Document.Parsed, file: SourceFile, reporter: Reporter): void {
  if (!hashAfterText.test(file.text)) return;
  const check = (value: unknown, key: string | undefined) => {
    if (!isScalar(value) || value.type !== Scalar.PLAIN || !value.range) return;
    const after = /^[ \t]+(#[^\s#][^\n\r]*)/.exec(file.text.slice(value.range[1]));
    if (!after) return;
    const comment = after[1]!.trimEnd();
    const start = value.range[1] + after[0].length - after[1]!.length;
    const written = file.text.slice(value.range[0], value.range[1]);
    reporter.report('yaml_comment_in_value', { ...(key ? { key } : {}), value: written, comment }, { file: file.path, range: file.range(start, start + comment.length) });
  };
  visit(yaml, {
    Pair(_, pair) {
      check(pair.value, isScalar(pair.key) ? String(pair.key.value) : undefined);
    },
    Seq(_, seq) {
      if (!seq.flow) for (const item of seq.items) check(item, undefined);
    },
  });
}

/** One mistake often derails the parser into several errors on the same line; the first says most. */
function reportErrors(errors: readonly YAMLError[], yaml: Document.Parsed, file: SourceFile, reporter: Reporter): void {
  const lines = new Set<number>();
  for (const error of errors) {
    const line = file.position(error.pos[0]).line;
    if (lines.has(line)) continue;
    lines.add(line);
    reportYamlError(error, yaml, file, reporter);
  }
}

/**
 * The first tab in the indentation of a line the parser stumbled on. The parser names some
 * of them (`TAB_AS_INDENT`) but reports a tab after spaces, or after `-`, as misaligned
 * items instead; the tab is the cause either way.
 */
function firstTabIndent(errors: readonly YAMLError[], file: SourceFile): { offset: number; lineStart: number } | undefined {
  let first: { offset: number; lineStart: number } | undefined;
  for (const error of errors) {
    const { line } = file.position(error.pos[0]);
    const candidates = error.code === 'TAB_AS_INDENT' ? [line] : [line, line - 1];
    for (const n of candidates) {
      if (n < 1) continue;
      const indent = /^[ \t]*(?:-[ \t]+)?/.exec(file.lineText(n))![0];
      const column = indent.indexOf('\t');
      if (column === -1) continue;
      const lineStart = offsetOfLine(file, n);
      if (!first || lineStart < first.lineStart) first = { offset: lineStart + column, lineStart };
      break;
    }
  }
  return first;
}

function offsetOfLine(file: SourceFile, line: number): number {
  let offset = 0;
  for (let n = 1; n < line; n++) offset = file.text.indexOf('\n', offset) + 1;
  return offset;
}

/** Lines indented with a tab that start a key or a list item (in a block of text, a tab may be content). */
function tabIndentedLines(file: SourceFile): number {
  let count = 0;
  for (let n = 1; n <= file.lineCount; n++) if (/^ *(?:- +)?\t[ \t]*(?:-[ \t]|[^\s#-][^:]*:(?:\s|$))/.test(file.lineText(n))) count++;
  return count;
}

/**
 * YAML allows no control characters other than tab and line breaks; they mean the file
 * was damaged or is not text. Reports the first one, if any.
 */
function reportControlCharacter(file: SourceFile, reporter: Reporter): boolean {
  const match = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(file.text);
  if (!match) return false;
  reporter.report('yaml_syntax', { kind: 'control-character', codePoint: match[0].charCodeAt(0) }, { file: file.path, range: file.range(match.index, match.index + 1) });
  return true;
}

function reportYamlError(error: YAMLError, yaml: Document.Parsed, file: SourceFile, reporter: Reporter): void {
  const [start, end] = error.pos;
  const location = { file: file.path, range: file.range(start, Math.max(end, start + 1)) };
  const message = error.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const duplicate = findDuplicateKey(yaml, start);
      const name = duplicate ? String(duplicate.key.value) : undefined;
      reporter.report(
        'yaml_duplicate_key',
        { key: name },
        duplicate?.key.range ? { file: file.path, range: file.range(duplicate.key.range[0], duplicate.key.range[1]) } : location,
        {
          related: duplicate?.first.range ? [{ role: 'first-set', key: String(name), file: file.path, range: file.range(duplicate.first.range[0], duplicate.first.range[1]) }] : [],
        },
      );
      return;
    }
    case 'MULTIPLE_DOCS':
      reporter.report('yaml_multiple_documents', {}, location);
      return;
    case 'RESOURCE_EXHAUSTION':
      reporter.report('yaml_alias_limit', { kind: 'parser', parserMessage: message }, location);
      return;
    case 'TAB_AS_INDENT':
      reporter.report('yaml_syntax', { kind: 'tab-indent' }, location);
      return;
    case 'MISSING_CHAR': {
      const quoted = unclosedQuote(yaml, start);
      if (quoted?.range) {
        const quote = quoted.type === Scalar.QUOTE_DOUBLE ? '"' : "'";
        reporter.report('yaml_syntax', { kind: 'unclosed-quote', quote }, { file: file.path, range: file.range(quoted.range[0], quoted.range[0] + 1) });
        return;
      }
      // The parser's "missing character" also covers a key indented between two levels.
      const misaligned = /^Sequence item without/.test(message) ? explainMisaligned(error, file) : undefined;
      if (misaligned) {
        const { at, slip } = misaligned;
        reporter.report('yaml_syntax', slip, { file: file.path, range: file.range(at, at + slip.key.length) });
        return;
      }
      reporter.report('yaml_syntax', parserWords(message, yamlAdvice(error, file)), location);
      return;
    }
    default: {
      const explained = explainSyntaxError(error, yaml, file);
      reporter.report(
        'yaml_syntax',
        explained ? explained.slip : parserWords(message, yamlAdvice(error, file)),
        explained?.at ?? location,
      );
    }
  }
}

/** A slip of the author's that `explainSyntaxError` or `explainMisaligned` recognised, as `yaml_syntax` takes it. */
type AuthorSlip = Extract<DiagnosticData['yaml_syntax'], { readonly kind: 'no-space-after-colon' | 'colon-in-value' | 'indented-continuation' | 'unclosed-flow' | 'reserved-start' | 'misaligned' }>;

/** A YAML error in the parser's words, with what to do about it when the line tells. */
function parserWords(parserMessage: string, advice: YamlAdvice | undefined): DiagnosticData['yaml_syntax'] {
  return { kind: 'parser', parserMessage, ...(advice ? { advice } : {}) };
}

/**
 * The parser's words for the common mistakes ("Nested mappings are not allowed in compact
 * mappings") describe its grammar, not the author's slip: tells what the author did instead
 * (messages.ts words it), and where it was done.
 */
function explainSyntaxError(error: YAMLError, yaml: Document, file: SourceFile): { slip: AuthorSlip; at?: Location } | undefined {
  const start = error.pos[0];
  const { line, column } = file.position(start);
  const text = file.lineText(line);
  const noSpace = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(\S.*)$/.exec(text);
  if (noSpace && !noSpace[3]!.startsWith('//') && (error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'BLOCK_AS_IMPLICIT_KEY')) {
    const keyStart = start - (column - 1) + noSpace[1]!.length;
    return {
      slip: { kind: 'no-space-after-colon', key: noSpace[2]!, value: noSpace[3]! },
      at: { file: file.path, range: file.range(keyStart, keyStart + noSpace[2]!.length + 1) },
    };
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /^Nested mappings/.test(error.message)) {
    const rest = text.slice(column - 1);
    if (/:(\s|$)/.test(rest)) {
      const key = /^\s*(?:-\s+)?([^:]+):/.exec(text)?.[1]?.trim();
      return { slip: { kind: 'colon-in-value', ...(key ? { key } : {}), value: rest.trim() } };
    }
    return { slip: { kind: 'indented-continuation' } };
  }
  if (error.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(error.message)) {
    const open = unclosedFlow(yaml, start);
    if (open?.range) {
      return { slip: { kind: 'unclosed-flow', list: /^Flow sequence/.test(error.message) }, at: { file: file.path, range: file.range(open.range[0], open.range[0] + 1) } };
    }
  }
  if (error.code === 'BAD_SCALAR_START') {
    const value = /^\s*(?:-\s+)?([^:#]+):\s+(.*)$/.exec(text);
    return { slip: { kind: 'reserved-start', char: file.text[start] ?? '', ...(value ? { key: value[1]!.trim(), value: value[2]! } : {}) } };
  }
  return undefined;
}

/**
 * A key indented less than the keys above it but more than the list item they belong to:
 * it fits neither level. Says how far it is indented, and how far its siblings are.
 */
function explainMisaligned(error: YAMLError, file: SourceFile): { slip: AuthorSlip & { kind: 'misaligned' }; at: number } | undefined {
  const { line } = file.position(error.pos[0]);
  const own = /^( *)([^\s:#][^:]*):/.exec(file.lineText(line));
  if (!own) return undefined;
  for (let n = line - 1; n >= 1; n--) {
    const above = /^( *(?:- +)?)([^\s:#-][^:]*):/.exec(file.lineText(n));
    if (!above) {
      if (/^\s*(?:#.*)?$/.test(file.lineText(n))) continue;
      return undefined;
    }
    const want = above[1]!.length;
    const have = own[1]!.length;
    if (have >= want) return undefined;
    return { slip: { kind: 'misaligned', key: own[2]!, have, want, above: above[2]! }, at: offsetOfLine(file, line) + have };
  }
  return undefined;
}

/** The flow collection (`[…]` or `{…}`) that the parser found unclosed at `offset`. */
function unclosedFlow(yaml: Document, offset: number): Node | undefined {
  let found: Node | undefined;
  const consider = (node: Node) => {
    if (!node.range || node.range[0] >= offset || node.range[1] < offset - 1) return;
    if (!found || node.range[0] > found.range![0]) found = node;
  };
  visit(yaml, {
    Seq(_, node) {
      if (node.flow) consider(node);
    },
    Map(_, node) {
      if (node.flow) consider(node);
    },
  });
  return found;
}

function yamlAdvice(error: YAMLError, file: SourceFile): YamlAdvice | undefined {
  const char = file.text[error.pos[0]];
  const line = file.lineText(file.position(error.pos[0]).line);
  const noSpace = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):(\S.*)$/.exec(line);
  if (noSpace && !/^\/\//.test(noSpace[2]!)) return { kind: 'space-after-colon', key: noSpace[1]!, value: noSpace[2]! };
  if (error.code === 'BAD_SCALAR_START' || (char !== undefined && '@`'.includes(char))) return { kind: 'quote-special-start' };
  if (error.code === 'MISSING_CHAR') return { kind: 'close' };
  if (error.code === 'BAD_INDENT') return { kind: 'indent' };
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') return { kind: 'implicit-key' };
  return undefined;
}

/** The key node at `offset` that repeats a key of its mapping, with the first occurrence. */
function findDuplicateKey(yaml: Document, offset: number): { key: Scalar; first: Scalar } | undefined {
  let found: { key: Scalar; first: Scalar } | undefined;
  visit(yaml, {
    Map(_, map) {
      if (!isMap(map)) return undefined;
      const seen = new Map<string, Scalar>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        const name = String(key.value);
        const first = seen.get(name);
        if (first && key.range?.[0] === offset) {
          found = { key, first };
          return visit.BREAK;
        }
        if (!first) seen.set(name, key);
      }
      return undefined;
    },
  });
  return found;
}

/** The quoted scalar that an unclosed quote at `offset` belongs to. */
function unclosedQuote(yaml: Document, offset: number): Scalar | undefined {
  let found: Scalar | undefined;
  visit(yaml, {
    Scalar(_, node) {
      const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
      if (quoted && node.range && node.range[0] < offset && node.range[1] >= offset) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstAliasOffset(yaml: Document, name?: string): number {
  let offset = 0;
  visit(yaml, {
    Alias(_, node) {
      if (isAlias(node) && node.range && (name === undefined || node.source === name)) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}
