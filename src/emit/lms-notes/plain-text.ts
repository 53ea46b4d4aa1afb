/** Plain-text layout shared by the import notes and their gradebook part. */
import { displayWidth } from '../../util/display-width.ts';

export function heading(text: string, underline: '=' | '-' | '~'): string[] {
  return [text, underline.repeat(Math.max(3, displayWidth(text)))];
}
