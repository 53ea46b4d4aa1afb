/**
 * How the Astro pages reach the site's data without knowing where it is: two virtual
 * modules, answered from the files of one build (or of a dev server's session).
 *
 * - `virtual:curriculum-site/data-file`: the absolute path of the site data JSON. The
 *   pages read it with `fs` (site/lib/data.ts), so a 10 000-module program is parsed
 *   once as JSON rather than bundled as a JavaScript module.
 * - `virtual:curriculum-site/mdx`: one lazy import per MDX module content, so that
 *   Astro's MDX support compiles exactly the modules that are MDX, each once, and a
 *   Markdown-only program pays nothing for MDX.
 *
 * Both are read from disk when Vite loads them. Under `curriculum dev` the files are
 * rewritten after each check, and the dev server's own plugin (src/dev/vite-plugin.ts)
 * reloads the pages: Vite's watcher never sees these files, which live under node_modules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const dataFileModuleId = 'virtual:curriculum-site/data-file';
export const mdxModuleId = 'virtual:curriculum-site/mdx';

/** One MDX content, as written for the build. */
export interface MdxEntry {
  /** `<program>/<module>`: how the module page asks for its content. */
  readonly key: string;
  /** The MDX text from the model, written to a file because Vite compiles files. */
  readonly file: string;
  /**
   * The folder of the content file in the sources. Relative imports inside the MDX
   * (components, images) are resolved from there, as the author wrote them.
   */
  readonly sourceDir: string;
}

export interface SiteVitePluginOptions {
  readonly dataFile: string;
  /** A JSON array of `MdxEntry`. */
  readonly mdxIndexFile: string;
}

// A minimal structural type: the plugin is handed to Astro's Vite, and the project does
// not depend on `vite` directly.
interface ResolveContext {
  resolve(source: string, importer?: string, options?: { skipSelf?: boolean }): Promise<{ id: string } | null>;
}

export function curriculumSitePlugin(options: SiteVitePluginOptions) {
  const resolved = (id: string) => `\0${id}`;
  const readIndex = (): MdxEntry[] => JSON.parse(readFileSync(options.mdxIndexFile, 'utf8')) as MdxEntry[];
  // Generated MDX file → the source folder its relative imports are written against.
  let sourceDirs = new Map<string, string>();

  return {
    name: 'curriculum-site',
    resolveId(this: ResolveContext, source: string, importer?: string) {
      if (source === dataFileModuleId || source === mdxModuleId) return resolved(source);
      const from = importer ? sourceDirs.get(importer) : undefined;
      if (from && (source.startsWith('./') || source.startsWith('../'))) {
        return this.resolve(path.join(from, source), importer, { skipSelf: true });
      }
      return null;
    },
    load(id: string) {
      if (id === resolved(dataFileModuleId)) return `export default ${JSON.stringify(options.dataFile)};\n`;
      if (id === resolved(mdxModuleId)) {
        const entries = readIndex();
        sourceDirs = new Map(entries.map((e) => [e.file, e.sourceDir]));
        const lines = entries.map((e) => `  ${JSON.stringify(e.key)}: () => import(${JSON.stringify(e.file)}),`);
        return `export const mdxContent = {\n${lines.join('\n')}\n};\n`;
      }
      return null;
    },
  };
}
