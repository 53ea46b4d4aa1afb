/**
 * SVG files are published as they are; opened by themselves they run their script on the
 * site's (or the LMS's) origin. The check names the first active thing and its line, and
 * lets plain drawings through, including text that merely mentions such things.
 */
import { describe, expect, it } from 'vitest';
import { activeContent } from '../src/load/links.ts';

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n${body}\n</svg>\n`;

describe('active content in an SVG', () => {
  it.each([
    ['<script>alert(1)</script>', 'a <script> element'],
    ['<SCRIPT href="x.js"/>', 'a <script> element'],
    ['<rect width="1" height="1" onload="alert(1)"/>', 'an event handler attribute (on…=)'],
    ['<circle r="2" ONCLICK = "go()"/>', 'an event handler attribute (on…=)'],
    ['<a href="javascript:alert(1)"><rect width="1" height="1"/></a>', 'a script address (javascript:)'],
    ['<a xlink:href=" javascript:alert(1)"><rect/></a>', 'a script address (javascript:)'],
    ['<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>', 'a <foreignObject> element (HTML inside the SVG)'],
    ['<iframe src="https://example.net"/>', 'an embedded document'],
  ])('finds %s', (body, found) => {
    expect(activeContent(svg(body))).toEqual({ found, line: 2 });
  });

  it('names the first one, with its line', () => {
    expect(activeContent(svg('<rect/>\n<rect onmouseover="x()"/>\n<script>y()</script>'))).toEqual({ found: 'an event handler attribute (on…=)', line: 3 });
  });

  it('lets a plain drawing through, text about scripts included', () => {
    const plain = svg(
      '<title>Where the script of the session is kept</title>\n<text x="1" y="5" font-family="monospace">click on = here; javascript is not run</text>\n<path d="M0 0L10 10" stroke="#000"/>\n<a href="https://example.net/map"><rect width="2" height="2"/></a>',
    );
    expect(activeContent(plain)).toBeUndefined();
  });
});
