// Types of the generated validators.js (one standalone ajv validator per document kind).
import type { ValidateFunction } from 'ajv';
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
} from './documents.ts';

export declare const catalog: ValidateFunction<CatalogDocument>;
export declare const program: ValidateFunction<ProgramDocument>;
export declare const competences: ValidateFunction<CompetencesDocument>;
export declare const module: ValidateFunction<ModuleDocument>;
export declare const assessment: ValidateFunction<AssessmentDocument>;
export declare const assignments: ValidateFunction<AssignmentsDocument>;
export declare const schedule: ValidateFunction<ScheduleDocument>;
export declare const policy: ValidateFunction<PolicyDocument>;
export declare const acceptedWarnings: ValidateFunction<AcceptedWarningsDocument>;
