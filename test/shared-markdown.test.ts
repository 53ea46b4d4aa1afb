/**
 * Each Markdown text is rendered once per build: the LMS packages' worker sends what it
 * renders to the main thread, whose site pages show the same texts (emit/background.ts).
 * Observed through `onHtmlRendered`, which hears of texts this thread renders itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import { writeHeavyJobsInBackground } from '../src/emit/background.ts';
import { messagesFor } from '../src/i18n/index.ts';
import { markdownToHtml, onHtmlRendered, rememberRenderedHtml } from '../src/markdown/index.ts';
import { renderedDuring } from './support/markdown.ts';

const checked = await check('curriculum');
// The bundled program whose module descriptions are Markdown beyond one plain paragraph.
const caring = checked.curricula.find((c) => c.program.id === 'caring-cities')!;
const common = messagesFor(caring.program.language).common;
// The words the site's pages (site/components/Markdown.astro) and the SCO pages (sco-page.ts) both give.
const footnotes = { heading: common.footnotes, backToReference: common.backToReference };

afterEach(() => onHtmlRendered(undefined));

describe('Markdown rendered once per build', () => {
  it('takes HTML another thread rendered, and renders what nobody has', () => {
    // Underscores are left to the parser (the shortcut takes plain text, simple links and `*` emphasis).
    const text = `A text __only this test__ has: ${Math.random()}`;
    const [key] = renderedDuring(() => markdownToHtml(`${text} (rendered here)`));
    expect(key).toBeDefined();
    // The key is opaque: one made by this thread for an unlabelled text is the text itself.
    rememberRenderedHtml([[text, '<p>from another thread</p>']]);
    let html = '';
    expect(renderedDuring(() => (html = markdownToHtml(text)))).toEqual([]);
    expect(html).toBe('<p>from another thread</p>');
  });

  it('gets the modules’ texts from the packages’ worker, as the site’s pages ask for them', async () => {
    // Most descriptions of the bundled programs now take the shortcut and reach no parser in
    // either thread; a code span in each makes them the parser's, in the worker first.
    const program = structuredClone(caring);
    for (const m of program.modules) (m as { description: string }).description = `${m.description}\n\nSee \`${m.id}\`.`;
    const texts = program.modules.map((m) => m.description);
    expect(texts.length).toBeGreaterThan(3);
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'shared-markdown-'));
    try {
      await writeHeavyJobsInBackground({ catalog: checked.catalog, jobs: [{ emitter: 'scorm-1.2', curriculum: program }], outDir });
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
    expect(renderedDuring(() => texts.forEach((t) => markdownToHtml(t, footnotes)))).toEqual([]);
    // Texts the worker never saw are still rendered here.
    expect(renderedDuring(() => markdownToHtml(`${texts[0]}\n\nAnd a _new_ line.`, footnotes))).toHaveLength(1);
  });
});
