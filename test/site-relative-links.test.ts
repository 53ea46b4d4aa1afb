/**
 * A site built without its address (no `--site-url`, no `url` in catalog.yaml) links every
 * page, asset, script, calendar and file relative to the page that holds it: the bundled
 * programs, built once, are served under a deep sub-folder and crawled in Chromium (no
 * request fails, every link leads to a file of the build, search finds pages), and a page
 * is opened from the disk. The rewriting itself is checked on small inputs first.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputPaths, pagePaths } from '../src/addresses/index.ts';
import { relativeCss, relativeHtml, relativeLink } from '../src/emit/site/relative-links.ts';
import { browserAvailable, launchBrowser, requireBrowserInCi, type LaunchedBrowser } from './support/browser.ts';
import { buildTestSite, filesUnder, pageUrlPath, serveFolder, type BuiltSite, type StaticServer } from './support/site-build.ts';

requireBrowserInCi();

describe('a link from the site root, made relative to its page', () => {
  it.each([
    ['crisis-scro/schedule/index.html', '/crisis-scro/modules/', 'file', '../modules/index.html'],
    ['crisis-scro/schedule/index.html', '/', 'file', '../../index.html'],
    ['crisis-scro/schedule/index.html', '/crisis-scro/schedule/#week-2', 'file', 'index.html#week-2'],
    ['crisis-scro/schedule/index.html', '/crisis-scro/calendar.ics', 'file', '../calendar.ics'],
    ['search/index.html', '/crisis-scro/files/a%20b.pdf?x=1#p', 'file', '../crisis-scro/files/a%20b.pdf?x=1#p'],
    ['index.html', '/_astro/Base.css', 'file', '_astro/Base.css'],
    ['search/index.html', '/', 'folder', '../'],
    ['index.html', '/', 'folder', './'],
    ['search/index.html', '/pagefind/', 'folder', '../pagefind/'],
  ] as const)('from %s, %s (%s) is %s', (from, target, as, expected) => {
    expect(relativeLink(from, target, as)).toBe(expected);
  });

  it('rewrites the address attributes and the data islands’ hrefs, and nothing else', () => {
    const html = [
      '<link rel="stylesheet" href="/_astro/a.css"><a href="https://example.net/x">e</a><a href="//cdn.example/x">p</a>',
      '<a href="#main">s</a><img src="/crisis-scro/logo.svg" srcset="/crisis-scro/logo.svg 1x, /crisis-scro/logo@2.svg 2x">',
      '<form action="/search/" data-pagefind="/pagefind/pagefind.js" data-base="/"></form>',
      '<meta name="description" content="/not a link"><p>href="/text/"</p>',
      '<script type="application/json" data-edition-facts>{"href":"/crisis-scro/modules/m/","join":"https://meet.example/j","title":"\\"href\\":\\"/x/\\""}</script>',
    ].join('');
    expect(relativeHtml(html, 'crisis-scro/schedule/index.html')).toBe(
      [
        '<link rel="stylesheet" href="../../_astro/a.css"><a href="https://example.net/x">e</a><a href="//cdn.example/x">p</a>',
        '<a href="#main">s</a><img src="../logo.svg" srcset="../logo.svg 1x, ../logo@2.svg 2x">',
        '<form action="../../search/index.html" data-pagefind="../../pagefind/pagefind.js" data-base="../../"></form>',
        '<meta name="description" content="/not a link"><p>href="/text/"</p>',
        '<script type="application/json" data-edition-facts>{"href":"../modules/m/index.html","join":"https://meet.example/j","title":"\\"href\\":\\"/x/\\""}</script>',
      ].join(''),
    );
  });

  it('rewrites a stylesheet’s url()s against the stylesheet', () => {
    expect(relativeCss('a{background:url(/_astro/i.svg)}b{background:url("data:image/svg+xml,%3Csvg/%3E")}c{src:url(\'/f.woff2\')}', '_astro/Base.css')).toBe(
      'a{background:url(i.svg)}b{background:url("data:image/svg+xml,%3Csvg/%3E")}c{src:url(\'../f.woff2\')}',
    );
  });
});

/** Deep, so that a link that climbs one folder too many, or starts from the host's root, misses. */
const prefix = '/courses/2026/spring/';
const poll = { timeout: 20_000, interval: 100 };

let site: BuiltSite;
let server: StaticServer;
let browser: LaunchedBrowser;
let files: Set<string>;

describe.skipIf(!browserAvailable)('the bundled programs built without a site URL', () => {
  beforeAll(async () => {
    site = await buildTestSite();
    expect(site.result.catalog.url).toBeUndefined();
    [server, browser] = await Promise.all([serveFolder(site.outDir, prefix), launchBrowser()]);
    files = new Set(await filesUnder(site.outDir));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.remove();
  });

  it('write no address that starts at the host’s root', () => {
    const pages = [...files].filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(50);
    return Promise.all(
      pages.map(async (file) => {
        const html = await readFile(path.join(site.outDir, file), 'utf8');
        const rooted = [...html.matchAll(/\s(href|src|srcset|action|poster|data-calendar-file|data-pagefind|data-base)="(\/[^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`);
        const rootedJson = [...html.matchAll(/"href":"(\/[^"]*)"/g)].map((m) => m[1]);
        expect.soft([...rooted, ...rootedJson], file).toEqual([]);
      }),
    );
  });

  it(`serve every page under ${prefix} with every link, asset and script found`, async () => {
    const pages = [...files].filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    const context = await browser.browser.newContext();
    const problems: string[] = [];
    let links = 0;
    try {
      const queue = [...pages];
      const worker = async () => {
        const page = await context.newPage();
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          const found = await visit(page, `${server.url}${prefix}${pageUrlPath(file).slice(1)}`);
          problems.push(...found.problems.map((p) => `${file}: ${p}`));
          for (const link of found.links) {
            const target = new URL(link.resolved);
            if (target.origin !== server.url) continue;
            links++;
            if (!target.pathname.startsWith(prefix)) {
              problems.push(`${file}: ${link.written} leaves ${prefix} (${target.pathname})`);
              continue;
            }
            const inSite = decodeURIComponent(target.pathname.slice(prefix.length));
            const wanted = inSite === '' || inSite.endsWith('/') ? `${inSite}index.html` : inSite;
            if (!files.has(wanted)) problems.push(`${file}: ${link.written} → no file ${wanted}`);
          }
        }
        await page.close();
      };
      await Promise.all([worker(), worker()]);
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
    expect(links).toBeGreaterThan(1000);
  }, 300_000);

  it('search finds pages from a page three folders down, and its results open', async () => {
    const page = await browser.browser.newPage();
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    try {
      await page.goto(`${server.url}${prefix}${pagePaths.module('crisis-scro', site.result.programs.find((c) => c.program.id === 'crisis-scro')!.modules[0]!.id).slice(1)}`);
      await page.fill('#site-search-query', 'caring');
      await page.press('#site-search-query', 'Enter');
      await page.waitForURL(new RegExp(`${prefix}search/index\\.html\\?q=caring$`));
      const results = page.locator('.search-results li a');
      await expect.poll(() => results.count(), poll).toBeGreaterThan(2);
      const first = (await results.first().getAttribute('href'))!;
      expect(new URL(first, page.url()).pathname.startsWith(`${prefix}caring-cities/`), first).toBe(true);
      await results.first().click();
      await page.waitForURL(new RegExp(`${prefix}caring-cities/`));
      expect(await page.locator('h1').count()).toBe(1);
      expect(failed).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('builds the subscribe links from the page’s own address under the sub-folder', async () => {
    const page = await browser.browser.newPage();
    try {
      await page.goto(`${server.url}${prefix}${pagePaths.schedule('caring-cities').slice(1)}`);
      const group = page.locator('.calendar-links .subscribe-links').first();
      expect(await group.locator('a[download]').getAttribute('href')).toBe('../calendar.ics');
      const here = `${server.url}${prefix}${outputPaths.calendar('caring-cities')}`;
      await expect.poll(() => group.locator('a[data-subscribe="webcal"]').getAttribute('href'), poll).toBe(here.replace(/^http:\/\//, 'webcal://'));
      const outlook = new URL((await group.locator('a[data-subscribe="outlook"]').getAttribute('href'))!);
      expect(outlook.searchParams.get('url')).toBe(here);
    } finally {
      await page.close();
    }
  });

  it('opens a page from the disk with its stylesheet, its images and links to files that exist', async () => {
    const page = await browser.browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    try {
      const file = path.join(site.outDir, 'crisis-scro', 'schedule', 'index.html');
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // The stylesheet applied: the skip link is moved out of view by it.
      expect(await page.evaluate(() => [...document.styleSheets].filter((s) => s.href?.startsWith('file:')).length)).toBeGreaterThan(0);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')!).position)).not.toBe('static');
      const targets = await page.evaluate(() => [...document.querySelectorAll('a[href], link[href], img[src], script[src]')].map((e) => (e as HTMLAnchorElement).href || (e as HTMLImageElement).src));
      const local = targets.filter((t) => t.startsWith('file:'));
      expect(local.length).toBeGreaterThan(20);
      const missing = local.map((t) => decodeURIComponent(new URL(t).pathname)).filter((p) => !existsSync(p));
      expect(missing).toEqual([]);
      // Module scripts are refused on file:// by Chromium (no origin), which the page does without.
      expect(failed.filter((u) => !u.endsWith('.js'))).toEqual([]);
      // A link leads to a page, not to a folder's listing.
      await page.locator('.program-nav a', { hasText: 'Modules' }).first().click();
      expect(page.url()).toMatch(/\/crisis-scro\/modules\/index\.html$/);
      expect(await page.locator('h1').count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});

interface Found {
  readonly problems: string[];
  readonly links: { readonly written: string; readonly resolved: string }[];
}

async function visit(page: Page, url: string): Promise<Found> {
  const problems: string[] = [];
  const onResponse = (r: { status(): number; url(): string }) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`);
  // A request the page's own navigation cancels (the favicon, as the next page is asked for) is no missing file.
  const onFailed = (r: { url(): string; failure(): { errorText: string } | null }) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed ${r.url()}: ${r.failure()?.errorText}`);
  const onError = (e: Error) => problems.push(e.message);
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  page.on('pageerror', onError);
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response?.status() !== 200) problems.push(`answered ${response?.status()}`);
    const links = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], link[href], img[src], script[src], form[action], [data-calendar-file], [data-pagefind]')].flatMap((e) =>
        ['href', 'src', 'action', 'data-calendar-file', 'data-pagefind']
          .map((name) => e.getAttribute(name))
          .filter((v): v is string => v !== null && !v.startsWith('#') && !/^(mailto|tel):/.test(v))
          .map((written) => ({ written, resolved: new URL(written, document.baseURI).href })),
      ),
    );
    for (const link of links) if (link.written.startsWith('/')) problems.push(`${link.written} starts at the host's root`);
    return { problems, links };
  } finally {
    page.off('response', onResponse);
    page.off('requestfailed', onFailed);
    page.off('pageerror', onError);
  }
}
