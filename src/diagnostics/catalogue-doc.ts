import { catalogue } from './catalogue.ts';

/** The public reference of every diagnostic code, written from the catalogue (docs/diagnostics.md). */
export function renderCatalogueDoc(): string {
  const lines = [
    '# Diagnostics',
    '',
    'Every problem the compiler reports has a permanent code. This reference is generated from',
    '`src/diagnostics/catalogue.ts` (`npm run docs`); `curriculum explain <code>` prints the same text.',
    '',
    '| code | severity | what |',
    '| --- | --- | --- |',
    ...Object.entries(catalogue).map(([code, e]) => `| [\`${code}\`](#${code}) | ${e.severity} | ${e.title} |`),
    '',
  ];
  for (const [code, e] of Object.entries(catalogue)) {
    lines.push(`## ${code}`, '', `**${e.severity}**: ${e.title}`, '', `**Why:** ${e.why}`, '', `**What to do:** ${e.fix}`, '');
  }
  return lines.join('\n');
}
