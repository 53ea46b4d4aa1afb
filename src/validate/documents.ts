/**
 * The shapes of source documents once they have passed their JSON Schema
 * (`src/schemas/`). The resolver reads these; they mirror the schemas, which are the
 * authority (a test checks each example curriculum against both).
 */
import type { AssignmentKind, Link, OrganizerRole, SessionKind, SocialProfile } from '../model/types.ts';

export interface CatalogDocument {
  title: string;
  description?: string;
  url?: string;
  language?: string;
}

export interface StatedCount {
  what: 'modules' | 'competences' | 'sessions' | 'assignments' | 'weeks' | 'phases';
  kind?: string;
  count: number;
  quote: string;
}

export interface ProgramDocument {
  id: string;
  title: string;
  shortTitle?: string;
  subtitle?: string;
  summary?: string;
  edition?: string;
  language: string;
  level?: 'beginner' | 'intermediate' | 'advanced' | 'expert' | 'mixed';
  eqfLevel?: number;
  format: 'online' | 'blended' | 'in-person';
  pace?: 'self-paced' | 'scheduled' | 'mixed';
  venue?: string;
  audience?: string;
  capacity?: { max: number; note?: string };
  fees?: { amount: number; currency?: string; note?: string };
  effort?: { hoursPerWeek?: { min: number; max: number }; totalHours?: number; approximate?: boolean };
  dates: { start: string; end: string };
  timeZone: string;
  organizers: { id: string; name: string; shortName?: string; role: OrganizerRole; url?: string; email?: string; country?: string; description?: string }[];
  contact?: { name?: string; email?: string; phone?: string; address?: string; website?: string; social?: SocialProfile[] };
  registration?: { url?: string; opens?: string; closes?: string; note?: string };
  links?: Link[];
  about?: { background?: string; aims?: string; objectives?: string; offer?: string; outcomes?: string; method?: string };
  sections?: { id: string; title: string; body: string }[];
  funding?: { programme?: string; projectNumber?: string; disclaimer?: string };
  stated?: { counts?: StatedCount[] };
  site?: { accent?: string; logo?: string; logoAlt?: string };
  calendar?: { sessionReminders?: number[]; deadlineReminders?: number[]; refreshHours?: number; sequence?: number };
  lms?: { iri?: string };
}

export interface CompetencesDocument {
  framework?: { title: string; description?: string; url?: string };
  areas?: { id: string; title: string; description?: string }[];
  competences: { id: string; title: string; description: string; area?: string; esco?: string; eqfLevel?: number }[];
}

export interface PassRuleDocument {
  minScore?: number;
  attempts?: number | 'unlimited';
}

export interface ModuleDocument {
  id: string;
  title: string;
  shortTitle?: string;
  label?: string;
  kind?: string;
  phase?: string;
  summary?: string;
  description: string;
  content?: string | { file: string };
  competences?: string[];
  prerequisites?: string[];
  outcomes?: string[];
  topics?: string[];
  presenters?: string[];
  workload?: { hours: number; note?: string };
  resources?: Link[];
  assessment?: {
    bank: string;
    title?: string;
    description?: string;
    questions?: number;
    pass?: PassRuleDocument;
    display?: 'one-at-a-time' | 'all-at-once';
    shuffle?: boolean;
    external?: { url?: string; note: string };
  };
}

export interface QuestionDocument {
  id: string;
  type: 'single' | 'multiple' | 'true-false';
  prompt: string;
  options?: { id: string; text: string; correct?: boolean; feedback?: string }[];
  answer?: boolean;
  feedback?: { correct?: string; incorrect?: string };
  points?: number;
}

export interface AssessmentDocument {
  id: string;
  title: string;
  description?: string;
  questions: QuestionDocument[];
}

export interface AssignmentsDocument {
  assignments: {
    id: string;
    title: string;
    kind: AssignmentKind;
    description?: string;
    deliverable?: string;
    optional?: boolean;
    choice?: { select: number; from?: number; options?: { id: string; title: string; description?: string }[] };
    competences?: string[];
    modules?: string[];
    submission?: { url?: string; note?: string };
  }[];
}

export interface ScheduleDocument {
  timeZone?: string;
  phases?: { id: string; title: string; number?: number; description?: string }[];
  weeks?: {
    week: number;
    through?: number;
    starts: string;
    ends?: string;
    phase?: string;
    title?: string;
    modules?: string[];
    assignments?: string[];
    note?: string;
  }[];
  periods?: { id: string; title: string; starts: string; ends: string; modules?: string[]; assignments?: string[]; description?: string }[];
  breaks?: { id: string; title: string; starts: string; ends: string }[];
  sessions?: {
    id: string;
    title: string;
    kind?: SessionKind;
    by?: string[];
    starts: string;
    ends: string;
    timeZone?: string;
    online?: { platform: string; url?: string; note?: string };
    place?: string;
    description?: string;
    note?: string;
  }[];
  deadlines?: {
    id: string;
    title: string;
    due: string;
    timeZone?: string;
    modules?: string[];
    assignments?: string[];
    description?: string;
  }[];
}

/** A requirement as written; exactly one form is present (the schema enforces it). */
export interface RequirementDocument {
  all?: RequirementDocument[];
  any?: RequirementDocument[];
  atLeast?: number;
  of?: RequirementDocument[];
  modules?: SelectorDocument;
  assignments?: SelectorDocument;
  sessions?: SelectorDocument;
  certificate?: true;
}

export type SelectorDocument = 'all' | string[] | { kind?: string; ids?: string[]; atLeast?: number };

export interface PolicyDocument {
  modules?: { pass?: PassRuleDocument; note?: string };
  certificate: {
    title: string;
    issuedBy?: string[];
    requires: RequirementDocument;
    brings?: string;
    recognition?: string;
    note?: string;
  };
  benefits?: { id: string; title: string; requires: RequirementDocument; description?: string }[];
}
