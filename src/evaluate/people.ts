/**
 * Who the learners are, and which learner each record is about. The roster is the
 * mapping's `learners` when it lists them, else the people the gradebooks list, else the
 * people the xAPI statements and submissions identify by an e-mail address or id. A Zoom
 * display name never makes a learner: it is matched to one, exactly (case and spacing
 * aside), through the roster's names and the mapping's `also`; a record that matches no
 * learner is reported.
 */
import type { Reporter } from '../diagnostics/reporter.ts';
import type { Evidence, Fact, PersonRef } from './evidence.ts';
import type { Mapping } from './mapping.ts';

export interface Learner {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
  readonly emails: Set<string>;
  readonly names: Set<string>;
  readonly ids: Set<string>;
}

export function matchPeople(evidence: Evidence, mapping: Mapping, reporter: Reporter): Learner[] {
  const learners: Learner[] = mapping.learners.map((l) => ({
    id: l.id,
    ...(l.name ? { name: l.name } : {}),
    ...(l.email ? { email: l.email } : {}),
    emails: new Set(l.emails),
    names: new Set(l.names),
    ids: new Set([l.id]),
  }));
  const all: Fact[] = [...evidence.enrolments, ...evidence.modules, ...evidence.submissions, ...evidence.grades, ...evidence.presence];
  if (learners.length === 0) {
    const sources = evidence.enrolments.length > 0 ? evidence.enrolments : [...evidence.modules, ...evidence.submissions, ...evidence.grades].filter((f) => f.person.emails.length > 0 || f.person.ids.length > 0);
    for (const fact of sources) {
      if (find(learners, fact.person) || ignored(fact.person, mapping)) continue;
      const p = fact.person;
      const id = p.emails[0] ?? p.ids[0]!;
      learners.push({
        id,
        ...(p.names[0] ? { name: fact.person.shown } : {}),
        ...(p.emails[0] ? { email: p.emails[0] } : {}),
        emails: new Set(p.emails),
        names: new Set(p.names),
        ids: new Set(p.ids),
      });
    }
  }
  const reported = new Set<string>();
  for (const fact of all) {
    const learner = find(learners, fact.person);
    if (learner) {
      fact.learner = learner.id;
      continue;
    }
    if (ignored(fact.person, mapping)) continue;
    const key = `${fact.where.file} ${fact.person.shown}`;
    if (reported.has(key)) continue;
    reported.add(key);
    reporter.report('records_learner_unknown', { person: fact.person.shown, rosterFromMapping: mapping.learners.length > 0, ...(mapping.file ? { mapping: mapping.file } : {}) }, fact.where);
  }
  return learners;
}

function find(learners: readonly Learner[], p: PersonRef): Learner | undefined {
  return (
    learners.find((l) => p.emails.some((e) => l.emails.has(e))) ??
    learners.find((l) => p.ids.some((i) => l.ids.has(i))) ??
    // A name names a learner only when it names one learner.
    unique(learners.filter((l) => p.names.some((n) => l.names.has(n))))
  );
}

function unique<T>(xs: readonly T[]): T | undefined {
  return xs.length === 1 ? xs[0] : undefined;
}

function ignored(p: PersonRef, mapping: Mapping): boolean {
  return p.emails.some((e) => mapping.ignorePeople.has(e)) || p.names.some((n) => mapping.ignorePeople.has(n));
}
