/** Markdown from the sources as HTML for SCO pages: sanitized, with external links opening a new window. */
import { markdownToHtml, markdownToInlineHtml } from '../../markdown/index.ts';
import { externalLinksInNewWindow } from './html.ts';

/** Block Markdown (paragraphs, lists) as sanitized HTML. */
export function blockHtml(markdown: string): string {
  return externalLinksInNewWindow(markdownToHtml(markdown));
}

/** One line of Markdown as sanitized inline HTML. */
export function inlineHtml(markdown: string): string {
  return externalLinksInNewWindow(markdownToInlineHtml(markdown));
}
