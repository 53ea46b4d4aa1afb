/**
 * For the site tests: build the bundled programs with the real pipeline (compile(), its
 * outputs written into a temporary folder, then the site stage), serve the result over
 * HTTP, and list what a link may point at.
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite, type BuildSiteResult } from '../../src/emit/site/index.ts';
import { writeFiles } from '../../src/emit/write-output.ts';
import { compile, emitOutputs, type Compilation } from '../../src/index.ts';

export interface BuiltSite {
  readonly outDir: string;
  readonly result: Compilation;
  /** What the other emitters wrote before the site stage ran. */
  readonly emitted: ReadonlySet<string>;
  readonly pages: number;
  /** Milliseconds spent in buildSite (Astro, Pagefind, copying). */
  readonly siteMs: number;
  /** What buildSite returned. */
  readonly site: BuildSiteResult;
  remove(): Promise<void>;
}

export interface BuildOptions {
  readonly siteUrl?: string;
  /** Changes the checked programs before the site is built (hostile text, other languages). */
  readonly alter?: (result: Compilation) => Compilation;
  /** Files to place in the staging folder first, as another emitter would. */
  readonly preexisting?: Readonly<Record<string, string>>;
  /** Source folders of programs, where they differ from curriculum/<id>. */
  readonly programDirs?: Readonly<Record<string, string>>;
  /** What to compile: a folder of programs or one program's folder; `curriculum` when absent. */
  readonly input?: string;
}

export async function buildTestSite(options: BuildOptions = {}): Promise<BuiltSite> {
  const compiled = await compile({ input: options.input ?? 'curriculum', ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}) });
  const result = options.alter ? options.alter(compiled) : compiled;
  // Changed models are emitted again, as compile() would have emitted them.
  const outputs = options.alter ? emitOutputs({ catalog: result.catalog, curricula: result.programs }) : compiled.outputs!;
  const outDir = await mkdtemp(path.join(tmpdir(), 'curriculum-site-test-'));
  const emitted = new Set<string>([
    ...(await writeFiles(outDir, outputs.files)),
    ...(await writeFiles(outDir, outputs.deferred.files())),
  ]);
  const write = async (file: string, contents: string | Uint8Array) => {
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await writeFile(path.join(outDir, file), contents);
    emitted.add(file);
  };
  for (const [file, contents] of Object.entries(options.preexisting ?? {})) await write(file, contents);

  const start = performance.now();
  const site = await buildSite({
    curricula: result.programs,
    catalog: result.catalog,
    outDir,
    emitted,
    programDirs: new Map(result.programs.map((c) => [c.program.id, options.programDirs?.[c.program.id] ?? path.resolve('curriculum', c.program.id)])),
  });
  return { outDir, result, emitted, pages: site.pages, site, siteMs: performance.now() - start, remove: () => rm(outDir, { recursive: true, force: true }) };
}

/** Every file under `dir`, `/`-separated and sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The URL path of each HTML page (`caring-cities/index.html` → `/caring-cities/`). */
export function pageUrlPath(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.zip': 'application/zip',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1 like a static host: `/x/` → `/x/index.html`, unknown paths
 * → 404 with 404.html. `prefix` serves the folder under a path (a site published at /courses/).
 */
export async function serveFolder(dir: string, prefix = '/'): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(prefix)) return notFound(response, root);
    pathname = `/${pathname.slice(prefix.length)}`;
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) return notFound(response, root);
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    try {
      if (!(await stat(file)).isFile()) return notFound(response, root);
    } catch {
      return notFound(response, root);
    }
    response.writeHead(200, { 'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function notFound(response: import('node:http').ServerResponse, root: string): void {
  response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  createReadStream(path.join(root, '404.html')).on('error', () => response.end()).pipe(response);
}
