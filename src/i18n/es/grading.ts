import type { Messages } from '../messages.ts';

/** How the grading is written out for learners, in Spanish. */

/** "la mitad", "un tercio": a fraction of a band as a Spanish syllabus says it. */
function fractionWords(amount: number, written: string): string {
  const named: Record<string, string> = { '1/2': 'la mitad', '1/3': 'un tercio', '2/3': 'dos tercios', '1/4': 'un cuarto', '3/4': 'tres cuartos' };
  const magnitude = written.replace(/^[+-]/, '');
  if (named[magnitude]) return `${named[magnitude]} de`;
  if (magnitude.includes('/')) return `${magnitude} de`;
  // A decimal factor: Spanish writes the decimal comma, and "0,5 veces" rather than "0,5 de".
  return `${String(Math.abs(amount)).replace('.', ',')} veces`;
}

/**
 * Spanish writes "y" as "e" before a word that begins with the sound /i/ ("Física e
 * Historia"), but not before a diphthong ("agua y hielo"); the word is looked at past any
 * opening quote, since titles arrive quoted.
 */
function and(next: string): string {
  const word = next.replace(/^[«“"‘'(¿¡]+/, '').toLowerCase();
  return /^h?[ií](?![aeiouáéó])/.test(word) ? 'e' : 'y';
}

export const grading: Messages['grading'] = {
  heading: 'Cómo se calcula tu calificación final',
  introPercent: 'Tu calificación final es un total ponderado sobre 100 %: cada parte de las que siguen cuenta con el peso que se indica.',
  introPoints: (total: string) => `Tu calificación final es un total sobre ${total}: cada parte de las que siguen vale los puntos que se indican.`,
  percent: (n: string) => `${n} %`,
  calculatorPercent: '{n} %',
  points: (n: string) => (n === '1' ? '1 punto' : `${n} puntos`),
  componentsCaption: 'Las partes de la calificación final',
  part: 'Parte',
  weight: 'Peso',
  graded: 'Qué se califica',
  each: 'Cada elemento',
  oneItem: (title: string) => title,
  items: (count: number) => (count === 1 ? '1 elemento' : `${count} elementos`),
  equalShare: (each: string) => each,
  dropped: (n: number, countedEach: string) =>
    `${n === 1 ? 'se descarta la nota más baja' : `se descartan las ${n} notas más bajas`}, así que cada una de las que cuentan pesa ${countedEach.endsWith('%') ? `un ${countedEach}` : countedEach}`,
  ownWeights: 'cada uno con su propio peso',
  itemsCaption: 'Todos los elementos calificados y su peso en la calificación final',
  item: 'Elemento',
  share: 'Peso',
  shareWhenCounted: 'Si cuenta',
  bandsHeading: 'Calificaciones',
  bandsCaption: 'La calificación que corresponde a cada total final',
  grade: 'Calificación',
  totals: 'Total final',
  bandRange: (min: string, below: string, top: boolean) => (top ? `${min} o más` : `de ${min} a menos de ${below}`),
  passGrade: (grade: string, total: string) => `Apruebas el curso con una calificación de ${grade} o superior, es decir, con un total final de al menos ${total}.`,
  passTotal: (total: string) => `Apruebas el curso con un total final de al menos ${total}.`,
  adjustmentsHeading: 'Penalizaciones y bonificaciones',
  /** `items` names what is counted; `by` is the deadline, already written out. */
  // The list of items goes between dashes, the Spanish inciso, since the deadline may already
  // carry a bracketed date.
  adjustment: (d: { readonly when: 'not-done' | 'done'; readonly items: string; readonly count: number; readonly by?: string; readonly change: string; readonly max?: string }) => {
    const by = d.by ? ` antes de ${d.by}` : '';
    const condition =
      d.count === 1
        ? d.when === 'not-done'
          ? `Si no completas ${d.items}${by}`
          : `Si completas ${d.items}${by}`
        : d.when === 'not-done'
          ? `Por cada elemento de esta lista que no completes${by} —${d.items}—`
          : `Por cada elemento de esta lista que completes${by} —${d.items}—`;
    return `${condition}, ${d.change}${d.max ? `, hasta un máximo de ${d.max} en total` : ''}.`;
  },
  changePoints: (amount: number, points: string) => (amount < 0 ? `tu total final baja ${points}` : `tu total final sube ${points}`),
  percentagePoints: (n: string) => (n === '1' ? '1 punto porcentual' : `${n} puntos porcentuales`),
  changeBands: (amount: number, written: string) => {
    const whole = Number.isInteger(amount);
    const n = Math.abs(amount);
    const direction = amount < 0 ? 'baja' : 'sube';
    if (whole) return `tu calificación ${direction} ${n === 1 ? 'un nivel' : `${n} niveles`}`;
    return `tu total final ${direction} ${fractionWords(amount, written)} la amplitud del tramo de calificación en el que se encuentra (si está en el tramo más bajo, la del tramo inmediatamente superior)`;
  },
  lateHeading: 'Entregas con retraso',
  late: (d: { readonly perDay: string; readonly cap?: string; readonly graceHours: number; readonly acceptedForDays?: number }) =>
    [
      `Una entrega con retraso pierde un ${d.perDay} de su nota por cada día o fracción de día después de la fecha límite`,
      d.graceHours > 0 ? `, contados a partir de ${d.graceHours === 1 ? 'una hora' : `${d.graceHours} horas`} después de esta` : '',
      d.cap ? `, hasta un máximo del ${d.cap}` : '',
      '.',
      d.acceptedForDays ? ` No se acepta con más de ${d.acceptedForDays === 1 ? 'un día' : `${d.acceptedForDays} días`} de retraso.` : '',
    ].join(''),
  lateAppliesTo: (items: string) => `Esto se aplica a ${items}.`,
  needHeading: 'Lo que aún necesitas',
  needIntro: (last: string, lastWeight: string, restWeight: string) =>
    `La tabla muestra la nota media que necesitas en «${last}» (${lastWeight} de la calificación final) para cada calificación, según tu media en todo lo demás (${restWeight}). No incluye penalizaciones ni bonificaciones.`,
  needCaption: (last: string) => `Nota necesaria en «${last}» según tu media en el resto`,
  averageSoFar: 'Tu media en el resto',
  needed: (score: string) => score,
  reached: 'ya alcanzada',
  outOfReach: 'inalcanzable',
  calculatorHeading: 'Calcula lo que necesitas',
  calculatorIntro: 'Escribe tu nota media en cada parte que ya hayas terminado (de 0 a 100 %) y deja las demás en blanco. Nada de lo que escribas sale de esta página.',
  calculatorScore: (part: string) => `Tu media en ${part} (%)`,
  calculatorButton: 'Calcular',
  /** Filled in by the browser: `{total}` is the total so far, `{weight}` the weight done. */
  calculatorSoFar: 'Por ahora: {total} del {weight} ya terminado.',
  /** Filled in by the browser for each grade: `{grade}`, `{score}`. */
  calculatorNeed: '{grade}: una media de {score} en el resto',
  calculatorReached: '{grade}: ya alcanzada',
  calculatorOutOfReach: '{grade}: inalcanzable',
  calculatorAllDone: 'Total final: {total}; calificación: {grade}.',
  calculatorInvalid: 'Escribe números del 0 al 100.',
  gradebook: {
    heading: 'Configuración del libro de calificaciones',
    intro:
      'Los paquetes envían la puntuación de cada módulo, pero la calificación final también cuenta trabajos que se califican fuera de ellos. Configura el libro de calificaciones del LMS como se indica a continuación para que calcule la misma calificación final que el programa del curso. Crea una categoría (o grupo) por cada parte de la calificación:',
    part: (title: string, weight: string) => `${title}: ${weight}`,
    items: (titles: string) => `elementos: ${titles}`,
    equal: 'todos los elementos cuentan lo mismo',
    perItem: (weights: string) => `cada elemento con su propio peso: ${weights}`,
    drop: (n: number) => (n === 1 ? 'descartar la nota más baja' : `descartar las ${n} notas más bajas`),
    bands: (bands: string) => `Letras de calificación: ${bands}.`,
    pass: (total: string) => `Calificación para aprobar: ${total}.`,
    byHand: (titles: string) => `Se aplican a mano al final (ningún libro de calificaciones las calcula): ${titles}.`,
    lateByHand:
      'Penalizaciones por retraso: regístralas como penalización en el elemento, o en la política de entregas tardías del LMS si la tiene (Canvas: «Settings» → «Late policies», Configuración → Políticas de entregas tardías).',
    // Moodle's labels as its Spanish language pack (es) writes them: "Configuración
    // Calificaciones", "Cálculo total (agregación)", "Media ponderada de calificaciones",
    // "Media de calificaciones", "Descartar las más bajas", "Letras", "Calificación para aprobar".
    moodle: {
      name: 'Moodle',
      steps: [
        'Curso → Calificaciones → Configuración Calificaciones. Total del curso: «Cálculo total (agregación)» = «Media ponderada de calificaciones».',
        'Añade una categoría de calificación por cada parte; en el total del curso, pon como peso («Item weight», peso del elemento) de cada categoría el peso de su parte.',
        'En cada categoría: «Media de calificaciones» si los elementos cuentan lo mismo; si no, «Media ponderada de calificaciones» con el peso de cada elemento; «Descartar las más bajas» donde la parte descarta notas (Moodle lo aplica en todos los cálculos salvo en «Natural» con elementos de distinto peso).',
        'Mueve a su categoría las actividades SCORM de los paquetes y las demás actividades calificables.',
        'Curso → Calificaciones → Letras: introduce las letras de calificación y sus límites; la «Calificación para aprobar» del total del curso es el aprobado.',
      ],
    },
    // Canvas's Spanish labels could not be checked against its documentation: the English
    // label is given in quotes with a Spanish gloss, as the administrator may run Canvas in either.
    canvas: {
      name: 'Canvas',
      steps: [
        '«Assignments» (Tareas) → ⋮ → «Assignment Groups Weight» (peso de los grupos de tareas): marca «Weight final grade based on assignment groups» (ponderar la calificación final según los grupos de tareas).',
        'Añade un grupo de tareas por cada parte, con el peso de la parte como porcentaje, y pon cada elemento calificado en su grupo.',
        'Dentro de un grupo, Canvas pondera los elementos por sus puntos: da los mismos puntos a los elementos que cuentan lo mismo y, a los que tienen su propio peso, puntos proporcionales a él.',
        'Edita un grupo para fijar sus reglas: «Lowest Scores» (puntuaciones más bajas) para descartar donde la parte descarta notas (Canvas descarta lo que más favorece al estudiante, que con puntos iguales es la nota más baja).',
        '«Course Settings» (Configuración del curso) → «Grading scheme» (esquema de calificación): introduce las letras de calificación y sus rangos.',
      ],
    },
    // Brightspace's Spanish labels could not be checked either: English label, Spanish gloss.
    brightspace: {
      name: 'Brightspace',
      steps: [
        '«Grades» (Calificaciones) → «Setup Wizard» (asistente de configuración): sistema de calificación «Weighted» (ponderado).',
        '«Manage Grades» → «New» → «Category» (nueva categoría), una por cada parte, con el peso de la parte.',
        'Distribución: «Distribute weight evenly across all items» (repartir el peso a partes iguales) si los elementos cuentan lo mismo, con el número de elementos más bajos (sin bonificación) que se descartan; si no, «Manually assign weight to items in the category» (asignar el peso a mano) con el peso de cada elemento.',
        'Asocia cada elemento calificado (incluidos los objetos SCORM de los paquetes) a su categoría.',
        '«Schemes» (esquemas): crea un esquema de calificación con las letras y sus rangos y asígnalo a la calificación final.',
      ],
    },
  },
  list: (items: readonly string[]) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and(items[items.length - 1]!)} ${items[items.length - 1]}`,
};
