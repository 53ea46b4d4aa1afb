/**
 * The course site, built from both bundled programs with the real pipeline and visited
 * in Chromium: every page answers, logs no error, passes axe-core, and links only to
 * files and anchors that exist; times convert to the visitor's zone; the current week
 * is marked; search works; pages hold at 320 px and print without navigation.
 * Screenshots are kept in test/artifacts/site/ for a person to look at.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputPaths, pagePaths } from '../src/addresses/index.ts';
import { browserAvailable, launchBrowser, requireBrowserInCi, type LaunchedBrowser } from './support/browser.ts';
import { buildTestSite, filesUnder, pageUrlPath, serveFolder, type BuiltSite, type StaticServer } from './support/site-build.ts';

requireBrowserInCi();

const artifacts = path.resolve('test/artifacts/site');
// Search loads its index on demand; on a busy machine that takes a while.
const poll = { timeout: 20_000, interval: 100 };
const axeSource = readFile(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

interface Visit {
  readonly path: string;
  readonly status: number;
  readonly errors: readonly string[];
  readonly violations: readonly string[];
  readonly ids: readonly string[];
  readonly links: readonly string[];
  readonly h1Count: number;
}

let site: BuiltSite;
let server: StaticServer;
let browser: LaunchedBrowser;
let files: Set<string>;
let visits: Visit[];

describe.skipIf(!browserAvailable)('the course site in Chromium', () => {
  beforeAll(async () => {
    site = await buildTestSite();
    console.log(`site: ${site.pages} pages built in ${Math.round(site.siteMs)} ms`);
    [server, browser] = await Promise.all([serveFolder(site.outDir), launchBrowser()]);
    files = new Set(await filesUnder(site.outDir));
    await mkdir(artifacts, { recursive: true });
    visits = await crawl([...files].filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).map(pageUrlPath));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  it('builds every page at its stable URL', () => {
    const expected = ['/', '/search/'];
    for (const c of site.result.programs) {
      const id = c.program.id;
      expected.push(pagePaths.overview(id), pagePaths.schedule(id), pagePaths.modules(id), pagePaths.completion(id), pagePaths.achievements(id), pagePaths.lms(id), `/${id}/syllabus/`);
      if (c.competences.length > 0) expected.push(pagePaths.competences(id));
      for (const m of c.modules) expected.push(pagePaths.module(id, m.id));
    }
    const built = visits.map((v) => v.path);
    expect(built.sort()).toEqual([...expected, '/404.html'].sort());
    expect(site.pages).toBe(visits.length);
    // The other emitters' files are still there, untouched.
    for (const file of site.emitted) expect(files.has(file)).toBe(true);
  });

  it('answers every page with 200 and logs no console error', () => {
    for (const v of visits) {
      expect.soft(v.status, v.path).toBe(200);
      expect.soft(v.errors, v.path).toEqual([]);
    }
  });

  it('has exactly one h1 on every page', () => {
    for (const v of visits) expect.soft(v.h1Count, v.path).toBe(1);
  });

  it('passes axe-core on every page', () => {
    for (const v of visits) expect.soft(v.violations, v.path).toEqual([]);
  });

  it('follows a dark colour scheme and passes axe-core in it on a page of every kind', async () => {
    const axe = await axeSource;
    const context = await browser.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    try {
      // One page of each kind per program (the stylesheet is shared; every page in light mode is checked above).
      const pages = ['/', '/search/', '/404.html'];
      for (const c of site.result.programs) {
        const id = c.program.id;
        pages.push(pagePaths.overview(id), pagePaths.schedule(id), pagePaths.modules(id), pagePaths.completion(id), pagePaths.lms(id), `/${id}/syllabus/`, pagePaths.module(id, c.modules[0]!.id));
        if (c.competences.length > 0) pages.push(pagePaths.competences(id));
      }
      // Three tabs at once, as the light-mode crawl does: axe waits on the page as much as it computes.
      const queue = [...pages];
      const checkPages = async () => {
        const tab = await context.newPage();
        for (let pagePath = queue.shift(); pagePath !== undefined; pagePath = queue.shift()) {
          await tab.goto(`${server.url}${pagePath}`, { waitUntil: 'load' });
          // Dark in fact: a test in a light scheme would pass axe without showing anything.
          const background = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
          expect.soft(background, pagePath).toBe('rgb(21, 24, 28)');
          expect.soft(await axeViolations(tab, axe), pagePath).toEqual([]);
        }
        await tab.close();
      };
      await Promise.all([checkPages(), checkPages(), checkPages()]);
      const page = await context.newPage();
      await page.goto(`${server.url}${pagePaths.schedule('crisis-scro')}`);
      await page.screenshot({ path: path.join(artifacts, 'schedule-crisis-scro-dark.png'), fullPage: false });
      // Print stays black on white whatever the screen's scheme.
      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(21, 24, 28)');
    } finally {
      await context.close();
    }
  }, 300_000);

  it('links only to files and anchors that exist (.ics, .zip and .json included)', () => {
    const ids = new Map(visits.map((v) => [v.path, new Set(v.ids)]));
    const broken: string[] = [];
    let checked = 0;
    for (const v of visits) {
      for (const link of v.links) {
        const target = internalTarget(link);
        if (!target) continue;
        checked++;
        const file = target.pathname.endsWith('/') ? `${target.pathname.slice(1)}index.html` : target.pathname.slice(1);
        if (!files.has(decodeURIComponent(file))) {
          broken.push(`${v.path} → ${link} (no file ${file})`);
          continue;
        }
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (fragment && file.endsWith('.html') && !ids.get(pageUrlPath(file))?.has(fragment)) broken.push(`${v.path} → ${link} (no #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
    // Downloads are linked exactly when they were emitted.
    for (const c of site.result.programs) {
      const json = `/${outputPaths.curriculumJson(c.program.id)}`;
      const linked = visits.some((v) => v.links.some((l) => internalTarget(l)?.pathname === json));
      expect(linked).toBe(site.emitted.has(outputPaths.curriculumJson(c.program.id)));
      const calendarLinked = visits.some((v) => v.links.some((l) => internalTarget(l)?.pathname.endsWith('.ics')));
      expect(calendarLinked).toBe([...site.emitted].some((f) => f.endsWith('.ics')));
    }
  });

  it('shows the 09:00 CEST orientation at 16:00 in Seoul and 07:00 in UTC', async () => {
    const seoul = await visitorTimeOfOrientation('Asia/Seoul');
    expect(seoul.program).toContain('09:00');
    expect(seoul.program).toContain('UTC+02:00');
    expect(seoul.visitor).toMatch(/\b16:00\b/);
    expect(seoul.visitor).toMatch(/\b18:00\b/);
    const utc = await visitorTimeOfOrientation('UTC');
    expect(utc.visitor).toMatch(/\b07:00\b/);
    const madrid = await visitorTimeOfOrientation('Europe/Madrid');
    expect(madrid.visitor).toBe('This is also your time zone.');
  });

  it('shows the deadline due by the end of 19 July in Madrid at 16:59 in Bogotá, with its own calendar links', async () => {
    const context = await browser.browser.newContext({ timezoneId: 'America/Bogota' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}${pagePaths.schedule('caring-cities')}`);
      const deadline = page.locator('#deadline-quizzes-due');
      await deadline.locator('.visitor-time').waitFor({ state: 'visible' });
      expect(await deadline.locator('.program-time').innerText()).toMatch(/By the end of the day: Wednesday, July 19, 2023 at 23:59 \(Central European Summer Time, UTC\+02:00\)/);
      expect(await deadline.locator('[data-visitor-time-text]').innerText()).toMatch(/July 19, 2023.*\b16:59\b/);
      const google = new URL((await deadline.getByRole('link', { name: 'Google Calendar' }).getAttribute('href'))!);
      expect(google.searchParams.get('dates')).toBe('20230719T215900Z/20230719T220000Z');
      const outlook = new URL((await deadline.getByRole('link', { name: 'Outlook.com' }).getAttribute('href'))!);
      expect([outlook.searchParams.get('startdt'), outlook.searchParams.get('enddt')]).toEqual(['2023-07-19T21:59:00Z', '2023-07-19T22:00:00Z']);
      expect(await deadline.getByRole('link', { name: 'Add to your calendar (.ics)' }).getAttribute('href')).toBe(`../${outputPaths.deadlineCalendar('caring-cities', 'quizzes-due').replace('caring-cities/', '')}`);
    } finally {
      await context.close();
    }
  });

  it('makes the subscribe links from the page’s own address when the site’s URL is not known, and offers the .ics file without JavaScript', async () => {
    const here = `${server.url}/${outputPaths.calendar('caring-cities')}`;
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.browser.newContext({ javaScriptEnabled });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}${pagePaths.schedule('caring-cities')}`);
        const group = page.locator('.calendar-links .subscribe-links').first();
        // The bundled build names no site URL: no address is written into the page.
        expect(await group.getAttribute('data-calendar-url')).toBeNull();
        // Built without the site's URL, links are relative to the page (src/emit/site/relative-links.ts).
        expect(await group.locator('a[download]').getAttribute('href')).toBe(`../${outputPaths.calendar('caring-cities').replace('caring-cities/', '')}`);
        expect(await group.locator('a[download]').isVisible()).toBe(true);
        const webcal = group.locator('a[data-subscribe="webcal"]');
        if (!javaScriptEnabled) {
          expect(await webcal.isVisible()).toBe(false);
          expect(await group.locator('[data-subscribe-apps]').isVisible()).toBe(false);
          continue;
        }
        await expect.poll(() => webcal.getAttribute('href'), poll).toBe(here.replace(/^https?:\/\//, 'webcal://'));
        expect(await webcal.isVisible()).toBe(true);
        const google = new URL((await group.locator('a[data-subscribe="google"]').getAttribute('href'))!);
        expect(google.searchParams.get('cid')).toBe(here.replace(/^https?:\/\//, 'webcal://'));
        for (const kind of ['outlook', 'office365']) {
          const link = new URL((await group.locator(`a[data-subscribe="${kind}"]`).getAttribute('href'))!);
          expect(link.searchParams.get('url')).toBe(here);
        }
      } finally {
        await context.close();
      }
    }
  });

  it('shows the program zone and its UTC offset without JavaScript', async () => {
    const context = await browser.browser.newContext({ javaScriptEnabled: false, timezoneId: 'Asia/Seoul' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}${pagePaths.schedule('caring-cities')}`);
      const session = page.locator('#session-orientation');
      await expect.poll(() => session.locator('.program-time').innerText(), poll).toMatch(/Monday, July 3, 2023, 09:00\s*–\s*11:00 \(Central European Summer Time, UTC\+02:00\)/);
      expect(await session.locator('.visitor-time').isVisible()).toBe(false);
      expect(await page.locator('.current-badge:visible').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('marks the current week during the program, and none outside it', async () => {
    const during = await currentWeeks(new Date('2023-07-12T10:00:00+02:00'));
    expect(during.sections).toEqual(['week-2']);
    expect(during.badges).toEqual(['This week']);
    expect(during.bars).toBe(1);
    expect(during.violations).toEqual([]);
    const after = await currentWeeks(new Date('2024-01-10T10:00:00Z'));
    expect(after.sections).toEqual([]);
  });

  it('finds pages of both programs with search', async () => {
    const page = await browser.browser.newPage();
    try {
      await page.goto(`${server.url}/`);
      await page.fill('#site-search-query', 'caring');
      await page.press('#site-search-query', 'Enter');
      // Built without the site's URL, the form leads to the page's file (src/emit/site/relative-links.ts).
      await page.waitForURL(/\/search\/index\.html\?q=caring/);
      const results = page.locator('.search-results li a');
      await expect.poll(() => results.count(), poll).toBeGreaterThan(2);
      expect(await page.locator('.search-status').innerText()).toMatch(/pages? match “caring”/);
      expect(await results.first().getAttribute('href')).toMatch(/^\/caring-cities\//);
      expect(await axeViolations(page, await axeSource)).toEqual([]);
      await page.fill('#search-query', 'resilience');
      await page.press('#search-query', 'Enter');
      await expect.poll(async () => (await results.allInnerTexts()).join('|'), poll).toMatch(/Resilien/);
      expect(await results.first().getAttribute('href')).toMatch(/^\/crisis-scro\//);
      // An excerpt reads as text: a fact's label and value apart, and not the progress checkbox's hint.
      const excerpts = (await page.locator('.search-results li > p:last-child').allInnerTexts()).join('\n');
      expect(excerpts).toMatch(/Workload about \d+ hours/);
      expect(excerpts).not.toMatch(/Workloadabout|Kind(Advanced|Elective|Core)|Kept in this browser/);
      await page.fill('#search-query', 'zzzxqqq');
      await page.press('#search-query', 'Enter');
      await expect.poll(() => page.locator('.search-status').innerText(), poll).toBe('No pages match “zzzxqqq”.');
    } finally {
      await page.close();
    }
  });

  // What a learner's network does to Pagefind's files (site/scripts/search.ts): a request
  // that fails, a 404 from a page left open across a new deployment. Pagefind 1.6 itself
  // answers without an index chunk it could not fetch, and keeps a failed WebAssembly
  // module or metadata file failed until the page is reloaded.
  const searchFaults: readonly { readonly name: string; readonly files: RegExp; readonly answer: 'abort' | 404 }[] = [
    { name: 'an index chunk fails', files: /\/pagefind\/index\/[^/]+\.pf_index$/, answer: 'abort' },
    { name: 'an index chunk is gone (404)', files: /\/pagefind\/index\/[^/]+\.pf_index$/, answer: 404 },
    { name: 'the result fragments fail', files: /\/pagefind\/fragment\/[^/]+\.pf_fragment$/, answer: 'abort' },
    { name: 'the WebAssembly module fails', files: /\/pagefind\/wasm\.[a-z]+\.pagefind$/, answer: 'abort' },
    { name: 'the metadata fails', files: /\/pagefind\/pagefind\.[^/]+\.pf_meta$/, answer: 'abort' },
    { name: 'the search script fails', files: /\/pagefind\/pagefind\.js(\?.*)?$/, answer: 'abort' },
  ];

  it.each(searchFaults)('says search failed, not that nothing matches, when $name, and finds at the next search once the network is back', async ({ files: pattern, answer }) => {
    const page = await browser.browser.newPage();
    try {
      let failing = true;
      let failures = 0;
      await page.route(pattern, async (route) => {
        if (!failing) return route.continue();
        failures++;
        return answer === 'abort' ? route.abort('failed') : route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' });
      });
      await page.goto(`${server.url}/search/index.html?q=resilience`);
      const status = page.locator('.search-status');
      const failedText = await status.getAttribute('data-failed');
      expect(failedText).toBeTruthy();
      await expect.poll(() => status.innerText(), poll).toBe(failedText);
      expect(failures).toBeGreaterThan(0);
      expect(await page.locator('.search-results li').count()).toBe(0);
      failing = false;
      await page.press('#search-query', 'Enter');
      await expect.poll(() => status.innerText(), poll).toMatch(/pages? match “resilience”/);
      expect(await page.locator('.search-results li').count()).toBeGreaterThan(2);
    } finally {
      await page.close();
    }
  });

  it('shows the answer to the last query when an earlier one answers late', async () => {
    const page = await browser.browser.newPage();
    try {
      // The first query's chunks arrive 2 s late; the second is typed meanwhile.
      let slow = true;
      await page.route(/\/pagefind\/index\/[^/]+\.pf_index$/, async (route) => {
        if (slow) await new Promise((resolve) => setTimeout(resolve, 2000));
        return route.continue();
      });
      await page.goto(`${server.url}/search/index.html?q=resilience`);
      await expect.poll(() => page.locator('.search-status').innerText(), poll).toBe(await page.locator('.search-status').getAttribute('data-searching'));
      slow = false;
      await page.fill('#search-query', 'caring');
      await page.press('#search-query', 'Enter');
      await expect.poll(() => page.locator('.search-status').innerText(), poll).toMatch(/pages? match “caring”/);
      // Long after the first query's answer came: the list and the status are still the second's.
      await page.waitForTimeout(3000);
      expect(await page.locator('.search-status').innerText()).toMatch(/pages? match “caring”/);
      expect(await page.locator('.search-results li a').first().getAttribute('href')).toMatch(/^\/caring-cities\//);
    } finally {
      await page.close();
    }
  });

  it('lets a keyboard user skip to the content', async () => {
    const page = await browser.browser.newPage();
    try {
      await page.goto(`${server.url}${pagePaths.overview('crisis-scro')}`);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      expect(await page.locator('.skip-link').isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    } finally {
      await page.close();
    }
  });

  it('moves the keyboard through the overview in the order the eye reads it, on a wide screen', async () => {
    const context = await browser.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      for (const program of ['crisis-scro', 'caring-cities']) {
        await page.goto(`${server.url}${pagePaths.overview(program)}`);
        // Each part of the layout that holds a link, in the document's (the keyboard's) order,
        // and in reading order: top to bottom, then left to right.
        const parts = await page.evaluate(() =>
          [...document.querySelectorAll('.overview-layout > *')]
            .filter((el) => el.querySelector('a[href], button, input, summary'))
            .map((el) => {
              const r = el.getBoundingClientRect();
              return { name: el.className, top: Math.round(r.top), left: Math.round(r.left) };
            }),
        );
        expect(parts.length, program).toBeGreaterThanOrEqual(3);
        const read = [...parts].sort((a, b) => a.top - b.top || a.left - b.left);
        expect(parts.map((p) => p.name), program).toEqual(read.map((p) => p.name));
      }
    } finally {
      await context.close();
    }
  });

  it('sets each fact of the overview right under its label, whatever the other facts of its row hold', async () => {
    const context = await browser.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      for (const program of ['crisis-scro', 'caring-cities']) {
        await page.goto(`${server.url}${pagePaths.overview(program)}`);
        // A row's cells are as tall as its tallest (a fact with a note under it); the others'
        // values once shared that height with their labels and sat lower, each differently.
        // From the label's text, not its box (a stretched <dt> box reaches down to the value
        // whatever the text does), to the value's box (its contents differ: a link, a note).
        const gaps = await page.evaluate(() =>
          [...document.querySelectorAll('.overview-facts .facts > div')].map((fact) => {
            const label = document.createRange();
            label.selectNodeContents(fact.querySelector('dt')!);
            return { label: label.toString(), gap: Math.round(fact.querySelector('dd')!.getBoundingClientRect().top - label.getBoundingClientRect().bottom) };
          }),
        );
        expect(gaps.length, program).toBeGreaterThan(6);
        // The same space under every label (its line's leading): none set lower than the rest.
        const least = Math.min(...gaps.map((g) => g.gap));
        expect(least, program).toBeGreaterThanOrEqual(0);
        expect(gaps.filter((g) => g.gap > least + 2), program).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it('fits a 320 px screen without sideways scrolling', async () => {
    const context = await browser.browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      const overflowing: string[] = [];
      for (const v of visits) {
        await page.goto(`${server.url}${v.path}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) overflowing.push(`${v.path}: ${width}px`);
      }
      expect(overflowing).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the tabs in one row at 375 px, the current one in view, and gives the competence map and matrix a small-screen form', async () => {
    const context = await browser.browser.newContext({ viewport: { width: 375, height: 700 } });
    try {
      const page = await context.newPage();
      for (const section of ['syllabus', 'completion', 'overview'] as const) {
        const pagePath = section === 'overview' ? pagePaths.overview('crisis-scro') : section === 'completion' ? pagePaths.completion('crisis-scro') : '/crisis-scro/syllabus/';
        await page.goto(`${server.url}${pagePath}`);
        const nav = await page.evaluate(() => {
          const list = document.querySelector<HTMLElement>('.program-nav ul')!;
          const tabs = [...list.querySelectorAll<HTMLElement>('a')];
          const current = list.querySelector<HTMLElement>('.is-current')!.getBoundingClientRect();
          const box = list.getBoundingClientRect();
          return { rows: new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size, scrolls: list.scrollWidth > list.clientWidth, currentInView: current.left >= box.left - 1 && current.right <= box.right + 1 };
        });
        expect(nav, pagePath).toEqual({ rows: 1, scrolls: true, currentInView: true });
      }
      await page.goto(`${server.url}${pagePaths.competences('crisis-scro')}`);
      expect(await page.locator('.competence-map').isVisible()).toBe(false);
      expect(await page.locator('.small-screen-only').first().isVisible()).toBe(true);
      const firstColumn = page.locator('.matrix tbody th').first();
      expect(await firstColumn.evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
      // Scrolled sideways, the module's name stays at the table's left edge.
      await page.locator('.matrix').evaluate((t) => (t.parentElement!.scrollLeft = 400));
      const [cell, region] = await Promise.all([firstColumn.boundingBox(), page.locator('.matrix').evaluate((t) => t.parentElement!.getBoundingClientRect().left)]);
      expect(Math.abs(cell!.x - region)).toBeLessThan(2);
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await page.locator('.competence-map').isVisible()).toBe(true);
      expect(await page.locator('.small-screen-only').first().isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('prints the CRISIS syllabus on at most 8 A4 pages, without navigation or search, no text under 8 pt', async () => {
    const page = await browser.browser.newPage();
    try {
      await page.goto(`${server.url}/crisis-scro/syllabus/`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.program-nav').isVisible()).toBe(false);
      expect(await page.locator('.site-search').isVisible()).toBe(false);
      expect(await page.locator('h1').innerText()).toBe('CRISIS Smart City Resilience Officer (SCRO) MOOC');
      const pdf = await page.pdf({ path: path.join(artifacts, 'crisis-scro-syllabus.pdf'), format: 'A4' });
      // Chromium writes one `/Type /Page` dictionary per page (and one `/Type /Pages` tree).
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
      expect(pages).toBeGreaterThan(3);
      expect(pages).toBeLessThanOrEqual(8);
      // Every visible text at least 8 pt (8 pt = 10.67 CSS px).
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''))
          .filter((e) => (e as HTMLElement).offsetParent !== null || e.tagName === 'BODY')
          .filter((e) => e.closest('.sr-only') === null && parseFloat(getComputedStyle(e).fontSize) < 10.66)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${getComputedStyle(e).fontSize}`),
      );
      expect(small).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('keeps screenshots of the overview and schedule at 1280 and 375 px', async () => {
    const shots: string[] = [];
    for (const width of [1280, 375]) {
      const context = await browser.browser.newContext({ viewport: { width, height: 900 }, timezoneId: 'Asia/Seoul' });
      try {
        const page = await context.newPage();
        await page.clock.setFixedTime(new Date('2023-07-12T10:00:00+02:00'));
        for (const c of site.result.programs) {
          for (const [name, pagePath] of [
            ['overview', pagePaths.overview(c.program.id)],
            ['schedule', pagePaths.schedule(c.program.id)],
          ] as const) {
            await page.goto(`${server.url}${pagePath}`);
            const file = path.join(artifacts, `${c.program.id}-${name}-${width}.png`);
            await page.screenshot({ path: file, fullPage: true });
            shots.push(file);
          }
        }
      } finally {
        await context.close();
      }
    }
    expect(shots).toHaveLength(site.result.programs.length * 4);
  });
});

/** Visits every page (three at a time) with axe-core and collects what the tests check. */
async function crawl(paths: readonly string[]): Promise<Visit[]> {
  const axe = await axeSource;
  const context = await browser.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const queue = [...paths];
  const visited: Visit[] = [];
  const worker = async () => {
    const page = await context.newPage();
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) visited.push(await visit(page, next, axe));
    await page.close();
  };
  try {
    await Promise.all([worker(), worker(), worker()]);
  } finally {
    await context.close();
  }
  return visited.sort((a, b) => a.path.localeCompare(b.path));
}

async function visit(page: Page, pagePath: string, axe: string): Promise<Visit> {
  const errors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => m.type() === 'error' && errors.push(m.text());
  const onError = (e: Error) => errors.push(e.message);
  const onResponse = (r: { status(): number; url(): string }) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  page.on('response', onResponse);
  try {
    const response = await page.goto(`${server.url}${pagePath}`, { waitUntil: 'load' });
    const violations = await axeViolations(page, axe);
    const { ids, links, h1Count } = await page.evaluate(() => ({
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      links: [...document.querySelectorAll('a[href], link[href], img[src], script[src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
      h1Count: document.querySelectorAll('h1').length,
    }));
    // Links are resolved against the page, as the browser would.
    const base = `${server.url}${pagePath}`;
    return { path: pagePath, status: response?.status() ?? 0, errors, violations, ids, links: links.map((l) => new URL(l, base).href), h1Count };
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onError);
    page.off('response', onResponse);
  }
}

/**
 * axe-core's violations on the page as it is now. The rules are chosen by tag, so that
 * rules axe leaves off by default (WCAG 2.2's target size) run too.
 */
async function axeViolations(page: Page, axe: string): Promise<string[]> {
  await page.addScriptTag({ content: axe });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    const runner = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await runner.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

/** A link on the site itself (served, or absolute to the public URL, or webcal://), else undefined. */
function internalTarget(link: string): URL | undefined {
  const publicUrl = site.result.catalog.url !== undefined ? new URL(site.result.catalog.url) : undefined;
  const url = new URL(link.replace(/^webcal:\/\//, 'https://'));
  if (url.origin === server.url) return url;
  if (publicUrl && url.origin === publicUrl.origin) return url;
  return undefined;
}

async function visitorTimeOfOrientation(timezoneId: string): Promise<{ program: string; visitor: string }> {
  const context: BrowserContext = await browser.browser.newContext({ timezoneId });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}${pagePaths.schedule('caring-cities')}`);
    const session = page.locator('#session-orientation');
    await session.locator('.visitor-time').waitFor({ state: 'visible' });
    return {
      program: await session.locator('.program-time').innerText(),
      visitor: await session.locator('[data-visitor-time-text]').innerText(),
    };
  } finally {
    await context.close();
  }
}

async function currentWeeks(now: Date): Promise<{ sections: string[]; badges: string[]; bars: number; violations: string[] }> {
  const context = await browser.browser.newContext({ timezoneId: 'Europe/Madrid' });
  try {
    const page = await context.newPage();
    await page.clock.setFixedTime(now);
    await page.goto(`${server.url}${pagePaths.schedule('caring-cities')}`);
    return {
      sections: await page.locator('section.week[aria-current="date"]').evaluateAll((els) => els.map((e) => e.id)),
      badges: await page.locator('.current-badge:visible').allInnerTexts(),
      bars: await page.locator('.tl-week.is-current').count(),
      // The marked week has its own colours: check them too.
      violations: await axeViolations(page, await axeSource),
    };
  } finally {
    await context.close();
  }
}
