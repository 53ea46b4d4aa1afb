/**
 * Checking a program's files with a memo of earlier checks (util/memo.ts), for `build`:
 * a rebuild reads every file but parses and validates only those whose text changed.
 * A file's check depends on its text, its kind, its paths and the compiler, and nothing
 * else (validate/index.ts), so those are the key; the compiler is the store's.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { displayPath, type SourceEntry } from '../load/discover.ts';
import type { Memo } from '../util/memo.ts';
import { checkFileSync, type CheckedFile } from './index.ts';
import { checkFilesInParallel, fromTransferred, PARALLEL_THRESHOLD, toTransferred, type TransferredFile } from './parallel.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Entries are kept serialized: the resolver and the emitters get the objects of this
 * build's documents, and a memo that held the same objects would keep whatever any of
 * them did to them for the next build.
 */
export async function checkFilesMemoized(entries: readonly SourceEntry[], memo: Memo<Uint8Array>): Promise<CheckedFile[]> {
  const results = new Array<CheckedFile>(entries.length);
  const missing: number[] = [];
  for (const [i, entry] of entries.entries()) {
    const key = keyOf(entry, textOf(entry));
    const found = key === undefined ? undefined : memo.get(key);
    if (found) results[i] = fromTransferred(entry, deserialize(found) as TransferredFile);
    else missing.push(i);
  }
  const toCheck = missing.map((i) => entries[i]!);
  const checked = toCheck.length >= PARALLEL_THRESHOLD ? await checkFilesInParallel(toCheck) : toCheck.map(checkFileSync);
  for (const [j, result] of checked.entries()) {
    results[missing[j]!] = result;
    // Keyed by the text the check itself read, not by the read above: a file saved in
    // between must not have the new result filed under the old text. A file with no text
    // (unreadable, not UTF-8, too large) is checked again every time.
    const key = result.document ? keyOf(result.entry, result.document.file.text) : undefined;
    if (key !== undefined) memo.set(key, serialize(toTransferred(0, result)));
  }
  return results;
}

/** The file's text as the check decodes it, or undefined where the check would refuse it. */
function textOf(entry: SourceEntry): string | undefined {
  try {
    return utf8.decode(readFileSync(entry.absolutePath));
  } catch {
    return undefined;
  }
}

function keyOf(entry: SourceEntry, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return createHash('sha256').update(JSON.stringify([entry.kind, entry.absolutePath, entry.relativePath, displayPath(entry.absolutePath)])).update('\0').update(text).digest('hex');
}
