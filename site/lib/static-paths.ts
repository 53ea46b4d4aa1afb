/**
 * `getStaticPaths` results shared by the program pages, without the pages the build takes
 * from its page cache (src/emit/site/page-cache.ts): nothing they read has changed since
 * the last build, which wrote them, so Astro does not render them again.
 */
import { pagePaths, pageRecorder } from '../../src/site-api.ts';
import { programIds, siteContext } from './data.ts';
import { withBase } from './links.ts';

/** The routes' entries whose page (a site path from `pagePaths`) is not taken from the page cache. */
export function unlessReused<T>(entries: readonly { readonly page: string; readonly entry: T }[]): T[] {
  const recorder = pageRecorder();
  if (!recorder) return entries.map((e) => e.entry);
  const { base } = siteContext();
  return entries.filter((e) => !recorder.reuses(withBase(base, e.page))).map((e) => e.entry);
}

type ProgramPage = 'overview' | 'schedule' | 'modules' | 'competences' | 'completion' | 'lms' | 'syllabus' | 'achievements';

/** One page per program, the `page` of `pagePaths`. */
export function programPaths(page: ProgramPage, programs: readonly string[] = programIds()) {
  return unlessReused(programs.map((program) => ({ page: pagePaths[page](program), entry: { params: { program } } })));
}
