/** robots.txt: everything may be crawled; the sitemap lists the pages (when the site's address is known, there is one). */
import type { APIRoute } from 'astro';
import { siteContext } from '../lib/data.ts';

export const GET: APIRoute = () => {
  const siteUrl = siteContext().catalog.url;
  const sitemap = siteUrl !== undefined ? `\nSitemap: ${new URL('sitemap-index.xml', siteUrl).href}\n` : '';
  return new Response(`User-agent: *\nAllow: /\n${sitemap}`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
