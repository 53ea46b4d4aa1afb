/**
 * A module's content on its SCO page: Markdown as it is, and MDX without what only the
 * site can run (imports, expressions, component tags), keeping the text inside components;
 * its headings under the page's own (h1 module, h2 Content).
 */
import { describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import { scoPage } from '../src/emit/package/sco-page.ts';
import type { Curriculum, Module } from '../src/model/types.ts';

const checked = await check('curriculum');
const crisis = checked.curricula.find((c) => c.program.id === 'crisis-scro')!;

function withContent(module: Module, format: 'markdown' | 'mdx', source: string): { curriculum: Curriculum; module: Module } {
  const changed = { ...module, content: { format, source, file: `content/${module.id}.${format === 'mdx' ? 'mdx' : 'md'}` } };
  return { curriculum: { ...crisis, modules: crisis.modules.map((m) => (m.id === module.id ? changed : m)) }, module: changed };
}

/** The content section of a page. */
const contentSection = (page: string) => /<section aria-labelledby="sco-content">([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';

describe('module content in packages', () => {
  const module = crisis.modules[0]!;

  it('renders MDX as its Markdown, keeping the text inside components and dropping imports, expressions and tags', () => {
    const mdx = "import Callout from './Callout.astro';\n\n# Steps\n\nComputed {1 + 1}.\n\n<Callout>\n\nRead the **brief** first.\n\n</Callout>\n";
    const { curriculum, module: m } = withContent(module, 'mdx', mdx);
    const section = contentSection(scoPage(curriculum, m));
    expect(section).toContain('<h3>Steps</h3>');
    expect(section).toContain('<p>Read the <strong>brief</strong> first.</p>');
    expect(section).not.toMatch(/import|Callout|\{1 \+ 1\}/);
  });

  it('renders Markdown content as Markdown, with raw HTML dropped', () => {
    const { curriculum, module: m } = withContent(module, 'markdown', '# Steps\n\n<Callout>raw</Callout> and **bold**\n');
    const section = contentSection(scoPage(curriculum, m));
    expect(section).toContain('<h3>Steps</h3>');
    expect(section).toContain('<strong>bold</strong>');
    expect(section).not.toContain('<Callout');
  });
});
