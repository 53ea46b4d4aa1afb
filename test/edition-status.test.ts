/**
 * The overview knows what day it is: in Chromium with the clock set before, during and
 * after an edition, and the visitor in another zone, the page says the days to go, the
 * week with the next live session and what is due within seven days, or that the
 * edition has ended and registration is over. Without JavaScript nothing of it shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Curriculum } from '../src/index.ts';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './support/browser.ts';
import { buildTestSite, serveFolder, type BuiltSite, type StaticServer } from './support/site-build.ts';

let site: BuiltSite;
let server: StaticServer;
let browser: LaunchedBrowser;
let caring: Curriculum;

interface Seen {
  readonly hidden: boolean;
  readonly line: string;
  readonly details: string;
  readonly links: string[];
  readonly registerVisible: boolean;
}

async function visit(id: string, at: string, options: { timezoneId?: string; javaScript?: boolean } = {}): Promise<Seen> {
  const context = await browser.browser.newContext({ timezoneId: options.timezoneId ?? 'Europe/Madrid', javaScriptEnabled: options.javaScript ?? true, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    if (options.javaScript !== false) await page.clock.setFixedTime(new Date(at));
    await page.goto(`${server.url}/${id}/`);
    const status = page.locator('[data-edition-status]');
    const register = page.locator('[data-register]');
    return {
      hidden: (await status.getAttribute('hidden')) !== null,
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
  beforeAll(async () => {
    site = await buildTestSite();
    caring = site.result.programs.find((c) => c.program.id === 'caring-cities')!;
    [server, browser] = await Promise.all([serveFolder(site.outDir), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  it('counts the days to the start before the edition', async () => {
    const seen = await visit('caring-cities', '2023-06-20T10:00:00Z');
    expect(seen.hidden).toBe(false);
    expect(seen.line).toBe('Starts on Monday, July 3, 2023: in 13 days.');
    expect(seen.details).toBe('');
    const tomorrow = await visit('caring-cities', '2023-07-02T10:00:00Z');
    expect(tomorrow.line).toBe('Starts on Monday, July 3, 2023: in 1 day.');
  });

  it('names the week, the next live session and what is due within a week while it runs', async () => {
    const now = '2023-07-14T10:00:00Z';
    const seen = await visit('caring-cities', now, { timezoneId: 'America/Bogota' });
    expect(seen.line).toMatch(/^Week 2 of 3: the edition runs until Friday, July 21, 2023\.$/);
    const next = caring.schedule.sessions.filter((s) => Date.parse(s.end.utc) > Date.parse(now)).sort((a, b) => a.start.utc.localeCompare(b.start.utc))[0]!;
    expect(seen.details).toContain(`Next live session${next.title}`);
    expect(seen.links).toContain(`/caring-cities/schedule/#session-${next.id}`);
    // In Bogotá the 07:00Z session starts at 02:00 local time.
    expect(seen.details).toMatch(/02:00/);
    const due = caring.schedule.deadlines.filter((d) => Date.parse(d.due.at.utc) >= Date.parse(now) && Date.parse(d.due.at.utc) - Date.parse(now) <= 7 * 86_400_000);
    expect(due.length).toBeGreaterThan(0);
    for (const d of due) expect(seen.links).toContain(`/caring-cities/schedule/#deadline-${d.id}`);
    const later = caring.schedule.deadlines.filter((d) => Date.parse(d.due.at.utc) - Date.parse(now) > 7 * 86_400_000);
    for (const d of later) expect(seen.links).not.toContain(`/caring-cities/schedule/#deadline-${d.id}`);
  });

  it('says the edition has ended, and offers no registration, afterwards', async () => {
    const seen = await visit('crisis-scro', '2024-01-10T10:00:00Z');
    expect(seen.line).toMatch(/^This edition ended on .*2023\.$/);
    expect(seen.registerVisible).toBe(false);
    const before = await visit('crisis-scro', '2023-03-01T10:00:00Z');
    expect(before.line).toMatch(/^Starts on /);
  });

  it('shows nothing of it without JavaScript: the dates in the facts stand', async () => {
    const seen = await visit('caring-cities', '2023-07-14T10:00:00Z', { javaScript: false });
    expect(seen.hidden).toBe(true);
  });
});
