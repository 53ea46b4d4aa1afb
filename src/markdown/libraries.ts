/**
 * The Markdown libraries (unified, remark, rehype and what they load: about 250 modules,
 * 0.2 s of a thread to load on this machine), loaded the first time a text must be parsed
 * rather than at start-up. A rebuild whose texts are all in the memos (util/memo.ts), or
 * plain enough for the shortcuts of index.ts and links.ts, parses nothing and loads none
 * of them, in the main thread or the packages' worker; a cold build loads them once, as before.
 *
 * They are ES modules without top-level await, which `require` loads synchronously
 * (Node >= 22.12 without a flag or warning; `engines` asks for 22.18): the functions that
 * parse are synchronous, and so are their callers. The loader is not named `require` so
 * that no bundler takes the calls for CommonJS imports: the site's pages run a copy of
 * this module that Vite bundles, and it loads the same files from `node_modules`.
 */
import { createRequire } from 'node:module';
import type * as RehypeSanitize from 'rehype-sanitize';
import type * as RehypeStringify from 'rehype-stringify';
import type * as RemarkGfm from 'remark-gfm';
import type * as RemarkMdx from 'remark-mdx';
import type * as RemarkParse from 'remark-parse';
import type * as RemarkRehype from 'remark-rehype';
import type * as Unified from 'unified';

export interface MarkdownLibraries {
  readonly unified: typeof Unified.unified;
  readonly remarkParse: typeof RemarkParse.default;
  readonly remarkGfm: typeof RemarkGfm.default;
  readonly remarkMdx: typeof RemarkMdx.default;
  readonly remarkRehype: typeof RemarkRehype.default;
  readonly rehypeSanitize: typeof RehypeSanitize.default;
  readonly sanitizeSchema: typeof RehypeSanitize.defaultSchema;
  readonly rehypeStringify: typeof RehypeStringify.default;
}

const load = createRequire(import.meta.url);
let loaded: MarkdownLibraries | undefined;

/** The libraries, loaded at the first call. */
export function markdownLibraries(): MarkdownLibraries {
  if (!loaded) {
    const sanitize = load('rehype-sanitize') as typeof RehypeSanitize;
    loaded = {
      unified: (load('unified') as typeof Unified).unified,
      remarkParse: (load('remark-parse') as typeof RemarkParse).default,
      remarkGfm: (load('remark-gfm') as typeof RemarkGfm).default,
      remarkMdx: (load('remark-mdx') as typeof RemarkMdx).default,
      remarkRehype: (load('remark-rehype') as typeof RemarkRehype).default,
      rehypeSanitize: sanitize.default,
      sanitizeSchema: sanitize.defaultSchema,
      rehypeStringify: (load('rehype-stringify') as typeof RehypeStringify).default,
    };
  }
  return loaded;
}
