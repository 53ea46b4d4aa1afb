/**
 * The CLI as a user meets it: `node bin/curriculum.js` in a child process, its exit codes
 * (0 clean or warnings, 1 errors or warnings with --strict, 2 misuse), its output formats,
 * and never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, diagnosticCodes } from '../src/diagnostics/catalogue.ts';
import type { Diagnostic, DiagnosticSummary } from '../src/diagnostics/diagnostic.ts';
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { cliPath, copyProgram, minimalProgram, runCli, stackTracePattern, type CliRun } from './support/cli.ts';
import { listSamples, repoRoot } from './support/samples.ts';

const clean = (run: CliRun) => {
  expect(run.signal, 'the CLI was killed').toBeNull();
  expect(run.stderr).not.toMatch(stackTracePattern);
};

/** A sample with one error in each of three files. */
async function threeErrors(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const copy = await copyProgram(minimalProgram);
  await writeFile(path.join(copy.dir, 'modules/intro.yaml'), 'id: intro\ntitle: Introduction\ndescription: What the program is about.\ncompetences: [data-literacy]\n');
  await writeFile(path.join(copy.dir, 'schedule.yaml'), 'weeks:\n  - week: 1\n    starts: 2024-02-30\n    modules: [intro]\n');
  await writeFile(path.join(copy.dir, 'policy.yaml'), 'certificate:\n  title: Certificate of Completion\n  requires:\n    modules: al\n');
  return copy;
}

describe('exit codes', () => {
  it.concurrent('0 on the bundled curriculum, whose seven warnings are shown as accepted', async () => {
    const run = await runCli(['check', 'curriculum']);
    clean(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 programs checked: 0 errors, 0 warnings, 7 accepted');
    expect(run.stdout).toContain('warning[week_start_irregular] (accepted)');
    expect(run.stdout).toContain('= accepted: The schedule gives week 3 "03/04/2023" and week 4 "17/04/2023"');
    expect(run.stderr).toBe('');
  });

  it.concurrent("0 on the README's CI job, run as written: the bundled programs' warnings are accepted", async () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const command = /- run: npm run curriculum -- (check .*--strict)\n/.exec(readme)?.[1];
    expect(command, 'the CI job checks with --strict').toBeDefined();
    const run = await runCli(command!.split(' '));
    clean(run);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(7);
  });

  it.concurrent('1 with --strict on a warning that is not accepted, and 0 once it is', async () => {
    const copy = await copyProgram('curriculum/crisis-scro');
    try {
      const acceptances = path.join(copy.dir, 'accepted-warnings.yaml');
      const written = readFileSync(acceptances, 'utf8');
      expect((await runCli(['check', copy.dir, '--strict'])).code).toBe(0);
      // Without the acceptance of week 7, its warning counts again.
      const [kept] = written.split('  - code: week_start_irregular\n    file: schedule.yaml\n    value: 2023-05-08');
      await writeFile(acceptances, kept!);
      const run = await runCli(['check', copy.dir, '--strict']);
      clean(run);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('1 program checked: 0 errors, 1 warning, 3 accepted');
      expect(run.stdout).toMatch(/^warning\[week_start_irregular\]: Week 7 starts on 2023-05-08/m);
    } finally {
      await copy.cleanup();
    }
  });

  it.concurrent('0 on a clean program, even with --strict', async () => {
    const run = await runCli(['check', minimalProgram, '--strict']);
    clean(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('1 program checked: 0 errors, 0 warnings\n');
  });

  it.concurrent('1 on errors, with the count at the end', async () => {
    const run = await runCli(['check', 'test/samples/diagnostics/reference_unknown/invalid-competence']);
    clean(run);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error[reference_unknown]: Unknown competence `data-literacy-2`');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 error, 0 warnings');
  });

  it.concurrent('2 when the folder does not exist (a mistake in the command), with the folder meant', async () => {
    const run = await runCli(['check', 'curriculum/crisis-scr']);
    clean(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No such folder `curriculum/crisis-scr`; did you mean `curriculum/crisis-scro`?');
  });

  it.concurrent('0 and nothing on stderr when the reader closes the pipe early (`check | head`)', async () => {
    // Whether a write meets the closed pipe depends on timing; the error it raises is sent here
    // directly, as Node sends it to the CLI's stdout when the reader has gone.
    const script = [
      "const { main } = await import('./src/cli/main.ts');",
      "const running = main(['check', 'curriculum']);",
      "process.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' }));",
      'process.exitCode = await running;',
    ].join('\n');
    const child = spawn('node', ['--input-type=module', '-e', script], { cwd: repoRoot, env: { ...process.env, PATH: cliPath }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  const misuse: [string, string[], RegExp][] = [
    ['an unknown command', ['frobnicate'], /Unknown command `frobnicate`/],
    ['a misspelt command', ['chek'], /Unknown command `chek`.*did you mean `check`\?/],
    ['an unknown flag', ['check', '--frobnicate'], /Unknown option '--frobnicate'/],
    ['a misspelt flag', ['check', '--strcit'], /Unknown option '--strcit'.*did you mean `--strict`\?/],
    ['a bad --format', ['check', '--format', 'xml'], /Unknown format `xml`; use one of pretty, line, json, github/],
    ['--format without a value', ['check', '--format'], /argument missing/],
    ['two folders', ['check', 'curriculum', 'curriculum'], /`check` takes one folder/],
    ['an unknown code to explain', ['explain', 'no_such_code'], /Unknown diagnostic code `no_such_code`/],
    ['a bad --site-url', ['check', '--site-url', 'example.org'], /--site-url must be an http\(s\) address/],
  ];
  for (const [what, args, message] of misuse) {
    it.concurrent(`2 on misuse: ${what}`, async () => {
      const run = await runCli(args);
      clean(run);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('Run `curriculum help` for usage.');
    });
  }
});

describe('run through npm (`npm run curriculum -- …`)', () => {
  // npm starts the script in the project root and passes the folder the designer typed the command in.
  const npm = (folder: string) => ({ env: { npm_lifecycle_event: 'curriculum', INIT_CWD: folder } });

  it.concurrent('works in the folder the command was typed in', async () => {
    const run = await runCli(['check', '--format', 'line'], npm(path.join(repoRoot, 'curriculum/crisis-scro')));
    clean(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('schedule.yaml:37:13  accepted  Week 4 starts');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 program checked: 0 errors, 0 warnings, 4 accepted');
  });

  it.concurrent('init creates the program there, and its next steps are commands that work', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'curriculum-npm-'));
    try {
      const run = await runCli(['init', 'programs/data-literacy', '--namespace', 'tag:data-literacy.example,2026:data-literacy'], npm(folder));
      clean(run);
      expect(run.code).toBe(0);
      expect(readFileSync(path.join(folder, 'programs/data-literacy/program.yaml'), 'utf8')).toContain('id: data-literacy');
      const next = [...run.stdout.matchAll(/^ {2}npm run curriculum -- (dev|build) (\S+) /gm)].map((m) => [m[1], m[2]]);
      expect(next).toEqual([
        ['dev', 'programs'],
        ['build', 'programs'],
      ]);
      // The folder they name is the one just made, seen from where the designer is.
      const checked = await runCli(['check', next[0]![1]!], npm(folder));
      expect(checked.code).toBe(0);
      expect(checked.stdout).toBe('1 program checked: 0 errors, 0 warnings\n');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('--format', () => {
  it.concurrent('line: file:line:col  severity  message  code, one problem per line', async () => {
    const run = await runCli(['check', 'curriculum', '--format', 'line']);
    clean(run);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('3 programs checked: 0 errors, 0 warnings, 7 accepted');
    const problems = lines.slice(0, -1);
    expect(problems).toHaveLength(7);
    for (const line of problems) expect(line).toMatch(/^curriculum\/[\w/.-]+\.yaml:\d+:\d+  accepted  \S.*  [a-z]+(?:_[a-z]+)+$/);
    expect(problems).toContain(
      'curriculum/crisis-scro/schedule.yaml:37:13  accepted  Week 4 starts on 2023-04-17, 14 days after Week 3 (2023-04-03); 7 days later than a weekly rhythm gives (2023-04-10)  week_start_irregular',
    );
  });

  it.concurrent('json: the diagnostics as data, with codes and positions, and nothing else on stdout', async () => {
    const run = await runCli(['check', 'curriculum', '--format', 'json']);
    clean(run);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { diagnostics: Diagnostic[]; summary: DiagnosticSummary };
    expect(parsed.summary).toEqual({ errors: 0, warnings: 0, accepted: 7 });
    expect(parsed.diagnostics).toHaveLength(7);
    for (const d of parsed.diagnostics) {
      expect(d.accepted).toMatchObject({ reason: expect.stringMatching(/\S/), file: expect.stringMatching(/^curriculum\/[\w-]+\/accepted-warnings\.yaml$/) });
      expect(diagnosticCodes).toContain(d.code);
      expect(d.severity).toBe(catalogue[d.code].severity);
      expect(d.file).toMatch(/^curriculum\//);
      expect(d.range?.start).toEqual({ line: expect.any(Number), column: expect.any(Number), offset: expect.any(Number) });
      expect(d.range!.end.offset).toBeGreaterThan(d.range!.start.offset);
    }
    const week4 = parsed.diagnostics.find((d) => d.code === 'week_start_irregular' && d.range?.start.line === 37)!;
    expect(week4).toMatchObject({ file: 'curriculum/crisis-scro/schedule.yaml', range: { start: { line: 37, column: 13 }, end: { line: 37, column: 23 } } });
    expect(week4.hint).toContain('breaks:');
  });

  it.concurrent('json: errors and misuse keep stdout parseable', async () => {
    const run = await runCli(['check', 'test/samples/diagnostics/period_reversed/invalid-period', '--format', 'json']);
    clean(run);
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout) as { diagnostics: Diagnostic[]; summary: DiagnosticSummary };
    expect(parsed.summary).toEqual({ errors: 1, warnings: 0, accepted: 0 });
    expect(parsed.diagnostics[0]!.related[0]).toMatchObject({ message: 'the start', range: { start: { line: 5, column: 13 } } });
    // The url names the code's entry in the generated catalogue, by the anchor of its heading.
    expect(parsed.diagnostics[0]!.url).toBe('docs/diagnostics.md#period_reversed');
    const [doc, anchor] = parsed.diagnostics[0]!.url.split('#') as [string, string];
    expect(readFileSync(path.join(repoRoot, doc), 'utf8').split('\n')).toContain(`## ${anchor}`);
  });

  describe('github', () => {
    // A folder whose name holds the characters that workflow-command properties must escape.
    const parent = path.join(tmpdir(), `curriculum-cli-${process.pid}`);
    const dir = path.join(parent, 'a,b:c 100%', 'invalid-policy-over-100');
    beforeAll(() => cp(path.join(repoRoot, 'test/samples/diagnostics/pass_mark_unreachable/invalid-policy-over-100'), dir, { recursive: true }));
    afterAll(() => rm(parent, { recursive: true, force: true }));

    it('writes one valid workflow command per problem', async () => {
      const run = await runCli(['check', 'curriculum', '--format', 'github']);
      clean(run);
      expect(run.code).toBe(0);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(7);
      // Accepted warnings stay visible on the pull request, as notices.
      for (const line of lines) {
        expect(line).toMatch(/^::notice file=curriculum\/[^,:%]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z_]+ \(accepted\)::[^\n]+%0AAccepted: [^\n]+$/);
      }
      expect(run.stdout).not.toContain('programs checked');
    });

    it('escapes % : and , in properties, and % and line breaks in the message', async () => {
      const run = await runCli(['check', dir, '--format', 'github']);
      clean(run);
      expect(run.code).toBe(1);
      const line = run.stdout.trimEnd();
      expect(line.split('\n')).toHaveLength(1);
      const match = /^::error (?<props>[^:]*)::(?<data>.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      const props = Object.fromEntries(match!.groups!.props!.split(',').map((p) => p.split('=') as [string, string]));
      expect(props.file).toContain('a%2Cb%3Ac 100%25');
      expect(unescapeProperty(props.file!)).toBe(path.join(dir, 'policy.yaml'));
      expect(props).toMatchObject({ line: '4', col: '15', endLine: '4', endColumn: '18', title: 'pass_mark_unreachable' });
      const data = match!.groups!.data!;
      expect(data).not.toMatch(/[\r\n]/);
      expect(data).toBe('A pass mark of 600 %25 can never be reached%0AThe pass mark is a percentage of the maximum score: write 60 for 60 %25 (or 60/100).');
      expect(unescapeData(data)).toBe('A pass mark of 600 % can never be reached\nThe pass mark is a percentage of the maximum score: write 60 for 60 % (or 60/100).');
    });
  });
});

describe('every problem is reported, not only the first', () => {
  it.concurrent('three errors in three files of one program', async () => {
    const copy = await threeErrors();
    try {
      const run = await runCli(['check', copy.dir, '--format', 'json']);
      clean(run);
      expect(run.code).toBe(1);
      const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
      expect(diagnostics.map((d) => [d.code, path.basename(d.file!)])).toEqual([
        ['reference_unknown', 'intro.yaml'],
        ['schema_value_invalid', 'policy.yaml'],
        ['date_invalid', 'schedule.yaml'],
      ]);
    } finally {
      await copy.cleanup();
    }
  });

  it.concurrent('every program of a folder of programs', async () => {
    // Each sample folder is a program, so a code's folder is a folder of programs.
    const run = await runCli(['check', 'test/samples/diagnostics/reference_unknown', '--format', 'json']);
    clean(run);
    expect(run.code).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    const programs = new Set(diagnostics.filter((d) => d.code === 'reference_unknown').map((d) => d.file!.split('/')[4]));
    const samples = listSamples().filter((s) => s.code === 'reference_unknown' && s.expectation === 'invalid');
    expect(samples.length).toBeGreaterThan(5);
    expect([...programs].sort()).toEqual(samples.map((s) => s.name).sort());
  });
});

describe('explain and help', () => {
  it.concurrent('explain <code> prints what, why and what to do', async () => {
    const run = await runCli(['explain', 'week_start_irregular']);
    clean(run);
    expect(run.code).toBe(0);
    const entry = catalogue.week_start_irregular;
    expect(run.stdout).toBe(`week_start_irregular (warning)\n\n${entry.title}\n\nWhy: ${entry.why}\n\nWhat to do: ${entry.fix}\n`);
  });

  it.concurrent('explain without a code lists every code once', async () => {
    const run = await runCli(['explain']);
    clean(run);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(diagnosticCodes);
    expect(lines.find((l) => l.startsWith('session_overlap '))).toMatch(/^session_overlap\s+error\s+Two live sessions overlap in time\.$/);
  });

  for (const args of [['help'], ['--help'], ['check', '--help'], []]) {
    it.concurrent(`${args.join(' ') || '(no arguments)'} prints the usage`, async () => {
      const run = await runCli(args);
      clean(run);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^curriculum — compile training programs written in YAML\n/);
      expect(run.stdout).toContain('curriculum check [dir]');
      expect(run.stdout).toContain('Exit codes: 0 no errors');
      expect(run.stderr).toBe('');
    });
  }

  it.concurrent('--version prints the version', async () => {
    const run = await runCli(['--version']);
    clean(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

function unescapeProperty(text: string): string {
  return text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}

function unescapeData(text: string): string {
  return text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}
