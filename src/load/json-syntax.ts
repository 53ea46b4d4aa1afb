/**
 * Where a JSON text first breaks RFC 8259's grammar, and what was expected there. The
 * engine's own `JSON.parse` message gives a position only for some mistakes (V8 writes
 * `Unexpected token ']', "[1,]" is not valid JSON` for a trailing comma), and a
 * diagnostic must point at the place: this scanner finds it for every mistake.
 */

export interface JsonSyntaxError {
  /** UTF-16 offset of the first character that cannot continue the text. */
  readonly offset: number;
  /** What it found there: one character, or `the end of the file`. */
  readonly found: string;
  /** What could have come there instead, in words. */
  readonly expected: string;
  /** The mistake is a comma after the last entry of an object or list (`found` is that comma). */
  readonly trailingComma?: true;
}

/** Deeper than any lock or data file: a text nested further is refused rather than overflow the stack. */
const maxDepth = 512;

class Stop {
  readonly error: JsonSyntaxError;
  constructor(error: JsonSyntaxError) {
    this.error = error;
  }
}

/** The first syntax error of `text`, or undefined when it is one JSON value (RFC 8259 §2). */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (expected: string, trailingComma = false): never => {
    const found = i < text.length ? JSON.stringify(String.fromCodePoint(text.codePointAt(i)!)) : 'the end of the file';
    throw new Stop({ offset: i, found, expected, ...(trailingComma ? { trailingComma: true as const } : {}) });
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) fail(`\`${word}\``);
      i++;
    }
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail('a closing `"`');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('a character escaped with `\\` (a control character or line break inside text)');
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('four hexadecimal digits after `\\u`');
            i++;
          }
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail('an escape: one of `\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t`, `\\uXXXX`');
        continue;
      }
      i++;
    }
  };
  /** The offset of the last character before `i` that is not white space. */
  const commaBefore = () => {
    let k = i - 1;
    while (k >= 0 && ' \t\n\r'.includes(text[k]!)) k--;
    return k;
  };
  // Many editors and languages allow a comma after the last entry; JSON does not, and it is the commonest mistake in a hand-edited file.
  const trailingComma = (): never => {
    i = commaBefore();
    return fail('the next entry', true);
  };
  const digits = () => {
    if (!/[0-9]/.test(text[i] ?? '')) fail('a digit');
    while (/[0-9]/.test(text[i] ?? '')) i++;
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const value = (depth: number): void => {
    space();
    const c = text[i];
    if (c === '{') {
      if (depth >= maxDepth) fail(`at most ${maxDepth} levels of nesting`);
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] === '}' && text[commaBefore()] === ',') trailingComma();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        space();
        if (text[i] !== ':') fail('`:`');
        i++;
        value(depth + 1);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('`,` or `}`');
      }
    }
    if (c === '[') {
      if (depth >= maxDepth) fail(`at most ${maxDepth} levels of nesting`);
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] === ']' && text[commaBefore()] === ',') trailingComma();
        value(depth + 1);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('`,` or `]`');
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    fail('a value (an object, a list, text in double quotes, a number, `true`, `false` or `null`)');
  };
  try {
    value(0);
    space();
    if (i < text.length) fail('nothing more after the value');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.error;
    throw error;
  }
}
