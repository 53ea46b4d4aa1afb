/**
 * Editors: the real yaml-language-server (the server behind VS Code's YAML extension)
 * reads our schemas through each file's `$schema` line and through the `yaml.schemas`
 * mapping in .vscode/settings.json, and then finds no problem in the bundled programs,
 * locates a real one, and completes module keys. All of this must hold wherever the
 * project is cloned, so it runs both in this checkout and in a copy whose path crosses
 * a dot-folder (as under ~/.local/src or a CI cache), where glob matching differs.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './support/lsp.ts';

const checkout = path.resolve(import.meta.dirname, '..');
type SchemaMapping = Record<string, string | string[]>;
const readMapping = (root: string) =>
  (JSON.parse(readFileSync(path.join(root, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': SchemaMapping })['yaml.schemas'];

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFiles(full)));
    else if (entry.name.endsWith('.yaml')) out.push(full);
  }
  return out.sort();
}

/** A place for the project and how to clean it up afterwards. */
interface Location {
  readonly root: string;
  remove(): Promise<void>;
}

const locations: [string, () => Promise<Location>][] = [
  ['in this checkout', async () => ({ root: checkout, remove: async () => {} })],
  [
    'in a copy under a dot-folder',
    async () => {
      const base = await mkdtemp(path.join(tmpdir(), 'curriculum-editor-'));
      const root = path.join(base, '.cache', 'repo');
      // What the editor reads: the settings, the schemas they name, and the sources.
      for (const part of ['.vscode', 'schemas', 'curriculum']) await cp(path.join(checkout, part), path.join(root, part), { recursive: true });
      return { root, remove: () => rm(base, { recursive: true, force: true }) };
    },
  ],
];

describe.each(locations)('yaml-language-server with the project schemas, %s', (_where, locate) => {
  let location: Location;
  let client: LspClient;
  const root = () => location.root;

  beforeAll(async () => {
    location = await locate();
    const server = path.join(checkout, 'node_modules/yaml-language-server/bin/yaml-language-server');
    client = await LspClient.start(process.execPath, [server, '--stdio'], root(), {
      // No schema store: this machine (and many CI runners) has no internet, and our schemas are local.
      yaml: { validate: true, completion: true, hover: true, schemas: readMapping(root()), schemaStore: { enable: false } },
    });
  });

  afterAll(async () => {
    await client?.stop();
    await location?.remove();
  });

  const uriOf = (relative: string) => pathToFileURL(path.join(root(), relative)).href;

  it('reports no problem in any file of the bundled programs', async () => {
    const files = await yamlFiles(path.join(root(), 'curriculum'));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) client.open(pathToFileURL(file).href, await readFile(file, 'utf8'));
    const problems: string[] = [];
    for (const file of files) {
      for (const d of await client.diagnostics(pathToFileURL(file).href)) {
        problems.push(`${path.relative(root(), file)}:${d.range.start.line + 1}: ${d.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('locates a problem in a broken module through its $schema line', async () => {
    const original = await readFile(path.join(root(), 'curriculum/crisis-scro/modules/crisis-management.yaml'), 'utf8');
    const broken = original.replace('kind: advanced', 'kind: advanced\ntitel: Crisis Management');
    const uri = uriOf('curriculum/crisis-scro/modules/crisis-management.broken-test.yaml');
    client.open(uri, broken);
    const diagnostics = await client.diagnostics(uri);
    const line = broken.split('\n').findIndex((l) => l.startsWith('titel:'));
    expect(diagnostics.map((d) => [d.range.start.line, d.range.start.character])).toContainEqual([line, 0]);
    expect(diagnostics.find((d) => d.range.start.line === line)!.message).toMatch(/not allowed|titel/i);
  });

  it('applies the yaml.schemas mapping of .vscode/settings.json to files without a $schema line', async () => {
    const original = await readFile(path.join(root(), 'curriculum/crisis-scro/modules/crisis-management.yaml'), 'utf8');
    const withoutModeline = original.split('\n').slice(1).join('\n');
    const valid = uriOf('curriculum/scratch-program/modules/no-modeline.yaml');
    client.open(valid, withoutModeline);
    expect(await client.diagnostics(valid)).toEqual([]);
    const invalid = uriOf('curriculum/scratch-program/modules/no-modeline-broken.yaml');
    client.open(invalid, withoutModeline.replace('kind: advanced', 'kind: 7'));
    const diagnostics = await client.diagnostics(invalid);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.range.start.line).toBe(withoutModeline.split('\n').findIndex((l) => l.startsWith('kind:')));
  });

  it('offers the module properties as completions, with their documentation', async () => {
    const text = '# yaml-language-server: $schema=../../../schemas/module.schema.json\nid: new-module\n\n';
    const uri = uriOf('curriculum/crisis-scro/modules/completion-test.yaml');
    client.open(uri, text);
    await client.diagnostics(uri);
    const result = (await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } })) as
      | { items: { label: string; documentation?: unknown }[] }
      | { label: string }[];
    const items = Array.isArray(result) ? result : result.items;
    const labels = items.map((i) => i.label);
    for (const key of ['title', 'description', 'competences', 'outcomes', 'workload', 'assessment', 'content', 'phase']) expect(labels).toContain(key);
    expect(labels).not.toContain('id');
  });
});

it('README shows the yaml.schemas mapping of .vscode/settings.json', () => {
  const readme = readFileSync(path.join(checkout, 'README.md'), 'utf8');
  const block = /```json\n(\{\n {2}"yaml\.schemas"[\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  expect((JSON.parse(block!) as { 'yaml.schemas': SchemaMapping })['yaml.schemas']).toEqual(readMapping(checkout));
});
