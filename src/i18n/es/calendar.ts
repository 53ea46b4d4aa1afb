import type { Messages } from '../messages.ts';

/** Calendar (ICS) strings, in Spanish: every word a learner reads in a calendar app. */

const monthNames = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** `2023-07-21` → `21 de julio de 2023`, from the date's digits (no zone, no locale data). */
const date = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} de ${monthNames[m - 1]} de ${y}`;
};

/**
 * Weekdays in the plural, as "los lunes y los jueves" needs them: the five working days are the
 * same in both numbers, Saturday and Sunday take an -s.
 */
const dayNames: Record<string, string> = {
  monday: 'lunes',
  tuesday: 'martes',
  wednesday: 'miércoles',
  thursday: 'jueves',
  friday: 'viernes',
  saturday: 'sábados',
  sunday: 'domingos',
};
const dayName = (day: string): string => dayNames[day] ?? day;

/** "y" becomes "e" before the sound /i/ and "o" becomes "u" before /o/ (RAE, Ortografía 2010). */
const conjunction = (word: 'y' | 'o', next: string): string => {
  const start = next.replace(/^[«“"‘'(¿¡]+/, '').toLowerCase();
  if (word === 'y') return /^h?[ií](?![aeiouáéó])/.test(start) ? 'e' : 'y';
  return /^h?[oó]/.test(start) ? 'u' : 'o';
};
const listWith = (word: 'y' | 'o') => (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction(word, items[items.length - 1]!)} ${items[items.length - 1]}`;
const listAnd = listWith('y');
const listOr = listWith('o');

/** "a la 01:30" but "a las 09:00": the article agrees with the hour. */
const at = (time: string): string => (/^0?1[:.]/.test(time) ? `a la ${time}` : `a las ${time}`);

const weeks = (first: number, last: number): string => (first === last ? `Semana ${first}` : `Semanas ${first}–${last}`);

export const calendar: Messages['calendar'] = {
  date,

  /** The name of a subscribed calendar. */
  programCalendar: (program: string) => program,
  phaseCalendar: (program: string, phase: string) => `${program}: ${phase}`,

  /** Event titles, as calendar apps show them in a day or week view. */
  summary: {
    session: (title: string) => title,
    exam: (title: string) => title,
    module: (title: string, label?: string) => (label ? `${label}: ${title}` : `Módulo: ${title}`),
    assignment: (title: string) => `Tarea: ${title}`,
    /** Deadline titles in the sources often already say "entrega" or "plazo"; do not say it twice. */
    deadline: (title: string) => (/\b(entrega|plazo|fecha l[ií]mite)\b/i.test(title) ? title : `Fecha límite: ${title}`),
    /** No deadline is stated: the title must not suggest one was. */
    implicitDeadline: (title: string) => `Antes del final del programa: ${title}`,
    week: (first: number, last: number, title?: string) => `${weeks(first, last)}${title ? `: ${title}` : ''}`,
    period: (title: string) => title,
    break: (title: string) => title,
  },

  /** CATEGORIES, for clients that filter or colour by them. */
  category: {
    session: 'Sesión en directo',
    exam: 'Examen',
    module: 'Módulo',
    assignment: 'Tarea',
    deadline: 'Fecha límite',
    week: 'Semana',
    period: 'Periodo',
    break: 'Pausa',
  },
  sessionKind: {
    orientation: 'Orientación',
    lecture: 'Clase',
    seminar: 'Seminario',
    workshop: 'Taller',
    webinar: 'Seminario web',
    discussion: 'Debate',
    exam: 'Examen',
    other: 'Otra',
  },

  examKind: {
    written: 'Examen escrito',
    oral: 'Examen oral',
    practical: 'Examen práctico',
    online: 'Examen en línea',
  },

  /** A weekly series: its days and span, and the days it does not meet. */
  weekly: (days: readonly string[], from: string, until: string) =>
    `Todas las semanas, los ${listAnd(days.map(dayName))}, del ${date(from)} al ${date(until)}.`,
  noSession: (items: readonly { readonly date: string; readonly reason: 'except' | 'break' | 'cancelled'; readonly breakTitle?: string }[]) =>
    `Días sin sesión: ${items.map((i) => `${date(i.date)}${i.reason === 'cancelled' ? ' (cancelada)' : i.reason === 'break' && i.breakTitle ? ` (${i.breakTitle})` : ''}`).join('; ')}.`,
  moved: (from: string) => `Trasladada desde el ${date(from)}.`,
  movedOccurrences: (items: readonly { readonly from: string; readonly to: string }[]) =>
    `Cambios de fecha: ${items.map((i) => `del ${date(i.from)} al ${date(i.to)}`).join('; ')}.`,
  /** A session or series that is one of several alternatives. */
  attendOneOf: (group: string, alternatives: readonly string[]) => `${group}: asiste a una de estas opciones: ${listOr(alternatives)}.`,
  covers: (modules: readonly string[]) => `Incluye: ${modules.join('; ')}`,
  slots: (minutes: number, count: number) =>
    `Turnos individuales: tienes un turno de ${minutes} minutos (${count === 1 ? 'un turno' : `${count} turnos`} en este horario); el calendario muestra todo el periodo del examen, no tu turno.`,

  /** LOCATION of an online session. */
  onlineLocation: (platform: string, url?: string) => (url ? `${platform}: ${url}` : platform),

  /** Lines of event descriptions. */
  online: (platform: string) => `En línea: ${platform}`,
  join: (url: string) => `Enlace para unirte: ${url}`,
  dialIn: (text: string) => `Por teléfono: ${text}`,
  place: (place: string) => `Lugar: ${place}`,
  by: (names: readonly string[]) => `Con: ${names.join(', ')}`,
  program: (title: string) => `Programa: ${title}`,
  details: (url: string) => `Más información: ${url}`,
  week: weeks,
  studied: (when: readonly string[]) => `Cuándo: ${when.join('; ')}`,
  deliverable: (what: string) => `Qué entregar: ${what}`,
  submit: (where: string) => `Dónde entregar: ${where}`,
  optional: 'Opcional.',
  choice: (select: number, from: number) => (select === 1 ? `Elige una de ${from}.` : `Elige ${select} de ${from}.`),
  dueEndOfDay: (day: string, time: string, zone: string) =>
    `Fecha límite: hasta el final del día ${date(day)}, ${at(time)} (hora de ${zone}). Tu calendario lo muestra en tu hora local.`,
  dueAt: (day: string, time: string, zone: string) =>
    `Fecha límite: el ${date(day)} ${at(time)} (hora de ${zone}). Tu calendario lo muestra en tu hora local.`,
  dueFor: (items: readonly string[]) => `Para: ${items.join('; ')}`,
  deadlines: (items: readonly string[]) => `Fechas límite: ${items.join('; ')}`,
  deadlineOn: (title: string, day: string) => `${title} (${date(day)})`,
  implicitDeadline: (end: string) =>
    `La documentación del programa no indica fecha límite para esto. Se muestra en su lugar el final del programa (${date(end)}); consúltalo con la organización.`,

  /** What reminders say when they go off. */
  reminder: {
    session: (title: string) => `Empieza pronto: ${title}`,
    deadline: (title: string) => `Se acerca: ${title}`,
    exam: (title: string) => `Se acerca: ${title}`,
  },
};
