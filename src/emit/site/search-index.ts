/**
 * The search index, built with Pagefind's Node API once the pages exist. Pages mark
 * what is worth indexing with `data-pagefind-body` (the main content of program pages),
 * so navigation, the search page and the 404 page stay out of the results.
 */

export interface SearchIndexOptions {
  readonly siteDir: string;
  /** Where Pagefind's files go (its `pagefind/` folder): beside the site, so that the pages can be moved while it writes. */
  readonly outputDir: string;
  /** The languages of the pages; see below. */
  readonly languages: ReadonlySet<string>;
  /** Used for every page when the programs are in several languages. */
  readonly catalogLanguage: string;
}

export async function buildSearchIndex(options: SearchIndexOptions): Promise<void> {
  const pagefind = await import('pagefind');
  // Pagefind splits pages by language and a search page searches its own language only.
  // To search across all programs when they are in different languages, the whole site
  // is indexed as one language (the catalog's); stemming is then that language's.
  const forceLanguage = options.languages.size > 1 ? baseLanguage(options.catalogLanguage) : undefined;
  const { index, errors } = await pagefind.createIndex(forceLanguage ? { forceLanguage } : {});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: options.siteDir, glob: '**/*.html' });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: options.outputDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

function baseLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}
