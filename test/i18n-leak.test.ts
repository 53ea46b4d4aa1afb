/**
 * No English in a build in another language. For each language with a dictionary besides
 * English (and the pseudo-locale `en-XA`), copies of both real bundled programs are built
 * with `language:` rewritten, and every text a learner or an administrator reads is taken
 * from the outputs: the site's HTML (text, labels, the templates its scripts fill in), the
 * calendars, the LMS packages' pages and runtime texts, the import notes and the badges.
 *
 * From each text the program's own words (every string of the resolved model) are removed,
 * and the words Intl itself writes for the language (month and day names, zone names, list
 * words). What remains must come from the dictionary: in `en-XA` it is accented, so any
 * plain ASCII word left is a string written in code; in a real language no English
 * dictionary phrase and no common English word may remain.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import ICAL from 'ical.js';
import { parse, ELEMENT_NODE, TEXT_NODE, type Node } from 'ultrahtml';
import { afterAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en/index.ts';
import { messagesFor, supportedLanguages } from '../src/i18n/index.ts';
import type { Curriculum } from '../src/model/types.ts';
import { browserAvailable, launchBrowser, requireBrowserInCi } from './support/browser.ts';
import { buildTestSite, filesUnder, serveFolder, type BuiltSite } from './support/site-build.ts';

const programs = ['crisis-scro', 'caring-cities'] as const;

/** Copies of the bundled programs (and the catalog) with their language rewritten. */
async function sourcesIn(language: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `curriculum-i18n-${language}-`));
  for (const id of programs) {
    await cp(path.resolve('curriculum', id), path.join(dir, id), { recursive: true });
    const file = path.join(dir, id, 'program.yaml');
    const yaml = await readFile(file, 'utf8');
    expect(yaml).toMatch(/^language: en$/m);
    await writeFile(file, yaml.replace(/^language: en$/m, `language: ${language}`));
  }
  const catalog = await readFile(path.resolve('curriculum/catalog.yaml'), 'utf8');
  expect(catalog).toMatch(/^language: en$/m);
  await writeFile(path.join(dir, 'catalog.yaml'), catalog.replace(/^language: en$/m, `language: ${language}`));
  return dir;
}

/** Quotes, dashes and spaces as text nodes and sources may differ in them. */
const normalize = (s: string): string =>
  s
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** Every string of the resolved model: the program's own words, in whatever language it is written. */
function modelStrings(curricula: readonly Curriculum[], extra: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      // Lower-case single tokens are identifiers and enum values (`core`, `webinar`): shown raw, they
      // are exactly the leak to catch, so they do not count as the program's words.
      if (/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(v)) return;
      // Markdown's block quotes are text without their "> " marks.
      for (const s of new Set([normalize(v), normalize(v.replace(/^[ \t]*>[ \t]?/gm, ''))])) if (/[A-Za-z]/.test(s)) out.add(s);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(curricula);
  walk(extra);
  return [...out];
}

/** The words Intl writes for `language`: they come from the locale data, not from our code. */
function intlWords(language: string, zones: readonly string[], regions: readonly string[]): Set<string> {
  const samples: string[] = [];
  for (let day = 1; day <= 7; day++) samples.push(new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, day))));
  for (let month = 0; month < 12; month++) {
    const d = new Date(Date.UTC(2023, month, 1 + ((month * 3) % 7), 9));
    for (const style of ['full', 'long', 'medium'] as const) samples.push(new Intl.DateTimeFormat(language, { dateStyle: style, timeStyle: 'short', timeZone: 'UTC' }).format(d));
    for (const month of ['long', 'short'] as const) samples.push(new Intl.DateTimeFormat(language, { month, year: 'numeric', day: 'numeric', weekday: 'long', timeZone: 'UTC' }).format(d));
    samples.push(new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(d));
    for (const zone of zones)
      for (const timeZoneName of ['long', 'short', 'longGeneric', 'shortGeneric', 'longOffset', 'shortOffset'] as const)
        samples.push(new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName }).format(d));
  }
  for (const type of ['conjunction', 'disjunction', 'unit'] as const) samples.push(new Intl.ListFormat(language, { type }).format(['1', '2', '3']));
  const names = new Intl.DisplayNames([language], { type: 'language' });
  samples.push(names.of(language) ?? '', names.of(language.split('-')[0]!) ?? '');
  const regionNames = new Intl.DisplayNames([language], { type: 'region' });
  for (const region of regions) samples.push(regionNames.of(region) ?? '');
  samples.push(new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(0));
  return new Set(samples.flatMap((s) => s.match(/[A-Za-z]+/g) ?? []));
}

const namedEntities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (namedEntities[name] ?? whole),
  );

/** Texts of an HTML document: text nodes (not scripts or styles), the attributes people read, templates in data attributes. */
function htmlTexts(html: string): string[] {
  const texts: string[] = [];
  const readable = new Set(['title', 'alt', 'aria-label', 'placeholder', 'aria-description']);
  const fromJson = (value: unknown) => {
    if (typeof value === 'string') {
      // Questions and feedback travel as HTML.
      if (/<[a-z][^>]*>/i.test(value)) texts.push(...htmlTexts(value));
      else if (/\s/.test(value.trim())) texts.push(value);
    } else if (Array.isArray(value)) value.forEach(fromJson);
    else if (value && typeof value === 'object') Object.values(value).forEach(fromJson);
  };
  const visit = (node: Node) => {
    if (node.type === TEXT_NODE) texts.push(node.value);
    if (node.type !== ELEMENT_NODE && node.type !== 0) return;
    if (node.type === ELEMENT_NODE) {
      const attrs = node.attributes as Record<string, string>;
      for (const [name, value] of Object.entries(attrs)) {
        if (readable.has(name)) texts.push(value);
        // Pagefind's `key:value`: the key is a name for the index, the value is shown.
        else if (name === 'data-pagefind-meta') texts.push(value.replace(/^[\w-]+:/, ''));
        else if (name === 'content' && /^(description|og:title|og:description|twitter:)/.test(attrs.name ?? attrs.property ?? '')) texts.push(value);
        else if (name.startsWith('data-') && /[A-Za-z]/.test(value)) {
          if (/^[[{]/.test(value.trim())) {
            try {
              fromJson(JSON.parse(value));
            } catch {
              texts.push(value);
            }
          } else if (/\s/.test(value.trim())) texts.push(value);
        }
      }
      if (node.name === 'style') return;
      if (node.name === 'script') {
        // Scripts' data (the SCO runtime's texts travel as JSON); code is checked by reading it.
        if (attrs.type === 'application/json') {
          const text = node.children.map((c: Node) => c.value ?? '').join('');
          try {
            fromJson(JSON.parse(text));
          } catch {
            /* not JSON data: nothing a learner reads */
          }
        }
        return;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(parse(html));
  return texts.map(decodeEntities);
}

/** SUMMARY, DESCRIPTION, LOCATION, CATEGORIES and calendar names of a calendar, one line each. */
function icsTexts(ics: string): string[] {
  const texts: string[] = [];
  const root = new ICAL.Component(ICAL.parse(ics));
  // ical.js leaves the values of X- properties escaped (RFC 5545 3.3.11).
  const unescape = (v: string) => v.replace(/\\([,;\\nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
  for (const p of ['x-wr-calname', 'x-wr-caldesc', 'name', 'description']) texts.push(...root.getAllProperties(p).flatMap((x) => unescape(String(x.getFirstValue())).split('\n')));
  for (const component of [...root.getAllSubcomponents('vevent'), ...root.getAllSubcomponents('vevent').flatMap((e) => e.getAllSubcomponents('valarm'))])
    for (const p of ['summary', 'description', 'location', 'categories'])
      for (const prop of component.getAllProperties(p)) for (const v of prop.getValues()) texts.push(...String(v).split('\n'));
  return texts;
}

interface Leak {
  readonly file: string;
  readonly text: string;
  readonly words: readonly string[];
}

/** Common English words that are not also words of Spanish, French or Korean text. */
const commonEnglish = new Set(
  // Not "module", "page", "score", "session", "open": French and Spanish words too; nor "has" (Spanish).
  'the and with your you this that from will which have are were been when where what who how into for not only each every other than then there their they them these those after before about would should could week weeks due hours days day program programs here more attempt passed back next previous close start starts started ended runs ran until choose complete completed assignment deadline calendar download subscribe search results done'.split(' '),
);

/**
 * What a translation may rightly leave in English: a setting quoted as the LMS labels it
 * ("Highest attempt", « Score »), an English term glossed in brackets ("(mastery score)"), a
 * product's name. Not applied to the pseudo-locale, where no English is right.
 */
function withoutQuotedEnglish(text: string): string {
  return text
    .replace(/«[^»]*»|"[^"]*"/g, ' ')
    .replace(/\([A-Za-z][A-Za-z .,'-]*\)/g, ' ')
    .replace(/\b(?:Open Badges|Google Calendar|Outlook\.com|Microsoft 365)\b/g, ' ');
}

/** Texts of the built outputs, by file. */
async function outputTexts(site: BuiltSite): Promise<Map<string, string[]>> {
  const byFile = new Map<string, string[]>();
  for (const file of await filesUnder(site.outDir)) {
    const full = path.join(site.outDir, file);
    if (!programs.some((p) => file.startsWith(`${p}/`)) && !/^(index|search|404)\.html$/.test(file)) continue;
    if (file.endsWith('.html')) byFile.set(file, htmlTexts(await readFile(full, 'utf8')));
    else if (file.endsWith('.ics')) byFile.set(file, icsTexts(await readFile(full, 'utf8')));
    else if (file.endsWith('lms-import-notes.txt')) byFile.set(file, (await readFile(full, 'utf8')).split('\n'));
    else if (/achievements\/[^/]+\.svg$/.test(file)) byFile.set(file, htmlTexts(await readFile(full, 'utf8')));
    else if (/achievements\/[^/]+\.json$/.test(file)) {
      const a = JSON.parse(await readFile(full, 'utf8')) as { name?: string; description?: string; criteria?: { narrative?: string } };
      byFile.set(file, [a.name ?? '', a.description ?? '', ...(a.criteria?.narrative ?? '').split('\n')]);
    } else if (/^[^/]+\/(scorm-1\.2|scorm-2004|cmi5)\.zip$/.test(file)) {
      // The program's packages: every module's page is in them, as in the module packages.
      const entries = unzipSync(new Uint8Array(await readFile(full)));
      for (const [name, bytes] of Object.entries(entries))
        if (name.endsWith('.html')) byFile.set(`${file}!${name}`, htmlTexts(strFromU8(bytes)));
        else if (name === 'imsmanifest.xml' || name === 'cmi5.xml')
          // The titles and descriptions an LMS shows; the rest of a manifest is for machines.
          byFile.set(`${file}!${name}`, [...strFromU8(bytes).matchAll(/<(title|langstring|description)\b[^>]*>([^<]*)</g)].map((m) => decodeEntities(m[2]!)));
    }
  }
  return byFile;
}

function findLeaks(language: string, site: BuiltSite, texts: Map<string, string[]>): Leak[] {
  const own = modelStrings(site.result.programs, site.result.catalog).sort((a, b) => b.length - a.length);
  const ownCorpus = own.join('\n');
  const zones = [...new Set(site.result.programs.flatMap((c) => [c.program.timeZone]))];
  const regions = own.filter((s) => /^[A-Z]{2}$/.test(s));
  const allowed = intlWords(language, zones, regions);
  const pseudo = language === 'en-XA';
  const ownDictionary = JSON.stringify(messagesFor(language));
  const englishPhrases = pseudo
    ? []
    : [...new Set(JSON.stringify(en).match(/"[^"]{12,}"/g) ?? [])].map((s) => s.slice(1, -1)).filter((s) => / /.test(s) && !ownDictionary.includes(s));
  const leaks: Leak[] = [];
  const seen = new Map<string, readonly string[]>();
  for (const [file, list] of texts) {
    for (const raw of list) {
      const text = normalize(raw);
      if (!/[A-Za-z]/.test(text)) continue;
      let words = seen.get(text);
      if (!words) {
        // Slots a script fills in, identifiers (paths, tag: URIs) and ISO durations are not words.
        let rest = text
          .replace(/\{[a-zA-Z.]+\}/g, ' ')
          .replace(/\b(?:https?|mailto|webcal):\S+/g, ' ')
          .replace(/\btag:\S+/g, ' ')
          .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
          .replace(/[^\s/]+\/\S*|\/[^\s/]\S*/g, ' ')
          .replace(/\S+\.(?:ics|zip|json|svg|txt|xml|html|pdf)\b/g, ' ')
          .replace(/\bP(?:\d+[YMWD])*(?:T(?:\d+[HMS])+)?\b/g, ' ')
          // "UTC+02:00": the international designation, the same in every language.
          .replace(/\bUTC(?=[+−-]\d)/g, ' ');
        // A text the site shortened ("…") is still the program's own when its start is.
        if (ownCorpus.includes(text.replace(/…$/, ''))) rest = '';
        // Only whole words: a one-letter string of the model must not eat the letters of others.
        for (const s of own)
          if (rest.includes(s)) rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'), ' ');
        if (!pseudo) rest = withoutQuotedEnglish(rest);
        // Whole words only: "noté" is not the English "not".
        const found = (rest.match(/[\p{L}\p{M}]+/gu) ?? []).filter((w) => /^[A-Za-z]{2,}$/.test(w) && !allowed.has(w));
        words = pseudo
          ? found
          : [...found.filter((w) => commonEnglish.has(w.toLowerCase())), ...englishPhrases.filter((p) => rest.includes(normalize(p)))];
        seen.set(text, words);
      }
      if (words.length > 0) leaks.push({ file, text, words });
    }
  }
  return leaks;
}

const languages = supportedLanguages.filter((l) => l !== 'en');

describe('the pseudo-locale en-XA', () => {
  /** Every string a dictionary holds or makes, calling each function with typical arguments. */
  function strings(value: unknown, sample: (f: (...args: never[]) => unknown) => unknown, into: string[] = []): string[] {
    if (typeof value === 'string') into.push(value);
    else if (typeof value === 'function') strings(sample(value as (...args: never[]) => unknown), sample, into);
    else if (Array.isArray(value)) for (const v of value) strings(v, sample, into);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, sample, into);
    return into;
  }
  // Numbers and ISO dates, the arguments most functions take; the rest get a title the output must keep as it is.
  const sample = (f: (...args: never[]) => unknown) => {
    for (const args of [[2, 3, 4], ['2023-03-20', '2023-06-12', '2023-07-17'], ['Zaqxw', 'Zaqxw', 'Zaqxw']]) {
      try {
        return (f as (...a: unknown[]) => unknown)(...args);
      } catch {
        /* another kind of argument */
      }
    }
    return undefined;
  };

  it('has every key of English, each string accented and bracketed, slots and arguments kept', () => {
    const english = strings(en, sample);
    const pseudo = strings(messagesFor('en-XA'), sample);
    expect(pseudo).toHaveLength(english.length);
    const settings = new Set<string>([en.site.hourCycle]);
    for (const [i, text] of pseudo.entries()) {
      if (settings.has(english[i]!) || english[i] === '') continue;
      expect(text, english[i]).toMatch(/^⟦[\s\S]*⟧$/);
      // What remains plain ASCII is a `{slot}` for a script or the argument passed in.
      expect(text.replace(/\{[a-zA-Z]+\}/g, '').replace(/Zaqxw/g, '').match(/[A-Za-z]{2,}/g), english[i]).toBeNull();
      for (const slot of english[i]!.match(/\{[a-zA-Z]+\}/g) ?? []) expect(text).toContain(slot);
      if (english[i]!.includes('Zaqxw')) expect(text).toContain('Zaqxw');
    }
  });
});

describe.each(languages)('a build in %s', (language) => {
  let site: BuiltSite | undefined;
  let sources: string | undefined;
  afterAll(async () => {
    await site?.remove();
    if (sources) await rm(sources, { recursive: true, force: true });
  });

  it('has no English outside the programs’ own words', { timeout: 900_000 }, async () => {
    sources = await sourcesIn(language);
    site = await buildTestSite({ input: sources, programDirs: Object.fromEntries(programs.map((p) => [p, path.join(sources!, p)])) });
    expect(site.result.programs.map((c) => c.program.language)).toEqual(programs.map(() => language));
    const texts = await outputTexts(site);
    // Every kind of output was read: a test that read nothing would pass.
    for (const kind of [/\/index\.html$/, /\.ics$/, /lms-import-notes\.txt$/, /\.zip!.*\.html$/, /achievements\/.*\.json$/])
      for (const id of programs) expect([...texts.keys()].some((f) => f.startsWith(`${id}/`) && kind.test(f)), `${id}: ${kind}`).toBe(true);
    const leaks = findLeaks(language, site, texts);
    const summary = [...new Map(leaks.map((l) => [l.text, l])).values()].map((l) => `${l.file}: ${l.words.join(' ')} ← “${l.text.slice(0, 160)}”`);
    expect(summary).toEqual([]);
  });

  // What the page's script writes on the visitor's day (filled-in templates, dates by Intl in the
  // page's language) is read in Chromium with the clock set before, during and after the edition.
  it('says where the edition stands in the same language, in the browser', { timeout: 300_000 }, async () => {
    requireBrowserInCi();
    if (!browserAvailable) return;
    expect(site, 'the build of the test above').toBeDefined();
    const [server, browser] = await Promise.all([serveFolder(site!.outDir), launchBrowser()]);
    try {
      const seen = new Map<string, string[]>();
      const states: string[] = [];
      for (const at of ['2023-06-20T10:00:00Z', '2023-07-12T10:00:00Z', '2023-08-20T10:00:00Z']) {
        const context = await browser.browser.newContext({ timezoneId: 'America/Bogota', locale: 'en-US' });
        const page = await context.newPage();
        await page.clock.setFixedTime(new Date(at));
        await page.goto(`${server.url}/caring-cities/`);
        states.push((await page.locator('body').getAttribute('data-edition-status')) ?? '');
        const status = (await page.locator('section[data-edition-status]').innerText()).trim();
        expect(status, at).not.toBe('');
        expect(status, at).not.toMatch(/\{[a-zA-Z.]+\}/);
        seen.set(`caring-cities/index.html at ${at}`, status.split('\n'));
        await context.close();
      }
      expect(states).toEqual(['upcoming', 'running', 'ended']);
      const leaks = findLeaks(language, site!, seen);
      expect(leaks.map((l) => `${l.file}: ${l.words.join(' ')} ← “${l.text}”`)).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
