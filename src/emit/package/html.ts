/** Escaping for the SCO pages. */

import { xmlSafe } from './xml.ts';

/** Escapes text for HTML content; control characters that HTML forbids are dropped. */
export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a double-quoted attribute value. */
export function escapeHtmlAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/**
 * JSON to embed in `<script type="application/json">`. The HTML parser ends a script
 * at `</script` and treats `<!--` specially, whatever the JSON means, so `<`, `>` and
 * `&` are written as `\u` escapes (still the same JSON); U+2028/2029 are escaped for old
 * parsers that read JSON as JavaScript.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Links in sanitized Markdown HTML that leave the package open in a new window: inside
 * an LMS frame, following them in place would unload the SCO (and end its session).
 */
export function externalLinksInNewWindow(html: string): string {
  return html.replace(/<a href="(https?:\/\/[^"]*)"/g, '<a href="$1" target="_blank" rel="noopener noreferrer"');
}
