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
import { markdownToHtml, markdownToText, markdownToTextByParser, mdxToHtml, onHtmlRendered } from '../src/markdown/index.ts';
import { renderedDuring } from './support/markdown.ts';

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
  'HTTPS://x.org',
  'http:',
  'https:/',
  'mailto:',
  'xmpp:a',
  'a:b@c.org',
  ': ',
  '1. ',
  '- ',
  '> ',
  '# ',
  '    ',
  '&amp;',
  // Whitespace that is not a space or a tab: Markdown keeps it as text, JavaScript's trim() does not.
  '\u00a0',
  '\f',
  '\u2028',
);

/**
 * Renders `runs` texts drawn from `texts` both ways and expects the same HTML; returns how
 * many new texts took the shortcut (reached no parser), so that a test can show the
 * property did not hold by leaving every text to the parser.
 */
function rendersAsParser(texts: fc.Arbitrary<string>, runs: number): number {
  let parsed = 0;
  onHtmlRendered(() => parsed++);
  const seen = new Set<string>();
  let shortcut = 0;
  try {
    fc.assert(
      fc.property(texts, (text) => {
        const before = parsed;
        expect(markdownToHtml(text)).toBe(viaParser(text));
        // A text rendered before is held, and reaches the parser once only.
        if (!seen.has(text) && parsed === before) shortcut++;
        seen.add(text);
      }),
      { numRuns: runs },
    );
  } finally {
    onHtmlRendered(undefined);
  }
  return shortcut;
}

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

  // Words that need no parser, and some that do: a list of either must come out as the parser's.
  const plainWord = fc.constantFrom('Pass', 'every', 'module', '(667)', 'All of the following:', 'Submit', '한국어', '😀', '25%', '“caring”', 'Lecture 1: Smart', 'a.b', 'x-y', "Seoul's");
  const itemText = fc.oneof(
    fc.array(plainWord, { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')),
    fc.array(alphabet, { maxLength: 6 }).map((parts) => parts.join('')),
  );
  const list = fc
    .tuple(fc.option(itemText), fc.array(fc.tuple(fc.integer({ min: -3, max: 2 }), itemText), { minLength: 1, maxLength: 12 }), fc.constantFrom('', '\n', '\n\n'))
    .map(([intro, items, end]) => {
      let depth = 0;
      const lines = items.map(([step, text], i) => {
        depth = i === 0 ? 0 : Math.max(0, depth + step);
        return `${'  '.repeat(depth)}- ${text}`;
      });
      return `${intro === null ? '' : `${intro}\n\n`}${lines.join('\n')}${end}`;
    });

  it('renders nested lists, after a paragraph or not, exactly as the parser does', () => {
    fc.assert(
      fc.property(list, (text) => {
        expect(markdownToHtml(text)).toBe(viaParser(text));
      }),
      { numRuns: 2000 },
    );
  });

  // Documents of plain blocks (headings, paragraphs of one or more lines, lists), with one,
  // two or three line breaks between them: one break is where Markdown merges or interrupts
  // blocks, which the shortcut must leave to the parser.
  const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), itemText).map(([level, text]) => `${'#'.repeat(level)} ${text}`);
  const paragraph = fc.array(itemText, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
  const flatList = fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), itemText), { minLength: 1, maxLength: 4 }).map((items) => items.map(([d, t], i) => `${i > 0 && d ? '  ' : ''}- ${t}`).join('\n'));
  const document = fc
    .tuple(fc.array(fc.tuple(fc.oneof(heading, paragraph, flatList), fc.constantFrom('\n', '\n\n', '\n\n\n', '\n \n')), { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\n'))
    .map(([blocks, end]) => blocks.map(([b, sep], i) => (i < blocks.length - 1 ? b + sep : b)).join('') + end);

  it('renders documents of headings, paragraphs and lists exactly as the parser does', () => {
    // Not a property that holds by leaving every text to the parser (about a tenth took the shortcut when this was written).
    expect(rendersAsParser(document, 3000)).toBeGreaterThan(100);
  });

  // Lines with links and emphasis, in their simplest forms and around them: other
  // delimiters, unbalanced brackets, punctuation on either side, addresses the shortcut
  // must leave to the parser (spaces, other schemes, entities, parentheses).
  const address = fc.constantFrom(
    'https://example.org/a?b=c', 'http://x.org', 'mailto:a@b.org', '../a/b.md', 'x.pdf', '#frag', '//cdn.org/x', 'a~b', 'a@b', '%20x', 'a+b,c;d=e',
    'a b', 'javascript:alert(1)', '%zz', 'a(b)', '<x>', '', 'HTTP://X.ORG', 'a&b', "a'b", 'ftp://x', 'a"b', 'a:b', 'https://x.org "title"',
  );
  const linkText = fc.oneof(plainWord, fc.constantFrom('', ' a ', '^1', 'a (b)', 'www.x.org', 'x@y.org', 'a*b', 'a]b'));
  const inlinePiece = fc.oneof(
    { arbitrary: plainWord, weight: 4 },
    fc.tuple(fc.constantFrom('*', '**', '***', '_', '__'), fc.oneof(plainWord, fc.constantFrom('a b', ' a', 'a ', '1', 'é', '한', 'a.', '.a', 'a*b'))).map(([d, t]) => `${d}${t}${d}`),
    fc.tuple(linkText, address).map(([t, a]) => `[${t}](${a})`),
    fc.constantFrom('*', '**', '[', ']', '(', ')', '](', '![a](b)', '[a]', '[a][b]', '.', ',', ';', ':', '?', '!', '"', "'", '-', '—', '2', 'a'),
    // The simplest forms, which the shortcut takes, more often.
    { arbitrary: fc.tuple(fc.constantFrom('*', '**'), plainWord).map(([d, t]) => `${d}${t.trim()}${d}`), weight: 3 },
    { arbitrary: fc.tuple(plainWord, fc.constantFrom('https://example.org/a?b=c', '../a/b.md', 'mailto:a@b.org', '#frag')).map(([t, a]) => `[${t}](${a})`), weight: 3 },
  );
  const inlineLine = fc.array(fc.tuple(inlinePiece, fc.constantFrom(' ', '', '  ')), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([p, sep]) => p + sep).join('').trimEnd() || 'x');
  const inlineDocument = fc
    .array(
      fc.oneof(
        fc.array(inlineLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
        inlineLine.map((line) => `## ${line}`),
        fc.array(inlineLine, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((blocks) => `${blocks.join('\n\n')}\n`);

  it('renders lines with links and emphasis exactly as the parser does', () => {
    // Not a property that holds by leaving every text to the parser (195 to over 200 of 2 500 took the shortcut when this was written).
    expect(rendersAsParser(inlineDocument, 2500)).toBeGreaterThan(100);
  });

  it('renders a module’s content of plain headings, paragraphs and lists without the parser', () => {
    const text = '## Policy resilience\n\nHealth climate budget.\nA second line.\n\n- Finance education.\n- Citizen data.\n\nData resilience climate.\n\n### Next\n\nMore text.\n';
    expect(renderedDuring(() => expect(markdownToHtml(text)).toBe(viaParser(text)))).toEqual([]);
    expect(renderedDuring(() => markdownToHtml(`${text}\nA _word_.\n`))).toHaveLength(1);
  });

  it('renders a list of plain items, such as an achievement’s requirements, without the parser', () => {
    const text = 'To earn it:\n\n- All of the following:\n  - Pass every core module (667)\n    - Pass Lecture 1: Smart Cities\n  - Submit the essay\n- Attend 2 sessions\n';
    expect(renderedDuring(() => expect(markdownToHtml(text)).toBe(viaParser(text)))).toEqual([]);
    // A text the fast path does not take still reaches the parser.
    expect(renderedDuring(() => markdownToHtml(`${text}- a _third_\n`))).toHaveLength(1);
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

  // Plain text skips the parser (isPlainParagraph); whatever skips it must come out as the
  // parser's path gives it. Colons (`Lecture 1: Smart`, `a:b`, `mailto:`) and whitespace
  // that is not a space (no-break space, form feed, line separator) are what such text is
  // most often made of at its edges.
  const edges = fc.constantFrom('\u00a0', '\u000b', '\f', '\u2028', '\ufeff', '\u3000', ':', ': ', 'Lecture 1: ', 'note:', 'a:b', 'x:/y');
  it('gives any text the parser’s plain text, shortcut or not', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(alphabet, edges), { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
        expect(markdownToText(text)).toBe(markdownToTextByParser(text));
      }),
      { numRuns: 3000 },
    );
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
