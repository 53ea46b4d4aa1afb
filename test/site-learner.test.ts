/**
 * The site as a learner uses it, in Chromium. It knows what day it is: with the clock
 * set before, during and after an edition, and the visitor in another zone, the overview
 * says the days to go, the week with its modules, the next live session and what is due
 * within seven days, or that the edition ran and is archived, and registration is over.
 * And it keeps the learner's progress in the browser: a module marked done on its page
 * is marked on the module list and ticked on the completion page, whose count follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Curriculum } from '../src/index.ts';
import { browserAvailable, launchBrowser, requireBrowserInCi, type LaunchedBrowser } from './support/browser.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildTestSite, filesUnder, serveFolder, type BuiltSite, type StaticServer } from './support/site-build.ts';

let site: BuiltSite;
let server: StaticServer;
let browser: LaunchedBrowser;
let caring: Curriculum;

interface Seen {
  readonly body: string | null;
  readonly state: string | null;
  readonly line: string;
  readonly details: string;
  readonly links: string[];
  readonly registerVisible: boolean;
}

requireBrowserInCi();

// One build, server and browser for the whole file.
beforeAll(async () => {
  if (!browserAvailable) return;
  site = await buildTestSite();
  caring = site.result.programs.find((c) => c.program.id === 'caring-cities')!;
  [server, browser] = await Promise.all([serveFolder(site.outDir), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

async function visit(id: string, at: string, options: { timezoneId?: string; javaScript?: boolean } = {}): Promise<Seen> {
  const context = await browser.browser.newContext({ timezoneId: options.timezoneId ?? 'Europe/Madrid', javaScriptEnabled: options.javaScript ?? true, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    if (options.javaScript !== false) await page.clock.setFixedTime(new Date(at));
    await page.goto(`${server.url}/${id}/`);
    const status = page.locator('section[data-edition-status]');
    const register = page.locator('[data-register]');
    return {
      body: await page.locator('body').getAttribute('data-edition-status'),
      state: await status.getAttribute('data-edition-status'),
      line: (await page.locator('[data-status-line]').textContent()) ?? '',
      details: (await page.locator('[data-status-details]').textContent()) ?? '',
      links: await page.locator('[data-status-details] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? '')),
      registerVisible: (await register.count()) > 0 && (await register.first().isVisible()),
    };
  } finally {
    await context.close();
  }
}

describe.skipIf(!browserAvailable)('where the edition stands, on the visitor’s day', () => {
  it('counts the days to the start before the edition', async () => {
    const seen = await visit('caring-cities', '2023-06-20T10:00:00Z');
    expect(seen.body).toBe('upcoming');
    expect(seen.line).toBe('Starts on Monday, July 3, 2023: in 13 days.');
    expect(seen.details).toBe('');
    const tomorrow = await visit('caring-cities', '2023-07-02T10:00:00Z');
    expect(tomorrow.line).toBe('Starts on Monday, July 3, 2023: in 1 day.');
  });

  it('names the week, the next live session and what is due within a week while it runs', async () => {
    const now = '2023-07-14T10:00:00Z';
    const seen = await visit('caring-cities', now, { timezoneId: 'America/Bogota' });
    expect(seen.body).toBe('running');
    expect(seen.line).toMatch(/^Week 2 of 3: the edition runs until Friday, July 21, 2023\.$/);

    const next = caring.schedule.sessions.filter((s) => Date.parse(s.end.utc) > Date.parse(now)).sort((a, b) => a.start.utc.localeCompare(b.start.utc))[0]!;
    expect(seen.details).toContain(`Next live session${next.title}`);
    // Built without the site's URL: links are relative to the overview page (src/emit/site/relative-links.ts).
    expect(seen.links).toContain(`schedule/index.html#session-${next.id}`);
    // In Bogotá the 07:00Z session starts at 02:00 local time.
    expect(seen.details).toMatch(/02:00/);
    const due = caring.schedule.deadlines.filter((d) => Date.parse(d.due.at.utc) >= Date.parse(now) && Date.parse(d.due.at.utc) - Date.parse(now) <= 7 * 86_400_000);
    expect(due.length).toBeGreaterThan(0);
    for (const d of due) expect(seen.links).toContain(`schedule/index.html#deadline-${d.id}`);
    const later = caring.schedule.deadlines.filter((d) => Date.parse(d.due.at.utc) - Date.parse(now) > 7 * 86_400_000);
    for (const d of later) expect(seen.links).not.toContain(`schedule/index.html#deadline-${d.id}`);
  });

  it('says the edition has ended, and offers no registration, afterwards', async () => {
    const seen = await visit('crisis-scro', '2024-01-10T10:00:00Z');
    expect(seen.body).toBe('ended');
    expect(seen.line).toBe('This edition ran from Monday, March 20, 2023 to Monday, June 12, 2023. Archived');
    expect(seen.registerVisible).toBe(false);
    const before = await visit('crisis-scro', '2023-03-01T10:00:00Z');
    expect(before.line).toMatch(/^Starts on /);
    expect(before.registerVisible).toBe(true);
    // Registration closes at the start when the program gives no closing date.
    const running = await visit('crisis-scro', '2023-03-25T10:00:00Z');
    expect(running.registerVisible).toBe(false);
    expect(running.details).toContain('Registration closed on Monday, March 20, 2023.');
    // This week's modules, linked.
    const crisis = site.result.programs.find((c) => c.program.id === 'crisis-scro')!;
    const week = crisis.schedule.weeks.find((w) => w.span.start <= '2023-03-25' && '2023-03-25' <= w.span.end)!;
    expect(week.moduleIds.length).toBeGreaterThan(0);
    expect(running.details).toContain('This week’s modules');
    for (const id of week.moduleIds) expect(running.links).toContain(`modules/${id}/index.html`);
  });

  it('says without JavaScript what is true whatever the day, as of the sources', async () => {
    const seen = await visit('caring-cities', '2023-07-14T10:00:00Z', { javaScript: false });
    // The sources are dated after the edition (SOURCE_DATE_EPOCH, November 2023).
    expect(seen.state).toBe('ended');
    expect(seen.body).toBe('ended');
    expect(seen.line).toBe('This edition ran from Monday, July 3, 2023 to Friday, July 21, 2023.');
    expect(seen.details).toBe('');
  });

  it('gives each program of the catalog its status', async () => {
    const context = await browser.browser.newContext({ timezoneId: 'Europe/Madrid' });
    try {
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date('2023-07-14T10:00:00Z'));
      await page.goto(`${server.url}/`);
      const lines = await page.locator('[data-edition-status][data-compact] [data-status-line]').allTextContents();
      // CRISIS (spring 2023) and MIT 6.08 (spring 2018) have ended; Caring Cities is in its second week.
      expect(lines.sort()).toEqual(['Ended: archived', 'Ended: archived', 'Under way: Week 2 of 3']);
    } finally {
      await context.close();
    }
  });
});

describe.skipIf(!browserAvailable)('progress kept in the browser', () => {
  it('marks a module done on its page, on the module list and on the completion checklist, and clears it', async () => {
    const context = await browser.browser.newContext();
    try {
      const page = await context.newPage();
      const crisis = site.result.programs.find((c) => c.program.id === 'crisis-scro')!;
      const module = crisis.modules[0]!;
      await page.goto(`${server.url}/crisis-scro/completion/`);
      const count = page.locator('[data-progress-count="certificate"]');
      const total = await page.locator('input[data-progress-in="certificate"]').count();
      expect(total).toBeGreaterThan(1);
      expect(await count.textContent()).toBe(`0 of ${total} done`);

      await page.goto(`${server.url}/crisis-scro/modules/${module.id}/`);
      const box = page.getByLabel('I have done this module');
      await box.check();
      await page.goto(`${server.url}/crisis-scro/modules/`);
      const marks = page.locator('[data-progress-mark]:not([hidden])');
      expect(await marks.count()).toBe(1);
      expect(await marks.first().getAttribute('data-progress-mark')).toBe(`progress:crisis-scro:module:${module.id}`);

      await page.goto(`${server.url}/crisis-scro/completion/`);
      const ticked = page.locator(`input[data-progress-key="progress:crisis-scro:module:${module.id}"]`);
      // The module may sit in the checklist once or inside a group; every box of it is ticked.
      expect(await ticked.count()).toBeGreaterThan(0);
      for (const b of await ticked.all()) expect(await b.isChecked()).toBe(true);
      expect(await count.textContent()).toBe(`${await ticked.count()} of ${total} done`);

      await page.getByRole('button', { name: 'Clear my ticks in this browser' }).click();
      expect(await count.textContent()).toBe(`0 of ${total} done`);
      await page.goto(`${server.url}/crisis-scro/modules/`);
      expect(await page.locator('[data-progress-mark]:not([hidden])').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe.skipIf(!browserAvailable)('the pages these scripts are on', () => {
  it('end with </html>: no script is left outside the document', async () => {
    const pages = (await filesUnder(site.outDir)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    const outside: string[] = [];
    for (const page of pages) if (!(await readFile(path.join(site.outDir, page), 'utf8')).trimEnd().endsWith('</html>')) outside.push(page);
    expect(pages.length).toBeGreaterThan(30);
    expect(outside).toEqual([]);
  });

  it('give a module page substance: its kind in words, the competence it develops with its description, its share of the effort', async () => {
    const crisis = site.result.programs.find((c) => c.program.id === 'crisis-scro')!;
    const module = crisis.modules.find((m) => m.id === 'crisis-management')!;
    const competence = crisis.competences.find((c) => c.moduleIds.includes(module.id))!;
    const html = await readFile(path.join(site.outDir, 'crisis-scro', 'modules', module.id, 'index.html'), 'utf8');
    expect(html).toContain('<dt>Kind</dt> <dd>Advanced module</dd>');
    // The brochure's description of the competence, not only its name.
    const firstWords = competence.description.split(/\s+/).slice(0, 6).join(' ');
    expect(firstWords.length).toBeGreaterThan(20);
    expect(html.replace(/\s+/g, ' ')).toContain(firstWords);
    // CRISIS states 80 hours in total and no hours per module: each gets its share, said as such.
    expect(crisis.program.effort?.totalHours).toBe(80);
    expect(html).toContain('about 4 hours (the program’s 80 hours shared over its 20 modules)');
  });
});
