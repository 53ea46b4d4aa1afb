/** Words shared by every output, in English. */
export const common = {
  module: 'module',
  modules: 'modules',
  week: (n: number) => `Week ${n}`,
  weeks: (first: number, last: number) => `Weeks ${first}–${last}`,
  hours: (n: number) => `${n} h`,
  due: 'Due',
  noDeadlineStated: (date: string) => `No deadline is stated; the program ends on ${date}.`,
  optional: 'optional',
  /** Around a Markdown text's footnotes: a heading for screen readers, and each link back to where it is cited ("1", "1-2"). */
  footnotes: 'Footnotes',
  backToReference: (reference: string) => `Back to reference ${reference}`,
  /** A title quoted inside a sentence, with the language's quotation marks. */
  quote: (text: string) => `“${text}”`,
  moduleKinds: { core: 'core', advanced: 'advanced', elective: 'elective', lecture: 'lecture', module: 'module' } as Record<string, string>,
  assignmentKinds: {
    practical: 'practical assignment',
    project: 'project',
    essay: 'essay',
    submission: 'submission',
    survey: 'survey',
    'action-plan': 'action plan',
    presentation: 'presentation',
    other: 'assignment',
  } as Record<string, string>,
  sessionKinds: {
    orientation: 'orientation',
    lecture: 'lecture',
    seminar: 'seminar',
    workshop: 'workshop',
    webinar: 'webinar',
    discussion: 'discussion',
    exam: 'exam',
    other: 'live session',
  } as Record<string, string>,
} as const;
