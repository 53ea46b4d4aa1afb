/**
 * The final grade of one learner, computed as the policy's grading states it
 * (src/model/types.ts `Grading`): each graded item's score in percent, the lowest of a
 * component dropped where it says so (the others then weigh `countedWeight`), the sum scaled
 * to the grading's total, adjustments applied (points, fractions of a band's width, whole
 * bands), then the band and the pass. An item without a record scores 0; a submission
 * recorded without a score leaves the grade open rather than guessing it.
 */
import type { Curriculum, GradedCategory, Grading, LateRule } from '../model/types.ts';

/** What the evaluator knows of one graded item. */
export interface GradedScore {
  /** Percent of the item's maximum, after any late deduction; undefined: done but not scored. */
  readonly score?: number;
  readonly done: boolean;
  /** When it was done (epoch ms), where known: adjustments "by" a deadline compare it. */
  readonly time?: number;
}

export interface GradeResult {
  /** On the grading's scale (percent or points), after adjustments; absent while an item lacks its score. */
  readonly total?: number;
  readonly grade?: string;
  readonly passed?: boolean;
  /** Items that were done but have no score yet, by title. */
  readonly unscored: readonly string[];
  /** Each adjustment that applied, with its change as written (`-1/3 band` ×3, `+1 point`). */
  readonly adjustments: readonly { readonly id: string; readonly title: string; readonly times: number }[];
  /** The items dropped as the lowest of their component. */
  readonly dropped: readonly { readonly category: GradedCategory; readonly id: string }[];
}

export const key = (category: GradedCategory, id: string) => `${category}:${id}`;

export function computeGrade(grading: Grading, curriculum: Curriculum, scores: ReadonlyMap<string, GradedScore>): GradeResult {
  const unscored: string[] = [];
  const dropped: { category: GradedCategory; id: string }[] = [];
  let percent = 0;
  for (const component of grading.components) {
    const items = grading.items.filter((i) => i.componentId === component.id);
    const withScores = items.map((item) => {
      const s = scores.get(key(item.category, item.id));
      if (s?.done && s.score === undefined) unscored.push(item.title);
      return { item, score: s?.done ? (s.score ?? 0) : 0 };
    });
    // The lowest first; among equal scores the later item is dropped, so that the order of the documents decides.
    const order = withScores.map((x, i) => ({ ...x, i })).sort((a, b) => a.score - b.score || b.i - a.i);
    const drop = new Set(order.slice(0, component.dropLowest).map((x) => x.i));
    withScores.forEach((x, i) => {
      if (drop.has(i)) dropped.push({ category: x.item.category, id: x.item.id });
      else percent += (x.score * x.item.countedWeight) / 100;
    });
  }
  let total = (percent * grading.total) / 100;
  const applied: { id: string; title: string; times: number }[] = [];
  let bandShift = 0;
  for (const a of grading.adjustments) {
    const deadline = a.byDeadlineId ? curriculum.schedule.deadlines.find((d) => d.id === a.byDeadlineId) : undefined;
    const by = deadline ? Date.parse(deadline.due.at.utc) : undefined;
    const times = a.per.filter((ref) => {
      const s = scores.get(key(ref.category, ref.id));
      const doneInTime = s?.done === true && (by === undefined || s.time === undefined || s.time <= by);
      return a.when === 'done' ? doneInTime : !doneInTime;
    }).length;
    if (times === 0) continue;
    applied.push({ id: a.id, title: a.title, times });
    const amount = a.change.amount;
    if (a.change.unit === 'points') {
      let change = amount * times;
      if (a.max !== undefined) change = Math.sign(change) * Math.min(Math.abs(change), a.max);
      total += change;
      continue;
    }
    // `max` caps the whole change: as many occurrences count as fit under it.
    const counted = a.max !== undefined ? Math.min(times, Math.floor(a.max / Math.abs(amount) + 1e-9)) : times;
    // A whole number of bands per occurrence moves the letter; a fraction ("half a letter for
    // every lab") moves the total, occurrence by occurrence, by that part of the width of the
    // band it is in at that moment, so that two halves make a whole band whatever the sum's form.
    if (Math.abs(amount - Math.round(amount)) < 1e-9) bandShift += Math.round(amount) * counted;
    else {
      for (let i = 0; i < counted; i++) total += amount * letterStep(grading, total);
    }
  }
  total = Math.max(0, Math.round(total * 100) / 100);
  if (unscored.length > 0) return { unscored, adjustments: applied, dropped };
  let grade: string | undefined;
  if (grading.bands.length > 0) {
    const index = grading.bands.indexOf(bandOf(grading, total)!);
    // A whole band up or down from the band the total reached, within the bands there are.
    grade = grading.bands[Math.min(grading.bands.length - 1, Math.max(0, index - bandShift))]!.grade;
  }
  const passed = grading.pass ? (grading.pass.grade !== undefined && grade !== undefined ? bandIndex(grading, grade) <= bandIndex(grading, grading.pass.grade) : total >= grading.pass.total) : undefined;
  return { total, ...(grade !== undefined ? { grade } : {}), ...(passed !== undefined ? { passed } : {}), unscored, adjustments: applied, dropped };
}

/**
 * How far a whole letter moves the total from where it is: the width of its band; in the
 * lowest band, which reaches down to 0 and whose width says nothing about a letter's step,
 * the width of the band above it.
 */
function letterStep(grading: Grading, total: number): number {
  const band = bandOf(grading, total);
  if (band === undefined) return 0;
  const index = grading.bands.indexOf(band);
  const step = index === grading.bands.length - 1 && index > 0 ? grading.bands[index - 1]! : band;
  return step.below - step.min;
}

function bandOf(grading: Grading, total: number) {
  return grading.bands.find((b) => total >= b.min) ?? grading.bands.at(-1);
}

export function bandIndex(grading: Grading, grade: string): number {
  return grading.bands.findIndex((b) => b.grade === grade);
}

/**
 * A late submission under the late rule: accepted within its window, with the deduction in
 * percentage points of the item's maximum; `undefined` when the rule does not accept it.
 */
export function lateDeduction(rule: LateRule, deadline: number, time: number): number | undefined {
  const hours = (time - deadline) / 3_600_000;
  if (hours <= rule.graceHours) return 0;
  // Every day or part of a day counts, from the deadline.
  const days = Math.ceil(hours / 24);
  if (rule.acceptedForDays !== undefined && days > rule.acceptedForDays) return undefined;
  const deduction = Math.min(rule.cap ?? 100, rule.perDay * days);
  return deduction >= 100 ? undefined : deduction;
}
