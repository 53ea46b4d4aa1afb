/** Markdown from the sources as HTML for SCO pages: sanitized, with external links opening a new window. */
import { type FootnoteLabels, markdownToHtml, markdownToInlineHtml, mdxToHtml, shiftHeadings } from '../../markdown/index.ts';
import type { ModuleContent } from '../../model/types.ts';
import { externalLinksInNewWindow } from './html.ts';

/**
 * Block Markdown (paragraphs, lists) as sanitized HTML; with `headingLevel`, its headings
 * start at that level, under the page's own.
 */
export function blockHtml(markdown: string, headingLevel?: number, labels?: FootnoteLabels): string {
  const html = externalLinksInNewWindow(markdownToHtml(markdown, labels));
  return headingLevel ? shiftHeadings(html, headingLevel) : html;
}

/** One line of Markdown as sanitized inline HTML. */
export function inlineHtml(markdown: string): string {
  return externalLinksInNewWindow(markdownToInlineHtml(markdown));
}

/**
 * A module's content as sanitized HTML, its headings from `headingLevel` down: MDX without
 * what only the site can run (components, expressions, imports).
 */
export function contentHtml(content: ModuleContent, headingLevel: number, labels?: FootnoteLabels): string {
  return shiftHeadings(externalLinksInNewWindow(content.format === 'mdx' ? mdxToHtml(content.source, labels) : markdownToHtml(content.source, labels)), headingLevel);
}
