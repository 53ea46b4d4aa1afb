/**
 * The site stage as a build step, without a browser: it is deterministic, leaves the
 * other emitters' files alone and refuses to replace them, writes structured data, a
 * sitemap and link previews, and keeps hostile text as text, renders MDX content through
 * Astro, follows the program's language and a site published under a path.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compilation } from '../src/index.ts';
import { buildSite } from '../src/emit/site/index.ts';
import type { Curriculum, Module } from '../src/model/types.ts';
import { buildTestSite, filesUnder, type BuiltSite } from './support/site-build.ts';

const read = (site: BuiltSite, file: string) => readFile(path.join(site.outDir, file), 'utf8');

describe('the site stage', () => {
  let first: BuiltSite;
  let second: BuiltSite;
  const keep = { 'caring-cities/notes-from-another-emitter.txt': 'not the site’s\n', 'robots-notes.txt': 'also not\n' };

  beforeAll(async () => {
    first = await buildTestSite({ preexisting: keep });
    second = await buildTestSite();
  });
  afterAll(async () => {
    await first?.remove();
    await second?.remove();
  });

  it('gives byte-identical files for the same sources', async () => {
    const files = (await filesUnder(first.outDir)).filter((f) => !(f in keep));
    expect(files).toEqual(await filesUnder(second.outDir));
    expect(files.length).toBeGreaterThan(60);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(first.outDir, file)), readFile(path.join(second.outDir, file))]);
      expect.soft(a.equals(b), file).toBe(true);
    }
  });

  it('ships no part of the dev server\'s problems banner: its script, markup and style exist only under `curriculum dev`', async () => {
    const files = (await filesUnder(first.outDir)).filter((f) => /\.(html|css|js)$/.test(f) && !f.startsWith('pagefind/'));
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    for (const file of files) expect.soft(await read(first, file), file).not.toMatch(/dev-problems|dev-hint|dev-generation/);
  });

  it('leaves the files of the other emitters as they were', async () => {
    for (const [file, contents] of Object.entries(keep)) expect(await read(first, file)).toBe(contents);
    for (const file of first.emitted) expect((await filesUnder(first.outDir)).includes(file)).toBe(true);
    const json = await read(first, 'crisis-scro/curriculum.json');
    expect(JSON.parse(json).program.id).toBe('crisis-scro');
  });

  it('refuses to replace a file another emitter wrote, and writes nothing then', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'curriculum-site-clash-'));
    try {
      await writeFile(path.join(outDir, 'index.html'), 'another emitter’s page');
      await expect(
        buildSite({ curricula: first.result.programs, catalog: first.result.catalog, outDir, emitted: new Set(['index.html']), programDirs: new Map() }),
      ).rejects.toThrow(/would overwrite .*index\.html/);
      expect(await filesUnder(outDir)).toEqual(['index.html']);
      expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toBe('another emitter’s page');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it('refuses to write its search index where another emitter wrote a file, and writes nothing then', async () => {
    // Pagefind writes its index straight into the staging folder (src/emit/site/index.ts): the folder is checked first.
    for (const emitted of [new Set(['pagefind/pagefind.js']), new Set<string>()]) {
      const outDir = await mkdtemp(path.join(tmpdir(), 'curriculum-site-clash-'));
      try {
        await mkdir(path.join(outDir, 'pagefind'));
        await writeFile(path.join(outDir, 'pagefind', 'pagefind.js'), 'another emitter’s script');
        await expect(buildSite({ curricula: first.result.programs, catalog: first.result.catalog, outDir, emitted, programDirs: new Map() })).rejects.toThrow(
          emitted.size > 0 ? /would overwrite .*pagefind, pagefind\/pagefind\.js/ : /would overwrite .*pagefind$/,
        );
        expect(await filesUnder(outDir)).toEqual(['pagefind/pagefind.js']);
        expect(await readFile(path.join(outDir, 'pagefind', 'pagefind.js'), 'utf8')).toBe('another emitter’s script');
      } finally {
        await rm(outDir, { recursive: true, force: true });
      }
    }
  });

  it('refuses a program whose id is a name the site uses', async () => {
    const curricula = [renamed(first.result.programs[0]!, 'search')];
    await expect(buildSite({ curricula, catalog: first.result.catalog, outDir: tmpdir(), emitted: new Set(), programDirs: new Map() })).rejects.toThrow(
      /program id "search" is used by the site/,
    );
  });

  it('describes each program for search engines as a schema.org Course, identified by its namespace', async () => {
    const caring = jsonLd(await read(first, 'caring-cities/index.html'));
    expect(caring['@type']).toBe('Course');
    expect(caring['@id']).toBe('tag:hrd.seoul.go.kr,2023:caring-cities');
    // Without the site's address the page's own is not known: no url rather than an invented one.
    expect(caring.url).toBeUndefined();
    expect(caring.educationalCredentialAwarded).toMatchObject({
      '@type': 'EducationalOccupationalCredential',
      '@id': 'tag:hrd.seoul.go.kr,2023:caring-cities:certificate',
      name: 'Certificate of Completion',
    });
    const instance = (caring.hasCourseInstance as Record<string, unknown>[])[0]!;
    expect(instance).toMatchObject({ '@type': 'CourseInstance', courseMode: 'online', startDate: '2023-07-03', endDate: '2023-07-21' });
    const sessions = instance.subEvent as Record<string, unknown>[];
    expect(sessions).toHaveLength(4);
    expect(sessions[0]).toMatchObject({ name: 'Orientation for 2023 Online Training by SHRDC', startDate: '2023-07-03T09:00:00+02:00', endDate: '2023-07-03T11:00:00+02:00' });

    const crisis = jsonLd(await read(first, 'crisis-scro/index.html'));
    expect(crisis).toMatchObject({ educationalLevel: 'beginner', timeRequired: 'PT80H', offers: { '@type': 'Offer', price: 0, category: 'Free' } });
    expect(crisis.teaches).toHaveLength(20);
    expect((crisis.hasCourseInstance as Record<string, unknown>[])[0]).toMatchObject({ courseSchedule: { '@type': 'Schedule', repeatFrequency: 'P1W', repeatCount: 16 } });
  });

  it('without a site URL, writes no sitemap (it needs absolute URLs), a robots.txt without one, and names no invented host', async () => {
    const files = await filesUnder(first.outDir);
    expect(files.filter((f) => f.startsWith('sitemap'))).toEqual([]);
    expect(await read(first, 'robots.txt')).toBe('User-agent: *\nAllow: /\n');
    for (const page of files.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))) {
      const html = await read(first, page);
      expect(html, page).not.toMatch(/example\.org|rel="sitemap"/);
    }
  });

  it('gives every page a title, a description and Open Graph tags, but no canonical or og:url without a site URL', async () => {
    const html = await read(first, 'crisis-scro/schedule/index.html');
    expect(html).toContain('<title>Schedule · CRISIS SCRO MOOC</title>');
    expect(html).toContain('<meta property="og:title" content="Schedule · CRISIS SCRO MOOC">');
    expect(html).not.toContain('og:url');
    expect(html).not.toContain('rel="canonical"');
    expect(html).toMatch(/<meta name="description" content="A free 16-week online course[^"]*">/);
  });

  it('builds the search index', async () => {
    const files = await filesUnder(first.outDir);
    expect(files).toContain('pagefind/pagefind.js');
    expect(files.some((f) => f.startsWith('pagefind/index/'))).toBe(true);
    // Navigation stays out of the index: only <main> of content pages is indexed.
    expect(await read(first, 'crisis-scro/index.html')).toMatch(/<main id="main" tabindex="-1" data-pagefind-body/);
    expect(await read(first, 'search/index.html')).not.toContain('data-pagefind-body');
  });

  it('keeps a fact\'s label apart from its value in every page\'s text, which the search excerpts are made of', async () => {
    // Pagefind joins a <dt> and the <dd> after it into one word ("KindAdvanced module") unless
    // text lies between them: site/components/Fact.astro writes a space there, and so must a
    // list that does without it (the achievements page's).
    const pages = (await filesUnder(first.outDir)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    for (const page of pages) expect.soft(/<\/dt><dd/.test(await read(first, page)), `${page} has a label run into its value`).toBe(false);
    expect((await read(first, 'crisis-scro/index.html')).match(/<\/dt> <dd/g)?.length).toBeGreaterThan(3);
  });

  it('indexes for search the pages the site has: its module pages, in the programs\' order, read as Astro rendered them, then the other pages by path', async () => {
    const modulePages = first.result.programs.flatMap((c) => c.modules.map((m) => `${c.program.id}/modules/${m.id}/index.html`));
    expect(first.site.streamedToSearch).toBe(modulePages.length);
    const files = await filesUnder(first.outDir);
    const pages = files.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    expect(pages.filter((f) => modulePages.includes(f))).toHaveLength(modulePages.length);
    const order = [...modulePages, ...pages.filter((f) => !modulePages.includes(f))];
    // Pagefind given the site's files, as they are on the disk, in that order.
    const reference = await mkdtemp(path.join(tmpdir(), 'curriculum-search-reference-'));
    const pagefind = await import('pagefind');
    try {
      const { index } = await pagefind.createIndex({});
      for (const f of order) await index!.addHTMLFile({ sourcePath: f, content: await read(first, f) });
      await index!.writeFiles({ outputPath: reference });
      const ours = files.filter((f) => f.startsWith('pagefind/'));
      expect(ours.map((f) => f.slice('pagefind/'.length))).toEqual(await filesUnder(reference));
      for (const f of ours) expect.soft((await readFile(path.join(first.outDir, f))).equals(await readFile(path.join(reference, f.slice('pagefind/'.length)))), f).toBe(true);
    } finally {
      await pagefind.close();
      await rm(reference, { recursive: true, force: true });
    }
  });
});

describe('a site with hostile text, MDX content, another language, under a path', () => {
  let site: BuiltSite;
  let crisisSources: string;
  const hostile = 'Caring <script>alert("x")</script> & “quotes” \'single\' 돌봄 도시 🏙️';
  const logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#8a1538"/></svg>\n';

  beforeAll(async () => {
    // The MDX content imports a component that sits beside its file in the sources.
    crisisSources = await mkdtemp(path.join(tmpdir(), 'curriculum-site-sources-'));
    await mkdir(path.join(crisisSources, 'content'));
    await writeFile(path.join(crisisSources, 'content', 'Callout.astro'), '<aside class="callout-from-sources"><slot /></aside>\n');
    await writeFile(path.join(crisisSources, 'logo.svg'), logo);
    site = await buildTestSite({ siteUrl: 'https://example.org/courses/', alter, programDirs: { 'crisis-scro': crisisSources } });
  });
  afterAll(async () => {
    await site?.remove();
    await rm(crisisSources, { recursive: true, force: true });
  });

  it('shows hostile text as text, everywhere', async () => {
    const pages = (await filesUnder(site.outDir)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    for (const page of pages) {
      const html = await read(site, page);
      // Inside a quoted attribute value `<script>` is text (Astro escapes `&` and `"` there);
      // anywhere else it would be markup.
      const markup = html.replace(/="[^"]*"/g, '=""');
      expect.soft(markup, page).not.toContain('<script>alert');
      expect.soft(markup, page).not.toMatch(/<img[^>]*onerror/i);
      expect.soft(html.match(/<h1[\s>]/g)?.length, page).toBe(1);
    }
    const overview = await read(site, 'caring-cities/index.html');
    expect(overview).toContain('<h1>Caring &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; “quotes” &#39;single&#39; 돌봄 도시 🏙️</h1>');
    // In JSON-LD the text stays whole, and cannot close the script element.
    const data = jsonLd(overview);
    expect(data.name).toBe(hostile);
    expect(overview).not.toMatch(/<\/script>[^<]*alert/);
  });

  it('renders Markdown sanitized, with its headings under the page’s own', async () => {
    const html = await read(site, 'caring-cities/modules/what-is-a-caring-city/index.html');
    expect(html).toContain('<strong>bold</strong> 한국어 😀');
    expect(html).toContain('<h3>A heading in the description</h3>');
  });

  it('renders MDX content through Astro’s MDX support', async () => {
    const html = await read(site, 'crisis-scro/modules/identifying-risks-in-scs/index.html');
    expect(html).toMatch(/<h3[^>]*>MDX heading<\/h3>/);
    expect(html).toContain('Computed: 2');
    expect(html).toContain('<em>inline JSX</em>');
    expect(html).toContain('<aside class="callout-from-sources">A component from the sources</aside>');
  });

  it('shows the program’s logo and accent', async () => {
    expect(await read(site, 'crisis-scro/logo.svg')).toBe(logo);
    const html = await read(site, 'crisis-scro/completion/index.html');
    expect(html).toContain('<img class="program-logo" src="/courses/crisis-scro/logo.svg" alt="CRISIS project logo">');
    expect(html).toContain('<meta property="og:image" content="https://example.org/courses/crisis-scro/logo.svg">');
    expect(html).toMatch(/<body style="--accent: #8a1538"[ >]/);
    // The catalog shows it beside the title, which already names the program.
    expect(await read(site, 'index.html')).toContain('<img class="program-card-logo" src="/courses/crisis-scro/logo.svg" alt="">');
  });

  it('writes the pages of a program in its language', async () => {
    const html = await read(site, 'caring-cities/schedule/index.html');
    expect(html).toContain('<html lang="ko" dir="ltr">');
    expect(html).toContain('2023년 7월 3일 월요일');
    expect(await read(site, 'crisis-scro/index.html')).toContain('<html lang="en" dir="ltr">');
  });

  it('links everything under the path the site is published at', async () => {
    const files = new Set(await filesUnder(site.outDir));
    const problems: string[] = [];
    for (const page of [...files].filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))) {
      const html = await read(site, page);
      for (const [, url] of html.matchAll(/ (?:href|src)="([^"#]*)[^"]*"/g)) {
        if (!url || /^(https?:|mailto:|tel:|webcal:)/.test(url) || url.startsWith('data:')) continue;
        if (!url.startsWith('/courses/')) {
          problems.push(`${page}: ${url} is not under /courses/`);
          continue;
        }
        const file = url.slice('/courses/'.length);
        const target = file === '' || file.endsWith('/') ? `${file}index.html` : file;
        if (!files.has(decodeURIComponent(target))) problems.push(`${page}: ${url} has no file`);
      }
    }
    expect(problems).toEqual([]);
    expect(await read(site, 'caring-cities/index.html')).toContain('<link rel="canonical" href="https://example.org/courses/caring-cities/">');
    expect(await read(site, 'crisis-scro/schedule/index.html')).toContain('<meta property="og:url" content="https://example.org/courses/crisis-scro/schedule/">');
    expect(await read(site, 'search/index.html')).toContain('data-pagefind="/courses/pagefind/pagefind.js"');
  });

  it('with a site URL, lists every page but search and 404 in the sitemap, points robots.txt at it, and gives the course its address but the same @id', async () => {
    const sitemap = await read(site, 'sitemap-0.xml');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const pages = (await filesUnder(site.outDir)).filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind/'));
    expect(urls.sort()).toEqual(pages.filter((p) => p !== 'search/index.html').map((p) => `https://example.org/courses/${p.replace(/index\.html$/, '')}`).sort());
    expect(await read(site, 'robots.txt')).toContain('Sitemap: https://example.org/courses/sitemap-index.xml');
    const crisis = jsonLd(await read(site, 'crisis-scro/index.html'));
    expect(crisis.url).toBe('https://example.org/courses/crisis-scro/');
    expect(crisis['@id']).toBe('tag:crisisproject.eu,2023:crisis-scro');
  });

  function alter(result: Compilation): Compilation {
    const programs = result.programs.map((c): Curriculum => {
      if (c.program.id === 'caring-cities') {
        return {
          ...c,
          program: { ...c.program, title: hostile, language: 'ko' },
          modules: c.modules.map((m, i): Module =>
            i === 0 ? { ...m, description: '<img src=x onerror=alert(1)> **bold** 한국어 😀\n\n# A heading in the description\n\nMore text.' } : m,
          ),
        };
      }
      if (c.program.id !== 'crisis-scro') return c;
      return {
        ...c,
        site: { accent: '#8a1538', logo: { file: 'logo.svg', alt: 'CRISIS project logo' } },
        modules: c.modules.map((m): Module =>
          m.id === 'identifying-risks-in-scs'
            ? {
                ...m,
                content: {
                  format: 'mdx',
                  source: "import Callout from './Callout.astro';\n\n# MDX heading\n\nComputed: {1 + 1}\n\n<em>inline JSX</em>\n\n<Callout>A component from the sources</Callout>\n",
                  file: 'content/identifying-risks.mdx',
                },
              }
            : m,
        ),
      };
    });
    return { ...result, programs };
  }
});

function jsonLd(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no JSON-LD on the page');
  return JSON.parse(match[1]!) as Record<string, unknown>;
}

function renamed(curriculum: Curriculum, id: string): Curriculum {
  return { ...curriculum, program: { ...curriculum.program, id } };
}

describe('two site builds in one process', () => {
  // The pages read the site data once per build (site/lib/data.ts), not once per process.
  it('each shows its own data', async () => {
    const title = 'Caring Cities, renamed between two builds';
    const retitled = (c: Compilation): Compilation => ({
      ...c,
      programs: c.programs.map((p) => (p.program.id === 'caring-cities' ? { ...p, program: { ...p.program, title } } : p)),
    });
    const sites: BuiltSite[] = [];
    try {
      for (const alter of [undefined, retitled, undefined]) sites.push(await buildTestSite(alter ? { alter } : {}));
      const [before, after, again] = sites as [BuiltSite, BuiltSite, BuiltSite];
      expect(await read(before, 'caring-cities/index.html')).not.toContain(title);
      expect(await read(after, 'caring-cities/index.html')).toContain(title);
      expect(await read(again, 'caring-cities/index.html')).not.toContain(title);
    } finally {
      await Promise.all(sites.map((site) => site.remove()));
    }
  });
});
