/**
 * Keeps the memos of one thread (util/memo.ts) on disk between builds: each source
 * file's check, the HTML of each Markdown text, the compressed bytes of each package file.
 *
 * Each memo is a file of its own, written whole under a temporary name and renamed, so
 * that a build stopped half-way leaves the previous file. It is written in chunks, so
 * that a 10 000-module program's memo never sits in memory twice, and as soon as the
 * work that fills it is done (`save`), so that it does not stay in memory while the rest
 * of the build runs. It carries the compiler's fingerprint, and a file written by
 * another compiler (another version, another dependency, another Node) is not read:
 * every entry is the result of a pure function of its key *and the compiler*, and only
 * the key is in the entry.
 *
 * A damaged or unreadable file costs the next build time, never a wrong result.
 */
import { open, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { installMemos, Memo } from '../util/memo.ts';
import { compilerFingerprint, defaultCacheDir } from './index.ts';

/** Entries per chunk of a memo's file. */
const CHUNK = 1000;

export interface MemoStats {
  readonly hits: number;
  readonly misses: number;
}

export class MemoStore {
  readonly #files: ReadonlyMap<string, string>;
  /** The memos not saved yet; the registry installed in this thread is this map. */
  readonly #memos: Map<string, Memo<unknown>>;
  readonly #stats: Record<string, MemoStats> = {};

  private constructor(files: ReadonlyMap<string, string>, memos: Map<string, Memo<unknown>>) {
    this.#files = files;
    this.#memos = memos;
  }

  /**
   * Reads the memos `names` of `role` (one role per thread that keeps memos: two threads
   * never write one file) and installs them in this thread.
   */
  static async open(role: string, names: readonly string[], dir: string = defaultCacheDir()): Promise<MemoStore> {
    const files = new Map(names.map((name) => [name, path.join(dir, `memo-${role}-${name}.bin`)]));
    const memos = new Map(await Promise.all(names.map(async (name) => [name, new Memo<unknown>(await readEntries(files.get(name)!))] as const)));
    installMemos(memos);
    return new MemoStore(files, memos);
  }

  /** Writes the memo `name` (its entries to keep, Memo.toKeep) and lets it go: from here on this thread computes without it. */
  async save(name: string): Promise<void> {
    const memo = this.#memos.get(name);
    if (!memo) return;
    this.#memos.delete(name);
    this.#stats[name] = { ...memo.stats };
    await writeEntries(this.#files.get(name)!, memo.toKeep());
  }

  /** Saves the memos not saved yet and uninstalls them; returns each memo's hits and misses. */
  async close(): Promise<Record<string, MemoStats>> {
    for (const name of [...this.#memos.keys()]) await this.save(name);
    installMemos(undefined);
    return this.#stats;
  }
}

async function readEntries(file: string): Promise<Map<string, unknown>> {
  const entries = new Map<string, unknown>();
  try {
    const bytes = await readFile(file);
    let offset = 0;
    const next = (): unknown => {
      const length = bytes.readUInt32LE(offset);
      const value = deserialize(bytes.subarray(offset + 4, offset + 4 + length));
      offset += 4 + length;
      return value;
    };
    if (next() !== compilerFingerprint()) return entries;
    while (offset < bytes.length) for (const [key, value] of next() as [string, unknown][]) entries.set(key, value);
  } catch {
    entries.clear();
  }
  return entries;
}

async function writeEntries(file: string, entries: ReadonlyMap<string, unknown>): Promise<void> {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(temporary, 'w');
    try {
      const write = async (value: unknown) => {
        const body = serialize(value);
        const length = Buffer.alloc(4);
        length.writeUInt32LE(body.length);
        await handle.write(length);
        await handle.write(body);
      };
      await write(compilerFingerprint());
      const all = [...entries];
      for (let i = 0; i < all.length; i += CHUNK) await write(all.slice(i, i + CHUNK));
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch {
    // Not kept (a cache folder that cannot be written): the next build computes again.
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
