import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { memoFor } from '../util/memo.ts';
import { markdownLibraries } from './libraries.ts';

/**
 * Markdown from the sources, rendered for the outputs. Raw HTML in the sources is
 * never passed through: it is dropped by remark-rehype and the result is sanitized
 * again, so hostile text cannot reach a page, a package or a calendar as markup.
 */
/**
 * The words remark-rehype writes around footnotes (a heading for screen readers, a label
 * on each link back), in the output's language. `reference` is "1", or "1-2" for the
 * second link to the same footnote.
 */
export interface FootnoteLabels {
  readonly heading: string;
  readonly backToReference: (reference: string) => string;
}

function rehypeOptions(labels: FootnoteLabels | undefined) {
  return {
    allowDangerousHtml: false,
    ...(labels
      ? {
          footnoteLabel: labels.heading,
          footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
            labels.backToReference(`${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`),
        }
      : {}),
  };
}

/** A cache key for a set of labels: the same words give the same processor. */
const labelsKey = (labels: FootnoteLabels | undefined): string => (labels ? `${labels.heading}\u0000${labels.backToReference('1')}` : '');

const toHtmlProcessors = new Map<string, ReturnType<typeof makeToHtml>>();

function makeToHtml(labels: FootnoteLabels | undefined) {
  const { unified, remarkParse, remarkGfm, remarkRehype, rehypeSanitize, sanitizeSchema, rehypeStringify } = markdownLibraries();
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, rehypeOptions(labels))
      // remark-rehype already prefixes footnote ids with `user-content-`; a second prefix would break their links.
      .use(rehypeSanitize, { ...sanitizeSchema, clobberPrefix: '' })
      .use(rehypeStringify)
      .freeze()
  );
}

function toHtml(labels: FootnoteLabels | undefined) {
  const key = labelsKey(labels);
  let processor = toHtmlProcessors.get(key);
  if (!processor) toHtmlProcessors.set(key, (processor = makeToHtml(labels)));
  return processor;
}

let textParser: ReturnType<typeof makeTextParser> | undefined;

function makeTextParser() {
  const { unified, remarkParse, remarkGfm } = markdownLibraries();
  return unified().use(remarkParse).use(remarkGfm).freeze();
}

/** A syntax-tree node as far as `withoutMdxSyntax` needs to know it. */
interface TreeNode {
  type: string;
  children?: TreeNode[];
}

/**
 * Drops what only the site can run from an MDX tree: imports and exports, `{expressions}`,
 * and the tags of JSX elements, whose Markdown children stay in their place.
 */
function withoutMdxSyntax(node: TreeNode): void {
  if (!node.children) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === 'mdxjsEsm' || child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression') return [];
    withoutMdxSyntax(child);
    return child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement' ? (child.children ?? []) : [child];
  });
}

const mdxToHtmlProcessors = new Map<string, ReturnType<typeof makeMdxToHtml>>();

function makeMdxToHtml(labels: FootnoteLabels | undefined) {
  const { unified, remarkParse, remarkMdx, remarkGfm, remarkRehype, rehypeSanitize, sanitizeSchema, rehypeStringify } = markdownLibraries();
  return unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(() => (tree) => withoutMdxSyntax(tree as TreeNode))
    .use(remarkRehype, rehypeOptions(labels))
    .use(rehypeSanitize, { ...sanitizeSchema, clobberPrefix: '' })
    .use(rehypeStringify)
    .freeze();
}

/**
 * MDX content → sanitized HTML for outputs that cannot run it (LMS packages): its
 * Markdown, without imports, expressions and component tags (a component's text stays).
 * Text that remark-mdx cannot parse is rendered as plain Markdown.
 */
export function mdxToHtml(source: string, labels?: FootnoteLabels): string {
  const key = labelsKey(labels);
  const memo = memoFor<string>('markdown');
  const memoKey = `mdx\u0000${key}\u0000${source}`;
  const known = memo?.get(memoKey);
  if (known !== undefined) return known;
  let processor = mdxToHtmlProcessors.get(key);
  if (!processor) mdxToHtmlProcessors.set(key, (processor = makeMdxToHtml(labels)));
  let html: string;
  try {
    html = String(processor.processSync(source)).trim();
  } catch {
    html = markdownToHtml(source, labels);
  }
  memo?.set(memoKey, html);
  return html;
}

/**
 * HTML rendered in this thread, by key, and who is told of each new rendering. Kept on
 * `globalThis`: the site's pages run a copy of this module that Vite bundles (a second
 * instance in the same thread), and it must find what the compiler's copy holds, and
 * what `rememberRenderedHtml` brought from another thread.
 */
interface RenderedHtml {
  readonly html: Map<string, string>;
  listener?: ((key: string, html: string) => void) | undefined;
}

const renderedHtmlSlot = Symbol.for('curriculum-compiler.markdown-html');

function renderedHtml(): RenderedHtml {
  const slot = globalThis as { [renderedHtmlSlot]?: RenderedHtml };
  return (slot[renderedHtmlSlot] ??= { html: new Map() });
}

/** How many rendered texts a thread holds at most: past this it starts again empty (a 10 000-module program fits). */
const MAX_RENDERED = 200_000;

function holdRendered(key: string, html: string): void {
  const { html: held } = renderedHtml();
  if (held.has(key)) return;
  if (held.size >= MAX_RENDERED) held.clear();
  held.set(key, html);
}

/**
 * Tells `listener` of each text this thread renders from now on (not of those it finds
 * rendered), as the opaque key and the HTML that `rememberRenderedHtml` takes; undefined
 * stops. The LMS packages' worker sends them to the main thread, whose pages show the
 * same texts (emit/background.ts).
 */
export function onHtmlRendered(listener: ((key: string, html: string) => void) | undefined): void {
  renderedHtml().listener = listener;
}

/** Keeps HTML that another thread rendered (see onHtmlRendered), so this one need not render it again. */
export function rememberRenderedHtml(entries: Iterable<readonly [key: string, html: string]>): void {
  for (const [key, html] of entries) holdRendered(key, html);
}

/**
 * Text that Markdown would render as one paragraph of the same text: no character that
 * can start or end any construct (emphasis, links, code, HTML, entities, escapes,
 * footnotes, tables, strikethrough), no line break, no autolink (`www.`, `://`, `@`; a colon
 * alone opens nothing), and
 * nothing at the start that opens a block (heading, list, quote, indented code), and no
 * whitespace at either end (a no-break space is text to Markdown, but `markdownToText`
 * trims it as JavaScript's `trim()` does). Most
 * option texts and titles are such text; they skip the parser, which dominated large
 * builds. A property test compares this path with the parser's output.
 */
const plainParagraphEdges = /^(?!\s|[-+*=]|\d+[.)])[\s\S]*(?<!\s)$/;

function isPlainParagraph(text: string): boolean {
  return text.length > 0 && text.length < 2000 && plainParagraphEdges.test(text) && isPlainText(text);
}

/**
 * Text made only of plain blocks, separated by blank lines: paragraphs of plain lines, ATX
 * headings of plain text (`## Title`), and bullet lists of plain one-line items nested by
 * two spaces a level; a line is plain as `isPlainParagraph` takes it, or with the few
 * inline constructs `plainLineHtml` knows. Rendered as the parser renders them (tight
 * lists, one block a line), or undefined for any other text. Module contents are mostly
 * such text, and so are the requirement lists of achievements (emit/achievements), one of
 * which took the parser 4 s at 10 000 modules. Property tests compare this path with the
 * parser's output.
 */
function plainBlocksHtml(markdown: string): string | undefined {
  // Texts with any character that may open another construct leave at once.
  if (/[\r\t`_<>&|~\\]/.test(markdown)) return undefined;
  const blocks = markdown.replace(/\n+$/, '').split(/\n\n+/);
  const html: string[] = [];
  let previousWasList = false;
  for (const block of blocks) {
    const lines = block.split('\n');
    if (lines[0]!.startsWith('- ')) {
      // Two lists with a blank line between are one loose list (paragraphs in its items).
      if (previousWasList) return undefined;
      const list = plainListHtml(lines);
      if (list === undefined) return undefined;
      html.push(list);
      previousWasList = true;
      continue;
    }
    previousWasList = false;
    const heading = /^(#{1,6}) (.*)$/.exec(lines[0]!);
    if (heading) {
      const text = lines.length === 1 ? plainLineHtml(heading[2]!) : undefined;
      if (text === undefined) return undefined;
      const level = heading[1]!.length;
      html.push(`<h${level}>${text}</h${level}>`);
      continue;
    }
    const rendered: string[] = [];
    for (const line of lines) {
      const text = plainLineHtml(line);
      if (text === undefined) return undefined;
      rendered.push(text);
    }
    html.push(`<p>${rendered.join('\n')}</p>`);
  }
  return html.length > 0 ? html.join('\n') : undefined;
}

/**
 * One line of a paragraph, a heading or a list item as HTML: plain text as
 * `isPlainParagraph` takes it, or plain text with links `[text](address)` and emphasis
 * `*text*` or `**text**` in their simplest forms; undefined for anything else. Simplest
 * means, for emphasis: after a space or at the start, a letter or digit inside at both
 * ends, no `*` within, and then the end, a space or `.,;:?)`; CommonMark's flanking rules
 * then leave one reading. For a link: plain text, and an address of letters, digits and
 * `-._~/?#=+,;@` (escapes as `%` and two hex digits), with `http://`, `https://`, `mailto:`
 * or no scheme, which the parser writes unchanged and the sanitizer keeps. Anything else
 * (underscores, images, titles, nesting, other addresses) is left to the parser.
 */
function plainLineHtml(line: string): string | undefined {
  if (isPlainParagraph(line)) return line;
  // What could start another block, or end the line in a hard break, is the parser's.
  if (line.length === 0 || line.length >= 2000 || /^(?:\s|[-+=#>]|\d+[.)]|\*(?![*\p{L}\p{N}]))|\s$/u.test(line)) return undefined;
  let html = '';
  let i = 0;
  while (i < line.length) {
    const rest = line.slice(i);
    if (rest[0] === '[') {
      const link = /^\[([^[\]]+)\]\(((?:https?:\/\/|mailto:)?(?:[A-Za-z0-9\-._~/?#=+,;@]|%[0-9A-Fa-f]{2})+)\)/.exec(rest);
      if (!link || !isPlainText(link[1]!) || link[1]!.includes('^')) return undefined;
      html += `<a href="${link[2]}">${link[1]}</a>`;
      i += link[0].length;
    } else if (rest[0] === '*') {
      const emphasis = /^(\*\*?)([\p{L}\p{N}](?:[^*]*[\p{L}\p{N}])?)\1(?=$|[ .,;:?)])/u.exec(rest);
      if (!emphasis || (i > 0 && line[i - 1] !== ' ') || !isPlainText(emphasis[2]!)) return undefined;
      const tag = emphasis[1] === '**' ? 'strong' : 'em';
      html += `<${tag}>${emphasis[2]}</${tag}>`;
      i += emphasis[0].length;
    } else {
      const end = rest.search(/[[*]/);
      const text = end < 0 ? rest : rest.slice(0, end);
      if (!isPlainText(text)) return undefined;
      html += text;
      i += text.length;
    }
  }
  return html;
}

/** Text with no character that can start or end an inline construct, no line break, and no autolink (`www.`, `://`, `@`). */
function isPlainText(text: string): boolean {
  return /^[^\\`*_[\]<>&#|~!\n\r\t@]*$/.test(text) && !/www\.|:\/\//i.test(text);
}

/** One line of a plain list: its indentation (two spaces a level) and its text. */
const plainListLine = /^((?: {2})*)- (.*)$/;

/** Lines of a bullet list of plain items, nested by two spaces a level, as the parser renders them (a tight list); else undefined. */
function plainListHtml(lines: readonly string[]): string | undefined {
  let html = '<ul>\n';
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = plainListLine.exec(lines[i]!);
    const text = line ? plainLineHtml(line[2]!) : undefined;
    if (!line || text === undefined) return undefined;
    const level = line[1]!.length / 2;
    if (i === 0 ? level !== 0 : level > depth + 1) return undefined;
    if (i > 0) {
      if (level > depth) html += '\n<ul>\n';
      else html += '</li>\n' + '</ul>\n</li>\n'.repeat(depth - level);
    }
    html += `<li>${text}`;
    depth = level;
  }
  return `${html}</li>\n${'</ul>\n</li>\n'.repeat(depth)}</ul>`;
}

/** Markdown → sanitized HTML; `labels` are the footnotes' words in the output's language (English without). */
export function markdownToHtml(markdown: string, labels?: FootnoteLabels): string {
  if (isPlainParagraph(markdown)) return `<p>${markdown}</p>`;
  const blocks = plainBlocksHtml(markdown);
  if (blocks !== undefined) return blocks;
  const key = labels ? `${labelsKey(labels)}\u0000${markdown}` : markdown;
  // Kept between builds by `build` (util/memo.ts): the HTML depends on the text, the labels and the compiler alone.
  const memo = memoFor<string>('markdown');
  const held = renderedHtml();
  let html = memo?.get(key) ?? held.html.get(key);
  if (html === undefined) {
    html = String(toHtml(labels).processSync(markdown)).trim();
    held.listener?.(key, html);
  }
  memo?.keep(key, html);
  holdRendered(key, html);
  return html;
}

/**
 * Moves the headings of rendered Markdown down so that its highest becomes `topLevel`
 * (a `# Title` in a module's content must not become a second `h1` of its page), closing
 * gaps: h1, h3 → h3, h4. A regular rewrite of markup that rehype-stringify wrote.
 */
export function shiftHeadings(html: string, topLevel: number): string {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const used = [...new Set(levels)].sort((a, b) => a - b);
  // Each level in use maps to the next free one from `topLevel`: h1, h3 → h3, h4 (no gap).
  const mapping = new Map(used.map((level, i) => [level, Math.min(6, topLevel + i)]));
  return html.replace(/<(\/?)h([1-6])([\s>])/g, (_, slash: string, level: string, after: string) => `<${slash}h${mapping.get(Number(level))}${after}`);
}

/**
 * Points the relative links and images of rendered Markdown where the output keeps their
 * targets. `target` gets each `href` and `src` as written in the Markdown and returns the
 * new address, or undefined to leave it. A regular rewrite of attributes that
 * rehype-stringify wrote (double-quoted, `&` and `"` escaped), never of source text.
 */
export function rewriteLinks(html: string, target: (written: string) => string | undefined): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, name: string, value: string) => {
    const written = unescapeAttribute(value);
    const to = target(written) ?? target(safeDecodeUri(written));
    return to === undefined ? whole : `${name}="${to.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;')}"`;
  });
}

/**
 * Replaces each link whose destination (as written, or decoded) `unwrap` accepts with its
 * text: for a page where the destination does not exist.
 */
export function unwrapLinks(html: string, unwrap: (written: string) => boolean): string {
  return html.replace(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, (whole, value: string, inner: string) => {
    const written = unescapeAttribute(value);
    return unwrap(written) || unwrap(safeDecodeUri(written)) ? inner : whole;
  });
}

/** An attribute's value as the Markdown wrote it: the renderer escapes `&` and `"` in attributes. */
function unescapeAttribute(value: string): string {
  return value.replace(/&#x26;|&amp;/g, '&').replace(/&#x22;|&quot;/g, '"');
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** Markdown → one line of HTML without the paragraph wrapper, for titles and short texts. */
export function markdownToInlineHtml(markdown: string, labels?: FootnoteLabels): string {
  const html = markdownToHtml(markdown, labels);
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]! : html;
}

/**
 * Markdown → readable plain text: paragraphs separated by blank lines, list items
 * with "- " or their number, links as "text (url)". For calendars and other text-only outputs.
 */
export function markdownToText(markdown: string): string {
  return isPlainParagraph(markdown) ? markdown : markdownToTextByParser(markdown);
}

/** `markdownToText` without its shortcut for plain text: what the shortcut must agree with (a property test holds them equal). */
export function markdownToTextByParser(markdown: string): string {
  const tree = (textParser ??= makeTextParser()).parse(markdown) as MdastRoot;
  return blocks(tree.children as MdastNodes[], '').trim();
}

function blocks(nodes: readonly MdastNodes[], indent: string): string {
  return nodes
    .map((node) => block(node, indent))
    .filter((text) => text.length > 0)
    .join('\n\n');
}

function block(node: MdastNodes, indent: string): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return indent + inline(node.children as MdastNodes[]);
    case 'blockquote':
      return blocks(node.children as MdastNodes[], indent)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'list':
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
          const text = blocks(item.children as MdastNodes[], '').replace(/\n\n/g, '\n');
          return indent + marker + text.replace(/\n/g, `\n${indent}${' '.repeat(marker.length)}`);
        })
        .join('\n');
    case 'code':
      return node.value;
    case 'thematicBreak':
      return '---';
    case 'table':
      return node.children.map((row) => row.children.map((cell) => inline(cell.children as MdastNodes[])).join(' | ')).join('\n');
    case 'footnoteDefinition':
      return `[${node.identifier}] ${blocks(node.children as MdastNodes[], '')}`;
    case 'html':
      return '';
    default:
      return 'children' in node ? inline(node.children as MdastNodes[]) : 'value' in node ? String(node.value) : '';
  }
}

function inline(nodes: readonly MdastNodes[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        // A line break inside a paragraph is only a wrapped source line (YAML block text).
        out += node.value.replace(/[ \t]*\n[ \t]*/g, ' ');
        break;
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'link': {
        const text = inline(node.children as MdastNodes[]);
        out += text === node.url || `<${text}>` === node.url ? node.url : `${text} (${node.url})`;
        break;
      }
      case 'image':
        out += node.alt ?? '';
        break;
      case 'footnoteReference':
        out += `[${node.identifier}]`;
        break;
      case 'html':
        break;
      default:
        if ('children' in node) out += inline(node.children as MdastNodes[]);
    }
  }
  return out;
}
