/**
 * `curriculum dev`: check on every save and serve the site with live reload.
 *
 * Each save re-reads and re-validates only the files that changed (the per-file cache),
 * then resolves the program again and prints its diagnostics. The site's data file is
 * rewritten; Astro's dev server sees the change and reloads the page. A program whose
 * sources have errors keeps showing its last version that compiled, with the problems
 * listed on every page: a broken file never stops the server.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { dev } from 'astro';
import { FileCache } from '../check.ts';
import { compile, type Compilation } from '../compile.ts';
import { summarize } from '../diagnostics/diagnostic.ts';
import { describeSummary, renderDiagnostics } from '../diagnostics/render.ts';
import { astroInlineConfig, writeSiteInputs } from '../emit/site/index.ts';
import type { DevStatus } from '../emit/site/site-data.ts';
import { readProgramFiles } from '../emit/program-files.ts';
import { programFileOutputs } from '../emit/site/program-files.ts';
import { createWorkFolder, packageRoot } from '../emit/site/work-folder.ts';
import type { OutputFile } from '../emit/types.ts';
import type { Curriculum } from '../model/types.ts';
import { editedPrograms, orderProblems, rest, TERMINAL_LIMIT } from './problems.ts';
import { devPlugin } from './vite-plugin.ts';
import { watchSources } from './watch.ts';

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

/**
 * An editor that saves in place truncates the file and then writes it, and the watcher
 * reports the truncation: a file read in between is empty, and the page flashed a
 * `file_empty` error until the write's own report (seen under load). A changed file that
 * is empty is therefore checked only once it has stayed empty this long, or once it is
 * written; a file that really is empty is still reported, this much later.
 */
const EMPTY_GRACE_MS = 400;

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const input = path.resolve(options.input);
  const cache = new FileCache();
  const work = await createWorkFolder();
  const lastGood = new Map<string, Curriculum>();
  const downloads = new Map<string, OutputFile>();
  const waiters: ((update: DevUpdate) => void)[] = [];
  let plugin: ReturnType<typeof devPlugin> | undefined;
  let generation = 0;

  const recheck = async (edited: readonly string[] = []): Promise<{ result: Compilation; update: DevUpdate; edited: readonly string[] }> => {
    // The light outputs (data, calendars, import notes) are cheap on every save; the LMS packages are left to `build`.
    const result = await compile({ input, cache, outputs: 'light', lastGood, ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}) });
    const checkMs = result.timings.check ?? 0;
    lastGood.clear();
    for (const c of result.programs) lastGood.set(c.program.id, c);
    downloads.clear();
    for (const file of result.outputs?.files ?? []) downloads.set(file.path, file);
    const emitted = new Set(downloads.keys());
    // The images and files that the Markdown links, served where a build copies them.
    for (const file of programFileOutputs(await readProgramFiles(result.programs, result.programDirs, 'skip'))) downloads.set(file.path, file);
    await writeSiteInputs(work, { curricula: result.programs, catalog: result.catalog, emitted, programDirs: result.programDirs }, devStatus(result, edited, ++generation));
    plugin?.reload();
    const summary = summarize(result.diagnostics);
    return { result, update: { errors: summary.errors, warnings: summary.warnings, accepted: summary.accepted, checkMs }, edited };
  };

  const print = (result: Compilation, update: DevUpdate, edited: readonly string[]) => {
    const readText = (file: string) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    };
    const { ordered } = orderProblems(result.diagnostics, edited);
    const rendered = renderDiagnostics(ordered.slice(0, TERMINAL_LIMIT), 'pretty', { readText, color: options.color });
    if (rendered) options.log(rendered.trimEnd());
    const more = rest(ordered, TERMINAL_LIMIT);
    if (more.errors + more.warnings + more.accepted > 0) options.log(`… and ${describeSummary(more)} more, not shown here (\`curriculum check\` lists them all).`);
    options.log(`Checked ${result.programDirs.size} program${result.programDirs.size === 1 ? '' : 's'} in ${update.checkMs.toFixed(0)} ms: ${describeSummary(update)}`);
  };

  const first = await recheck();
  print(first.result, first.update, first.edited);
  if (lastGood.size === 0 && first.result.programDirs.size === 0) {
    await work.remove();
    throw new Error(`No program found in ${options.input}`);
  }

  const inline = await astroInlineConfig({ catalog: first.result.catalog, dataFile: work.dataFile, mdxIndexFile: work.mdxIndexFile, mdx: true, outDir: work.outDir, cacheDir: work.cacheDir });
  plugin = devPlugin(downloads, inline.base ?? '/', () => generation);
  const astro = await dev({
    ...inline,
    logLevel: 'warn',
    server: { port: options.port, host: options.host ?? '127.0.0.1' },
    vite: { ...inline.vite, server: { watch: { ignored: outsideTheSite } }, plugins: [...(inline.vite?.plugins ?? []), plugin.plugin] },
  });
  const base = inline.base ?? '/';
  const url = `http://${astro.address.address}:${astro.address.port}${base}`;
  options.log(`Serving ${url} — edit the sources; the page reloads on every save (Ctrl-C to stop).`);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let programDirs: ReadonlyMap<string, string> = first.result.programDirs;
  const changed = new Map<string, 'file' | 'folder'>();
  /** When each changed file was first found empty, while it stays so (EMPTY_GRACE_MS). */
  const emptySince = new Map<string, number>();
  const schedule = (delayMs = DEBOUNCE_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const wait = emptyFileWait(changed, emptySince, Date.now());
      if (wait > 0) return schedule(wait);
      const paths = [...changed];
      changed.clear();
      running = running.then(async () => {
        for (const [p, kind] of paths) {
          if (kind === 'folder') cache.invalidateFolder(p);
          cache.invalidate(p);
        }
        try {
          const { result, update, edited } = await recheck(editedPrograms(paths.map(([p]) => p), programDirs));
          programDirs = result.programDirs;
          print(result, update, edited);
          for (const wake of waiters.splice(0)) wake(update);
        } catch (error) {
          // An unexpected failure is reported and the server keeps going.
          options.log(`internal error while checking: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    }, delayMs);
  };
  const watcher = await watchSources(input, (changedPath, kind) => {
    changed.set(changedPath, kind);
    schedule();
  });

  return {
    url,
    nextUpdate: () => new Promise((resolve) => waiters.push(resolve)),
    async stop() {
      clearTimeout(timer);
      plugin?.close();
      await watcher.close();
      await running;
      await astro.stop();
      await work.remove();
    },
  };
}

/**
 * How long to wait before checking `changed` for the files among them that are empty and
 * have not yet been empty for EMPTY_GRACE_MS (0: check now). Keeps `emptySince` up to date.
 */
function emptyFileWait(changed: ReadonlyMap<string, 'file' | 'folder'>, emptySince: Map<string, number>, now: number): number {
  let wait = 0;
  for (const [file, kind] of changed) {
    if (kind !== 'file' || sizeOf(file) !== 0) {
      emptySince.delete(file);
      continue;
    }
    const since = emptySince.get(file) ?? now;
    emptySince.set(file, since);
    wait = Math.max(wait, since + EMPTY_GRACE_MS - now);
  }
  // Once checked, a file that is still empty starts a new wait only after its next change.
  if (wait === 0) for (const file of changed.keys()) emptySince.delete(file);
  return wait;
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

/**
 * What Vite's own watcher may skip. Its root is this package (where `site/` is), and it
 * watches the whole root: in a checkout that holds `dist/`, the benchmark's generated
 * programs or a large `curriculum/`, its initial scan of every file delayed the first page
 * by about 30 s (measured: `lstat` and `stat` were most of the profile). The sources are
 * watched by `watchSources`; Vite needs only the site's own code, which imports `src/`.
 */
const siteCode = new Set(['site', 'src', 'schemas', 'astro.config.mjs', 'package.json', 'tsconfig.json']);
function outsideTheSite(file: string): boolean {
  const relative = path.relative(packageRoot, path.resolve(file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return !siteCode.has(relative.split(path.sep)[0]!);
}

function devStatus(result: Compilation, edited: readonly string[], generation: number): DevStatus {
  const summary = summarize(result.diagnostics);
  return {
    generation,
    errors: summary.errors,
    warnings: summary.warnings,
    stale: result.stale,
    problems: orderProblems(result.diagnostics, edited).ordered.map((d) => ({
      severity: d.severity,
      ...(d.accepted ? { accepted: true as const } : {}),
      where: d.file ? (d.range ? `${d.file}:${d.range.start.line}:${d.range.start.column}` : d.file) : '',
      message: d.message,
      ...(d.hint ? { hint: d.hint } : {}),
    })),
  };
}
