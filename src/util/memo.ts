/**
 * Results of pure functions, kept by the hash of everything the function read. A memo is
 * found by name through `globalThis`, so that the copy of a module that Vite bundles into
 * the site's build finds the same memo as the compiler's own copy in the same thread.
 *
 * A memo exists only while a store is open (cache/memo-store.ts: `build` opens one and
 * keeps it on disk between builds); without one, `memoFor` is undefined and the caller
 * computes as usual. The store is keyed by the compiler's fingerprint as a whole, so a
 * key names only the function's own inputs.
 */

/** How many entries one memo holds at most: past this it starts again empty (a 10 000-module program fits). */
const MAX_ENTRIES = 200_000;

export class Memo<V> {
  readonly #entries: Map<string, V>;
  /** The keys read or written in this process (see toKeep). */
  readonly #used = new Set<string>();

  constructor(entries: Map<string, V> = new Map()) {
    this.#entries = entries;
  }

  /** Keys found and not found, for the build's report. */
  readonly stats = { hits: 0, misses: 0 };

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#used.add(key);
      this.stats.hits++;
    } else this.stats.misses++;
    return value;
  }

  set(key: string, value: V): void {
    if (this.#entries.size >= MAX_ENTRIES) {
      this.#entries.clear();
      this.#used.clear();
    }
    this.#entries.set(key, value);
    this.#used.add(key);
  }

  /** Marks `value`, found elsewhere (a faster cache in front of this one), as used, storing it if it is not here. */
  keep(key: string, value: V): void {
    if (this.#entries.get(key) === undefined) this.set(key, value);
    else this.#used.add(key);
  }

  /**
   * The entries to keep for the next build: those this one used, so that old results do
   * not pile up; or all of them when this build used none (the work that reads this memo
   * was served whole from the output cache, and the next build that does it needs them).
   */
  toKeep(): Map<string, V> {
    if (this.#used.size === 0) return new Map(this.#entries);
    return new Map([...this.#used].map((key) => [key, this.#entries.get(key)!]));
  }
}

const registry = Symbol.for('curriculum-compiler.memos');

type Registry = Map<string, Memo<unknown>>;

function memos(): Registry | undefined {
  return (globalThis as { [registry]?: Registry })[registry];
}

/** The memo called `name` while a store is open in this thread, else undefined. */
export function memoFor<V>(name: string): Memo<V> | undefined {
  return memos()?.get(name) as Memo<V> | undefined;
}

/** Installs the memos of an open store in this thread (cache/memo-store.ts); `undefined` removes them. */
export function installMemos(installed: Registry | undefined): void {
  (globalThis as { [registry]?: Registry })[registry] = installed;
}
