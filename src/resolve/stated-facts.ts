import type { ScheduledThing } from '../diagnostics/messages.ts';
import type { Location, Reporter } from '../diagnostics/reporter.ts';
import type { LoadedDocument } from '../load/parse-yaml.ts';
import type { Curriculum, IsoDate, ItemCategory } from '../model/types.ts';
import type { ValidatedDocument } from '../validate/documents.ts';
import type { ResolvedSchedule } from './schedule.ts';

/** A stated total effort further than this from the sum of the workloads is reported. */
const EFFORT_TOLERANCE = 0.25;

type Draft = Pick<Curriculum, 'program' | 'modules' | 'assignments' | 'competences' | 'schedule'>;

/**
 * Compares what the documents state (end date, counts, effort) with what the data
 * define. Disagreements are warnings: the documents are real and sometimes wrong, and
 * the designer decides which side to correct.
 */
export function checkStatedFacts(
  draft: Draft,
  schedule: ResolvedSchedule,
  programSource: ValidatedDocument<'program'>,
  reporter: Reporter,
  check: { readonly dates: boolean; readonly incomplete: ReadonlySet<ItemCategory | 'competence'> } = { dates: true, incomplete: new Set() },
): void {
  if (check.dates) {
    checkEndDate(draft, schedule, programSource, reporter);
    checkStartDate(draft, schedule, programSource, reporter);
  }
  // Items left out for their own errors would make a count or a sum disagree for that reason alone.
  checkCounts(draft, programSource, reporter, check.incomplete, schedule.incomplete || check.incomplete.has('session'));
  if (!check.incomplete.has('module')) checkEffort(draft, programSource, reporter);
}

interface DatedItem {
  readonly what: ScheduledThing;
  readonly first: IsoDate;
  readonly last: IsoDate;
  readonly at?: Location;
}

function datedItems(draft: Draft, schedule: ResolvedSchedule): DatedItem[] {
  const s = draft.schedule;
  return [
    ...s.weeks.map((w) => ({ what: { kind: 'week' as const, first: w.first, last: w.last }, first: w.span.start, last: w.span.end, at: schedule.itemLocations.get(`week:${w.first}`) })),
    ...s.periods.map((p) => ({ what: { kind: 'period' as const, id: p.id }, first: p.span.start, last: p.span.end, at: schedule.itemLocations.get(`period:${p.id}`) })),
    ...s.sessions.map((x) => ({ what: { kind: 'session' as const, id: x.id }, first: x.start.date, last: x.end.date, at: schedule.itemLocations.get(`session:${x.id}`) })),
    ...s.exams.map((x) => ({ what: { kind: 'exam' as const, id: x.id }, first: x.start.date, last: x.end.date, at: schedule.itemLocations.get(`exam:${x.id}`) })),
    ...s.deadlines.filter((d) => !d.implicit).map((d) => ({ what: { kind: 'deadline' as const, id: d.id }, first: d.due.date, last: d.due.date, at: schedule.itemLocations.get(`deadline:${d.id}`) })),
  ];
}

function checkEndDate(draft: Draft, schedule: ResolvedSchedule, source: LoadedDocument, reporter: Reporter): void {
  const end = draft.program.dates.end;
  const items = datedItems(draft, schedule);
  const latest = items.reduce<DatedItem | undefined>((a, b) => (!a || b.last > a.last ? b : a), undefined);
  if (!latest || latest.last <= end) return;
  const after = items.filter((i) => i.last > end);
  reporter.report(
    'end_date_before_last_item',
    { end, last: latest.last, lastItem: latest.what, itemsAfter: after.length },
    source.at(['dates', 'end']),
    {
      related: after.filter((i) => i.at).slice(0, 5).map((i) => ({ role: 'dated-item', what: i.what, first: i.first, last: i.last, ...i.at! })),
    },
  );
}

function checkStartDate(draft: Draft, schedule: ResolvedSchedule, source: LoadedDocument, reporter: Reporter): void {
  const start = draft.program.dates.start;
  for (const item of datedItems(draft, schedule)) {
    if (item.first < start && item.at) {
      reporter.report('date_outside_program', { item: item.what, date: item.first, programStart: start }, item.at, {
        related: [{ role: 'program-start', ...source.at(['dates', 'start']) }],
      });
    }
  }
}

function checkCounts(
  draft: Draft,
  source: ValidatedDocument<'program'>,
  reporter: Reporter,
  incomplete: ReadonlySet<ItemCategory | 'competence'>,
  scheduleIncomplete: boolean,
): void {
  const doc = source.data;
  const unknown = (what: string) =>
    (what === 'modules' && incomplete.has('module')) ||
    (what === 'assignments' && incomplete.has('assignment')) ||
    (what === 'competences' && incomplete.has('competence')) ||
    (what === 'sessions' && incomplete.has('session')) ||
    (['sessions', 'weeks', 'phases'].includes(what) && scheduleIncomplete);
  doc.stated?.counts?.forEach((claim, i) => {
    if (unknown(claim.what)) return;
    const actual = countOf(draft, claim.what, claim.kind);
    if (actual === claim.count) return;
    reporter.report(
      'stated_count_mismatch',
      { kind: 'program', stated: claim.count, what: claim.what, itemKind: claim.kind, quote: claim.quote, actual },
      source.at(['stated', 'counts', i, 'count']),
    );
  });
}

function countOf(draft: Draft, what: string, kind: string | undefined): number {
  const byKind = <T extends { kind: string }>(items: readonly T[]) => (kind ? items.filter((i) => i.kind === kind) : items).length;
  switch (what) {
    case 'modules':
      return byKind(draft.modules);
    case 'sessions':
      return byKind(draft.schedule.sessions);
    case 'assignments':
      return byKind(draft.assignments);
    case 'competences':
      return draft.competences.length;
    case 'phases':
      return draft.schedule.phases.length;
    case 'weeks':
      return new Set(draft.schedule.weeks.flatMap((w) => Array.from({ length: w.last - w.first + 1 }, (_, i) => w.first + i))).size;
    default:
      return 0;
  }
}

function checkEffort(draft: Draft, source: LoadedDocument, reporter: Reporter): void {
  const total = draft.program.effort?.totalHours;
  if (total === undefined || draft.modules.length === 0) return;
  // Only comparable when every module states its workload.
  if (draft.modules.some((m) => m.workload === undefined)) return;
  const sum = draft.modules.reduce((s, m) => s + m.workload!.hours, 0);
  if (Math.abs(sum - total) <= EFFORT_TOLERANCE * total) return;
  reporter.report('effort_mismatch', { stated: total, sum }, source.at(['effort', 'totalHours']));
}
