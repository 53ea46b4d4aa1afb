import type { Messages } from '../messages.ts';

/** Words shared by every output, in French (France). */

const rules = new Intl.PluralRules('fr');

/**
 * The French form for a count: 0 and 1 take the singular ("0 module", "1 heure"), as
 * CLDR's French rules say; "many" (a million and more, which French follows with "de")
 * is rare enough in a course to take the ordinary plural.
 */
export const plural = (n: number, one: string, other: string): string => (rules.select(n) === 'one' ? one : other);

/** `n` followed by its noun, in the right number: `count(3, 'module', 'modules')` → "3 modules". */
export const count = (n: number, one: string, other: string): string => `${n} ${plural(n, one, other)}`;

/** Joins a list as French writes it: "A, B et C" (no comma before "et"). */
export const listWith =
  (word: string) =>
  (items: readonly string[]): string =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;

export const common: Messages['common'] = {
  module: 'module',
  modules: 'modules',
  week: (n: number) => `Semaine ${n}`,
  weeks: (first: number, last: number) => `Semaines ${first} à ${last}`,
  hours: (n: number) => `${n} h`,
  due: 'Échéance',
  noDeadlineStated: (date: string) => `Aucune date limite n’est indiquée ; le programme se termine le ${date}.`,
  optional: 'facultatif',
  /** Autour des notes de bas de page d’un texte : un titre pour les lecteurs d’écran, et chaque lien de retour vers l’appel de note. */
  footnotes: 'Notes',
  backToReference: (reference: string) => `Retour à l’appel de note ${reference}`,
  /** Un titre cité dans une phrase, entre guillemets français avec espaces insécables. */
  quote: (text: string) => `«\u00a0${text}\u00a0»`,
  /**
   * Whole noun phrases, as the kind also stands alone (a syllabus line, a package page);
   * the policy texts put them in the plural. "core" is the module every participant
   * takes: « module fondamental » in French course catalogues.
   */
  moduleKinds: { core: 'module fondamental', advanced: 'module avancé', elective: 'module optionnel', lecture: 'cours', module: 'module' } as Record<string, string>,
  assignmentKinds: {
    practical: 'travail pratique',
    project: 'projet',
    essay: 'rédaction',
    submission: 'travail à rendre',
    survey: 'questionnaire',
    'action-plan': 'plan d’action',
    presentation: 'présentation',
    other: 'devoir',
  } as Record<string, string>,
  sessionKinds: {
    orientation: 'séance d’accueil',
    lecture: 'cours magistral',
    seminar: 'séminaire',
    workshop: 'atelier',
    webinar: 'webinaire',
    discussion: 'discussion',
    exam: 'examen',
    other: 'séance en direct',
  } as Record<string, string>,
};
