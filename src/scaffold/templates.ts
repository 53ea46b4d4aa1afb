/**
 * The documented starting files that `curriculum init` and `curriculum new` write. Each
 * one checks clean as written (but for the program's namespace, which only the designer
 * can choose: without `--namespace` a commented placeholder stands in, and `check` says
 * what to add), explains its keys in comments, and starts with the `$schema` line that
 * gives editors completion and hover documentation.
 */
import { addDays } from '../time/dates.ts';

export interface TemplateContext {
  readonly programId: string;
  readonly title: string;
  /** The first day of the program (a Monday). */
  readonly start: string;
  /** Relative path from the program folder to the compiler's `schemas/` folder, `/`-separated. */
  readonly schemasFromProgram: string;
  /** The base of the program's permanent identifiers, when `init` was given one. */
  readonly namespace?: string;
}

const schemaLine = (fromFile: string, kind: string) => `# yaml-language-server: $schema=${fromFile}/${kind}.schema.json\n`;

export function programTemplate(c: TemplateContext): string {
  return `${schemaLine(c.schemasFromProgram, 'program')}# The program: who offers it, to whom, when, at what cost and effort, and why.
# Hover a key in your editor for its documentation; \`curriculum check\` tells you what is wrong.
id: ${c.programId}                # must equal the folder name; it is the program's URL path
${namespaceLines(c)}title: ${c.title}
summary: One or two sentences for the catalog and link previews.
language: en                      # BCP 47; also selects the language of the site's labels
level: beginner                   # beginner | intermediate | advanced | expert | mixed
format: online                    # online | blended | in-person
fees:
  amount: 0
  note: Free of charge
effort:
  hoursPerWeek: { min: 2, max: 4 }
  totalHours: 6                   # checked against the sum of module workloads
dates:
  start: ${c.start}
  end: ${addDays(c.start, 13)}
timeZone: Europe/Paris            # an IANA zone, never an abbreviation such as CET
capacity:
  max: 30
organizers:
  - id: my-organization
    name: My Organization
    role: organizer               # coordinator | organizer | co-organizer | partner | host | funder
contact:
  email: training@example.org
about:
  aims: |
    What the program sets out to do, in Markdown.
  outcomes: |
    - What participants will be able to do afterwards
`;
}

/**
 * The namespace, or a commented placeholder for it and a word on the site's address: both
 * are the designer's to give, and neither may be invented (identifiers must never change
 * once published, and links must not point at a host nobody owns).
 */
function namespaceLines(c: TemplateContext): string {
  const about = `# The base of the program's permanent ids (cmi5 course and AU ids, calendar UIDs): a domain
# your organization owns and a year it owned it. Never change it once the program is published.
# The site's public address is another matter: \`url\` in catalog.yaml, or \`--site-url\`.
`;
  return c.namespace ? `${about}namespace: ${c.namespace}
` : `${about}# namespace: tag:your-domain.example,${c.start.slice(0, 4)}:${c.programId}
`;
}

export function competencesTemplate(c: TemplateContext): string {
  return `${schemaLine(c.schemasFromProgram, 'competences')}# The competences the program develops; modules name them by id.
framework:
  title: ${c.title} competences
competences:
  - id: first-competence
    title: A first competence
    description: What someone with this competence can do, and why it matters.
`;
}

export function moduleTemplate(schemasFromProgram: string, id: string, title: string, withAssessment: boolean): string {
  return `${schemaLine(`../${schemasFromProgram}`, 'module')}# One module: what it teaches, its content and its assessment. The file name is its id.
id: ${id}
title: ${title}
kind: core                        # core, advanced, elective, lecture, ... (your own kinds are fine)
description: |
  What the module is about, in Markdown.
competences: [first-competence]   # ids from competences.yaml
outcomes:
  - What learners can do after this module
workload:
  hours: 3
content: |
  ## Introduction

  The learning content, in Markdown. For a longer text, put it in a file inside the program
  folder and write \`content: { file: content/${id}.md }\`.
${
  withAssessment
    ? `assessment:
  bank: ${id}-quiz               # assessments/${id}-quiz.yaml
  questions: 2                    # drawn for each attempt
`
    : ''
}`;
}

export function assessmentTemplate(schemasFromProgram: string, id: string, title: string): string {
  return `${schemaLine(`../${schemasFromProgram}`, 'assessment')}# A question bank. single: one correct option; multiple: several; true-false: a statement.
id: ${id}
title: ${title}
questions:
  - id: first-question
    type: single
    prompt: Which answer is right?
    options:
      - { id: a, text: This one, correct: true }
      - { id: b, text: Not this one }
    feedback:
      incorrect: Explain here why the right answer is right.
  - id: second-question
    type: true-false
    prompt: This statement is true.
    answer: true
`;
}

export function assignmentsTemplate(c: TemplateContext): string {
  return `${schemaLine(c.schemasFromProgram, 'assignments')}# Work outside modules: essays, submissions, surveys, practical assignments.
assignments:
  - id: reflection
    title: Reflection
    kind: essay                   # practical | project | essay | submission | survey | action-plan | presentation | other
    deliverable: A one-page reflection
    description: What you learned and how you will apply it.
`;
}

export function scheduleTemplate(c: TemplateContext): string {
  const week2 = addDays(c.start, 7);
  return `${schemaLine(c.schemasFromProgram, 'schedule')}# When things happen. Weeks start 7 days apart unless a break explains a gap.
timeZone: Europe/Paris
weeks:
  - week: 1
    starts: ${c.start}
    modules: [welcome]
  - week: 2
    starts: ${week2}
    modules: [first-steps]
    assignments: [reflection]
sessions:
  - id: kick-off
    title: Kick-off
    kind: orientation
    by: [my-organization]
    starts: ${c.start}T10:00      # local time in timeZone
    ends: ${c.start}T11:00
    online: { platform: Zoom }
deadlines:
  - id: reflection-due
    title: Reflection due
    due: ${addDays(c.start, 11)}
    assignments: [reflection]
`;
}

export function policyTemplate(c: TemplateContext): string {
  return `${schemaLine(c.schemasFromProgram, 'policy')}# How modules are passed and what earns the certificate.
modules:
  pass:
    minScore: 60                  # percent
    attempts: 2                   # or: unlimited
certificate:
  title: Certificate of Completion
  requires:
    all:
      - modules: all
      - assignments: all
      - sessions: all
`;
}
