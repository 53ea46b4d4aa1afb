import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { removeDetached } from '../util/remove-detached.ts';
import type { OutputFile } from './types.ts';

/**
 * How long a replaced output folder may take to be removed (util/remove-detached.ts).
 * One still there after it is a remover's that was stopped (the machine shut down), and
 * the next build into that folder removes it.
 */
const REPLACED_FOLDER_GRACE_MS = 10 * 60_000;

/**
 * A staging folder beside the output folder. Everything is written there first; only a
 * complete build replaces the output folder, so a failed build leaves the previous
 * output exactly as it was.
 */
export class StagingFolder {
  readonly outDir: string;
  readonly path: string;
  #committed = false;

  private constructor(outDir: string, stagingPath: string) {
    this.outDir = outDir;
    this.path = stagingPath;
  }

  static async create(outDir: string): Promise<StagingFolder> {
    const absolute = path.resolve(outDir);
    const staging = path.join(path.dirname(absolute), `.${path.basename(absolute)}.staging-${process.pid}-${Date.now()}`);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    await removeStaleReplaced(absolute);
    return new StagingFolder(absolute, staging);
  }

  /** Writes files as they come: a generator's next file is made only when a writer is free. */
  async write(files: Iterable<OutputFile>): Promise<string[]> {
    return writeFiles(this.path, files);
  }

  /**
   * Replaces the output folder with the staged one. The folder it replaces is renamed
   * aside and removed by a process of its own, which may still be at it when this returns.
   */
  async commit(): Promise<void> {
    const previous = replacedName(this.outDir, Date.now());
    const hadOutput = await exists(this.outDir);
    if (hadOutput) await rename(this.outDir, previous);
    try {
      await rename(this.path, this.outDir);
    } catch (error) {
      if (hadOutput) await rename(previous, this.outDir);
      throw error;
    }
    this.#committed = true;
    if (hadOutput) await removeDetached(previous);
  }

  /** Removes the staging folder unless it was committed. */
  async discard(): Promise<void> {
    if (!this.#committed) await rm(this.path, { recursive: true, force: true });
  }
}

/** Where the output folder `outDir` is moved when a build replaces it: beside it, hidden, named by when. */
function replacedName(outDir: string, at: number): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.replaced-${process.pid}-${at}`);
}

/** Removes the folders that builds replaced `outDir` with and that are still there long after. */
async function removeStaleReplaced(outDir: string): Promise<void> {
  const prefix = `.${path.basename(outDir)}.replaced-`;
  const names = await readdir(path.dirname(outDir)).catch(() => []);
  for (const name of names) {
    const at = /^\d+-(\d+)$/.exec(name.slice(prefix.length));
    if (!name.startsWith(prefix) || !at || Date.now() - Number(at[1]) < REPLACED_FOLDER_GRACE_MS) continue;
    await removeDetached(path.join(path.dirname(outDir), name));
  }
}

/**
 * Writes `files` under `root` (the staging folder), a bounded number at a time, and
 * returns their paths in the order they came. Refuses a path that would leave `root`.
 */
export async function writeFiles(root: string, files: Iterable<OutputFile>): Promise<string[]> {
  const written: string[] = [];
  // One mkdir per folder, not per file: a large program has thousands of module folders.
  const made = new Map<string, Promise<unknown>>();
  const iterator = files[Symbol.iterator]();
  const writer = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const file = next.value;
      written.push(file.path);
      const target = inside(root, file.path);
      const folder = path.dirname(target);
      let making = made.get(folder);
      if (!making) made.set(folder, (making = mkdir(folder, { recursive: true })));
      await making;
      await writeFile(target, file.contents);
    }
  };
  // Thousands of writes at once would exhaust file handles; a few keep the disk busy.
  await Promise.all(Array.from({ length: 16 }, writer));
  return written;
}

/** An output path inside `root`; refuses paths that would leave it. */
function inside(root: string, relative: string): string {
  const normalized = path.posix.normalize(relative);
  if (normalized.startsWith('../') || normalized === '..' || path.posix.isAbsolute(normalized)) {
    throw new Error(`output path ${relative} leaves the output folder`);
  }
  return path.join(root, ...normalized.split('/'));
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
