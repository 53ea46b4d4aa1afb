/**
 * What an LMS catalogue shows of a package, from the model: the title (a module's
 * package names its program too, since a catalogue lists it apart from the others), a
 * description, the language, keywords from the topics and competences, and the typical
 * learning time from the effort data, as an ISO 8601 duration. The SCORM manifests write
 * it as LOM metadata: IMS Meta-data 1.2.1 in SCORM 1.2, IEEE LOM in SCORM 2004.
 */
import type { Curriculum, Module } from '../../model/types.ts';
import type { PackageScope } from '../package/outline.ts';
import { clip, oneLine, oneParagraph } from '../package/text.ts';

export interface CatalogueEntry {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly keywords: readonly string[];
  /** ISO 8601 duration (`PT2H30M`), when the effort is known. */
  readonly typicalLearningTime?: string;
}

/** LOM keeps descriptions short enough for a catalogue card; LOM's own limit is 2000 characters. */
const descriptionMax = 1000;

/** Hours as an ISO 8601 duration, to the minute: 1.5 → PT1H30M. */
export function isoHours(hours: number): string {
  const minutes = Math.round(hours * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ''}${m || !h ? `${m}M` : ''}`;
}

/** Keywords in order of first use, each once (compared without case). */
function keywordsOf(curriculum: Curriculum, modules: readonly Module[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const competence = new Map(curriculum.competences.map((c) => [c.id, c.title]));
  for (const m of modules) {
    for (const k of [...m.topics, ...m.competenceIds.map((id) => competence.get(id) ?? '')]) {
      const text = clip(k, 1000);
      if (!text || seen.has(text.toLowerCase())) continue;
      seen.add(text.toLowerCase());
      out.push(text);
    }
  }
  return out;
}

/** The typical learning time of a module (its workload) or of the program (its total effort, else its modules' workloads when all are known). */
function learningTime(curriculum: Curriculum, scope: PackageScope, modules: readonly Module[]): string | undefined {
  if (scope.kind === 'module') {
    const hours = modules[0]!.workload?.hours;
    return hours ? isoHours(hours) : undefined;
  }
  const total = curriculum.program.effort?.totalHours;
  if (total) return isoHours(total);
  const hours = modules.map((m) => m.workload?.hours);
  return hours.length && hours.every((h) => h !== undefined && h > 0) ? isoHours(hours.reduce((a, b) => a! + b!, 0)!) : undefined;
}

export function catalogueEntry(curriculum: Curriculum, scope: PackageScope, modules: readonly Module[]): CatalogueEntry {
  const p = curriculum.program;
  const module = scope.kind === 'module' ? modules[0]! : undefined;
  const title = module ? `${oneLine(module.title)} — ${oneLine(p.title)}` : oneLine(p.title);
  const description = module ? module.summary || oneParagraph(module.description) || module.title : p.summary || p.subtitle || p.title;
  const time = learningTime(curriculum, scope, modules);
  return {
    title,
    description: clip(description, descriptionMax),
    language: p.language,
    keywords: keywordsOf(curriculum, modules),
    ...(time ? { typicalLearningTime: time } : {}),
  };
}
