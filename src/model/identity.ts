/**
 * The stable identifiers of a program's things: cmi5 course, block and AU ids, calendar
 * UIDs, the JSON-LD `@id`s of the course and its credential. LMSs match learners' records
 * and calendar apps match events by these, so they derive from the program's namespace and
 * the YAML ids alone, never from where the site happens to be published: moving the site
 * must not turn a course into a new course or every calendar event into a copy.
 */
import type { Curriculum } from './types.ts';

/**
 * The namespace of a program that declares none, neither in `program.yaml` nor in
 * `catalog.yaml`: `urn:curriculum:<program id>`. A URN because it names no host (a host
 * nobody gave would be a claim on someone else's domain) and needs no date, unlike a
 * `tag:` URI (RFC 4151); it is valid RFC 8141 syntax and a valid IRI for cmi5 and xAPI.
 * The NID `curriculum` is not registered, and two unrelated programs with the same id
 * would share identifiers: that is why `check` warns (namespace_missing) until the
 * designer declares a namespace of their own.
 */
export function fallbackNamespace(programId: string): string {
  return `urn:curriculum:${encodeURIComponent(programId)}`;
}

/**
 * `base` followed by `segments`: joined with `/` under an http(s) IRI, whose path is
 * hierarchical, and with `:` under a `tag:` or `urn:` one, whose specific part
 * conventionally is. A separator the base already ends with is not doubled, so that
 * `tag:example.org,2024:` + `p` is `tag:example.org,2024:p`. Segments are percent-encoded;
 * model ids are kebab-case and come through unchanged.
 */
export function identifierUnder(base: string, ...segments: readonly string[]): string {
  if (segments.length === 0) return base;
  const hierarchical = /^https?:/i.test(base);
  const stem = base.replace(hierarchical ? /\/+$/ : /[:/]+$/, '');
  return [stem, ...segments.map((s) => encodeURIComponent(s))].join(hierarchical ? '/' : ':');
}

/** A program's namespace when it declares none of its own but the catalog does: the catalog's, then the program id. */
export function programNamespaceUnder(catalogNamespace: string, programId: string): string {
  return identifierUnder(catalogNamespace, programId);
}

type Identified = Pick<Curriculum, 'identity'>;

type WithLmsIri = Pick<Curriculum, 'lms'>;

/**
 * The cmi5 IRIs of a program's things, the same in the program package and a module's own
 * package; the statements an LRS returns name these, so records are matched against them.
 */
export const cmi5Iris = {
  /** The program package's course: the base IRI itself. */
  course: (curriculum: WithLmsIri) => curriculum.lms.iri,
  /** A module package is a course of its own. */
  moduleCourse: (curriculum: WithLmsIri, module: string) => identifierUnder(curriculum.lms.iri, 'modules', module, 'course'),
  block: (curriculum: WithLmsIri, phase: string) => identifierUnder(curriculum.lms.iri, 'phases', phase),
  au: (curriculum: WithLmsIri, module: string) => identifierUnder(curriculum.lms.iri, 'modules', module),
};

/** The identifiers that every output shares, under the program's namespace. */
export const identifiers = {
  /** The program as a course (JSON-LD `Course`). */
  course: (c: Identified) => c.identity.namespace,
  /** The certificate the program awards (JSON-LD `EducationalOccupationalCredential`). */
  credential: (c: Identified) => identifierUnder(c.identity.namespace, 'certificate'),
  /** An Open Badges achievement: `certificate`, or `benefits` and a benefit id. */
  achievement: (c: Identified, ...key: readonly string[]) => identifierUnder(c.identity.namespace, 'achievements', ...key),
  /** An organizer as an Open Badges profile (the creator of an achievement). */
  organizer: (c: Identified, organizerId: string) => identifierUnder(c.identity.namespace, 'organizers', organizerId),
  /** A competence, as the target of an achievement's alignment when it names no ESCO skill. */
  competence: (c: Identified, competenceId: string) => identifierUnder(c.identity.namespace, 'competences', competenceId),
  /** A calendar event: one per kind of item and item id, the same in every calendar file. */
  event: (c: Identified, kind: string, itemId: string) => identifierUnder(c.identity.namespace, 'events', kind, itemId),
};
