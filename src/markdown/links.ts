import type { Root as MdastRoot } from 'mdast';
import { markdownLibraries } from './libraries.ts';

/** A link or an image destination written in Markdown, with where the destination is written. */
export interface MarkdownLink {
  readonly kind: 'link' | 'image';
  /** The destination as the parser reads it (escapes and entities decoded). */
  readonly url: string;
  /**
   * Offsets (UTF-16 units from the start of the text) of the destination itself when it
   * could be found in the text, else of the whole link: a diagnostic underlines the path.
   */
  readonly start: number;
  readonly end: number;
}

/** The two parsers, made at the first text that may hold a link (libraries.ts). */
let parsers: ReturnType<typeof makeParsers> | undefined;

function makeParsers() {
  const { unified, remarkParse, remarkGfm, remarkMdx } = markdownLibraries();
  return {
    markdown: unified().use(remarkParse).use(remarkGfm).freeze(),
    mdx: unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze(),
  };
}

interface Node {
  type: string;
  url?: string;
  identifier?: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: Node[];
}

/**
 * Every link, image and link reference definition in a Markdown (or MDX) text, in
 * source order. Code spans and code blocks hold none (the parser sees them as code).
 */
export function markdownLinks(source: string, format: 'markdown' | 'mdx' = 'markdown'): MarkdownLink[] {
  // Most descriptions hold no link: they skip the parser, which a check of 10 000 modules would feel.
  if (!mayHoldLinks(source)) return [];
  const { markdown: markdownParser, mdx: mdxParser } = (parsers ??= makeParsers());
  let tree: MdastRoot;
  try {
    tree = (format === 'mdx' ? mdxParser : markdownParser).parse(source) as MdastRoot;
  } catch {
    // MDX that remark-mdx cannot parse is rendered as plain Markdown; its links are read the same way.
    tree = markdownParser.parse(source) as MdastRoot;
  }
  // A definition is an image's destination when an image reference uses it (`![alt][logo]`).
  const imageIds = new Set<string>();
  const findImageReferences = (node: Node) => {
    if (node.type === 'imageReference' && node.identifier) imageIds.add(node.identifier);
    for (const child of node.children ?? []) findImageReferences(child);
  };
  findImageReferences(tree as unknown as Node);
  const out: MarkdownLink[] = [];
  const visit = (node: Node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && typeof node.url === 'string') {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const span = source.slice(start, end);
      // The destination follows `](` in an inline link, `]:` in a definition; the link text may repeat it.
      const after = Math.max(0, span.indexOf(node.type === 'definition' ? ']:' : ']('));
      const at = node.url ? span.indexOf(node.url, after) : -1;
      out.push({
        kind: node.type === 'image' || (node.type === 'definition' && imageIds.has(node.identifier ?? '')) ? 'image' : 'link',
        url: node.url,
        start: at >= 0 ? start + at : start,
        end: at >= 0 ? start + at + node.url.length : end,
      });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as unknown as Node);
  return out;
}

/**
 * False only for text in which no link, image or definition can be written: each needs
 * `](` or, for a reference definition, `]:`. (Autolinks, `<https://…>`, are web or mail
 * addresses, which are not checked.)
 */
function mayHoldLinks(source: string): boolean {
  return source.includes('](') || source.includes(']:');
}

/**
 * Whether a destination names a file beside the Markdown (`other.md`, `../images/a.png`,
 * `notes.pdf#page=2`) rather than a web address (`https:`, `mailto:`, `//host`), a place
 * on the same page (`#section`) or a path from the site's root (`/x`).
 */
export function isRelativePath(url: string): boolean {
  if (url === '' || url.startsWith('#') || url.startsWith('/') || url.startsWith('\\')) return false;
  return !/^[a-z][a-z0-9+.-]*:/i.test(url);
}
