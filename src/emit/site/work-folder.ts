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
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

/** The package root: the folder with astro.config.mjs, site/ and node_modules/. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface WorkFolder {
  readonly root: string;
  readonly dataFile: string;
  readonly mdxIndexFile: string;
  readonly mdxDir: string;
  /** Where Astro writes the pages; moved into the staging folder afterwards. */
  readonly outDir: string;
  /** Where Pagefind writes the search index (as the site's `pagefind/`), apart from the pages, which are moved while it writes. */
  readonly searchDir: string;
  readonly cacheDir: string;
  remove(): Promise<void>;
}

export async function createWorkFolder(): Promise<WorkFolder> {
  const parent = path.join(packageRoot, 'node_modules', '.cache', 'curriculum-site');
  await mkdir(parent, { recursive: true });
  const root = await mkdtemp(path.join(parent, 'build-'));
  const folder: WorkFolder = {
    root,
    dataFile: path.join(root, 'site-data.json'),
    mdxIndexFile: path.join(root, 'mdx-index.json'),
    mdxDir: path.join(root, 'mdx'),
    outDir: path.join(root, 'out'),
    searchDir: path.join(root, 'search'),
    cacheDir: path.join(root, 'cache'),
    remove: () => rm(root, { recursive: true, force: true }),
  };
  await mkdir(folder.mdxDir);
  return folder;
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
