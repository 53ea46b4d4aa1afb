/**
 * A program's calendar lock (`calendar-lock.json`, emit/ics/revisions.ts), checked with
 * the sources: a lock that is not JSON, or not of the lock's shape, is reported at the
 * place that is wrong (calendar_lock_invalid), and the program is built from no lock
 * rather than from part of one. Starting the revisions again silently would stop every
 * change reaching the calendar apps that imported an event before; so does a build that
 * stops, but that one says so, and where.
 */
import { parseDocument } from 'yaml';
import type { Reporter } from '../diagnostics/reporter.ts';
import { jsonSyntaxError } from '../load/json-syntax.ts';
import { locateNode } from '../load/locate.ts';
import type { SourceFile } from '../load/source-file.ts';
import { calendarLockProblems, type CalendarLock } from '../model/calendar-lock.ts';

/** The lock in `file`, or undefined (with each problem reported) when it is not one. */
export function checkCalendarLock(file: SourceFile, reporter: Reporter): CalendarLock | undefined {
  const syntax = jsonSyntaxError(file.text);
  if (syntax) {
    const end = syntax.offset < file.text.length ? syntax.offset + String.fromCodePoint(file.text.codePointAt(syntax.offset)!).length : syntax.offset;
    const data = syntax.trailingComma ? { problem: 'trailing-comma' as const } : { problem: 'syntax' as const, expected: syntax.expected, found: syntax.found };
    reporter.report('calendar_lock_invalid', data, { file: file.path, range: file.range(syntax.offset, end) });
    return undefined;
  }
  const data: unknown = JSON.parse(file.text);
  const problems = calendarLockProblems(data);
  if (problems.length === 0) return data as CalendarLock;
  // JSON is YAML (1.2): the YAML parser's node positions locate each wrong value.
  const document = parseDocument(file.text, { uniqueKeys: false });
  for (const problem of problems) {
    const [start, end] = locateNode(document, problem.path);
    reporter.report(
      'calendar_lock_invalid',
      { problem: 'shape', ...(problem.entry !== undefined ? { entry: problem.entry } : {}), ...(problem.path.length > 2 ? { key: problem.path.at(-1)! } : {}), expected: problem.expected },
      { file: file.path, range: file.range(start, end) },
    );
  }
  return undefined;
}
