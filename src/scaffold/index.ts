import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { idPattern } from '../schemas/common.ts';
import { addDays, weekday } from '../time/dates.ts';
import {
  assessmentTemplate,
  assignmentsTemplate,
  competencesTemplate,
  moduleTemplate,
  policyTemplate,
  programTemplate,
  scheduleTemplate,
  type TemplateContext,
} from './templates.ts';

/** A scaffolding request that cannot be carried out (exit code 2, nothing written). */
export class ScaffoldError extends Error {}

const schemasDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas');
const idRegExp = new RegExp(idPattern);

function schemasFrom(dir: string): string {
  return path.relative(dir, schemasDir).split(path.sep).join('/');
}

/** The Monday on or after `today` (YYYY-MM-DD), four weeks ahead so the program is in the future. */
export function nextStart(today: string): string {
  const inFourWeeks = addDays(today, 28);
  return addDays(inFourWeeks, (8 - weekday(inFourWeeks)) % 7);
}

/**
 * Creates a new program folder with a documented example of every document kind. It
 * refuses a folder that already has files, so that nothing a user wrote is overwritten.
 */
export async function initProgram(dir: string, options: { today: string; title?: string; namespace?: string }): Promise<string[]> {
  const absolute = path.resolve(dir);
  const id = path.basename(absolute);
  if (!idRegExp.test(id)) {
    throw new ScaffoldError(`The folder name \`${id}\` is not a valid program id: use lowercase letters, digits and single hyphens, starting with a letter (e.g. \`data-literacy\`)`);
  }
  if (existsSync(absolute) && (await readdir(absolute)).length > 0) {
    throw new ScaffoldError(`\`${dir}\` already exists and is not empty; choose a new folder`);
  }
  const context: TemplateContext = {
    programId: id,
    title: options.title ?? titleFromId(id),
    start: nextStart(options.today),
    schemasFromProgram: schemasFrom(absolute),
    ...(options.namespace ? { namespace: options.namespace } : {}),
  };
  const files: [string, string][] = [
    ['program.yaml', programTemplate(context)],
    ['competences.yaml', competencesTemplate(context)],
    ['modules/welcome.yaml', moduleTemplate(context.schemasFromProgram, 'welcome', 'Welcome', false)],
    ['modules/first-steps.yaml', moduleTemplate(context.schemasFromProgram, 'first-steps', 'First steps', true)],
    ['assessments/first-steps-quiz.yaml', assessmentTemplate(context.schemasFromProgram, 'first-steps-quiz', 'Quiz on First steps')],
    ['assignments.yaml', assignmentsTemplate(context)],
    ['schedule.yaml', scheduleTemplate(context)],
    ['policy.yaml', policyTemplate(context)],
  ];
  for (const [relative, contents] of files) {
    const target = path.join(absolute, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents, { flag: 'wx' });
  }
  return files.map(([relative]) => path.join(dir, relative));
}

export const newKinds = ['module', 'assessment', 'competences', 'assignments', 'schedule', 'policy'] as const;
export type NewKind = (typeof newKinds)[number];

/**
 * Adds one document to an existing program folder, in the place its kind belongs.
 * Module and assessment files need an id; the others are one per program.
 */
export async function newDocument(programDir: string, kind: NewKind, id: string | undefined, options: { today: string }): Promise<string> {
  const absolute = path.resolve(programDir);
  if (!existsSync(path.join(absolute, 'program.yaml'))) {
    throw new ScaffoldError(`\`${programDir}\` is not a program folder (it has no program.yaml); run the command inside one or pass --program <dir>`);
  }
  const schemas = schemasFrom(absolute);
  const context: TemplateContext = { programId: path.basename(absolute), title: titleFromId(path.basename(absolute)), start: nextStart(options.today), schemasFromProgram: schemas };
  let relative: string;
  let contents: string;
  if (kind === 'module' || kind === 'assessment') {
    if (!id) throw new ScaffoldError(`\`curriculum new ${kind}\` needs an id, e.g. \`curriculum new ${kind} risk-basics\``);
    if (!idRegExp.test(id)) throw new ScaffoldError(`\`${id}\` is not a valid id: use lowercase letters, digits and single hyphens, starting with a letter`);
    relative = kind === 'module' ? `modules/${id}.yaml` : `assessments/${id}.yaml`;
    contents = kind === 'module' ? moduleTemplate(schemas, id, titleFromId(id), false) : assessmentTemplate(schemas, id, titleFromId(id));
  } else {
    if (id) throw new ScaffoldError(`\`${kind}.yaml\` is one per program and takes no id`);
    relative = `${kind}.yaml`;
    contents = { competences: competencesTemplate, assignments: assignmentsTemplate, schedule: scheduleTemplate, policy: policyTemplate }[kind](context);
  }
  const target = path.join(absolute, relative);
  if (existsSync(target)) throw new ScaffoldError(`\`${path.join(programDir, relative)}\` already exists; nothing was written`);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, contents, { flag: 'wx' });
  return path.join(programDir, relative);
}

function titleFromId(id: string): string {
  const words = id.split('-');
  return [words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1), ...words.slice(1)].join(' ');
}
