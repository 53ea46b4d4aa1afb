/**
 * The resolved model → calendar events. Which items become events:
 *
 * - live sessions: timed, in their zone, with the session reminders;
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
import type { Assignment, Break, Curriculum, Deadline, LiveSession, Module, Period, Week, ZonedDateTime } from '../../model/types.ts';
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
  const ctx: Context = {
    curriculum,
    m: messagesFor(curriculum.program.language).calendar,
    uid: (kind, id) => eventUid(kind, id, curriculum),
    page: (path) => (siteUrl !== undefined ? absoluteUrl(siteUrl, path) : undefined),
    required: new Set([...curriculum.policy.certificate.requiredItems.modules, ...curriculum.policy.certificate.requiredItems.assignments]),
  };
  const { schedule } = curriculum;
  return [
    ...schedule.sessions.map((s) => sessionEvent(s, ctx)),
    ...schedule.deadlines.map((d) => deadlineEvent(d, ctx)),
    ...curriculum.modules.flatMap((mod) => moduleEvent(mod, ctx) ?? []),
    ...curriculum.assignments.flatMap((a) => assignmentEvent(a, ctx) ?? []),
    ...schedule.weeks.flatMap((w) => weekEvent(w, ctx) ?? []),
    ...schedule.periods.flatMap((p) => periodEvent(p, ctx) ?? []),
    ...schedule.breaks.map((b) => breakEvent(b, ctx)),
  ];
}

function sessionEvent(s: LiveSession, ctx: Context): CalendarEvent {
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
