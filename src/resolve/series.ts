/**
 * The recurring parts of a schedule: weekly session series (expanded into one session
 * per meeting day), section groups (alternatives of which a learner attends one) and
 * exams. Kept apart from schedule.ts, which places weeks, periods and single sessions.
 */
import type { Location, Reporter } from '../diagnostics/reporter.ts';
import type { Break, Exam, IsoDate, LiveSession, SectionGroup, SessionSeries, Weekday, ZonedDateTime } from '../model/types.ts';
import { addDays, daysBetween, weekday } from '../time/dates.ts';
import type { ValidatedDocument } from '../validate/documents.ts';
import type { ExamEntry, Registries, SeriesEntry } from './context.ts';
import { checkDate, checkLocalDateTime, checkTimeZone } from './time-checks.ts';

const weekdays: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** A series longer than this is a mistyped year: it is reported rather than expanded into thousands of sessions. */
export const MAX_SERIES_YEARS = 5;
const MAX_SERIES_DAYS = Math.round(MAX_SERIES_YEARS * 365.25);

/** The id of the occurrence planned for `date`: stable when the occurrence is moved. */
export function occurrenceId(seriesId: string, date: IsoDate): string {
  return `${seriesId}-${date}`;
}

/**
 * The meeting days of a series from `from` to `until`, before anything is skipped;
 * empty when the dates are not usable (resolveSeries reports why).
 */
export function plannedDates(entry: Pick<SeriesEntry, 'days' | 'from' | 'until'>): IsoDate[] {
  const days = new Set(entry.days.map((d) => weekdays.indexOf(d) + 1));
  const out: IsoDate[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.from) || !/^\d{4}-\d{2}-\d{2}$/.test(entry.until)) return out;
  let date: IsoDate;
  // A date that does not exist (2026-02-30) has no days after it; resolveSeries reports it.
  try {
    date = entry.from;
    for (let i = 0; i <= MAX_SERIES_DAYS && date <= entry.until; i++, date = addDays(date, 1)) if (days.has(weekday(date))) out.push(date);
  } catch {
    return [];
  }
  return out;
}

/** The break whose days include `date`, if any. */
function breakOn(date: IsoDate, breaks: readonly { id: string; span: { start: IsoDate; end: IsoDate } }[]) {
  return breaks.find((b) => date >= b.span.start && date <= b.span.end);
}

/**
 * Registers series, section groups and exams, and the ids of the sessions a series
 * expands into, so that the policy can require one occurrence like any session and an
 * occurrence cannot take the id of a single session unnoticed.
 */
export function defineSeriesIds(source: ValidatedDocument<'schedule'>, registries: Registries): void {
  const doc = source.data;
  const breaks = (doc.breaks ?? []).map((b) => ({ id: b.id, span: { start: b.starts, end: b.ends } }));
  doc.sections?.forEach((g, i) => registries.sections.define(g.id, g, source.at(['sections', i, 'id'])));
  doc.exams?.forEach((e, i) => registries.exams.define(e.id, { doc: e, index: i }, source.at(['exams', i, 'id'])));
  doc.series?.forEach((s, i) => {
    if (!registries.series.define(s.id, { doc: s, index: i }, source.at(['series', i, 'id']))) return;
    const skipped = new Set([...(s.except ?? []), ...(s.cancelled ?? [])]);
    for (const date of plannedDates(s)) {
      if (skipped.has(date) || breakOn(date, breaks)) continue;
      registries.sessions.define(occurrenceId(s.id, date), { series: s, index: i }, source.at(['series', i, 'id']));
    }
  });
}

export interface ResolvedSeries {
  readonly series: SessionSeries[];
  readonly sessions: LiveSession[];
  /** Where each occurrence's start and end are written, by session id. */
  readonly starts: Map<string, Location>;
  readonly ends: Map<string, Location>;
}

/** `10:00` → `10:00:00`, or undefined (after reporting) for a time that does not exist. */
function wallTime(time: string, at: Location, reporter: Reporter): string | undefined {
  const [h, m] = time.split(':').map(Number) as [number, number];
  if (h > 23 || m > 59) {
    reporter.report('date_invalid', { kind: 'time', local: time, time, hour: h }, at);
    return undefined;
  }
  return `${time}:00`;
}

/**
 * Expands each series into its sessions: one per meeting day from `from` to `until`,
 * except the days listed in `except` or `cancelled` and the days of declared breaks,
 * each at the series' wall-clock time in its zone (so 10:00 stays 10:00 across a
 * daylight-saving change), with the moved ones at their new time under their old id.
 */
export function resolveSeries(source: ValidatedDocument<'schedule'>, zone: string, breaks: readonly Break[], registries: Registries, reporter: Reporter): ResolvedSeries {
  const out: ResolvedSeries = { series: [], sessions: [], starts: new Map(), ends: new Map() };
  source.data.series?.forEach((s, i) => {
    const at = (...path: (string | number)[]) => source.at(['series', i, ...path]);
    const organizerIds = registries.organizers.referAll(s.by, (j) => at('by', j));
    const sectionId = s.section && registries.sections.refer(s.section, at('section')) ? s.section : undefined;
    const seriesZone = s.timeZone ? checkTimeZone(s.timeZone, at('timeZone'), reporter) : zone;
    const from = checkDate(s.from, at('from'), reporter);
    const until = checkDate(s.until, at('until'), reporter);
    const startTime = wallTime(s.starts, at('starts'), reporter);
    const endTime = wallTime(s.ends, at('ends'), reporter);
    if (!seriesZone || !from || !until || !startTime || !endTime) return;
    if (until < from) {
      reporter.report('period_reversed', { what: 'series', id: s.id, start: from, end: until }, at('until'), { related: [{ role: 'start', ...at('from') }] });
      return;
    }
    if (endTime <= startTime) {
      reporter.report('session_reversed', { id: s.id, start: s.starts, end: s.ends, sameTime: endTime === startTime }, at('ends'), {
        related: [{ role: 'start', ...at('starts') }],
      });
      return;
    }
    if (daysBetween(from, until) > MAX_SERIES_DAYS) {
      reporter.report('series_too_long', { id: s.id, from, until, years: Math.floor(daysBetween(from, until) / 365.25), maxYears: MAX_SERIES_YEARS }, at('until'), {
        related: [{ role: 'start', ...at('from') }],
      });
      return;
    }
    const planned = plannedDates(s);
    if (planned.length === 0) {
      reporter.report('series_empty', { id: s.id, problem: 'no-meeting-day', days: s.days, from, until }, at('days'));
      return;
    }
    const plannedSet = new Set(planned);

    // Each listed date must be a meeting day of the series that is not already skipped.
    const listed = new Map<IsoDate, 'except' | 'cancelled' | 'moved'>();
    const checkListed = (date: string, list: 'except' | 'cancelled' | 'moved', where: Location): boolean => {
      if (checkDate(date, where, reporter) === undefined) return false;
      const already = listed.get(date);
      const inBreak = breakOn(date, breaks);
      const problem = !plannedSet.has(date) ? ('not-planned' as const) : already ? ('listed' as const) : inBreak && list !== 'except' ? ('break' as const) : undefined;
      if (problem) {
        reporter.report(
          'series_date_not_occurrence',
          {
            series: s.id,
            date,
            list,
            problem,
            days: s.days,
            from: s.from,
            until: s.until,
            ...(already ? { already } : {}),
            ...(inBreak ? { breakId: inBreak.id } : {}),
            nearest: nearestPlanned(date, planned),
          },
          where,
        );
        return false;
      }
      listed.set(date, list);
      return true;
    };
    s.except?.forEach((d, j) => checkListed(d, 'except', at('except', j)));
    s.cancelled?.forEach((d, j) => checkListed(d, 'cancelled', at('cancelled', j)));
    const moves = new Map<IsoDate, { entry: NonNullable<SeriesEntry['moved']>[number]; index: number }>();
    s.moved?.forEach((m, j) => {
      if (checkListed(m.date, 'moved', at('moved', j, 'date'))) moves.set(m.date, { entry: m, index: j });
    });

    const skipped: SessionSeries['skipped'][number][] = [];
    const sessionIds: string[] = [];
    const durationMs = (Date.parse(`1970-01-01T${endTime}Z`) - Date.parse(`1970-01-01T${startTime}Z`));
    let first: { start: ZonedDateTime; end: ZonedDateTime } | undefined;
    let lastStart: ZonedDateTime | undefined;
    for (const date of planned) {
      const start = checkLocalDateTime(`${date}T${startTime}`, seriesZone, at('starts'), reporter);
      const end = checkLocalDateTime(`${date}T${endTime}`, seriesZone, at('ends'), reporter);
      if (!start || !end) continue;
      first ??= { start, end };
      lastStart = start;
      const list = listed.get(date);
      const inBreak = breakOn(date, breaks);
      if (list === 'except' || list === 'cancelled') {
        skipped.push({ date, reason: list, start });
        continue;
      }
      if (inBreak) {
        skipped.push({ date, reason: 'break', breakId: inBreak.id, start });
        continue;
      }
      const id = occurrenceId(s.id, date);
      const move = moves.get(date);
      let occurrence: { start: ZonedDateTime; end: ZonedDateTime } | undefined = { start, end };
      let place = s.place;
      let note: string | undefined;
      if (move) {
        occurrence = movedTime(s, move, seriesZone, durationMs, at, reporter);
        if (!occurrence) continue;
        place = move.entry.place ?? s.place;
        note = move.entry.note;
        out.starts.set(id, at('moved', move.index, 'starts'));
        out.ends.set(id, at('moved', move.index, move.entry.ends ? 'ends' : 'starts'));
      } else {
        out.starts.set(id, at('starts'));
        out.ends.set(id, at('ends'));
      }
      sessionIds.push(id);
      out.sessions.push({
        id,
        title: s.title,
        kind: s.kind ?? 'other',
        organizerIds,
        start: occurrence.start,
        end: occurrence.end,
        durationMinutes: Math.round((Date.parse(occurrence.end.utc) - Date.parse(occurrence.start.utc)) / 60_000),
        ...(s.online ? { online: s.online } : {}),
        ...(place ? { place } : {}),
        ...(s.description ? { description: s.description } : {}),
        ...(note ? { note } : {}),
        seriesId: s.id,
        ...(move ? { movedFrom: start } : {}),
        ...(sectionId ? { sectionId } : {}),
      });
    }
    if (!first || !lastStart) return;
    if (sessionIds.length === 0 && skipped.length === planned.length) {
      reporter.report('series_empty', { id: s.id, problem: 'all-skipped', days: s.days, from, until }, at('id'));
    }
    out.series.push({
      id: s.id,
      title: s.title,
      kind: s.kind ?? 'other',
      organizerIds,
      days: weekdays.filter((d) => s.days.includes(d)),
      startTime,
      endTime,
      timeZone: seriesZone,
      from,
      until,
      firstStart: first.start,
      firstEnd: first.end,
      lastStart,
      skipped,
      sessionIds,
      ...(sectionId ? { sectionId } : {}),
      ...(s.online ? { online: s.online } : {}),
      ...(s.place ? { place: s.place } : {}),
      ...(s.description ? { description: s.description } : {}),
    });
  });
  return out;
}

function movedTime(
  s: SeriesEntry,
  move: { entry: NonNullable<SeriesEntry['moved']>[number]; index: number },
  zone: string,
  durationMs: number,
  at: (...path: (string | number)[]) => Location,
  reporter: Reporter,
): { start: ZonedDateTime; end: ZonedDateTime } | undefined {
  const { entry, index } = move;
  const start = checkLocalDateTime(entry.starts, zone, at('moved', index, 'starts'), reporter);
  if (!start) return undefined;
  if (!entry.ends) {
    // The series' length on the clock: a move across a clock change keeps its wall-clock length.
    const endLocal = new Date(Date.parse(`${start.local}Z`) + durationMs).toISOString().slice(0, 19);
    const end = checkLocalDateTime(endLocal, zone, at('moved', index, 'starts'), reporter);
    return end ? { start, end } : undefined;
  }
  const end = checkLocalDateTime(entry.ends, zone, at('moved', index, 'ends'), reporter);
  if (!end) return undefined;
  if (end.utc <= start.utc) {
    reporter.report('session_reversed', { id: occurrenceId(s.id, entry.date), start: entry.starts.replace('T', ' '), end: entry.ends.replace('T', ' '), sameTime: end.utc === start.utc }, at('moved', index, 'ends'), {
      related: [{ role: 'start', ...at('moved', index, 'starts') }],
    });
    return undefined;
  }
  return { start, end };
}

/** The meeting day closest to `date` (the earlier one on a tie), for the hint. */
function nearestPlanned(date: IsoDate, planned: readonly IsoDate[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  let bestGap = Infinity;
  const day = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(day)) return undefined;
  for (const p of planned) {
    const gap = Math.abs(Date.parse(`${p}T00:00:00Z`) - day);
    if (gap < bestGap) [best, bestGap] = [p, gap];
  }
  return best;
}

/** Section groups with their alternatives, in the schedule's order. */
export function resolveSections(source: ValidatedDocument<'schedule'>, sessions: readonly LiveSession[], series: readonly SessionSeries[]): SectionGroup[] {
  return (source.data.sections ?? []).map((g) => ({
    id: g.id,
    title: g.title,
    ...(g.description ? { description: g.description } : {}),
    sessionIds: sessions.filter((s) => s.sectionId === g.id && !s.seriesId).map((s) => s.id),
    seriesIds: series.filter((s) => s.sectionId === g.id).map((s) => s.id),
  }));
}

/**
 * Exams at their times. `covers: all` names every module; the modules are put in module
 * order once the modules are resolved (orderExamModules).
 */
export function resolveExams(
  source: ValidatedDocument<'schedule'>,
  zone: string,
  registries: Registries,
  reporter: Reporter,
): { exams: Exam[]; starts: Map<string, Location> } {
  const exams: Exam[] = [];
  const starts = new Map<string, Location>();
  source.data.exams?.forEach((e: ExamEntry, i) => {
    const at = (...path: (string | number)[]) => source.at(['exams', i, ...path]);
    const moduleIds = e.covers === 'all' ? registries.modules.ids : registries.modules.referAll(e.covers, (j) => at('covers', j));
    const examZone = e.timeZone ? checkTimeZone(e.timeZone, at('timeZone'), reporter) : zone;
    if (!examZone) return;
    const start = checkLocalDateTime(e.starts, examZone, at('starts'), reporter);
    const end = checkLocalDateTime(e.ends, examZone, at('ends'), reporter);
    if (!start || !end) return;
    if (end.utc <= start.utc) {
      reporter.report('period_reversed', { what: 'exam', id: e.id, start: e.starts.replace('T', ' '), end: e.ends.replace('T', ' ') }, at('ends'), {
        related: [{ role: 'start', ...at('starts') }],
      });
      return;
    }
    const windowMinutes = Math.round((Date.parse(end.utc) - Date.parse(start.utc)) / 60_000);
    if (e.slots && e.slots.count * e.slots.minutes > windowMinutes) {
      reporter.report(
        'exam_slots_overflow',
        { id: e.id, count: e.slots.count, minutes: e.slots.minutes, windowMinutes, start: e.starts.replace('T', ' '), end: e.ends.replace('T', ' ') },
        at('slots', 'count'),
        { related: [{ role: 'exam-end', ...at('ends') }] },
      );
    }
    starts.set(e.id, at('starts'));
    exams.push({
      id: e.id,
      title: e.title,
      kind: e.kind,
      moduleIds: [...moduleIds],
      start,
      end,
      ...(e.slots ? { slots: { minutes: e.slots.minutes, count: e.slots.count } } : {}),
      ...(e.place ? { place: e.place } : {}),
      ...(e.online ? { online: e.online } : {}),
      ...(e.description ? { description: e.description } : {}),
    });
  });
  return { exams, starts };
}

/** An exam's modules in the model's module order. */
export function orderExamModules(exams: readonly Exam[], moduleOrder: readonly string[]): Exam[] {
  return exams.map((e) => ({ ...e, moduleIds: moduleOrder.filter((id) => e.moduleIds.includes(id)) }));
}

/**
 * Warns about a session or exam on a day of a declared break: the break says there are no
 * classes then. Series skip break days themselves, so only their moved occurrences can fall
 * in one.
 */
export function checkEventsInBreaks(
  events: readonly { readonly what: 'session' | 'exam'; readonly id: string; readonly start: ZonedDateTime; readonly end: ZonedDateTime; readonly at: Location | undefined }[],
  breaks: readonly Break[],
  breakLocations: ReadonlyMap<string, Location>,
  reporter: Reporter,
): void {
  for (const e of events) {
    const b = breaks.find((x) => e.start.date <= x.span.end && e.end.date >= x.span.start);
    if (!b) continue;
    const declared = breakLocations.get(b.id);
    reporter.report(
      'event_in_break',
      { what: e.what, id: e.id, date: e.start.date, breakId: b.id, breakTitle: b.title, breakStart: b.span.start, breakEnd: b.span.end },
      e.at,
      { related: declared ? [{ role: 'break', id: b.id, ...declared }] : [] },
    );
  }
}
