/** The catalog: what every program of one build shares (the site's title, address and language). */
export interface ResolvedCatalog {
  readonly title: string;
  readonly description?: string;
  /**
   * The site's public URL, ending with `/`, when `catalog.yaml` or `--site-url` gave one.
   * Without it nothing is made absolute: the site links relatively, and canonical links,
   * calendar URL properties and the sitemap are left out rather than pointed at an
   * invented host.
   */
  readonly url?: string;
  /** The namespace of the identifiers of programs that declare none (`catalog.yaml`'s `namespace`). */
  readonly namespace?: string;
  readonly language: string;
}
