/**
 * Reading, parsing and validating thousands of files on every core. Each file's check
 * depends on that file alone, so files are dealt out to worker threads in chunks; the
 * workers send back plain data (the document's data and text, its diagnostics), and the
 * documents are rebuilt here without their syntax trees (see LoadedDocument).
 */
import { availableParallelism } from 'node:os';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SourceEntry } from '../load/discover.ts';
import { LoadedDocument } from '../load/parse-yaml.ts';
import { SourceFile } from '../load/source-file.ts';
import { startWorker } from '../util/worker.ts';
import { checkFileSync, isValidated, type CheckedFile, type DroppedItem } from './index.ts';

/**
 * Below this many files, starting the workers costs more than it saves. Since most files
 * are read by common-yaml.ts, a file's check is cheap and the worker's start-up weighs
 * more: at 2 005 files (1 000 modules) the check took about as long on one thread as with
 * a worker (four alternating pairs), at 20 005 files 4.1 s with it against 4.5 s without
 * (three pairs), on this 2-core machine.
 */
export const PARALLEL_THRESHOLD = 800;
/** Files per message at most, and at least: fewer messages early, short waits at the end. */
const CHUNK = 50;
const LAST_CHUNK = 5;

/** A checked file as plain data, for crossing threads. */
export interface TransferredFile {
  readonly index: number;
  readonly usable: boolean;
  readonly pruned?: boolean;
  readonly dropped?: readonly DroppedItem[];
  readonly diagnostics: readonly Diagnostic[];
  readonly document?: {
    readonly path: string;
    readonly absolutePath: string;
    readonly text: string;
    readonly data: unknown;
    readonly keptIndices?: readonly (readonly [string, readonly number[]])[];
  };
}

export function toTransferred(index: number, checked: CheckedFile): TransferredFile {
  const d = checked.document;
  return {
    index,
    usable: checked.usable,
    ...(checked.usable && checked.pruned ? { pruned: true } : {}),
    ...(checked.usable && checked.dropped ? { dropped: checked.dropped } : {}),
    diagnostics: checked.diagnostics,
    ...(d
      ? { document: { path: d.file.path, absolutePath: d.file.absolutePath, text: d.file.text, data: d.data, ...(d.keptIndices ? { keptIndices: [...d.keptIndices] } : {}) } }
      : {}),
  };
}

export function fromTransferred(entry: SourceEntry, t: TransferredFile): CheckedFile {
  const d = t.document;
  const kept = d?.keptIndices ? new Map(d.keptIndices) : undefined;
  const document = d ? new LoadedDocument(entry.kind, new SourceFile(d.path, d.absolutePath, d.text), d.data, undefined, kept) : undefined;
  if (document && isValidated(document, t.usable)) {
    return { entry, usable: true, ...(t.pruned ? { pruned: true } : {}), ...(t.dropped ? { dropped: t.dropped } : {}), diagnostics: t.diagnostics, document };
  }
  return { entry, usable: false, diagnostics: t.diagnostics, ...(document ? { document } : {}) };
}

/**
 * Checks every entry, in order, on `threads` threads: this one and `threads - 1` workers.
 * This thread has every module loaded already and starts at once, while each worker
 * spends its first third of a second loading them; on two cores, two workers beside an
 * idle main thread did no better than one thread alone.
 */
export async function checkFilesInParallel(entries: readonly SourceEntry[], threads = Math.min(availableParallelism(), 4)): Promise<CheckedFile[]> {
  const results = new Array<CheckedFile>(entries.length);
  let next = 0;
  let done = 0;
  const take = (): { start: number; entries: readonly SourceEntry[] } | undefined => {
    if (next >= entries.length) return undefined;
    const start = next;
    // Chunks shrink as the files run out, so that the threads finish together: with fixed
    // chunks of 50 at 1 000 modules, the main thread waited 0.15 s at the end for the
    // worker's last two (a profile), a tenth of the check.
    const size = Math.max(LAST_CHUNK, Math.min(CHUNK, Math.ceil((entries.length - next) / (4 * threads))));
    next = Math.min(next + size, entries.length);
    return { start, entries: entries.slice(start, next) };
  };
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const workers = Array.from({ length: Math.max(1, threads - 1) }, () => {
    const worker = startWorker(new URL('./check-worker.ts', import.meta.url));
    // Two chunks in flight: the worker starts the second while this thread is busy with its own.
    const feed = () => {
      const chunk = take();
      if (chunk) worker.postMessage(chunk);
    };
    worker.on('message', (chunk: readonly TransferredFile[]) => {
      for (const t of chunk) results[t.index] = fromTransferred(entries[t.index]!, t);
      done += chunk.length;
      feed();
      wake?.();
    });
    worker.once('error', (error) => {
      failure ??= { error };
      wake?.();
    });
    // A worker that stops without an error (killed from outside) would leave its chunks unanswered.
    worker.once('exit', (code) => {
      if (done < entries.length) failure ??= { error: new Error(`a check worker stopped with exit code ${code}`) };
      wake?.();
    });
    feed();
    feed();
    return worker;
  });
  try {
    for (;;) {
      if (failure) throw failure.error;
      const chunk = take();
      if (chunk) {
        for (const [i, entry] of chunk.entries.entries()) results[chunk.start + i] = checkFileSync(entry);
        done += chunk.entries.length;
        // Lets the workers' answers in before the next chunk.
        await new Promise((resolve) => setImmediate(resolve));
      } else if (done < entries.length) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      } else return results;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
