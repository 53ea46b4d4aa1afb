/**
 * Markdown from the model, made to fit inside a page. The HTML comes from
 * `markdownToHtml` (sanitized, raw HTML dropped); here it only gets two structural
 * fixes that a page needs and a stand-alone document does not:
 *
 * - headings are moved down so that the block's top heading sits under the page's own
 *   (a `# Title` in a module's content must not become a second `h1`), and no level is skipped;
 * - ids (footnotes) get a per-block prefix, so two blocks on one page cannot collide.
 *
 * Both are regular rewrites of markup that rehype-stringify wrote, never of source text.
 */
import { type FootnoteLabels, markdownToHtml, markdownToInlineHtml, rewriteLinks, shiftHeadings } from '../../src/site-api.ts';

export { shiftHeadings };

export interface BlockOptions {
  /** The level the block's highest heading becomes (e.g. 3 inside an `h2` section). */
  readonly headingLevel: number;
  /** A prefix for ids inside the block, unique on the page. */
  readonly idPrefix: string;
  /** Where the text's relative links and images lead on the site (site/lib/links.ts). */
  readonly links?: ((written: string) => string | undefined) | undefined;
  /** The footnotes' words in the page's language. */
  readonly footnotes?: FootnoteLabels | undefined;
}

export function markdownBlock(markdown: string, options: BlockOptions): string {
  const html = markdownToHtml(markdown, options.footnotes);
  return scopeIds(shiftHeadings(options.links ? rewriteLinks(html, options.links) : html, options.headingLevel), options.idPrefix);
}

/** Short Markdown (a title, a one-line note) as inline HTML. */
export function markdownInline(markdown: string): string {
  return markdownToInlineHtml(markdown);
}

/**
 * The text of a Markdown text's first paragraph, for excerpts and page descriptions.
 * Taken from the (cached) HTML that the module's own page renders anyway, so listing
 * 10 000 modules parses no Markdown twice.
 */
export function firstParagraphText(markdown: string): string {
  const html = markdownToHtml(markdown);
  const paragraph = /<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? html;
  return decodeEntities(paragraph.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return namedEntities[body] ?? entity;
  });
}

export function scopeIds(html: string, prefix: string): string {
  if (!/ id="/.test(html)) return html;
  return html
    .replace(/ (id|aria-describedby|aria-labelledby)="([^"]*)"/g, (_, attribute: string, value: string) => ` ${attribute}="${value.split(' ').map((v) => `${prefix}-${v}`).join(' ')}"`)
    .replace(/ href="#([^"]*)"/g, (_, target: string) => ` href="#${prefix}-${target}"`);
}
