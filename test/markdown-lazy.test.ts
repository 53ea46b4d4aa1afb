/**
 * The Markdown libraries load when a text must be parsed, not when the compiler loads
 * (src/markdown/libraries.ts): a rebuild whose texts are in the memos, or plain, loads
 * none of their 250 modules. Run in a process of its own, which counts the modules Node
 * loads from the libraries' packages: Vitest's own module graph would hide a static import.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/samples.ts';

const script = `
  import { registerHooks } from 'node:module';
  const loaded = new Set();
  registerHooks({
    load(url, context, next) {
      const m = /node_modules\\/(unified|remark-[a-z]+|rehype-[a-z]+|micromark)\\//.exec(url);
      if (m) loaded.add(m[1]);
      return next(url, context);
    },
  });
  // The whole compiler, as the CLI and the packages' worker load it.
  await import('./src/build.ts');
  await import('./src/emit/background.ts');
  const { markdownToHtml, markdownToInlineHtml, markdownToText } = await import('./src/markdown/index.ts');
  const { markdownLinks } = await import('./src/markdown/links.ts');
  const plain = [
    markdownToHtml('A paragraph of plain words.'),
    markdownToInlineHtml('A title'),
    markdownToText('A description without markup.'),
    JSON.stringify(markdownLinks('No link in this text.')),
  ];
  const before = [...loaded];
  // A table: no shortcut of index.ts renders one.
  const parsed = markdownToHtml('| A | B |\\n| - | - |\\n| 1 | 2 |');
  console.log(JSON.stringify({ plain, before, after: [...loaded].sort(), parsed }));
`;

describe('the Markdown libraries', () => {
  it('are not loaded with the compiler nor for plain text, and are loaded by the first text that needs the parser', () => {
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    const result = JSON.parse(stdout) as { plain: string[]; before: string[]; after: string[]; parsed: string };
    expect(result.before).toEqual([]);
    expect(result.plain).toEqual(['<p>A paragraph of plain words.</p>', 'A title', 'A description without markup.', '[]']);
    expect(result.after).toEqual(expect.arrayContaining(['unified', 'remark-parse', 'rehype-sanitize', 'micromark']));
    expect(result.parsed).toBe('<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>');
  });
});
