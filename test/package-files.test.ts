/**
 * Images and linked files of module Markdown in the LMS packages (test/samples/programs/images:
 * a PNG and an SVG in a content file, the SVG again in another module's description, a PDF
 * whose name has a space). Every package that shows one holds it once under `files/`, with
 * the bytes of the source; the SCORM manifests list it (in the resource of the one SCO that
 * uses it, or in a shared asset resource that each SCO using it depends on) and still
 * validate against the ADL XSDs; and in Chromium, under scorm-again as an LMS runs it, each
 * image of each SCO page loads.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, compile, type Compilation } from '../src/index.ts';
import type { OutputFile } from '../src/emit/types.ts';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './support/browser.ts';
import { scorm12Schema, scorm2004Schema, validateAgainst } from './support/scorm-xsd.ts';
import { startStaticServer, type StaticServer } from './support/static-server.ts';

const sample = path.resolve(import.meta.dirname, 'samples/programs/images');
const source = (file: string) => new Uint8Array(readFileSync(path.join(sample, ...file.split('/'))));

/** What each module shows or links, as the fixture's Markdown writes it (not taken from the model under test). */
const expectedFiles: Readonly<Record<string, readonly string[]>> = {
  intro: ['content/images/map.svg', 'content/images/square.png', 'files/handbook v2.pdf'],
  next: ['content/images/map.svg'],
};

let result: Compilation;
let packages: OutputFile[];
const unzipped = (file: OutputFile) => unzipSync(file.contents as Uint8Array);
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** The modules a package holds: the program's package both, a module's package that one. */
function modulesOf(packagePath: string): string[] {
  const own = /^images\/modules\/([^/]+)\//.exec(packagePath);
  return own ? [own[1]!] : ['intro', 'next'];
}

beforeAll(async () => {
  result = await compile({ input: sample });
  expect(result.diagnostics).toEqual([]);
  packages = [...result.outputs!.deferred.files()];
}, 120_000);

describe('images and linked files in the packages', () => {
  it('makes the nine packages', () => {
    expect(packages.map((p) => p.path).sort()).toEqual(
      ['cmi5', 'scorm-1.2', 'scorm-2004'].flatMap((f) => [`images/${f}.zip`, `images/modules/intro/${f}.zip`, `images/modules/next/${f}.zip`]).sort(),
    );
  });

  it('holds each file its modules show, once, under files/ with the source bytes, and no other', () => {
    for (const pkg of packages) {
      const zip = unzipped(pkg);
      const wanted = [...new Set(modulesOf(pkg.path).flatMap((m) => expectedFiles[m]!))].sort();
      const held = Object.keys(zip).filter((p) => p.startsWith('files/') && !p.endsWith('/')).sort();
      expect(held, pkg.path).toEqual(wanted.map((f) => `files/${f}`));
      for (const file of wanted) expect(zip[`files/${file}`], `${pkg.path}: ${file}`).toEqual(source(file));
    }
  });

  it('points each page to the copies relatively, the link to the PDF in a new window', () => {
    const zip = unzipped(packages.find((p) => p.path === 'images/scorm-2004.zip')!);
    const intro = text(zip['modules/intro/index.html']);
    expect(intro).toContain('<img src="../../files/content/images/square.png" alt="A red square">');
    expect(intro).toContain('<img src="../../files/content/images/map.svg" alt="The district map">');
    expect(intro).toContain('<a href="../../files/files/handbook%20v2.pdf#page=2" target="_blank" rel="noopener">the handbook</a>');
    expect(text(zip['modules/next/index.html'])).toContain('<img src="../../files/content/images/map.svg" alt="The district map">');
    // Another module is another activity in the LMS, and not in a module's own package: its name stays, not a dead link.
    for (const pkg of packages.filter((p) => p.path.endsWith('.zip'))) {
      const page = text(unzipped(pkg)['modules/intro/index.html']);
      if (!page) continue;
      expect(page, pkg.path).toContain('Then go on to the next step.');
      expect(page, pkg.path).not.toContain('next.yaml');
    }
  });

  it('lists each file in the SCORM manifests: in the resource of the one SCO that shows it, or in one shared asset resource', () => {
    for (const pkg of packages.filter((p) => p.path.includes('scorm'))) {
      const manifest = text(unzipped(pkg)['imsmanifest.xml']);
      const resources = [...manifest.matchAll(/<resource identifier="([^"]+)"[^>]*>([\s\S]*?)<\/resource>/g)].map(([, id, body]) => ({
        id: id!,
        files: [...body!.matchAll(/<file href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!)),
        dependencies: [...body!.matchAll(/<dependency identifierref="([^"]+)"/g)].map((m) => m[1]!),
      }));
      const byId = new Map(resources.map((r) => [r.id, r]));
      const modules = modulesOf(pkg.path);
      for (const m of modules) {
        const sco = byId.get(`res.images.${m}`)!;
        const reachable = [...sco.files, ...sco.dependencies.flatMap((d) => byId.get(d)!.files)];
        for (const file of expectedFiles[m]!) expect(reachable, `${pkg.path}: ${m}`).toContain(`files/${file}`);
      }
      // Each file is listed once in the whole manifest, as the zip holds it once.
      const listed = resources.flatMap((r) => r.files).filter((f) => f.startsWith('files/'));
      expect(new Set(listed).size, pkg.path).toBe(listed.length);
      // The map, shown by both modules of the program's package, is an asset resource they both depend on.
      const shared = resources.find((r) => r.files.includes('files/content/images/map.svg'))!;
      if (modules.length === 2) {
        expect(shared.id).toMatch(/^res\.images\.file\./);
        expect(modules.every((m) => byId.get(`res.images.${m}`)!.dependencies.includes(shared.id))).toBe(true);
      } else expect(shared.id).toBe(`res.images.${modules[0]}`);
    }
  });

  it('keeps the manifests valid against the ADL XSDs', async () => {
    for (const [format, schema] of [['scorm-1.2', scorm12Schema], ['scorm-2004', scorm2004Schema]] as const) {
      const manifests = packages.filter((p) => p.path.endsWith(`${format}.zip`)).map((p) => ({ fileName: p.path.replace(/\//g, '_'), contents: text(unzipped(p)['imsmanifest.xml']) }));
      const validation = await validateAgainst(manifests, schema);
      expect(validation.errors, format).toEqual([]);
      expect(validation.valid).toBe(true);
    }
  }, 120_000);
});

describe('the output cache', () => {
  it('makes the packages anew when a shown file changes, though the model does not', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'curriculum-package-files-'));
    const previous = process.env.CURRICULUM_CACHE_DIR;
    process.env.CURRICULUM_CACHE_DIR = path.join(work, 'cache');
    try {
      const sources = path.join(work, 'images');
      await cp(sample, sources, { recursive: true });
      const run = () => build({ input: sources, outDir: path.join(work, 'out'), site: false });
      const packed = async () => unzipSync(new Uint8Array(await readFile(path.join(work, 'out/images/modules/next/cmi5.zip'))))['files/content/images/map.svg'];
      await run();
      expect(text(await packed())).toContain('fill="#2a6"');
      await writeFile(path.join(sources, 'content/images/map.svg'), text(source('content/images/map.svg')).replace('#2a6', '#a26'));
      const again = await run();
      // The three formats of the program, whose packages carry the file, are made again.
      expect(again.cache).toMatchObject({ hits: 0, misses: 3 });
      expect(text(await packed())).toContain('fill="#a26"');
    } finally {
      if (previous === undefined) delete process.env.CURRICULUM_CACHE_DIR;
      else process.env.CURRICULUM_CACHE_DIR = previous;
      await rm(work, { recursive: true, force: true });
    }
  }, 120_000);
});

const launcherHtml = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>LMS launcher</title><link rel="icon" href="data:,">
<script src="/lib/scorm12.js"></script><script src="/lib/scorm2004.js"></script></head>
<body><iframe id="sco" title="SCO" style="width: 1000px; height: 800px"></iframe>
<script>
window.launch = async function (o) {
  const manifest = new DOMParser().parseFromString(await (await fetch(o.base + '/imsmanifest.xml')).text(), 'application/xml');
  const resource = [...manifest.getElementsByTagName('resource')].find((r) => r.getAttribute('identifier') === o.resource);
  window.calls = [];
  if (o.version === '1.2') {
    const api = new Scorm12API({ logLevel: 5 });
    api.on('LMSInitialize', () => calls.push('initialize'));
    window.API = api;
  } else {
    const api = new Scorm2004API({ logLevel: 5 });
    api.on('Initialize', () => calls.push('initialize'));
    window.API_1484_11 = api;
  }
  document.getElementById('sco').src = o.base + '/' + resource.getAttribute('href');
};
</script></body></html>`;

describe.skipIf(!browserAvailable && !process.env.CI)('in Chromium under scorm-again', () => {
  let server: StaticServer;
  let launched: LaunchedBrowser;
  let browser: Browser;

  beforeAll(async () => {
    server = await startStaticServer();
    server.mount('lib', new Map([
      ['scorm12.js', readFileSync('node_modules/scorm-again/dist/scorm12.min.js', 'utf8')],
      ['scorm2004.js', readFileSync('node_modules/scorm-again/dist/scorm2004.min.js', 'utf8')],
    ]), { cacheable: true });
    server.mount('launcher', new Map([['index.html', launcherHtml]]));
    for (const pkg of packages) {
      server.mount(`pkg/${pkg.path.replace(/\.zip$/, '')}`, new Map(Object.entries(unzipped(pkg)).filter(([p]) => !p.endsWith('/'))));
    }
    launched = await launchBrowser();
    browser = launched.browser;
  }, 60_000);

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  const cases = ['scorm-1.2', 'scorm-2004'].flatMap((format) =>
    [
      ['images', 'intro'],
      ['images', 'next'],
      ['images/modules/intro', 'intro'],
      ['images/modules/next', 'next'],
    ].map(([base, module]) => [format, base!, module!] as const),
  );

  it.each(cases)('%s %s: the page of %s shows its images and reaches its PDF', async (format, base, module) => {
    const page = await browser.newPage();
    try {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.origin}/launcher/index.html`);
      await page.evaluate((o) => (window as any).launch(o), { base: `/pkg/${base}/${format}`, resource: `res.images.${module}`, version: format === 'scorm-1.2' ? '1.2' : '2004' });
      const frame = page.frameLocator('#sco');
      await frame.locator('#sco-end').waitFor();
      await page.waitForFunction(() => (window as any).calls.includes('initialize'));
      const images = await frame.locator('main img').evaluateAll(async (imgs) =>
        Promise.all(
          (imgs as HTMLImageElement[]).map(async (img) => {
            await img.decode().catch(() => undefined);
            return { src: img.getAttribute('src'), width: img.naturalWidth };
          }),
        ),
      );
      expect(images.map((i) => i.src).sort()).toEqual(expectedFiles[module]!.filter((f) => /\.(png|svg)$/.test(f)).map((f) => `../../files/${f}`).sort());
      for (const image of images) expect(image.width, image.src!).toBeGreaterThan(0);
      const pdf = await frame.locator('main a[href*=".pdf"]').evaluateAll(async (links) =>
        Promise.all((links as HTMLAnchorElement[]).map(async (a) => ({ status: (await fetch(a.href)).status, type: (await fetch(a.href)).headers.get('content-type') }))),
      );
      expect(pdf).toEqual(module === 'intro' ? [{ status: 200, type: 'application/pdf' }] : []);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
