/**
 * Where each output lives, relative to the output folder, and the URL of each page on
 * the site. Every emitter and every page links through these, so a link cannot point
 * at a file that another emitter writes elsewhere.
 */

export type PackageFormat = 'scorm-1.2' | 'scorm-2004' | 'cmi5';

export const packageFormats: readonly PackageFormat[] = ['scorm-1.2', 'scorm-2004', 'cmi5'];

export const outputPaths = {
  curriculumJson: (program: string) => `${program}/curriculum.json`,
  /** The whole program's calendar. */
  calendar: (program: string) => `${program}/calendar.ics`,
  /** One calendar per phase (or track). */
  phaseCalendar: (program: string, phase: string) => `${program}/calendars/${phase}.ics`,
  /** One calendar per live session, for "add this session". */
  sessionCalendar: (program: string, session: string) => `${program}/calendars/sessions/${session}.ics`,
  /** The whole program as one LMS package. */
  programPackage: (program: string, format: PackageFormat) => `${program}/${format}.zip`,
  /** One module as its own LMS package. */
  modulePackage: (program: string, module: string, format: PackageFormat) => `${program}/modules/${module}/${format}.zip`,
  /** Settings for LMS administrators, per LMS and package. */
  importNotes: (program: string) => `${program}/lms-import-notes.txt`,
} as const;

/** Site pages, as paths from the site root (ending with `/`). */
export const pagePaths = {
  catalog: () => '/',
  overview: (program: string) => `/${program}/`,
  schedule: (program: string) => `/${program}/schedule/`,
  modules: (program: string) => `/${program}/modules/`,
  module: (program: string, module: string) => `/${program}/modules/${module}/`,
  competences: (program: string) => `/${program}/competences/`,
  completion: (program: string) => `/${program}/completion/`,
  lms: (program: string) => `/${program}/lms/`,
} as const;

/** An absolute URL on the published site: `siteUrl` ends with `/`, paths start with `/`. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return siteUrl.replace(/\/$/, '') + path;
}
