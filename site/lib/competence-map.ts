/**
 * Which modules build which competence, as a picture: modules on the left in study
 * order, competences on the right ordered by the first module that develops them (so
 * that lines cross as little as possible), a line for each link. Geometry only;
 * CompetenceMap.astro draws it. Beyond `maxRows` rows a map is no longer readable and
 * the page relies on its table and lists instead.
 */
import type { Curriculum } from '../../src/site-api.ts';
import { fit } from './timeline.ts';

export interface MapNode {
  readonly id: string;
  readonly y: number;
  readonly label: string;
  readonly title: string;
}

export interface MapLink {
  readonly from: number;
  readonly to: number;
  readonly title: string;
}

export interface CompetenceMapModel {
  readonly width: number;
  readonly height: number;
  readonly columns: { readonly moduleRight: number; readonly competenceLeft: number };
  readonly modules: readonly MapNode[];
  readonly competences: readonly MapNode[];
  readonly links: readonly MapLink[];
}

export const maxMapRows = 60;
const width = 960;
const rowHeight = 28;
/** Room for the two column headings. */
const top = 40;
const labelWidth = 380;
const moduleRight = labelWidth;
const competenceLeft = width - labelWidth;

export function competenceMapOf(curriculum: Curriculum, linkTitle: (module: string, competence: string) => string): CompetenceMapModel | undefined {
  const modules = curriculum.modules.filter((m) => m.competenceIds.length > 0);
  const firstUse = new Map<string, number>();
  modules.forEach((m, i) => m.competenceIds.forEach((c) => firstUse.has(c) || firstUse.set(c, i)));
  const competences = [...curriculum.competences].sort(
    (a, b) => (firstUse.get(a.id) ?? Infinity) - (firstUse.get(b.id) ?? Infinity) || curriculum.competences.indexOf(a) - curriculum.competences.indexOf(b),
  );
  const rows = Math.max(modules.length, competences.length);
  if (rows === 0 || rows > maxMapRows) return undefined;

  // The shorter column is centred against the longer one.
  const offset = (count: number) => top + ((rows - count) * rowHeight) / 2;
  const moduleNodes = modules.map((m, i) => ({ id: m.id, y: offset(modules.length) + i * rowHeight + rowHeight / 2, label: fit(m.shortTitle, labelWidth - 12), title: m.title }));
  const competenceNodes = competences.map((c, i) => ({ id: c.id, y: offset(competences.length) + i * rowHeight + rowHeight / 2, label: fit(c.title, labelWidth - 12), title: c.title }));
  const yOfCompetence = new Map(competenceNodes.map((n) => [n.id, n.y]));
  const links = modules.flatMap((m, i) =>
    m.competenceIds.flatMap((c) => {
      const to = yOfCompetence.get(c);
      const competence = competences.find((x) => x.id === c);
      return to === undefined || !competence ? [] : [{ from: moduleNodes[i]!.y, to, title: linkTitle(m.title, competence.title) }];
    }),
  );
  return { width, height: top + 16 + rows * rowHeight, columns: { moduleRight, competenceLeft }, modules: moduleNodes, competences: competenceNodes, links };
}
