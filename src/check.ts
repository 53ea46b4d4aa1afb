import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { applyAcceptances, type AcceptanceEntry } from './diagnostics/accept.ts';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { sortDiagnostics } from './diagnostics/diagnostic.ts';
import type { SourceRange } from './diagnostics/diagnostic.ts';
import { Reporter, type Location } from './diagnostics/reporter.ts';
import { discover, displayPath, type ProgramFolder, type SourceEntry } from './load/discover.ts';
import { checkExternalLinks, isWebAddress, type ExternalCheckOptions, type ExternalLink, type ExternalProblem } from './load/external-links.ts';
import { activeContent, checkLinks, type LinkToCheck } from './load/links.ts';
import { locateNode } from './load/locate.ts';
import { SourceFile } from './load/source-file.ts';
import { idFromFileName } from './load/document-kinds.ts';
import { readReferencedFiles, type FileReference, type ReferencedFile } from './load/referenced-files.ts';
import { isRelativePath, markdownLinks } from './markdown/links.ts';
import { calendarLockFileName, type CalendarLock } from './model/calendar-lock.ts';
import type { ResolvedCatalog } from './model/catalog.ts';
import type { Curriculum, LinkTarget, Module } from './model/types.ts';
import { checkCalendarLock } from './resolve/calendar-lock.ts';
import { resolveCatalog } from './resolve/catalog.ts';
import type { ProgramSources } from './resolve/context.ts';
import { resolveProgram } from './resolve/index.ts';
import { checkSharedNamespaces, namespaceClaim, type NamespaceClaim } from './resolve/namespaces.ts';
import { mapLimit } from './util/concurrency.ts';
import type { CatalogDocument, ValidatedDocument } from './validate/documents.ts';
import { checkFile, checkFileSync, fileByKind, type CheckedFile, type DocumentsByKind } from './validate/index.ts';
import { checkFilesMemoized } from './validate/memoized.ts';
import { checkFilesInParallel, PARALLEL_THRESHOLD } from './validate/parallel.ts';
import { memoFor } from './util/memo.ts';

const run = promisify(execFile);

/** Files read at once: enough to keep the disk busy, far below the file-handle limit. */
const FILE_CONCURRENCY = 64;

export interface CheckOptions {
  /** Keeps per-file results between runs (the watcher invalidates changed files). */
  readonly cache?: FileCache;
  /** The site's public URL; overrides `catalog.yaml`. */
  readonly siteUrl?: string;
  /**
   * Fetch the web addresses of the Markdown links and images and warn about broken ones
   * (`--check-external`). Off by default: without it no request is ever made.
   */
  readonly checkExternal?: boolean | ExternalCheckOptions;
}

/** What the programs of one check share for `--check-external`: the settings, and each address's answer. */
interface ExternalCheck {
  readonly options: ExternalCheckOptions;
  readonly results: Map<string, Promise<ExternalProblem | undefined>>;
}

export interface CheckResult {
  /** Every problem found, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The resolved programs (only those without errors). */
  readonly curricula: readonly Curriculum[];
  readonly catalog: ResolvedCatalog;
  /** Program id (its folder name) → the absolute path of its source folder, for files the outputs copy. */
  readonly programDirs: ReadonlyMap<string, string>;
  /** Program id (its folder name) → its calendar lock, for the programs that have a valid one. */
  readonly calendarLocks: ReadonlyMap<string, CalendarLock>;
}

/**
 * What a watcher keeps between runs: each source file's check result, the contents of
 * referenced files, and each program's source date. The watcher invalidates the files
 * that change; everything else is reused.
 */
export class FileCache {
  readonly #results = new Map<string, Promise<CheckedFile>>();
  /** Referenced (content, logo) files by real path. */
  readonly referencedFiles = new Map<string, Uint8Array>();
  /** The source date of each program folder; it only changes with a commit. */
  readonly sourceDates = new Map<string, Promise<string>>();

  get(entry: SourceEntry): Promise<CheckedFile> {
    let result = this.#results.get(entry.absolutePath);
    if (!result) {
      result = checkFile(entry);
      this.#results.set(entry.absolutePath, result);
    }
    return result;
  }

  invalidate(absolutePath: string): void {
    this.#results.delete(absolutePath);
    this.referencedFiles.delete(absolutePath);
  }

  /** Forgets every file under a folder that was created, removed or renamed. */
  invalidateFolder(absoluteFolder: string): void {
    const prefix = absoluteFolder.endsWith(path.sep) ? absoluteFolder : absoluteFolder + path.sep;
    for (const key of [...this.#results.keys()]) if (key.startsWith(prefix)) this.#results.delete(key);
    for (const key of [...this.referencedFiles.keys()]) if (key.startsWith(prefix)) this.referencedFiles.delete(key);
  }

  clear(): void {
    this.#results.clear();
    this.referencedFiles.clear();
    this.sourceDates.clear();
  }
}

/**
 * The front half of the compiler: load, validate and resolve every program under
 * `input`. Nothing is written.
 */
export async function check(input: string, options: CheckOptions = {}): Promise<CheckResult> {
  const reporter = new Reporter();
  const discovery = await discover(input, reporter);
  const checkOne = (entry: SourceEntry) => (options.cache ? options.cache.get(entry) : checkFile(entry));

  let catalogDoc: CatalogDocument | undefined;
  if (discovery.catalog) {
    const checked = await checkOne(discovery.catalog);
    reporter.diagnostics.push(...checked.diagnostics);
    if (checked.usable && checked.document.kind === 'catalog') catalogDoc = checked.document.data;
  }
  const catalog = resolveCatalog(catalogDoc, options.siteUrl);
  const external: ExternalCheck | undefined = options.checkExternal
    ? { options: options.checkExternal === true ? {} : options.checkExternal, results: new Map() }
    : undefined;

  // Each program reports into its own reporter: programs are checked concurrently, and a
  // program's model is kept only when none of its own files or meanings had an error.
  const results = await Promise.all(
    discovery.programs.map(async (folder) => {
      const own = new Reporter();
      const { curriculum, namespace } = await checkProgram(folder, checkOne, own, catalog.namespace, options.cache, external);
      // After the program's own checks, which end by matching its accepted warnings against what they reported.
      const lock = await readCalendarLock(folder, own);
      reporter.diagnostics.push(...own.diagnostics);
      return { kept: own.errorCount === 0 ? { curriculum, lock, folder } : undefined, namespace };
    }),
  );
  // Across programs: those that would share identifiers are withheld, each of them.
  const sharing = checkSharedNamespaces(
    results.flatMap((r) => (r.namespace ? [r.namespace] : [])),
    reporter,
  );
  const kept = results.flatMap((r) => (r.kept && !(r.namespace && sharing.has(r.namespace.program)) ? [r.kept] : []));
  const curricula = kept.flatMap((r) => (r.curriculum ? [r.curriculum] : []));
  const calendarLocks = new Map(kept.flatMap((r) => (r.lock ? [[r.folder.name, r.lock] as const] : [])));
  const programDirs = new Map(discovery.programs.map((folder) => [folder.name, folder.absolutePath]));
  return { diagnostics: sortDiagnostics(reporter.diagnostics), curricula, catalog, programDirs, calendarLocks };
}

/**
 * The program's calendar lock, when it has one (emit/ics/revisions.ts): read fresh on
 * every run, since `build` rewrites it and a watcher does not follow it.
 */
async function readCalendarLock(folder: ProgramFolder, reporter: Reporter): Promise<CalendarLock | undefined> {
  const absolute = path.join(folder.absolutePath, calendarLockFileName);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    reporter.report('file_unreadable', { kind: 'file', reason: (error as Error).message }, { file: displayPath(absolute) });
    return undefined;
  }
  return checkCalendarLock(new SourceFile(displayPath(absolute), absolute, text), reporter);
}

async function checkProgram(
  folder: ProgramFolder,
  checkOne: (entry: SourceEntry) => Promise<CheckedFile>,
  reporter: Reporter,
  catalogNamespace: string | undefined,
  cache: FileCache | undefined,
  external?: ExternalCheck,
): Promise<{ curriculum: Curriculum | undefined; namespace: NamespaceClaim | undefined }> {
  // `build` keeps a memo of each file's check between runs (validate/memoized.ts); `dev` keeps its own cache.
  const memo = cache ? undefined : memoFor<Uint8Array>('check');
  // Without a cache the files are read with blocking calls, in workers for a large program:
  // an asynchronous read costs more than parsing a small file (load/read-source.ts).
  const checked = memo
    ? await checkFilesMemoized(folder.entries, memo)
    : cache
      ? await mapLimit(folder.entries, FILE_CONCURRENCY, checkOne)
      : folder.entries.length >= PARALLEL_THRESHOLD
        ? await checkFilesInParallel(folder.entries)
        : folder.entries.map(checkFileSync);
  const documents: DocumentsByKind = {};
  const modules: ValidatedDocument<'module'>[] = [];
  const assessments: ValidatedDocument<'assessment'>[] = [];
  const withheld: { kind: SourceEntry['kind']; id?: string }[] = [];
  const pruned: SourceEntry['kind'][] = [];
  const dropped: NonNullable<ProgramSources['dropped']>[number][] = [];
  for (const result of checked) {
    reporter.diagnostics.push(...result.diagnostics);
    const { kind } = result.entry;
    if (!result.usable || !result.document) {
      const id = (result.document?.data as { id?: unknown } | undefined)?.id;
      withheld.push({ kind, id: typeof id === 'string' ? id : idFromFileName(result.entry.relativePath) });
      continue;
    }
    const { document } = result;
    // Some of its values were left out for their errors: what depends on them is not checked.
    if (result.pruned) pruned.push(kind);
    for (const item of result.dropped ?? []) dropped.push({ kind, ...item });
    if (document.kind === 'module') modules.push(document);
    else if (document.kind === 'assessment') assessments.push(document);
    else fileByKind(documents, document);
  }

  const references: FileReference[] = [];
  for (const m of modules) {
    const content = m.data.content;
    if (content && typeof content === 'object') references.push({ written: content.file, at: m.at(['content', 'file']), purpose: 'content' });
  }
  const programDoc = documents.program;
  const logo = programDoc?.data.site?.logo;
  if (programDoc && logo) references.push({ written: logo, at: programDoc.at(['site', 'logo']), purpose: 'asset' });
  const files = await readReferencedFiles(folder.absolutePath, references, reporter, cache?.referencedFiles);
  if (programDoc && logo) checkLogo(logo, programDoc.at(['site', 'logo']), files, reporter);
  const { links, linkedFiles, webAddresses } = await checkModuleLinks(folder, modules, files, reporter, external !== undefined);
  if (external) await checkExternalLinks(webAddresses, reporter, external.options, external.results);

  const sources: ProgramSources = {
    folder,
    ...(documents.program ? { program: documents.program } : {}),
    ...(documents.competences ? { competences: documents.competences } : {}),
    ...(documents.assignments ? { assignments: documents.assignments } : {}),
    ...(documents.schedule ? { schedule: documents.schedule } : {}),
    ...(documents.policy ? { policy: documents.policy } : {}),
    modules,
    assessments,
    withheld,
    pruned,
    ...(dropped.length ? { dropped } : {}),
    files,
    links,
    linkedFiles,
  };
  const start = programDoc?.data.dates?.start;
  let sourceDate = cache?.sourceDates.get(folder.absolutePath);
  if (!sourceDate) {
    sourceDate = sourceDateOf(folder.absolutePath, start);
    cache?.sourceDates.set(folder.absolutePath, sourceDate);
  }
  const curriculum = resolveProgram(sources, reporter, { sourceDate: await sourceDate, ...(catalogNamespace !== undefined ? { catalogNamespace } : {}) });
  const accepted = documents['accepted-warnings'];
  if (accepted) acceptWarnings(folder, accepted, checked, reporter);
  return { curriculum, namespace: programDoc ? namespaceClaim(programDoc, catalogNamespace) : undefined };
}

/**
 * The logo is shown on every page of the site and published as it is, like an image in a
 * module's Markdown: an SVG logo with a script is refused the same way, located at its
 * path in program.yaml, and left out of the model.
 */
function checkLogo(written: string, at: Location, files: Map<string, ReferencedFile>, reporter: Reporter): void {
  const file = files.get(written);
  if (!file || !/\.svg$/i.test(file.relativePath)) return;
  const active = activeContent(new TextDecoder().decode(file.bytes));
  if (!active) return;
  reporter.report('svg_active_content', { kind: 'image', written, found: active.found, line: active.line }, at);
  files.delete(written);
}

/**
 * Checks the relative links and images in each module's description and content file.
 * A destination is relative to the file the Markdown is written in (the module's YAML
 * file, or its content file), as in any Markdown editor's preview.
 */
async function checkModuleLinks(
  folder: ProgramFolder,
  modules: readonly ValidatedDocument<'module'>[],
  files: ReadonlyMap<string, ReferencedFile>,
  reporter: Reporter,
  withWebAddresses = false,
): Promise<{ links: Map<string, NonNullable<Module['links']>>; linkedFiles: string[]; webAddresses: ExternalLink[] }> {
  const links: (LinkToCheck & { module: string; place: 'description' | 'content' })[] = [];
  const webAddresses: ExternalLink[] = [];
  const wanted = (url: string) => isRelativePath(url) || (withWebAddresses && isWebAddress(url));
  // A link to a module's YAML file or to its content file leads to that module's page.
  const moduleOfFile = new Map<string, string>();
  const programRelative = (absolute: string) => path.relative(folder.absolutePath, absolute).split(path.sep).join('/');
  for (const m of modules) {
    moduleOfFile.set(programRelative(m.file.absolutePath), m.data.id);
    const content = m.data.content;
    const file = content && typeof content === 'object' ? files.get(content.file) : undefined;
    if (file) moduleOfFile.set(file.relativePath, m.data.id);
  }
  for (const m of modules) {
    const fromYaml = path.dirname(m.file.absolutePath);
    const inYaml = (key: 'description' | 'content', text: string) => {
      const found = markdownLinks(text).filter((l) => wanted(l.url));
      if (found.length === 0) return;
      // Each destination is looked for in the YAML value's source text, in order: a block
      // scalar's indentation and a quoted string's escapes shift it from the Markdown's
      // offsets. Found only when a diagnostic asks, for all of the value's links at once.
      let ranges: SourceRange[] | undefined;
      const locate = (): SourceRange[] => {
        if (ranges) return ranges;
        const [start, end] = locateNode(m.yaml, [key]);
        let from = start;
        ranges = found.map((l) => {
          const index = m.file.text.indexOf(l.url, from);
          if (index < 0 || index >= end) return m.file.range(start, start);
          from = index + l.url.length;
          return m.file.range(index, from);
        });
        return ranges;
      };
      found.forEach((l, i) => {
        const at: Location = {
          file: m.file.path,
          get range() {
            return locate()[i];
          },
        };
        if (isRelativePath(l.url)) links.push({ kind: l.kind, url: l.url, fromFolder: fromYaml, at, module: m.data.id, place: key });
        else webAddresses.push({ kind: l.kind, url: l.url, at });
      });
    };
    if (typeof m.data.description === 'string') inYaml('description', m.data.description);
    const content = m.data.content;
    if (typeof content === 'string') inYaml('content', content);
    else if (content && typeof content === 'object') {
      const file = files.get(content.file);
      if (!file?.text) continue;
      const absolute = path.join(folder.absolutePath, ...file.relativePath.split('/'));
      const source = new SourceFile(displayPath(absolute), absolute, file.text);
      for (const l of markdownLinks(file.text, /\.mdx$/i.test(file.relativePath) ? 'mdx' : 'markdown')) {
        if (!wanted(l.url)) continue;
        const at = { file: source.path, range: source.range(l.start, l.end) };
        if (isRelativePath(l.url)) links.push({ kind: l.kind, url: l.url, fromFolder: path.dirname(absolute), at, module: m.data.id, place: 'content' });
        else webAddresses.push({ kind: l.kind, url: l.url, at });
      }
    }
  }
  const byModule = new Map<string, { description?: Record<string, LinkTarget>; content?: Record<string, LinkTarget> }>();
  const linkedFiles = new Set<string>();
  if (links.length === 0) return { links: new Map(), linkedFiles: [], webAddresses };
  for (const checked of await checkLinks(folder.absolutePath, links, reporter)) {
    const { module, place } = checked.link as (typeof links)[number];
    const toModule = checked.kind === 'link' ? moduleOfFile.get(checked.target) : undefined;
    const entry = byModule.get(module) ?? {};
    (entry[place] ??= {})[checked.url] = toModule ? { module: toModule } : { file: checked.target };
    byModule.set(module, entry);
    if (!toModule) linkedFiles.add(checked.target);
  }
  return { links: byModule, linkedFiles: [...linkedFiles].sort(), webAddresses };
}

/**
 * Marks the warnings the program accepts in `accepted-warnings.yaml`, and reports the
 * acceptances that match nothing. Those are reported only when the program has no error:
 * the checks that depend on a broken value are skipped, so their warnings may be missing
 * for that reason alone.
 */
function acceptWarnings(folder: ProgramFolder, document: ValidatedDocument<'accepted-warnings'>, checked: readonly CheckedFile[], reporter: Reporter): void {
  const texts = new Map<string, string>();
  for (const result of checked) if (result.document) texts.set(result.document.file.path, result.document.file.text);
  const entries: AcceptanceEntry[] = document.data.accepted.map((a, i) => ({
    code: a.code,
    file: displayPath(path.join(folder.absolutePath, ...a.file.split('/'))),
    ...(a.value === undefined ? {} : { value: String(a.value) }),
    reason: a.reason,
    at: document.at(['accepted', i, 'code']),
  }));
  const { diagnostics, unmatched } = applyAcceptances(reporter.diagnostics, entries, (file) => texts.get(file));
  reporter.diagnostics.splice(0, reporter.diagnostics.length, ...diagnostics);
  if (reporter.errorCount > 0) return;
  for (const entry of unmatched) {
    const i = entries.indexOf(entry);
    const written = document.data.accepted[i]!;
    const at = document.at(['accepted', i, entry.value === undefined ? 'code' : 'value']);
    reporter.report('accepted_warning_unmatched', { code: entry.code, file: written.file, ...(entry.value === undefined ? {} : { value: entry.value }) }, at);
  }
}

/**
 * The timestamp that stands for "when these sources were written": SOURCE_DATE_EPOCH
 * (the reproducible-builds convention), else the time of the last commit touching the
 * program folder, else the program's start date. Not the clock, so that the same
 * sources always give the same outputs; but never later than the build, which would
 * stamp calendars and packages with a time still to come (a program that starts next
 * year and is not committed yet, a commit from a clock set ahead): such a stamp becomes
 * the start of the build's day, the same for every build that day.
 */
async function sourceDateOf(folder: string, startDate: string | undefined, now = Date.now()): Promise<string> {
  return notAfter(await statedSourceDate(folder, startDate), now);
}

export function notAfter(stamp: string, now: number): string {
  if (Date.parse(stamp) <= now) return stamp;
  return `${new Date(now).toISOString().slice(0, 10)}T00:00:00Z`;
}

async function statedSourceDate(folder: string, startDate: string | undefined): Promise<string> {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  try {
    const { stdout } = await run('git', ['log', '-1', '--format=%ct', '--', '.'], { cwd: folder, timeout: 5000 });
    const seconds = stdout.trim();
    if (/^\d+$/.test(seconds)) return new Date(Number(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  } catch {
    // Not a git checkout, or git is not installed: fall through.
  }
  return `${/^\d{4}-\d{2}-\d{2}$/.test(startDate ?? '') ? startDate : '2000-01-01'}T00:00:00Z`;
}
