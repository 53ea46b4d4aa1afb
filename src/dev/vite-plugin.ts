/**
 * The dev server's own Vite plugin. It serves the calendars and `curriculum.json` that
 * are emitted in memory after each check, at the paths a build writes them (so the
 * pages' download links work), and it tells open pages to reload once new site data is
 * written. (Vite's file watcher ignores node_modules, where the site's work folder is, so
 * it would not notice the data file change by itself.)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
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
}

export function devPlugin(files: ReadonlyMap<string, OutputFile>, base: string): DevPlugin {
  let vite: ViteDevServer | undefined;
  return {
    plugin: {
      name: 'curriculum-dev',
      configureServer(server) {
        vite = server;
        server.middlewares.use((req, res, next) => {
          const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
          const relative = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
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
    reload() {
      if (!vite) return;
      // The list of MDX contents may have changed with the data.
      const mdx = vite.moduleGraph.getModuleById(`\0${mdxModuleId}`);
      if (mdx) vite.moduleGraph.invalidateModule(mdx as never);
      vite.ws.send({ type: 'full-reload' });
    },
  };
}
