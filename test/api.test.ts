/** The public API: what `package.json` exports, by name, and that it runs the whole pipeline in memory. */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { notAfter } from '../src/check.ts';
import * as api from '../src/index.ts';
import { copyProgram, minimalProgram } from './support/cli.ts';
import { repoRoot } from './support/samples.ts';

describe('the public API', () => {
  it('is the names package.json exports, and no others', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { exports: Record<string, string> };
    expect(pkg.exports['.']).toBe('./src/index.ts');
    expect(Object.keys(api).sort()).toEqual([
      'FileCache',
      'build',
      'catalogue',
      'check',
      'compile',
      'emitOutputs',
      'emitters',
      'heavyFiles',
      'outputPaths',
      'pagePaths',
      'renderDiagnostics',
      'summarize',
      'version',
    ]);
  });

  it('compiles the bundled programs in memory: models, light files made, heavy ones named and made on demand', async () => {
    const compiled = await api.compile({ input: path.join(repoRoot, 'curriculum') });
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(compiled.programs.map((p) => p.program.id).sort()).toEqual(['caring-cities', 'crisis-scro', 'mit-608-spring-2018']);
    const outputs = compiled.outputs!;
    expect(outputs.files.map((f) => f.path)).toContain('caring-cities/calendar.ics');
    expect(outputs.files.map((f) => f.path)).toContain('crisis-scro/curriculum.json');
    expect(outputs.deferred.paths).toContain('caring-cities/cmi5.zip');
    // The deferred paths are exactly what the deferred emitters make.
    const made = [...outputs.deferred.files()].map((f) => f.path);
    expect(made.sort()).toEqual([...outputs.deferred.paths].sort());
    expect(outputs.paths.size).toBe(outputs.files.length + made.length);
  });

  it('makes only the light outputs when asked, and none when errors or strict warnings stop it', async () => {
    const light = await api.compile({ input: path.join(repoRoot, 'curriculum'), outputs: 'light' });
    expect(light.outputs!.deferred.paths).toEqual([]);
    expect(light.outputs!.files.length).toBeGreaterThan(0);
    // A warning that is not accepted stops a strict compilation, as `--strict` fails the CLI.
    const strict = await api.compile({ input: path.join(repoRoot, 'test/samples/diagnostics/week_start_irregular/invalid-early-start'), strict: true });
    // The sample declares no namespace either, which is a warning of its own.
    expect(strict.diagnostics.map((d) => d.code).sort()).toEqual(['namespace_missing', 'week_start_irregular']);
    expect(api.summarize(strict.diagnostics)).toEqual({ errors: 0, warnings: 2, accepted: 0 });
    expect(strict.outputs).toBeUndefined();
    // The bundled programs' warnings are all accepted: strict makes everything.
    const accepted = await api.compile({ input: path.join(repoRoot, 'curriculum'), strict: true, outputs: 'light' });
    expect(api.summarize(accepted.diagnostics)).toEqual({ errors: 0, warnings: 0, accepted: 7 });
    expect(accepted.outputs).toBeDefined();
  });

  it('has one registry entry per output, and every entry makes files', async () => {
    const compiled = await api.compile({ input: path.join(repoRoot, 'curriculum') });
    const names = api.emitters.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    const context = compiled.outputs!.context;
    for (const emitter of api.emitters) {
      const files =
        emitter.scope === 'build'
          ? [...emitter.emit(context)]
          : context.curricula.flatMap((c) => [...(emitter.weight === 'heavy' ? api.heavyFiles(emitter, c, context) : emitter.emit(c, context))]);
      expect.soft(files.length, emitter.name).toBeGreaterThan(0);
    }
  });
});

describe("a program's date stamp", () => {
  it('is never later than the build, even for a program that starts next century and is not committed', async () => {
    const copy = await copyProgram(minimalProgram);
    const epoch = process.env.SOURCE_DATE_EPOCH;
    delete process.env.SOURCE_DATE_EPOCH;
    try {
      const file = path.join(copy.dir, 'program.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('start: 2024-03-04', 'start: 2099-03-02').replace('end: 2024-03-31', 'end: 2099-03-31'));
      const before = Date.now();
      const { curricula } = await api.check(copy.dir);
      expect(curricula).toHaveLength(1);
      const stamp = Date.parse(curricula[0]!.sourceDate);
      expect(stamp).toBeLessThanOrEqual(Date.now());
      // The start of the build's day, so that builds on one day agree.
      expect(stamp).toBe(Date.parse(`${new Date(before).toISOString().slice(0, 10)}T00:00:00Z`));
    } finally {
      if (epoch !== undefined) process.env.SOURCE_DATE_EPOCH = epoch;
      await copy.cleanup();
    }
  });

  it('keeps a stamp from the past as it is', () => {
    expect(notAfter('2023-11-14T22:13:20Z', Date.parse('2026-01-01T00:00:00Z'))).toBe('2023-11-14T22:13:20Z');
    expect(notAfter('2031-05-01T08:00:00Z', Date.parse('2026-01-01T12:30:00Z'))).toBe('2026-01-01T00:00:00Z');
  });
});
