/** The program's own texts, in the order a learner asks about them (overview and syllabus). */
import type { ProgramContext } from './program.ts';

export interface AboutText {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

export function aboutTexts(ctx: ProgramContext): AboutText[] {
  const p = ctx.curriculum.program;
  const o = ctx.t.overview;
  return [
    { id: 'aims', title: o.aims, body: p.about.aims },
    { id: 'objectives', title: o.objectives, body: p.about.objectives },
    { id: 'outcomes', title: o.outcomes, body: p.about.outcomes },
    { id: 'offer', title: o.offer, body: p.about.offer },
    { id: 'audience', title: o.audience, body: p.audience },
    { id: 'method', title: o.method, body: p.about.method },
    { id: 'background', title: o.background, body: p.about.background },
    ...p.sections.map((s) => ({ id: `section-${s.id}`, title: s.title, body: s.body })),
  ].filter((s): s is AboutText => Boolean(s.body));
}
