/**
 * What the records say, in the program's terms: who (as the record names them), which
 * item, when, and with what score. Readers turn each format into these facts; the
 * evaluator applies the policy to them. Every fact keeps where it was read, so that a
 * decision can be traced to a cell.
 */
import type { Location } from '../diagnostics/reporter.ts';

/** A person as one record names them: any of an e-mail address, a name, an id. */
export interface PersonRef {
  readonly emails: readonly string[];
  readonly names: readonly string[];
  /** Ids given by a system (Moodle ID number, Canvas SIS User ID, an xAPI account name). */
  readonly ids: readonly string[];
  /** How to show the person in a diagnostic: what the record wrote. */
  readonly shown: string;
}

export interface Fact {
  readonly person: PersonRef;
  readonly where: Location;
  /** Order of reading: files in the order given, rows in file order; ties in time break by it. */
  readonly order: number;
  /** The learner the person was matched to (set when people are matched). */
  learner?: string;
}

/** A module's result: an assessment attempt, or a completion of a module without one. */
export interface ModuleFact extends Fact {
  readonly module: string;
  /** Percentage of the maximum score, 0 to 100, where the record gives a score. */
  readonly score?: number;
  /** The record's own verdict (cmi5 passed / failed), where it states one. */
  readonly success?: boolean;
  /** A completion without a score (cmi5 completed, a module without assessment). */
  readonly completed?: boolean;
  /** When it was recorded (epoch milliseconds), where the record says. */
  readonly time?: number;
  /** Whether the record holds one attempt (`attempt`) or the LMS's overall grade over all attempts (`overall`). */
  readonly grain: 'attempt' | 'overall';
}

export interface SubmissionFact extends Fact {
  readonly assignment: string;
  readonly time?: number;
  /** Percentage of the maximum score, where given. */
  readonly score?: number;
}

/** One stretch of presence in a live session: from joining to leaving. */
export interface PresenceFact extends Fact {
  readonly session: string;
  readonly join: number;
  readonly leave: number;
}

/** A score of an item the grading names that is neither module nor assignment: an exam, one of a module's assessments. */
export interface GradeFact extends Fact {
  readonly category: 'exam' | 'assessment';
  readonly item: string;
  readonly score?: number;
  readonly time?: number;
}

/** A person listed by a gradebook: enrolled, whatever their results. */
export type EnrolmentFact = Fact;

export interface Evidence {
  readonly modules: ModuleFact[];
  readonly submissions: SubmissionFact[];
  readonly presence: PresenceFact[];
  readonly grades: GradeFact[];
  readonly enrolments: EnrolmentFact[];
}

export function emptyEvidence(): Evidence {
  return { modules: [], submissions: [], presence: [], grades: [], enrolments: [] };
}

/** Compares e-mail addresses and names as people type them: case and spacing do not matter. */
export function normalizeName(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function normalizeEmail(text: string): string {
  return text.trim().replace(/^mailto:/i, '').toLowerCase();
}
