import type { Position, SourceRange } from '../diagnostics/diagnostic.ts';

/**
 * The text of one source file and the way to turn offsets into lines and columns.
 *
 * Line starts are computed on first use only: a clean run never needs them, and
 * computing them for every file would cost a pass over all sources.
 */
export class SourceFile {
  /** The path as shown to the user (relative to the working directory, `/`-separated). */
  readonly path: string;
  readonly absolutePath: string;
  readonly text: string;
  #lineStarts: number[] | undefined;

  constructor(path: string, absolutePath: string, text: string) {
    this.path = path;
    this.absolutePath = absolutePath;
    this.text = text;
  }

  position(offset: number): Position {
    const starts = this.lineStarts();
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

  /** The text of line `line` (1-based) without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text[end - 1] === '\r') end--;
    return this.text.slice(start, Math.max(start, end));
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  private lineStarts(): number[] {
    if (!this.#lineStarts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }
}
