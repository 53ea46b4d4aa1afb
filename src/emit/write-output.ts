import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from './types.ts';

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
    return new StagingFolder(absolute, staging);
  }

  async write(files: readonly OutputFile[]): Promise<void> {
    const folders = new Set(files.map((f) => path.dirname(this.resolve(f.path))));
    for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
    // A bounded number of writes at once: thousands in parallel exhaust file handles.
    const queue = [...files];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) await writeFile(this.resolve(file.path), file.contents);
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  }

  /** An output path inside the staging folder; refuses paths that would leave it. */
  resolve(relative: string): string {
    const normalized = path.posix.normalize(relative);
    if (normalized.startsWith('../') || normalized === '..' || path.posix.isAbsolute(normalized)) {
      throw new Error(`output path ${relative} leaves the output folder`);
    }
    return path.join(this.path, ...normalized.split('/'));
  }

  /** Replaces the output folder with the staged one. */
  async commit(): Promise<void> {
    const previous = `${this.path}-previous`;
    const hadOutput = await exists(this.outDir);
    if (hadOutput) await rename(this.outDir, previous);
    try {
      await rename(this.path, this.outDir);
    } catch (error) {
      if (hadOutput) await rename(previous, this.outDir);
      throw error;
    }
    this.#committed = true;
    if (hadOutput) await rm(previous, { recursive: true, force: true });
  }

  /** Removes the staging folder unless it was committed. */
  async discard(): Promise<void> {
    if (!this.#committed) await rm(this.path, { recursive: true, force: true });
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
