/**
 * Hostile and broken input, through the real CLI in a child process with a capped heap:
 * each case gets a located diagnostic and exit code 1, never a stack trace, a hang or an
 * out-of-memory crash. And a failed build leaves the previous output exactly as it was.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.ts';
import { check } from '../src/index.ts';
import type { DiagnosticCode } from '../src/diagnostics/catalogue.ts';
import type { Diagnostic } from '../src/diagnostics/diagnostic.ts';
import { MAX_SOURCE_BYTES } from '../src/load/read-source.ts';
import { copyProgram, minimalProgram, runCli, stackTracePattern } from './support/cli.ts';

const HEADER = '# yaml-language-server: $schema=../../../../../schemas/module.schema.json\n';

interface Case {
  readonly name: string;
  /** Breaks the copy of the minimal program in `dir`. */
  readonly breakIt: (dir: string) => Promise<void>;
  readonly code: DiagnosticCode;
  /** The broken file, relative to the program folder. */
  readonly file: string;
  /** Where the diagnostic must point (1-based), or `file` for a problem of the whole file. */
  readonly at: { line: number; column: number; endColumn?: number } | 'file';
  readonly extra?: (d: Diagnostic) => void;
}

const intro = 'modules/intro.yaml';
const writeIntro = (text: string | Uint8Array) => (dir: string) => writeFile(path.join(dir, intro), text);

const cases: Case[] = [
  {
    name: 'a YAML syntax error',
    breakIt: writeIntro('id: intro\ntitle: "Introduction\ndescription: What the program is about.\n'),
    code: 'yaml_syntax',
    file: intro,
    at: { line: 2, column: 8 },
  },
  {
    name: 'a file that is not UTF-8 (Latin-1)',
    breakIt: writeIntro(Buffer.from('id: intro\ntitle: Caf\u00e9 culture\ndescription: What the program is about.\n', 'latin1')),
    code: 'file_not_utf8',
    file: intro,
    at: { line: 2, column: 11 },
    extra: (d) => expect(d.hint).toContain('in Latin-1, 0xe9 is `é`'),
  },
  { name: 'an empty file', breakIt: writeIntro(''), code: 'file_empty', file: intro, at: 'file' },
  {
    name: 'a file over the size limit',
    breakIt: writeIntro(`${HEADER}${'# padding\n'.repeat(Math.ceil(MAX_SOURCE_BYTES / 10) + 1)}`),
    code: 'file_too_large',
    file: intro,
    at: 'file',
  },
  {
    name: 'an alias bomb ("billion laughs")',
    breakIt: writeIntro(
      [
        'id: intro',
        'title: Introduction',
        'description: What the program is about.',
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        ...'bcdefghi'.split('').map((x, i) => `${x}: &${x} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
        'topics: [*i,*i,*i,*i,*i,*i,*i,*i,*i,*i]',
        '',
      ].join('\n'),
    ),
    code: 'yaml_alias_limit',
    file: intro,
    at: { line: 5, column: 8 },
  },
  {
    name: 'a content path that climbs out of the program folder',
    breakIt: writeIntro('id: intro\ntitle: Introduction\ndescription: What the program is about.\ncontent: { file: ../../etc/passwd }\n'),
    code: 'content_path_outside',
    file: intro,
    at: { line: 4, column: 18, endColumn: 34 },
  },
  {
    name: 'an absolute content path',
    breakIt: writeIntro('id: intro\ntitle: Introduction\ndescription: What the program is about.\ncontent:\n  file: /etc/passwd.md\n'),
    code: 'content_path_outside',
    file: intro,
    at: { line: 5, column: 9, endColumn: 23 },
  },
  {
    name: 'a content file that is a symbolic link to a file outside',
    breakIt: async (dir) => {
      await writeFile(path.join(dir, '..', 'secret.md'), '# Not part of the program\n');
      await mkdir(path.join(dir, 'content'));
      await symlink(path.join(dir, '..', 'secret.md'), path.join(dir, 'content', 'intro.md'));
      await writeIntro('id: intro\ntitle: Introduction\ndescription: What the program is about.\ncontent: { file: content/intro.md }\n')(dir);
    },
    code: 'content_path_outside',
    file: intro,
    at: { line: 4, column: 18, endColumn: 34 },
  },
  {
    name: 'an unknown key (at the key, with a did-you-mean)',
    breakIt: writeIntro('id: intro\ntitle: Introduction\ndescription: What the program is about.\nsumary: The first steps.\n'),
    code: 'schema_property_unknown',
    file: intro,
    at: { line: 4, column: 1, endColumn: 7 },
    extra: (d) => {
      expect(d.label).toBe('did you mean `summary`?');
      expect(d.hint).toMatch(/^Did you mean `summary`\?/);
    },
  },
  {
    name: 'a tab-indented file',
    breakIt: writeIntro('id: intro\ntitle: Introduction\ndescription: What the program is about.\nworkload:\n\thours: 2\n'),
    code: 'yaml_syntax',
    file: intro,
    at: { line: 5, column: 1 },
    extra: (d) => expect(d.message).toBe('A tab is used for indentation'),
  },
  {
    name: 'a duplicate key (with the first one as related location)',
    breakIt: writeIntro('id: intro\ntitle: Introduction\ndescription: What the program is about.\ntitle: Again\n'),
    code: 'yaml_duplicate_key',
    file: intro,
    at: { line: 4, column: 1, endColumn: 6 },
    extra: (d) => expect(d.related[0]).toMatchObject({ range: { start: { line: 2, column: 1 } } }),
  },
  {
    name: 'two YAML documents in one file',
    breakIt: writeIntro('id: intro\ntitle: Introduction\ndescription: What the program is about.\n---\nid: other\n'),
    code: 'yaml_multiple_documents',
    file: intro,
    at: { line: 4, column: 1 },
  },
  {
    name: 'a binary file',
    breakIt: writeIntro(Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')),
    code: 'file_not_utf8',
    file: intro,
    at: 'file',
  },
];

describe('broken input gets a located diagnostic and exit code 1', () => {
  for (const c of cases) {
    it.concurrent(c.name, async () => {
      const copy = await copyProgram(minimalProgram);
      try {
        await c.breakIt(copy.dir);
        // A capped heap turns an alias expansion or a runaway parse into a crash, and the timeout turns a hang into a failure.
        const run = await runCli(['check', copy.dir, '--format', 'json'], { maxHeapMb: 192, timeoutMs: 90_000 });
        expect(run.signal, `killed after ${Math.round(run.milliseconds)} ms`).toBeNull();
        expect(run.stderr).not.toMatch(stackTracePattern);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(1);
        const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
        const found = diagnostics.filter((d) => d.code === c.code);
        expect(found, JSON.stringify(diagnostics, null, 2)).toHaveLength(1);
        const d = found[0]!;
        expect(d.severity).toBe('error');
        expect(d.file).toBe(path.join(copy.dir, c.file));
        if (c.at === 'file') {
          expect(d.range).toBeUndefined();
        } else {
          expect(d.range?.start).toMatchObject({ line: c.at.line, column: c.at.column });
          if (c.at.endColumn !== undefined) expect(d.range?.end).toMatchObject({ line: c.at.line, column: c.at.endColumn });
        }
        c.extra?.(d);
      } finally {
        await copy.cleanup();
      }
    });
  }
});

describe('large input that is legal', () => {
  it('a program of 1500 modules and a 3 MB question bank checks in reasonable time', async () => {
    const copy = await copyProgram(minimalProgram);
    try {
      const ids = Array.from({ length: 1500 }, (_, i) => `module-${i + 1}`);
      await Promise.all(
        ids.map((id, i) =>
          writeFile(
            path.join(copy.dir, 'modules', `${id}.yaml`),
            `id: ${id}\ntitle: Module ${i + 1}\ndescription: Module number ${i + 1} of a large program.\n${i === 0 ? 'assessment:\n  bank: big-bank\n  questions: 20\n  pass: { minScore: 60 }\n' : ''}`,
          ),
        ),
      );
      await writeFile(path.join(copy.dir, 'schedule.yaml'), `weeks:\n  - week: 1\n    starts: 2024-03-04\n    modules: [intro, ${ids.join(', ')}]\n`);
      await mkdir(path.join(copy.dir, 'assessments'));
      const questions = Array.from(
        { length: 7500 },
        (_, i) =>
          `  - id: q${i + 1}\n    type: single\n    prompt: Question ${i + 1} asks which of these statements about resilient cities is right.\n    options:\n` +
          `      - { id: a, text: The first option (the right one), correct: true }\n      - { id: b, text: The second option (a wrong one) }\n` +
          `      - { id: c, text: The third option (also wrong) }\n    feedback: { incorrect: The first option is right because it says so. }\n`,
      ).join('');
      const bank = `id: big-bank\ntitle: A large question bank\nquestions:\n${questions}`;
      expect(Buffer.byteLength(bank)).toBeGreaterThan(2_500_000);
      expect(Buffer.byteLength(bank)).toBeLessThan(MAX_SOURCE_BYTES);
      await writeFile(path.join(copy.dir, 'assessments', 'big-bank.yaml'), bank);

      // CPU time of this process, which the load of other processes on the machine does not inflate.
      const cpu = process.cpuUsage();
      const result = await check(copy.dir);
      const cpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu));
      expect(result.diagnostics).toEqual([]);
      expect(result.curricula[0]?.modules).toHaveLength(1501);
      expect(result.curricula[0]?.questionBanks[0]?.questions).toHaveLength(7500);
      // About 3 s of CPU on the development machine; the bound leaves room for slow CI hardware.
      expect(cpuMs).toBeLessThan(20_000);

      const run = await runCli(['check', copy.dir, '--format', 'json'], { maxHeapMb: 512, timeoutMs: 100_000 });
      expect(run.signal).toBeNull();
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual({ diagnostics: [], summary: { errors: 0, warnings: 0, accepted: 0 } });
      expect(run.code).toBe(0);
    } finally {
      await copy.cleanup();
    }
  });
});

describe('a failed build leaves the previous output as it was', () => {
  let root = '';
  let source = '';
  let out = '';
  beforeAll(async () => {
    const copy = await copyProgram('curriculum', 'curriculum');
    root = copy.root;
    source = copy.dir;
    out = path.join(root, 'dist');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('builds, then refuses a broken source without touching a byte of the output', async () => {
    const first = await build({ input: source, outDir: out, site: false });
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(first.written).toBe(true);
    const before = await snapshot(out);
    expect(Object.keys(before)).toContain('crisis-scro/curriculum.json');
    expect(Object.keys(before).length).toBe(first.files);

    const broken = path.join(source, 'crisis-scro', 'modules', 'crisis-management.yaml');
    const text = await readFile(broken, 'utf8');
    expect(text).toContain('competences: [crisis-management]');
    await writeFile(broken, text.replace('competences: [crisis-management]', 'competences: [crisis-managment]'));
    const second = await build({ input: source, outDir: out, site: false });
    expect(second.written).toBe(false);
    expect(second.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['reference_unknown']);

    expect(await snapshot(out)).toEqual(before);
    // No staging folder is left beside the output either.
    expect((await readdir(root)).sort()).toEqual(['curriculum', 'dist']);
  });

  it('the CLI exits 1 on the broken build and writes nothing', async () => {
    const before = await snapshot(out);
    const run = await runCli(['build', source, '--out', out, '--no-site', '--format', 'line']);
    expect(run.stderr).not.toMatch(stackTracePattern);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('Built ');
    expect(await snapshot(out)).toEqual(before);
  });
});

describe('a build into a folder that holds an earlier output', () => {
  let root = '';
  let source = '';
  beforeAll(async () => {
    const copy = await copyProgram('curriculum', 'curriculum');
    root = copy.root;
    source = copy.dir;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** The names in `root` once no replaced folder is left, or what is still there after 60 s. */
  async function settled(): Promise<string[]> {
    for (let waited = 0; ; waited += 100) {
      const names = (await readdir(root)).sort();
      if (!names.some((n) => n.includes('.replaced-')) || waited >= 60_000) return names;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('replaces it whole, and the earlier output is removed once the command has ended', async () => {
    const out = path.join(root, 'dist');
    const first = await runCli(['build', source, '--out', out, '--no-site', '--format', 'line']);
    expect(first.code).toBe(0);
    // A file the next build does not write: the output is the new build's, not the two merged.
    await writeFile(path.join(out, 'left-from-before.txt'), 'old');
    const second = await runCli(['build', source, '--out', out, '--no-site', '--format', 'line']);
    expect(second.code).toBe(0);
    const files = Object.keys(await snapshot(out));
    expect(files).not.toContain('left-from-before.txt');
    expect(files).toContain('crisis-scro/curriculum.json');
    // The process that removes the earlier output outlives the command.
    expect(await settled()).toEqual(['curriculum', 'dist']);
  });

  it('removes a replaced folder left long ago (its remover stopped), and leaves one a remover may still be at', async () => {
    const out = path.join(root, 'dist');
    const stale = path.join(root, `.dist.replaced-1-${Date.now() - 11 * 60_000}`);
    const recent = path.join(root, `.dist.replaced-1-${Date.now()}`);
    for (const dir of [stale, recent]) {
      await mkdir(path.join(dir, 'crisis-scro'), { recursive: true });
      await writeFile(path.join(dir, 'crisis-scro', 'index.html'), 'old');
    }
    const built = await build({ input: source, outDir: out, site: false });
    expect(built.written).toBe(true);
    await rm(recent, { recursive: true });
    expect(await settled()).toEqual(['curriculum', 'dist']);
    // The recent one was there until this test removed it: the build left it alone.
  });
});

/** Every file under `dir` with the SHA-256 of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file).split(path.sep).join('/')] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
