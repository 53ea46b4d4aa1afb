/**
 * What `curriculum credentials issue` reads from an evaluation: who earned the certificate
 * and which benefits. It is the part of `curriculum evaluate --format json` that issuing
 * needs, checked here so that a hand-edited or foreign file fails with the place of its mistake.
 *
 * Accepted: an object with `learners` (and optionally `program`, the program's id or
 * `{ "id": … }` as evaluate writes it, which must be this program), or a bare array of
 * learners. Each learner has `id`, optional `email` and `name`, `certificate` (`true`,
 * `false` or `{ "earned": … }`) and optional `benefits` (ids, or `{ "id", "earned" }` objects).
 */
import type { Curriculum } from '../model/types.ts';
import { CredentialsInputError } from './keys.ts';

export interface EarnedRecord {
  readonly id: string;
  readonly email?: string;
  readonly name?: string;
  readonly certificate: boolean;
  /** The ids of the benefits earned. */
  readonly benefits: readonly string[];
}

export function parseResults(text: string, file: string, curriculum: Curriculum): EarnedRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CredentialsInputError(`${file}: not JSON (${error instanceof Error ? error.message : String(error)}). Give the file that \`curriculum evaluate --format json\` writes.`);
  }
  const fail = (where: string, what: string): never => {
    throw new CredentialsInputError(`${file}: ${where}: ${what}`);
  };
  let learners: unknown;
  if (Array.isArray(data)) learners = data;
  else if (isObject(data)) {
    if (data.program !== undefined && data.program !== curriculum.program.id) {
      const named = isObject(data.program) ? data.program.id : data.program;
      if (named !== curriculum.program.id) fail('program', `the results are for \`${String(named)}\`, not \`${curriculum.program.id}\`; give the results of this program`);
    }
    learners = data.learners;
  }
  if (!Array.isArray(learners)) return fail('learners', 'expected a list of learners (an array, or an object with a `learners` array)');
  const benefitIds = new Set(curriculum.policy.benefits.map((b) => b.id));
  const seen = new Set<string>();
  return learners.map((l: unknown, i: number) => {
    const at = `learners[${i}]`;
    if (!isObject(l)) return fail(at, 'expected an object');
    if (typeof l.id !== 'string' || l.id.trim() === '') fail(`${at}.id`, 'expected the learner’s id (a non-empty string)');
    const id = (l.id as string).trim();
    if (seen.has(id)) fail(`${at}.id`, `\`${id}\` appears twice; each learner once`);
    seen.add(id);
    for (const key of ['email', 'name'] as const) {
      if (l[key] !== undefined && typeof l[key] !== 'string') fail(`${at}.${key}`, 'expected a string');
    }
    const certificate = earned(l.certificate, `${at}.certificate`, fail);
    const benefits: string[] = [];
    if (l.benefits !== undefined) {
      if (!Array.isArray(l.benefits)) fail(`${at}.benefits`, 'expected a list');
      (l.benefits as unknown[]).forEach((b, j) => {
        const where = `${at}.benefits[${j}]`;
        const benefitId = typeof b === 'string' ? b : isObject(b) && typeof b.id === 'string' ? b.id : fail(where, 'expected a benefit id or { "id", "earned" }');
        if (!benefitIds.has(benefitId)) fail(where, `no benefit \`${benefitId}\` in the policy of ${curriculum.program.id} (${[...benefitIds].join(', ') || 'it has none'})`);
        if (typeof b === 'string' || earned(isObject(b) ? b.earned : undefined, `${where}.earned`, fail)) benefits.push(benefitId);
      });
    }
    return {
      id,
      ...(typeof l.email === 'string' && l.email.trim() ? { email: l.email.trim() } : {}),
      ...(typeof l.name === 'string' && l.name.trim() ? { name: l.name.trim() } : {}),
      certificate,
      benefits,
    };
  });
}

function earned(value: unknown, where: string, fail: (where: string, what: string) => never): boolean {
  if (typeof value === 'boolean') return value;
  if (isObject(value) && typeof value.earned === 'boolean') return value.earned;
  return fail(where, 'expected true, false or { "earned": true|false }');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
