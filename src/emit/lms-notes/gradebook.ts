/**
 * How to set an LMS gradebook up so that it computes the program's final grade, written
 * from the normalized grading: one category (Moodle), assignment group (Canvas) or grade
 * category (Brightspace) per part, with its weight, its items, how they share it and what
 * is dropped; the grade letters and the pass. Penalties, bonuses and late deductions are
 * named as what the administrator applies by hand. The steps follow the LMSs' own
 * documentation: Moodle's grade aggregation (drop lowest is refused only under Natural
 * aggregation with unequal items: grade_category::can_apply_limit_rules), Canvas's
 * assignment group rules ("Lowest Scores"; weights within a group are points), D2L's
 * Manage Grades (distribution "evenly" with lowest non-bonus items dropped).
 */
import { formatNumber } from '../../describe/grading.ts';
import { messagesFor } from '../../i18n/index.ts';
import type { Curriculum, GradedItemRef } from '../../model/types.ts';
import { heading } from './plain-text.ts';

export interface GradebookNotes {
  readonly heading: string;
  readonly intro: string;
  /** One line per part: its weight, how its items share it, what is dropped, and its items. */
  readonly parts: readonly string[];
  readonly bands?: string;
  readonly pass?: string;
  readonly byHand: readonly string[];
  readonly lms: readonly { readonly name: string; readonly steps: readonly string[] }[];
}

export function gradebookNotes(curriculum: Curriculum): GradebookNotes | undefined {
  const grading = curriculum.policy.grading;
  if (!grading) return undefined;
  const g = messagesFor(curriculum.program.language).grading;
  const b = g.gradebook;
  const num = (n: number) => formatNumber(n, curriculum.program.language);
  const percent = (n: number) => g.percent(num(n));
  const title = (ref: GradedItemRef) => grading.items.find((i) => i.category === ref.category && i.id === ref.id)?.title ?? ref.id;
  const parts = grading.components.map((c) => {
    const items = grading.items.filter((i) => i.componentId === c.id);
    const share = c.split === 'per-item' ? b.perItem(items.map((i) => `${i.title} ${percent(i.weight)}`).join(', ')) : b.equal;
    return [b.part(c.title, percent(c.percent)), share, ...(c.dropLowest > 0 ? [b.drop(c.dropLowest)] : []), b.items(c.items.map(title).join(', '))].join('; ');
  });
  const scale = (n: number) => (grading.scale === 'percent' ? percent(n) : g.points(num(n)));
  const byHand = [
    ...(grading.adjustments.length > 0 ? [b.byHand(grading.adjustments.map((a) => a.title).join('; '))] : []),
    ...(grading.late ? [b.lateByHand] : []),
  ];
  return {
    heading: b.heading,
    intro: b.intro,
    parts,
    ...(grading.bands.length > 0 ? { bands: b.bands(grading.bands.map((band) => `${band.grade} ${g.bandRange(scale(band.min), scale(band.below), band.below === grading.total)}`).join('; ')) } : {}),
    ...(grading.pass ? { pass: b.pass(scale(grading.pass.total)) } : {}),
    byHand,
    lms: [b.moodle, b.canvas, b.brightspace],
  };
}

/** The notes as lines of the plain-text import notes; none without a grading. */
export function gradebookText(curriculum: Curriculum): string[] {
  const notes = gradebookNotes(curriculum);
  if (!notes) return [];
  const colon = messagesFor(curriculum.program.language).site.colon;
  const lines = [...heading(notes.heading, '-'), '', notes.intro, ''];
  for (const part of notes.parts) lines.push(`- ${part}`);
  lines.push('');
  if (notes.bands) lines.push(notes.bands);
  if (notes.pass) lines.push(notes.pass);
  for (const line of notes.byHand) lines.push(line);
  lines.push('');
  for (const lms of notes.lms) {
    lines.push(`${lms.name}${colon.trimEnd()}`);
    lms.steps.forEach((step, i) => lines.push(`  ${i + 1}. ${step}`));
    lines.push('');
  }
  return lines;
}
