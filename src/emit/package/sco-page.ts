/**
 * The SCO / AU page of a module: one self-contained, accessible HTML page with the
 * module's description, outcomes, content and resources, and its assessment (drawn by
 * the runtime from JSON data in the page). The same page serves every format; only the
 * runtime script behind it differs.
 */
import { modulePassText } from '../../describe/policy.ts';
import { messagesFor } from '../../i18n/index.ts';
import type { Curriculum, Link, Module } from '../../model/types.ts';
import { escapeHtml, escapeHtmlAttribute, jsonForScript } from './html.ts';
import { withPackageFiles } from './files.ts';
import { fromScoPage, scriptPath, stylesheetPath } from './layout.ts';
import { blockHtml, contentHtml, inlineHtml } from './markdown.ts';
import { scoData } from './quiz-data.ts';


function section(id: string, heading: string, body: string): string {
  return `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(heading)}</h2>\n${body}\n</section>`;
}

function resourceItem(link: Link, newWindow: string, by: (who: string) => string): string {
  const about = [link.by ? by(link.by) : '', link.year ? String(link.year) : ''].filter(Boolean).join(', ');
  const description = link.description ? `\n${blockHtml(link.description)}` : '';
  // Only web and mail addresses become links; anything else (javascript:, data:) stays text.
  const title = /^(https?:|mailto:)/i.test(link.url)
    ? `<a href="${escapeHtmlAttribute(link.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(link.title)} <span class="sco-new-window">${escapeHtml(newWindow)}</span></a>`
    : escapeHtml(link.title);
  return `<li>${title}${about ? ` — ${escapeHtml(about)}` : ''}${description}</li>`;
}

/** Languages written right to left, by their primary subtag. */
const rightToLeft = new Set(['ar', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

function direction(language: string): 'ltr' | 'rtl' {
  return rightToLeft.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** The page of `module`, the same in every format's package. */
export function scoPage(curriculum: Curriculum, module: Module): string {
  const messages = messagesFor(curriculum.program.language);
  const m = messages.lmsPackage.page;
  const footnotes = { heading: messages.common.footnotes, backToReference: messages.common.backToReference };
  const program = curriculum.program;
  const phase = curriculum.schedule.phases.find((p) => p.id === module.phaseId);
  const kind = messages.common.moduleKinds[module.kind] ?? module.kind;
  // "Lecture 1 · Core Modules · core" says "core" twice: the kind is left out when the label or phase already names it.
  const named = [module.label, phase?.title].some((x) => x?.toLowerCase().includes(kind.toLowerCase()));
  const label = [module.label, phase?.title, named ? undefined : kind].filter((x): x is string => !!x);

  const parts: string[] = [];
  parts.push(`<h1 id="sco-title">${escapeHtml(module.title)}</h1>`);
  if (label.length) parts.push(`<p class="sco-label">${escapeHtml(label.join(' · '))}</p>`);
  parts.push('<div id="sco-status" role="status" aria-live="polite"></div>');
  if (module.summary) parts.push(`<p class="sco-summary-lead"><strong>${escapeHtml(module.summary)}</strong></p>`);
  parts.push(withPackageFiles(blockHtml(module.description, 2, footnotes), module.links?.description));
  if (module.presenters.length) {
    parts.push(`<p>${escapeHtml(m.presenters)}: ${module.presenters.map(escapeHtml).join('; ')}</p>`);
  }
  if (module.outcomes.length) {
    parts.push(section('sco-outcomes', m.outcomes, `<ul>\n${module.outcomes.map((o) => `<li>${inlineHtml(o)}</li>`).join('\n')}\n</ul>`));
  }
  if (module.content) parts.push(section('sco-content', m.content, withPackageFiles(contentHtml(module.content, 3, footnotes), module.links?.content)));
  if (module.resources.length) {
    const items = module.resources.map((r) => resourceItem(r, m.opensInNewWindow, m.by)).join('\n');
    parts.push(section('sco-resources', m.resources, `<ul>\n${items}\n</ul>`));
  }

  const rule = modulePassText(module, messages);
  if (module.assessment) {
    const a = module.assessment;
    const body = [
      `<p><strong>${escapeHtml(m.passRule)}:</strong> ${escapeHtml(rule)}</p>`,
      a.description ? blockHtml(a.description, 3, footnotes) : '',
      '<div id="sco-quiz"></div>',
      `<noscript><p class="sco-error">${escapeHtml(m.noScript)}</p></noscript>`,
    ].filter(Boolean);
    parts.push(`<section id="assessment" aria-labelledby="sco-assessment-title">\n<h2 id="sco-assessment-title">${escapeHtml(a.title)}</h2>\n${body.join('\n')}\n</section>`);
  } else {
    parts.push(section('sco-completion', m.completionRule, `<p>${escapeHtml(rule)}</p>`));
  }
  parts.push('<div id="sco-exit"></div>');
  parts.push(`<p id="sco-end" class="sco-end">${escapeHtml(m.endOfModule)}</p>`);

  const skip = module.assessment ? `<a class="sco-skip" href="#assessment">${escapeHtml(m.skipToAssessment)}</a>\n` : '';
  const data = jsonForScript(scoData(curriculum, module, messages));
  return `<!DOCTYPE html>
<html lang="${escapeHtmlAttribute(program.language)}" dir="${direction(program.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${module.title} — ${program.shortTitle}`)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${fromScoPage(stylesheetPath)}">
</head>
<body>
${skip}<header class="sco-program"><p class="sco-label">${escapeHtml(program.title)}</p></header>
<main id="main">
${parts.join('\n')}
</main>
<script type="application/json" id="sco-data">${data}</script>
<script src="${fromScoPage(scriptPath)}"></script>
</body>
</html>
`;
}
