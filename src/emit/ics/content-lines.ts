/**
 * RFC 5545 content lines: TEXT escaping, parameter values and line folding. Everything
 * that decides which bytes end up on a line is here, so that it can be tested on its own.
 */

/** The line break RFC 5545 prescribes, whatever the building machine uses. */
export const CRLF = '\r\n';

/** A line may hold at most 75 octets, not counting its CRLF (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75;

const encoder = new TextEncoder();

/**
 * Text as it can be written in a TEXT value: well-formed Unicode, `\n` line breaks, and
 * no control characters. RFC 5545 has no escape for controls (TSAFE-CHAR excludes them),
 * so they are dropped rather than written raw; TAB is allowed and kept. Lone surrogates
 * become U+FFFD, because they cannot be encoded as UTF-8. CR, CRLF and the Unicode line
 * and paragraph separators become `\n`: they are line breaks, and some parsers
 * (node-ical) cut a content line at U+2028 and lose the property.
 */
export function sanitizeText(text: string): string {
  return text
    .toWellFormed()
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[\x00-\x08\x0B-\x1F\x7F]/g, '');
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline. */
export function escapeText(text: string): string {
  return sanitizeText(text).replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/**
 * A parameter value (RFC 5545 §3.2): quoted when it contains `;`, `:` or `,`. A double
 * quote cannot appear in a parameter value at all, so it is dropped (RFC 6868 escaping
 * is not understood by every client).
 */
export function paramValue(value: string): string {
  const safe = sanitizeText(value).replace(/[\n"]/g, '');
  return /[;:,]/.test(safe) ? `"${safe}"` : safe;
}

/** A property parameter, `NAME=value`. */
export interface Parameter {
  readonly name: string;
  readonly value: string;
}

/**
 * One unfolded content line, `NAME;PARAM=value:value`. `value` must already be in its
 * written form (escaped TEXT, a formatted date, a URI); it may not contain a line break.
 */
export function contentLine(name: string, params: readonly Parameter[], value: string): string {
  if (/[\x00-\x08\x0A-\x1F\x7F]/.test(value)) {
    throw new Error(`ICS: the value of ${name} contains a control character or line break; escape it first`);
  }
  const head = [name, ...params.map((p) => `${p.name}=${paramValue(p.value)}`)].join(';');
  return `${head}:${value}`;
}

function octets(codePoint: string): number {
  const c = codePoint.codePointAt(0)!;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line into physical lines of at most 75 octets, each continuation
 * starting with one space (which counts towards its 75). Lines are cut between code
 * points, never inside a UTF-8 sequence. Returns the lines joined by CRLF, without a
 * final CRLF.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const codePoint of line) {
    const n = octets(codePoint);
    if (size + n > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      size = 1;
    }
    current += codePoint;
    size += n;
  }
  lines.push(current);
  return lines.join(CRLF);
}
