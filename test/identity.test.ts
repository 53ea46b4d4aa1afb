/**
 * Identity never depends on where the site is published: setting and then changing the
 * site URL (on the command line or in catalog.yaml) moves no identifier in any output, and
 * a build without a site URL names no host that the sources do not name.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../src/index.ts';
import { check } from '../src/check.ts';
import { fallbackNamespace, identifierUnder } from '../src/model/identity.ts';
import type { Curriculum } from '../src/model/types.ts';
import { courseJsonLd } from '../site/lib/structured-data.ts';

/** Every file of a build, zips opened, as text (binary entries left out). */
interface Build {
  readonly files: ReadonlyMap<string, string>;
  readonly curricula: readonly Curriculum[];
  readonly siteUrl: string | undefined;
}

async function build(input: string, siteUrl?: string): Promise<Build> {
  const result = await compile({ input, ...(siteUrl ? { siteUrl } : {}) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const files = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const add = (name: string, contents: string | Uint8Array) => {
    if (typeof contents === 'string') return void files.set(name, contents);
    try {
      files.set(name, decoder.decode(contents));
    } catch {
      // Images and other binary files hold no identifier.
    }
  };
  for (const f of [...result.outputs!.files, ...result.outputs!.deferred.files()]) {
    if (f.path.endsWith('.zip')) {
      for (const [entry, bytes] of Object.entries(unzipSync(f.contents as Uint8Array))) if (!entry.endsWith('/')) add(`${f.path}!${entry}`, bytes);
    } else add(f.path, f.contents);
  }
  return { files, curricula: result.programs, siteUrl: result.outputs!.context.catalog.url };
}

/** Every identifier a build writes: calendar UIDs, cmi5 ids, SCORM identifiers, JSON-LD ids, the model's identity. */
function identifiersOf(b: Build): string[] {
  const out: string[] = [];
  for (const [name, text] of b.files) {
    if (name.endsWith('.ics')) {
      const unfolded = text.replace(/\r\n[ \t]/g, '');
      for (const m of unfolded.matchAll(/^UID:(.*)$/gm)) out.push(`${name} UID ${m[1]}`);
    }
    if (name.endsWith('cmi5.xml') || name.endsWith('imsmanifest.xml')) {
      for (const m of text.matchAll(/\s(id|identifier|identifierref)="([^"]*)"/g)) out.push(`${name} ${m[1]} ${m[2]}`);
    }
    if (name.endsWith('curriculum.json')) {
      const json = JSON.parse(text) as { identity: unknown; lms: unknown };
      expect(json.identity).toBeDefined();
      out.push(`${name} ${JSON.stringify(json.identity)} ${JSON.stringify(json.lms)}`);
    }
  }
  for (const c of b.curricula) {
    const ld = courseJsonLd(c, b.siteUrl !== undefined ? new URL(`${c.program.id}/`, b.siteUrl).href : undefined);
    expect(ld['url']).toBe(b.siteUrl !== undefined ? new URL(`${c.program.id}/`, b.siteUrl).href : undefined);
    out.push(`${c.program.id} @id ${String(ld['@id'])} ${String((ld['educationalCredentialAwarded'] as Record<string, unknown>)['@id'])}`);
  }
  return out.sort();
}

/**
 * Hosts of the standards that packages follow: XML and JSON namespaces and xAPI verb ids,
 * names of specifications rather than addresses of anything the build publishes.
 */
const standards = new Set(['adlnet.gov', 'www.adlnet.org', 'w3id.org', 'www.imsglobal.org', 'www.imsproject.org', 'www.w3.org', 'www.xmlspy.com', 'json-schema.org', 'purl.imsglobal.org', 'ltsc.ieee.org']);

const hostsIn = (text: string) => new Set([...text.matchAll(/\b(?:https?|webcal):\/\/([^/\s"'<>)\\:?#]+)/g)].map((m) => m[1]!.toLowerCase()));

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'curriculum-identity-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('identifiers', () => {
  it('stay the same when the site URL is set and then changed, on the command line or in catalog.yaml', async () => {
    const plain = await build('curriculum');
    const first = await build('curriculum', 'https://first.example.net/courses/');
    const moved = await build('curriculum', 'https://elsewhere.example.com/');
    const ids = identifiersOf(plain);
    expect(ids.length).toBeGreaterThan(200);
    expect(identifiersOf(first)).toEqual(ids);
    expect(identifiersOf(moved)).toEqual(ids);
    for (const id of ids) expect(id).not.toMatch(/example\.(net|com)/);
    // The URL did reach the outputs where links belong: the test would notice a build that ignored it.
    expect(first.files.get('crisis-scro/calendar.ics')).toContain('URL:https://first.example.net/courses/crisis-scro/');
    expect(moved.files.get('crisis-scro/calendar.ics')).toContain('URL:https://elsewhere.example.com/crisis-scro/');

    const copy = path.join(work, 'curriculum');
    await cp('curriculum', copy, { recursive: true });
    const catalog = await readFile(path.join(copy, 'catalog.yaml'), 'utf8');
    await writeFile(path.join(copy, 'catalog.yaml'), `${catalog}url: https://catalog.example.net/\n`);
    const fromCatalog = await build(copy);
    expect(fromCatalog.files.get('caring-cities/calendar.ics')).toContain('URL:https://catalog.example.net/caring-cities/');
    expect(identifiersOf(fromCatalog)).toEqual(ids);
  }, 120_000);

  it('come from the namespace each bundled program declares', async () => {
    const { curricula } = await check('curriculum');
    expect(Object.fromEntries(curricula.map((c) => [c.program.id, c.identity]))).toEqual({
      'caring-cities': { namespace: 'tag:hrd.seoul.go.kr,2023:caring-cities', declared: true },
      'crisis-scro': { namespace: 'tag:crisisproject.eu,2023:crisis-scro', declared: true },
      'mit-608-spring-2018': { namespace: 'tag:mit.edu,2018:6.08-spring-2018', declared: true },
    });
  });

  it('fall back to a URN built from the ids, with a warning, when nothing declares a namespace; the catalog’s applies to every program', async () => {
    const copy = path.join(work, 'without-namespace');
    await cp('curriculum', copy, { recursive: true });
    for (const id of ['caring-cities', 'crisis-scro', 'mit-608-spring-2018']) {
      const file = path.join(copy, id, 'program.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^namespace: .*$/m, ''));
    }
    const bare = await check(copy);
    expect(bare.curricula.map((c) => c.identity)).toEqual([
      { namespace: 'urn:curriculum:caring-cities', declared: false },
      { namespace: 'urn:curriculum:crisis-scro', declared: false },
      { namespace: 'urn:curriculum:mit-608-spring-2018', declared: false },
    ]);
    const warnings = bare.diagnostics.filter((d) => d.code === 'namespace_missing');
    expect(warnings.map((d) => `${path.resolve(d.file!)}:${d.range?.start.line}`)).toEqual([`${copy}/caring-cities/program.yaml:3`, `${copy}/crisis-scro/program.yaml:3`, `${copy}/mit-608-spring-2018/program.yaml:8`]);

    const catalog = await readFile(path.join(copy, 'catalog.yaml'), 'utf8');
    await writeFile(path.join(copy, 'catalog.yaml'), `${catalog}namespace: https://training.example.org/id/\n`);
    const withCatalog = await check(copy);
    expect(withCatalog.diagnostics.filter((d) => d.code === 'namespace_missing')).toEqual([]);
    expect(withCatalog.curricula.map((c) => [c.identity.namespace, c.lms.iri])).toEqual([
      ['https://training.example.org/id/caring-cities', 'https://training.example.org/id/caring-cities'],
      ['https://training.example.org/id/crisis-scro', 'https://training.example.org/id/crisis-scro'],
      ['https://training.example.org/id/mit-608-spring-2018', 'https://training.example.org/id/mit-608-spring-2018'],
    ]);
  });

  it('join parts with `/` under an http(s) namespace and with `:` under a tag: or urn: one, never doubling a separator', () => {
    expect(identifierUnder('https://x.example/id/', 'modules', 'm')).toBe('https://x.example/id/modules/m');
    expect(identifierUnder('https://x.example/id', 'modules', 'm')).toBe('https://x.example/id/modules/m');
    expect(identifierUnder('tag:x.example,2024:p', 'modules', 'm')).toBe('tag:x.example,2024:p:modules:m');
    expect(identifierUnder('tag:x.example,2024:', 'p')).toBe('tag:x.example,2024:p');
    expect(identifierUnder(fallbackNamespace('p'), 'events', 'week', '13-16')).toBe('urn:curriculum:p:events:week:13-16');
    expect(identifierUnder('urn:curriculum:p', 'a b', 'c:d')).toBe('urn:curriculum:p:a%20b:c%3Ad');
  });
});

describe('a build without a site URL', () => {
  it('names no host that the sources do not name', async () => {
    const sources = await readAll('curriculum');
    const named = hostsIn(sources);
    const { files } = await build('curriculum');
    const found = new Map<string, string>();
    // The JSON Schemas are documentation, the same in every build; their examples name example hosts.
    const built = [...files].filter(([name]) => !name.startsWith('schemas/'));
    expect(built.length).toBeGreaterThan(100);
    for (const [name, text] of built) for (const host of hostsIn(text)) if (!named.has(host) && !standards.has(host)) found.set(host, name);
    expect(Object.fromEntries(found)).toEqual({});
    for (const [name, text] of built) expect(text, name).not.toMatch(/example\.org/);
  }, 120_000);
});

async function readAll(dir: string): Promise<string> {
  let out = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ya?ml|md)$/.test(entry.name)) out += await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}
