/**
 * The resolved model → calendar events. Which items become events:
 *
 * - live sessions: timed, in their zone, with the session reminders;
 * - series of live sessions: one event with a weekly rule (RRULE), the days without an
 *   occurrence as EXDATE and each moved occurrence as an event of the series' UID with
 *   RECURRENCE-ID; a series with a wall-clock time its zone shows twice, one event per
 *   occurrence instead (clients disagree on which instant such a time means);
 * - exams: timed over their whole window; an exam with individual slots says so and
 *   leaves the learner free (nobody sits the whole window);
 * - deadlines: timed, a minute long from their instant (23:59 in their zone when due by
 *   the end of the day), so that a learner elsewhere sees the hour it falls at on their
 *   own clocks rather than a whole day; with the deadline reminders;
 * - modules and assignments that are scheduled: all-day over the days they are studied;
 * - weeks that have a title or a note, and periods that schedule no module or
 *   assignment: all-day (otherwise the modules and assignments already show those days,
 *   and a bar per week on top of them would only repeat them);
 * - breaks: all-day.
 */
import { messagesFor, type Messages } from '../../i18n/index.ts';
import { markdownToText } from '../../markdown/index.ts';
import type { Assignment, Break, Curriculum, Deadline, Exam, LiveSession, Module, Period, SessionSeries, Week, ZonedDateTime } from '../../model/types.ts';
import { zonedInstant } from './date-times.ts';
import { absoluteUrl, pagePaths } from '../../addresses/index.ts';
import type { CalendarEvent, EventKind, Reminder } from './events.ts';
import { eventUid, weekId } from './uid.ts';
import { webUrl } from './web-url.ts';

type CalendarMessages = Messages['calendar'];

/**
 * Deadline reminders go off at this hour of the day, on the clocks of the deadline's
 * zone, rather than at the hour of the deadline itself (23:59 for most).
 */
const DEADLINE_REMINDER_HOUR = 9;

/**
 * How long a deadline's event lasts. Short, so that it marks a moment rather than a
 * span; one minute, so that a deadline at 23:59 ends at midnight and stays on its day.
 */
const DEADLINE_MINUTES = 1;

/** What every event builder needs to know about the program. */
interface Context {
  readonly curriculum: Curriculum;
  readonly m: CalendarMessages;
  readonly uid: (kind: EventKind, id: string) => string;
  /** The page's address, when the site's is known: without it events carry no URL. */
  readonly page: (path: string) => string | undefined;
  /** Modules and assignments the certificate requires: their deadlines link to the completion page. */
  readonly required: ReadonlySet<string>;
}

/** Every event of a program, in a stable order of kinds and of the model's lists. */
export function programEvents(curriculum: Curriculum, siteUrl: string | undefined): CalendarEvent[] {
  const ctx = context(curriculum, siteUrl);
  const { schedule } = curriculum;
  return [
    ...schedule.sessions.filter((s) => !s.seriesId).map((s) => sessionEvent(s, ctx)),
    ...schedule.series.flatMap((s) => seriesEvents(s, ctx)),
    ...schedule.exams.map((e) => examEvent(e, ctx)),
    ...schedule.deadlines.map((d) => deadlineEvent(d, ctx)),
    ...curriculum.modules.flatMap((mod) => moduleEvent(mod, ctx) ?? []),
    ...curriculum.assignments.flatMap((a) => assignmentEvent(a, ctx) ?? []),
    ...schedule.weeks.flatMap((w) => weekEvent(w, ctx) ?? []),
    ...schedule.periods.flatMap((p) => periodEvent(p, ctx) ?? []),
    ...schedule.breaks.map((b) => breakEvent(b, ctx)),
  ];
}

/**
 * Each occurrence of a series as an event of its own (under the occurrence's id): for
 * "add this session" files, which add one occurrence rather than the whole series.
 */
export function occurrenceEvents(curriculum: Curriculum, siteUrl: string | undefined): CalendarEvent[] {
  const ctx = context(curriculum, siteUrl);
  return curriculum.schedule.sessions.filter((s) => s.seriesId).map((s) => sessionEvent(s, ctx));
}

function context(curriculum: Curriculum, siteUrl: string | undefined): Context {
  return {
    curriculum,
    m: messagesFor(curriculum.program.language).calendar,
    uid: (kind, id) => eventUid(kind, id, curriculum),
    page: (path) => (siteUrl !== undefined ? absoluteUrl(siteUrl, path) : undefined),
    required: new Set([...curriculum.policy.certificate.requiredItems.modules, ...curriculum.policy.certificate.requiredItems.assignments]),
  };
}

/** The events of a series: the rule with its exceptions and moved occurrences, or each occurrence on its own. */
function seriesEvents(series: SessionSeries, ctx: Context): CalendarEvent[] {
  const { curriculum, m } = ctx;
  const sessions = series.sessionIds.flatMap((id) => curriculum.schedule.sessions.find((s) => s.id === id) ?? []);
  const separately = sessions.map((s) => sessionEvent(s, ctx));
  const instants = [series.firstStart, series.firstEnd, series.lastStart, ...series.skipped.map((k) => k.start), ...sessions.flatMap((s) => [s.start, s.end, ...(s.movedFrom ? [s.movedFrom] : [])])];
  if (instants.some((at) => at.resolution.kind === 'ambiguous')) return separately;

  const uid = ctx.uid('series', series.id);
  const moved = sessions.filter((s) => s.movedFrom);
  const breakTitle = (id: string | undefined) => curriculum.schedule.breaks.find((b) => b.id === id)?.title;
  const about = [
    m.weekly(series.days, series.from, series.until),
    series.skipped.length > 0 && m.noSession(series.skipped.map((k) => ({ date: k.date, reason: k.reason, ...(k.breakId ? { breakTitle: breakTitle(k.breakId) ?? k.breakId } : {}) }))),
    moved.length > 0 && m.movedOccurrences(moved.map((s) => ({ from: s.movedFrom!.date, to: s.start.date }))),
  ];
  const plan: LiveSession = {
    id: series.id,
    title: series.title,
    kind: series.kind,
    organizerIds: series.organizerIds,
    start: series.firstStart,
    end: series.firstEnd,
    durationMinutes: Math.round((Date.parse(series.firstEnd.utc) - Date.parse(series.firstStart.utc)) / 60_000),
    ...(series.online ? { online: series.online } : {}),
    ...(series.place ? { place: series.place } : {}),
    ...(series.description ? { description: series.description } : {}),
    ...(series.sectionId ? { sectionId: series.sectionId } : {}),
  };
  const master: CalendarEvent = {
    ...sessionEvent(plan, ctx, about),
    kind: 'series',
    itemId: series.id,
    uid,
    recurrence: { days: series.days, until: series.lastStart, except: series.skipped.map((k) => k.start), separately },
  };
  const overrides = moved.map((s): CalendarEvent => ({ ...sessionEvent(s, ctx, [m.moved(s.movedFrom!.date)]), kind: 'series', itemId: series.id, uid, recurrenceId: s.movedFrom! }));
  return [master, ...overrides];
}

function examEvent(e: Exam, ctx: Context): CalendarEvent {
  const { m, curriculum } = ctx;
  const path = pagePaths.schedule(curriculum.program.id);
  const joinUrl = webUrl(e.online?.url);
  const location = e.place ?? (e.online && m.onlineLocation(e.online.platform, joinUrl));
  const summary = m.summary.exam(e.title);
  const kind = m.examKind[e.kind] ?? e.kind;
  return {
    kind: 'exam',
    itemId: e.id,
    uid: ctx.uid('exam', e.id),
    timing: { kind: 'timed', start: e.start, end: e.end },
    summary,
    description: paragraphs(
      e.description && markdownToText(e.description),
      lines(
        kind,
        e.slots && m.slots(e.slots.minutes, e.slots.count),
        e.moduleIds.length > 0 && m.covers(e.moduleIds.map((id) => moduleSummary(curriculum.modules.find((x) => x.id === id), id, m))),
        e.online && m.online(e.online.platform),
        e.online?.note,
        joinUrl && m.join(joinUrl),
        e.online?.dialIn && m.dialIn(e.online.dialIn),
        e.place && m.place(e.place),
      ),
      footer(ctx, path),
    ),
    url: joinUrl ?? ctx.page(path),
    ...(location ? { location } : {}),
    ...(e.online && joinUrl ? { conference: { url: joinUrl, label: e.online.platform } } : {}),
    categories: [m.category.exam, kind],
    // With individual slots, nobody sits the whole window: it does not make the learner busy.
    busy: !e.slots,
    reminders: curriculum.calendar.sessionReminders.map((minutes): Reminder => ({ minutesFromStart: -minutes, text: m.reminder.exam(summary) })),
  };
}

/** "Recitation: attend one of Section A or Section B." for one of several alternatives. */
function sectionLine(sectionId: string | undefined, ctx: Context): string | undefined {
  const group = sectionId ? ctx.curriculum.schedule.sections.find((g) => g.id === sectionId) : undefined;
  if (!group) return undefined;
  const { schedule } = ctx.curriculum;
  const titles = [
    ...group.seriesIds.map((id) => schedule.series.find((s) => s.id === id)?.title ?? id),
    ...group.sessionIds.map((id) => schedule.sessions.find((s) => s.id === id)?.title ?? id),
  ];
  return ctx.m.attendOneOf(group.title, titles);
}

function sessionEvent(s: LiveSession, ctx: Context, about: Part[] = []): CalendarEvent {
  const { m, curriculum } = ctx;
  const path = pagePaths.schedule(curriculum.program.id);
  const organizers = s.organizerIds.map((id) => curriculum.program.organizers.find((o) => o.id === id)?.shortName ?? id);
  const joinUrl = webUrl(s.online?.url);
  const onlineLocation = s.online && m.onlineLocation(s.online.platform, joinUrl);
  const location = s.place ?? onlineLocation;
  const summary = m.summary.session(s.title);
  return {
    kind: 'session',
    itemId: s.id,
    uid: ctx.uid('session', s.id),
    timing: {
      kind: 'timed',
      start: s.start,
      end: s.end,
    },
    summary,
    description: paragraphs(
      s.description && markdownToText(s.description),
      s.note,
      lines(...about, sectionLine(s.sectionId, ctx)),
      lines(
        s.online && m.online(s.online.platform),
        s.online?.note,
        joinUrl && m.join(joinUrl),
        s.online?.dialIn && m.dialIn(s.online.dialIn),
        s.place && m.place(s.place),
        organizers.length > 0 && m.by(organizers),
      ),
      footer(ctx, path),
    ),
    // Where the learner goes for a live session is its meeting: calendar apps show URL as the event's link.
    url: joinUrl ?? ctx.page(path),
    ...(location ? { location } : {}),
    ...(s.online && joinUrl ? { conference: { url: joinUrl, label: s.online.platform } } : {}),
    categories: [m.category.session, m.sessionKind[s.kind] ?? m.sessionKind.other!],
    busy: true,
    reminders: curriculum.calendar.sessionReminders.map((minutes): Reminder => ({ minutesFromStart: -minutes, text: m.reminder.session(summary) })),
  };
}

function deadlineEvent(d: Deadline, ctx: Context): CalendarEvent {
  const { m, curriculum } = ctx;
  const programId = curriculum.program.id;
  const coversRequired = [...d.moduleIds, ...d.assignmentIds].some((id) => ctx.required.has(id));
  const path = d.implicit || coversRequired ? pagePaths.completion(programId) : pagePaths.schedule(programId);
  const items = [
    ...d.moduleIds.map((id) => moduleSummary(curriculum.modules.find((x) => x.id === id), id, m)),
    ...d.assignmentIds.map((id) => curriculum.assignments.find((x) => x.id === id)?.title ?? id),
  ];
  const summary = d.implicit ? m.summary.implicitDeadline(d.title) : m.summary.deadline(d.title);
  const endOfDay = d.due.endOfDay;
  const { start, end } = deadlineSpan(d.due.at);
  const time = start.local.slice(11, 16);
  const minuteOfDay = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return {
    kind: 'deadline',
    itemId: d.id,
    uid: ctx.uid('deadline', d.id),
    timing: { kind: 'timed', start, end },
    summary,
    description: paragraphs(
      d.description && markdownToText(d.description),
      // An implicit deadline is the program's end standing in for a date nobody stated: say so.
      d.implicit
        ? m.implicitDeadline(d.due.date)
        : endOfDay
          ? m.dueEndOfDay(d.due.date, time, d.due.at.timeZone)
          : m.dueAt(d.due.date, time, d.due.at.timeZone),
      items.length > 0 && m.dueFor(items),
      footer(ctx, path),
    ),
    url: ctx.page(path),
    categories: [m.category.deadline],
    busy: false,
    reminders: curriculum.calendar.deadlineReminders.map((days): Reminder => {
      const atReminderHour = -days * 1440 - (minuteOfDay - DEADLINE_REMINDER_HOUR * 60);
      // A deadline before that hour on its own day (`0` days before) is reminded of when it falls.
      return { minutesFromStart: atReminderHour < 0 ? atReminderHour : -days * 1440, text: m.reminder.deadline(summary) };
    }),
  };
}

/**
 * When a deadline's event starts and ends: from the minute it falls in (the end of a
 * day is 23:59:59, so 23:59), for DEADLINE_MINUTES. The site's "add to calendar" links
 * use the same span as the calendars.
 */
export function deadlineSpan(due: ZonedDateTime): { readonly start: ZonedDateTime; readonly end: ZonedDateTime } {
  const ms = Date.parse(due.utc);
  const start = ms % 60_000 === 0 ? due : zonedInstant(ms - (ms % 60_000), due.timeZone);
  return { start, end: zonedInstant(Date.parse(start.utc) + DEADLINE_MINUTES * 60_000, start.timeZone) };
}

function moduleEvent(mod: Module, ctx: Context): CalendarEvent | undefined {
  if (!mod.scheduled) return undefined;
  const { m, curriculum } = ctx;
  const path = pagePaths.module(curriculum.program.id, mod.id);
  return {
    kind: 'module',
    itemId: mod.id,
    uid: ctx.uid('module', mod.id),
    timing: { kind: 'all-day', first: mod.scheduled.span.start, last: mod.scheduled.span.end },
    summary: moduleSummary(mod, mod.id, m),
    description: paragraphs(mod.summary, markdownToText(mod.description), when(mod.scheduled, ctx), footer(ctx, path)),
    url: ctx.page(path),
    categories: [m.category.module],
    busy: false,
    reminders: [],
  };
}

function assignmentEvent(a: Assignment, ctx: Context): CalendarEvent | undefined {
  if (!a.scheduled) return undefined;
  const { m, curriculum } = ctx;
  const path = pagePaths.schedule(curriculum.program.id);
  const deadlines = a.deadlineIds.flatMap((id) => curriculum.schedule.deadlines.find((d) => d.id === id) ?? []);
  const submitUrl = webUrl(a.submission?.url);
  return {
    kind: 'assignment',
    itemId: a.id,
    uid: ctx.uid('assignment', a.id),
    timing: { kind: 'all-day', first: a.scheduled.span.start, last: a.scheduled.span.end },
    summary: m.summary.assignment(a.title),
    description: paragraphs(
      a.description && markdownToText(a.description),
      lines(
        a.optional && m.optional,
        a.choice && m.choice(a.choice.select, a.choice.from),
        a.deliverable && m.deliverable(a.deliverable),
        submitUrl && m.submit(submitUrl),
      ),
      a.submission?.note && markdownToText(a.submission.note),
      when(a.scheduled, ctx),
      deadlines.length > 0 && m.deadlines(deadlines.map((d) => m.deadlineOn(d.title, d.due.date))),
      footer(ctx, path),
    ),
    url: ctx.page(path),
    categories: [m.category.assignment],
    busy: false,
    reminders: [],
  };
}

function weekEvent(w: Week, ctx: Context): CalendarEvent | undefined {
  if (!w.title && !w.note) return undefined;
  const { m, curriculum } = ctx;
  const path = pagePaths.schedule(curriculum.program.id);
  const id = weekId(w);
  return {
    kind: 'week',
    itemId: id,
    uid: ctx.uid('week', id),
    timing: { kind: 'all-day', first: w.span.start, last: w.span.end },
    summary: m.summary.week(w.first, w.last, w.title),
    description: paragraphs(w.note && markdownToText(w.note), footer(ctx, path)),
    url: ctx.page(path),
    categories: [m.category.week],
    busy: false,
    reminders: [],
  };
}

function periodEvent(p: Period, ctx: Context): CalendarEvent | undefined {
  if (p.moduleIds.length > 0 || p.assignmentIds.length > 0) return undefined;
  const { m, curriculum } = ctx;
  const path = pagePaths.schedule(curriculum.program.id);
  return {
    kind: 'period',
    itemId: p.id,
    uid: ctx.uid('period', p.id),
    timing: { kind: 'all-day', first: p.span.start, last: p.span.end },
    summary: m.summary.period(p.title),
    description: paragraphs(p.description && markdownToText(p.description), footer(ctx, path)),
    url: ctx.page(path),
    categories: [m.category.period],
    busy: false,
    reminders: [],
  };
}

function breakEvent(b: Break, ctx: Context): CalendarEvent {
  const path = pagePaths.schedule(ctx.curriculum.program.id);
  return {
    kind: 'break',
    itemId: b.id,
    uid: ctx.uid('break', b.id),
    timing: { kind: 'all-day', first: b.span.start, last: b.span.end },
    summary: ctx.m.summary.break(b.title),
    description: footer(ctx, path),
    url: ctx.page(path),
    categories: [ctx.m.category.break],
    busy: false,
    reminders: [],
  };
}

function moduleSummary(mod: Module | undefined, id: string, m: CalendarMessages): string {
  return mod ? m.summary.module(mod.title, mod.label) : id;
}

/** "When: Week 1" or "When: <period title>": the schedule entries that place an item. */
function when(scheduled: { readonly weekNumbers: readonly number[]; readonly periodIds: readonly string[] }, ctx: Context): string | undefined {
  const { schedule } = ctx.curriculum;
  const weeks = schedule.weeks.filter((w) => scheduled.weekNumbers.some((n) => n >= w.first && n <= w.last));
  const periods = scheduled.periodIds.flatMap((id) => schedule.periods.find((p) => p.id === id) ?? []);
  const entries = [...weeks.map((w) => ctx.m.week(w.first, w.last)), ...periods.map((p) => p.title)];
  return entries.length > 0 ? ctx.m.studied(entries) : undefined;
}

/** The program and a link to the page, at the end of every description (Google ignores URL). */
function footer(ctx: Context, path: string): string {
  const page = ctx.page(path);
  return lines(ctx.m.program(ctx.curriculum.program.title), page !== undefined && ctx.m.details(page));
}

type Part = string | false | undefined | null | 0;

function lines(...parts: Part[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n');
}

function paragraphs(...parts: Part[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}
