/**
 * Generated cohorts for `curriculum evaluate`: the files people would export (Zoom
 * participants reports, an LRS's statements, Moodle and Canvas gradebooks, a Moodle quiz
 * report, a submissions sheet) for a cohort of learners, from a seed. A few learners
 * follow a script (the tests hold the hand-worked decision for each); the others are drawn
 * at random, each item decided first (done or not) and the records then written to fit,
 * so that the intended decision is known without evaluating anything.
 */
import { cmi5Iris } from '../../src/model/identity.ts';
import type { Curriculum } from '../../src/model/types.ts';
import { localString } from '../../src/time/zones.ts';
import { seededRandom } from '../../src/emit/package/runtime/draw.ts';

/** The SCO runtime's seeded generator (mulberry32), so that the same seed gives the same sample. */
export const random = seededRandom;

export interface GeneratedFile {
  readonly name: string;
  readonly text: string;
  /** The format named after the path, where it is not detected. */
  readonly kind?: string;
}

export interface Cohort {
  readonly records: readonly GeneratedFile[];
  readonly mapping?: GeneratedFile;
  /** The decision each learner's records were written for. */
  readonly intended: ReadonlyMap<string, { readonly completed: boolean; readonly benefits: readonly string[] }>;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvLine = (cells: readonly (string | number)[]) => cells.map(csvCell).join(',');
/** Zoom's CSV quotes nothing but what needs it, and ends lines with CRLF. */
const csvFile = (rows: readonly (readonly (string | number)[])[]) => rows.map(csvLine).join('\r\n') + '\r\n';

const minute = 60_000;

/** Zoom writes local times of the account's zone, US style: 07/03/2023 04:02:15 PM. */
function zoomTime(ms: number, zone: string): string {
  const [date, time] = localString(ms, zone).split('T') as [string, string];
  const [y, mo, d] = date.split('-');
  const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${mo}/${d}/${y} ${String(h12).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Moodle's quiz report date: 10 July 2023, 3:05 PM (local to the exporting account). */
function moodleTime(ms: number, zone: string): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [date, time] = localString(ms, zone).split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return `${d} ${months[mo - 1]} ${y}, ${h % 12 === 0 ? 12 : h % 12}:${String(mi).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

const isoZ = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An ISO time with the offset of Madrid in summer, as a form tool would write it. */
const isoMadrid = (ms: number) => `${localString(ms + 2 * 60 * minute, 'UTC')}+02:00`;

const firstNames = ['Amara', 'Bilal', 'Chen', 'Dara', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam', 'Mei', 'Noor', 'Omar', 'Pita', 'Quynh', 'Rosa', 'Sami', 'Tariq'];
const lastNames = ['Abebe', 'Bauer', 'Castro', 'Dube', 'Eze', 'Fong', 'Gupta', 'Haddad', 'Ito', 'Jensen', 'Khan', 'Lima', 'Mensah', 'Novak', 'Okafor', 'Park', 'Quispe', 'Rossi', 'Suzuki', 'Tan'];

interface PlannedLearner {
  id: string;
  first: string;
  last: string;
  email: string;
  /** The name Zoom shows, where the learner typed it otherwise. */
  zoomName?: string;
  /** Per session: the stretches of presence as minutes from the session's start (may be negative, may overrun). */
  presence: Record<string, readonly (readonly [number, number])[]>;
  /** Per quiz module: the scores (0 to 100) of each attempt, in order; none: no attempt. */
  quizzes: Record<string, readonly number[]>;
  /** Assignment id → minutes before (negative: after) its deadline that it was submitted; absent: not submitted. */
  submitted: Record<string, number>;
}

/**
 * Caring Cities: 25 participants, four live sessions on Zoom (reports exported from an
 * account in Seoul, so local times are Asia/Seoul), quizzes 1–3 as cmi5 statements from an
 * LRS, quiz 4 as a Moodle quiz report (some learners took it twice), the essay, survey and
 * action plan in the Moodle gradebook, the selfies in a submissions sheet.
 */
export function caringCitiesCohort(curriculum: Curriculum, seed = 2023): Cohort {
  const rnd = random(seed);
  const sessions = curriculum.schedule.sessions;
  const quizModules = curriculum.modules.map((m) => m.id);
  const full = () => Object.fromEntries(sessions.map((s) => [s.id, [[-3, 121]] as const]));
  const allQuizzes = (score: number) => Object.fromEntries(quizModules.map((m) => [m, [score]]));
  const allWork = { essay: 600, selfies: 900, survey: 300 };
  const scripted: PlannedLearner[] = [
    { id: 'cc01', first: 'Ana', last: 'López', email: 'ana.lopez@example.org', presence: full(), quizzes: allQuizzes(80), submitted: allWork },
    { id: 'cc02', first: 'Min-jun', last: 'Kim', email: 'minjun.kim@example.org', presence: full(), quizzes: allQuizzes(90), submitted: { ...allWork, 'action-plan': 2000 } },
    {
      id: 'cc03',
      first: 'Maria',
      last: 'Santos',
      email: 'maria.santos@example.org',
      // 55 minutes late to the third session: 65 of 120 minutes.
      presence: { ...full(), 'health-and-mobility-perspectives': [[55, 125]] },
      quizzes: allQuizzes(70),
      submitted: allWork,
    },
    {
      id: 'cc04',
      first: 'Van An',
      last: 'Nguyen',
      email: 'vanan.nguyen@example.org',
      // Dropped twice in the second session and rejoined; the last two stretches overlap (two devices).
      presence: { ...full(), 'caring-city-services': [[-2, 40], [42, 80], [79, 123]] },
      quizzes: allQuizzes(65),
      submitted: { ...allWork, 'action-plan': 100 },
    },
    { id: 'cc05', first: 'José', last: 'García', email: 'jose.garcia@example.org', zoomName: 'Jose Garcia', presence: full(), quizzes: allQuizzes(75), submitted: allWork },
    {
      id: 'cc06',
      first: 'Fatima',
      last: 'Zahra',
      email: 'fatima.zahra@example.org',
      presence: full(),
      quizzes: { ...allQuizzes(85), 'social-mobility-and-inclusion-through-seoul-learn': [40, 75] },
      submitted: allWork,
    },
    { id: 'cc07', first: 'Ji-woo', last: 'Lee', email: 'jiwoo.lee@example.org', presence: full(), quizzes: { ...allQuizzes(95), 'safe-and-healthy-caring-city': [50] }, submitted: allWork },
    // The selfies came in ten hours after the deadline.
    { id: 'cc08', first: 'Priya', last: 'Sharma', email: 'priya.sharma@example.org', presence: full(), quizzes: allQuizzes(60), submitted: { ...allWork, selfies: -600 } },
    { id: 'cc09', first: 'Tomás', last: 'Silva', email: 'tomas.silva@example.org', presence: full(), quizzes: allQuizzes(88), submitted: { selfies: 50, survey: 20, 'action-plan': 500 } },
  ];
  const learners = [...scripted];
  const intended = new Map<string, { completed: boolean; benefits: string[] }>();
  for (let i = scripted.length; i < 25; i++) {
    const first = firstNames[i % firstNames.length]!;
    const last = lastNames[(i * 7) % lastNames.length]!;
    let all = true;
    const presence: Record<string, [number, number][]> = {};
    for (const s of sessions) {
      const attends = rnd() < 0.93;
      all &&= attends;
      const late = Math.floor(rnd() * 20);
      if (attends) {
        // Late by up to 20 minutes, perhaps a short drop-out and rejoin: at least 78 % present.
        if (rnd() < 0.3) {
          const drop = 30 + Math.floor(rnd() * 50);
          presence[s.id] = [[late, drop], [drop + 1 + Math.floor(rnd() * 5), 120 + Math.floor(rnd() * 4)]];
        } else presence[s.id] = [[late, 120 + Math.floor(rnd() * 4)]];
      } else if (rnd() < 0.5) {
        // Came for part of it only: at most 60 %.
        presence[s.id] = [[late, late + Math.floor(rnd() * (72 - late))]];
      }
    }
    const quizzes: Record<string, number[]> = {};
    for (const m of quizModules) {
      const passes = rnd() < 0.93;
      all &&= passes;
      quizzes[m] = passes ? (rnd() < 0.2 ? [30 + Math.floor(rnd() * 29), 60 + Math.floor(rnd() * 41)] : [60 + Math.floor(rnd() * 41)]) : rnd() < 0.5 ? [Math.floor(rnd() * 59)] : [];
    }
    const submitted: Record<string, number> = {};
    for (const a of ['essay', 'selfies', 'survey']) {
      const done = rnd() < 0.93;
      all &&= done;
      if (done) submitted[a] = 10 + Math.floor(rnd() * 5000);
    }
    const plan = rnd() < 0.4;
    if (plan) submitted['action-plan'] = 10 + Math.floor(rnd() * 5000);
    const id = `cc${String(i + 1).padStart(2, '0')}`;
    learners.push({ id, first, last, email: `${first}.${last}@example.net`.toLowerCase(), presence, quizzes, submitted });
    intended.set(id, { completed: all, benefits: all && plan ? ['offline-training-priority'] : [] });
  }

  const zone = 'Asia/Seoul';
  const records: GeneratedFile[] = [];
  // Zoom: one participants report per session, with the meeting section; the host is listed too.
  sessions.forEach((s, index) => {
    const start = Date.parse(s.start.utc);
    const meetingId = `8${index + 1}2 3456 78${index}0`;
    const rows: (string | number)[][] = [
      ['Meeting ID', 'Topic', 'Start Time', 'End Time', 'User Email', 'Duration (Minutes)', 'Participants'],
      [meetingId, s.title, zoomTime(start - 10 * minute, zone), zoomTime(start + 125 * minute, zone), 'host@shrdc.example', 135, learners.length + 1],
      [],
      ['Name (Original Name)', 'User Email', 'Join Time', 'Leave Time', 'Duration (Minutes)', 'Guest', 'Recording Consent'],
      ['SHRDC Host', 'host@shrdc.example', zoomTime(start - 10 * minute, zone), zoomTime(start + 125 * minute, zone), 135, 'No', 'Y'],
    ];
    for (const l of learners) {
      for (const [from, to] of l.presence[s.id] ?? []) {
        const guest = l.zoomName !== undefined;
        // A guest has no account: no e-mail, and the name they typed; others sometimes rename themselves.
        const name = guest ? l.zoomName! : index === 1 && l.id === 'cc01' ? `Ana (Seoul team) (${l.first} ${l.last})` : `${l.first} ${l.last}`;
        rows.push([name, guest ? '' : l.email, zoomTime(start + from * minute, zone), zoomTime(start + to * minute, zone), to - from, guest ? 'Yes' : 'No', 'Y']);
      }
    }
    records.push({ name: `zoom-${s.id}.csv`, text: csvFile(rows.map((r) => (r.length === 0 ? [''] : r))) });
  });

  // Quizzes 1–3: cmi5 statements, as one page of an LRS's answer.
  const quizzesDue = Date.parse(curriculum.schedule.deadlines.find((d) => d.id === 'quizzes-due')!.due.at.utc);
  const statements: unknown[] = [];
  let counter = 0;
  const uuid = () => `5f0c${String(++counter).padStart(4, '0')}-1a2b-4c3d-8e4f-${String(seed).padStart(12, '0')}`;
  for (const m of quizModules.slice(0, 3)) {
    for (const l of learners) {
      (l.quizzes[m] ?? []).forEach((score, attempt) => {
        const at = quizzesDue - (3 * 24 - attempt) * 60 * minute;
        const actor = { objectType: 'Agent', name: `${l.first} ${l.last}`, mbox: `mailto:${l.email}` };
        const object = { objectType: 'Activity', id: cmi5Iris.au(curriculum, m) };
        const passed = score >= 60;
        statements.push({
          id: uuid(),
          actor,
          verb: { id: `http://adlnet.gov/expapi/verbs/${passed ? 'passed' : 'failed'}`, display: { 'en-US': passed ? 'passed' : 'failed' } },
          object,
          result: { score: { scaled: score / 100 }, success: passed },
          timestamp: isoZ(at),
        });
        statements.push({ id: uuid(), actor, verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } }, object, result: { completion: true }, timestamp: isoZ(at + minute) });
      });
    }
  }
  records.push({ name: 'lrs-statements.json', text: `${JSON.stringify({ statements, more: '' }, null, 2)}\n` });

  // Quiz 4: Moodle's quiz report, one row per attempt, graded out of 100.
  const quiz4 = quizModules[3]!;
  const quizRows: (string | number)[][] = [['Surname', 'First name', 'Institution', 'Department', 'Email address', 'State', 'Started on', 'Completed', 'Time taken', 'Grade/100.00']];
  for (const l of learners) {
    (l.quizzes[quiz4] ?? []).forEach((score, attempt) => {
      const done = quizzesDue - (5 * 24 - 2 * attempt) * 60 * minute;
      quizRows.push([l.last, l.first, 'City hall', '', l.email, 'Finished', moodleTime(done - 12 * minute, zone), moodleTime(done, zone), '12 mins', score.toFixed(2)]);
    });
  }
  quizRows.push(['Overall average', '', '', '', '', '', '', '', '', '70.00']);
  records.push({ name: 'moodle-quiz-lecture-4.csv', text: csvFile(quizRows), kind: `moodle-quiz=${quiz4}` });

  // The essay, survey and action plan as graded in Moodle's gradebook (100 = received).
  const gradebook: (string | number)[][] = [
    ['First name', 'Last name', 'ID number', 'Institution', 'Department', 'Email address', 'Assignment: Essay on the lessons learned (Real)', 'Feedback: Course survey (Real)', 'Assignment: Action plan (Real)', 'Course total (Real)', 'Last downloaded from this course'],
  ];
  for (const l of learners) {
    const g = (a: string) => (l.submitted[a] !== undefined ? '100.00' : '-');
    gradebook.push([l.first, l.last, '', 'City hall', '', l.email, g('essay'), g('survey'), g('action-plan'), '100.00', '1690000000']);
  }
  records.push({ name: 'moodle-grades.csv', text: csvFile(gradebook) });

  // The selfies, from the submissions mailbox: a plain sheet with offsets.
  const selfiesDue = Date.parse(curriculum.schedule.deadlines.find((d) => d.id === 'selfies-due')!.due.at.utc);
  const sheet: (string | number)[][] = [['learner', 'item', 'submitted at', 'score']];
  for (const l of learners) if (l.submitted.selfies !== undefined) sheet.push([l.email, 'selfies', isoMadrid(selfiesDue - l.submitted.selfies * minute), '']);
  records.push({ name: 'selfies.csv', text: csvFile(sheet) });

  const mapping = [
    '# The cohort: who is evaluated, and the other names the records use.',
    'timeZone: Asia/Seoul',
    'learners:',
    ...learners.flatMap((l) => [`  - id: ${l.id}`, `    name: ${l.first} ${l.last}`, `    email: ${l.email}`, ...(l.zoomName ? [`    also: [${l.zoomName}]`] : [])]),
    'items:',
    '  "Feedback: Course survey (Real)": { assignment: survey }',
    'sessions:',
    `  "812 3456 7800": ${sessions[0]!.id}`,
    'ignore:',
    '  people: [SHRDC Host]',
    '',
  ].join('\n');
  return { records, mapping: { name: 'mapping.yaml', text: mapping }, intended };
}

/**
 * CRISIS: module tests taken in the LMS (two attempts each), reported as a submissions
 * sheet with one row per attempt; the three practical assignments graded in Canvas, whose
 * gradebook is the roster.
 */
export function crisisCohort(curriculum: Curriculum, seed = 7): Cohort {
  const rnd = random(seed);
  const modules = curriculum.modules.map((m) => m.id);
  const start = Date.parse(`${curriculum.program.dates.start}T08:00:00Z`);
  const everyModule = (scores: readonly number[]) => Object.fromEntries(modules.map((m) => [m, scores]));
  const scripted = [
    { name: 'Eleni Papadopoulou', email: 'eleni.p@example.gr', modules: everyModule([72]), assignments: [8, 9, 10] },
    // Passed the crisis management test only on a third attempt, which does not count.
    { name: 'Nikos Georgiou', email: 'nikos.g@example.gr', modules: { ...everyModule([80]), 'crisis-management': [50, 55, 90] }, assignments: [7, 7, 7] },
    { name: 'Sofia Ioannou', email: 'sofia.i@example.gr', modules: { ...everyModule([66]), 'geoservices-and-digital-twins': [40, 70] }, assignments: [10, 10, 10] },
    { name: 'Dimitris Pappas', email: 'dimitris.p@example.gr', modules: everyModule([90]), assignments: [9, undefined, 9] },
  ];
  const learners: { name: string; email: string; modules: Record<string, readonly number[]>; assignments: readonly (number | undefined)[] }[] = [...scripted];
  const intended = new Map<string, { completed: boolean; benefits: string[] }>();
  for (let i = scripted.length; i < 12; i++) {
    const first = firstNames[(i * 3) % firstNames.length]!;
    const last = lastNames[(i * 5) % lastNames.length]!;
    let all = true;
    const scores: Record<string, number[]> = {};
    for (const m of modules) {
      const passes = rnd() < 0.97;
      all &&= passes;
      scores[m] = passes ? (rnd() < 0.15 ? [Math.floor(rnd() * 59), 60 + Math.floor(rnd() * 41)] : [60 + Math.floor(rnd() * 41)]) : [Math.floor(rnd() * 59), Math.floor(rnd() * 59)];
    }
    const assignments = [0, 1, 2].map(() => (rnd() < 0.93 ? 1 + Math.floor(rnd() * 10) : undefined));
    all &&= assignments.every((a) => a !== undefined);
    const email = `${first}.${last}@example.eu`.toLowerCase();
    learners.push({ name: `${first} ${last}`, email, modules: scores, assignments });
    intended.set(email, { completed: all, benefits: [] });
  }
  const sheet: (string | number)[][] = [['learner', 'item', 'submitted at', 'score']];
  learners.forEach((l) => {
    modules.forEach((m, mi) => {
      (l.modules[m] ?? []).forEach((score, attempt) => {
        const at = start + (mi * 7 + attempt) * 24 * 60 * minute;
        sheet.push([l.email, m, `${localString(at + 3 * 60 * minute, 'UTC').slice(0, 16).replace('T', ' ')}+03:00`, score]);
      });
    });
  });
  const canvas: (string | number)[][] = [
    ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'Practical assignment 1 (5101)', 'Practical assignment 2 (5102)', 'Practical assignment 3 (5103)', 'Current Score', 'Unposted Current Score', 'Final Score', 'Unposted Final Score'],
    ['    Points Possible', '', '', '', '', '10.00', '10.00', '10.00', '(read only)', '(read only)', '(read only)', '(read only)'],
  ];
  learners.forEach((l, i) => {
    const [first, ...rest] = l.name.split(' ');
    canvas.push([`${rest.join(' ')}, ${first}`, 9000 + i, `S${1000 + i}`, l.email, 'CRISIS 2023', ...l.assignments.map((a) => (a === undefined ? '' : a.toFixed(2))), '90', '90', '90', '90']);
  });
  return { records: [{ name: 'module-tests.csv', text: csvFile(sheet) }, { name: 'canvas-grades.csv', text: csvFile(canvas) }], intended };
}
