/**
 * Which destinations the link checker sees in a Markdown text, and where each is written:
 * a diagnostic underlines the path itself, so the offsets must be exact.
 */
import { describe, expect, it } from 'vitest';
import { isRelativePath, markdownLinks } from '../src/markdown/links.ts';

const at = (text: string, l: { start: number; end: number }) => text.slice(l.start, l.end);

describe('markdownLinks', () => {
  it('finds links, images and definitions in order, each located at its destination', () => {
    const text = '# T\n\nSee [other.md](other.md "other.md") and ![a map](img/map.svg).\n\n[ref]: ./notes.pdf\n\nUse [it][ref].\n';
    const links = markdownLinks(text);
    expect(links.map((l) => [l.kind, l.url, at(text, l)])).toEqual([
      ['link', 'other.md', 'other.md'],
      ['image', 'img/map.svg', 'img/map.svg'],
      ['link', './notes.pdf', './notes.pdf'],
    ]);
    // The destination, not the link text that repeats it.
    expect(links[0]!.start).toBe(text.indexOf('(other.md') + 1);
  });

  it('calls a definition used by an image reference an image', () => {
    const text = '![Plan][plan]\n\n[plan]: images/plan.png\n';
    expect(markdownLinks(text).map((l) => [l.kind, at(text, l)])).toEqual([['image', 'images/plan.png']]);
  });

  it('sees no link in code', () => {
    expect(markdownLinks('`[a](b.md)`\n\n```\n![x](y.png)\n```\n')).toEqual([]);
  });

  it('reads MDX, and MDX that does not parse as Markdown', () => {
    const mdx = 'import X from "./x.astro";\n\n<X>[inside](inside.md)</X>\n\n![pic](pic.png)\n';
    expect(markdownLinks(mdx, 'mdx').map((l) => l.url)).toEqual(['inside.md', 'pic.png']);
    expect(markdownLinks('a {broken [l](l.md)', 'mdx').map((l) => l.url)).toEqual(['l.md']);
  });
});

describe('isRelativePath', () => {
  it('takes paths beside the Markdown and leaves web addresses, anchors and root paths', () => {
    expect(['other.md', '../modules/a.yaml', 'img/a b.png', 'notes.pdf#page=2', './x'].every(isRelativePath)).toBe(true);
    expect(['https://example.org/a.md', 'mailto:a@example.org', '//cdn.example.org/x.png', '#top', '/abs.md', '', 'tel:+33'].some(isRelativePath)).toBe(false);
  });
});
