/**
 * A damaged calendar lock stops `check` and `build` with a located diagnostic
 * (calendar_lock_invalid) like any other error in the sources, and nothing is written:
 * no output folder, no new lock. The JSON scanner that finds the place agrees with the
 * engine's parser on which texts are JSON.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { displayPath } from '../src/load/discover.ts';
import { jsonSyntaxError } from '../src/load/json-syntax.ts';
import { calendarLockFileName } from '../src/model/calendar-lock.ts';
import { runCli } from './support/cli.ts';
import { repoRoot } from './support/samples.ts';

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('the JSON scanner', () => {
  it('accepts exactly what JSON.parse accepts: any JSON value, and that value with a character cut, added or changed', () => {
    const edited = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '0', '-', '.', 'e', '\\', ' ', '\n', 'x', '\u0001', 't'), fc.boolean())
      .map(([json, at, insert, replace]) => {
        const i = json.length === 0 ? 0 : at % json.length;
        return json.slice(0, i) + insert + json.slice(replace ? i + 1 : i);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), edited), (text) => {
        expect(jsonSyntaxError(text) === undefined, text).toBe(isJson(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['{"a": 1,}', 7, '","', true],
    ['[1, 2, ]', 5, '","', true],
    ['{"a": tru}', 9, '"}"', false],
    ['{"a": 01}', 7, '"1"', false],
    ['{"a": "x\ny"}', 8, '"\\n"', false],
    ['{"a": 1} x', 9, '"x"', false],
    ['{"a": ', 6, 'the end of the file', false],
  ])('finds the mistake in %j at offset %i', (text, offset, found, trailingComma) => {
    const error = jsonSyntaxError(text);
    expect(error).toMatchObject({ offset, found });
    expect(error?.trailingComma === true).toBe(trailingComma);
  });
});

describe('a damaged calendar-lock.json in a program folder', () => {
  let work: string;
  let sources: string;
  const lockFile = () => path.join(sources, 'caring-cities', calendarLockFileName);

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'calendar-lock-damaged-'));
    sources = path.join(work, 'curriculum');
    await cp(path.join(repoRoot, 'curriculum'), sources, { recursive: true });
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('is reported by check at the place that is wrong, and withholds only its program', async () => {
    const good = await readFile(lockFile(), 'utf8');
    // An entry's revision made text, on its own line: the diagnostic points at that value.
    const lines = good.split('\n');
    const line = lines.findIndex((l) => /"revision": \d+/.test(l));
    lines[line] = lines[line]!.replace(/"revision": (\d+)/, '"revision": "$1"');
    await writeFile(lockFile(), lines.join('\n'));
    try {
      const result = await check(sources);
      const found = result.diagnostics.filter((d) => d.code === 'calendar_lock_invalid');
      expect(found).toHaveLength(1);
      const [d] = found;
      expect(d!.severity).toBe('error');
      expect(d!.file).toBe(displayPath(lockFile()));
      expect(d!.range!.start.line).toBe(line + 1);
      expect(lines[line]!.slice(d!.range!.start.column - 1, d!.range!.end.column - 1)).toMatch(/^"\d+"$/);
      expect(d!.hint).toMatch(/restore it from version control.*Deleting it starts every event’s SEQUENCE again from 0/);
      expect(result.curricula.map((c) => c.program.id).sort()).toEqual(['crisis-scro', 'mit-608-spring-2018']);
      expect([...result.calendarLocks.keys()].sort()).toEqual(['crisis-scro', 'mit-608-spring-2018']);
    } finally {
      await writeFile(lockFile(), good);
    }
  });

  it('stops build with the exit code of an error, the file, line and column, and writes nothing', async () => {
    const good = await readFile(lockFile(), 'utf8');
    // A comma after an entry's last value, as a hand edit leaves it.
    const last = /"modified": "[^"]+"\n/.exec(good)!;
    const at = last.index + last[0].length - 1;
    const damaged = `${good.slice(0, at)},${good.slice(at)}`;
    await writeFile(lockFile(), damaged);
    const out = path.join(work, 'out');
    try {
      const run = await runCli(['build', sources, '--out', out, '--no-site']);
      expect(run.code, run.stderr + run.stdout).toBe(1);
      const line = damaged.slice(0, at).split('\n').length;
      const column = at - damaged.lastIndexOf('\n', at - 1);
      expect(run.stdout + run.stderr).toContain(`error[calendar_lock_invalid]: The calendar lock is not valid JSON: a comma follows the last entry`);
      expect(run.stdout + run.stderr).toContain(`${displayPath(lockFile())}:${line}:${column}`);
      await expect(readdir(out)).rejects.toThrow(/ENOENT/);
      expect(await readFile(lockFile(), 'utf8')).toBe(damaged);
      // The same mistake in another program's file is the same exit code: an error is an error.
      const other = path.join(sources, 'crisis-scro', 'program.yaml');
      const yaml = await readFile(other, 'utf8');
      await writeFile(lockFile(), good);
      await writeFile(other, yaml.replace(/^timeZone: .*$/m, 'timeZone: Mars/Olympus'));
      const otherRun = await runCli(['build', sources, '--out', out, '--no-site']);
      await writeFile(other, yaml);
      expect(otherRun.code).toBe(run.code);
    } finally {
      await writeFile(lockFile(), good);
    }
  }, 120_000);
});
