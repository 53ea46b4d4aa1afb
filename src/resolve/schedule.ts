import type { Location, Reporter } from '../diagnostics/reporter.ts';
import type { LoadedDocument } from '../load/parse-yaml.ts';
import type { Break, DateSpan, Deadline, IsoDate, LiveSession, Period, Week } from '../model/types.ts';
import { addDays, daysBetween, maxDate, minDate, spansOverlap } from '../time/dates.ts';
import type { ScheduleDocument } from '../validate/documents.ts';
import type { Registries } from './context.ts';
import { checkDate, checkLocalDateTime, checkTimeZone } from './time-checks.ts';

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
  readonly weeks: Week[];
  readonly periods: Period[];
  readonly breaks: Break[];
  readonly sessions: LiveSession[];
  readonly deadlines: Deadline[];
  readonly moduleSlots: Map<string, Slot>;
  readonly assignmentSlots: Map<string, Slot>;
  /** Where each scheduled item is written, for diagnostics about dates. */
  readonly itemLocations: Map<string, Location>;
}

/** Registers the ids the schedule defines, before anything refers to them. */
export function defineScheduleIds(source: LoadedDocument, registries: Registries): void {
  const doc = source.data as ScheduleDocument;
  doc.phases?.forEach((p, i) => registries.phases.define(p.id, p, source.at(['phases', i, 'id'])));
  doc.periods?.forEach((p, i) => registries.periods.define(p.id, p, source.at(['periods', i, 'id'])));
  doc.breaks?.forEach((b, i) => registries.breaks.define(b.id, b, source.at(['breaks', i, 'id'])));
  doc.sessions?.forEach((s, i) => registries.sessions.define(s.id, { doc: s, index: i }, source.at(['sessions', i, 'id'])));
  doc.deadlines?.forEach((d, i) => registries.deadlines.define(d.id, { doc: d, index: i }, source.at(['deadlines', i, 'id'])));
}

export function resolveSchedule(
  source: LoadedDocument,
  programZone: string,
  registries: Registries,
  reporter: Reporter,
): ResolvedSchedule {
  const doc = source.data as ScheduleDocument;
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
      reporter.report('module_scheduled_twice', `The ${noun} \`${id}\` is scheduled more than once`, at, {
        label: 'scheduled again here',
        related: [{ message: 'first scheduled here', ...slot.firstAt }],
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
    const span = checkSpan(b.starts, b.ends, source, ['breaks', i], reporter);
    if (span) breaks.push({ id: b.id, title: b.title, span });
  });

  const weeks: Week[] = [];
  let previous: { week: Week; index: number } | undefined;
  doc.weeks?.forEach((w, i) => {
    const at = (key: string) => source.at(['weeks', i, key]);
    const last = w.through ?? w.week;
    if (last < w.week) {
      reporter.report('period_reversed', `Week entry ${w.week} runs through week ${last}, which comes before it`, at('through'), { label: `should be ${w.week} or more` });
      return;
    }
    const start = checkDate(w.starts, at('starts'), reporter);
    if (!start) return;
    let end = addDays(start, 7 * (last - w.week + 1) - 1);
    if (w.ends !== undefined) {
      const stated = checkDate(w.ends, at('ends'), reporter);
      if (!stated) return;
      if (stated < start) {
        reporter.report('period_reversed', `Week ${w.week} ends (${stated}) before it starts (${start})`, at('ends'), { label: 'before `starts`' });
        return;
      }
      end = stated;
    }
    const phaseId = w.phase && registries.phases.refer(w.phase, at('phase')) ? w.phase : undefined;
    const week: Week = {
      first: w.week,
      last,
      span: { start, end },
      ...(phaseId ? { phaseId } : {}),
      ...(w.title ? { title: w.title } : {}),
      moduleIds: registries.modules.referAll(w.modules, (j) => source.at(['weeks', i, 'modules', j])),
      assignmentIds: registries.assignments.referAll(w.assignments, (j) => source.at(['weeks', i, 'assignments', j])),
      sessionIds: [],
      deadlineIds: [],
      ...(w.note ? { note: w.note } : {}),
    };
    const label = weekLabel(week);
    if (previous) {
      const prev = previous.week;
      if (week.first <= prev.last || week.span.start <= prev.span.start) {
        reporter.report(
          'week_order',
          week.first <= prev.last
            ? `${label} comes after ${weekLabel(prev)} but is not numbered after it`
            : `${label} starts on ${start}, not after ${weekLabel(prev)} (${prev.span.start})`,
          at(week.first <= prev.last ? 'week' : 'starts'),
          { label: 'out of order', related: [{ message: `${weekLabel(prev)} is here`, ...source.at(['weeks', previous.index, 'week']) }] },
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
    const span = checkSpan(p.starts, p.ends, source, ['periods', i], reporter);
    if (!span) return;
    const period: Period = {
      id: p.id,
      title: p.title,
      span,
      moduleIds: registries.modules.referAll(p.modules, (j) => source.at(['periods', i, 'modules', j])),
      assignmentIds: registries.assignments.referAll(p.assignments, (j) => source.at(['periods', i, 'assignments', j])),
      ...(p.description ? { description: p.description } : {}),
    };
    periods.push(period);
    itemLocations.set(`period:${p.id}`, source.at(['periods', i, 'ends']));
    period.moduleIds.forEach((id) => place(moduleSlots, 'module', id, source.at(['periods', i, 'modules', p.modules!.indexOf(id)]), span, undefined, p.id));
    period.assignmentIds.forEach((id) => place(assignmentSlots, 'assignment', id, source.at(['periods', i, 'assignments', p.assignments!.indexOf(id)]), span, undefined, p.id));
  });

  const sessions: LiveSession[] = [];
  doc.sessions?.forEach((s, i) => {
    const at = (key: string) => source.at(['sessions', i, key]);
    const sessionZone = s.timeZone ? checkTimeZone(s.timeZone, at('timeZone'), reporter) : zone;
    if (!sessionZone) return;
    const start = checkLocalDateTime(s.starts, sessionZone, at('starts'), reporter);
    const end = checkLocalDateTime(s.ends, sessionZone, at('ends'), reporter);
    if (!start || !end) return;
    if (end.utc <= start.utc) {
      reporter.report('period_reversed', `The session \`${s.id}\` ends (${s.ends.replace('T', ' ')}) ${end.utc === start.utc ? 'when' : 'before'} it starts (${s.starts.replace('T', ' ')})`, at('ends'), {
        label: 'not after `starts`',
      });
      return;
    }
    sessions.push({
      id: s.id,
      title: s.title,
      kind: s.kind ?? 'other',
      organizerIds: registries.organizers.referAll(s.by, (j) => source.at(['sessions', i, 'by', j])),
      start,
      end,
      durationMinutes: Math.round((Date.parse(end.utc) - Date.parse(start.utc)) / 60_000),
      ...(s.online ? { online: s.online } : {}),
      ...(s.place ? { place: s.place } : {}),
      ...(s.description ? { description: s.description } : {}),
      ...(s.note ? { note: s.note } : {}),
    });
    itemLocations.set(`session:${s.id}`, at('starts'));
  });
  checkSessionOverlaps(sessions, registries, reporter);

  const deadlines: Deadline[] = [];
  doc.deadlines?.forEach((d, i) => {
    const at = (key: string) => source.at(['deadlines', i, key]);
    const deadlineZone = d.timeZone ? checkTimeZone(d.timeZone, at('timeZone'), reporter) : zone;
    if (!deadlineZone) return;
    const endOfDay = !d.due.includes('T');
    const dueAt = checkLocalDateTime(endOfDay ? `${d.due}T23:59:59` : d.due, deadlineZone, at('due'), reporter);
    if (!dueAt) return;
    deadlines.push({
      id: d.id,
      title: d.title,
      due: { date: d.due.slice(0, 10), endOfDay, at: dueAt },
      moduleIds: registries.modules.referAll(d.modules, (j) => source.at(['deadlines', i, 'modules', j])),
      assignmentIds: registries.assignments.referAll(d.assignments, (j) => source.at(['deadlines', i, 'assignments', j])),
      ...(d.description ? { description: d.description } : {}),
      implicit: false,
    });
    itemLocations.set(`deadline:${d.id}`, at('due'));
  });

  // Each week lists the sessions and deadlines that fall in it, on the schedule's own calendar.
  const filledWeeks = weeks.map((w) => ({
    ...w,
    sessionIds: sessions.filter((s) => inSpan(s.start.local.slice(0, 10), w.span)).map((s) => s.id),
    deadlineIds: deadlines.filter((d) => inSpan(d.due.date, w.span)).map((d) => d.id),
  }));

  return { timeZone: zone, weeks: filledWeeks, periods, breaks, sessions, deadlines, moduleSlots, assignmentSlots, itemLocations };
}

function checkSpan(starts: string, ends: string, source: LoadedDocument, path: (string | number)[], reporter: Reporter): DateSpan | undefined {
  const start = checkDate(starts, source.at([...path, 'starts']), reporter);
  const end = checkDate(ends, source.at([...path, 'ends']), reporter);
  if (!start || !end) return undefined;
  if (end < start) {
    reporter.report('period_reversed', `This ends (${end}) before it starts (${start})`, source.at([...path, 'ends']), {
      label: 'before `starts`',
      related: [{ message: 'the start', ...source.at([...path, 'starts']) }],
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
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  reporter.report(
    'week_start_irregular',
    `${weekLabel(week)} starts on ${week.span.start}, ${days(actualGap)} after ${weekLabel(prev)} (${prev.span.start}); ${days(Math.abs(shift))} ${shift > 0 ? 'later' : 'earlier'} than a weekly rhythm gives (${expected})`,
    at,
    {
      label: shift > 0 ? `${days(shift)} later than expected` : `${days(-shift)} earlier than expected`,
      hint:
        shift > 0
          ? `If the gap is a holiday, declare it under \`breaks:\` (e.g. starts: ${expected}, ends: ${addDays(week.span.start, -1)}); otherwise correct the date.`
          : `Correct the date, or the start of ${weekLabel(prev)}.`,
    },
  );
}

function checkSessionOverlaps(sessions: readonly LiveSession[], registries: Registries, reporter: Reporter): void {
  const sorted = [...sessions].sort((a, b) => (a.start.utc < b.start.utc ? -1 : a.start.utc > b.start.utc ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.start.utc < a.end.utc) {
      const at = registries.sessions.locationOf(b.id);
      const other = registries.sessions.locationOf(a.id);
      reporter.report('session_overlap', `The session \`${b.id}\` starts before \`${a.id}\` ends`, at, {
        label: `starts ${b.start.local.replace('T', ' ')} (${b.start.timeZone})`,
        hint: `\`${a.id}\` runs until ${a.end.local.replace('T', ' ')} ${a.end.timeZone}; move one of them.`,
        related: other ? [{ message: `\`${a.id}\` is defined here`, ...other }] : [],
      });
    }
  }
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
