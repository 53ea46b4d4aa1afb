import { catalogue, type DiagnosticCode } from './catalogue.ts';
import type { Diagnostic, RelatedLocation, SourceRange } from './diagnostic.ts';

/** Where a diagnostic points: a file (by its display path) and, when known, a span in it. */
export interface Location {
  readonly file: string;
  readonly range?: SourceRange;
}

export interface DiagnosticDetails {
  readonly label?: string;
  readonly hint?: string;
  readonly related?: readonly RelatedLocation[];
}

/**
 * Collects the diagnostics of one run. Severity always comes from the catalogue,
 * so a code means the same thing wherever it is reported.
 */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  report(code: DiagnosticCode, message: string, at: Location | undefined, details: DiagnosticDetails = {}): void {
    this.diagnostics.push({
      code,
      severity: catalogue[code].severity,
      message,
      ...(at ? { file: at.file } : {}),
      ...(at?.range ? { range: at.range } : {}),
      ...(details.label ? { label: details.label } : {}),
      ...(details.hint ? { hint: details.hint } : {}),
      related: details.related ?? [],
    });
  }

  get errorCount(): number {
    let n = 0;
    for (const d of this.diagnostics) if (d.severity === 'error') n++;
    return n;
  }
}
