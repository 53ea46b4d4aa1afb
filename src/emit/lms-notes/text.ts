/**
 * The import notes as a plain-text file, written from the same data the site renders
 * (`importNotes`). Plain text, because administrators read it next to the zips, in any
 * editor, and paste settings from it.
 */
import { messagesFor } from '../../i18n/index.ts';
import type { Curriculum } from '../../model/types.ts';
import { gradebookText } from './gradebook.ts';
import type { ImportNotes } from './notes.ts';
import { heading } from './plain-text.ts';

/** Renders the notes; `curriculum` supplies the language and the module titles. */
export function importNotesText(notes: ImportNotes, curriculum: Curriculum): string {
  const messages = messagesFor(curriculum.program.language);
  const n = messages.lmsPackage.notes;
  // A label before its value or list, in the language's typography (French: "Étapes :").
  const colon = messages.site.colon;
  const label = (text: string) => `${text}${colon.trimEnd()}`;
  const titleOf = new Map(curriculum.modules.map((m) => [m.id, m.title]));
  const modulesText = (ids: readonly string[]) => (ids.length === curriculum.modules.length ? n.allModules(ids.length) : n.someModules(ids.map((id) => titleOf.get(id) ?? id)));
  const lines: string[] = [...heading(n.title(notes.programTitle), '='), '', n.intro, ''];

  lines.push(...heading(n.packagesHeading, '-'), '');
  for (const p of notes.packages) {
    lines.push(`${p.formatName}`, `  ${n.programPackage}${colon}${p.programFile}`, `  ${label(n.modulePackages)}`);
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
        lines.push(label(n.steps));
        f.steps.forEach((step, i) => lines.push(`  ${i + 1}. ${step}`));
        lines.push('');
      }
      if (f.settings.length === 0 && f.support !== 'unsupported') lines.push(n.noSettings, '');
      for (const group of f.settings) {
        lines.push(label(n.settingsFor(group.appliesTo)));
        // The modules are named when the group is not the whole program.
        if (group.moduleIds.length < curriculum.modules.length) lines.push(`  ${n.modulesLine(modulesText(group.moduleIds))}`);
        for (const s of group.settings) lines.push(`  - ${n.settingLine(s.name, s.value)}`, `      ${s.why}`);
        lines.push('');
      }
      if (f.cautions.length) {
        lines.push(label(n.cautions));
        for (const c of f.cautions) lines.push(`  ! ${c}`);
        lines.push('');
      }
    }
  }
  lines.push('', ...gradebookText(curriculum));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
