/**
 * `curriculum dev`: check on every save and serve the site with live reload.
 *
 * Each save re-reads and re-validates only the files that changed (the per-file cache),
 * then resolves the program again and prints its diagnostics. The site's data file is
 * rewritten; Astro's dev server sees the change and reloads the page. A program whose
 * sources have errors keeps showing its last version that compiled, with the problems
 * listed on every page: a broken file never stops the server.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dev } from 'astro';
import { FileCache } from '../check.ts';
import { compile, type Compilation } from '../compile.ts';
import { summarize } from '../diagnostics/diagnostic.ts';
import { describeSummary, renderDiagnostics } from '../diagnostics/render.ts';
import { astroInlineConfig, writeSiteInputs } from '../emit/site/index.ts';
import type { DevStatus } from '../emit/site/site-data.ts';
import { createWorkFolder } from '../emit/site/work-folder.ts';
import type { OutputFile } from '../emit/types.ts';
import type { Curriculum } from '../model/types.ts';
import { devPlugin } from './vite-plugin.ts';

export interface DevServerOptions {
  readonly input: string;
  readonly port: number;
  readonly host?: string;
  readonly color: boolean;
  readonly siteUrl?: string;
  readonly log: (line: string) => void;
}

export interface DevServer {
  /** The address of the site's catalog page. */
  readonly url: string;
  /** Resolves after the next re-check has been written out (for tests). */
  nextUpdate(): Promise<DevUpdate>;
  stop(): Promise<void>;
}

export interface DevUpdate {
  readonly errors: number;
  readonly warnings: number;
  readonly accepted: number;
  readonly checkMs: number;
}

/** Saves come in bursts (an editor writes a temporary file, then renames it). */
const DEBOUNCE_MS = 30;

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const input = path.resolve(options.input);
  const cache = new FileCache();
  const work = await createWorkFolder();
  const lastGood = new Map<string, Curriculum>();
  const downloads = new Map<string, OutputFile>();
  const waiters: ((update: DevUpdate) => void)[] = [];
  let plugin: ReturnType<typeof devPlugin> | undefined;

  const recheck = async (): Promise<{ result: Compilation; update: DevUpdate }> => {
    // The light outputs (data, calendars, import notes) are cheap on every save; the LMS packages are left to `build`.
    const result = await compile({ input, cache, outputs: 'light', lastGood, ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}) });
    const checkMs = result.timings.check ?? 0;
    lastGood.clear();
    for (const c of result.programs) lastGood.set(c.program.id, c);
    downloads.clear();
    for (const file of result.outputs?.files ?? []) downloads.set(file.path, file);
    const emitted = new Set(downloads.keys());
    await writeSiteInputs(work, { curricula: result.programs, catalog: result.catalog, emitted, programDirs: result.programDirs }, devStatus(result));
    plugin?.reload();
    const summary = summarize(result.diagnostics);
    return { result, update: { errors: summary.errors, warnings: summary.warnings, accepted: summary.accepted, checkMs } };
  };

  const print = (result: Compilation, update: DevUpdate) => {
    const readText = (file: string) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    };
    const rendered = renderDiagnostics(result.diagnostics, 'pretty', { readText, color: options.color });
    if (rendered) options.log(rendered.trimEnd());
    options.log(`Checked ${result.programDirs.size} program${result.programDirs.size === 1 ? '' : 's'} in ${update.checkMs.toFixed(0)} ms: ${describeSummary(update)}`);
  };

  const first = await recheck();
  print(first.result, first.update);
  if (lastGood.size === 0 && first.result.programDirs.size === 0) {
    await work.remove();
    throw new Error(`No program found in ${options.input}`);
  }

  const inline = await astroInlineConfig({ catalog: first.result.catalog, dataFile: work.dataFile, mdxIndexFile: work.mdxIndexFile, outDir: work.outDir, cacheDir: work.cacheDir });
  plugin = devPlugin(downloads, new URL(first.result.catalog.url).pathname);
  const astro = await dev({
    ...inline,
    logLevel: 'warn',
    server: { port: options.port, host: options.host ?? '127.0.0.1' },
    vite: { ...inline.vite, plugins: [...(inline.vite?.plugins ?? []), plugin.plugin] },
  });
  const base = new URL(first.result.catalog.url).pathname;
  const url = `http://${astro.address.address}:${astro.address.port}${base}`;
  options.log(`Serving ${url} — edit the sources; the page reloads on every save (Ctrl-C to stop).`);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const changed = new Set<string>();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed];
      changed.clear();
      running = running.then(async () => {
        for (const p of paths) cache.invalidate(p);
        try {
          const { result, update } = await recheck();
          print(result, update);
          for (const wake of waiters.splice(0)) wake(update);
        } catch (error) {
          // An unexpected failure is reported and the server keeps going.
          options.log(`internal error while checking: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    }, DEBOUNCE_MS);
  };
  const watcher: FSWatcher = watch(input, { recursive: true }, (_event, filename) => {
    if (!filename || !/\.(ya?ml|mdx?|svg|png|jpe?g)$/i.test(filename)) return;
    changed.add(path.join(input, filename.toString()));
    schedule();
  });

  return {
    url,
    nextUpdate: () => new Promise((resolve) => waiters.push(resolve)),
    async stop() {
      clearTimeout(timer);
      watcher.close();
      await running;
      await astro.stop();
      await work.remove();
    },
  };
}

function devStatus(result: Compilation): DevStatus {
  const summary = summarize(result.diagnostics);
  return {
    errors: summary.errors,
    warnings: summary.warnings,
    stale: result.stale,
    problems: result.diagnostics.map((d) => ({
      severity: d.severity,
      where: d.file ? (d.range ? `${d.file}:${d.range.start.line}:${d.range.start.column}` : d.file) : '',
      message: d.message,
      ...(d.hint ? { hint: d.hint } : {}),
    })),
  };
}
