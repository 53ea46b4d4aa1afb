/**
 * The dev server's own Vite plugin. It serves the calendars and `curriculum.json` that
 * are emitted in memory after each check, at the paths a build writes them (so the
 * pages' download links work), and it tells open pages to reload once new site data is
 * written. (Vite's file watcher ignores node_modules, where the site's work folder is, so
 * it would not notice the data file change by itself.)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pagePaths } from '../addresses/index.ts';
import { mdxModuleId } from '../emit/site/vite-plugin.ts';
import type { OutputFile } from '../emit/types.ts';

const contentTypes: Record<string, string> = {
  '.ics': 'text/calendar; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.pdf': 'application/pdf',
};

interface ViteDevServer {
  middlewares: { use(handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void };
  moduleGraph: { getModuleById(id: string): unknown; invalidateModule(module: never): void };
  ws: { send(payload: { type: 'full-reload' }): void };
}

export interface DevPlugin {
  readonly plugin: { name: string; configureServer(server: ViteDevServer): void };
  /** Makes open pages reload with the data just written. */
  reload(): void;
  /** Answers the pages' waiting questions, so that the server can stop. */
  close(): void;
}

/** How long a page's question waits for newer data before it is answered with the current number. */
const LONG_POLL_MS = 25_000;

/**
 * `generation` gives the number of the site data last written (DevStatus.generation): the
 * server's own count, read when a page asks, so that a plugin made after the first check
 * still answers with the number the pages were rendered with.
 */
export function devPlugin(files: ReadonlyMap<string, OutputFile>, base: string, generation: () => number): DevPlugin {
  let vite: ViteDevServer | undefined;
  // Pages asking for data newer than theirs (see `answerGeneration`).
  const waiting = new Set<() => void>();
  const generationPath = pagePaths.devGeneration().slice(1);
  /**
   * Vite's reload reaches only the pages whose socket is open when it is sent: a page that
   * was loading then (rendered from the older data, its socket not yet connected) missed
   * it and showed stale content until the next save (seen in the dev test: a save made
   * while the page reloaded for the one before it). Each page therefore asks here, once
   * loaded, whether data newer than its own exists; the answer waits until it does, up
   * to LONG_POLL_MS, and the page reloads when the number differs from its own (a
   * restarted server counts from 1 again).
   */
  const answerGeneration = (url: URL, res: ServerResponse) => {
    const reply = () => {
      if (res.writableEnded || res.destroyed) return;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(String(generation()));
    };
    if (generation() !== Number(url.searchParams.get('after') ?? 0)) return reply();
    const answer = () => {
      waiting.delete(answer);
      clearTimeout(timer);
      reply();
    };
    const timer = setTimeout(answer, LONG_POLL_MS);
    waiting.add(answer);
    // A page closed or reloaded while waiting.
    res.once('close', () => {
      waiting.delete(answer);
      clearTimeout(timer);
    });
  };
  return {
    plugin: {
      name: 'curriculum-dev',
      configureServer(server) {
        vite = server;
        server.middlewares.use((req, res, next) => {
          const url = new URL(req.url ?? '/', 'http://dev');
          const pathname = decodeURIComponent(url.pathname);
          const relative = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
          if (relative === generationPath) return answerGeneration(url, res);
          const file = relative !== undefined ? files.get(relative) : undefined;
          if (!file) return next();
          const extension = relative!.slice(relative!.lastIndexOf('.')).toLowerCase();
          res.setHeader('Content-Type', contentTypes[extension] ?? 'application/octet-stream');
          res.setHeader('Cache-Control', 'no-store');
          // An SVG from the sources opened on its own must not run scripts on the site's origin.
          res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
          res.end(file.contents);
        });
      },
    },
    close() {
      for (const answer of [...waiting]) answer();
    },
    reload() {
      for (const answer of [...waiting]) answer();
      if (!vite) return;
      // The list of MDX contents may have changed with the data.
      const mdx = vite.moduleGraph.getModuleById(`\0${mdxModuleId}`);
      if (mdx) vite.moduleGraph.invalidateModule(mdx as never);
      vite.ws.send({ type: 'full-reload' });
    },
  };
}
