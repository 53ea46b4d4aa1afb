import type { Messages } from '../messages.ts';
import { count, plural } from './common.ts';

/**
 * The kinds of `common` as they read after a plural noun ("tous les modules avancés",
 * "tous les travaux pratiques"): the policy receives the singular word, and French
 * agrees it in number (and the article in gender).
 */
const moduleKindsPlural: Record<string, string> = {
  'module fondamental': 'tous les modules fondamentaux',
  'module avancé': 'tous les modules avancés',
  'module optionnel': 'tous les modules optionnels',
  cours: 'tous les cours',
  module: 'tous les modules',
};
const assignmentKindsPlural: Record<string, { readonly plural: string; readonly feminine: boolean }> = {
  'travail pratique': { plural: 'travaux pratiques', feminine: false },
  projet: { plural: 'projets', feminine: false },
  rédaction: { plural: 'rédactions', feminine: true },
  'travail à rendre': { plural: 'travaux à rendre', feminine: false },
  questionnaire: { plural: 'questionnaires', feminine: false },
  'plan d’action': { plural: 'plans d’action', feminine: false },
  présentation: { plural: 'présentations', feminine: true },
  devoir: { plural: 'devoirs', feminine: false },
};
const sessionKindsPlural: Record<string, { readonly plural: string; readonly feminine: boolean }> = {
  'séance d’accueil': { plural: 'séances d’accueil', feminine: true },
  'cours magistral': { plural: 'cours magistraux', feminine: false },
  séminaire: { plural: 'séminaires', feminine: false },
  atelier: { plural: 'ateliers', feminine: false },
  webinaire: { plural: 'webinaires', feminine: false },
  discussion: { plural: 'discussions', feminine: true },
  examen: { plural: 'examens', feminine: false },
  'séance en direct': { plural: 'séances en direct', feminine: true },
};

/** "tous les modules avancés"; a kind not in the list (a program's own word) is quoted instead. */
const modulesOfKind = (kind: string): string => moduleKindsPlural[kind] ?? `tous les modules de type « ${kind} »`;
const allOfKind = (table: typeof sessionKindsPlural, kind: string, fallback: string): string => {
  const k = table[kind];
  return k ? `${k.feminine ? 'toutes les' : 'tous les'} ${k.plural}` : `${fallback} de type « ${kind} »`;
};

/** How the completion policy is written out, in French. */
export const policy: Messages['policy'] = {
  allOf: 'Toutes les conditions suivantes :',
  anyOf: 'Au moins l’une des conditions suivantes :',
  atLeastOf: (n: number) => `Au moins ${n} des conditions suivantes :`,
  passEveryModule: (n: number) => `Réussir tous les modules (${n})`,
  passModules: (n: number) => (n === 1 ? 'Réussir ce module' : `Réussir chacun de ces ${n} modules`),
  passModulesOfKind: (kind: string, n: number) => `Réussir ${modulesOfKind(kind)} (${n})`,
  passAtLeastModules: (n: number, of: number) => `Réussir au moins ${n} de ces ${of} modules`,
  completeEveryAssignment: (n: number) => `Rendre tous les travaux obligatoires (${n})`,
  completeAssignments: (n: number) => (n === 1 ? 'Rendre ce travail' : `Rendre chacun de ces ${n} travaux`),
  completeAssignmentsOfKind: (kind: string, n: number) => `Rendre ${allOfKind(assignmentKindsPlural, kind, 'tous les travaux')} (${n})`,
  completeAtLeastAssignments: (n: number, of: number) => `Rendre au moins ${n} de ces ${of} travaux`,
  attendEverySession: (n: number) => `Assister à toutes les séances en direct (${n})`,
  attendSessions: (n: number) => (n === 1 ? 'Assister à cette séance en direct' : `Assister à chacune de ces ${n} séances en direct`),
  attendSessionsOfKind: (kind: string, n: number) => `Assister à ${allOfKind(sessionKindsPlural, kind, 'toutes les séances')} (${n})`,
  attendAtLeastSessions: (n: number, of: number) => `Assister à au moins ${n} de ces ${of} séances en direct`,
  earnCertificate: (title: string) => `Obtenir « ${title} »`,
  earnGrade: (grade: string) => `Obtenir une note finale d’au moins ${grade}`,
  earnTotal: (min: number, scale: 'percent' | 'points') => `Atteindre un total final d’au moins ${scale === 'percent' ? `${min} %` : count(min, 'point', 'points')}`,
  passModule: (title: string) => `Réussir « ${title} »`,
  completeModule: (title: string) => `Terminer « ${title} »`,
  completeAssignment: (title: string) => `Rendre « ${title} »`,
  attendSession: (title: string) => `Assister à « ${title} »`,
  attendSeries: (title: string, n: number) => `Assister à toutes les séances de « ${title} » (${n})`,
  passRule: (minScore: number) => `obtenir au moins ${minScore} %`,
  attempts: (n: number) => (n === 1 ? 'en une seule tentative' : `en ${n} tentatives au plus`),
  retriesAllowed: 'tentatives illimitées',
  viewToComplete: 'il suffit d’en parcourir le contenu',
  gradedElsewhere: 'noté en dehors de ce site',
  chooseOptions: (select: number, from: number) => `choisir ${select} ${plural(select, 'option', 'options')} sur ${from}`,
};
