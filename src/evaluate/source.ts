import type { Position, SourceRange } from '../diagnostics/diagnostic.ts';
import type { Location } from '../diagnostics/reporter.ts';

/** A records file as read: its path as the user typed it, its text, and the kind it was named as (if any). */
export interface RecordsFile {
  readonly path: string;
  readonly text: string;
  /** The kind given after the path (`zoom.csv:zoom`) or with `--kind`; detected from the content otherwise. */
  readonly kind?: string;
}

/** Turns offsets of a records file into the lines and columns diagnostics show. */
export class RecordsText {
  readonly path: string;
  readonly text: string;
  #lineStarts: number[] | undefined;

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
  }

  position(offset: number): Position {
    if (!this.#lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.#lineStarts = starts;
    }
    const starts = this.#lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1, offset: clamped };
  }

  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** A span of this file as a diagnostic's location; an empty cell is pointed at with one character. */
  at(start: number, end: number): Location {
    return { file: this.path, range: this.range(start, end > start ? end : Math.min(start + 1, Math.max(start, this.text.length))) };
  }
}
