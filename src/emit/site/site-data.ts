/**
 * What the Astro pages read: the resolved models, the catalog, and which downloads
 * exist. Written to one JSON file per build; the pages find it through a virtual
 * module (see vite-plugin.ts), so that the same pages serve a build and a dev server
 * that rewrites the file when the sources change.
 */
import type { ResolvedCatalog } from '../../model/catalog.ts';
import type { Curriculum } from '../../model/types.ts';
import { outputPaths } from '../../addresses/index.ts';

export interface SiteData {
  /** Raised when the shape changes, so that stale data files are refused rather than misread. */
  readonly version: 1;
  readonly catalog: ResolvedCatalog;
  readonly programs: readonly SiteProgram[];
  /** Only under `curriculum dev`: the problems of the last check, shown on every page. */
  readonly dev?: DevStatus;
}

/** What the dev server tells the pages about the sources as they are now. */
export interface DevStatus {
  /**
   * How many checks the dev server has written, counting from 1. A page that was loading
   * while newer data was written missed the reload Vite broadcast to the pages then open;
   * it asks the server for this number and reloads when it differs from its own.
   */
  readonly generation: number;
  readonly errors: number;
  readonly warnings: number;
  /** One line per problem: `file:line:col  severity  message`. */
  readonly problems: readonly {
    readonly severity: 'error' | 'warning';
    /** A warning the program accepts: listed, as the terminal lists it, but not counted in `warnings`. */
    readonly accepted?: true;
    readonly where: string;
    readonly message: string;
    readonly hint?: string;
  }[];
  /** Programs shown as they last compiled, because their sources have errors now. */
  readonly stale: readonly string[];
}

export interface SiteProgram {
  readonly curriculum: Curriculum;
  /**
   * Output paths (relative to the output folder) of this program's downloads that other
   * emitters actually wrote: a page links a download only if its path is listed here.
   */
  readonly downloads: readonly string[];
  /** The logo as copied next to the pages, with its text alternative. */
  readonly logo?: { readonly path: string; readonly alt: string };
}

export const siteDataVersion = 1;

export interface SiteDataInput {
  readonly curricula: readonly Curriculum[];
  readonly catalog: ResolvedCatalog;
  readonly emitted: ReadonlySet<string>;
}

/**
 * The site's data, programs in catalog order (start date, then id) so that the
 * output does not depend on the order the folders were discovered in.
 */
export function siteData({ curricula, catalog, emitted }: SiteDataInput): SiteData {
  const programs = [...curricula]
    .sort((a, b) => a.program.dates.start.localeCompare(b.program.dates.start) || a.program.id.localeCompare(b.program.id))
    .map((curriculum): SiteProgram => {
      const id = curriculum.program.id;
      const downloads = [...emitted].filter((p) => p.startsWith(`${id}/`)).sort();
      const logo = curriculum.site.logo;
      return {
        curriculum,
        downloads,
        ...(logo ? { logo: { path: outputPaths.logo(id, logo.file), alt: logo.alt } } : {}),
      };
    });
  return { version: siteDataVersion, catalog, programs };
}
