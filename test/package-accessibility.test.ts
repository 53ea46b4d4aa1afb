/**
 * SCO pages checked with axe-core (WCAG 2.1 A and AA rules) in Chromium, in each state
 * a learner meets: the module page with the assessment's front, a question, the
 * results; and for a module without an assessment. Keyboard use is covered by the
 * runtime tests, which take quizzes with the keyboard only.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import { emitScorm12 } from '../src/emit/scorm12/index.ts';
import type { Curriculum } from '../src/model/types.ts';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './support/browser.ts';
import { startStaticServer, type StaticServer } from './support/static-server.ts';

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

const checked = await check('curriculum');
const crisis = checked.curricula.find((c) => c.program.id === 'crisis-scro')!;
const caring = checked.curricula.find((c) => c.program.id === 'caring-cities')!;
const viewOnly = (() => {
  const c = structuredClone(caring) as { -readonly [K in keyof Curriculum]: Curriculum[K] };
  c.program = { ...c.program, id: 'view-only' };
  c.modules = c.modules.map((m) => ({ ...m, assessment: undefined }));
  return c as Curriculum;
})();

let server: StaticServer;
let launched: LaunchedBrowser | undefined;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer();
  for (const c of [crisis, caring, viewOnly]) {
    const [program] = emitScorm12(c, { catalog: checked.catalog, curricula: [c] });
    server.mount(c.program.id, new Map(Object.entries(unzipSync(program!.contents as Uint8Array)).filter(([p]) => !p.endsWith('/'))));
  }
  if (browserAvailable || process.env.CI) {
    launched = await launchBrowser();
    browser = launched.browser;
  }
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

/** axe-core's violations on the page as it is now, as "rule: target" lines. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe.skipIf(!browserAvailable && !process.env.CI)('SCO pages under axe-core', () => {
  for (const c of [crisis, caring]) {
    it(`${c.program.id}: the module page, a question and the results have no WCAG A/AA violation`, async () => {
      const page = await browser.newPage();
      try {
        const module = c.modules[0]!;
        await page.goto(`${server.origin}/${c.program.id}/modules/${module.id}/index.html`);
        await page.locator('[data-action="start"]').waitFor();
        expect(await violations(page), 'module page').toEqual([]);
        await page.locator('[data-action="start"]').click();
        await page.locator('.sco-question').first().waitFor();
        // The focus moves to the question, for screen reader and keyboard users.
        expect(await page.evaluate(() => document.activeElement?.className)).toBe('sco-question-number');
        expect(await violations(page), 'question').toEqual([]);
        await page.locator('[data-action="next"]').click();
        await page.locator('.sco-error').waitFor();
        expect(await page.locator('.sco-error').getAttribute('role')).toBe('alert');
        expect(await violations(page), 'missing answer').toEqual([]);
        const count = Number(JSON.parse((await page.locator('#sco-data').textContent())!).assessment.count);
        for (let position = 0; position < count; position++) {
          await page.locator(`.sco-question[data-question-position="${position}"] input`).first().click();
          await page.locator(position < count - 1 ? '[data-action="next"]' : '[data-action="submit"]').click();
        }
        await page.locator('.sco-result-title').waitFor();
        expect(await page.evaluate(() => document.activeElement?.className)).toBe('sco-result-title');
        expect(await violations(page), 'results').toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('a module without an assessment has no WCAG A/AA violation', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/view-only/modules/${viewOnly.modules[0]!.id}/index.html`);
      await page.locator('html[data-sco-session="ready"]').waitFor({ state: 'attached' });
      expect(await violations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('axe-core does find violations (the check can fail)', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent('<!DOCTYPE html><html><head><title>x</title></head><body><img src="x.png"><input type="checkbox"></body></html>');
      expect((await violations(page)).length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
