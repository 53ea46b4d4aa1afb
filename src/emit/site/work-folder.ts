/**
 * A private folder for one site build: the data the pages read, the MDX contents, and
 * Astro's own output and cache.
 *
 * It lives under the package's `node_modules/.cache/`, not in the system's temporary
 * folder, for two reasons found in Astro 7: its prerender bundle is written to
 * `<outDir>/.prerender/` and imported from there, so `node_modules` (astro, the MDX
 * runtime) must be reachable from it; and Astro uses `<outDir>/.prerender/` only when
 * `outDir` is inside the working directory, otherwise one shared `<cwd>/.astro/.prerender/`
 * that two builds at once would overwrite. A folder of its own per build keeps builds
 * (tests, the benchmark, a dev server) apart and never touches the staging folder.
 *
 * The folder's name is one of a few fixed ones, claimed for the build, rather than a new
 * random one each time. Node's compile cache (enabled by bin/curriculum.js) keeps each
 * module it loads under the module's path: Astro's prerender bundle, 33 modules loaded
 * from this folder, then went into the cache under new paths at every build and was never
 * read again (about 600 KB a build, with no end: 35 000 files in the cache of the machine
 * that ran the benchmark). With a fixed path the bundle is read back from the cache; an
 * entry is written again in place when its module's bytes change (the prerender entry's
 * do at every build), and added only when a module's name changes (the site's sources,
 * Astro).
 */
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { processIsAlive } from '../../util/process-alive.ts';

/** The package root: the folder with astro.config.mjs, site/ and node_modules/. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface WorkFolder {
  readonly root: string;
  readonly dataFile: string;
  readonly mdxIndexFile: string;
  readonly mdxDir: string;
  /** Where Astro writes the pages; moved into the staging folder afterwards. */
  readonly outDir: string;
  readonly cacheDir: string;
  remove(): Promise<void>;
}

/** How many fixed folders builds at once may claim; past them, a build takes a random one. */
const FIXED_FOLDERS = 4;
/** The file in a claimed folder that names the process holding it. */
const ownerFile = 'owner';
/** A folder with no owner file yet is being claimed, unless it is older than this: its claimer died between the two steps. */
const CLAIM_GRACE_MS = 60_000;
/**
 * The fixed folders this thread has built in. Node keeps a thread's modules by their URL:
 * a second build here from the same folder would import the first build's prerender
 * bundle, already evaluated, with its data and hooks (found by the page cache's tests).
 * So a thread uses each fixed folder once; a long-lived process (tests, a program that
 * builds again and again) then goes on with random ones, whose modules it would never
 * have read from the compile cache anyway.
 */
const usedInThisThread = new Set<string>();

/** Where the work folders are: Astro's prerender bundle must reach `node_modules` from there (see above). */
const workFoldersParent = path.join(packageRoot, 'node_modules', '.cache', 'curriculum-site');

export async function createWorkFolder(parent: string = workFoldersParent): Promise<WorkFolder> {
  await mkdir(parent, { recursive: true });
  const root = (await claimFixedFolder(parent)) ?? (await mkdtemp(path.join(parent, 'build-')));
  const folder: WorkFolder = {
    root,
    dataFile: path.join(root, 'site-data.json'),
    mdxIndexFile: path.join(root, 'mdx-index.json'),
    mdxDir: path.join(root, 'mdx'),
    outDir: path.join(root, 'out'),
    cacheDir: path.join(root, 'cache'),
    remove: () => rm(root, { recursive: true, force: true }),
  };
  await mkdir(folder.mdxDir);
  return folder;
}

/**
 * Claims `work-0`, `work-1`, … for this build: the first that this thread has not built
 * in and that does not exist, or whose owner has ended (a build that was killed). The
 * claim is `mkdir`, which only one process can win. Undefined when every fixed folder is
 * held: the caller takes a random one.
 */
async function claimFixedFolder(parent: string): Promise<string | undefined> {
  for (let i = 0; i < FIXED_FOLDERS; i++) {
    const folder = path.join(parent, `work-${i}`);
    if (usedInThisThread.has(folder)) continue;
    if (!(await claim(folder)) && !(await takeOverIfAbandoned(folder))) continue;
    usedInThisThread.add(folder);
    try {
      await writeFile(path.join(folder, ownerFile), String(process.pid));
      return folder;
    } catch {
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
      return undefined;
    }
  }
  return undefined;
}

async function claim(folder: string): Promise<boolean> {
  try {
    await mkdir(folder);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** What says who holds `folder`: its owner's process id, or, before the owner is named, the folder's age. */
type Holder = { readonly pid: number } | { readonly unnamedSince: number };

async function holderOf(folder: string): Promise<Holder | undefined> {
  const owner = await readFile(path.join(folder, ownerFile), 'utf8').catch(() => undefined);
  if (owner !== undefined) return { pid: Number(owner) };
  const since = await stat(folder).then((s) => s.mtimeMs, () => undefined);
  return since === undefined ? undefined : { unnamedSince: since };
}

/** Whether the holder has ended. An owner that cannot be asked counts as alive: its folder is only skipped. */
function ended(holder: Holder): boolean {
  if ('unnamedSince' in holder) return Date.now() - holder.unnamedSince > CLAIM_GRACE_MS;
  if (!Number.isSafeInteger(holder.pid) || holder.pid <= 0) return false;
  return !processIsAlive(holder.pid);
}

/**
 * Takes a killed build's folder: moves it aside (a rename, which one process wins) and
 * claims the name again. Another process may have taken it over between the look and the
 * move; the folder moved aside then has another holder, and is put back.
 */
async function takeOverIfAbandoned(folder: string): Promise<boolean> {
  const seen = await holderOf(folder);
  if (seen === undefined || !ended(seen)) return false;
  const aside = `${folder}.abandoned-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await rename(folder, aside);
  } catch {
    return false;
  }
  if (JSON.stringify(await holderOf(aside)) !== JSON.stringify(seen)) {
    await rename(aside, folder).catch(() => undefined);
    return false;
  }
  await rm(aside, { recursive: true, force: true });
  return claim(folder);
}

/** Whether Astro will keep this build's prerender bundle inside its own folder (see above). */
export function insideWorkingDirectory(folder: string): boolean {
  const relative = path.relative(process.cwd(), folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Runs `work` with a working directory that contains `folder`: when the compiler is run
 * from elsewhere, it moves to the package root for the duration (site builds in one
 * process are serialized, and the other stages are done by then), and moves back.
 */
export async function withWorkingDirectoryAbove<T>(folder: string, work: () => Promise<T>): Promise<T> {
  if (insideWorkingDirectory(folder)) return work();
  if (!isMainThread) {
    throw new Error(`The site can only be built from a working directory that contains ${packageRoot} when run in a worker thread.`);
  }
  const previous = process.cwd();
  process.chdir(packageRoot);
  try {
    return await work();
  } finally {
    process.chdir(previous);
  }
}
