/**
 * The program's certificate and benefits as Open Badges 3.0 Achievements: what a verifier
 * shows about a credential issued for them (`curriculum credentials issue` embeds the same
 * objects). Each achievement's id is under the program's namespace, never the site's host,
 * so that credentials already issued keep naming the same achievement wherever the site
 * moves; the file is where it is published.
 *
 * Shapes follow the Open Badges 3.0 data model (1EdTech, https://www.imsglobal.org/spec/ob/v3p0/,
 * B.1.1 Achievement, B.1.2 Alignment, B.1.6 Criteria, B.1.8 Image, B.1.10 Profile), checked
 * against 1EdTech's JSON Schema in the tests.
 */
import { outputPaths, pagePaths, absoluteUrl } from '../../addresses/index.ts';
import { describeRequirement, type ChecklistItem } from '../../describe/policy.ts';
import { messagesFor, type Messages } from '../../i18n/index.ts';
import { markdownToText } from '../../markdown/index.ts';
import { identifiers } from '../../model/identity.ts';
import type { Curriculum, Organizer, Requirement } from '../../model/types.ts';
import { contrastRatio } from '../../util/contrast.ts';
import type { EmitContext, OutputFile } from '../types.ts';

/** The W3C Verifiable Credentials 2.0 context, then the Open Badges 3.0 one (OB 3.0 §8.1.1). */
export const openBadgesContexts = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;

export interface ObImage {
  readonly id: string;
  readonly type: 'Image';
  readonly caption?: string;
}

export interface ObProfile {
  readonly id: string;
  readonly type: readonly ['Profile'];
  readonly name: string;
  readonly url?: string;
  readonly email?: string;
}

export interface ObAlignment {
  readonly type: readonly ['Alignment'];
  readonly targetName: string;
  readonly targetDescription?: string;
  readonly targetFramework: string;
  readonly targetCode: string;
  readonly targetType: 'ceasn:Competency';
  readonly targetUrl: string;
}

export interface ObAchievement {
  readonly id: string;
  readonly type: readonly ['Achievement'];
  readonly achievementType: 'CertificateOfCompletion' | 'Award';
  readonly name: string;
  readonly description: string;
  readonly criteria: { readonly id?: string; readonly narrative: string };
  readonly image: ObImage;
  readonly creator?: ObProfile;
  readonly alignment?: readonly ObAlignment[];
}

/** One achievement of a program: what it is for, where it is published, and the object itself. */
export interface ProgramAchievement {
  /** `certificate`, or `benefits/<id>`: the file name under the program's `achievements/`. */
  readonly key: string;
  /** The benefit it stands for; absent for the certificate. */
  readonly benefitId?: string;
  readonly path: string;
  readonly imagePath: string;
  readonly achievement: ObAchievement;
  readonly svg: string;
}

/** The certificate's achievement first, then one per benefit, in the policy's order. */
export function programAchievements(curriculum: Curriculum, siteUrl?: string): ProgramAchievement[] {
  const messages = messagesFor(curriculum.program.language);
  const policy = curriculum.policy;
  const program = curriculum.program;
  const issuers = issuingOrganizers(curriculum);
  const criteriaPage = siteUrl !== undefined ? absoluteUrl(siteUrl, pagePaths.completion(program.id)) : undefined;
  const entries: { key: string; segments: string[]; benefitId?: string; title: string; description: string; requires: Requirement; type: ObAchievement['achievementType'] }[] = [
    {
      key: 'certificate',
      segments: ['certificate'],
      title: policy.certificate.title,
      description: [messages.credentials.certificateDescription(policy.certificate.title, program.title, joinNames(issuers.map((o) => o.name), program.language)), policy.certificate.brings ? markdownToText(policy.certificate.brings) : '']
        .filter((s) => s.length > 0)
        .join(' '),
      requires: policy.certificate.requires,
      type: 'CertificateOfCompletion',
    },
    ...policy.benefits.map((b) => ({
      key: `benefits/${b.id}`,
      segments: ['benefits', b.id],
      benefitId: b.id,
      title: b.title,
      description: b.description ? markdownToText(b.description) : messages.credentials.benefitDescription(b.title, program.title),
      requires: b.requires,
      type: 'Award' as const,
    })),
  ];
  return entries.map((e) => {
    const svg = badgeSvg(e.title, program.shortTitle, curriculum.site.accent);
    const alignment = alignments(curriculum, e.requires);
    const creator = issuers[0] ? profileOf(curriculum, issuers[0]) : undefined;
    const achievement: ObAchievement = {
      id: identifiers.achievement(curriculum, ...e.segments),
      type: ['Achievement'],
      achievementType: e.type,
      name: e.title,
      description: e.description,
      criteria: { ...(criteriaPage ? { id: criteriaPage } : {}), narrative: criteriaNarrative(describeRequirement(e.requires, curriculum, messages), messages) },
      image: { id: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`, type: 'Image', caption: messages.credentials.imageCaption(e.title, program.title) },
      ...(creator ? { creator } : {}),
      ...(alignment.length > 0 ? { alignment } : {}),
    };
    return {
      key: e.key,
      ...(e.benefitId ? { benefitId: e.benefitId } : {}),
      path: outputPaths.achievement(program.id, e.key),
      imagePath: outputPaths.achievementImage(program.id, e.key),
      achievement,
      svg,
    };
  });
}

/** The organizers that issue the certificate, in the policy's order; the program's organizers when it names none. */
export function issuingOrganizers(curriculum: Curriculum): Organizer[] {
  const byId = new Map(curriculum.program.organizers.map((o) => [o.id, o]));
  const named = curriculum.policy.certificate.issuerIds.map((id) => byId.get(id)).filter((o): o is Organizer => o !== undefined);
  return named.length > 0 ? named : [...curriculum.program.organizers];
}

/** An organizer as an Open Badges profile, with an id under the program's namespace. */
export function profileOf(curriculum: Curriculum, organizer: Organizer): ObProfile {
  return {
    id: identifiers.organizer(curriculum, organizer.id),
    type: ['Profile'],
    name: organizer.name,
    ...(organizer.url ? { url: organizer.url } : {}),
    ...(organizer.email ? { email: organizer.email } : {}),
  };
}

/** Each achievement as a JSON-LD document of its own, and its image. */
export function emitAchievements(curriculum: Curriculum, context: Pick<EmitContext, 'catalog'>): OutputFile[] {
  return programAchievements(curriculum, context.catalog.url).flatMap((a) => [
    { path: a.path, contents: `${JSON.stringify({ '@context': openBadgesContexts, ...a.achievement }, null, 2)}\n` },
    { path: a.imagePath, contents: a.svg },
  ]);
}

/**
 * The competences an achievement stands for: those developed by the modules and
 * assignments its requirement names (the certificate's when it asks for the certificate);
 * every competence of the program when the requirement names none that develop any.
 */
function alignments(curriculum: Curriculum, requires: Requirement): ObAlignment[] {
  const modules = new Set<string>();
  const assignments = new Set<string>();
  const walk = (r: Requirement): void => {
    if (r.type === 'group') r.of.forEach(walk);
    else if (r.type === 'certificate') {
      curriculum.policy.certificate.requiredItems.modules.forEach((m) => modules.add(m));
      curriculum.policy.certificate.requiredItems.assignments.forEach((a) => assignments.add(a));
    } else if (r.type === 'grade' || r.type === 'total') {
      // A final grade is earned over the program's graded work as a whole.
      curriculum.modules.forEach((m) => modules.add(m.id));
      curriculum.assignments.forEach((a) => assignments.add(a.id));
    } else if (r.category === 'module') r.ids.forEach((m) => modules.add(m));
    else if (r.category === 'assignment') r.ids.forEach((a) => assignments.add(a));
  };
  walk(requires);
  const developed = curriculum.competences.filter((c) => c.moduleIds.some((m) => modules.has(m)) || c.assignmentIds.some((a) => assignments.has(a)));
  const chosen = developed.length > 0 ? developed : curriculum.competences;
  const framework = curriculum.framework?.title ?? curriculum.program.title;
  return chosen.map((c) => {
    const description = markdownToText(c.description);
    return {
      type: ['Alignment'],
      targetName: c.title,
      ...(description ? { targetDescription: description } : {}),
      targetFramework: framework,
      targetCode: c.id,
      targetType: 'ceasn:Competency',
      // ESCO's URI is the official description of the skill (OB 3.0 B.1.2: "URL linking to
      // the official description of the alignment target"); a program's own competence
      // has no page of its own that outlives a move of the site, so its identifier stands in.
      targetUrl: c.esco ?? identifiers.competence(curriculum, c.id),
    };
  });
}

/** The requirement as a Markdown list, in the completion page's words. */
function criteriaNarrative(item: ChecklistItem, messages: Messages): string {
  const lines: string[] = [];
  const add = (i: ChecklistItem, depth: number) => {
    lines.push(`${'  '.repeat(depth)}- ${escapeMarkdown(i.text)}${i.detail ? ` (${escapeMarkdown(i.detail)})` : ''}`);
    i.children.forEach((c) => add(c, depth + 1));
  };
  add(item, 0);
  return `${messages.credentials.criteriaIntro}\n\n${lines.join('\n')}\n`;
}

/** Titles are plain text: characters Markdown would read as markup are escaped (CommonMark §2.4). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|!]/g, (c) => `\\${c}`);
}

/** "A, B and C" in the program's language: Intl knows each language's list words and commas. */
function joinNames(names: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
}

/**
 * A round badge in the program's accent colour with the achievement's title and the
 * program's short title: made from the model alone, so the same sources give the same bytes.
 */
export function badgeSvg(title: string, programShortTitle: string, accent: string): string {
  const ink = contrastRatio('#ffffff', accent) >= contrastRatio('#1a1a1a', accent) ? '#ffffff' : '#1a1a1a';
  const wrapped = wrap(title, 14);
  // Four lines fit the circle; a longer title says that it goes on.
  const lines = wrapped.length > 4 ? [...wrapped.slice(0, 3), `${wrapped[3]}…`] : wrapped;
  const lineHeight = 34;
  const top = 200 - ((lines.length - 1) * lineHeight) / 2;
  const titleText = lines.map((l, i) => `<tspan x="200" y="${top + i * lineHeight}">${escapeXml(l)}</tspan>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${escapeXml(`${title} — ${programShortTitle}`)}">` +
    `<circle cx="200" cy="200" r="190" fill="${escapeXml(accent)}"/>` +
    `<circle cx="200" cy="200" r="172" fill="none" stroke="${ink}" stroke-width="4" stroke-opacity="0.6"/>` +
    `<text font-family="system-ui, sans-serif" font-size="30" font-weight="700" text-anchor="middle" fill="${ink}">${titleText}</text>` +
    `<text x="200" y="${top + lines.length * lineHeight + 20}" font-family="system-ui, sans-serif" font-size="20" text-anchor="middle" fill="${ink}">${escapeXml(truncate(programShortTitle, 24))}</text>` +
    `</svg>\n`
  );
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => truncate(l, width + 6));
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
