/**
 * A parser for the YAML that curriculum files are written in, straight from text to data,
 * for the check's clean path. It knows a subset: block mappings and sequences (compact
 * mappings in sequence items included), plain, quoted and block scalars (literal, and
 * folded without more-indented lines), flow collections on one line, comments, and a
 * leading `---`. At anything else (anchors, aliases, tags, multi-line plain or flow
 * values, tabs, carriage returns, duplicate keys, a syntax error) it gives up and returns
 * undefined, and the caller parses with the `yaml` library as before; so it has no error
 * reporting of its own, and it never decides what a document means differently from that
 * library. The property test (test/common-yaml.test.ts) holds it to that: wherever it
 * returns data, the data equals `parseDocument(text).toJS()` and that parse had no errors.
 *
 * Why it exists: the `yaml` library builds a syntax tree with positions for every value
 * (lexer, parser, composer), and on a 1 000-module program that was most of
 * `curriculum check` and of its garbage. A clean file needs only its data; positions are
 * needed when a diagnostic points somewhere, and LoadedDocument parses the text again
 * with the library then.
 *
 * Plain scalars are typed by the library's own core schema tags (null, booleans, numbers),
 * so `yes`, `0o17`, `1e3` or `.inf` become what the library makes of them.
 */
import { isScalar, Schema, type ScalarTag } from 'yaml';

/** The core schema's tags that type a plain scalar by its text, in the library's order of trial. */
const plainTags = new Schema({ merge: true }).tags.filter((tag): tag is ScalarTag => tag.default === true && tag.test !== undefined && !('collection' in tag && tag.collection));

class Unsupported extends Error {}
const unsupported = new Unsupported();

function giveUp(): never {
  throw unsupported;
}

/** Characters that make the whole text go to the library: tabs, other line breaks, a byte-order mark left in. */
const outsideSubset = /[\t\r\u0085\u2028\u2029\ufeff]/;
/** A key as curriculum files write them: a name, not a number, quoted string or merge key. */
const simpleKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The document's data, or undefined when the text is outside the subset (or is not a
 * single, non-empty, error-free document): then only the library can say what it holds.
 */
export function parseCommonYaml(text: string): unknown {
  if (outsideSubset.test(text)) return undefined;
  try {
    return new CommonYamlParser(text).document();
  } catch (error) {
    if (error === unsupported) return undefined;
    throw error;
  }
}

class CommonYamlParser {
  readonly #lines: string[];
  /** Each line's indentation, or -1 for a blank or comment-only line. */
  readonly #indents: number[];
  #next = 0;

  constructor(text: string) {
    this.#lines = text.split('\n');
    this.#indents = this.#lines.map(structureIndent);
  }

  document(): unknown {
    const lines = this.#lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      // Directives and document markers: only a leading `---` is taken, alone on its line.
      if (line.startsWith('%') || line.startsWith('...')) giveUp();
      if (line.startsWith('---')) {
        if (this.#indents.slice(0, i).some((n) => n >= 0) || !/^---[ ]*(?:#.*)?$/.test(line)) giveUp();
        this.#indents[i] = -1;
      }
    }
    const first = this.#peek();
    if (first === undefined) giveUp();
    const data = this.#block(this.#indents[first]!);
    if (this.#peek() !== undefined) giveUp();
    if (data === null || typeof data !== 'object') giveUp();
    return data;
  }

  /** The index of the next line with structure (not blank, not a comment), or undefined at the end. */
  #peek(): number | undefined {
    const indents = this.#indents;
    while (this.#next < indents.length && indents[this.#next]! < 0) this.#next++;
    return this.#next < indents.length ? this.#next : undefined;
  }

  /** A mapping or sequence whose lines start at `indent`. */
  #block(indent: number): unknown {
    const i = this.#peek()!;
    return isItem(this.#lines[i]!, indent) ? this.#sequence(indent) : this.#mapping(indent, false);
  }

  /**
   * A block mapping whose keys start at column `indent`. On a sequence item's line
   * (`- id: a`, `onItemLine`), the first key follows the dash, and the next line is that line.
   */
  #mapping(indent: number, onItemLine: boolean): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let first = onItemLine;
    for (;;) {
      const i = this.#peek();
      if (i === undefined) return map;
      if (!first) {
        const lineIndent = this.#indents[i]!;
        if (lineIndent < indent) return map;
        if (lineIndent > indent) giveUp();
      }
      first = false;
      const line = this.#lines[i]!;
      const colon = line.indexOf(':', indent);
      if (colon < 0) giveUp();
      const key = line.slice(indent, colon);
      if (!isSimpleKey(key) || Object.hasOwn(map, key)) giveUp();
      const after = colon + 1;
      if (after < line.length && line[after] !== ' ') giveUp();
      this.#next = i + 1;
      map[key] = this.#value(line, skipSpaces(line, after), i, indent, true);
    }
  }

  /** A block sequence at `indent`: lines `- item`. */
  #sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    for (;;) {
      const i = this.#peek();
      if (i === undefined) return list;
      const lineIndent = this.#indents[i]!;
      if (lineIndent < indent) return list;
      if (lineIndent > indent) giveUp();
      const line = this.#lines[i]!;
      if (!isItem(line, indent)) return list;
      const start = skipSpaces(line, indent + 1);
      if (start < line.length && line[start] !== '#' && keyAt(line, start)) {
        // A compact mapping: its keys line up with the first, after the dash.
        list.push(this.#mapping(start, true));
        continue;
      }
      this.#next = i + 1;
      list.push(this.#value(line, start, i, indent, false));
    }
  }

  /**
   * The value that starts at `start` on line `i` (after `key:` or `- `), or on the lines
   * below it when the line ends there. `indent` is the parent's indentation: a nested
   * block must be further right, except a sequence under a mapping key, which may start
   * at the key's own column.
   */
  #value(line: string, start: number, i: number, indent: number, underKey: boolean): unknown {
    if (start >= line.length || line[start] === '#') {
      const next = this.#peek();
      if (next === undefined) return null;
      const nextIndent = this.#indents[next]!;
      if (nextIndent > indent) return this.#block(nextIndent);
      if (underKey && nextIndent === indent && isItem(this.#lines[next]!, indent)) return this.#sequence(indent);
      return null;
    }
    const c = line[start]!;
    if (c === '|' || c === '>') return this.#blockScalar(line, start, i, indent);
    let value: unknown;
    let end: number;
    if (c === '[' || c === '{' || c === '"' || c === "'") {
      const flow = new FlowReader(line, start);
      value = flow.value();
      end = flow.position;
    } else {
      [value, end] = blockPlain(line, start);
    }
    const rest = skipSpaces(line, end);
    if (rest < line.length && !(line[rest] === '#' && rest > end)) giveUp();
    // A value going on below this line is found by the caller: the next line is further right than its block.
    return value;
  }

  /** A literal (`|`) or folded (`>`) block scalar whose header is at `start` on line `i`. */
  #blockScalar(line: string, start: number, i: number, indent: number): string {
    const header = /^([|>])([-+]?)[ ]*(?:[ ]#.*)?$/.exec(line.slice(start));
    if (!header) giveUp();
    const folded = header[1] === '>';
    const chomp = header[2];
    if (chomp === '+') giveUp();
    const lines = this.#lines;
    let contentIndent = -1;
    let leadingBlankWidth = 0;
    let last = i;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const text = lines[j]!;
      const first = skipSpaces(text, 0);
      if (first === text.length) {
        if (contentIndent < 0) leadingBlankWidth = Math.max(leadingBlankWidth, text.length);
        else if (text.length > contentIndent) giveUp(); // spaces kept as content
        continue;
      }
      if (contentIndent < 0) {
        if (first <= indent) break;
        contentIndent = first;
        if (leadingBlankWidth > contentIndent) giveUp();
      } else if (first < contentIndent) break;
      last = j;
    }
    // No content, or content running to the end of a text without a final line break: the library's edge cases.
    if (contentIndent < 0 || (last === lines.length - 1)) giveUp();
    const content = lines.slice(i + 1, last + 1).map((text) => text.slice(contentIndent));
    for (let k = i + 1; k <= last; k++) this.#indents[k] = -1;
    this.#next = last + 1;
    let value: string;
    if (folded) {
      value = '';
      let blanks = 0;
      let seenText = false;
      for (const text of content) {
        if (text === '') {
          blanks++;
          continue;
        }
        if (text[0] === ' ') giveUp(); // more-indented lines keep their breaks: left to the library
        value += seenText ? (blanks === 0 ? ' ' : '\n'.repeat(blanks)) : '\n'.repeat(blanks);
        value += text;
        blanks = 0;
        seenText = true;
      }
    } else value = content.join('\n');
    return chomp === '-' ? value : `${value}\n`;
  }
}

/** The indentation of a line with structure, -1 for a blank or comment-only line. */
function structureIndent(line: string): number {
  const first = skipSpaces(line, 0);
  return first === line.length || line[first] === '#' ? -1 : first;
}

function skipSpaces(line: string, from: number): number {
  let i = from;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

/** A sequence item's dash at `indent`: `-` then a space or the line's end. */
function isItem(line: string, indent: number): boolean {
  return line.charCodeAt(indent) === 45 && (line.length === indent + 1 || line.charCodeAt(indent + 1) === 32);
}

/** Whether a `key:` starts at `start` (so a sequence item holds a compact mapping). */
function keyAt(line: string, start: number): boolean {
  let i = start;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    // Letters, digits, `_` and `-`: what simpleKey allows, checked again by the mapping.
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45) i++;
    else break;
  }
  if (i === start || line.charCodeAt(i) !== 58) return false;
  return i + 1 === line.length || line.charCodeAt(i + 1) === 32;
}

/** Characters that cannot start a plain scalar, or start one only in cases left to the library. */
const plainFirstRefused = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

/** A plain scalar in block context from `start` to a comment or the line's end. */
function blockPlain(line: string, start: number): [unknown, number] {
  const first = line[start]!;
  if (plainFirstRefused.has(first) && !(first === '-' && start + 1 < line.length && line[start + 1] !== ' ')) giveUp();
  let end = line.indexOf(' #', start);
  if (end < 0) end = line.length;
  const text = line.slice(start, end).trimEnd();
  // `a: b` inside a value is a nested mapping (an error in a block value); a trailing `:` a key.
  if (text.includes(': ') || text.endsWith(':')) giveUp();
  return [plainScalar(text), start + text.length];
}

/** A plain scalar's value by the core schema: null, a boolean, a number, or the text itself. */
function plainScalar(text: string): unknown {
  for (const tag of plainTags) {
    if (!tag.test!.test(text)) continue;
    // Some tags answer with a node (a float keeps its written precision): its value is the data.
    const resolved: unknown = tag.resolve(text, giveUp, {});
    return isScalar(resolved) ? resolved.value : resolved;
  }
  return text;
}

/** A key as curriculum files write them, which the library too would take as that string. */
function isSimpleKey(key: string): boolean {
  return simpleKey.test(key) && key !== '__proto__' && typeof plainScalar(key) === 'string';
}

/** Flow collections and quoted scalars, on one line. */
class FlowReader {
  readonly #line: string;
  position: number;

  constructor(line: string, start: number) {
    this.#line = line;
    this.position = start;
  }

  value(): unknown {
    const line = this.#line;
    const c = line[this.position];
    if (c === '[') return this.#sequence();
    if (c === '{') return this.#mapping();
    if (c === '"' || c === "'") return this.#quoted();
    return this.#plain();
  }

  #skipSpaces(): void {
    this.position = skipSpaces(this.#line, this.position);
  }

  #sequence(): unknown[] {
    const list: unknown[] = [];
    this.position++;
    this.#skipSpaces();
    if (this.#line[this.position] === ']') {
      this.position++;
      return list;
    }
    for (;;) {
      list.push(this.value());
      this.#skipSpaces();
      const c = this.#line[this.position];
      this.position++;
      if (c === ']') return list;
      if (c !== ',') giveUp();
      this.#skipSpaces();
      if (this.#line[this.position] === ']') giveUp(); // a trailing comma: left to the library
    }
  }

  #mapping(): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const line = this.#line;
    this.position++;
    this.#skipSpaces();
    if (line[this.position] === '}') {
      this.position++;
      return map;
    }
    for (;;) {
      const colon = line.indexOf(':', this.position);
      if (colon < 0 || line[colon + 1] !== ' ') giveUp();
      const key = line.slice(this.position, colon);
      if (!isSimpleKey(key) || Object.hasOwn(map, key)) giveUp();
      this.position = skipSpaces(line, colon + 1);
      map[key] = this.value();
      this.#skipSpaces();
      const c = line[this.position];
      this.position++;
      if (c === '}') return map;
      if (c !== ',') giveUp();
      this.#skipSpaces();
      if (line[this.position] === '}') giveUp();
    }
  }

  /** A quoted scalar: single quotes double themselves; a double-quoted one with an escape is left to the library. */
  #quoted(): string {
    const line = this.#line;
    const quote = line[this.position]!;
    let text = '';
    let i = this.position + 1;
    for (;;) {
      const close = line.indexOf(quote, i);
      if (close < 0) giveUp();
      text += line.slice(i, close);
      if (quote === "'" && line[close + 1] === "'") {
        text += "'";
        i = close + 2;
        continue;
      }
      this.position = close + 1;
      break;
    }
    if (quote === '"' && text.includes('\\')) giveUp();
    return text;
  }

  /** A plain scalar inside a flow collection: it ends at `,`, `]`, `}` or a comment. */
  #plain(): unknown {
    const line = this.#line;
    const start = this.position;
    const first = line[start];
    if (first === undefined || plainFirstRefused.has(first)) {
      if (!(first === '-' && start + 1 < line.length && line[start + 1] !== ' ' && line[start + 1] !== ',')) giveUp();
    }
    let i = start;
    for (; i < line.length; i++) {
      const c = line[i]!;
      if (c === ',' || c === ']' || c === '}') break;
      // Brackets, colons and comments inside a flow value: left to the library.
      if (c === '[' || c === '{' || c === ':' || (c === '#' && line[i - 1] === ' ')) giveUp();
    }
    const text = line.slice(start, i).trimEnd();
    if (text === '') giveUp();
    this.position = start + text.length;
    return plainScalar(text);
  }
}
