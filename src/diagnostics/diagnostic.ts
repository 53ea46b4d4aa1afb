import type { DiagnosticCode } from './catalogue.ts';
import { severityRank, type Severity } from './severity.ts';

export type { Severity } from './severity.ts';

/** A place in a source file; `line` and `column` count from 1, `offset` from 0 (UTF-16 units). */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A span of source text, end exclusive. */
export interface SourceRange {
  readonly start: Position;
  readonly end: Position;
}

/** A second place that explains a diagnostic: where a duplicate was first defined, the other end of a cycle. */
export interface RelatedLocation {
  readonly message: string;
  readonly file: string;
  readonly range?: SourceRange;
}

/**
 * One problem found in the sources, as data.
 *
 * `file` is the path as the user would type it (relative to the working directory);
 * `range` is absent only when the problem concerns a whole file or folder.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  readonly range?: SourceRange;
  /** A short text shown under the underlined span. */
  readonly label?: string;
  /** What to do about it. */
  readonly hint?: string;
  readonly related: readonly RelatedLocation[];
  /** The code's entry in the catalogue: what it means, why it matters and what to do. */
  readonly url: string;
  /** Set on a warning the program accepts in its `accepted-warnings.yaml`: it is shown, not counted. */
  readonly accepted?: Acceptance;
}

/** Why a warning is accepted, and where the acceptance is written. */
export interface Acceptance {
  readonly reason: string;
  readonly file: string;
  readonly range?: SourceRange;
}

/** Counts of a run's diagnostics by severity. */
export interface DiagnosticSummary {
  readonly errors: number;
  /** Warnings not accepted: what `--strict` fails on. */
  readonly warnings: number;
  /** Warnings the programs accept (`accepted-warnings.yaml`). */
  readonly accepted: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): DiagnosticSummary {
  let errors = 0;
  let warnings = 0;
  let accepted = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.accepted) accepted++;
    else warnings++;
  }
  return { errors, warnings, accepted };
}

/**
 * Orders diagnostics errors first and accepted warnings last, then by file, position and
 * code, so that what needs attention is read first and every rendering is stable.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      Number(a.accepted !== undefined) - Number(b.accepted !== undefined) ||
      compare(a.file ?? '', b.file ?? '') ||
      (a.range?.start.offset ?? -1) - (b.range?.start.offset ?? -1) ||
      compare(a.code, b.code) ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
