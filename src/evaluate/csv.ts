/**
 * CSV as RFC 4180 defines it (quoted fields, doubled quotes, CRLF or LF line ends), read
 * with the place of every cell, so that a diagnostic about a record can underline the
 * cell itself. Exports from Moodle, Canvas and Zoom are all this dialect; Excel's UTF-8
 * byte order mark before the first header is dropped.
 */

/** One cell: its text and where it is in the file (offsets into the text, end exclusive). */
export interface Cell {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** One line of cells; `line` counts from 1 as editors do. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly Cell[];
  /** Offsets of the whole row, for a problem with the row rather than one cell. */
  readonly start: number;
  readonly end: number;
}

export type CsvResult = { readonly rows: readonly CsvRow[] } | { readonly problem: 'unclosed-quote' | 'text-after-quote'; readonly offset: number };

export function parseCsv(text: string): CsvResult {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const rowStart = i;
    const rowLine = line;
    const cells: Cell[] = [];
    for (;;) {
      const cellStart = i;
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) return { problem: 'unclosed-quote', offset: cellStart };
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          value += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') return { problem: 'text-after-quote', offset: i };
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        value = text.slice(cellStart, i);
      }
      cells.push({ value, start: cellStart, end: i });
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    const rowEnd = i;
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    // A blank line separates the sections of some exports (Zoom's meeting data); it holds no cell.
    if (!(cells.length === 1 && cells[0]!.value === '' && rowEnd === rowStart)) rows.push({ line: rowLine, cells, start: rowStart, end: rowEnd });
  }
  return { rows };
}
