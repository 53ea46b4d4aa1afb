/**
 * Every link a page writes: pages through `pagePaths`,
 * downloads through `outputPaths` and only when the file was emitted. The site may be
 * published under a path (`https://example.org/courses/`), so every link gets the base.
 */
import { absoluteUrl, type LinkTargets, outputPaths, type PackageFormat, packageFormats, pagePaths, sitePath, webcalUrl } from '../../src/site-api.ts';

/**
 * Where the relative links and images of one Markdown text lead on the site: a linked
 * module's page, or the program file copied under `<program>/files/`. The fragment of a
 * link to a module is dropped (ids inside rendered Markdown are prefixed per block).
 */
export function markdownLinkResolver(base: string, program: string, targets: LinkTargets | undefined): ((written: string) => string | undefined) | undefined {
  if (!targets) return undefined;
  return (written) => {
    const target = targets[written];
    if (!target) return undefined;
    if ('module' in target) return withBase(base, pagePaths.module(program, target.module));
    const fragment = /#.*$/s.exec(written)?.[0] ?? '';
    return withBase(base, `/${outputPaths.programFile(program, target.file).split('/').map(encodeURIComponent).join('/')}`) + fragment;
  };
}

export { webcalUrl };

/** `/` or `/courses/`: the path the site is published under (`/` when its address is not known). */
export function basePath(siteUrl: string | undefined): string {
  return sitePath(siteUrl);
}

/** A site path (starting with `/`) under the base. */
export function withBase(base: string, sitePath: string): string {
  return base.replace(/\/$/, '') + sitePath;
}

export interface ProgramLinks {
  readonly overview: string;
  readonly schedule: string;
  readonly modules: string;
  module(id: string): string;
  readonly competences: string;
  readonly completion: string;
  readonly lms: string;
  readonly syllabus: string;
  readonly catalog: string;
  readonly search: string;
}

export function programLinks(base: string, program: string): ProgramLinks {
  const b = (p: string) => withBase(base, p);
  return {
    overview: b(pagePaths.overview(program)),
    schedule: b(pagePaths.schedule(program)),
    modules: b(pagePaths.modules(program)),
    module: (id) => b(pagePaths.module(program, id)),
    competences: b(pagePaths.competences(program)),
    completion: b(pagePaths.completion(program)),
    lms: b(pagePaths.lms(program)),
    syllabus: b(pagePaths.syllabus(program)),
    catalog: b(pagePaths.catalog()),
    search: b(pagePaths.search()),
  };
}

/**
 * A calendar to subscribe to: its link on the site, and its absolute address for apps,
 * known only when the site's own address is (otherwise the page works it out from
 * where it is served: site/scripts/calendar-links.ts).
 */
export interface CalendarFile {
  readonly href: string;
  readonly url?: string;
  readonly webcal?: string;
}

/** Downloads of one program that exist, as links; `undefined` when the file was not emitted. */
export interface Downloads {
  readonly calendar?: CalendarFile;
  phaseCalendar(phase: string): CalendarFile | undefined;
  sessionCalendar(session: string): string | undefined;
  deadlineCalendar(deadline: string): string | undefined;
  seriesCalendar(series: string): string | undefined;
  examCalendar(exam: string): string | undefined;
  readonly curriculumJson?: string;
  readonly programPackages: readonly { readonly format: PackageFormat; readonly href: string }[];
  modulePackages(module: string): readonly { readonly format: PackageFormat; readonly href: string }[];
  readonly importNotes?: string;
  /** Whether anything for an LMS exists. */
  readonly hasLmsFiles: boolean;
}

export function downloadsOf(program: string, emitted: readonly string[], base: string, siteUrl: string | undefined): Downloads {
  const present = new Set(emitted);
  const link = (outputPath: string) => (present.has(outputPath) ? withBase(base, `/${outputPath}`) : undefined);
  const calendarFile = (outputPath: string): CalendarFile | undefined => {
    const href = link(outputPath);
    if (!href) return undefined;
    if (siteUrl === undefined) return { href };
    const url = absoluteUrl(siteUrl, `/${outputPath}`);
    return { href, url, webcal: webcalUrl(url) };
  };
  const calendar = calendarFile(outputPaths.calendar(program));
  const programPackages = packageFormats.flatMap((format) => {
    const href = link(outputPaths.programPackage(program, format));
    return href ? [{ format, href }] : [];
  });
  const importNotes = link(outputPaths.importNotes(program));
  const hasModulePackages = emitted.some((p) => p.startsWith(`${program}/modules/`) && p.endsWith('.zip'));
  const curriculumJson = link(outputPaths.curriculumJson(program));
  return {
    ...(calendar ? { calendar } : {}),
    phaseCalendar: (phase) => calendarFile(outputPaths.phaseCalendar(program, phase)),
    sessionCalendar: (session) => link(outputPaths.sessionCalendar(program, session)),
    deadlineCalendar: (deadline) => link(outputPaths.deadlineCalendar(program, deadline)),
    seriesCalendar: (series) => link(outputPaths.seriesCalendar(program, series)),
    examCalendar: (exam) => link(outputPaths.examCalendar(program, exam)),
    ...(curriculumJson ? { curriculumJson } : {}),
    programPackages,
    modulePackages: (module) =>
      packageFormats.flatMap((format) => {
        const href = link(outputPaths.modulePackage(program, module, format));
        return href ? [{ format, href }] : [];
      }),
    ...(importNotes ? { importNotes } : {}),
    hasLmsFiles: programPackages.length > 0 || importNotes !== undefined || hasModulePackages,
  };
}
