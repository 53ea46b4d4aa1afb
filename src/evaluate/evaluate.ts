/**
 * The policy applied to one learner's facts. Each rule is the one the completion page
 * states (src/describe/policy.ts writes it from the same model), and every unmet
 * requirement is explained in that page's words followed by what the records show.
 *
 * - A module with an assessment is passed when one of its counted attempts scores at least
 *   its pass mark. Attempts count in the order they were made, up to the attempt limit;
 *   later ones are noted, not counted. An attempt after the deadline's instant does not
 *   count. A gradebook's overall grade is one result (the LMS already applied its attempts).
 * - A module without an assessment is done when it was completed.
 * - An assignment is done when it was submitted no later than its deadline's instant.
 * - A live session is attended when the learner was present for at least the policy's
 *   share of it (overlapping stretches of one person counted once).
 */
import { describeRequirement } from '../describe/policy.ts';
import type { Curriculum, LateRule, Module, Requirement } from '../model/types.ts';
import type { Evidence, GradeFact, ModuleFact, PresenceFact, SubmissionFact } from './evidence.ts';
import { bandIndex, computeGrade, key, lateDeduction, type GradedScore, type GradeResult } from './grading.ts';
import type { Learner } from './people.ts';
import { dayMonth, instantWords, percent } from './words.ts';

/** The share of a live session a learner must be present for, unless the policy says otherwise. */
export const defaultAttendanceShare = 0.75;

export interface ModuleOutcome {
  readonly id: string;
  readonly done: boolean;
  /** The best counted score, percent. */
  readonly best?: number;
  readonly attemptsCounted: number;
  /** Why it is not done, in a few words ("best score 45 %, 60 % needed"). */
  readonly why?: string;
}

export interface AssignmentOutcome {
  readonly id: string;
  readonly done: boolean;
  readonly submittedAt?: string;
  readonly score?: number;
  readonly why?: string;
}

export interface SessionOutcome {
  readonly id: string;
  readonly done: boolean;
  /** The share of the session the learner was present for, 0 to 1. */
  readonly share: number;
  readonly why?: string;
}

export interface LearnerResult {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
  /** Whether the learner earned the certificate: the program's completion. */
  readonly completed: boolean;
  readonly certificate: { readonly title: string; readonly earned: boolean };
  readonly benefits: readonly { readonly id: string; readonly title: string; readonly earned: boolean; readonly unmet: readonly string[] }[];
  /** The final grade, where the policy grades: the total on its scale, the band, whether it passes. */
  readonly grade?: GradeResult & { readonly scale: 'percent' | 'points' };
  /** Every unmet requirement of the certificate, in the completion page's words and what the records show. */
  readonly unmet: readonly string[];
  /** What was recorded but not counted: attempts beyond the limit, work after a deadline. */
  readonly notes: readonly string[];
  readonly modules: readonly ModuleOutcome[];
  readonly assignments: readonly AssignmentOutcome[];
  readonly sessions: readonly SessionOutcome[];
}

/** The whole cohort's results, as every output format writes them. */
export interface Evaluation {
  readonly program: { readonly id: string; readonly title: string };
  readonly certificate: string;
  readonly learners: readonly LearnerResult[];
  readonly summary: {
    readonly learners: number;
    readonly completed: number;
    readonly benefits: readonly { readonly id: string; readonly title: string; readonly earned: number }[];
  };
}

export function evaluateLearner(curriculum: Curriculum, learner: Learner, evidence: Evidence): LearnerResult {
  const mine = <T extends { learner?: string }>(xs: readonly T[]) => xs.filter((x) => x.learner === learner.id);
  const notes: string[] = [];
  const zone = curriculum.program.timeZone;
  const modules = curriculum.modules.map((m) => {
    // The module's own quiz, named by its assessment id in a list-form module, is the module's result too.
    const quizId = runnableAssessment(m);
    const asAttempts: ModuleFact[] = quizId
      ? mine(evidence.grades)
          .filter((g) => g.category === 'assessment' && g.item === quizId)
          .map((g) => ({ person: g.person, where: g.where, order: g.order, module: m.id, ...(g.score !== undefined ? { score: g.score } : { completed: true }), ...(g.time !== undefined ? { time: g.time } : {}), grain: 'attempt' }))
      : [];
    return moduleOutcome(m, [...mine(evidence.modules).filter((f) => f.module === m.id), ...asAttempts], curriculum, notes);
  });
  const late = curriculum.policy.grading?.late;
  const assignments = curriculum.assignments.map((a) => {
    const deadline = latestDeadline(curriculum, a.deadlineIds);
    const facts = mine(evidence.submissions).filter((f) => f.assignment === a.id);
    const rule = late?.items.some((i) => i.category === 'assignment' && i.id === a.id) ? late : undefined;
    return assignmentOutcome(a.id, a.title, facts, deadline, zone, notes, rule);
  });
  const share = curriculum.policy.attendance?.minShare ?? defaultAttendanceShare;
  const sessions = curriculum.schedule.sessions.map((s) => sessionOutcome(s.id, Date.parse(s.start.utc), Date.parse(s.end.utc), mine(evidence.presence).filter((f) => f.session === s.id), share));
  const outcomes = { module: new Map(modules.map((o) => [o.id, o])), assignment: new Map(assignments.map((o) => [o.id, o])), session: new Map(sessions.map((o) => [o.id, o])) };
  const grade = curriculum.policy.grading ? computeGrade(curriculum.policy.grading, curriculum, gradedScores(curriculum, modules, assignments, sessions, mine(evidence.grades))) : undefined;
  const check = (r: Requirement, certificate: boolean): Verdict => verdict(r, curriculum, outcomes, certificate, grade);
  const cert = check(curriculum.policy.certificate.requires, false);
  const benefits = curriculum.policy.benefits.map((b) => {
    const v = check(b.requires, cert.met);
    return { id: b.id, title: b.title, earned: v.met, unmet: v.reasons };
  });
  return {
    id: learner.id,
    ...(learner.name ? { name: learner.name } : {}),
    ...(learner.email ? { email: learner.email } : {}),
    completed: cert.met,
    certificate: { title: curriculum.policy.certificate.title, earned: cert.met },
    benefits,
    ...(grade ? { grade: { scale: curriculum.policy.grading!.scale, ...grade } } : {}),
    unmet: cert.reasons,
    notes,
    modules,
    assignments,
    sessions,
  };
}

function latestDeadline(curriculum: Curriculum, ids: readonly string[]): { at: number; words: string } | undefined {
  const deadlines = curriculum.schedule.deadlines.filter((d) => ids.includes(d.id));
  if (deadlines.length === 0) return undefined;
  const last = deadlines.reduce((a, b) => (Date.parse(b.due.at.utc) > Date.parse(a.due.at.utc) ? b : a));
  return { at: Date.parse(last.due.at.utc), words: instantWords(Date.parse(last.due.at.utc), curriculum.program.timeZone) };
}

function byTime<T extends { time?: number; order: number }>(xs: readonly T[]): T[] {
  return [...xs].sort((a, b) => (a.time ?? -Infinity) - (b.time ?? -Infinity) || a.order - b.order);
}

function moduleOutcome(module: Module, facts: readonly ModuleFact[], curriculum: Curriculum, notes: string[]): ModuleOutcome {
  const title = `“${module.title}”`;
  const deadline = module.assessment?.deadlineId ? latestDeadline(curriculum, [module.assessment.deadlineId]) : undefined;
  const onTime = byTime(facts).filter((f) => {
    if (deadline && f.time !== undefined && f.time > deadline.at) {
      notes.push(`${title}: a result of ${instantWords(f.time, curriculum.program.timeZone)} is after the deadline of ${deadline.words} and does not count`);
      return false;
    }
    return true;
  });
  if (!module.assessment) {
    const done = onTime.some((f) => f.completed || f.success === true || f.score !== undefined);
    return { id: module.id, done, attemptsCounted: 0, ...(done ? {} : { why: facts.length > 0 ? 'completed after the deadline' : 'not completed' }) };
  }
  const { minScore, attempts } = module.assessment.pass;
  const results = onTime.filter((f) => f.score !== undefined || f.success !== undefined);
  const limit = attempts === 'unlimited' ? Infinity : attempts;
  // An LMS's overall grade has had its attempt limit applied by the LMS; single attempts have not.
  const attemptsMade = results.filter((f) => f.grain === 'attempt');
  const counted = results.filter((f) => f.grain === 'overall').concat(attemptsMade.slice(0, limit));
  if (attemptsMade.length > limit) notes.push(`${title}: ${attemptsMade.length} attempts recorded; only the first ${limit} count`);
  const scores = counted.flatMap((f) => (f.score !== undefined ? [f.score] : []));
  const best = scores.length > 0 ? Math.max(...scores) : undefined;
  const done = counted.some((f) => (f.score !== undefined ? f.score >= minScore : f.success === true));
  let why: string | undefined;
  if (!done) {
    if (counted.length === 0) why = facts.length > 0 ? `no result before the deadline, ${deadline?.words}` : 'no result';
    else why = best !== undefined ? `best score ${percent(best)}, ${percent(minScore)} needed` : 'not passed';
  }
  return { id: module.id, done, ...(best !== undefined ? { best } : {}), attemptsCounted: counted.length, ...(why ? { why } : {}) };
}

function assignmentOutcome(
  id: string,
  title: string,
  facts: readonly SubmissionFact[],
  deadline: { at: number; words: string } | undefined,
  zone: string,
  notes: string[],
  rule?: LateRule,
): AssignmentOutcome {
  const sorted = byTime(facts);
  const isLate = (f: SubmissionFact) => deadline !== undefined && f.time !== undefined && f.time > deadline.at;
  if (rule && deadline) {
    // The grading's late rule accepts late work within its window, for a deduction.
    const accepted = sorted.filter((f) => !isLate(f) || lateDeduction(rule, deadline.at, f.time!) !== undefined);
    for (const f of sorted.filter((x) => !accepted.includes(x))) notes.push(`“${title}”: submitted ${instantWords(f.time!, zone)}, later than the late rule accepts after the deadline of ${deadline.words}; not counted`);
    const counted = accepted.at(-1);
    if (counted) {
      const deduction = isLate(counted) ? lateDeduction(rule, deadline.at, counted.time!)! : 0;
      if (deduction > 0) notes.push(`“${title}”: submitted ${instantWords(counted.time!, zone)}, after the deadline of ${deadline.words}; ${deduction} % deducted`);
      const score = counted.score !== undefined ? Math.max(0, counted.score - deduction) : undefined;
      return { id, done: true, ...(counted.time !== undefined ? { submittedAt: new Date(counted.time).toISOString().replace(/\.000Z$/, 'Z') } : {}), ...(score !== undefined ? { score } : {}) };
    }
    return { id, done: false, why: sorted.length > 0 ? `submitted ${instantWords(sorted[0]!.time!, zone)}, too late to be accepted` : 'not submitted' };
  }
  const inTime = sorted.filter((f) => !isLate(f));
  const late = sorted.filter((f) => !inTime.includes(f));
  for (const f of late) notes.push(`“${title}”: submitted ${instantWords(f.time!, zone)}, after the deadline of ${deadline!.words}; not counted`);
  const counted = inTime.at(-1);
  if (counted) {
    return { id, done: true, ...(counted.time !== undefined ? { submittedAt: new Date(counted.time).toISOString().replace(/\.000Z$/, 'Z') } : {}), ...(counted.score !== undefined ? { score: counted.score } : {}) };
  }
  return { id, done: false, why: late.length > 0 ? `submitted ${instantWords(late[0]!.time!, zone)}, after the deadline of ${deadline!.words}` : 'not submitted' };
}

/** Presence within the session, with overlapping stretches (two devices, a rejoin before the drop was noticed) merged. */
export function presentShare(start: number, end: number, facts: readonly Pick<PresenceFact, 'join' | 'leave'>[]): number {
  const spans = facts
    .map((f) => [Math.max(start, f.join), Math.min(end, f.leave)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let current: [number, number] | undefined;
  for (const [a, b] of spans) {
    if (current && a <= current[1]) current[1] = Math.max(current[1], b);
    else {
      if (current) total += current[1] - current[0];
      current = [a, b];
    }
  }
  if (current) total += current[1] - current[0];
  return end > start ? total / (end - start) : 0;
}

function sessionOutcome(id: string, start: number, end: number, facts: readonly PresenceFact[], minShare: number): SessionOutcome {
  const share = presentShare(start, end, facts);
  // Compared in whole seconds' worth of precision, so that 75 % of 2 hours exactly is enough.
  const done = share + 1e-9 >= minShare;
  return { id, done, share, ...(done ? {} : { why: share > 0 ? `present ${percent(share * 100)}, ${percent(minShare * 100)} needed` : 'absent' }) };
}

interface Verdict {
  readonly met: boolean;
  readonly reasons: readonly string[];
}

type Outcomes = {
  readonly module: ReadonlyMap<string, ModuleOutcome>;
  readonly assignment: ReadonlyMap<string, AssignmentOutcome>;
  readonly session: ReadonlyMap<string, SessionOutcome>;
};

function verdict(r: Requirement, curriculum: Curriculum, outcomes: Outcomes, certificate: boolean, grade: GradeResult | undefined): Verdict {
  const text = describeRequirement(r, curriculum).text;
  switch (r.type) {
    case 'certificate':
      return certificate ? { met: true, reasons: [] } : { met: false, reasons: [`${text}: not earned`] };
    case 'grade':
    case 'total': {
      const grading = curriculum.policy.grading;
      if (!grading || !grade || grade.total === undefined) {
        return { met: false, reasons: [`${text}: no final grade yet${grade && grade.unscored.length > 0 ? ` (no score for ${grade.unscored.map((t) => `“${t}”`).join(', ')})` : ''}`] };
      }
      const met = r.type === 'grade' ? grade.grade !== undefined && bandIndex(grading, grade.grade) <= bandIndex(grading, r.grade) : grade.total >= r.min;
      if (met) return { met: true, reasons: [] };
      const total = `${grade.total} ${grading.scale === 'percent' ? '%' : 'points'}`;
      return { met: false, reasons: [`${text}: final ${grade.grade !== undefined ? `grade ${grade.grade}, ` : ''}total ${total}`] };
    }
    case 'group': {
      const children = r.of.map((c) => verdict(c, curriculum, outcomes, certificate, grade));
      const met = children.filter((c) => c.met).length;
      if (met >= r.atLeast) return { met: true, reasons: [] };
      const reasons = children.flatMap((c) => c.reasons);
      // "All of" is explained by what each part lacks; "at least N of" by the count too.
      if (r.atLeast === r.of.length || r.of.length === 1) return { met: false, reasons };
      return { met: false, reasons: [`${text} met ${met} of ${r.atLeast} needed (${reasons.join('; ')})`] };
    }
    case 'items': {
      const results = r.ids.map((id) => outcomes[r.category].get(id)!);
      const done = results.filter((o) => o.done);
      if (done.length >= r.atLeast) return { met: true, reasons: [] };
      const missing = results.filter((o) => !o.done);
      const n = r.ids.length;
      if (n === 1) return { met: false, reasons: [`${text}: ${missing[0]!.why}`] };
      let status: string;
      if (r.category === 'session') {
        const named = missing.map((o) => {
          const s = curriculum.schedule.sessions.find((x) => x.id === o.id)!;
          return o.why === 'absent' ? dayMonth(s.start.date) : `${dayMonth(s.start.date)} (${o.why})`;
        });
        status = `attended ${done.length} of ${n} live sessions: missed ${named.join(', ')}`;
      } else if (r.category === 'module') {
        const named = missing.map((o) => `“${curriculum.modules.find((m) => m.id === o.id)!.title}” (${o.why})`);
        status = `passed ${done.length} of ${n} modules: not passed ${named.join(', ')}`;
      } else {
        const named = missing.map((o) => `“${curriculum.assignments.find((a) => a.id === o.id)!.title}” (${o.why})`);
        status = `completed ${done.length} of ${n} assignments: missing ${named.join(', ')}`;
      }
      return { met: false, reasons: [`${text}: ${status}`] };
    }
  }
}

/** Each graded item's score as the grading reads it: a module's best counted score, a submission's score, a session attended or not. */
function gradedScores(
  curriculum: Curriculum,
  modules: readonly ModuleOutcome[],
  assignments: readonly AssignmentOutcome[],
  sessions: readonly SessionOutcome[],
  grades: readonly GradeFact[],
): Map<string, GradedScore> {
  const scores = new Map<string, GradedScore>();
  for (const m of modules) {
    const assessed = curriculum.modules.find((x) => x.id === m.id)?.assessment !== undefined;
    scores.set(key('module', m.id), assessed ? { done: m.best !== undefined, ...(m.best !== undefined ? { score: m.best } : {}) } : { done: m.done, score: m.done ? 100 : 0 });
  }
  for (const a of assignments) {
    scores.set(key('assignment', a.id), { done: a.done, ...(a.score !== undefined ? { score: a.score } : {}), ...(a.submittedAt ? { time: Date.parse(a.submittedAt) } : {}) });
  }
  for (const s of sessions) scores.set(key('session', s.id), { done: s.done, score: s.done ? 100 : 0 });
  // A module's own quiz scores as the module does: its best counted attempt, within the attempt limit.
  for (const m of curriculum.modules) {
    const quizId = runnableAssessment(m);
    const outcome = modules.find((o) => o.id === m.id);
    if (quizId && outcome?.best !== undefined) scores.set(key('assessment', quizId), { done: true, score: outcome.best });
  }
  for (const g of grades) {
    if (curriculum.modules.some((m) => runnableAssessment(m) === g.item) && g.category === 'assessment') continue;
    const k = key(g.category, g.item);
    const before = scores.get(k);
    // The best recorded score of an exam or assessment counts (a resit replaces a lower mark).
    const score = g.score !== undefined && (before?.score === undefined || g.score > before.score) ? g.score : before?.score;
    scores.set(k, { done: true, ...(score !== undefined ? { score } : {}), ...(g.time !== undefined ? { time: g.time } : {}) });
  }
  return scores;
}

/** The id of the list-form assessment the packages run as the module's quiz (the first with a question bank). */
function runnableAssessment(module: Module): string | undefined {
  return module.assessments?.find((a) => a.quiz !== undefined)?.id;
}
