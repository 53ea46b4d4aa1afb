import type { DocumentKind } from '../load/document-kinds.ts';
import { acceptedWarningsSchema } from './accepted-warnings.ts';
import { assessmentSchema } from './assessment.ts';
import { assignmentsSchema } from './assignments.ts';
import { catalogSchema } from './catalog.ts';
import { competencesSchema } from './competences.ts';
import type { JsonSchema } from './define.ts';
import { moduleSchema } from './module.ts';
import { policySchema } from './policy.ts';
import { programSchema } from './program.ts';
import { scheduleSchema } from './schedule.ts';

/** The JSON Schema of each document kind; `schemas/<kind>.schema.json` is written from these. */
export const documentSchemas: Record<DocumentKind, JsonSchema> = {
  catalog: catalogSchema,
  program: programSchema,
  competences: competencesSchema,
  module: moduleSchema,
  assessment: assessmentSchema,
  assignments: assignmentsSchema,
  schedule: scheduleSchema,
  policy: policySchema,
  'accepted-warnings': acceptedWarningsSchema,
};

export function schemaFileName(kind: DocumentKind | 'curriculum'): string {
  return `${kind}.schema.json`;
}
