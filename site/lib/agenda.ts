/**
 * The schedule as the week-by-week page tells it: weeks and breaks in date order,
 * grouped by phase, each week with what happens in it.
 *
 * A week shows the sessions and deadlines the model places in it (implicit deadlines
 * included). Each item is shown once, in the first week that holds it.
 */
import type { Break, Curriculum, Deadline, LiveSession, Period, Phase, Week } from '../../src/site-api.ts';

export interface WeekEntry {
  readonly kind: 'week';
  readonly week: Week;
  readonly sessions: readonly LiveSession[];
  readonly deadlines: readonly Deadline[];
  /** Periods running during the week. */
  readonly ongoing: readonly Period[];
}

export interface BreakEntry {
  readonly kind: 'break';
  readonly break: Break;
}

export type AgendaEntry = WeekEntry | BreakEntry;

export interface AgendaGroup {
  /** Absent for weeks outside any phase (and for breaks between phases). */
  readonly phase?: Phase;
  readonly entries: readonly AgendaEntry[];
}

export interface Agenda {
  readonly groups: readonly AgendaGroup[];
  /** Sessions and deadlines outside every week. */
  readonly unplacedSessions: readonly LiveSession[];
  readonly unplacedDeadlines: readonly Deadline[];
}

export function agendaOf(curriculum: Curriculum): Agenda {
  const { weeks, breaks, sessions, deadlines, periods, phases } = curriculum.schedule;
  const phaseById = new Map(phases.map((p) => [p.id, p]));
  const placedSessions = new Set<string>();
  const placedDeadlines = new Set<string>();

  const sessionsByWeek = weeks.map((w) => {
    const ids = new Set(w.sessionIds.filter((id) => !placedSessions.has(id) && placedSessions.add(id)));
    return sessions.filter((s) => ids.has(s.id)).sort(byInstant((s) => s.start.utc));
  });
  const deadlinesByWeek = weeks.map((w) => {
    const ids = new Set(w.deadlineIds.filter((id) => !placedDeadlines.has(id) && placedDeadlines.add(id)));
    return deadlines.filter((d) => ids.has(d.id)).sort(byInstant((d) => d.due.at.utc));
  });

  const weekEntries: (WeekEntry & { start: string; phaseId?: string })[] = weeks.map((week, i) => ({
    kind: 'week',
    week,
    sessions: sessionsByWeek[i]!,
    deadlines: deadlinesByWeek[i]!,
    ongoing: periods.filter((p) => p.span.start <= week.span.end && week.span.start <= p.span.end),
    start: week.span.start,
    ...(week.phaseId ? { phaseId: week.phaseId } : {}),
  }));
  // A break belongs to a phase only when the weeks on both sides do.
  const breakEntries = breaks.map((b) => {
    const before = [...weekEntries].reverse().find((w) => w.start <= b.span.start);
    const after = weekEntries.find((w) => w.start > b.span.start);
    const phaseId = before?.phaseId !== undefined && before.phaseId === after?.phaseId ? before.phaseId : undefined;
    return { kind: 'break' as const, break: b, start: b.span.start, ...(phaseId ? { phaseId } : {}) };
  });
  const ordered = [...weekEntries, ...breakEntries].sort((a, b) => a.start.localeCompare(b.start) || (a.kind === 'break' ? -1 : 1));

  const groups: { phase?: Phase; phaseId?: string; entries: AgendaEntry[] }[] = [];
  for (const { start: _start, phaseId, ...entry } of ordered) {
    const last = groups.at(-1);
    if (last && last.phaseId === phaseId) last.entries.push(entry as AgendaEntry);
    else {
      const phase = phaseId ? phaseById.get(phaseId) : undefined;
      groups.push({ ...(phase ? { phase } : {}), ...(phaseId ? { phaseId } : {}), entries: [entry as AgendaEntry] });
    }
  }
  return {
    groups: groups.map(({ phase, entries }) => ({ ...(phase ? { phase } : {}), entries })),
    unplacedSessions: sessions.filter((s) => !placedSessions.has(s.id)),
    unplacedDeadlines: deadlines.filter((d) => !placedDeadlines.has(d.id)),
  };
}

function byInstant<T>(instant: (item: T) => string) {
  return (a: T, b: T) => instant(a).localeCompare(instant(b));
}
