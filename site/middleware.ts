/**
 * Around every page Astro renders in a build: tells the build's page cache
 * (src/emit/site/page-cache.ts) what the page read and what it rendered to, gives the
 * page its last rewrite (its links made relative when the site has no address,
 * src/emit/site/relative-links.ts) before Astro writes it, and hands the finished page to
 * the search index (src/emit/site/search-index.ts). The pages the cache holds are not
 * rendered at all (site/lib/static-paths.ts).
 *
 * Without any of them (`curriculum dev`) it only passes the request on.
 */
import { defineMiddleware } from 'astro:middleware';
import { pageFinisher, pageListener, pageRecorder } from '../src/site-api.ts';

const moduleRoute = '/[program]/modules/[module]';

export const onRequest = defineMiddleware(async (context, next) => {
  const recorder = pageRecorder();
  const finisher = pageFinisher();
  const listener = pageListener();
  if (!recorder && !finisher && !listener) return next();
  const pathname = context.url.pathname;
  const render = async (): Promise<Response> => {
    try {
      const response = await next();
      // Not a page at a folder path (the 404 page, robots.txt): neither kept nor finished here.
      if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('text/html')) {
        recorder?.fail(pathname);
        return response;
      }
      // The page's components run while its body is read: reading it whole here, inside
      // `rendering`, is what makes every read they make this page's.
      const rendered = await response.text();
      // Encoded once, for the cache and for Astro, which writes the bytes it reads back.
      const body = Buffer.from(finisher ? finisher.finish(pathname, rendered) : rendered, 'utf8');
      recorder?.end(pathname, body);
      listener?.written(pathname, body);
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      recorder?.fail(pathname);
      throw error;
    }
  };
  // A module's page reads a few modules; every other page of a program shows all of that
  // program's, and a page outside the programs (the catalog) those of every program.
  return recorder ? recorder.rendering(pathname, context.routePattern === moduleRoute ? undefined : (context.params.program ?? '*'), render) : render();
});
