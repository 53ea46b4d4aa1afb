/**
 * What an assignment card says beyond the assignment's own fields: the grading component
 * that counts it, and what of the policy needs it (the certificate, a benefit). Worked out
 * from the normalized model, so that a card never states a rule the policy does not hold.
 */
import { describeGrading, pageRecorder, type Assignment, type GradingDescription, type Requirement } from '../../src/site-api.ts';
import type { ProgramContext } from './program.ts';

export interface AssignmentStanding {
  /** The grading component that counts it: its title, weight, each item's share and description. */
  readonly graded?: { readonly title: string; readonly weight: string; readonly each?: string; readonly description?: string };
  /** Whether the certificate names it (directly or as one of a group). */
  readonly certificate: boolean;
  /** Whether the certificate asks for a final grade or total, which a graded assignment counts towards. */
  readonly certificateByGrade: boolean;
  /** The benefits whose requirements name it. */
  readonly benefits: readonly { readonly id: string; readonly title: string }[];
}

// One grading description per program: a program of 26 assignments shows 26 cards per page.
const gradings = new WeakMap<ProgramContext, GradingDescription | undefined>();

function gradingOf(ctx: ProgramContext): GradingDescription | undefined {
  if (!gradings.has(ctx)) {
    // Built by whichever page asks first and used by all: what it reads is every page's input.
    const describe = () => describeGrading(ctx.curriculum, { messages: ctx.messages });
    gradings.set(ctx, pageRecorder()?.forEveryPage(describe) ?? describe());
  }
  return gradings.get(ctx);
}

function asksForGrade(requirement: Requirement): boolean {
  return requirement.type === 'grade' || requirement.type === 'total' || (requirement.type === 'group' && requirement.of.some(asksForGrade));
}

export function assignmentStanding(ctx: ProgramContext, assignment: Assignment): AssignmentStanding {
  const { policy } = ctx.curriculum;
  const component = policy.grading?.components.find((c) => c.items.some((i) => i.category === 'assignment' && i.id === assignment.id));
  const described = component ? gradingOf(ctx)?.components.find((c) => c.id === component.id) : undefined;
  return {
    ...(component && described
      ? {
          graded: {
            title: described.title,
            weight: described.weight,
            // A component of one item: its share is the component's weight, already said.
            ...(component.items.length > 1 ? { each: described.each } : {}),
            ...(described.description ? { description: described.description } : {}),
          },
        }
      : {}),
    certificate: policy.certificate.requiredItems.assignments.includes(assignment.id),
    certificateByGrade: component !== undefined && asksForGrade(policy.certificate.requires),
    benefits: policy.benefits.filter((b) => b.requiredItems.assignments.includes(assignment.id)).map((b) => ({ id: b.id, title: b.title })),
  };
}

/**
 * The assignments a module page shows: those that name the module, then those scheduled in
 * the weeks of its phase (CRISIS places each practical assignment in a phase without saying
 * which modules it draws on), each once, in the program's order.
 */
export function assignmentsOfModule(ctx: ProgramContext, moduleId: string): { readonly onModule: readonly Assignment[]; readonly inPhase: readonly Assignment[] } {
  const module = ctx.modules.get(moduleId);
  const onModule = ctx.curriculum.assignments.filter((a) => a.moduleIds.includes(moduleId));
  const phase = module?.phaseId ? ctx.phases.get(module.phaseId) : undefined;
  const phaseWeeks = new Set(phase?.weekNumbers ?? []);
  const inPhase = ctx.curriculum.assignments.filter((a) => !onModule.includes(a) && (a.scheduled?.weekNumbers ?? []).some((n) => phaseWeeks.has(n)));
  return { onModule, inPhase };
}
