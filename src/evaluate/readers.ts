/**
 * The record formats, each read into facts (evidence.ts). A file's format is named after
 * its path (`grades.csv:canvas`) or detected from its header; a file that fits none is
 * reported, never read as "probably" one of them.
 *
 * Sources of the layouts:
 * - Moodle gradebook, "Export grades to text file" (grade/export/txt): "First name",
 *   "Last name" (older versions "Surname"), "ID number", "Institution", "Department",
 *   "Email address", one column per grade item "<Type>: <name> (Real)" (or "(Percentage)",
 *   "(Letter)"), "Course total (Real)", "Last downloaded from this course"; "-" is no grade.
 * - Moodle quiz Grades report download (mod/quiz/report/overview): "Surname", "First name",
 *   "Email address", "State", "Started on", "Completed", "Time taken", "Grade/10.00", one row
 *   per attempt, times local to the exporting user; the file does not name the quiz.
 * - Canvas gradebook export: "Student", "ID", "SIS User ID", "SIS Login ID", "Section",
 *   assignment columns "<name> (<assignment id>)", a second row "Points Possible", and
 *   read-only totals ("Current Score", "Final Score", … ).
 * - Zoom participants report (Reports → Usage → Participants → Export): optionally a
 *   meeting section ("Meeting ID", "Topic", "Start Time", …) and a blank line, then
 *   "Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)",
 *   "Guest", one row per join: a participant who rejoined has several rows.
 * - xAPI statements (xAPI 1.0.3 §2.4; cmi5 §9.3 for the verbs passed, failed, completed),
 *   as an array or as the StatementResult pages an LRS returns (`{ statements, more }`).
 * - Submissions: a plain CSV with `learner`, `item`, `submitted at` and an optional `score`.
 */
import type { Location, Reporter } from '../diagnostics/reporter.ts';
import type { Curriculum } from '../model/types.ts';
import { cmi5Iris } from '../model/identity.ts';
import { parseCsv, type Cell, type CsvRow } from './csv.ts';
import { normalizeEmail, normalizeName, type Evidence, type PersonRef } from './evidence.ts';
import { meetingKey, type ItemTarget, type Mapping } from './mapping.ts';
import type { RecordsFile } from './source.ts';
import { RecordsText } from './source.ts';
import { readTime } from './times.ts';

export const recordKinds = ['moodle', 'moodle-quiz', 'canvas', 'zoom', 'xapi', 'submissions'] as const;
export type RecordKind = (typeof recordKinds)[number];

export interface ReadContext {
  readonly curriculum: Curriculum;
  readonly mapping: Mapping;
  readonly reporter: Reporter;
  /** The zone of local times without an offset: `--zone`, else the mapping's `timeZone`. */
  readonly zone?: string;
  readonly evidence: Evidence;
  nextOrder(): number;
}

/** Reads one file into `context.evidence`; reports what cannot be read. */
export function readRecords(file: RecordsFile, context: ReadContext): void {
  const source = new RecordsText(file.path, file.text);
  const [named, argument] = (file.kind ?? '').split('=', 2) as [string, string | undefined];
  if (file.kind !== undefined && !(recordKinds as readonly string[]).includes(named)) {
    context.reporter.report('records_format_unknown', { path: file.path, named, kinds: recordKinds }, firstLine(source));
    return;
  }
  const trimmed = file.text.replace(/^\uFEFF/, '').trimStart();
  if (named === 'xapi' || (file.kind === undefined && (trimmed.startsWith('[') || trimmed.startsWith('{')))) {
    readXapi(source, context);
    return;
  }
  const csv = parseCsv(file.text);
  if ('problem' in csv) {
    context.reporter.report('records_value_invalid', { kind: 'csv', problem: csv.problem }, source.at(csv.offset, csv.offset + 1));
    return;
  }
  const kind = (file.kind !== undefined ? named : detect(csv.rows)) as RecordKind | undefined;
  if (!kind) {
    context.reporter.report('records_format_unknown', { path: file.path, header: csv.rows[0]?.cells.map((c) => c.value).slice(0, 6) ?? [], kinds: recordKinds }, firstLine(source));
    return;
  }
  const reader = { moodle: readMoodle, 'moodle-quiz': readMoodleQuiz, canvas: readCanvas, zoom: readZoom, submissions: readSubmissions, xapi: undefined }[kind];
  if (kind === 'moodle-quiz') {
    const module = argument ? context.curriculum.modules.find((m) => m.id === argument) : undefined;
    if (!module) {
      context.reporter.report('records_item_unknown', { name: argument ?? '', category: 'module', known: context.curriculum.modules.map((m) => m.id), forFile: file.path }, firstLine(source));
      return;
    }
    readMoodleQuiz(csv.rows, source, context, module.id);
    return;
  }
  reader?.(csv.rows, source, context, undefined);
}

/** A problem with the whole file is shown on its first line, where the header tells its format. */
function firstLine(source: RecordsText) {
  const end = source.text.search(/\r?\n/);
  return source.at(0, end === -1 ? source.text.length : end);
}

const has = (row: CsvRow | undefined, ...names: string[]) => row !== undefined && names.every((n) => row.cells.some((c) => c.value.trim().toLowerCase() === n.toLowerCase()));

function detect(rows: readonly CsvRow[]): RecordKind | undefined {
  const header = rows[0];
  if (has(header, 'Email address') && (has(header, 'State', 'Started on') || has(header, 'Status', 'Started'))) return 'moodle-quiz';
  if (has(header, 'Email address', 'First name') && (has(header, 'Last name') || has(header, 'Surname'))) return 'moodle';
  if (has(header, 'Student', 'ID', 'SIS User ID')) return 'canvas';
  if (rows.slice(0, 4).some((r) => has(r, 'Join Time', 'Leave Time'))) return 'zoom';
  if (has(header, 'learner', 'item', 'submitted at')) return 'submissions';
  return undefined;
}

/** The columns of a CSV file by their header, and a helper to read a row's cell. */
function columns(header: CsvRow): { index(name: string): number; cell(row: CsvRow, name: string): Cell | undefined } {
  const byName = new Map(header.cells.map((c, i) => [c.value.trim().toLowerCase(), i] as const));
  return {
    index: (name) => byName.get(name.toLowerCase()) ?? -1,
    cell: (row, name) => {
      const i = byName.get(name.toLowerCase());
      return i === undefined ? undefined : row.cells[i];
    },
  };
}

/** The program item a name stands for: the mapping's entry, else an item whose id or title it is exactly. */
export function itemByName(name: string, context: ReadContext): ItemTarget | undefined {
  const key = normalizeName(name);
  const mapped = context.mapping.items.get(key);
  if (mapped) return mapped;
  const c = context.curriculum;
  const same = (text: string | undefined) => text !== undefined && normalizeName(text) === key;
  const module = c.modules.find((m) => same(m.id) || same(m.title) || same(m.shortTitle) || same(m.assessment?.title));
  if (module) return { category: 'module', id: module.id };
  const assignment = c.assignments.find((a) => same(a.id) || same(a.title));
  if (assignment) return { category: 'assignment', id: assignment.id };
  const session = c.schedule.sessions.find((s) => same(s.id) || same(s.title));
  if (session) return { category: 'session', id: session.id };
  // Exams and a module's list of assessments are graded items: the grading names them with their titles.
  const graded = c.policy.grading?.items.find((i) => (i.category === 'exam' || i.category === 'assessment') && (same(i.id) || same(i.title)));
  if (graded) return { category: graded.category, id: graded.id };
  return undefined;
}

function person(parts: { emails?: readonly (string | undefined)[]; names?: readonly (string | undefined)[]; ids?: readonly (string | undefined)[] }): PersonRef {
  const clean = (xs: readonly (string | undefined)[] | undefined) => (xs ?? []).map((x) => x?.trim() ?? '').filter((x) => x !== '');
  const emails = clean(parts.emails).map(normalizeEmail);
  const names = clean(parts.names);
  const ids = clean(parts.ids);
  return { emails, names: names.map(normalizeName), ids, shown: names[0] ?? emails[0] ?? ids[0] ?? '?' };
}

/** A score cell as a percentage of `max`; undefined for an empty cell or Moodle's "-". */
function readScore(cell: Cell | undefined, max: number, source: RecordsText, context: ReadContext): number | undefined | 'invalid' {
  const text = cell?.value.trim().replace(/\s*%$/, '') ?? '';
  if (text === '' || text === '-') return undefined;
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value)) {
    context.reporter.report('records_value_invalid', { kind: 'score', value: cell!.value }, source.at(cell!.start, cell!.end));
    return 'invalid';
  }
  if (value < 0 || value > max) {
    context.reporter.report('records_score_out_of_range', { score: cell!.value, max }, source.at(cell!.start, cell!.end));
    return 'invalid';
  }
  return (value / max) * 100;
}

function reportTime(cell: Cell, problem: 'no-zone' | 'invalid', format: string, source: RecordsText, context: ReadContext): void {
  if (problem === 'no-zone') context.reporter.report('records_time_zone_missing', { value: cell.value, format }, source.at(cell.start, cell.end));
  else context.reporter.report('records_value_invalid', { kind: 'time', value: cell.value, standard: 'records' }, source.at(cell.start, cell.end));
}

/** Gradebook columns that hold no item: identity, totals, export bookkeeping. */
const moodleFixed = new Set(['first name', 'last name', 'surname', 'id number', 'institution', 'department', 'email address', 'last downloaded from this course', 'username', 'phone', 'mobile phone', 'city/town', 'country']);

function readMoodle(rows: readonly CsvRow[], source: RecordsText, context: ReadContext): void {
  const [header, ...body] = rows as [CsvRow, ...CsvRow[]];
  const col = columns(header);
  const items: { index: number; target: ItemTarget; percent: boolean }[] = [];
  header.cells.forEach((c, index) => {
    const name = c.value.trim();
    const lower = name.toLowerCase();
    if (moodleFixed.has(lower) || /^(course|category) total\b/.test(lower) || context.mapping.ignoreColumns.has(normalizeName(name))) return;
    const display = /\((real|percentage|letter)\)$/i.exec(name)?.[1]?.toLowerCase();
    if (display === 'letter') return;
    const bare = name.replace(/\s*\((real|percentage)\)$/i, '').replace(/^[^:]+:\s*/, '');
    const target = itemByName(name, context) ?? itemByName(bare, context);
    if (!target) {
      context.reporter.report('records_column_unknown', { column: name, format: 'Moodle gradebook' }, source.at(c.start, c.end));
      return;
    }
    items.push({ index, target, percent: display === 'percentage' });
  });
  readGradebookRows(body, source, context, items, (row) =>
    person({
      emails: [col.cell(row, 'Email address')?.value],
      names: [[col.cell(row, 'First name')?.value, col.cell(row, 'Last name')?.value ?? col.cell(row, 'Surname')?.value].filter(Boolean).join(' ')],
      ids: [col.cell(row, 'ID number')?.value],
    }),
  );
}

function readCanvas(rows: readonly CsvRow[], source: RecordsText, context: ReadContext): void {
  const [header, ...rest] = rows as [CsvRow, ...CsvRow[]];
  const col = columns(header);
  // The rows before the learners: "Points Possible" (and, in older exports, a muting row).
  const pointsRow = rest.find((r) => r.cells[0]?.value.trim() === 'Points Possible');
  const body = rest.filter((r) => !/^(Points Possible|)$/.test(r.cells[0]?.value.trim() ?? '') || (r.cells[1]?.value.trim() ?? '') !== '');
  const items: { index: number; target: ItemTarget; percent: boolean; max: number }[] = [];
  header.cells.forEach((c, index) => {
    const name = c.value.trim();
    const id = /\s\((\d+)\)$/.exec(name);
    // Only assignment columns carry Canvas's id; the others are identity and read-only totals.
    if (!id || context.mapping.ignoreColumns.has(normalizeName(name))) return;
    const target = itemByName(name, context) ?? itemByName(name.slice(0, id.index), context);
    if (!target) {
      context.reporter.report('records_column_unknown', { column: name, format: 'Canvas gradebook' }, source.at(c.start, c.end));
      return;
    }
    const points = Number(pointsRow?.cells[index]?.value);
    items.push({ index, target, percent: false, max: Number.isFinite(points) && points > 0 ? points : 100 });
  });
  readGradebookRows(
    body.filter((r) => r !== pointsRow),
    source,
    context,
    items,
    (row) => person({ names: [canvasName(col.cell(row, 'Student')?.value ?? '')], ids: [col.cell(row, 'SIS User ID')?.value, col.cell(row, 'SIS Login ID')?.value, col.cell(row, 'ID')?.value], emails: [col.cell(row, 'SIS Login ID')?.value].filter((x) => x?.includes('@')) }),
  );
}

/** Canvas writes "Last, First": the name people use is "First Last". */
function canvasName(written: string): string {
  const [last, first] = written.split(',').map((s) => s.trim());
  return first ? `${first} ${last}` : written;
}

function readGradebookRows(
  body: readonly CsvRow[],
  source: RecordsText,
  context: ReadContext,
  items: readonly { index: number; target: ItemTarget; percent: boolean; max?: number }[],
  personOf: (row: CsvRow) => PersonRef,
): void {
  const seen = new Map<string, Location>();
  for (const row of body) {
    const who = personOf(row);
    const key = who.emails[0] ?? who.ids[0] ?? who.names[0] ?? '';
    if (seen.has(key)) {
      context.reporter.report('records_row_duplicate', { what: who.shown }, source.at(row.start, row.end), { related: [{ role: 'first-defined', ...seen.get(key)! }] });
      continue;
    }
    seen.set(key, source.at(row.start, row.end));
    const where = source.at(row.start, row.end);
    context.evidence.enrolments.push({ person: who, where, order: context.nextOrder() });
    for (const item of items) {
      const cell = row.cells[item.index];
      const max = item.percent ? 100 : (item.max ?? item.target.max ?? 100);
      const score = readScore(cell, max, source, context);
      if (score === undefined || score === 'invalid') continue;
      const at = source.at(cell!.start, cell!.end);
      if (item.target.category === 'module') context.evidence.modules.push({ person: who, where: at, order: context.nextOrder(), module: item.target.id, score, grain: 'overall' });
      else if (item.target.category === 'assignment') context.evidence.submissions.push({ person: who, where: at, order: context.nextOrder(), assignment: item.target.id, score });
      else if (item.target.category === 'exam' || item.target.category === 'assessment') context.evidence.grades.push({ person: who, where: at, order: context.nextOrder(), category: item.target.category, item: item.target.id, score });
    }
  }
}

function readMoodleQuiz(rows: readonly CsvRow[], source: RecordsText, context: ReadContext, module: string | undefined): void {
  const [header, ...body] = rows as [CsvRow, ...CsvRow[]];
  const col = columns(header);
  const gradeIndex = header.cells.findIndex((c) => /^grade\/\d/i.test(c.value.trim()));
  const max = gradeIndex >= 0 ? Number(header.cells[gradeIndex]!.value.trim().slice(6)) : NaN;
  const seen = new Map<string, Location>();
  for (const row of body) {
    const surname = col.cell(row, 'Surname') ?? col.cell(row, 'Last name');
    // The report ends with averages, which are no one's attempt.
    if (/average/i.test(surname?.value ?? '') || (col.cell(row, 'Email address')?.value.trim() ?? '') === '') continue;
    const state = (col.cell(row, 'State') ?? col.cell(row, 'Status'))?.value.trim().toLowerCase();
    if (state !== undefined && state !== 'finished') continue;
    const who = person({ emails: [col.cell(row, 'Email address')?.value], names: [`${col.cell(row, 'First name')?.value ?? ''} ${surname?.value ?? ''}`] });
    const timeCell = col.cell(row, 'Completed') ?? col.cell(row, 'Started on');
    let time: number | undefined;
    if (timeCell && timeCell.value.trim() !== '' && timeCell.value.trim() !== '-') {
      const t = readTime(timeCell.value, context.zone);
      if ('problem' in t) {
        reportTime(timeCell, t.problem, 'Moodle quiz report', source, context);
        continue;
      }
      time = t.ms;
    }
    const key = `${who.emails[0]} ${time}`;
    if (seen.has(key)) {
      context.reporter.report('records_row_duplicate', { what: who.shown }, source.at(row.start, row.end), { related: [{ role: 'first-defined', ...seen.get(key)! }] });
      continue;
    }
    seen.set(key, source.at(row.start, row.end));
    const score = readScore(row.cells[gradeIndex], Number.isFinite(max) && max > 0 ? max : 100, source, context);
    if (score === 'invalid' || score === undefined) continue;
    context.evidence.modules.push({ person: who, where: source.at(row.start, row.end), order: context.nextOrder(), module: module!, score, ...(time !== undefined ? { time } : {}), grain: 'attempt' });
  }
}

function readZoom(rows: readonly CsvRow[], source: RecordsText, context: ReadContext): void {
  const headerAt = rows.findIndex((r) => has(r, 'Join Time', 'Leave Time'));
  const header = rows[headerAt]!;
  const col = columns(header);
  // The meeting section, when exported with it: its id may be mapped to a session.
  let mappedSession: string | undefined;
  if (headerAt >= 2 && has(rows[0], 'Meeting ID')) {
    const meeting = columns(rows[0]!).cell(rows[1]!, 'Meeting ID');
    if (meeting) mappedSession = context.mapping.sessions.get(meetingKey(meeting.value));
  }
  const nameColumn = header.cells.find((c) => /^name( \(original name\))?$/i.test(c.value.trim()))?.value ?? 'Name (Original Name)';
  const emailColumn = header.cells.find((c) => /^(user )?email$/i.test(c.value.trim()))?.value ?? 'User Email';
  const seen = new Map<string, Location>();
  for (const row of rows.slice(headerAt + 1)) {
    const nameCell = col.cell(row, nameColumn);
    const written = nameCell?.value.trim() ?? '';
    // "Name (Original Name)": the name shown in the meeting, and the account's name when the participant renamed themself.
    const renamed = /^(.*?)\s*\(([^()]*)\)$/.exec(written);
    const names = renamed ? [renamed[2]!, renamed[1]!] : [written];
    const email = col.cell(row, emailColumn)?.value;
    const who = person({ emails: [email], names });
    const join = col.cell(row, 'Join Time');
    const leave = col.cell(row, 'Leave Time');
    if (!join || !leave) continue;
    const times = [readTime(join.value, context.zone), readTime(leave.value, context.zone)] as const;
    let bad = false;
    times.forEach((t, i) => {
      if ('problem' in t) {
        reportTime(i === 0 ? join : leave, t.problem, 'Zoom participants report', source, context);
        bad = true;
      }
    });
    if (bad) continue;
    const [from, to] = times.map((t) => (t as { ms: number }).ms) as [number, number];
    const key = `${who.emails[0] ?? who.names[0]} ${from} ${to}`;
    if (seen.has(key)) {
      context.reporter.report('records_row_duplicate', { what: who.shown }, source.at(row.start, row.end), { related: [{ role: 'first-defined', ...seen.get(key)! }] });
      continue;
    }
    seen.set(key, source.at(row.start, row.end));
    const session = mappedSession ?? sessionAt(from, to, context.curriculum);
    if (!session) {
      context.reporter.report('records_item_unknown', { name: `${join.value} – ${leave.value}`, category: 'session', known: [], noSessionAtTime: true }, source.at(join.start, leave.end));
      continue;
    }
    context.evidence.presence.push({ person: who, where: source.at(row.start, row.end), order: context.nextOrder(), session, join: Math.min(from, to), leave: Math.max(from, to) });
  }
}

/** The live session a stretch of presence overlaps most: a meeting opened early or run late still belongs to it. */
function sessionAt(from: number, to: number, curriculum: Curriculum): string | undefined {
  let best: { id: string; overlap: number } | undefined;
  for (const s of curriculum.schedule.sessions) {
    const start = Date.parse(s.start.utc);
    const end = Date.parse(s.end.utc);
    // Joining up to an hour early or staying an hour late is still this session's meeting.
    const overlap = Math.min(to, end + 3_600_000) - Math.max(from, start - 3_600_000);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { id: s.id, overlap };
  }
  return best?.id;
}

function readSubmissions(rows: readonly CsvRow[], source: RecordsText, context: ReadContext): void {
  const [header, ...body] = rows as [CsvRow, ...CsvRow[]];
  const col = columns(header);
  for (const c of header.cells) {
    if (!['learner', 'item', 'submitted at', 'score', 'max'].includes(c.value.trim().toLowerCase()) && !context.mapping.ignoreColumns.has(normalizeName(c.value))) {
      context.reporter.report('records_column_unknown', { column: c.value, format: 'submissions' }, source.at(c.start, c.end));
    }
  }
  const seen = new Map<string, Location>();
  for (const row of body) {
    const learner = col.cell(row, 'learner');
    const item = col.cell(row, 'item');
    if (!learner || !item || learner.value.trim() === '') continue;
    const who = person(learner.value.includes('@') ? { emails: [learner.value] } : { ids: [learner.value], names: [learner.value] });
    const target = itemByName(item.value, context);
    if (!target || target.category === 'session') {
      context.reporter.report('records_item_unknown', { name: item.value, category: 'assignment', known: [...context.curriculum.assignments.map((a) => a.id), ...context.curriculum.modules.map((m) => m.id)] }, source.at(item.start, item.end));
      continue;
    }
    const timeCell = col.cell(row, 'submitted at');
    let time: number | undefined;
    if (timeCell && timeCell.value.trim() !== '') {
      const t = readTime(timeCell.value, context.zone);
      if ('problem' in t) {
        reportTime(timeCell, t.problem, 'submissions', source, context);
        continue;
      }
      time = t.ms;
    }
    const key = `${normalizeName(learner.value)} ${target.id} ${time}`;
    if (seen.has(key)) {
      context.reporter.report('records_row_duplicate', { what: `${learner.value.trim()} · ${item.value.trim()}` }, source.at(row.start, row.end), { related: [{ role: 'first-defined', ...seen.get(key)! }] });
      continue;
    }
    seen.set(key, source.at(row.start, row.end));
    const maxCell = col.cell(row, 'max');
    const max = maxCell && maxCell.value.trim() !== '' ? Number(maxCell.value) : 100;
    const score = readScore(col.cell(row, 'score'), Number.isFinite(max) && max > 0 ? max : 100, source, context);
    if (score === 'invalid') continue;
    const fact = { person: who, where: source.at(row.start, row.end), order: context.nextOrder(), ...(time !== undefined ? { time } : {}), ...(score !== undefined ? { score } : {}) };
    if (target.category === 'module') context.evidence.modules.push({ ...fact, module: target.id, grain: 'attempt', ...(score === undefined ? { completed: true } : {}) });
    else if (target.category === 'exam' || target.category === 'assessment') context.evidence.grades.push({ ...fact, category: target.category, item: target.id });
    else context.evidence.submissions.push({ ...fact, assignment: target.id });
  }
}

const verbs: Record<string, 'passed' | 'failed' | 'completed'> = {
  'http://adlnet.gov/expapi/verbs/passed': 'passed',
  'http://adlnet.gov/expapi/verbs/failed': 'failed',
  'http://adlnet.gov/expapi/verbs/completed': 'completed',
};

function readXapi(source: RecordsText, context: ReadContext): void {
  let data: unknown;
  try {
    data = JSON.parse(source.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    context.reporter.report('records_value_invalid', { kind: 'json', parserMessage: message }, source.at(offset, offset + 1));
    return;
  }
  // An LRS answers with pages; several pages saved into one file are an array of them.
  const pages = Array.isArray(data) && data.every((d) => d && typeof d === 'object' && 'statements' in d) && data.length > 0 ? data : [data];
  const statements: unknown[] = pages.flatMap((p) => (Array.isArray(p) ? p : p && typeof p === 'object' && Array.isArray((p as { statements?: unknown }).statements) ? (p as { statements: unknown[] }).statements : []));
  if (statements.length === 0 && !(Array.isArray(data) && data.length === 0)) {
    context.reporter.report('records_value_invalid', { kind: 'no-statements' }, source.at(0, 1));
    return;
  }
  const aus = new Map(context.curriculum.modules.map((m) => [cmi5Iris.au(context.curriculum, m.id), m.id] as const));
  const base = context.curriculum.lms.iri;
  const seen = new Map<string, Location>();
  let searchFrom = 0;
  for (const raw of statements) {
    const s = raw as {
      id?: string;
      actor?: { mbox?: string; name?: string; account?: { name?: string; homePage?: string } };
      verb?: { id?: string };
      object?: { id?: string };
      result?: { score?: { scaled?: number; raw?: number; min?: number; max?: number }; success?: boolean };
      timestamp?: string;
    };
    // Locate the statement in the text by its id (or its object id) for the diagnostics.
    const needle = s.id ?? s.object?.id ?? '';
    const found = needle ? source.text.indexOf(JSON.stringify(needle), searchFrom) : -1;
    const start = found >= 0 ? found : searchFrom;
    if (found >= 0) searchFrom = found + 1;
    const where = source.at(start, start + (found >= 0 ? JSON.stringify(needle).length : 1));
    const verb = verbs[s.verb?.id ?? ''];
    if (!verb) continue;
    const objectId = s.object?.id ?? '';
    const module = aus.get(objectId) ?? (context.mapping.items.get(normalizeName(objectId))?.category === 'module' ? context.mapping.items.get(normalizeName(objectId))!.id : undefined);
    if (!module) {
      if (objectId.startsWith(base)) context.reporter.report('records_item_unknown', { name: objectId, category: 'module', known: [...aus.keys()] }, where);
      else context.reporter.report('records_other_course', { object: objectId, iri: base }, where);
      continue;
    }
    if (s.id) {
      if (seen.has(s.id)) {
        context.reporter.report('records_row_duplicate', { what: s.id }, where, { related: [{ role: 'first-defined', ...seen.get(s.id)! }] });
        continue;
      }
      seen.set(s.id, where);
    }
    const who = person({ emails: [s.actor?.mbox], names: [s.actor?.name], ids: [s.actor?.account?.name] });
    let time: number | undefined;
    if (s.timestamp) {
      const t = readTime(s.timestamp, undefined);
      if ('problem' in t) {
        context.reporter.report('records_value_invalid', { kind: 'time', value: s.timestamp, standard: 'xapi' }, where);
        continue;
      }
      time = t.ms;
    }
    let score: number | undefined;
    const sc = s.result?.score;
    if (sc?.scaled !== undefined) {
      if (!(sc.scaled >= -1 && sc.scaled <= 1)) {
        context.reporter.report('records_score_out_of_range', { score: String(sc.scaled), max: 1, scaled: true }, where);
        continue;
      }
      score = Math.max(0, sc.scaled) * 100;
    } else if (sc?.raw !== undefined && sc.max !== undefined && sc.max > (sc.min ?? 0)) {
      if (sc.raw < (sc.min ?? 0) || sc.raw > sc.max) {
        context.reporter.report('records_score_out_of_range', { score: String(sc.raw), max: sc.max }, where);
        continue;
      }
      score = ((sc.raw - (sc.min ?? 0)) / (sc.max - (sc.min ?? 0))) * 100;
    }
    const fact = { person: who, where, order: context.nextOrder(), module, ...(time !== undefined ? { time } : {}), grain: 'attempt' as const };
    if (verb === 'completed') context.evidence.modules.push({ ...fact, completed: true });
    else context.evidence.modules.push({ ...fact, success: verb === 'passed', ...(score !== undefined ? { score } : {}) });
  }
}
