/**
 * Site paths that `src/emit/paths.ts` does not (yet) define. They belong there, beside
 * `pagePaths` and `outputPaths`; until they move, every page links through these.
 */
import { reservedProgramIds } from '../../model/reserved.ts';

export const sitePaths = {
  /** Search across every program. */
  search: () => '/search/',
  /** The whole program on one printable page. */
  syllabus: (program: string) => `/${program}/syllabus/`,
  /** The program's logo, copied next to its pages; keeps the source file's extension. */
  logo: (program: string, sourceFile: string) => `${program}/logo${extensionOf(sourceFile)}`,
} as const;

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
