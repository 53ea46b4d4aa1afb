/**
 * The search page: runs the query from `?q=` (or the form) against the Pagefind index
 * and lists the matching pages. Result text comes from Pagefind as HTML with <mark>
 * around matches; only the text and the marks are kept, so nothing else can be injected.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: { baseUrl: string; noWorker?: boolean }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
  destroy(): Promise<void>;
}

const maxResults = 30;

export function startSearch(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  if (!form || !input || !status || !list) return;
  for (const note of root.querySelectorAll<HTMLElement>('[data-search-needs-js]')) note.hidden = true;

  const texts = status.dataset;
  const plural = new Intl.PluralRules(root.documentElement.lang || undefined);
  const templates = JSON.parse(texts.results ?? '{}') as Record<string, string>;
  const fill = (template: string, query: string, count = 0) => template.replaceAll('{query}', query).replaceAll('{count}', String(count));

  // Both may be relative to this page (a site built without its address): an import()
  // would resolve the bundle against this script's own address, and Pagefind joins its
  // base with each result's path from the site root, so both are made absolute first.
  const bundle = new URL(form.dataset.pagefind!, document.baseURI);
  const failedFetches = countFailedFetches(new URL('.', bundle).href);
  let pagefind: Promise<Pagefind> | undefined;
  let attempts = 0;
  const load = () => {
    pagefind ??= (async () => {
      // After a failure, from another address: the browser keeps a module that failed to load as failed.
      const address = new URL(bundle);
      if (attempts++ > 0) address.searchParams.set('attempt', String(attempts));
      const module = (await import(/* @vite-ignore */ address.href)) as Pagefind;
      // In this page, not in Pagefind's web worker: its fetches must pass countFailedFetches.
      await module.options({ baseUrl: new URL(form.dataset.base ?? '/', document.baseURI).pathname, noWorker: true });
      return module;
    })();
    return pagefind;
  };
  /** The next search starts Pagefind again: it keeps an index or a WebAssembly module that failed to load as failed. */
  const reset = () => {
    const failed = pagefind;
    pagefind = undefined;
    void failed?.then((module) => module.destroy()).catch(() => undefined);
  };

  let latest = 0;
  const run = async (query: string) => {
    const run = ++latest;
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = '';
      return;
    }
    status.textContent = texts.searching ?? '';
    const failedBefore = failedFetches();
    try {
      const search = await (await load()).search(query);
      const results = await Promise.all(search.results.slice(0, maxResults).map((r) => r.data()));
      // Pagefind answers without the parts it could not fetch: fewer results, or none, would be told as the answer.
      if (failedFetches() !== failedBefore) throw new Error('a part of the search index did not load');
      if (run !== latest) return;
      list.replaceChildren(...results.map(resultItem));
      const count = search.results.length;
      status.textContent = count === 0 ? fill(texts.noResults ?? '', query) : fill(templates[plural.select(count)] ?? templates.other ?? '', query, count);
    } catch {
      reset();
      if (run === latest) status.textContent = texts.failed ?? '';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    void run(input.value);
  });
  const query = new URLSearchParams(location.search).get('q') ?? '';
  input.value = query;
  if (query) void run(query);
}

/**
 * Counts the requests under `prefix` (Pagefind's folder) that fail or answer with an error
 * status. Pagefind (1.6) skips an index chunk it could not fetch and searches the others
 * (pagefind.js, `loadChunk`: `.catch(() => {})`), and a page left open across a new
 * deployment asks for chunks that no longer exist (404): without this count, a search
 * would report "no pages match" when part of the index never arrived.
 */
function countFailedFetches(prefix: string): () => number {
  let failed = 0;
  const fetchFromPage = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    const ours = new URL(url, document.baseURI).href.startsWith(prefix);
    try {
      const response = await fetchFromPage(input, init);
      if (ours && !response.ok) failed++;
      return response;
    } catch (error) {
      if (ours) failed++;
      throw error;
    }
  };
  return () => failed;
}

function resultItem(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  heading.append(link);
  item.append(heading);
  if (result.meta.group) {
    const group = document.createElement('p');
    group.className = 'muted';
    group.textContent = result.meta.group;
    item.append(group);
  }
  const excerpt = document.createElement('p');
  excerpt.append(...safeExcerpt(result.excerpt));
  item.append(excerpt);
  return item;
}

/** Pagefind's excerpt as text nodes and <mark> elements only. */
function safeExcerpt(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}
