import type { Location, Reporter } from '../diagnostics/reporter.ts';
import type { LoadedDocument } from '../load/parse-yaml.ts';
import type { Break, DateSpan, Deadline, Exam, IsoDate, LiveSession, Period, SectionGroup, SessionSeries, Week } from '../model/types.ts';
import { addDays, daysBetween, maxDate, minDate, spansOverlap } from '../time/dates.ts';
import type { ScheduleDocument, ValidatedDocument } from '../validate/documents.ts';
import type { Registries } from './context.ts';
import { localString } from '../time/zones.ts';
import { checkDate, checkLocalDateTime, checkTimeZone } from './time-checks.ts';
import { checkEventsInBreaks, defineSeriesIds, resolveExams, resolveSections, resolveSeries } from './series.ts';

/** Live sessions last hours: a longer one is a mistyped date or a 12-hour clock time. */
const MAX_SESSION_HOURS = 12;

/** Where a module or assignment is scheduled. */
export interface Slot {
  readonly weekNumbers: number[];
  readonly periodIds: string[];
  readonly phaseIds: string[];
  span?: DateSpan;
  /** Where it was first scheduled, for a "scheduled twice" diagnostic. */
  readonly firstAt: Location;
}

export interface ResolvedSchedule {
  readonly timeZone: string;
  /** Without their sessions and deadlines yet: `placeInWeeks` adds them once every deadline is known. */
  readonly weeks: Week[];
  readonly periods: Period[];
  readonly breaks: Break[];
  /** Single sessions, then the occurrences of each series. */
  readonly sessions: LiveSession[];
  readonly series: SessionSeries[];
  readonly sections: SectionGroup[];
  /** Covering modules in the order written (`covers: all`: as defined) until the modules are resolved. */
  readonly exams: Exam[];
  readonly deadlines: Deadline[];
  readonly moduleSlots: Map<string, Slot>;
  readonly assignmentSlots: Map<string, Slot>;
  /** Where each scheduled item is written, for diagnostics about dates. */
  readonly itemLocations: Map<string, Location>;
  /**
   * Modules listed in a week or period whose dates are invalid: they are scheduled as far as
   * the author is concerned, so "not scheduled" would be a false report.
   */
  readonly listedModules: Set<string>;
  /**
   * Whether an entry was left out for an error in its own values (a date, a zone): what is
   * counted or selected over the schedule is then unknown, and not reported on.
   */
  readonly incomplete: boolean;
}

/** Registers the ids the schedule defines, before anything refers to them. */
export function defineScheduleIds(source: ValidatedDocument<'schedule'>, registries: Registries): void {
  const doc = source.data;
  doc.phases?.forEach((p, i) => registries.phases.define(p.id, p, source.at(['phases', i, 'id'])));
  doc.periods?.forEach((p, i) => registries.periods.define(p.id, p, source.at(['periods', i, 'id'])));
  doc.breaks?.forEach((b, i) => registries.breaks.define(b.id, b, source.at(['breaks', i, 'id'])));
  doc.sessions?.forEach((s, i) => registries.sessions.define(s.id, { doc: s, index: i }, source.at(['sessions', i, 'id'])));
  doc.deadlines?.forEach((d, i) => registries.deadlines.define(d.id, { doc: d, index: i }, source.at(['deadlines', i, 'id'])));
  defineSeriesIds(source, registries);
}

export function resolveSchedule(
  source: ValidatedDocument<'schedule'>,
  programZone: string,
  registries: Registries,
  reporter: Reporter,
): ResolvedSchedule {
  const errorsBefore = reporter.errorCount;
  const doc = source.data;
  const zone = doc.timeZone ? (checkTimeZone(doc.timeZone, source.at(['timeZone']), reporter) ?? programZone) : programZone;
  const moduleSlots = new Map<string, Slot>();
  const assignmentSlots = new Map<string, Slot>();
  const itemLocations = new Map<string, Location>();

  const place = (slots: Map<string, Slot>, noun: string, id: string, at: Location, span: DateSpan, week?: { numbers: number[]; phaseId?: string }, periodId?: string) => {
    let slot = slots.get(id);
    if (!slot) {
      slot = { weekNumbers: [], periodIds: [], phaseIds: [], span, firstAt: at };
      slots.set(id, slot);
    } else {
      reporter.report('module_scheduled_twice', { noun, id }, at, {
        related: [{ role: 'scheduled', first: true, ...slot.firstAt }],
      });
      slot.span = slot.span ? { start: minDate(slot.span.start, span.start), end: maxDate(slot.span.end, span.end) } : span;
    }
    if (week) slot.weekNumbers.push(...week.numbers);
    if (week?.phaseId && !slot.phaseIds.includes(week.phaseId)) slot.phaseIds.push(week.phaseId);
    if (periodId) slot.periodIds.push(periodId);
  };

  // Breaks first: they explain gaps between weeks.
  const breaks: Break[] = [];
  doc.breaks?.forEach((b, i) => {
    const span = checkSpan({ what: 'break', id: b.id }, b.starts, b.ends, source, ['breaks', i], reporter);
    if (span) breaks.push({ id: b.id, title: b.title, span });
  });

  const weeks: Week[] = [];
  const listedModules = new Set<string>();
  let previous: { week: Week; index: number } | undefined;
  doc.weeks?.forEach((w, i) => {
    const at = (key: string) => source.at(['weeks', i, key]);
    // References first, so that a wrong date does not hide a wrong id in the same entry.
    const phaseId = w.phase && registries.phases.refer(w.phase, at('phase')) ? w.phase : undefined;
    const moduleIds = registries.modules.referAll(w.modules, (j) => source.at(['weeks', i, 'modules', j]));
    const assignmentIds = registries.assignments.referAll(w.assignments, (j) => source.at(['weeks', i, 'assignments', j]));
    const dated = weekSpan(w, at, reporter);
    if (!dated) {
      moduleIds.forEach((id) => listedModules.add(id));
      return;
    }
    const { first, last, start, end } = dated;
    const week: Week = {
      first,
      last,
      span: { start, end },
      ...(phaseId ? { phaseId } : {}),
      ...(w.title ? { title: w.title } : {}),
      moduleIds,
      assignmentIds,
      sessionIds: [],
      deadlineIds: [],
      examIds: [],
      ...(w.note ? { note: w.note } : {}),
    };
    const label = weekLabel(week);
    if (previous) {
      const prev = previous.week;
      if (week.first <= prev.last || week.span.start <= prev.span.start) {
        const numbering = week.first <= prev.last;
        reporter.report(
          'week_order',
          numbering
            ? { problem: 'numbering', week: label, previous: weekLabel(prev), previousLast: prev.last }
            : { problem: 'date', week: label, start, previous: weekLabel(prev), previousStart: prev.span.start },
          at(numbering ? 'week' : 'starts'),
          {
            related: [{ role: 'entry-before', week: weekLabel(prev), ...source.at(['weeks', previous.index, numbering ? 'week' : 'starts']) }],
          },
        );
      } else {
        checkWeekGap(prev, week, breaks, at('starts'), reporter);
      }
    }
    previous = { week, index: i };
    weeks.push(week);
    itemLocations.set(`week:${w.week}`, at('starts'));
    week.moduleIds.forEach((id) => place(moduleSlots, 'module', id, source.at(['weeks', i, 'modules', w.modules!.indexOf(id)]), week.span, { numbers: range(week.first, week.last), ...(phaseId ? { phaseId } : {}) }));
    week.assignmentIds.forEach((id) => place(assignmentSlots, 'assignment', id, source.at(['weeks', i, 'assignments', w.assignments!.indexOf(id)]), week.span, { numbers: range(week.first, week.last), ...(phaseId ? { phaseId } : {}) }));
  });

  const periods: Period[] = [];
  doc.periods?.forEach((p, i) => {
    const moduleIds = registries.modules.referAll(p.modules, (j) => source.at(['periods', i, 'modules', j]));
    const assignmentIds = registries.assignments.referAll(p.assignments, (j) => source.at(['periods', i, 'assignments', j]));
    const span = checkSpan({ what: 'period', id: p.id }, p.starts, p.ends, source, ['periods', i], reporter);
    if (!span) {
      moduleIds.forEach((id) => listedModules.add(id));
      return;
    }
    const period: Period = {
      id: p.id,
      title: p.title,
      span,
      moduleIds,
      assignmentIds,
      ...(p.description ? { description: p.description } : {}),
    };
    periods.push(period);
    itemLocations.set(`period:${p.id}`, source.at(['periods', i, 'ends']));
    period.moduleIds.forEach((id) => place(moduleSlots, 'module', id, source.at(['periods', i, 'modules', p.modules!.indexOf(id)]), span, undefined, p.id));
    period.assignmentIds.forEach((id) => place(assignmentSlots, 'assignment', id, source.at(['periods', i, 'assignments', p.assignments!.indexOf(id)]), span, undefined, p.id));
  });

  const sessions: LiveSession[] = [];
  const sessionEnds = new Map<string, Location>();
  doc.sessions?.forEach((s, i) => {
    const at = (key: string) => source.at(['sessions', i, key]);
    const organizerIds = registries.organizers.referAll(s.by, (j) => source.at(['sessions', i, 'by', j]));
    const sectionId = s.section && registries.sections.refer(s.section, at('section')) ? s.section : undefined;
    const sessionZone = s.timeZone ? checkTimeZone(s.timeZone, at('timeZone'), reporter) : zone;
    if (!sessionZone) return;
    const start = checkLocalDateTime(s.starts, sessionZone, at('starts'), reporter);
    const end = checkLocalDateTime(s.ends, sessionZone, at('ends'), reporter);
    if (!start || !end) return;
    if (end.utc <= start.utc) {
      reporter.report('session_reversed', { id: s.id, start: s.starts.replace('T', ' '), end: s.ends.replace('T', ' '), sameTime: end.utc === start.utc }, at('ends'), {
        related: [{ role: 'start', ...at('starts') }],
      });
      return;
    }
    const hours = (Date.parse(end.utc) - Date.parse(start.utc)) / 3_600_000;
    if (hours > MAX_SESSION_HOURS) {
      reporter.report('session_too_long', { id: s.id, hours: Number(hours.toFixed(1)), start: s.starts.replace('T', ' '), end: s.ends.replace('T', ' ') }, at('ends'), {
        related: [{ role: 'start', ...at('starts') }],
      });
    }
    sessionEnds.set(s.id, at('ends'));
    sessions.push({
      id: s.id,
      title: s.title,
      kind: s.kind ?? 'other',
      organizerIds,
      start,
      end,
      durationMinutes: Math.round((Date.parse(end.utc) - Date.parse(start.utc)) / 60_000),
      ...(s.online ? { online: s.online } : {}),
      ...(s.place ? { place: s.place } : {}),
      ...(s.description ? { description: s.description } : {}),
      ...(s.note ? { note: s.note } : {}),
      ...(sectionId ? { sectionId } : {}),
    });
    itemLocations.set(`session:${s.id}`, at('starts'));
  });
  const singleSessions = sessions.length;
  const expanded = resolveSeries(source, zone, breaks, registries, reporter);
  sessions.push(...expanded.sessions);
  for (const [id, at] of expanded.starts) itemLocations.set(`session:${id}`, at);
  for (const [id, at] of expanded.ends) sessionEnds.set(id, at);
  checkSessionOverlaps(sessions, itemLocations, sessionEnds, reporter);
  const sections = resolveSections(source, sessions, expanded.series);
  const { exams, starts: examStarts } = resolveExams(source, zone, registries, reporter);
  for (const [id, at] of examStarts) itemLocations.set(`exam:${id}`, at);
  const breakLocations = new Map((doc.breaks ?? []).map((b, i) => [b.id, source.at(['breaks', i, 'starts'])] as const));
  checkEventsInBreaks(
    [
      // Series skip break days; only an occurrence moved into one can fall there.
      ...sessions.filter((s, i) => i < singleSessions || s.movedFrom).map((s) => ({ what: 'session' as const, id: s.id, start: s.start, end: s.end, at: itemLocations.get(`session:${s.id}`) })),
      ...exams.map((e) => ({ what: 'exam' as const, id: e.id, start: e.start, end: e.end, at: examStarts.get(e.id) })),
    ],
    breaks,
    breakLocations,
    reporter,
  );

  const deadlines: Deadline[] = [];
  doc.deadlines?.forEach((d, i) => {
    const at = (key: string) => source.at(['deadlines', i, key]);
    const moduleIds = registries.modules.referAll(d.modules, (j) => source.at(['deadlines', i, 'modules', j]));
    const assignmentIds = registries.assignments.referAll(d.assignments, (j) => source.at(['deadlines', i, 'assignments', j]));
    const deadlineZone = d.timeZone ? checkTimeZone(d.timeZone, at('timeZone'), reporter) : zone;
    if (!deadlineZone) return;
    const endOfDay = !d.due.includes('T');
    const dueAt = checkLocalDateTime(endOfDay ? `${d.due}T23:59:59` : d.due, deadlineZone, at('due'), reporter);
    if (!dueAt) return;
    deadlines.push({
      id: d.id,
      title: d.title,
      due: { date: dueAt.date, endOfDay, at: dueAt },
      moduleIds,
      assignmentIds,
      ...(d.description ? { description: d.description } : {}),
      implicit: false,
    });
    itemLocations.set(`deadline:${d.id}`, at('due'));
  });

  const incomplete = reporter.errorCount > errorsBefore;
  return { timeZone: zone, weeks, periods, breaks, sessions, series: expanded.series, sections, exams, deadlines, moduleSlots, assignmentSlots, itemLocations, listedModules, incomplete };
}

/**
 * Each week lists the sessions and deadlines that fall in it, on the schedule's own
 * calendar. Done once every deadline is known, those the policy implies included, so
 * that no reader has to place any itself.
 */
export function placeInWeeks(weeks: readonly Week[], sessions: readonly LiveSession[], deadlines: readonly Deadline[], exams: readonly Exam[] = []): Week[] {
  return weeks.map((w) => ({
    ...w,
    sessionIds: sessions.filter((s) => inSpan(s.start.date, w.span)).map((s) => s.id),
    deadlineIds: deadlines.filter((d) => inSpan(d.due.date, w.span)).map((d) => d.id),
    examIds: exams.filter((e) => inSpan(e.start.date, w.span)).map((e) => e.id),
  }));
}

/** The dates of a week entry, or undefined (after reporting) when they are invalid or reversed. */
function weekSpan(
  w: NonNullable<ScheduleDocument['weeks']>[number],
  at: (key: string) => Location,
  reporter: Reporter,
): { first: number; last: number; start: IsoDate; end: IsoDate } | undefined {
  const last = w.through ?? w.week;
  const start = checkDate(w.starts, at('starts'), reporter);
  const stated = w.ends !== undefined ? checkDate(w.ends, at('ends'), reporter) : undefined;
  if (last < w.week) {
    reporter.report('period_reversed', { what: 'week range', week: w.week, through: last }, at('through'), {
      related: [{ role: 'first-week', ...at('week') }],
    });
    return undefined;
  }
  if (!start || (w.ends !== undefined && !stated)) return undefined;
  if (stated !== undefined && stated < start) {
    reporter.report('period_reversed', { what: 'week', week: w.week, start, end: stated }, at('ends'), {
      related: [{ role: 'start', ...at('starts') }],
    });
    return undefined;
  }
  return { first: w.week, last, start, end: stated ?? addDays(start, 7 * (last - w.week + 1) - 1) };
}

function checkSpan(subject: { what: 'break' | 'period'; id: string }, starts: string, ends: string, source: LoadedDocument, path: (string | number)[], reporter: Reporter): DateSpan | undefined {
  const start = checkDate(starts, source.at([...path, 'starts']), reporter);
  const end = checkDate(ends, source.at([...path, 'ends']), reporter);
  if (!start || !end) return undefined;
  if (end < start) {
    reporter.report('period_reversed', { ...subject, start, end }, source.at([...path, 'ends']), {
      related: [{ role: 'start', ...source.at([...path, 'starts']) }],
    });
    return undefined;
  }
  return { start, end };
}

/**
 * Weeks follow each other every 7 days. A later start is fine when a declared break
 * covers the missing days; anything else is probably a typo or an undeclared holiday.
 */
function checkWeekGap(prev: Week, week: Week, breaks: readonly Break[], at: Location, reporter: Reporter): void {
  const expected = addDays(prev.span.start, 7 * (week.first - prev.first));
  const shift = daysBetween(expected, week.span.start);
  if (shift === 0) return;
  if (shift > 0) {
    const gap = { start: expected, end: addDays(week.span.start, -1) };
    if (breaks.some((b) => spansOverlap(b.span, gap))) return;
  }
  const actualGap = daysBetween(prev.span.start, week.span.start);
  reporter.report(
    'week_start_irregular',
    {
      week: weekLabel(week),
      start: week.span.start,
      previous: weekLabel(prev),
      previousStart: prev.span.start,
      gap: actualGap,
      expected,
      shift,
      dayBefore: addDays(week.span.start, -1),
    },
    at,
  );
}

function checkSessionOverlaps(
  sessions: readonly LiveSession[],
  starts: ReadonlyMap<string, Location>,
  ends: ReadonlyMap<string, Location>,
  reporter: Reporter,
): void {
  const sorted = [...sessions].sort((a, b) => (a.start.utc < b.start.utc ? -1 : a.start.utc > b.start.utc ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const b = sorted[i]!;
    // A learner attends one alternative of each section group: two alternatives of one group
    // never meet, and alternatives of two groups (a recitation and a lab section) are chosen
    // to fit, so a clash between two of them is no error while another choice avoids it.
    // Compare with the latest session before it that is not such an alternative.
    let j = i - 1;
    while (j >= 0 && b.sectionId !== undefined && sorted[j]!.sectionId !== undefined) j--;
    const a = sorted[j];
    if (a && b.start.utc < a.end.utc) {
      const other = ends.get(a.id);
      // Sessions in different zones: show the start on the other session's clock too.
      const secondStartsInFirstZone = b.start.timeZone === a.end.timeZone ? undefined : clock(localString(Date.parse(b.start.utc), a.end.timeZone));
      reporter.report(
        'session_overlap',
        {
          first: { id: a.id, ends: clock(a.end.local), zone: a.end.timeZone },
          second: { id: b.id, starts: clock(b.start.local), zone: b.start.timeZone },
          secondStartsInFirstZone,
        },
        starts.get(`session:${b.id}`),
        { related: other ? [{ role: 'ends', id: a.id, ...other }] : [] },
      );
    }
  }
}

/** `2023-07-03T09:00:00` → `2023-07-03 09:00` (seconds only when there are some). */
function clock(local: string): string {
  return local.replace('T', ' ').replace(/^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}):00$/, '$1');
}

export function weekLabel(week: Pick<Week, 'first' | 'last'>): string {
  return week.first === week.last ? `Week ${week.first}` : `Weeks ${week.first}–${week.last}`;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function inSpan(date: IsoDate, span: DateSpan): boolean {
  return date >= span.start && date <= span.end;
}
