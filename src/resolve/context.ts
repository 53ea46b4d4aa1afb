import type { Reporter } from '../diagnostics/reporter.ts';
import type { ProgramFolder } from '../load/discover.ts';
import type { DocumentKind } from '../load/document-kinds.ts';
import type { ReferencedFile } from '../load/referenced-files.ts';
import type { Module, Organizer } from '../model/types.ts';
import type {
  AssessmentDocument,
  AssignmentsDocument,
  CompetencesDocument,
  ModuleDocument,
  ScheduleDocument,
  ValidatedDocument,
} from '../validate/documents.ts';
import { Registry } from './registry.ts';

/** The documents of one program that passed their schemas, and what failed. */
export interface ProgramSources {
  readonly folder: ProgramFolder;
  readonly program?: ValidatedDocument<'program'>;
  readonly competences?: ValidatedDocument<'competences'>;
  readonly assignments?: ValidatedDocument<'assignments'>;
  readonly schedule?: ValidatedDocument<'schedule'>;
  readonly policy?: ValidatedDocument<'policy'>;
  readonly modules: readonly ValidatedDocument<'module'>[];
  readonly assessments: readonly ValidatedDocument<'assessment'>[];
  /** Documents that exist but could not be used (syntax or schema errors), with their id when readable. */
  readonly withheld: readonly { readonly kind: DocumentKind; readonly id?: string }[];
  /** Kinds of documents used without some values that failed their schema: optional keys, or the list items in `dropped`. */
  readonly pruned: readonly DocumentKind[];
  /** List items left out of their documents for their schema errors, with their ids when readable: references to them are not reported. */
  readonly dropped?: readonly { readonly kind: DocumentKind; readonly list: readonly (string | number)[]; readonly id?: string }[];
  /** Content and asset files referenced by the documents, keyed by the path as written. */
  readonly files: ReadonlyMap<string, ReferencedFile>;
  /** Per module id, where the relative links and images of its Markdown lead (checked to exist). */
  readonly links?: ReadonlyMap<string, NonNullable<Module['links']>>;
  /** The program's files that its Markdown shows or links, relative to the program folder, sorted. */
  readonly linkedFiles?: readonly string[];
}

export type CompetenceEntry = CompetencesDocument['competences'][number];
export type AssignmentEntry = AssignmentsDocument['assignments'][number];
export type SessionEntry = NonNullable<ScheduleDocument['sessions']>[number];
export type DeadlineEntry = NonNullable<ScheduleDocument['deadlines']>[number];
export type PhaseEntry = NonNullable<ScheduleDocument['phases']>[number];
export type PeriodEntry = NonNullable<ScheduleDocument['periods']>[number];
export type BreakEntry = NonNullable<ScheduleDocument['breaks']>[number];
export type SeriesEntry = NonNullable<ScheduleDocument['series']>[number];
export type SectionEntry = NonNullable<ScheduleDocument['sections']>[number];
export type ExamEntry = NonNullable<ScheduleDocument['exams']>[number];

/** Every id that can be referred to, by kind; filled before any reference is resolved. */
export interface Registries {
  readonly organizers: Registry<Organizer>;
  readonly areas: Registry<{ id: string }>;
  readonly competences: Registry<CompetenceEntry>;
  readonly banks: Registry<{ doc: AssessmentDocument; source: ValidatedDocument<'assessment'> }>;
  readonly modules: Registry<{ doc: ModuleDocument; source: ValidatedDocument<'module'> }>;
  readonly assignments: Registry<{ doc: AssignmentEntry; index: number }>;
  readonly phases: Registry<PhaseEntry>;
  readonly periods: Registry<PeriodEntry>;
  readonly breaks: Registry<BreakEntry>;
  /** Single sessions and the occurrences series expand into (`series` instead of `doc`). */
  readonly sessions: Registry<{ doc: SessionEntry; index: number } | { series: SeriesEntry; index: number }>;
  readonly series: Registry<{ doc: SeriesEntry; index: number }>;
  readonly sections: Registry<SectionEntry>;
  readonly exams: Registry<{ doc: ExamEntry; index: number }>;
  readonly deadlines: Registry<{ doc: DeadlineEntry; index: number }>;
}

export function createRegistries(reporter: Reporter): Registries {
  return {
    organizers: new Registry('organizer', '`organizers` of program.yaml', reporter),
    areas: new Registry('competence area', '`areas` of competences.yaml', reporter),
    competences: new Registry('competence', 'competences.yaml', reporter),
    banks: new Registry('question bank', 'assessments/', reporter),
    modules: new Registry('module', 'modules/', reporter),
    assignments: new Registry('assignment', 'assignments.yaml', reporter),
    phases: new Registry('phase', '`phases` of schedule.yaml', reporter),
    periods: new Registry('period', '`periods` of schedule.yaml', reporter),
    breaks: new Registry('break', '`breaks` of schedule.yaml', reporter),
    sessions: new Registry('live session', '`sessions` of schedule.yaml', reporter),
    series: new Registry('session series', '`series` of schedule.yaml', reporter),
    sections: new Registry('section group', '`sections` of schedule.yaml', reporter),
    exams: new Registry('exam', '`exams` of schedule.yaml', reporter),
    deadlines: new Registry('deadline', '`deadlines` of schedule.yaml', reporter),
  };
}
