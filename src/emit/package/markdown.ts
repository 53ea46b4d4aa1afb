/** Markdown from the sources as HTML for SCO pages: sanitized, with external links opening a new window. */
import { markdownToHtml, markdownToInlineHtml, mdxToHtml } from '../../markdown/index.ts';
import type { ModuleContent } from '../../model/types.ts';
import { externalLinksInNewWindow } from './html.ts';

/** Block Markdown (paragraphs, lists) as sanitized HTML. */
export function blockHtml(markdown: string): string {
  return externalLinksInNewWindow(markdownToHtml(markdown));
}

/** One line of Markdown as sanitized inline HTML. */
export function inlineHtml(markdown: string): string {
  return externalLinksInNewWindow(markdownToInlineHtml(markdown));
}

/** A module's content as sanitized HTML: MDX without what only the site can run (components, expressions, imports). */
export function contentHtml(content: ModuleContent): string {
  return externalLinksInNewWindow(content.format === 'mdx' ? mdxToHtml(content.source) : markdownToHtml(content.source));
}
