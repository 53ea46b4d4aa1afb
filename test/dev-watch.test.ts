/**
 * The dev server's watcher sees every save, whatever the editor does to the file. Each
 * style is followed by a plain in-place write, because the failure this guards against
 * is silent: after a file is replaced, a watch that followed the old file reports
 * nothing for every later save.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderProblems, rest, editedPrograms } from '../src/dev/problems.ts';
import { watchSources, type SourceWatcher } from '../src/dev/watch.ts';
import type { Diagnostic } from '../src/diagnostics/diagnostic.ts';

let dir: string;
let watcher: SourceWatcher | undefined;
let seen: string[] = [];

const file = () => path.join(dir, 'prog/modules/a.yaml');

/** Waits until `target` has been reported since the last reset, or fails after a while. */
async function reported(target: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!seen.includes(target)) {
    if (Date.now() > deadline) throw new Error(`no change reported for ${target}; saw ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Lets the events of the previous step drain, then starts counting afresh. */
async function reset(): Promise<void> {
  await new Promise((r) => setTimeout(r, 250));
  seen = [];
}

async function saveInPlaceAndExpect(text: string): Promise<void> {
  await reset();
  await writeFile(file(), text);
  await reported(file());
}

describe('the dev watcher', () => {
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'curriculum-watch-'));
    await mkdir(path.join(dir, 'prog/modules'), { recursive: true });
    await writeFile(file(), 'title: one\n');
    seen = [];
    watcher = await watchSources(dir, (p) => seen.push(p));
  });

  afterEach(async () => {
    await watcher?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sees in-place writes, again and again', async () => {
    await saveInPlaceAndExpect('title: two\n');
    await saveInPlaceAndExpect('title: three\n');
  });

  it('sees a write to a temporary file renamed over the file, and the saves after it', async () => {
    await reset();
    await writeFile(`${file()}.tmp~`, 'title: renamed\n');
    await rename(`${file()}.tmp~`, file());
    await reported(file());
    await saveInPlaceAndExpect('title: after rename\n');
    // A second replace: the watch must be re-armed every time, not once.
    await reset();
    await writeFile(path.join(dir, 'prog/modules/.a.yaml.swp'), 'title: renamed again\n');
    await rename(path.join(dir, 'prog/modules/.a.yaml.swp'), file());
    await reported(file());
    await saveInPlaceAndExpect('title: after second rename\n');
  });

  it('sees a delete and re-create, and the saves after it', async () => {
    await reset();
    await unlink(file());
    await writeFile(file(), 'title: recreated\n');
    await reported(file());
    await saveInPlaceAndExpect('title: after recreate\n');
  });

  it('sees a delete, then a re-create well after it', async () => {
    await reset();
    await unlink(file());
    await reported(file());
    await reset();
    await writeFile(file(), 'title: back\n');
    await reported(file());
    await saveInPlaceAndExpect('title: after coming back\n');
  });

  it('sees the last of a burst of saves, reporting the file after its last write', async () => {
    await watcher?.close();
    // What the file held each time it was reported: the last report must come after the last write.
    const contents: string[] = [];
    watcher = await watchSources(dir, (p) => {
      if (p === file()) contents.push(readFileSync(p, 'utf8'));
    });
    // chokidar drops a change that follows a reported one within 50 ms: a second save 20 ms
    // after the first is the case that goes unseen without a second look.
    await writeFile(file(), 'title: burst 0\n');
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(file(), 'title: burst 1\n');
    const deadline = Date.now() + 5_000;
    while (contents.at(-1) !== 'title: burst 1\n') {
      if (Date.now() > deadline) throw new Error(`the last save of the burst was not reported; reported contents: ${JSON.stringify(contents)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  });

  it('sees files that a branch switch changes, adds and removes, and later saves of them', async () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'pipe' });
    await watcher?.close();
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    git('checkout', '-q', '-b', 'other');
    await writeFile(file(), 'title: on the other branch\n');
    await mkdir(path.join(dir, 'prog/extra'));
    await writeFile(path.join(dir, 'prog/extra/b.md'), '# New\n');
    git('add', '.');
    git('commit', '-q', '-m', 'two');
    git('checkout', '-q', 'main');
    watcher = await watchSources(dir, (p) => seen.push(p));

    await reset();
    git('checkout', '-q', 'other');
    await reported(file());
    await reported(path.join(dir, 'prog/extra/b.md'));
    await saveInPlaceAndExpect('title: edited on other\n');

    await reset();
    git('checkout', '-q', '-f', 'main');
    await reported(file());
    await saveInPlaceAndExpect('title: edited on main\n');

    // `git checkout -- file` replaces just that file.
    await reset();
    git('checkout', '-q', '--', 'prog/modules/a.yaml');
    await reported(file());
    await saveInPlaceAndExpect('title: edited after restore\n');
  });

  it('ignores what is not a source file, and what is under .git', async () => {
    await reset();
    // An editor's swap file and the probe file vim writes to test a folder.
    await writeFile(path.join(dir, 'prog/modules/.a.yaml.swp'), 'x');
    await writeFile(path.join(dir, 'prog/modules/4913'), 'x');
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, '.git/config.yaml'), 'x');
    await writeFile(file(), 'title: marker\n');
    await reported(file());
    expect(seen.filter((p) => p !== file())).toEqual([]);
  });
});

function diag(file: string, severity: 'error' | 'warning', message: string): Diagnostic {
  return { code: 'yaml_syntax', severity, message, file, related: [], url: '' } as Diagnostic;
}

describe('the order of problems under dev', () => {
  const cwd = process.cwd();
  const a = path.join(cwd, 'cur/a');
  const b = path.join(cwd, 'cur/b');
  // The compiler's order: errors first, then by file.
  const all = [diag('cur/b/x.yaml', 'error', 'b error'), diag('cur/a/x.yaml', 'warning', 'a warning 1'), diag('cur/a/y.yaml', 'warning', 'a warning 2'), diag('cur/b/y.yaml', 'warning', 'b warning'), diag('cur/a/z.yaml', 'error', 'a error')];

  it("puts the edited program's problems first, errors before warnings, then the rest, errors before warnings", () => {
    const { ordered, edited } = orderProblems(all, [a]);
    expect(ordered.map((d) => d.message)).toEqual(['a error', 'a warning 1', 'a warning 2', 'b error', 'b warning']);
    expect(edited).toBe(3);
  });

  it('keeps errors first when nothing was edited yet', () => {
    expect(orderProblems(all, []).ordered.map((d) => d.message)).toEqual(['b error', 'a error', 'a warning 1', 'a warning 2', 'b warning']);
  });

  it('counts the problems past the limit by severity', () => {
    const { ordered } = orderProblems(all, [b]);
    expect(rest(ordered, 2)).toEqual({ errors: 1, warnings: 2, accepted: 0 });
    expect(rest(ordered, 5)).toEqual({ errors: 0, warnings: 0, accepted: 0 });
  });

  it('finds the programs that hold the changed paths, not one whose name merely starts the same', () => {
    const dirs = new Map([
      ['a', a],
      ['ab', `${a}b`],
      ['b', b],
    ]);
    expect(editedPrograms([path.join(a, 'modules/m.yaml')], dirs)).toEqual([a]);
    expect(editedPrograms([path.join(`${a}b`, 'x.md'), path.join(cwd, 'elsewhere.yaml')], dirs)).toEqual([`${a}b`]);
  });
});
