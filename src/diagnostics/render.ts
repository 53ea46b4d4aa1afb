import { displayWidth } from '../util/display-width.ts';
import type { Diagnostic, DiagnosticSummary, SourceRange } from './diagnostic.ts';
import { summarize } from './diagnostic.ts';

export const outputFormats = ['pretty', 'line', 'json', 'github'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export interface RenderOptions {
  /** Returns a file's text for code frames; frames are left out where it returns undefined. */
  readonly readText: (file: string) => string | undefined;
  readonly color: boolean;
}

/** Renders a run's diagnostics in one of the output formats, ending with a summary where the format has one. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], format: OutputFormat, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ diagnostics, summary: summarize(diagnostics) }, null, 2)}\n`;
    case 'github':
      return diagnostics.map(renderGithub).join('');
    case 'line':
      return diagnostics.map(renderLine).join('');
    case 'pretty': {
      const body = diagnostics.map((d) => renderPretty(d, options)).join('\n');
      return body ? `${body}\n` : '';
    }
  }
}

/** "2 errors, 1 warning", and ", 7 accepted" when the programs accept warnings. */
export function describeSummary(summary: Pick<DiagnosticSummary, 'errors' | 'warnings'> & { readonly accepted?: number }): string {
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const accepted = summary.accepted !== undefined && summary.accepted > 0 ? `, ${summary.accepted} accepted` : '';
  return `${part(summary.errors, 'error')}, ${part(summary.warnings, 'warning')}${accepted}`;
}

/** The severity as shown: an accepted warning reads as such in every format. */
function shownSeverity(d: Diagnostic): string {
  return d.accepted ? 'accepted' : d.severity;
}

function where(d: Diagnostic): string {
  if (!d.file) return '';
  return d.range ? `${d.file}:${d.range.start.line}:${d.range.start.column}` : d.file;
}

/** `file:line:col  severity  message  code`: for grep and editors' problem matchers. */
export function renderLine(d: Diagnostic): string {
  return `${where(d) || '-'}  ${shownSeverity(d)}  ${d.message}  ${d.code}\n`;
}

/** GitHub Actions workflow commands, which turn into annotations on the pull request. */
export function renderGithub(d: Diagnostic): string {
  const props: string[] = [];
  if (d.file) props.push(`file=${escapeProperty(d.file)}`);
  if (d.range) {
    props.push(`line=${d.range.start.line}`, `col=${d.range.start.column}`);
    props.push(`endLine=${d.range.end.line}`, `endColumn=${d.range.end.column}`);
  }
  props.push(`title=${escapeProperty(d.accepted ? `${d.code} (accepted)` : d.code)}`);
  // An accepted warning stays visible on the pull request, as a notice rather than a warning.
  const message = d.accepted ? `${d.message}\nAccepted: ${d.accepted.reason}` : d.hint ? `${d.message}\n${d.hint}` : d.message;
  return `::${d.accepted ? 'notice' : d.severity} ${props.join(',')}::${escapeData(message)}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const ansi = {
  bold: '\u001b[1m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  cyan: '\u001b[36m',
  reset: '\u001b[0m',
};

/** A header, an arrow to the place, the source lines with the span underlined, then the notes and help. */
export function renderPretty(d: Diagnostic, options: RenderOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ansi.reset}` : text);
  const severityColor = d.severity === 'error' ? ansi.red : d.accepted ? ansi.blue : ansi.yellow;
  const lines: string[] = [];
  const accepted = d.accepted ? ' (accepted)' : '';
  lines.push(`${paint(ansi.bold + severityColor, `${d.severity}[${d.code}]${accepted}`)}${paint(ansi.bold, `: ${d.message}`)}`);
  const text = d.file ? options.readText(d.file) : undefined;
  const frame = d.range && text !== undefined ? codeFrame(text, d.range, d.label, paint, severityColor) : undefined;
  const gutterWidth = frame ? frame.gutterWidth : 1;
  const pad = ' '.repeat(gutterWidth);
  if (d.file) lines.push(`${pad}${paint(ansi.blue, '-->')} ${where(d)}`);
  if (frame) lines.push(...frame.lines);
  for (const r of d.related) {
    const at = r.range ? `${r.file}:${r.range.start.line}:${r.range.start.column}` : r.file;
    lines.push(`${pad}${paint(ansi.blue, '=')} ${paint(ansi.bold, 'note')}: ${r.message}`);
    lines.push(`${pad}  ${paint(ansi.blue, '-->')} ${at}`);
  }
  // An accepted warning's help is left out: the decision is taken, and its reason says why.
  if (d.accepted) {
    const at = d.accepted.range ? `${d.accepted.file}:${d.accepted.range.start.line}:${d.accepted.range.start.column}` : d.accepted.file;
    lines.push(`${pad}${paint(ansi.blue, '=')} ${paint(ansi.bold, 'accepted')}: ${d.accepted.reason}`);
    lines.push(`${pad}  ${paint(ansi.blue, '-->')} ${at}`);
    return `${lines.join('\n')}\n`;
  }
  if (d.hint) lines.push(`${paint(ansi.bold + ansi.cyan, 'help')}: ${d.hint}`);
  return `${lines.join('\n')}\n`;
}

function codeFrame(
  text: string,
  range: SourceRange,
  label: string | undefined,
  paint: (code: string, text: string) => string,
  color: string,
): { lines: string[]; gutterWidth: number } {
  // Offsets count from after a byte-order mark (the decoder drops it); so must the frame.
  const all = text.replace(/^\ufeff/, '').split('\n');
  const line = range.start.line;
  const first = Math.max(1, line - 1);
  const gutterWidth = String(line).length + 1;
  const gutter = (n?: number) => paint(ansi.blue, `${n === undefined ? ' '.repeat(gutterWidth - 1) : String(n).padStart(gutterWidth - 1)} |`);
  const out = [gutter()];
  for (let n = first; n <= line; n++) {
    out.push(`${gutter(n)} ${visible(all[n - 1] ?? '')}`);
  }
  const source = visible(all[line - 1] ?? '');
  const startCol = range.start.column - 1;
  const endCol = range.end.line === line ? Math.max(range.end.column - 1, startCol + 1) : Math.max(source.length, startCol + 1);
  const before = displayWidth(source.slice(0, startCol));
  const width = Math.max(1, displayWidth(source.slice(startCol, endCol)));
  out.push(`${gutter()} ${' '.repeat(before)}${paint(ansi.bold + color, '^'.repeat(width))}${label ? ` ${paint(ansi.bold + color, label)}` : ''}`);
  out.push(gutter());
  return { lines: out, gutterWidth };
}

/**
 * Tabs and carriage returns would shift the underline; show them as single spaces. Other
 * control characters (from a damaged or binary file) could drive the terminal, so they are
 * shown as U+FFFD, one column each like the characters they replace.
 */
function visible(line: string): string {
  return line
    .replace(/\r$/, '')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '\ufffd');
}

