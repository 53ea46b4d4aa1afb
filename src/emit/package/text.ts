/** Plain text for manifests, which carry no markup and sometimes have length limits. */
import { markdownToText } from '../../markdown/index.ts';
import { xmlSafe } from './xml.ts';

/**
 * At most `max` characters (code points, as XML Schema counts them), cut at a word
 * where possible and ended with an ellipsis. SCORM 1.2 titles may hold 200.
 */
export function clip(text: string, max: number): string {
  const chars = Array.from(oneLine(text));
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > max / 2 ? atWord : cut}…`;
}

/** Text on one line: characters XML cannot carry dropped, runs of white space made one space. */
export function oneLine(text: string): string {
  return xmlSafe(text).replace(/\s+/g, ' ').trim();
}

/** Markdown as one paragraph of plain text (descriptions in manifests and cmi5.xml). */
export function oneParagraph(markdown: string): string {
  return oneLine(markdownToText(markdown));
}
