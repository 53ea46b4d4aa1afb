/** The catalog: what every program of one build shares (the site's title, address and language). */
export interface ResolvedCatalog {
  readonly title: string;
  readonly description?: string;
  /** The site's public URL, ending with `/`. */
  readonly url: string;
  readonly language: string;
}
