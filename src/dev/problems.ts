/**
 * The order in which `curriculum dev` shows problems, in the terminal and on the page.
 *
 * A designer who has just saved a file wants to see what that save did: the problems of
 * the program they edited come first, errors before warnings, and only then the rest of
 * the input (which may hold many warnings they are not working on). Only the first few
 * are printed in full; the others are counted, so that nothing is hidden silently.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { summarize, type DiagnosticSummary } from '../diagnostics/diagnostic.ts';

/** How many problems the terminal prints in full after a check. */
export const TERMINAL_LIMIT = 10;

export interface OrderedProblems {
  /** Every diagnostic: the edited programs' first, each group errors before warnings. */
  readonly ordered: readonly Diagnostic[];
  /** How many of `ordered` belong to the edited programs. */
  readonly edited: number;
}

/**
 * `editedFolders` are the absolute folders of the programs the last save touched (empty on
 * the first check). Within each group the compiler's own order (file, position) is kept.
 */
export function orderProblems(diagnostics: readonly Diagnostic[], editedFolders: readonly string[]): OrderedProblems {
  const inEdited = (d: Diagnostic) => {
    if (!d.file) return false;
    const file = path.resolve(d.file);
    return editedFolders.some((folder) => file === folder || file.startsWith(folder + path.sep));
  };
  const rank = (d: Diagnostic) => (inEdited(d) ? 0 : 2) + (d.severity === 'error' ? 0 : 1);
  const ordered = diagnostics
    .map((d, i) => ({ d, i, r: rank(d) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.d);
  return { ordered, edited: diagnostics.filter(inEdited).length };
}

/** The problems past the first `limit`, counted by severity. */
export function rest(ordered: readonly Diagnostic[], limit: number): DiagnosticSummary {
  return summarize(ordered.slice(limit));
}

/** The program folders that hold any of the changed paths. */
export function editedPrograms(changed: Iterable<string>, programDirs: ReadonlyMap<string, string>): string[] {
  const folders = new Set<string>();
  for (const p of changed) {
    for (const dir of programDirs.values()) {
      if (p === dir || p.startsWith(dir + path.sep)) folders.add(dir);
    }
  }
  return [...folders].sort();
}
