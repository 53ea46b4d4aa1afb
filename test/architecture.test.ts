/**
 * The shape of the house, read from the code's own imports: which part of src/ may
 * import which (the table below, the same map as the README's), no import cycles
 * between files, and site/ reaching the compiler only through src/site-api.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/samples.ts';

/**
 * Each part of src/ (a folder, or a file at the top) and the parts it may import. Lower
 * parts never import higher ones: the pipeline reads load → validate → resolve → model →
 * emit, and the orchestrators (check, compile, build, dev, cli) sit above all of it.
 */
const mayImport: Readonly<Record<string, readonly string[]>> = {
  util: [],
  model: [],
  diagnostics: ['util'],
  i18n: [],
  markdown: ['util'],
  version: [],
  cache: ['util'],
  time: ['model', 'util'],
  addresses: ['model'],
  load: ['diagnostics', 'util'],
  schemas: ['diagnostics', 'load'],
  validate: ['diagnostics', 'load', 'model', 'schemas', 'util'],
  resolve: ['diagnostics', 'load', 'model', 'time', 'util', 'validate'],
  describe: ['i18n', 'model'],
  evaluate: ['describe', 'diagnostics', 'load', 'model', 'time'],
  emit: ['addresses', 'cache', 'describe', 'i18n', 'markdown', 'model', 'time', 'util'],
  credentials: ['emit', 'i18n', 'model'],
  check: ['diagnostics', 'load', 'markdown', 'model', 'resolve', 'util', 'validate'],
  compile: ['check', 'diagnostics', 'emit', 'model'],
  build: ['cache', 'compile', 'diagnostics', 'emit', 'model', 'util'],
  dev: ['addresses', 'check', 'compile', 'diagnostics', 'emit', 'model'],
  scaffold: ['schemas', 'time'],
  cli: ['build', 'check', 'credentials', 'dev', 'diagnostics', 'evaluate', 'scaffold', 'util', 'version'],
  index: ['addresses', 'build', 'check', 'compile', 'diagnostics', 'emit', 'model', 'version'],
  'site-api': ['addresses', 'describe', 'emit', 'i18n', 'markdown', 'model', 'time'],
};

const srcDir = path.join(repoRoot, 'src');
const siteDir = path.join(repoRoot, 'site');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The part of src/ a file belongs to: its first folder, or its own name at the top. */
function partOf(file: string): string {
  const [first, ...rest] = path.relative(srcDir, file).split(path.sep);
  return rest.length > 0 ? first! : first!.replace(/\.ts$/, '');
}

/** Relative imports of a TypeScript file (type-only ones too), as absolute paths. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((i) => i.fileName).filter((name) => name.startsWith('.')).map((name) => path.resolve(path.dirname(file), name));
}

const sourceFiles = filesUnder(srcDir, /\.ts$/).filter((f) => !f.endsWith('.d.ts'));

describe('src/', () => {
  it('has every part in the table', () => {
    expect([...new Set(sourceFiles.map(partOf))].sort()).toEqual(Object.keys(mayImport).sort());
  });

  it('imports only downwards, as the table allows', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles) {
      const from = partOf(file);
      for (const target of importsOf(file)) {
        if (!target.startsWith(srcDir + path.sep)) continue;
        const to = partOf(target);
        if (to !== from && !mayImport[from]!.includes(to)) wrong.push(`${path.relative(repoRoot, file)} imports ${path.relative(repoRoot, target)} (${from} → ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const graph = new Map(sourceFiles.map((f) => [f, importsOf(f).filter((t) => t.startsWith(srcDir + path.sep))]));
    // Depth-first search; a file met again while still on the path closes a cycle.
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...trail.slice(trail.indexOf(next)), next].map((f) => path.relative(repoRoot, f)).join(' → '));
        else if (!state.has(next)) visit(next, [...trail, next]);
      }
      state.set(file, 'done');
    };
    for (const file of sourceFiles) if (!state.has(file)) visit(file, [file]);
    expect(cycles).toEqual([]);
  });

  it('has the README name every folder of src/ and site/, and the table of what each may import', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const folders = [
      ...readdirSync(srcDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `src/${e.name}/`),
      ...readdirSync(siteDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `site/${e.name}/`),
    ];
    for (const folder of folders) expect.soft(readme, folder).toContain(`\`${folder}\``);
    for (const [part, allowed] of Object.entries(mayImport)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${part}`));
      expect.soft(row, part).toBeDefined();
      for (const to of allowed) expect.soft(row, `${part} → ${to}`).toContain(to);
    }
  });
});

describe('site/', () => {
  it('reaches the compiler only through src/site-api.ts', () => {
    const door = path.join(srcDir, 'site-api.ts');
    const wrong: string[] = [];
    let throughDoor = 0;
    for (const file of filesUnder(siteDir, /\.(ts|astro|mjs)$/)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.[^'"]+)['"]/g)) {
        const target = path.resolve(path.dirname(file), match[1]!);
        if (!target.startsWith(srcDir + path.sep)) continue;
        if (target === door) throughDoor++;
        else wrong.push(`${path.relative(repoRoot, file)} imports ${path.relative(repoRoot, target)}`);
      }
    }
    expect(wrong).toEqual([]);
    // The scan must see the imports it judges: the pages do use the compiler.
    expect(throughDoor).toBeGreaterThan(10);
  });
});
