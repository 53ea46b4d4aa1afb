import { catalogue, catalogueUrl, type DiagnosticCode } from './catalogue.ts';
import type { Diagnostic, SourceRange } from './diagnostic.ts';
import { diagnosticText, type DiagnosticData } from './messages.ts';
import { relatedLocation, type RelatedPlace } from './related.ts';

/** Where a diagnostic points: a file (by its display path) and, when known, a span in it. */
export interface Location {
  readonly file: string;
  readonly range?: SourceRange;
}

export interface DiagnosticDetails {
  /** Second places that explain the diagnostic, such as where a duplicate was first defined: their role and facts, worded by related.ts. */
  readonly related?: readonly RelatedPlace[];
}

/**
 * Collects the diagnostics of one run. Severity always comes from the catalogue and the
 * words from the code's message function, so a code means and reads the same wherever it
 * is reported; a call site gives only the facts the code's data type asks for.
 */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  report<C extends DiagnosticCode>(code: C, data: DiagnosticData[C], at: Location | undefined, details: DiagnosticDetails = {}): void {
    const text = diagnosticText(code, data);
    this.diagnostics.push({
      code,
      severity: catalogue[code].severity,
      message: text.message,
      ...(at ? { file: at.file } : {}),
      ...(at?.range ? { range: at.range } : {}),
      ...(text.label ? { label: text.label } : {}),
      ...(text.hint ? { hint: text.hint } : {}),
      related: (details.related ?? []).map(relatedLocation),
      url: catalogueUrl(code),
    });
  }

  get errorCount(): number {
    let n = 0;
    for (const d of this.diagnostics) if (d.severity === 'error') n++;
    return n;
  }
}
