import type { Messages } from '../messages.ts';

/**
 * Words shared by every output, in Spanish. The kinds are whole noun phrases ("módulo
 * optativo", "sesión de orientación"), not bare adjectives: Spanish puts the adjective after
 * the noun and makes it agree with it, so a sentence such as "Aprueba cada {kind}" can only
 * take the kind when it already carries its noun.
 */
export const common: Messages['common'] = {
  module: 'módulo',
  modules: 'módulos',
  week: (n: number) => `Semana ${n}`,
  weeks: (first: number, last: number) => `Semanas ${first}–${last}`,
  hours: (n: number) => `${n} h`,
  due: 'Fecha límite',
  noDeadlineStated: (date: string) => `No se indica fecha límite; el programa termina el ${date}.`,
  optional: 'opcional',
  /** Alrededor de las notas al pie de un texto: un título para lectores de pantalla y cada enlace de vuelta a la cita. */
  footnotes: 'Notas',
  backToReference: (reference: string) => `Volver a la referencia ${reference}`,
  /** Un título citado dentro de una frase. */
  quote: (text: string) => `«${text}»`,
  moduleKinds: {
    core: 'módulo obligatorio',
    advanced: 'módulo avanzado',
    elective: 'módulo optativo',
    lecture: 'clase',
    module: 'módulo',
  },
  assignmentKinds: {
    practical: 'tarea práctica',
    project: 'proyecto',
    essay: 'ensayo',
    submission: 'entrega',
    survey: 'encuesta',
    'action-plan': 'plan de acción',
    presentation: 'presentación',
    other: 'tarea',
  },
  sessionKinds: {
    orientation: 'sesión de orientación',
    lecture: 'clase',
    seminar: 'seminario',
    workshop: 'taller',
    webinar: 'seminario web',
    discussion: 'debate',
    exam: 'examen',
    other: 'sesión en directo',
  },
};
