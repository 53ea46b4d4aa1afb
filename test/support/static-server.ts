/**
 * A static HTTP server on 127.0.0.1 for the browser tests: unzipped packages and test
 * pages are mounted under path prefixes and served from memory with the content types
 * a browser needs. Requests are recorded so tests can see what a page asked for.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const contentTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  xsd: 'application/xml; charset=utf-8',
  dtd: 'application/xml-dtd; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  // An SVG served with another type is not drawn by <img>.
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** Handles a request itself, or returns false to let the files answer. */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse, body: string) => boolean | Promise<boolean>;

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a final slash. */
  readonly origin: string;
  /**
   * Serves `files` (path → contents) under `/prefix/`, replacing an earlier mount of the
   * same prefix. `cacheable` lets the browser keep them (for large libraries that never
   * change during a run); other files are served with `no-store`.
   */
  mount(prefix: string, files: ReadonlyMap<string, string | Uint8Array>, options?: { readonly cacheable?: boolean }): void;
  /** Adds a handler that sees every request before the files do (an LRS, a launcher). */
  handle(handler: RequestHandler): void;
  /** Paths requested so far. */
  readonly requested: readonly string[];
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Starts a server on a free port of 127.0.0.1. */
export async function startStaticServer(): Promise<StaticServer> {
  const mounts = new Map<string, { files: ReadonlyMap<string, string | Uint8Array>; cacheable: boolean }>();
  const handlers: RequestHandler[] = [];
  const requested: string[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      requested.push(url.pathname + url.search);
      for (const handler of handlers) if (await handler(request, response, body)) return;
      const path = decodeURIComponent(url.pathname);
      for (const [prefix, { files, cacheable }] of mounts) {
        if (!path.startsWith(`/${prefix}/`)) continue;
        const file = files.get(path.slice(prefix.length + 2));
        if (file === undefined) break;
        const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
        response.writeHead(200, { 'content-type': contentTypes[ext] ?? 'application/octet-stream', 'cache-control': cacheable ? 'max-age=3600' : 'no-store' });
        response.end(file);
        return;
      }
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    mount: (prefix, files, options) => mounts.set(prefix, { files, cacheable: options?.cacheable ?? false }),
    handle: (handler) => handlers.push(handler),
    requested,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
