import type { Location } from '../diagnostics/reporter.ts';
import { SourceFile } from '../load/source-file.ts';

/** A records file as read: its path as the user typed it, its text, and the kind it was named as (if any). */
export interface RecordsFile {
  readonly path: string;
  readonly text: string;
  /** The kind given after the path (`zoom.csv:zoom`) or with `--kind`; detected from the content otherwise. */
  readonly kind?: string;
}

/**
 * A records file's text with lines and columns for diagnostics: a source file like the
 * program's own (the same offset arithmetic), plus the location of a cell.
 */
export class RecordsText extends SourceFile {
  constructor(path: string, text: string) {
    super(path, path, text);
  }

  /** A span of this file as a diagnostic's location; an empty cell is pointed at with one character. */
  at(start: number, end: number): Location {
    return { file: this.path, range: this.range(start, end > start ? end : Math.min(start + 1, Math.max(start, this.text.length))) };
  }
}
