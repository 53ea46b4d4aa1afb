/**
 * Tells the build's page cache (src/emit/site/page-cache.ts) what each page Astro renders
 * read, and what it rendered to. Astro runs this around every page it prerenders (the
 * pages the cache holds are not among them: site/lib/static-paths.ts).
 *
 * Without a recorder (`curriculum dev`, or a build without a cache) it only passes the
 * request on.
 */
import { defineMiddleware } from 'astro:middleware';
import { pageRecorder } from '../src/site-api.ts';

const moduleRoute = '/[program]/modules/[module]';

export const onRequest = defineMiddleware(async (context, next) => {
  const recorder = pageRecorder();
  if (!recorder) return next();
  const pathname = context.url.pathname;
  // A module's page reads a few modules; every other page of a program shows all of that
  // program's, and a page outside the programs (the catalog) those of every program.
  recorder.begin(pathname, context.routePattern === moduleRoute ? undefined : (context.params.program ?? '*'));
  try {
    const response = await next();
    if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('text/html')) {
      recorder.fail(pathname);
      return response;
    }
    // The page's components run while its body is read: reading it whole here is what
    // makes every read between begin and end this page's.
    const body = await response.text();
    recorder.end(pathname, body);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } catch (error) {
    recorder.fail(pathname);
    throw error;
  }
});
