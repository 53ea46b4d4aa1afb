/**
 * A printable certificate for a learner: one A4 landscape page of HTML, self-contained (the
 * badge drawn inline, no font or image fetched), which a browser prints to PDF as it is.
 * The signed credential is the proof; this page says where it is and how to check it.
 */
import { badgeSvg, issuingOrganizers } from '../emit/achievements/index.ts';
import { messagesFor } from '../i18n/index.ts';
import type { Curriculum } from '../model/types.ts';

export interface PrintableInput {
  /** The name to print: the learner's name, else their id. */
  readonly learner: string;
  /** The credential it goes with, and the file it was written to. */
  readonly credential: Record<string, unknown>;
  readonly credentialFile: string;
}

export function certificateHtml(curriculum: Curriculum, input: PrintableInput): string {
  const m = messagesFor(curriculum.program.language);
  const p = m.credentials.print;
  const program = curriculum.program;
  const title = curriculum.policy.certificate.title;
  const validFrom = String(input.credential.validFrom ?? '');
  const issuerId = String((input.credential.issuer as { id?: unknown } | undefined)?.id ?? '');
  const issuers = issuingOrganizers(curriculum).map((o) => o.name);
  const list = new Intl.ListFormat(program.language, { type: 'conjunction' }).format(issuers);
  const date = (iso: string) => new Intl.DateTimeFormat(program.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
  const svg = badgeSvg(title, program.shortTitle, curriculum.site.accent).trim().replace('<svg ', '<svg class="badge" ');
  return `<!doctype html>
<html lang="${escapeHtml(program.language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${title} — ${input.learner}`)}</title>
<style>
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; }
.page { width: 297mm; height: 210mm; padding: 16mm 20mm; border: 3mm solid ${escapeHtml(curriculum.site.accent)}; display: flex; flex-direction: column; align-items: center; text-align: center; overflow: hidden; }
.badge { width: 38mm; height: 38mm; }
h1 { font-size: 26pt; margin: 5mm 0 3mm; }
.learner { font-size: 24pt; font-weight: bold; margin: 3mm 0; overflow-wrap: anywhere; }
.program { font-size: 15pt; margin: 2mm 0; }
.meta { font-size: 11pt; margin: 1mm 0; }
.verify { margin-top: auto; font-family: system-ui, sans-serif; font-size: 8pt; color: #444; text-align: left; width: 100%; overflow-wrap: anywhere; }
.verify h2 { font-size: 9pt; margin: 0 0 1mm; }
.verify p { margin: 0.5mm 0; }
</style>
</head>
<body>
<main class="page">
${svg}
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(p.certifies)}</p>
<p class="learner">${escapeHtml(input.learner)}</p>
<p class="meta">${escapeHtml(p.completed)}</p>
<p class="program">${escapeHtml(program.title)}</p>
<p class="meta">${escapeHtml(p.dates(date(program.dates.start), date(program.dates.end)))}</p>
<p class="meta">${escapeHtml(p.issuedBy(list))} ${escapeHtml(validFrom ? p.issuedOn(date(validFrom)) : '')}</p>
<section class="verify">
<h2>${escapeHtml(p.verifyHeading)}</h2>
<p>${escapeHtml(p.verify(input.credentialFile))}</p>
<p>${escapeHtml(p.credentialId)}: ${escapeHtml(String(input.credential.id ?? ''))}</p>
<p>${escapeHtml(p.issuerId)}: ${escapeHtml(issuerId)}</p>
</section>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
