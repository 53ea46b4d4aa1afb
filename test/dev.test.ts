/**
 * `curriculum dev`, run as users run it (the CLI in its own process): a saved change
 * reaches the open page without a manual reload, a broken file shows its problem in the
 * browser and in the terminal and never stops the server, and fixing it brings the page
 * back. The time from save to fresh page is measured and printed, not asserted (the
 * machine is shared).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, requireBrowserInCi, type LaunchedBrowser } from './support/browser.ts';

requireBrowserInCi();
const root = path.resolve(import.meta.dirname, '..');
let dir: string;
let child: ChildProcessWithoutNullStreams;
let browser: LaunchedBrowser;
let output = '';
let url = '';

/** Waits until the dev server has printed its n-th "Checked … in … ms: …" line; returns it. */
async function checkedLine(n: number, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = output.split('\n').filter((l) => /^Checked \d+ programs? in \d+ ms/.test(l));
    if (lines.length >= n) return lines[n - 1]!;
    if (Date.now() > deadline) throw new Error(`no check report #${n} in:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(browserAvailable)('curriculum dev', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'curriculum-dev-'));
    await cp(path.join(root, 'curriculum/caring-cities'), path.join(dir, 'caring-cities'), { recursive: true });
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    // A user's shell, not vitest's: Astro changes its behaviour when it sees VITEST set.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'));
    child = spawn(process.execPath, [path.join(root, 'bin/curriculum.js'), 'dev', dir, '--port', String(port), '--no-color'], { cwd: root, env });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!/Serving (\S+)/.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`dev server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    url = /Serving (\S+)/.exec(output)![1]!;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
    await rm(dir, { recursive: true, force: true });
  });

  const modulePath = () => path.join(dir, 'caring-cities/modules/safe-and-healthy-caring-city.yaml');

  it('reports the check in the terminal and serves the site and the calendars it emits in memory', async () => {
    expect(await checkedLine(1)).toMatch(/: 0 errors, 0 warnings, 3 accepted$/);
    const page = await browser.browser.newPage();
    const response = await page.goto(`${url}caring-cities/`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('h1')).toContain('Caring Cities');
    const ics = await page.request.get(`${url}caring-cities/calendar.ics`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    await page.close();
  });

  it('shows a saved change on the open page', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${url}caring-cities/modules/safe-and-healthy-caring-city/`);
    expect(await page.textContent('h1')).toContain('Safe and Healthy Caring City');
    const original = await readFile(modulePath(), 'utf8');
    const checksBefore = output.split('\n').filter((l) => l.startsWith('Checked ')).length;
    const saved = Date.now();
    await writeFile(modulePath(), original.replace('title: Safe and Healthy Caring City', 'title: Safe, Healthy and Caring City'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Safe, Healthy and Caring City'), null, { timeout: 30_000 });
    const visibleAfter = Date.now() - saved;
    const line = await checkedLine(checksBefore + 1);
    console.log(`dev: ${line}; save to updated page: ${visibleAfter} ms`);
    expect(line).toMatch(/: 0 errors/);
    await page.close();
  });

  it('keeps serving when a file breaks, shows the problem on the page, and recovers', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${url}caring-cities/`);
    const original = await readFile(modulePath(), 'utf8');
    let checks = output.split('\n').filter((l) => l.startsWith('Checked ')).length;
    await writeFile(modulePath(), original.replace('kind: lecture', 'kind: lecture\n  broken: [unclosed'));
    expect(await checkedLine(++checks)).toMatch(/: [1-9]\d* errors?/);
    expect(output).toMatch(/error\[yaml_syntax\]/);
    await page.waitForSelector('.dev-problems.has-errors', { timeout: 30_000 });
    const banner = await page.textContent('.dev-problems');
    expect(banner).toContain('safe-and-healthy-caring-city.yaml');
    expect(banner).toMatch(/last version that compiled/);
    // The last version that compiled is still served.
    expect(await page.textContent('h1')).toContain('Caring Cities');
    expect(child.exitCode).toBeNull();

    await writeFile(modulePath(), original);
    expect(await checkedLine(++checks)).toMatch(/: 0 errors/);
    await page.waitForFunction(() => !document.querySelector('.dev-problems.has-errors'), null, { timeout: 30_000 });
    await page.close();
  });
});
