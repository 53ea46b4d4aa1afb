// The course site's Astro configuration: what is the same for every build. What changes
// per build (where the data is, the public URL, where the pages go) is passed by
// `buildSite` in src/emit/site/ as inline configuration, merged over this file.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  // Pages live at stable URLs that end with `/` (src/emit/paths.ts): /<program>/schedule/.
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Module content may be MDX; the bundled programs use Markdown, which the pages render
  // through src/markdown (sanitized) instead.
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
