import type { Diagnostic, SourceRange } from './diagnostic.ts';
import type { Location } from './reporter.ts';

/** One entry of a program's `accepted-warnings.yaml`, with its file as diagnostics name it. */
export interface AcceptanceEntry {
  readonly code: string;
  /** The display path of the file the warning points at. */
  readonly file: string;
  /** The text the warning underlines; absent, every warning of the code in the file matches. */
  readonly value?: string;
  readonly reason: string;
  /** Where the entry is written. */
  readonly at: Location;
}

export interface AcceptanceResult {
  readonly diagnostics: Diagnostic[];
  /** Entries that matched no warning. */
  readonly unmatched: AcceptanceEntry[];
}

/**
 * Marks the warnings that a program accepts. A warning is matched by its code, its file and
 * the text it underlines, not by its line: lines move whenever the file is edited above
 * them, while the underlined value changes only when what the warning is about changes.
 * `textOf` gives a file's text (without a byte-order mark, as ranges count).
 */
export function applyAcceptances(
  diagnostics: readonly Diagnostic[],
  entries: readonly AcceptanceEntry[],
  textOf: (file: string) => string | undefined,
): AcceptanceResult {
  const used = new Set<AcceptanceEntry>();
  const out = diagnostics.map((d) => {
    if (d.severity !== 'warning' || d.accepted) return d;
    const entry = entries.find((e) => e.code === d.code && e.file === d.file && (e.value === undefined || underlined(d, textOf) === e.value));
    if (!entry) return d;
    used.add(entry);
    const range: SourceRange | undefined = entry.at.range;
    return { ...d, accepted: { reason: entry.reason, file: entry.at.file, ...(range ? { range } : {}) } };
  });
  return { diagnostics: out, unmatched: entries.filter((e) => !used.has(e)) };
}

/** The text a diagnostic underlines, without the quotes of a quoted YAML scalar. */
function underlined(d: Diagnostic, textOf: (file: string) => string | undefined): string | undefined {
  if (!d.file || !d.range) return undefined;
  const text = textOf(d.file)?.slice(d.range.start.offset, d.range.end.offset).trim();
  if (text === undefined) return undefined;
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  return quoted ? quoted[2] : text;
}
