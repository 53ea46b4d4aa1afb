/** Plain-text layout shared by the import notes and their gradebook part. */

/**
 * Columns a text takes in a monospaced editor: Hangul, CJK and fullwidth forms take two
 * (Unicode's East Asian Width "W" and "F" ranges), so that a Korean heading's underline is as
 * long as the heading.
 */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
    n += wide ? 2 : 1;
  }
  return n;
}

export function heading(text: string, underline: '=' | '-' | '~'): string[] {
  return [text, underline.repeat(Math.max(3, columns(text)))];
}
