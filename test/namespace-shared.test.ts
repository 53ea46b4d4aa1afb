/**
 * Two programs of one catalog with one namespace would give the same calendar UIDs, cmi5
 * IRIs and credential ids to different things: `check` reports namespace_shared where the
 * namespace is written, with the other program's as related location, and nothing is
 * compiled. The bundled programs are copied and made to collide, as a designer who copies
 * a program folder to start the next edition would.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { compile } from '../src/compile.ts';
import { displayPath } from '../src/load/discover.ts';
import { repoRoot } from './support/samples.ts';

let work: string;
let sources: string;
const programFile = (id: string) => path.join(sources, id, 'program.yaml');

/** Replaces the `namespace:` line of a program, or removes it (`undefined`); returns a function that puts the file back. */
async function setNamespace(id: string, namespace: string | undefined): Promise<() => Promise<void>> {
  const before = await readFile(programFile(id), 'utf8');
  const after = before.replace(/^namespace: .*\n/m, namespace === undefined ? '' : `namespace: ${namespace}\n`);
  expect(after).not.toBe(before);
  await writeFile(programFile(id), after);
  return () => writeFile(programFile(id), before);
}

/** The 1-based line of `namespace:` in a program's file. */
async function namespaceLine(id: string): Promise<number> {
  return (await readFile(programFile(id), 'utf8')).split('\n').findIndex((l) => l.startsWith('namespace: ')) + 1;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'namespace-shared-'));
  sources = path.join(work, 'curriculum');
  await cp(path.join(repoRoot, 'curriculum'), sources, { recursive: true });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('programs of one catalog', () => {
  it('have namespaces of their own as bundled', async () => {
    const result = await check(sources);
    expect(result.diagnostics.filter((d) => d.code === 'namespace_shared')).toEqual([]);
    expect(new Set(result.curricula.map((c) => c.identity.namespace)).size).toBe(3);
  });

  it('sharing one namespace: an error on the later one’s, the first as related location, and no outputs', async () => {
    const caring = await check(path.join(sources, 'caring-cities'));
    const restore = await setNamespace('crisis-scro', caring.curricula[0]!.identity.namespace);
    try {
      const result = await compile({ input: sources });
      const found = result.diagnostics.filter((d) => d.code === 'namespace_shared');
      expect(found).toHaveLength(1);
      const [d] = found;
      expect(d!.severity).toBe('error');
      expect(d!.file).toBe(displayPath(programFile('crisis-scro')));
      expect(d!.range!.start).toMatchObject({ line: await namespaceLine('crisis-scro'), column: 'namespace: '.length + 1 });
      expect(d!.related).toHaveLength(1);
      expect(d!.related[0]!.file).toBe(displayPath(programFile('caring-cities')));
      expect(d!.related[0]!.range!.start.line).toBe(await namespaceLine('caring-cities'));
      expect(d!.message).toContain('`caring-cities`');
      expect(d!.hint).toMatch(/namespace of its own/);
      // Both programs are withheld (either may be the one to change); the third is not.
      expect(result.programs.map((c) => c.program.id)).toEqual(['mit-608-spring-2018']);
      expect(result.outputs).toBeUndefined();
    } finally {
      await restore();
    }
  });

  it('one declaring the namespace another derives from its id: the error on the written one', async () => {
    const restoreCaring = await setNamespace('caring-cities', 'urn:curriculum:crisis-scro');
    const restoreCrisis = await setNamespace('crisis-scro', undefined);
    try {
      const result = await check(sources);
      const found = result.diagnostics.filter((d) => d.code === 'namespace_shared');
      expect(found.map((d) => [d.file, d.range?.start.line])).toEqual([[displayPath(programFile('caring-cities')), await namespaceLine('caring-cities')]]);
      expect(found[0]!.related[0]!.file).toBe(displayPath(programFile('crisis-scro')));
      expect(found[0]!.related[0]!.message).toMatch(/declares no namespace/);
    } finally {
      await restoreCrisis();
      await restoreCaring();
    }
  });

  it('three with one namespace: the second and the third each reported against the first', async () => {
    const namespace = 'tag:training.example.org,2024:shared';
    const restores = await Promise.all(['caring-cities', 'crisis-scro', 'mit-608-spring-2018'].map((id) => setNamespace(id, namespace)));
    try {
      const result = await check(sources);
      const found = result.diagnostics.filter((d) => d.code === 'namespace_shared');
      expect(found.map((d) => [path.basename(path.dirname(d.file!)), path.basename(path.dirname(d.related[0]!.file))]).sort()).toEqual([
        ['crisis-scro', 'caring-cities'],
        ['mit-608-spring-2018', 'caring-cities'],
      ]);
      expect(result.curricula).toEqual([]);
    } finally {
      for (const restore of restores) await restore();
    }
  });
});
