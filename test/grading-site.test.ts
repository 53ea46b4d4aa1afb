/**
 * The grading on the site, built from `test/samples/programs/graded` with the real
 * pipeline: the completion page and the syllabus state the parts, each item's share, the
 * grades, the pass, the penalty and bonus and the late rule, all from the model, and a
 * "what you still need" table that is there without script. In Chromium the calculator
 * answers from the averages typed in with the keyboard, and the page passes axe-core.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeGrading } from '../src/describe/grading.ts';
import type { Curriculum } from '../src/model/types.ts';
import { browserAvailable, launchBrowser, requireBrowserInCi, type LaunchedBrowser } from './support/browser.ts';
import { buildTestSite, serveFolder, type BuiltSite, type StaticServer } from './support/site-build.ts';

requireBrowserInCi();

const source = 'test/samples/programs/graded';
const artifacts = path.resolve('test/artifacts/site');
let site: BuiltSite;
let graded: Curriculum;
let completion: string;
let syllabus: string;

/** The page's text, tags removed and spaces collapsed, for reading sentences out of it. */
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  site = await buildTestSite({ input: source, programDirs: { graded: path.resolve(source) } });
  graded = site.result.programs.find((c) => c.program.id === 'graded')!;
  completion = await readFile(path.join(site.outDir, 'graded/completion/index.html'), 'utf8');
  syllabus = await readFile(path.join(site.outDir, 'graded/syllabus/index.html'), 'utf8');
}, 240_000);

afterAll(async () => {
  await site?.remove();
});

describe('the grading on the pages', () => {
  it('is written from the model on the completion page and in the syllabus', () => {
    const described = describeGrading(graded)!;
    for (const page of [completion, syllabus].map(text)) {
      for (const c of described.components) {
        expect(page).toContain(`${c.title}`);
        expect(page).toContain(c.each);
      }
      expect(page).toContain('the lowest score is dropped, so each that counts weighs 6.25 %');
      expect(page).toContain('Project proposal: 10 %; Project report: 25 %');
      expect(page).toContain('You pass the course with a grade of D or better: a final total of at least 60 %.');
      expect(page).toContain('80 % to under 90 %');
      expect(page).toContain('your final total goes down by a third of the width of the grade it is in');
      expect(page).toContain('your final total goes up by 1 percentage point');
      expect(page).toContain('Work handed in late loses 10 % of its score for each day or part of a day after the deadline, counted from 2 hours after it, up to 50 % at most.');
      expect(page).toContain('Earn a final grade of D or better');
    }
  });

  it('lists a module’s assessments in the syllabus, those graded elsewhere included', () => {
    expect(text(syllabus)).toContain('Quiz on describing data: score at least 50 %, retries allowed; Peer review of plots: graded outside this site.');
  });

  it('has a "what you still need" table that needs no script', () => {
    const table = /<table class="grading-need"[\s\S]*?<\/table>/.exec(completion)?.[0];
    expect(table).toBeDefined();
    const rows = [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!).trim());
    // The final exam weighs 15 %: with 80 % on the other 85 %, a B needs (80 − 68) / 15 = 80 %.
    expect(rows[0]).toBe('Your average on the rest A B C D');
    expect(rows).toContain('100 % 33.4 % already reached already reached already reached');
    expect(rows).toContain('80 % out of reach 80 % 13.4 % already reached');
    expect(rows).toContain('60 % out of reach out of reach out of reach 60 %');
  });
});

let server: StaticServer;
let browser: LaunchedBrowser;

describe.skipIf(!browserAvailable)('the calculator in Chromium', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([serveFolder(site.outDir), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('works out what is needed from averages typed in with the keyboard', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${server.url}/graded/completion/`);
    const form = page.locator('form[data-grade-calculator]');
    await expect(form.isVisible()).resolves.toBe(true);
    // Every part has its labelled field.
    for (const c of graded.policy.grading!.components) {
      await expect(page.getByLabel(`Your average in ${c.title} (%)`).count()).resolves.toBe(1);
    }
    await page.getByLabel('Your average in Problem sets (%)').focus();
    await page.keyboard.type('80');
    await page.keyboard.press('Tab');
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    const result = page.locator('[data-calculator-result]');
    // 80 % of 25 + 100 % of 15 = 35 points of 40; B (80) needs 45 of the remaining 60: 75 %.
    await expect(result.innerText()).resolves.toContain('So far: 35 % of the 40 % finished.');
    await expect(result.innerText()).resolves.toContain('B: an average of 75 % on the rest');
    await expect(result.innerText()).resolves.toContain('A: an average of 91.7 % on the rest');
    await expect(page.locator('[data-calculator-result][role="status"]').count()).resolves.toBe(1);
    await page.close();
  });

  it('passes axe-core on both pages, with the calculator’s answer shown', async () => {
    const axe = await readFile(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
    const page = await browser.browser.newPage();
    for (const at of ['/graded/completion/', '/graded/syllabus/']) {
      await page.goto(`${server.url}${at}`);
      if (at.includes('completion')) {
        await page.getByLabel('Your average in Labs (%)').fill('70');
        await page.getByRole('button', { name: 'Work it out' }).click();
        await page.locator('[data-calculator-result] li').first().waitFor();
        await mkdir(artifacts, { recursive: true });
        await page.screenshot({ path: path.join(artifacts, 'graded-completion.png'), fullPage: true });
      }
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
        const runner = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
        const result = await runner.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
      });
      expect(violations, at).toEqual([]);
    }
    await page.close();
  });
});
