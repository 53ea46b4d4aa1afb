/**
 * The site stage's private work folder (src/emit/site/work-folder.ts): builds claim one of
 * a few fixed folders, so that Node's compile cache, which keeps modules by their path,
 * reads Astro's prerender bundle back at the next build instead of gaining a new copy at
 * each one.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkFolder } from '../src/emit/site/work-folder.ts';
import { copyProgram, minimalProgram, runCli } from './support/cli.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A parent of work folders of the test's own: the suite's site builds claim the real one's meanwhile. */
async function parentFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'curriculum-work-folders-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A process id that no running process has: a child that has ended. */
function endedPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

/** The folder another thread (as another process would) claims in `parent`, and removes. */
function claimElsewhere(parent: string): Promise<string> {
  const workFolderModule = pathToFileURL(path.resolve('src/emit/site/work-folder.ts')).href;
  return new Promise<string>((resolve, reject) => {
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       import(${JSON.stringify(workFolderModule)}).then(async ({ createWorkFolder }) => {
         const folder = await createWorkFolder(workerData);
         await folder.remove();
         parentPort.postMessage(folder.root);
       });`,
      { eval: true, workerData: parent },
    );
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('work folders', () => {
  it('gives builds at once different fixed folders, and never one folder twice to one thread', async () => {
    const parent = await parentFolder();
    const first = await createWorkFolder(parent);
    const second = await createWorkFolder(parent);
    expect([first.root, second.root]).toEqual([path.join(parent, 'work-0'), path.join(parent, 'work-1')]);
    await first.remove();
    // This thread imported work-0's bundle already, and Node would hand it the same modules again.
    const third = await createWorkFolder(parent);
    expect(third.root).toBe(path.join(parent, 'work-2'));
    await Promise.all([second.remove(), third.remove()]);
    expect(await readdir(parent)).toEqual([]);
    expect(await claimElsewhere(parent)).toBe(path.join(parent, 'work-0'));
  });

  it("takes over a folder whose owner has ended; leaves a live owner's folder, and one being claimed, alone", async () => {
    const parent = await parentFolder();
    const folder = (i: number) => path.join(parent, `work-${i}`);
    await mkdir(folder(0));
    await writeFile(path.join(folder(0), 'owner'), String(endedPid()));
    await writeFile(path.join(folder(0), 'left-over'), 'from a killed build');
    await mkdir(folder(1));
    await writeFile(path.join(folder(1), 'owner'), String(process.pid));
    // Made but not yet named by its claimer.
    await mkdir(folder(2));
    await mkdir(folder(3));
    await writeFile(path.join(folder(3), 'owner'), String(process.pid));

    const taken = await createWorkFolder(parent);
    expect(taken.root).toBe(folder(0));
    expect((await readdir(folder(0))).sort()).toEqual(['mdx', 'owner']);
    // Every fixed folder is held now: a random one, as before there were fixed ones.
    const random = await createWorkFolder(parent);
    expect(path.basename(random.root)).toMatch(/^build-/);
    expect(await readdir(folder(1))).toEqual(['owner']);
    expect(await readdir(folder(2))).toEqual([]);

    // Left without an owner for long: its claimer died before naming itself.
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(folder(2), old, old);
    const late = await createWorkFolder(parent);
    expect(late.root).toBe(folder(2));
    await Promise.all([taken.remove(), random.remove(), late.remove()]);
    expect((await readdir(parent)).sort()).toEqual(['work-1', 'work-3']);
  });
});

describe("Node's compile cache", () => {
  it('gains no module from a second build of the same sources', { timeout: 300_000 }, async () => {
    const program = await copyProgram(minimalProgram);
    cleanups.push(program.cleanup);
    const cacheDir = await parentFolder();
    // NODE_COMPILE_CACHE turns the cache on, in that folder, before bin/curriculum.js asks for it.
    const build = async () => {
      const run = await runCli(['build', program.root, '--out', path.join(program.root, 'dist'), '--no-cache'], { env: { NODE_COMPILE_CACHE: cacheDir } });
      expect(run.code, run.stderr).toBe(0);
    };
    const entries = async () => (await readdir(cacheDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    await build();
    const first = await entries();
    // Astro's modules are in it: with the cache off the comparison below would pass by itself.
    expect(first.length).toBeGreaterThan(1000);
    // Each try is a build after a build. A site build of another test file may hold the
    // fixed folder the last build used, and this one must then take another: so one try
    // of three must add nothing. With a new folder at every build, every try added about 35.
    const added: number[] = [];
    let before = first;
    for (let attempt = 0; attempt < 3 && added.at(-1) !== 0; attempt++) {
      await build();
      const after = await entries();
      added.push(after.filter((e) => !before.includes(e)).length);
      before = after;
    }
    expect(added).toContain(0);
  });
});
