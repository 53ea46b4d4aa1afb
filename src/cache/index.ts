/**
 * A content-addressed cache of outputs. An entry is the files one piece of work made
 * (one heavy emitter for one program, or the whole site), stored under the hash of
 * everything that piece read: its inputs and the compiler itself (every source file of
 * src/, site/ and schemas/, the locked dependencies and the Node version). A key that
 * leaves out something the output depends on would serve stale files, so the keys err
 * towards including too much.
 *
 * An entry is stored by hard links to the files the build just wrote (where the file
 * system allows), which costs no copy. Because a link shares the file with the output
 * folder, an entry records each file's size and modification time, and an entry whose
 * files changed since (someone edited the output in place) is dropped rather than
 * served. A hit is placed by a hard link too when the file it comes from is the one at
 * the same path in the output folder this build replaces (the last build's, stored from
 * it), and copied out otherwise (a reflink where the file system has them), so that two
 * output folders never share a file (`place`).
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: src/, site/, schemas/ and node_modules/ are below it. */
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the cache lives unless `CURRICULUM_CACHE_DIR` says otherwise: beside the other tools' caches. */
export function defaultCacheDir(): string {
  return process.env.CURRICULUM_CACHE_DIR ?? path.join(packageRoot, 'node_modules', '.cache', 'curriculum-outputs');
}

interface EntryFile {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** The file's own key, when the piece of work that made it can also be looked up file by file (`pieceIndex`). */
  readonly piece?: string;
}

interface Manifest {
  readonly files: readonly EntryFile[];
}

/** Where a file stored under its own key is: in which entry, at which path, as it was stored. */
export interface StoredPiece {
  readonly entry: string;
  readonly file: EntryFile;
}

const MANIFEST = 'manifest.json';
const FILES = 'files';

let fingerprint: string | undefined;

/**
 * The compiler itself, as a hash: any edit to its code, its pages, its schemas or its
 * dependencies gives every key a new value. Read once per process (a few hundred files).
 */
export function compilerFingerprint(): string {
  fingerprint ??= fingerprintOf(packageRoot);
  return fingerprint;
}

/** The hash of the compiler whose package root is `root` (see compilerFingerprint). */
export function fingerprintOf(root: string): string {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  const files = ['src', 'site', 'schemas'].flatMap((dir) => {
    try {
      return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name));
    } catch {
      return [];
    }
  });
  files.push(...['astro.config.mjs', 'package.json', 'package-lock.json'].map((f) => path.join(root, f)));
  for (const file of files.sort()) {
    let contents: Buffer;
    try {
      contents = readFileSync(file);
    } catch {
      continue;
    }
    hash.update(`${path.relative(root, file)}\0${contents.length}\0`).update(contents);
  }
  return hash.digest('hex');
}

/** A key from the parts a piece of work read (strings or bytes), with the compiler's fingerprint. */
export function cacheKey(kind: string, parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256').update(compilerFingerprint()).update(`\0${kind}\0`);
  for (const part of parts) hash.update(`${part.length}\0`).update(part);
  return hash.digest('hex');
}

/** The hash of every file under `folder` (names and contents), for inputs read from the sources by path; `ignore` lists relative paths left out. */
export async function folderHash(folder: string, ignore: ReadonlySet<string> = new Set()): Promise<string> {
  const hash = createHash('sha256');
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    return hash.update('missing').digest('hex');
  }
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !ignore.has(path.relative(folder, file).split(path.sep).join('/')))
    .sort();
  // Blocking reads: a program folder is thousands of small files (see readSourceSync).
  for (const file of files) hash.update(`${path.relative(folder, file)}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

export class OutputCache {
  readonly dir: string;

  constructor(dir: string = defaultCacheDir()) {
    this.dir = dir;
  }

  /**
   * Places the entry's files under `target` (each at its path, never replacing a file)
   * and returns their paths; `undefined` when there is no such entry, or it is damaged,
   * in which case nothing is left behind under `target`. `replacing` is the output folder
   * that `target` will replace (see `place`).
   */
  async restore(key: string, target: string, replacing?: string): Promise<string[] | undefined> {
    const entry = path.join(this.dir, key);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(await readFile(path.join(entry, MANIFEST), 'utf8')) as Manifest;
    } catch {
      return undefined;
    }
    const placed: string[] = [];
    // Blocking calls: each asynchronous one is a round trip through libuv's thread pool, and
    // a site is thousands of small files (see readSourceSync).
    const made = new Set<string>();
    try {
      for (const file of manifest.files) {
        const source = path.join(entry, FILES, ...file.path.split('/'));
        const seen = statSync(source);
        if (seen.size !== file.size || seen.mtimeMs !== file.mtimeMs) throw new Error(`changed since it was stored: ${file.path}`);
        const destination = path.join(target, ...file.path.split('/'));
        const folder = path.dirname(destination);
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        place(source, seen, destination, replacing && path.join(replacing, ...file.path.split('/')));
        placed.push(destination);
      }
    } catch {
      await Promise.all(placed.map((p) => unlink(p).catch(() => undefined)));
      await rm(entry, { recursive: true, force: true });
      return undefined;
    }
    return manifest.files.map((f) => f.path);
  }

  /** Whether the entry `key` is there (it may still fail to restore). */
  has(key: string): boolean {
    return existsSync(path.join(this.dir, key, MANIFEST));
  }

  /**
   * Every file stored with a key of its own (see `store`), by that key, from the entries
   * there are (the last build's). An entry that cannot be read is left out.
   */
  async pieceIndex(): Promise<Map<string, StoredPiece>> {
    const index = new Map<string, StoredPiece>();
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return index;
    }
    for (const entry of names.filter((n) => /^[0-9a-f]{64}$/.test(n)).sort()) {
      let manifest: Manifest;
      try {
        manifest = JSON.parse(await readFile(path.join(this.dir, entry, MANIFEST), 'utf8')) as Manifest;
      } catch {
        continue;
      }
      for (const file of manifest.files) if (file.piece) index.set(file.piece, { entry, file });
    }
    return index;
  }

  /**
   * Places one file of an entry (found by `pieceIndex`) at its path under `target` and
   * returns that path; `undefined` when it is gone or changed since it was stored (the
   * entry's other files may still serve). `replacing` as for `restore`.
   */
  restorePiece(piece: StoredPiece, target: string, replacing?: string): string | undefined {
    const source = path.join(this.dir, piece.entry, FILES, ...piece.file.path.split('/'));
    const destination = path.join(target, ...piece.file.path.split('/'));
    try {
      const seen = statSync(source);
      if (seen.size !== piece.file.size || seen.mtimeMs !== piece.file.mtimeMs) return undefined;
      mkdirSync(path.dirname(destination), { recursive: true });
      place(source, seen, destination, replacing && path.join(replacing, ...piece.file.path.split('/')));
    } catch {
      return undefined;
    }
    return piece.file.path;
  }

  /**
   * Stores `paths` (relative to `source`) as the entry `key`; a failure only costs the next
   * build time. `pieces` gives some of the files a key of their own, under which a later
   * build can take that file alone (`pieceIndex`, `restorePiece`) when the entry as a whole
   * no longer fits its inputs.
   */
  async store(key: string, source: string, paths: readonly string[], pieces?: ReadonlyMap<string, string>): Promise<void> {
    const entry = path.join(this.dir, key);
    const temporary = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      const files: EntryFile[] = [];
      const made = new Set<string>();
      // Blocking calls, as in restore.
      for (const relative of paths) {
        const destination = path.join(temporary, FILES, ...relative.split('/'));
        const folder = path.dirname(destination);
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        linkOrCopy(path.join(source, ...relative.split('/')), destination);
        const seen = statSync(destination);
        const piece = pieces?.get(relative);
        files.push({ path: relative, size: seen.size, mtimeMs: seen.mtimeMs, ...(piece ? { piece } : {}) });
      }
      await writeFile(path.join(temporary, MANIFEST), JSON.stringify({ files } satisfies Manifest));
      // Another build may have stored the same entry meanwhile: the same key is the same files.
      await rename(temporary, entry).catch(() => undefined);
    } catch {
      // A cache folder that cannot be written (full, read-only, not a folder): the entry is
      // not stored, and the next build makes these outputs again. The build goes on.
    } finally {
      await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /**
   * Removes every entry but those of `keep` (the keys of one build's pieces), so that the
   * cache holds one build's outputs. Entries being written are never touched: they have a
   * temporary name until they are complete.
   *
   * The files are deleted by a thread of their own with blocking calls. A build prunes while
   * its site is generated: an old site is thousands of files (700 ms of deletions at 1 000
   * modules after an edit, measured), and asynchronous deletions could queue in libuv's
   * thread pool before the pages' own writes (a reason, not measured against them).
   */
  async prune(keep: ReadonlySet<string>): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    const stale = names.filter((n) => /^[0-9a-f]{64}$/.test(n) && !keep.has(n)).map((n) => path.join(this.dir, n));
    if (stale.length === 0) return;
    const remover = new Worker(removeEach, { eval: true, workerData: stale });
    // A deletion that fails leaves an entry no build restores (its manifest or files are checked) until the next prune.
    await new Promise<void>((resolve) => remover.once('exit', () => resolve()).once('error', () => undefined));
  }
}

/** The prune's thread: removes each folder it is given, whatever fails. */
const removeEach = `
const { rmSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
for (const folder of workerData) {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {}
}
`;

/**
 * Puts the stored file `source` (whose stat is `seen`) at `destination`, never replacing a
 * file. An entry shares its files with the output folder it was stored from (`store`
 * links them). When `replacedFile`, the same path in the output folder this build
 * replaces, is that very file, `destination` is a hard link to it as well: the replaced
 * folder is removed at the commit, after which the file is again shared by the cache and
 * one output folder. Anything else is copied (a reflink where the file system has them),
 * so that two output folders never share a file, and an edit made in one never shows in
 * another. A no-change rebuild at 1 000 modules copied over 5 000 files of 115 MB; where
 * the machine had dropped them from its page cache, it read them all from the disk.
 */
function place(source: string, seen: Stats, destination: string, replacedFile: string | undefined): void {
  const there = replacedFile === undefined ? undefined : statSync(replacedFile, { throwIfNoEntry: false });
  if (there !== undefined && there.ino === seen.ino && there.dev === seen.dev) linkOrCopy(source, destination);
  else copyFileSync(source, destination, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
}

/** A hard link where the file system allows one, else a copy; never replaces an existing file. */
function linkOrCopy(source: string, destination: string): void {
  try {
    linkSync(source, destination);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
    copyFileSync(source, destination, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
  }
}

