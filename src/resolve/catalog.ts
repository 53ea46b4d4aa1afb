import type { ResolvedCatalog } from '../model/catalog.ts';
import type { CatalogDocument } from '../validate/documents.ts';

/**
 * The catalog of a build from `catalog.yaml` (absent when there is none, or when it had
 * errors); a `--site-url` given on the command line wins over the file's.
 */
export function resolveCatalog(document: CatalogDocument | undefined, siteUrl: string | undefined): ResolvedCatalog {
  return {
    title: document?.title ?? 'Programs',
    ...(document?.description ? { description: document.description } : {}),
    ...(siteUrl || document?.url ? { url: withSlash(siteUrl ?? document!.url!) } : {}),
    ...(document?.namespace ? { namespace: document.namespace } : {}),
    language: document?.language ?? 'en',
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
