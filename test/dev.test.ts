/**
 * `curriculum dev`, run as users run it (the CLI in its own process): a saved change
 * reaches the open page without a manual reload, a broken file shows its problem in the
 * browser and in the terminal and never stops the server, and fixing it brings the page
 * back. The time from save to fresh page is measured and printed, not asserted (the
 * machine is shared).
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdir, mkdtemp, open, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
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

/**
 * Waits until a "Checked … in … ms: …" line printed after `from` (an offset in the output)
 * matches `pattern`, and its report (the problems printed before that line, and the line)
 * matches `report` if given; returns that report. A save may be checked more than once: a
 * write seen half done is reported as it was read and looked at again. (A file read empty
 * between its truncation and its write, as happened in CI under load, is now held back for
 * a moment; a file read half written cannot be told from a broken one.) The tests
 * therefore wait for the state they expect rather than take the first report or count checks.
 */
async function checkedAfter(from: number, pattern: RegExp, report?: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = output.slice(from);
    let start = 0;
    for (const m of text.matchAll(/^Checked \d+ programs? in \d+ ms: .*$/gm)) {
      const found = text.slice(start, m.index + m[0].length);
      if (pattern.test(m[0]) && (!report || report.test(found))) return found;
      start = m.index + m[0].length;
    }
    if (Date.now() > deadline) throw new Error(`no check report matching ${pattern}${report ? ` with ${report}` : ''} in:\n${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until the server has printed nothing for `quietMs`: a save may be checked twice (the
 * watcher looks at a file again shortly after reporting it), and a check that comes late
 * must not be taken for the next save's.
 */
async function settle(quietMs = 1000, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let length = output.length;
  let since = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    if (output.length !== length) {
      length = output.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
  }
}

describe.runIf(browserAvailable)('curriculum dev', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'curriculum-dev-'));
    await cp(path.join(root, 'curriculum/caring-cities'), path.join(dir, 'caring-cities'), { recursive: true });
    await cp(path.join(root, 'curriculum/crisis-scro'), path.join(dir, 'crisis-scro'), { recursive: true });
    url = await startServer(40_000 + Math.floor(Math.random() * 20_000));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stopServer();
    await rm(dir, { recursive: true, force: true });
  });

  /** Starts `curriculum dev` on the copied programs; resolves with the address it serves. */
  async function startServer(port: number): Promise<string> {
    // A user's shell, not vitest's: Astro changes its behaviour when it sees VITEST set.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'));
    const from = output.length;
    child = spawn(process.execPath, [path.join(root, 'bin/curriculum.js'), 'dev', dir, '--port', String(port), '--no-color'], { cwd: root, env });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!/Serving (\S+)/.test(output.slice(from))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`dev server did not start:\n${output.slice(from)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return /Serving (\S+)/.exec(output.slice(from))![1]!;
  }

  async function stopServer(): Promise<void> {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
  }

  const modulePath = () => path.join(dir, 'caring-cities/modules/safe-and-healthy-caring-city.yaml');

  it('reports the check in the terminal and serves the site and the calendars it emits in memory', async () => {
    expect(await checkedLine(1)).toMatch(/: 0 errors, 0 warnings, 7 accepted$/);
    const page = await browser.browser.newPage();
    // Navigations, not 'load' events: a page reloading itself in a loop never gets to its load event.
    let navigations = 0;
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);
    const response = await page.goto(`${url}caring-cities/`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('h1')).toContain('Caring Cities');
    const ics = await page.request.get(`${url}caring-cities/calendar.ics`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // A page that shows the server's latest data, before any save, does not reload itself (it
    // asks the server whether newer data exists, and must not take the answer for a yes).
    await page.waitForTimeout(2000);
    expect(navigations).toBe(1);
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

  it("reloads a page that missed Vite's reload (its socket was not open when the data was written)", async () => {
    const page = await browser.browser.newPage();
    // Vite's socket is answered by nothing here, so Vite's own reload never reaches the page:
    // what a page loading at the moment of a save meets.
    await page.routeWebSocket(/./, () => {});
    await page.goto(`${url}caring-cities/modules/safe-and-healthy-caring-city/`);
    const original = await readFile(modulePath(), 'utf8');
    const generation = (after: number) => page.request.get(`${url}__curriculum/dev-generation?after=${after}`).then(async (r) => Number(await r.text()));
    const now = await generation(0);
    expect(now).toBeGreaterThan(0);
    try {
      const asked = generation(now);
      await writeFile(modulePath(), original.replace(/title: .*/, 'title: Missed Reload'));
      expect(await asked).toBeGreaterThan(now);
      await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Missed Reload'), null, { timeout: 30_000 });
    } finally {
      await writeFile(modulePath(), original);
    }
    await page.waitForFunction(() => !document.querySelector('h1')?.textContent?.includes('Missed Reload'), null, { timeout: 30_000 });
    await settle();
    await page.close();
  });

  it('keeps serving when a file breaks, shows the problem on the page, and recovers', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${url}caring-cities/`);
    const original = await readFile(modulePath(), 'utf8');
    let fixedAt = 0;
    try {
      await writeFile(modulePath(), original.replace('kind: lecture', 'kind: lecture\n  broken: [unclosed'));
      await checkedAfter(output.length, /: [1-9]\d* errors?/, /error\[yaml_syntax\]/);
      await page.waitForSelector('.dev-problems.has-errors', { timeout: 30_000 });
      // In view, not only in the page: the reload keeps the reader's place, which once scrolled it out of sight.
      await page.waitForTimeout(500);
      const box = await page.evaluate(() => document.querySelector('.dev-problems')!.getBoundingClientRect().toJSON() as DOMRect);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(page.viewportSize()!.height);
      expect(box.height).toBeGreaterThan(20);
      const banner = await page.textContent('.dev-problems');
      expect(banner).toContain('safe-and-healthy-caring-city.yaml');
      expect(banner).toMatch(/last version that compiled/);
      // The last version that compiled is still served.
      expect(await page.textContent('h1')).toContain('Caring Cities');
      expect(child.exitCode).toBeNull();
    } finally {
      // The source goes back even when an expectation failed, so that the next test starts clean.
      fixedAt = output.length;
      await writeFile(modulePath(), original);
    }
    await checkedAfter(fixedAt, /: 0 errors/);
    await page.waitForFunction(() => !document.querySelector('.dev-problems.has-errors'), null, { timeout: 30_000 });
    await page.close();
  });

  it('does not report a file as empty while a save that truncates it has yet to write it, and reports one left empty', async () => {
    const original = await readFile(modulePath(), 'utf8');
    const from = output.length;
    try {
      // An in-place save, slowed down: truncated, then written 150 ms later (the server's debounce is 30 ms).
      const handle = await open(modulePath(), 'w');
      await new Promise((r) => setTimeout(r, 150));
      await handle.writeFile(original.replace(/title: Safe.*Caring City/, 'title: Slow Save'));
      await handle.close();
      await checkedAfter(from, /: 0 errors/);
      await settle();
      expect(output.slice(from)).not.toMatch(/file_empty/);
      // A file that stays empty is a problem, and is reported.
      const emptied = output.length;
      await writeFile(modulePath(), '');
      await checkedAfter(emptied, /: [1-9]\d* errors?/, /error\[file_empty\]/);
    } finally {
      const restored = output.length;
      await writeFile(modulePath(), original);
      await checkedAfter(restored, /: 0 errors/);
    }
  });

  it('sees every save, whatever the editor does to the file, and updates the page each time', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${url}caring-cities/modules/safe-and-healthy-caring-city/`);
    const original = await readFile(modulePath(), 'utf8');
    const titled = (n: number) => original.replace(/title: Safe.*Caring City/, `title: Save Style ${n}`);
    const expectTitle = async (n: number, style: string) => {
      try {
        await page.waitForFunction((t) => document.querySelector('h1')?.textContent?.includes(t), `Save Style ${n}`, { timeout: 30_000 });
      } catch {
        throw new Error(`the page did not show the save made by ${style}; it shows ${await page.evaluate(() => document.querySelector('h1')?.textContent ?? document.body?.innerText.slice(0, 600))}\n${output.slice(-2000)}`);
      }
    };
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'pipe' });
    let n = 0;
    try {
      const styles: [string, (text: string) => Promise<void>][] = [
        ['a write to a temporary file renamed over it', async (text) => {
          await writeFile(`${modulePath()}.tmp`, text);
          await rename(`${modulePath()}.tmp`, modulePath());
        }],
        ['an in-place write after the rename', (text) => writeFile(modulePath(), text)],
        ['a delete and re-create', async (text) => {
          await unlink(modulePath());
          await writeFile(modulePath(), text);
        }],
        ['an in-place write after the re-create', (text) => writeFile(modulePath(), text)],
        ['a burst of saves', async (text) => {
          for (let i = 0; i < 10; i++) await writeFile(modulePath(), `${text}# ${i}\n`);
        }],
        ['a second rename over it', async (text) => {
          await writeFile(`${modulePath()}~`, text);
          await rename(`${modulePath()}~`, modulePath());
        }],
        ['an in-place write after the second rename', (text) => writeFile(modulePath(), text)],
      ];
      for (const [style, save] of styles) {
        await save(titled(++n));
        await expectTitle(n, style);
      }

      // A branch switch replaces the file with git's own write.
      await writeFile(modulePath(), titled(++n));
      git('init', '-q');
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      git('checkout', '-q', '-b', 'other');
      await writeFile(modulePath(), titled(++n));
      git('commit', '-q', '-am', 'other');
      await expectTitle(n, 'a commit');
      git('checkout', '-q', 'main');
      await expectTitle(n - 1, 'a branch switch');
      git('checkout', '-q', 'other');
      await expectTitle(n, 'a branch switch back');
      await writeFile(modulePath(), titled(++n));
      await expectTitle(n, 'an in-place write after the branch switch');
    } finally {
      // The source goes back even when an expectation failed, so that the next test starts clean.
      await rm(path.join(dir, '.git'), { recursive: true, force: true });
      await writeFile(modulePath(), original);
    }
    try {
      const originalTitle = /title: (.*)/.exec(original)![1]!;
      await page.waitForFunction((t) => document.querySelector('h1')?.textContent?.includes(t), originalTitle, { timeout: 30_000 });
    } catch {
      throw new Error(`the page did not come back to the original; it shows ${await page.evaluate(() => document.querySelector('h1')?.textContent)}\n${output.slice(-4000)}`);
    }
    await page.close();
  });

  it("lists the edited program's problems first, errors before warnings, in the terminal and on the page", async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${url}caring-cities/`);
    const original = await readFile(modulePath(), 'utf8');
    const crisisProgram = path.join(dir, 'crisis-scro/program.yaml');
    const crisisText = await readFile(crisisProgram, 'utf8');
    try {
      const broken = output.length;
      await writeFile(modulePath(), original.replace('kind: lecture', 'kind: lecture\n  broken: [unclosed'));
      await checkedAfter(broken, /: [1-9]\d* errors?, 0 warnings, 6 accepted/, /broken: \[unclosed/);
      // Lets a second look at the same save (if any) happen before the next save.
      await settle();

      // Now a harmless save in the other program: its warnings come first, then the error elsewhere.
      const before = output.length;
      await writeFile(crisisProgram, `${crisisText}\n`);
      const report = await checkedAfter(before, /: [1-9]\d* errors?, 0 warnings, 6 accepted/);
      const program = (file: string) => (file.includes('crisis-scro') ? 'crisis-scro' : file.includes('caring-cities') ? 'caring-cities' : file);
      const headers = [...report.matchAll(/^(error|warning)\[\w+\].*\n\s*--> (\S+)/gm)].map((m) => `${m[1]} ${program(m[2]!)}`);
      expect(headers.slice(0, 4)).toEqual(['warning crisis-scro', 'warning crisis-scro', 'warning crisis-scro', 'warning crisis-scro']);
      expect(headers[4]).toBe('error caring-cities');
      await page.waitForFunction(() => document.querySelector('.dev-problems li')?.textContent?.includes('crisis-scro'), null, { timeout: 30_000 });
      const items = await page.$$eval('.dev-problems li', (lis) => lis.map((li) => li.textContent ?? ''));
      expect(items.slice(0, 4).every((t) => t.includes('crisis-scro'))).toBe(true);
      // Accepted, as the terminal says: the banner's heading counts them in neither errors nor warnings.
      expect(items.slice(0, 4).every((t) => t.trimStart().startsWith('accepted warning'))).toBe(true);
      expect(items[4]!.trimStart()).toMatch(/^error /);
      expect(items[4]).toContain('safe-and-healthy-caring-city.yaml');

      // Editing the broken program again puts its error first.
      await settle();
      const before2 = output.length;
      await writeFile(modulePath(), original.replace('kind: lecture', 'kind: lecture\n  broken: [still unclosed'));
      const again = await checkedAfter(before2, /: [1-9]\d* errors?, 0 warnings, 6 accepted/, /still unclosed/);
      expect(again).toMatch(/^error\[yaml_syntax\][^]*?--> \S*safe-and-healthy-caring-city\.yaml[^]*?^warning\[\w+\][^]*?--> \S*caring-cities/m);
    } finally {
      // The sources go back even when an expectation failed, so that the next test starts clean.
      await writeFile(modulePath(), original);
      await writeFile(crisisProgram, crisisText);
    }
    await page.waitForFunction(() => !document.querySelector('.dev-problems.has-errors'), null, { timeout: 30_000 });
    await settle();
    await page.close();
  });

  it('reports a missing image in the Markdown, then shows it once the image is added', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${url}caring-cities/modules/safe-and-healthy-caring-city/`);
    const original = await readFile(modulePath(), 'utf8');
    const before = output.length;
    await writeFile(modulePath(), original.replace('description: |\n', 'description: |\n  ![A map of Bogotá](../images/bogota.svg)\n\n'));
    const report = await checkedAfter(before, /: [1-9]\d* errors?/, /image_missing/);
    expect(report).toMatch(/error\[image_missing\]: The image `\.\.\/images\/bogota\.svg` does not exist\n\s*--> \S*safe-and-healthy-caring-city\.yaml:10:22/);
    await page.waitForSelector('.dev-problems.has-errors', { timeout: 30_000 });

    // A new file in a new folder: the watcher sees it, the error goes and the page shows the image.
    const added = output.length;
    await mkdir(path.join(dir, 'caring-cities/images'));
    await writeFile(path.join(dir, 'caring-cities/images/bogota.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#246"/></svg>\n');
    await checkedAfter(added, /: 0 errors/);
    await page.waitForFunction(() => !document.querySelector('.dev-problems.has-errors'), null, { timeout: 30_000 });
    const src = await page.getAttribute('img[alt="A map of Bogotá"]', 'src');
    expect(src).toBe(new URL(`${url}caring-cities/files/images/bogota.svg`).pathname);
    const image = await page.request.get(new URL(src!, url).href);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/svg+xml');
    expect(await page.evaluate(() => (document.querySelector('img[alt="A map of Bogotá"]') as HTMLImageElement).naturalWidth)).toBe(40);

    await writeFile(modulePath(), original);
    await page.close();
  });

  // Last: it stops the server and starts another.
  it('brings an open page up to date when the server is stopped, the sources change and a new server starts', async () => {
    const page = await browser.browser.newPage();
    // Vite's client would reload the page itself once its socket closed and the server answered
    // again; with its socket answered by nothing, the page's own requests for newer data, which
    // fail while no server runs and are retried, are all that can bring it up to date.
    await page.routeWebSocket(/./, () => {});
    await page.goto(`${url}caring-cities/modules/safe-and-healthy-caring-city/`);
    const original = await readFile(modulePath(), 'utf8');
    const titled = (title: string) => original.replace(/title: Safe.*Caring City/, `title: ${title}`);
    try {
      // A save first, so that the page's data is newer than a new server's first check.
      const saved = output.length;
      await writeFile(modulePath(), titled('Before The Restart'));
      await checkedAfter(saved, /: 0 errors/);
      await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Before The Restart'), null, { timeout: 30_000 });

      await stopServer();
      // The page's requests now fail, and it keeps asking.
      await page.waitForTimeout(1500);
      await writeFile(modulePath(), titled('After The Restart'));
      expect(await startServer(Number(new URL(url).port))).toBe(url);
      await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('After The Restart'), null, { timeout: 30_000 });
    } finally {
      await writeFile(modulePath(), original);
      await page.close();
    }
  });
});
