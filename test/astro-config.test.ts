// The site's Astro configuration is merged without Astro's config entry
// (src/emit/site/index.ts, `mergeOver`): the result must be what Astro's own merge gives.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mergeConfig } from 'astro/config';
import { describe, expect, it } from 'vitest';
import { mergeOver } from '../src/emit/site/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const { default: fileConfig } = await import(pathToFileURL(path.join(repoRoot, 'astro.config.mjs')).href);

// What `astroInlineConfig` sets for a build (a catalog with a URL and MDX content).
const inline = {
  root: repoRoot,
  configFile: false as const,
  outDir: '/tmp/out',
  cacheDir: '/tmp/cache',
  site: 'https://courses.example.org/',
  base: '/',
  logLevel: 'warn' as const,
  integrations: [{ name: 'an-integration', hooks: {} }],
  vite: { plugins: [{ name: 'a-plugin' }] },
};

describe('the site configuration merge', () => {
  it('equals Astro’s merge of astro.config.mjs and the inline configuration', async () => {
    expect(await mergeOver(fileConfig, inline)).toEqual(mergeConfig(fileConfig, inline));
  });

  it('leaves out what the inline configuration does not set, as Astro’s merge does', async () => {
    const partial = { ...inline, site: undefined };
    const merged = await mergeOver(fileConfig, partial);
    expect(merged).toEqual(mergeConfig(fileConfig, partial));
    expect('site' in merged).toBe(false);
  });

  it('uses Astro’s merge when both set a key, so nested settings are merged, not replaced', async () => {
    const overlapping = { ...inline, build: { inlineStylesheets: 'never' as const } };
    const merged = await mergeOver(fileConfig, overlapping);
    expect(merged).toEqual(mergeConfig(fileConfig, overlapping));
    expect(merged.build).toEqual({ ...fileConfig.build, inlineStylesheets: 'never' });
  });
});
