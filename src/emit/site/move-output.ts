/**
 * Moves the built site into the staging folder, where the other emitters' files already
 * are. Nothing there is deleted or replaced: a file the site would overwrite is an error
 * (two outputs claiming one path), found before anything is moved (`refuseClashes`).
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `folder`, as `/`-separated relative paths, sorted; dot-folders (Astro's leftovers) are skipped. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter(isSiteFile)
    .sort();
}

/** Whether a file of the built folder (a `/`-separated relative path) is the site's: not in a dot-folder, nor a dot-file. */
export function isSiteFile(file: string): boolean {
  return !file.split('/').some((segment) => segment.startsWith('.'));
}

/**
 * Moves `files` (paths in the site, as `listFiles` gives them) from `builtDir` into
 * `stagingDir`, where `refuseClashes` found none of them.
 */
export async function moveIntoStaging(builtDir: string, stagingDir: string, files: readonly string[]): Promise<void> {
  await inParallel([...new Set(files.map((f) => path.dirname(path.join(stagingDir, f))))], (folder) => mkdir(folder, { recursive: true }));
  await inParallel(files, (file) => place(path.join(builtDir, file), path.join(stagingDir, file)));
}

/**
 * Fails if any of `files` (paths in the site) is one another emitter wrote, or is in the
 * staging folder already: two outputs would claim one path.
 */
export async function refuseClashes(files: readonly string[], stagingDir: string, emitted: ReadonlySet<string>): Promise<void> {
  const clashes: string[] = [];
  await inParallel(files, async (file) => {
    if (emitted.has(file) || (await exists(path.join(stagingDir, file)))) clashes.push(file);
  });
  clashes.sort();
  if (clashes.length > 0) {
    throw new Error(`The site would overwrite files another emitter wrote: ${clashes.slice(0, 10).join(', ')}${clashes.length > 10 ? ` and ${clashes.length - 10} more` : ''}`);
  }
}

/**
 * A hard link where the two folders share a file system (as fast as a rename), a copy
 * where they do not. Neither replaces a file that appeared at the target since the check.
 */
async function place(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    await copyFile(source, target, constants.COPYFILE_EXCL);
  }
}

/** A bounded number of file operations at once: thousands in parallel exhaust file handles. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
