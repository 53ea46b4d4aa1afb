/**
 * Everything a program page needs to look things up, built once per program and data
 * load: lookups by id, the program's strings and formatter, its links and downloads.
 * A module page then costs the same whether the program has 20 modules or 10 000.
 */
import { absoluteUrl, type Assignment, type Competence, type CompetenceArea, type Curriculum, type Deadline, type LiveSession, type Messages, messagesFor, type Module, type Organizer, type Period, type Phase, type SiteProgram, type Week } from '../../src/site-api.ts';
import { formatterFor, type Formatter } from './format.ts';
import { downloadsOf, programLinks, withBase, type Downloads, type ProgramLinks } from './links.ts';

export interface ProgramContext {
  readonly curriculum: Curriculum;
  readonly id: string;
  readonly messages: Messages;
  readonly t: Messages['site'];
  readonly fmt: Formatter;
  /** What the program calls its modules ("Lectures" when every module is a lecture), for the navigation and headings. */
  readonly unitsTitle: string;
  readonly unitsIntro: string;
  readonly unitsCount: string;
  readonly links: ProgramLinks;
  /** A site path (from `pagePaths`) as an absolute URL, for links that leave the site (calendar apps); none without the site's URL. */
  absolute(sitePath: string): string | undefined;
  readonly downloads: Downloads;
  /** The accent colour; the compiler has checked it against white. */
  readonly accent: string;
  readonly logo?: { readonly src: string; readonly alt: string };
  readonly modules: ReadonlyMap<string, Module>;
  readonly moduleNumbers: ReadonlyMap<string, number>;
  readonly competences: ReadonlyMap<string, Competence>;
  readonly areas: ReadonlyMap<string, CompetenceArea>;
  readonly assignments: ReadonlyMap<string, Assignment>;
  readonly sessions: ReadonlyMap<string, LiveSession>;
  readonly deadlines: ReadonlyMap<string, Deadline>;
  readonly phases: ReadonlyMap<string, Phase>;
  readonly periods: ReadonlyMap<string, Period>;
  /** Week number → the schedule entry that covers it (one entry may cover weeks 13–16). */
  readonly weeks: ReadonlyMap<number, Week>;
  readonly organizers: ReadonlyMap<string, Organizer>;
  /** Question bank id → number of questions. */
  readonly bankSizes: ReadonlyMap<string, number>;
}

const fallbackAccent = '#1f5fa8';

/** A program whose modules are all of one kind with a name of its own ("lecture") speaks of them by that name. */
function unitsTerm(curriculum: Curriculum, messages: Messages): { unitsTitle: string; unitsIntro: string; unitsCount: string } {
  const t = messages.site.modules;
  const f = messages.site.facts;
  const kinds = new Set(curriculum.modules.map((m) => m.kind));
  const kind = kinds.size === 1 ? [...kinds][0]! : undefined;
  const title = kind === undefined ? undefined : t.titleOfKind[kind];
  const intro = kind === undefined ? undefined : t.introOfKind[kind];
  const count = kind === undefined ? undefined : f.moduleCountOfKind[kind];
  const n = curriculum.modules.length;
  return title && intro && count
    ? { unitsTitle: title, unitsIntro: intro(n), unitsCount: count(n) }
    : { unitsTitle: t.title, unitsIntro: t.intro(n), unitsCount: f.moduleCount(n) };
}

export function programContext(entry: SiteProgram, siteUrl: string | undefined, base: string): ProgramContext {
  const curriculum = entry.curriculum;
  const messages = messagesFor(curriculum.program.language);
  const byId = <T extends { readonly id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
  const accent = /^#[0-9a-fA-F]{6}$/.test(curriculum.site.accent) ? curriculum.site.accent : fallbackAccent;
  return {
    curriculum,
    id: curriculum.program.id,
    messages,
    t: messages.site,
    fmt: formatterFor(curriculum.program.language, messages.site.hourCycle),
    ...unitsTerm(curriculum, messages),
    links: programLinks(base, curriculum.program.id),
    absolute: (sitePath) => (siteUrl === undefined ? undefined : absoluteUrl(siteUrl, sitePath)),
    downloads: downloadsOf(curriculum.program.id, entry.downloads, base, siteUrl),
    accent,
    ...(entry.logo ? { logo: { src: withBase(base, `/${entry.logo.path}`), alt: entry.logo.alt } } : {}),
    modules: byId(curriculum.modules),
    moduleNumbers: new Map(curriculum.modules.map((m, i) => [m.id, i + 1])),
    competences: byId(curriculum.competences),
    areas: byId(curriculum.competenceAreas),
    assignments: byId(curriculum.assignments),
    sessions: byId(curriculum.schedule.sessions),
    deadlines: byId(curriculum.schedule.deadlines),
    phases: byId(curriculum.schedule.phases),
    periods: byId(curriculum.schedule.periods),
    weeks: new Map(curriculum.schedule.weeks.flatMap((w) => Array.from({ length: w.last - w.first + 1 }, (_, i) => [w.first + i, w] as const))),
    organizers: byId(curriculum.program.organizers),
    bankSizes: new Map(curriculum.questionBanks.map((b) => [b.id, b.questions.length])),
  };
}

/** "Lecture 1: What is a Caring City?" when the module has a label. */
export function moduleHeading(module: Module): string {
  return module.label ? `${module.label}: ${module.title}` : module.title;
}
