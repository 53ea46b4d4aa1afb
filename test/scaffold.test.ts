/**
 * `curriculum init` and `curriculum new`: a newcomer's first program checks clean and
 * builds, added documents land in the right place, and nothing a user wrote is ever
 * overwritten.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.ts';
import { check } from '../src/index.ts';
import { runCli } from './support/cli.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'curriculum-init-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('curriculum init', () => {
  it('creates a documented program that checks without a problem', async () => {
    const run = await runCli([
      'init',
      path.join(dir, 'programs', 'data-literacy'),
      '--title',
      'Data Literacy for City Staff',
      '--namespace',
      'tag:city-training.example,2025:data-literacy',
      '--no-color',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('program.yaml');
    expect(run.stdout).toMatch(/0 errors, 0 warnings/);
    const program = await readFile(path.join(dir, 'programs/data-literacy/program.yaml'), 'utf8');
    expect(program.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/program\.schema\.json$/);
    expect(program).toContain('title: Data Literacy for City Staff');
    expect(program).toContain('\nnamespace: tag:city-training.example,2025:data-literacy\n');
    const result = await check(path.join(dir, 'programs'));
    expect(result.diagnostics).toEqual([]);
    expect(result.curricula[0]!.modules.map((m) => m.id)).toEqual(['welcome', 'first-steps']);
  });

  it('without --namespace, writes a commented placeholder that check asks to fill in, and refuses a namespace that is not one', async () => {
    const target = path.join(dir, 'unnamed', 'first-aid');
    const run = await runCli(['init', target, '--no-color']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 errors, 1 warning/);
    expect(run.stdout).toContain('warning[namespace_missing]');
    const program = await readFile(path.join(target, 'program.yaml'), 'utf8');
    expect(program).toMatch(/\n# namespace: tag:your-domain\.example,\d{4}:first-aid\n/);
    expect(program).toContain('`url` in catalog.yaml, or `--site-url`');
    const result = await check(path.dirname(target));
    expect(result.diagnostics.map((d) => `${d.code} ${path.basename(d.file!)}:${d.range?.start.line}`)).toEqual(['namespace_missing program.yaml:4']);

    const bad = await runCli(['init', path.join(dir, 'unnamed', 'other'), '--namespace', 'example.org']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--namespace must be a tag: URI');
  });

    it('gives every file a $schema line that points at the real schema', async () => {
    for (const file of ['program.yaml', 'schedule.yaml', 'policy.yaml', 'modules/first-steps.yaml', 'assessments/first-steps-quiz.yaml']) {
      const first = (await readFile(path.join(dir, 'programs/data-literacy', file), 'utf8')).split('\n')[0]!;
      const target = path.resolve(path.dirname(path.join(dir, 'programs/data-literacy', file)), first.replace(/^.*\$schema=/, ''));
      expect(JSON.parse(await readFile(target, 'utf8')).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('builds (calendars, packages and data)', async () => {
    const result = await build({ input: path.join(dir, 'programs'), outDir: path.join(dir, 'dist'), site: false });
    expect(result.written).toBe(true);
    expect(await readFile(path.join(dir, 'dist/data-literacy/calendar.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('refuses a folder that is not empty, and a name that is not an id', async () => {
    const occupied = path.join(dir, 'occupied');
    await mkdir(occupied);
    await writeFile(path.join(occupied, 'notes.txt'), 'mine');
    const run = await runCli(['init', occupied]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not empty/);
    expect(await readFile(path.join(occupied, 'notes.txt'), 'utf8')).toBe('mine');
    const bad = await runCli(['init', path.join(dir, 'Bad Name')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a valid program id/);
  });
});

describe('curriculum new', () => {
  it('adds a module and an assessment where they belong', async () => {
    const program = path.join(dir, 'programs/data-literacy');
    const module = await runCli(['new', 'module', 'open-data', '--program', program]);
    expect(module.code).toBe(0);
    expect(module.stdout).toContain(path.join('modules', 'open-data.yaml'));
    const assessment = await runCli(['new', 'assessment', 'open-data-quiz'], { cwd: program });
    expect(assessment.code).toBe(0);
    const result = await check(path.join(dir, 'programs'));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The new module is not scheduled yet: the compiler says so.
    expect(result.diagnostics.map((d) => d.code)).toContain('module_unscheduled');
  });

  it('never overwrites a file, and explains misuse', async () => {
    const program = path.join(dir, 'programs/data-literacy');
    const before = await readFile(path.join(program, 'schedule.yaml'), 'utf8');
    const again = await runCli(['new', 'schedule', '--program', program]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(await readFile(path.join(program, 'schedule.yaml'), 'utf8')).toBe(before);
    expect((await runCli(['new', 'modul', 'x', '--program', program])).stderr).toMatch(/did you mean `module`/);
    expect((await runCli(['new', 'module', '--program', program])).stderr).toMatch(/needs an id/);
    expect((await runCli(['new', 'module', 'x', '--program', dir])).stderr).toMatch(/not a program folder/);
  });
});
