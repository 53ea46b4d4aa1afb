/**
 * Relative links and images in a module's Markdown, end to end on the site: the images and
 * linked files are copied under `<program>/files/` with their source paths (the same names
 * on every build), the rendered pages point at those copies, and a link to another
 * module's YAML or content file leads to that module's page. A hostile file name stays
 * an attribute value.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/emit/site/index.ts';
import { compile, type Compilation } from '../src/index.ts';

const sample = path.resolve(import.meta.dirname, 'samples/diagnostics/link_target_missing/valid-links');
let dir: string;
let outDir: string;
let result: Compilation;

const page = (file: string) => readFile(path.join(outDir, file), 'utf8');

describe('links and images in module Markdown', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'curriculum-links-'));
    outDir = path.join(dir, 'out');
    await cp(sample, path.join(dir, 'src/valid-links'), { recursive: true });
    // A file name that would end an attribute if it were pasted into HTML.
    await writeFile(path.join(dir, 'src/valid-links/content/images/a"b<c>.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    const intro = path.join(dir, 'src/valid-links/content/intro.md');
    await writeFile(intro, `${await readFile(intro, 'utf8')}\n![odd](images/a%22b%3Cc%3E.svg)\n`);
    result = await compile({ input: path.join(dir, 'src') });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    await buildSite({ curricula: result.programs, catalog: result.catalog, outDir, emitted: new Set(), programDirs: result.programDirs });
  }, 240_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the shown and linked files in the model, sorted, and maps each destination as written', () => {
    const program = result.programs[0]!;
    expect(program.files).toEqual(['content/images/a"b<c>.svg', 'content/images/map.svg', 'files/handbook.pdf']);
    const intro = program.modules.find((m) => m.id === 'intro')!;
    expect(intro.links?.content).toEqual({
      'images/map.svg': { file: 'content/images/map.svg' },
      '../modules/next.yaml': { module: 'next' },
      'next.md': { module: 'next' },
      '../files/handbook.pdf?download=1': { file: 'files/handbook.pdf' },
      './next.md': { module: 'next' },
      'images/a%22b%3Cc%3E.svg': { file: 'content/images/a"b<c>.svg' },
    });
    expect(intro.links?.description).toEqual({
      'next.yaml': { module: 'next' },
      '../content/next.md#summary': { module: 'next' },
      '../files/handbook.pdf': { file: 'files/handbook.pdf' },
    });
  });

  it('copies the files into the site under their source paths', async () => {
    expect(await readFile(path.join(outDir, 'valid-links/files/content/images/map.svg'), 'utf8')).toBe(await readFile(path.join(sample, 'content/images/map.svg'), 'utf8'));
    expect(await readFile(path.join(outDir, 'valid-links/files/files/handbook.pdf'), 'utf8')).toMatch(/^%PDF/);
    expect(await readFile(path.join(outDir, 'valid-links/files/content/images/a"b<c>.svg'), 'utf8')).toContain('<svg');
  });

  it('points the module page at the copies and at the linked modules', async () => {
    const html = await page('valid-links/modules/intro/index.html');
    // The sample names no site URL: links are relative to the page (src/emit/site/relative-links.ts).
    expect(html).toContain('src="../../files/content/images/map.svg"');
    expect(html).toContain('href="../../files/files/handbook.pdf"');
    expect(html.match(/href="\.\.\/next\/index\.html"/g)?.length).toBeGreaterThanOrEqual(4);
    // Left alone: a web address, an address on the page, mail.
    expect(html).toContain('href="https://example.org/missing.html"');
    expect(html).toContain('href="#');
    expect(html).toContain('href="mailto:team@example.org"');
    // No link is left pointing at a source path.
    expect(html).not.toMatch(/(href|src)="[^"]*\.(yaml|md)"/);
    expect(html).not.toContain('src="images/');
    // The hostile name is escaped inside the attribute.
    expect(html).toContain('src="../../files/content/images/a%22b%3Cc%3E.svg"');
  });

  it('points the syllabus, which shows every description, there too', async () => {
    const html = await page('valid-links/syllabus/index.html');
    expect(html).toContain('href="../files/files/handbook.pdf"');
    expect(html).toContain('href="../modules/next/index.html"');
    expect(html).not.toMatch(/href="[^"]*\.(yaml|md)(#[^"]*)?"/);
  });
});
