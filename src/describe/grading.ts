import { messagesFor, type Messages } from '../i18n/index.ts';
import type { Curriculum, Deadline, GradeBand, GradedItemRef, Grading, GradingComponent } from '../model/types.ts';

/**
 * The grading in the learner's words, worked out from the normalized model: the site's
 * completion page and syllabus and the LMS notes lay these texts out and never compute or
 * word the rule themselves.
 */
export interface GradingDescription {
  readonly intro: string;
  readonly components: readonly ComponentDescription[];
  /** Every graded item with its share (and its share when it counts, where lowest scores are dropped). */
  readonly items: readonly { readonly title: string; readonly component: string; readonly share: string; readonly whenCounted?: string }[];
  readonly bands: readonly { readonly grade: string; readonly range: string; readonly description?: string }[];
  readonly pass?: string;
  readonly adjustments: readonly { readonly id: string; readonly title: string; readonly text: string }[];
  readonly late?: { readonly text: string; readonly appliesTo: string };
  /** "What you still need": the score needed on the last part for each band, by the average on the rest. */
  readonly need?: NeedTable;
  /** The figures the calculator script works with (shares in percent, bands in percent). */
  readonly calculator: { readonly components: readonly { readonly id: string; readonly title: string; readonly percent: number }[]; readonly bands: readonly { readonly grade: string; readonly min: number }[] };
}

export interface ComponentDescription {
  readonly id: string;
  readonly title: string;
  readonly weight: string;
  /** What is graded: the item's title, or "5 items". */
  readonly graded: string;
  /** Each item's share, with what dropping does to it. */
  readonly each: string;
  readonly description?: string;
}

export interface NeedTable {
  readonly intro: string;
  readonly caption: string;
  /** The bands, best first: the columns. */
  readonly grades: readonly string[];
  /** One row per average on the rest: the needed score for each band, or reached / out of reach. */
  readonly rows: readonly { readonly average: string; readonly cells: readonly NeedCell[] }[];
}

export type NeedCell = { readonly kind: 'needed'; readonly score: number; readonly text: string } | { readonly kind: 'reached' | 'out-of-reach'; readonly text: string };

/** The averages on the rest the table has rows for. */
const averages = [100, 90, 80, 70, 60, 50];

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Shares and totals are written with two decimals at most, in the language's digits and
 * decimal sign ("12.5" in English, "12,5" in French); thousands are grouped from five
 * digits on, so that "1000 points" stays one word as before.
 */
export function formatNumber(n: number, language = 'en'): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: 'min2' })));
  return format.format(Math.round(n * 100) / 100);
}

export function neededAverage(min: number, earned: number, restPercent: number): number | undefined {
  if (earned >= min) return undefined;
  if (restPercent <= 0) return Infinity;
  return ((min - earned) / restPercent) * 100;
}

export function describeGrading(
  curriculum: Curriculum,
  options: { readonly messages?: Messages; readonly deadline?: (deadline: Deadline) => string } = {},
): GradingDescription | undefined {
  const grading = curriculum.policy.grading;
  if (!grading) return undefined;
  const messages = options.messages ?? messagesFor(curriculum.program.language);
  const g = messages.grading;
  const num = (n: number) => formatNumber(n, curriculum.program.language);
  const onScale = (n: number) => (grading.scale === 'percent' ? g.percent(num(n)) : g.points(num(n)));
  const share = (percent: number) => g.percent(num(percent));
  // A change of the total on a percent scale is in percentage points, not a percentage of it.
  const pointsOf = (n: number) => (grading.scale === 'percent' ? g.percentagePoints(num(n)) : g.points(num(n)));
  const titles = new Map(grading.items.map((i) => [`${i.category}:${i.id}`, i.title]));
  const titleOf = (ref: GradedItemRef) => titles.get(`${ref.category}:${ref.id}`) ?? titleInModel(curriculum, ref);
  const deadlineText = (id: string) => {
    const d = curriculum.schedule.deadlines.find((x) => x.id === id);
    if (!d) return id;
    // Without the caller's own words for a deadline, its day as the program's language writes dates.
    const day = new Intl.DateTimeFormat(curriculum.program.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d.due.date}T12:00:00Z`));
    return options.deadline?.(d) ?? `${messages.common.quote(d.title)} (${day})`;
  };

  const components = grading.components.map((c): ComponentDescription => ({
    id: c.id,
    title: c.title,
    weight: onScale(c.weight),
    graded: c.items.length === 1 ? g.oneItem(titleOf(c.items[0]!)) : g.items(c.items.length),
    each: eachText(c, grading, share, messages),
    ...(c.description ? { description: c.description } : {}),
  }));
  const items = grading.items.map((i) => ({
    title: i.title,
    component: grading.components.find((c) => c.id === i.componentId)!.title,
    share: share(i.weight),
    ...(i.countedWeight !== i.weight ? { whenCounted: share(i.countedWeight) } : {}),
  }));
  const bands = grading.bands.map((b, i) => ({ grade: b.grade, range: g.bandRange(onScale(b.min), onScale(b.below), i === 0), ...(b.description ? { description: b.description } : {}) }));
  const pass = grading.pass ? (grading.pass.grade !== undefined ? g.passGrade(grading.pass.grade, onScale(grading.pass.total)) : g.passTotal(onScale(grading.pass.total))) : undefined;
  const adjustments = grading.adjustments.map((a) => {
    const change =
      a.change.unit === 'points' ? g.changePoints(a.change.amount, pointsOf(Math.abs(a.change.amount))) : g.changeBands(a.change.amount, a.change.written);
    const max = a.max === undefined ? undefined : a.change.unit === 'points' ? pointsOf(a.max) : num(a.max);
    return {
      id: a.id,
      title: a.title,
      text: g.adjustment({
        when: a.when,
        items: listItems(a.per.map(titleOf), messages),
        count: a.per.length,
        ...(a.byDeadlineId ? { by: deadlineText(a.byDeadlineId) } : {}),
        change,
        ...(max ? { max } : {}),
      }),
    };
  });
  const late = grading.late
    ? {
        text: g.late({
          perDay: g.percent(num(grading.late.perDay)),
          ...(grading.late.cap !== undefined ? { cap: g.percent(num(grading.late.cap)) } : {}),
          graceHours: grading.late.graceHours,
          ...(grading.late.acceptedForDays !== undefined ? { acceptedForDays: grading.late.acceptedForDays } : {}),
        }),
        appliesTo: g.lateAppliesTo(listItems(grading.late.items.map(titleOf), messages)),
      }
    : undefined;
  const bandsPercent = grading.bands.map((b) => ({ grade: b.grade, min: (b.min / grading.total) * 100 }));
  return {
    intro: grading.scale === 'percent' ? g.introPercent : g.introPoints(onScale(grading.total)),
    components,
    items,
    bands,
    ...(pass ? { pass } : {}),
    adjustments,
    ...(late ? { late } : {}),
    ...(needTable(grading, bandsPercent, messages, num) ?? {}),
    calculator: { components: grading.components.map((c) => ({ id: c.id, title: c.title, percent: c.percent })), bands: bandsPercent },
  };
}

function eachText(c: GradingComponent, grading: Grading, share: (percent: number) => string, messages: Messages): string {
  const g = messages.grading;
  if (c.split === 'per-item') {
    const items = grading.items.filter((i) => i.componentId === c.id);
    return items.map((i) => `${i.title}: ${share(i.weight)}`).join('; ');
  }
  const each = share(c.percent / c.items.length);
  return c.dropLowest > 0 ? `${g.equalShare(each)}; ${g.dropped(c.dropLowest, share(c.percent / (c.items.length - c.dropLowest)))}` : g.equalShare(each);
}

/**
 * The classic "what do I need on the final": the last component listed against the rest,
 * for a few averages on the rest. Only with bands and at least two components.
 */
function needTable(grading: Grading, bands: readonly { grade: string; min: number }[], messages: Messages, num: (n: number) => string): { need: NeedTable } | undefined {
  if (bands.length === 0 || grading.components.length < 2) return undefined;
  const g = messages.grading;
  const last = grading.components[grading.components.length - 1]!;
  const rest = 100 - last.percent;
  // The lowest band starts at 0 and is always reached: it is no column.
  const graded = bands.filter((b) => b.min > 0);
  const rows = averages.map((average) => ({
    average: g.percent(num(average)),
    cells: graded.map((b): NeedCell => {
      const needed = neededAverage(b.min, (average * rest) / 100, last.percent);
      if (needed === undefined) return { kind: 'reached', text: g.reached };
      if (needed > 100) return { kind: 'out-of-reach', text: g.outOfReach };
      // Rounded up: a score a little below what is needed does not reach the band.
      const score = Math.ceil(needed * 10 - 1e-9) / 10;
      return { kind: 'needed', score, text: g.needed(g.percent(num(score))) };
    }),
  }));
  return {
    need: {
      intro: g.needIntro(last.title, g.percent(num(last.percent)), g.percent(num(rest))),
      caption: g.needCaption(last.title),
      grades: graded.map((b) => b.grade),
      rows,
    },
  };
}

function listItems(titles: readonly string[], messages: Messages): string {
  const quoted = titles.map((t) => messages.common.quote(t));
  if (quoted.length <= 1) return quoted.join('');
  return messages.grading.list(quoted);
}

function titleInModel(curriculum: Curriculum, ref: GradedItemRef): string {
  switch (ref.category) {
    case 'module':
      return curriculum.modules.find((m) => m.id === ref.id)?.title ?? ref.id;
    case 'assignment':
      return curriculum.assignments.find((a) => a.id === ref.id)?.title ?? ref.id;
    case 'session':
      return curriculum.schedule.sessions.find((s) => s.id === ref.id)?.title ?? ref.id;
    case 'assessment':
      return curriculum.modules.flatMap((m) => m.assessments ?? []).find((a) => a.id === ref.id)?.title ?? ref.id;
    case 'exam':
      return curriculum.schedule.exams.find((e) => e.id === ref.id)?.title ?? ref.id;
  }
}

/** The band a total (in percent) falls in. */
export function bandOf(bands: readonly GradeBand[], total: number): GradeBand | undefined {
  return bands.find((b) => total >= b.min);
}
