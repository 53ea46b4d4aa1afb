/**
 * The Markdown renderer's fast path for text without Markdown syntax must give exactly
 * what the parser gives; anything else must go through the parser.
 */
import fc from 'fast-check';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToText, mdxToHtml } from '../src/markdown/index.ts';

const parser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: '' })
  .use(rehypeStringify);
const viaParser = (md: string) => String(parser.processSync(md)).trim();

// Characters that matter to Markdown, mixed with ordinary text, Korean and emoji.
const alphabet = fc.constantFrom(
  ...'abc XYZ 09 .,;?\'"()-+=/%$^{}'.split(''),
  ...'\\`*_[]<>&#|~!:@\n\t'.split(''),
  '한국어',
  '😀',
  'www.',
  'http://x.org',
  '1. ',
  '- ',
  '> ',
  '# ',
  '    ',
  '&amp;',
);

describe('markdownToHtml', () => {
  it('renders any text exactly as the parser does', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
        expect(markdownToHtml(text)).toBe(viaParser(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('renders plain sentences of the bundled programs as the parser does', () => {
    for (const text of ['Only the moment the crisis strikes', 'The city’s “caring” strategy (2023), 25% of people.', 'Quiz — Lecture 1', "Seoul's 412 guide helpers"]) {
      expect(markdownToHtml(text)).toBe(viaParser(text));
    }
  });

  it('drops raw HTML', () => {
    expect(markdownToHtml('Hello <script>alert(1)</script>')).not.toContain('<script');
  });
});

describe('markdownToText', () => {
  it('joins wrapped lines and keeps plain text as it is', () => {
    expect(markdownToText('A line\nwrapped')).toBe('A line wrapped');
    expect(markdownToText('Plain text, with punctuation.')).toBe('Plain text, with punctuation.');
  });
});

describe('mdxToHtml', () => {
  const source = [
    "import Callout from './Callout.astro';",
    'export const year = 2023;',
    '',
    '# MDX heading',
    '',
    'Computed: {1 + 1}, in *Markdown*.',
    '',
    '<Callout type="note">',
    '',
    'A component’s **Markdown** child.',
    '',
    '</Callout>',
    '',
    'Inline <Badge>kept text</Badge> and <em>inline JSX</em>.',
    '',
  ].join('\n');

  it('keeps the Markdown, and the text inside components, without imports, exports, expressions or tags', () => {
    expect(mdxToHtml(source)).toBe(
      [
        '<h1>MDX heading</h1>',
        '<p>Computed: , in <em>Markdown</em>.</p>',
        '<p>A component’s <strong>Markdown</strong> child.</p>',
        '<p>Inline kept text and inline JSX.</p>',
      ].join('\n'),
    );
  });

  it('renders text that is not valid MDX as Markdown, sanitized', () => {
    expect(mdxToHtml('a < b and <script>alert(1)</script>')).toBe(markdownToHtml('a < b and <script>alert(1)</script>'));
    expect(mdxToHtml('a < b and <script>alert(1)</script>')).not.toContain('<script');
  });
});
