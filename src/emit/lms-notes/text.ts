/**
 * The import notes as a plain-text file, written from the same data the site renders
 * (`importNotes`). Plain text, because administrators read it next to the zips, in any
 * editor, and paste settings from it.
 */
import { messagesFor } from '../../i18n/index.ts';
import type { Curriculum } from '../../model/types.ts';
import { gradebookText } from './gradebook.ts';
import type { ImportNotes } from './notes.ts';

function heading(text: string, underline: '=' | '-' | '~'): string[] {
  return [text, underline.repeat(Math.max(3, Array.from(text).length))];
}

/** Renders the notes; `curriculum` supplies the language and the module titles. */
export function importNotesText(notes: ImportNotes, curriculum: Curriculum): string {
  const n = messagesFor(curriculum.program.language).lmsPackage.notes;
  const titleOf = new Map(curriculum.modules.map((m) => [m.id, m.title]));
  const modulesText = (ids: readonly string[]) => (ids.length === curriculum.modules.length ? n.allModules(ids.length) : n.someModules(ids.map((id) => titleOf.get(id) ?? id)));
  const lines: string[] = [...heading(n.title(notes.programTitle), '='), '', n.intro, ''];

  lines.push(...heading(n.packagesHeading, '-'), '');
  for (const p of notes.packages) {
    lines.push(`${p.formatName}`, `  ${n.programPackage}: ${p.programFile}`, `  ${n.modulePackages}:`);
    for (const m of p.moduleFiles) lines.push(`    ${m.file}`);
    lines.push('');
  }

  lines.push(...heading(n.rulesHeading, '-'), '');
  for (const rule of notes.rules) lines.push(`- ${n.ruleLine(modulesText(rule.moduleIds), rule.text)}`);
  lines.push('');
  for (const sentence of notes.howPackagesTrack) lines.push(sentence, '');

  for (const lms of notes.lms) {
    lines.push(...heading(n.lmsHeading(lms.name), '-'), '');
    for (const f of lms.formats) {
      lines.push(...heading(n.formatHeading(f.formatName, n.support[f.support]), '~'), f.summary, '');
      if (f.steps.length) {
        lines.push(`${n.steps}:`);
        f.steps.forEach((step, i) => lines.push(`  ${i + 1}. ${step}`));
        lines.push('');
      }
      if (f.settings.length === 0 && f.support !== 'unsupported') lines.push(n.noSettings, '');
      for (const group of f.settings) {
        lines.push(`${n.settingsFor(group.appliesTo)}:`);
        // The modules are named when the group is not the whole program.
        if (group.moduleIds.length < curriculum.modules.length) lines.push(`  ${n.modulesLine(modulesText(group.moduleIds))}`);
        for (const s of group.settings) lines.push(`  - ${n.settingLine(s.name, s.value)}`, `      ${s.why}`);
        lines.push('');
      }
      if (f.cautions.length) {
        lines.push(`${n.cautions}:`);
        for (const c of f.cautions) lines.push(`  ! ${c}`);
        lines.push('');
      }
    }
  }
  lines.push('', ...gradebookText(curriculum));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
