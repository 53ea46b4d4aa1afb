import type { Messages } from '../messages.ts';

/**
 * How the completion policy is written out, in Spanish, addressing the learner as "tú".
 * A kind arrives as a singular noun phrase ("módulo optativo"), so the rules say "cada …"
 * rather than "todos los …", which would need the plural of every word of the phrase.
 * A title keeps its own gender, so it is quoted with no article before it.
 */
export const policy: Messages['policy'] = {
  allOf: 'Todo lo siguiente:',
  anyOf: 'Al menos una de estas opciones:',
  atLeastOf: (n: number) => (n === 1 ? 'Al menos una de estas opciones:' : `Al menos ${n} de las siguientes:`),
  passEveryModule: (count: number) => (count === 1 ? 'Aprueba el módulo (1)' : `Aprueba todos los módulos (${count})`),
  passModules: (count: number) => (count === 1 ? 'Aprueba este módulo' : `Aprueba cada uno de estos ${count} módulos`),
  passModulesOfKind: (kind: string, count: number) => `Aprueba cada ${kind} (${count})`,
  passAtLeastModules: (n: number, of: number) => (n === 1 ? `Aprueba al menos uno de estos ${of} módulos` : `Aprueba al menos ${n} de estos ${of} módulos`),
  completeEveryAssignment: (count: number) =>
    count === 1 ? 'Completa la tarea obligatoria (1)' : `Completa todas las tareas obligatorias (${count})`,
  completeAssignments: (count: number) => (count === 1 ? 'Completa esta tarea' : `Completa cada una de estas ${count} tareas`),
  completeAssignmentsOfKind: (kind: string, count: number) => `Completa cada ${kind} (${count})`,
  completeAtLeastAssignments: (n: number, of: number) =>
    n === 1 ? `Completa al menos una de estas ${of} tareas` : `Completa al menos ${n} de estas ${of} tareas`,
  attendEverySession: (count: number) =>
    count === 1 ? 'Asiste a la sesión en directo (1)' : `Asiste a todas las sesiones en directo (${count})`,
  attendSessions: (count: number) => (count === 1 ? 'Asiste a esta sesión en directo' : `Asiste a cada una de estas ${count} sesiones en directo`),
  attendSessionsOfKind: (kind: string, count: number) => `Asiste a cada ${kind} (${count})`,
  attendAtLeastSessions: (n: number, of: number) =>
    n === 1 ? `Asiste al menos a una de estas ${of} sesiones en directo` : `Asiste al menos a ${n} de estas ${of} sesiones en directo`,
  earnCertificate: (title: string) => `Obtén «${title}»`,
  earnGrade: (grade: string) => `Obtén una calificación final de ${grade} o superior`,
  earnTotal: (min: number, scale: 'percent' | 'points') =>
    `Alcanza un total final de al menos ${scale === 'percent' ? `un ${min} %` : min === 1 ? '1 punto' : `${min} puntos`}`,
  passModule: (title: string) => `Aprueba «${title}»`,
  completeModule: (title: string) => `Completa «${title}»`,
  completeAssignment: (title: string) => `Completa «${title}»`,
  attendSession: (title: string) => `Asiste a «${title}»`,
  attendSeries: (title: string, count: number) =>
    count === 1 ? `Asiste a la sesión de «${title}» (1)` : `Asiste a todas las sesiones de «${title}» (${count})`,
  passRule: (minScore: number) => `nota mínima del ${minScore} %`,
  attempts: (n: number) => (n === 1 ? 'un solo intento' : `${n} intentos`),
  retriesAllowed: 'intentos ilimitados',
  viewToComplete: 'recorrer todo su contenido',
  gradedElsewhere: 'se califica fuera de este sitio',
  chooseOptions: (select: number, from: number) => (select === 1 ? `elige una de ${from} opciones` : `elige ${select} de ${from} opciones`),
};
