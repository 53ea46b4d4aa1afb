// The course site's Astro configuration: what is the same for every build. What changes
// per build (where the data is, the public URL, where the pages go) is passed by
// `buildSite` in src/emit/site/ as inline configuration, merged over this file.
//
// The object is written plainly, typed by the comment below, rather than wrapped in
// `defineConfig` from 'astro/config': importing that entry loads Astro's font providers,
// session drivers and SVG optimizer, 0.1 to 0.15 s that every build paid for an identity
// function (src/emit/site/index.ts imports this file).
/** @type {import('astro').AstroUserConfig} */
export default {
  srcDir: './site',
  publicDir: './site/public',
  // Pages live at stable URLs that end with `/` (src/emit/paths.ts): /<program>/schedule/.
  trailingSlash: 'always',
  // Pages are rendered eight at a time: with one at a time, Astro awaits each page's mkdir
  // and writeFile before it starts the next (core/build/generate.js), and the main thread
  // was idle for about a third of the page generation (a CPU profile at 1 000 modules).
  // What each page reads is still told apart (src/emit/site/page-cache.ts), and the pages
  // are the same bytes.
  build: { format: 'directory', concurrency: 8 },
  // Module content may be MDX: the compiler adds Astro's MDX support to its inline
  // configuration when a program has MDX content, and always for `curriculum dev`
  // (src/emit/site/index.ts), so that a build without any does not load it. The bundled
  // programs use Markdown, which the pages render through src/markdown (sanitized).
  devToolbar: { enabled: false },
};
