/**
 * Where each output lives, relative to the output folder, and the URL of each page on
 * the site. Every emitter and every page links through these, so a link cannot point
 * at a file that another emitter writes elsewhere. Below the emitters and the site:
 * both read it, it reads neither.
 */
import { reservedProgramIds } from '../model/reserved.ts';

export { eventLinks, subscribeLinks, webcalUrl, type EventLinks, type EventTemplate, type SubscribeLinks } from './calendar-links.ts';

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
  /** One calendar per series of live sessions, for "add this series" (its moved occurrences included). */
  seriesCalendar: (program: string, series: string) => `${program}/calendars/series/${series}.ics`,
  /** One calendar per exam, for "add this exam". */
  examCalendar: (program: string, exam: string) => `${program}/calendars/exams/${exam}.ics`,
  /** One calendar per deadline, for "add this deadline". */
  deadlineCalendar: (program: string, deadline: string) => `${program}/calendars/deadlines/${deadline}.ics`,
  /** The whole program as one LMS package. */
  programPackage: (program: string, format: PackageFormat) => `${program}/${format}.zip`,
  /** One module as its own LMS package. */
  modulePackage: (program: string, module: string, format: PackageFormat) => `${program}/modules/${module}/${format}.zip`,
  /** Settings for LMS administrators, per LMS and package. */
  importNotes: (program: string) => `${program}/lms-import-notes.txt`,
  /**
   * A file of the program folder that its Markdown shows or links (an image, a handout),
   * under the same path as in the sources: the name is stable from build to build.
   */
  programFile: (program: string, file: string) => `${program}/files/${file}`,
  /** The program's logo, copied next to its pages; keeps the source file's extension. */
  logo: (program: string, sourceFile: string) => `${program}/logo${extensionOf(sourceFile)}`,
  /**
   * An Open Badges 3.0 achievement (`certificate`, or `benefits/<id>`) and its image; the
   * achievement's id is under the program's namespace, this is where it is published.
   */
  achievement: (program: string, key: string) => `${program}/achievements/${key}.json`,
  achievementImage: (program: string, key: string) => `${program}/achievements/${key}.svg`,
  /** The JSON Schemas of the sources and of `curriculum.json`. */
  schema: (fileName: string) => `schemas/${fileName}`,
} as const;

/** Site pages, as paths from the site root (ending with `/`). */
export const pagePaths = {
  catalog: () => '/',
  /** Search across every program. */
  search: () => '/search/',
  overview: (program: string) => `/${program}/`,
  schedule: (program: string) => `/${program}/schedule/`,
  modules: (program: string) => `/${program}/modules/`,
  module: (program: string, module: string) => `/${program}/modules/${module}/`,
  competences: (program: string) => `/${program}/competences/`,
  completion: (program: string) => `/${program}/completion/`,
  lms: (program: string) => `/${program}/lms/`,
  /** The whole program on one printable page. */
  syllabus: (program: string) => `/${program}/syllabus/`,
  /** The certificate and benefits as Open Badges achievements, beside their JSON files. */
  achievements: (program: string) => `/${program}/achievements/`,
  /** Served by `curriculum dev` only: the number of the data the server last wrote. */
  devGeneration: () => '/__curriculum/dev-generation',
} as const;

/**
 * The path the site is published under (`/` or `/courses/`): its URL's, or `/` when no
 * URL was given, where links go from the root and name no host.
 */
export function sitePath(siteUrl: string | undefined): string {
  return siteUrl !== undefined ? new URL(siteUrl).pathname : '/';
}

/**
 * The file that holds the page at `pagePath` (a folder path under `base`, as the site links
 * it, `/courses/crisis-scro/schedule/`), relative to the site's folder:
 * `crisis-scro/schedule/index.html`.
 */
export function pageFile(pagePath: string, base: string): string {
  return `${pagePath.slice(base.length)}index.html`;
}

/** An absolute URL on the published site: `siteUrl` ends with `/`, paths start with `/`. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return siteUrl.replace(/\/$/, '') + path;
}

/**
 * Top-level names the site itself uses. A program with one of these ids would collide
 * with a site page or with the site's assets: the compiler reports the ids among them
 * (program_id_reserved), and the site refuses to build one as a last line of defence.
 */
export const reservedTopLevelNames: readonly string[] = [...reservedProgramIds, '_astro', '404', 'favicon.svg', 'robots.txt'];

function extensionOf(file: string): string {
  const match = /\.[A-Za-z0-9]+$/.exec(file);
  return match ? match[0].toLowerCase() : '';
}
