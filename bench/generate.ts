/**
 * Generates a realistic synthetic program of N modules, deterministically from a seed:
 * competences, a schedule of weeks with live sessions and deadlines, question banks,
 * Markdown content (inline and in files), assignments and a completion policy. The
 * result checks clean, so that the benchmark measures the compiler's real work.
 *
 *   node bench/generate.ts <out-dir> <modules> [seed]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addDays } from '../src/time/dates.ts';

/** Mulberry32: a small, fast, well-distributed PRNG; the same seed gives the same program. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  'resilience city risk data urban service network planning infrastructure community safety health mobility ' +
  'budget governance analysis climate water energy transport housing digital response recovery citizen policy ' +
  'education stakeholder monitoring standard security decision finance public space inclusion care'
).split(' ');

export interface GeneratedProgram {
  readonly dir: string;
  readonly programId: string;
  readonly modules: number;
  readonly files: number;
}

const MODULES_PER_WEEK = 10;

/** Writes the program into `root/<programId>/`, replacing what was there. */
export async function generateProgram(root: string, moduleCount: number, seed = 1, programId = `synthetic-${moduleCount}`): Promise<GeneratedProgram> {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const sentence = (n: number) => {
    const s = Array.from({ length: n }, () => pick(words)).join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(8 + Math.floor(rand() * 8))).join(' ');

  const dir = path.join(root, programId);
  await rm(dir, { recursive: true, force: true });
  await Promise.all(['modules', 'assessments', 'content'].map((d) => mkdir(path.join(dir, d), { recursive: true })));
  const files = new Map<string, string>();
  const schema = (depth: number, kind: string) => `# yaml-language-server: $schema=${'../'.repeat(depth)}schemas/${kind}.schema.json\n`;

  const weeks = Math.ceil(moduleCount / MODULES_PER_WEEK);
  const start = '2030-01-07';
  const end = addDays(start, weeks * 7 - 1);
  const competenceCount = Math.max(5, Math.ceil(moduleCount / 5));
  const moduleIds = Array.from({ length: moduleCount }, (_, i) => `module-${String(i + 1).padStart(5, '0')}`);
  const workload = 4;

  files.set(
    'program.yaml',
    `${schema(3, 'program')}id: ${programId}
title: Synthetic program of ${moduleCount} modules
summary: ${sentence(12)}
language: en
level: intermediate
format: blended
fees: { amount: 0, note: Free }
effort:
  hoursPerWeek: { min: 20, max: 40 }
  totalHours: ${moduleCount * workload}
dates: { start: ${start}, end: ${end} }
timeZone: Europe/Berlin
capacity: { max: 500 }
organizers:
  - { id: bench-university, name: Bench University, role: coordinator }
  - { id: bench-agency, name: Bench Training Agency, role: partner }
contact: { email: bench@example.org }
about:
  aims: |
    ${paragraph(3)}
  objectives: |
    - ${sentence(10)}
    - ${sentence(10)}
stated:
  counts:
    - { what: modules, count: ${moduleCount}, quote: "${moduleCount} modules" }
`,
  );

  const competences = Array.from({ length: competenceCount }, (_, i) => `competence-${i + 1}`);
  files.set(
    'competences.yaml',
    `${schema(3, 'competences')}framework: { title: Synthetic framework }
competences:
${competences.map((id) => `  - id: ${id}\n    title: ${sentence(4).slice(0, -1)}\n    description: ${paragraph(2)}\n    eqfLevel: ${4 + Math.floor(rand() * 3)}`).join('\n')}
`,
  );

  moduleIds.forEach((id, i) => {
    const inFile = i % 4 === 0;
    const content = `## ${sentence(4).slice(0, -1)}\n\n${paragraph(5)}\n\n- ${sentence(6)}\n- ${sentence(6)}\n\n${paragraph(4)}\n`;
    if (inFile) files.set(`content/${id}.md`, content);
    const prerequisite = i > 0 && i % 7 === 0 ? `prerequisites: [${moduleIds[i - 1]}]\n` : '';
    files.set(
      `modules/${id}.yaml`,
      `${schema(4, 'module')}id: ${id}
title: ${sentence(5).slice(0, -1)}
kind: ${i % 3 === 2 ? 'elective' : 'core'}
description: ${paragraph(2)}
competences: [${competences[i % competenceCount]}, ${competences[(i * 7 + 3) % competenceCount]}]
${prerequisite}outcomes:
  - ${sentence(8)}
  - ${sentence(8)}
workload: { hours: ${workload} }
${inFile ? `content: { file: content/${id}.md }` : `content: |\n${content.split('\n').map((l) => (l ? `  ${l}` : '')).join('\n')}`}
assessment:
  bank: ${id}-quiz
  questions: 4
`,
    );
    files.set(
      `assessments/${id}-quiz.yaml`,
      `${schema(4, 'assessment')}id: ${id}-quiz
title: Quiz ${i + 1}
questions:
${Array.from({ length: 5 }, (_, q) =>
  q % 2 === 0
    ? `  - id: q${q + 1}\n    type: single\n    prompt: ${sentence(9).slice(0, -1)}?\n    options:\n      - { id: a, text: ${sentence(3)}${q % 4 === 0 ? ', correct: true' : ''} }\n      - { id: b, text: ${sentence(3)}${q % 4 === 0 ? '' : ', correct: true'} }\n      - { id: c, text: ${sentence(3)} }\n    feedback: { incorrect: ${sentence(8)} }`
    : `  - id: q${q + 1}\n    type: true-false\n    prompt: ${sentence(9)}\n    answer: ${q % 3 === 0}`,
).join('\n')}
`,
    );
  });

  files.set(
    'assignments.yaml',
    `${schema(3, 'assignments')}assignments:
  - { id: midterm-project, title: Midterm project, kind: project }
  - { id: final-essay, title: Final essay, kind: essay }
`,
  );

  const weekLines: string[] = [];
  const sessionLines: string[] = [];
  for (let w = 0; w < weeks; w++) {
    const starts = addDays(start, w * 7);
    const mods = moduleIds.slice(w * MODULES_PER_WEEK, (w + 1) * MODULES_PER_WEEK);
    const assignment = w === Math.floor(weeks / 2) ? '\n    assignments: [midterm-project]' : '';
    weekLines.push(`  - week: ${w + 1}\n    starts: ${starts}\n    modules: [${mods.join(', ')}]${assignment}`);
    const day = addDays(starts, 2);
    sessionLines.push(`  - id: session-${w + 1}\n    title: ${sentence(5).slice(0, -1)}\n    kind: seminar\n    by: [bench-university]\n    starts: ${day}T14:00\n    ends: ${day}T15:30\n    online: { platform: Zoom }`);
  }
  files.set(
    'schedule.yaml',
    `${schema(3, 'schedule')}timeZone: Europe/Berlin
weeks:
${weekLines.join('\n')}
sessions:
${sessionLines.join('\n')}
deadlines:
  - id: final-essay-due
    title: Final essay due
    due: ${end}
    assignments: [final-essay]
`,
  );

  files.set(
    'policy.yaml',
    `${schema(3, 'policy')}modules:
  pass: { minScore: 60, attempts: 3 }
certificate:
  title: Certificate of Completion
  requires:
    all:
      - modules: { kind: core }
      - modules: { kind: elective, atLeast: ${Math.max(1, Math.floor(moduleIds.filter((_, i) => i % 3 === 2).length / 2))} }
      - assignments: all
      - sessions: { atLeast: ${Math.ceil(weeks * 0.8)} }
`,
  );

  // Write in bounded batches: thousands of parallel writes exhaust file handles.
  const entries = [...files];
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(entries.slice(i, i + 64).map(([relative, text]) => writeFile(path.join(dir, relative), text)));
  }
  return { dir, programId, modules: moduleCount, files: files.size };
}

if (import.meta.main) {
  const [out, count, seed] = process.argv.slice(2);
  if (!out || !count) {
    process.stderr.write('usage: node bench/generate.ts <out-dir> <modules> [seed]\n');
    process.exit(2);
  }
  const result = await generateProgram(out, Number(count), Number(seed ?? 1));
  process.stdout.write(`wrote ${result.files} files for ${result.modules} modules to ${result.dir}\n`);
}
