/**
 * The site data, for the pages: read from the file the build (or dev server) wrote, and
 * read again only when that file changes, so a build parses it once and a dev server
 * follows edits. Program contexts are built once per read.
 */
import { readFileSync, statSync } from 'node:fs';
import dataFile from 'virtual:curriculum-site/data-file';
import { messagesFor, type Module, pagePaths, moduleSkeletonFields, pageRecorder, type PageRecorder, siteBuild, type SiteBuild, type SiteData, siteDataVersion } from '../../src/site-api.ts';
import { formatterFor } from './format.ts';
import { basePath, withBase } from './links.ts';
import { programContext, type ProgramContext } from './program.ts';

/** The data as the pages see it, and the program contexts built from it. */
interface View {
  readonly data: SiteData;
  readonly contexts: Map<string, ProgramContext>;
}

interface Loaded {
  readonly stamp: string;
  readonly plain: View;
  /** Under a build's page recorder: the same data with module records that report their reads. */
  readonly tracked?: View;
}

let loaded: Loaded | undefined;
/** The build that last read the file's stamp: until it ends, the stamp is not read again. */
let stampReadIn: SiteBuild | undefined;

/** The view for reading `program`'s modules (every program's when not given); see `recordsEachRead`. */
function load(program?: string): View {
  const recorder = pageRecorder();
  // A build's data stays as it is while the build renders (src/emit/site/page-recorder.ts, `siteBuild`); a dev server's may change at any time.
  const build = siteBuild();
  if (!loaded || !build || stampReadIn !== build) {
    // Each write replaces the file (a new inode); the times alone can repeat within a clock tick.
    const stats = statSync(dataFile, { bigint: true });
    const stamp = `${stats.ino}:${stats.size}:${stats.mtimeNs}`;
    if (loaded?.stamp !== stamp) {
      const data = JSON.parse(readFileSync(dataFile, 'utf8')) as SiteData;
      if (data.version !== siteDataVersion) throw new Error(`Site data ${dataFile} has version ${data.version}; these pages read version ${siteDataVersion}.`);
      loaded = { stamp, plain: { data, contexts: new Map() }, ...(recorder ? { tracked: { data: trackedModules(data, recorder), contexts: new Map() } } : {}) };
    }
    stampReadIn = build;
  }
  // A page that shows every module reads the plain records: it depends on all of them anyway,
  // and a proxy call per field read would make its many passes over them slow.
  return loaded.tracked && recorder?.recordsEachRead(program) ? loaded.tracked : loaded.plain;
}

export function siteData(): SiteData {
  return load().data;
}

/** The site's base path and its catalog-wide strings (the catalog's language). */
export function siteContext() {
  const { catalog } = siteData();
  const messages = messagesFor(catalog.language);
  const base = basePath(catalog.url);
  return {
    catalog,
    base,
    messages,
    t: messages.site,
    fmt: formatterFor(catalog.language, messages.site.hourCycle),
    home: withBase(base, pagePaths.catalog()),
    search: withBase(base, pagePaths.search()),
  };
}

export function programIds(): string[] {
  return siteData().programs.map((p) => p.curriculum.program.id);
}

export function program(id: string): ProgramContext {
  const state = load(id);
  let context = state.contexts.get(id);
  if (!context) {
    const entry = state.data.programs.find((p) => p.curriculum.program.id === id);
    if (!entry) throw new Error(`No program ${id} in the site data`);
    // Built by whichever page asks first and used by all: what it reads is every page's input.
    const build = () => programContext(entry, state.data.catalog.url, basePath(state.data.catalog.url));
    context = pageRecorder()?.forEveryPage(build) ?? build();
    state.contexts.set(id, context);
  }
  return context;
}

export function allPrograms(): ProgramContext[] {
  return programIds().map(program);
}

/**
 * The site data with each module record replaced by one that tells the page cache
 * (src/emit/site/page-cache.ts) whenever a page reads it: its fields, whether it has one,
 * or its list of fields. `id` and `kind` are free: every page's key holds them.
 */
function trackedModules(data: SiteData, recorder: PageRecorder): SiteData {
  const free: ReadonlySet<string | symbol> = new Set(moduleSkeletonFields);
  const tracked = (module: Module, record: string): Module =>
    new Proxy(module, {
      get(target, field, receiver) {
        if (!free.has(field)) recorder.read(record);
        return Reflect.get(target, field, receiver);
      },
      has(target, field) {
        if (!free.has(field)) recorder.read(record);
        return Reflect.has(target, field);
      },
      ownKeys(target) {
        recorder.read(record);
        return Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor(target, field) {
        recorder.read(record);
        return Reflect.getOwnPropertyDescriptor(target, field);
      },
    });
  return {
    ...data,
    programs: data.programs.map((p) => ({
      ...p,
      curriculum: { ...p.curriculum, modules: p.curriculum.modules.map((m) => tracked(m, `${p.curriculum.program.id}/${m.id}`)) },
    })),
  };
}
