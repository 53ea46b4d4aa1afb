/**
 * An evaluation written out: a table for the terminal, CSV for a spreadsheet (one row per
 * learner), JSON for other tools (`curriculum credentials issue` reads it). The same
 * evaluation gives the same bytes.
 */
import type { Evaluation } from './evaluate.ts';

export const evaluationFormats = ['table', 'csv', 'json'] as const;
export type EvaluationFormat = (typeof evaluationFormats)[number];

export function formatEvaluation(evaluation: Evaluation, format: EvaluationFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(evaluation, null, 2)}\n`;
    case 'csv':
      return csv(evaluation);
    case 'table':
      return table(evaluation);
  }
}

/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with `'` (OWASP CSV injection). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(evaluation: Evaluation): string {
  const benefits = evaluation.summary.benefits;
  const graded = evaluation.learners.some((l) => l.grade);
  const header = ['learner', 'name', 'email', 'completed', ...(graded ? ['total', 'grade', 'passed'] : []), 'certificate', ...benefits.map((b) => b.id), 'unmet', 'notes'];
  const rows = evaluation.learners.map((l) => [
    l.id,
    l.name ?? '',
    l.email ?? '',
    l.completed ? 'yes' : 'no',
    ...(graded ? [l.grade?.total !== undefined ? String(l.grade.total) : '', l.grade?.grade ?? '', l.grade?.passed === undefined ? '' : l.grade.passed ? 'yes' : 'no'] : []),
    l.certificate.earned ? l.certificate.title : '',
    ...benefits.map((b) => (l.benefits.find((x) => x.id === b.id)?.earned ? 'yes' : 'no')),
    l.unmet.join('\n'),
    l.notes.join('\n'),
  ]);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Terminal output: control characters from the records are shown, not obeyed. */
function plain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function table(evaluation: Evaluation): string {
  const lines: string[] = [`${plain(evaluation.program.title)}: ${plain(evaluation.certificate)}`, ''];
  for (const l of evaluation.learners) {
    const who = [l.name, l.email].filter(Boolean).map((x) => plain(x!)).join(' <') + (l.name && l.email ? '>' : '');
    const grade = l.grade?.total !== undefined ? `  ${l.grade.grade !== undefined ? `${plain(l.grade.grade)} ` : ''}(${l.grade.total}${l.grade.scale === 'percent' ? ' %' : ' points'})` : '';
    lines.push(`${l.completed ? '✔' : '✘'} ${plain(l.id)}${who && who !== l.id ? `  ${who}` : ''}${grade}`);
    for (const b of l.benefits) if (b.earned) lines.push(`    + ${plain(b.title)}`);
    for (const reason of l.unmet) lines.push(`    - ${plain(reason)}`);
    for (const note of l.notes) lines.push(`    · ${plain(note)}`);
  }
  const s = evaluation.summary;
  lines.push('', `${s.completed} of ${s.learners} learners completed${s.benefits.map((b) => `; ${b.earned} earned “${plain(b.title)}”`).join('')}`);
  return `${lines.join('\n')}\n`;
}
