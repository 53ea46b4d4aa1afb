/** robots.txt: everything may be crawled; the sitemap lists the pages. */
import type { APIRoute } from 'astro';
import { siteContext } from '../lib/data.ts';

export const GET: APIRoute = () => {
  const sitemap = new URL('sitemap-index.xml', siteContext().catalog.url).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
