/**
 * Keeps the memos of one thread (util/memo.ts) on disk between builds: the Markdown each
 * text renders to, the compressed bytes of each package file, each source file's check.
 * The file is written whole under a temporary name and renamed, so that a build stopped
 * half-way leaves the previous file. It carries the compiler's fingerprint, and a file
 * written by another compiler (another version, another dependency, another Node) is
 * not read: every entry of a memo is the result of a pure function of its key *and the
 * compiler*, and only the key is in the entry.
 *
 * A damaged or unreadable file costs the next build time, never a wrong result.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { installMemos, Memo } from '../util/memo.ts';
import { compilerFingerprint, defaultCacheDir } from './index.ts';

interface StoredMemos {
  readonly fingerprint: string;
  readonly memos: Record<string, Map<string, unknown>>;
}

export class MemoStore {
  readonly file: string;
  readonly #memos: Map<string, Memo<unknown>>;

  private constructor(file: string, memos: Map<string, Memo<unknown>>) {
    this.file = file;
    this.#memos = memos;
  }

  /**
   * Reads the store `role` (one per thread that writes one: two threads never share a
   * file) and installs its memos, `names`, in this thread.
   */
  static async open(role: string, names: readonly string[], dir: string = defaultCacheDir()): Promise<MemoStore> {
    const file = path.join(dir, `memo-${role}.bin`);
    let stored: StoredMemos | undefined;
    try {
      const read = deserialize(await readFile(file)) as StoredMemos;
      if (read.fingerprint === compilerFingerprint()) stored = read;
    } catch {
      stored = undefined;
    }
    const memos = new Map(names.map((name) => [name, new Memo<unknown>(stored?.memos[name] instanceof Map ? stored.memos[name] : new Map())]));
    installMemos(memos);
    return new MemoStore(file, memos);
  }

  /** Writes the entries to keep (Memo.toKeep) and uninstalls the memos; returns each memo's hits and misses. */
  async close(): Promise<Record<string, { hits: number; misses: number }>> {
    installMemos(undefined);
    const stats = Object.fromEntries([...this.#memos].map(([name, memo]) => [name, { ...memo.stats }]));
    const stored: StoredMemos = { fingerprint: compilerFingerprint(), memos: Object.fromEntries([...this.#memos].map(([name, memo]) => [name, memo.toKeep()])) };
    const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(temporary, serialize(stored));
      await rename(temporary, this.file);
    } catch {
      await rm(temporary, { force: true });
    }
    return stats;
  }
}
