/** Calendar (ICS) strings, in French: every word a learner reads in a calendar app. */
import type { Messages } from '../messages.ts';
import { listWith } from './common.ts';

const monthNames = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2023-07-21` → `21 juillet 2023`, `2023-07-01` → `1er juillet 2023` (French writes the first of the month as an ordinal). */
const date = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d === 1 ? '1er' : d} ${monthNames[m - 1]} ${y}`;
};

/** French weekday names take no capital inside a sentence. */
const dayNames: Record<string, string> = {
  monday: 'lundi',
  tuesday: 'mardi',
  wednesday: 'mercredi',
  thursday: 'jeudi',
  friday: 'vendredi',
  saturday: 'samedi',
  sunday: 'dimanche',
};
const dayName = (day: string): string => dayNames[day] ?? day;
const listAnd = listWith('et');
const listOr = listWith('ou');

const weeks = (first: number, last: number): string => (first === last ? `Semaine ${first}` : `Semaines ${first} à ${last}`);

/**
 * "À rendre" is said once: source titles that already say it are kept as they are. Letter
 * classes, not \b, which counts « à » and « é » as non-word characters.
 */
const saysDue = (title: string): boolean => /(^|\P{L})(à rendre|échéance|date limite|due)(\P{L}|$)/iu.test(title);

export const calendar: Messages['calendar'] = {
  date,

  programCalendar: (program: string) => program,
  phaseCalendar: (program: string, phase: string) => `${program} : ${phase}`,

  summary: {
    session: (title: string) => title,
    exam: (title: string) => title,
    module: (title: string, label?: string) => (label ? `${label} : ${title}` : `Module : ${title}`),
    assignment: (title: string) => `Travail : ${title}`,
    deadline: (title: string) => (saysDue(title) ? title : `À rendre : ${title}`),
    implicitDeadline: (title: string) => `À rendre avant la fin du programme : ${title}`,
    week: (first: number, last: number, title?: string) => `${weeks(first, last)}${title ? ` : ${title}` : ''}`,
    period: (title: string) => title,
    break: (title: string) => title,
  },

  category: {
    session: 'Séance en direct',
    exam: 'Examen',
    module: 'Module',
    assignment: 'Travail',
    deadline: 'Échéance',
    week: 'Semaine',
    period: 'Période',
    break: 'Pause',
  },
  sessionKind: {
    orientation: 'Séance d’accueil',
    lecture: 'Cours magistral',
    seminar: 'Séminaire',
    workshop: 'Atelier',
    webinar: 'Webinaire',
    discussion: 'Discussion',
    exam: 'Examen',
    other: 'Autre',
  } as Record<string, string>,

  examKind: {
    written: 'Examen écrit',
    oral: 'Examen oral',
    practical: 'Examen pratique',
    online: 'Examen en ligne',
  } as Record<string, string>,

  weekly: (days: readonly string[], from: string, until: string) => `Chaque ${listAnd(days.map(dayName))}, du ${date(from)} au ${date(until)}.`,
  noSession: (items) =>
    `Pas de séance le : ${items.map((i) => `${date(i.date)}${i.reason === 'cancelled' ? ' (annulée)' : i.reason === 'break' && i.breakTitle ? ` (${i.breakTitle})` : ''}`).join(' ; ')}.`,
  moved: (from: string) => `Déplacée du ${date(from)}.`,
  movedOccurrences: (items) => `Déplacées : ${items.map((i) => `du ${date(i.from)} au ${date(i.to)}`).join(' ; ')}.`,
  attendOneOf: (group: string, alternatives: readonly string[]) => `${group} : assistez à une seule de ces séances, au choix ${listOr(alternatives)}.`,
  covers: (modules: readonly string[]) => `Porte sur : ${modules.join(' ; ')}`,
  slots: (minutes: number, count: number) =>
    `Passages individuels : vous passez l’examen sur un seul créneau de ${minutes} minutes (${count} créneaux sur cette plage) ; le calendrier montre toute la plage de l’examen, pas votre créneau.`,

  onlineLocation: (platform: string, url?: string) => (url ? `${platform} : ${url}` : platform),

  online: (platform: string) => `En ligne : ${platform}`,
  join: (url: string) => `Rejoindre : ${url}`,
  dialIn: (text: string) => `Par téléphone : ${text}`,
  place: (place: string) => `Lieu : ${place}`,
  by: (names: readonly string[]) => `Avec : ${names.join(', ')}`,
  program: (title: string) => `Programme : ${title}`,
  details: (url: string) => `Détails : ${url}`,
  week: weeks,
  studied: (when: readonly string[]) => `Quand : ${when.join(' ; ')}`,
  deliverable: (what: string) => `À remettre : ${what}`,
  submit: (where: string) => `Dépôt : ${where}`,
  optional: 'Facultatif.',
  choice: (select: number, from: number) => `Au choix : ${select} sur ${from}.`,
  dueEndOfDay: (day: string, time: string, zone: string) =>
    `À rendre avant la fin de la journée du ${date(day)} : ${time} (fuseau horaire ${zone}). Votre calendrier l’affiche à votre heure locale.`,
  dueAt: (day: string, time: string, zone: string) => `À rendre le ${date(day)} à ${time} (fuseau horaire ${zone}). Votre calendrier l’affiche à votre heure locale.`,
  dueFor: (items: readonly string[]) => `Pour : ${items.join(' ; ')}`,
  deadlines: (items: readonly string[]) => `À rendre : ${items.join(' ; ')}`,
  deadlineOn: (title: string, day: string) => `${title} (${date(day)})`,
  implicitDeadline: (end: string) =>
    `Les documents du programme n’indiquent pas de date limite pour ce travail. La fin du programme (${date(end)}) est indiquée à la place ; renseignez-vous auprès des organisateurs.`,

  reminder: {
    session: (title: string) => `Bientôt : ${title}`,
    deadline: (title: string) => `Échéance proche : ${title}`,
    exam: (title: string) => `Bientôt : ${title}`,
  },
};
