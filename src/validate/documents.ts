/**
 * The shapes of source documents once they have passed their JSON Schema. They are
 * generated from the schemas (`src/schemas/`, the authority) by `npm run schemas`; this
 * module names them and the parts the resolver passes around.
 */
import type { DocumentKind } from '../load/document-kinds.ts';
import type { LoadedDocument } from '../load/parse-yaml.ts';
import type {
  AcceptedWarningsDocument,
  AssessmentDocument,
  AssignmentsDocument,
  CatalogDocument,
  CompetencesDocument,
  ModuleDocument,
  PolicyDocument,
  ProgramDocument,
  ScheduleDocument,
} from './generated/documents.ts';

export type {
  AcceptedWarningsDocument,
  AssessmentDocument,
  AssignmentsDocument,
  CatalogDocument,
  CompetencesDocument,
  ModuleDocument,
  PolicyDocument,
  ProgramDocument,
  RequirementDocument,
  ScheduleDocument,
} from './generated/documents.ts';

/** The validated shape of each kind of document. */
export interface DocumentTypes {
  catalog: CatalogDocument;
  program: ProgramDocument;
  competences: CompetencesDocument;
  module: ModuleDocument;
  assessment: AssessmentDocument;
  assignments: AssignmentsDocument;
  schedule: ScheduleDocument;
  policy: PolicyDocument;
  'accepted-warnings': AcceptedWarningsDocument;
}

/** A parsed document that passed its kind's schema: its data has that kind's shape. */
export interface ValidatedDocument<K extends DocumentKind = DocumentKind> extends LoadedDocument {
  readonly kind: K;
  readonly data: DocumentTypes[K];
}

/** A validated document of any kind; its `kind` tells which shape its data has. */
export type AnyValidatedDocument = { [K in DocumentKind]: ValidatedDocument<K> }[DocumentKind];

export type StatedCount = NonNullable<NonNullable<ProgramDocument['stated']>['counts']>[number];
export type QuestionDocument = AssessmentDocument['questions'][number];
/** The pass rule, written the same way as the policy's default and as a module's own. */
export type PassRuleDocument = NonNullable<NonNullable<PolicyDocument['modules']>['pass']>;
/** Which items of one category a requirement names. */
export type SelectorDocument = NonNullable<PolicyDocument['certificate']['requires']['modules']>;
