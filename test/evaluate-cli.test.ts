/**
 * `curriculum evaluate` as a user runs it: records written to a temporary folder from a
 * generated cohort, the real CLI in a child process, its outputs and exit codes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { caringCitiesCohort } from './support/cohorts.ts';
import { runCli, stackTracePattern } from './support/cli.ts';

let dir: string;
let records: string[];
let mapping: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'evaluate-cli-'));
  const curriculum = (await check('curriculum/caring-cities')).curricula[0]!;
  const cohort = caringCitiesCohort(curriculum);
  records = [];
  for (const f of cohort.records) {
    await writeFile(path.join(dir, f.name), f.text);
    records.push('--records', `${path.join(dir, f.name)}${f.kind ? `:${f.kind}` : ''}`);
  }
  mapping = path.join(dir, 'mapping.yaml');
  await writeFile(mapping, cohort.mapping!.text);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('curriculum evaluate', () => {
  it('prints the table and exits 0 when the records are clean', async () => {
    const run = await runCli(['evaluate', 'curriculum/caring-cities', ...records, '--map', mapping]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✘ cc03  Maria Santos <maria.santos@example.org>\n    - Attend every live session (4): attended 3 of 4 live sessions: missed 13 July (present 54.2 %, 75 % needed)\n');
    expect(run.stdout).toMatch(/\n\d+ of 25 learners completed; \d+ earned “Priority in the selection for an offline training program in Seoul”\n$/);
  });

  it('writes JSON, CSV and the table into --out, and the JSON is what --format json prints', async () => {
    const out = path.join(dir, 'results');
    const run = await runCli(['evaluate', 'curriculum/caring-cities', ...records, '--map', mapping, '--out', out]);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['caring-cities-evaluation.csv', 'caring-cities-evaluation.json', 'caring-cities-evaluation.txt']);
    const json = await runCli(['evaluate', 'curriculum/caring-cities', ...records, '--map', mapping, '--format', 'json']);
    expect(readFileSync(path.join(out, 'caring-cities-evaluation.json'), 'utf8')).toBe(json.stdout);
    const parsed = JSON.parse(json.stdout) as { learners: { id: string; completed: boolean }[] };
    expect(parsed.learners.find((l) => l.id === 'cc01')!.completed).toBe(true);
    const csv = readFileSync(path.join(out, 'caring-cities-evaluation.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('learner,name,email,completed,certificate,offline-training-priority,unmet,notes');
    expect(csv[1]).toBe('cc01,Ana López,ana.lopez@example.org,yes,Certificate of Completion,no,,');
  });

  it('exits 1 and locates the problem when the records have errors, and still evaluates the rest', async () => {
    const broken = path.join(dir, 'broken.csv');
    await writeFile(broken, 'learner,item,submitted at,score\r\nana.lopez@example.org,essay,2023-07-18T10:00+02:00,120\r\n');
    const run = await runCli(['evaluate', 'curriculum/caring-cities', ...records, '--records', broken, '--map', mapping]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error[records_score_out_of_range]: The score 120 is outside 0 to 100\n  --> ${broken}:2:52`);
    expect(run.stderr).not.toMatch(stackTracePattern);
    expect(run.stdout).toContain('25 learners completed');
  });

  it('refuses to write into the build’s output folder, where the site is published', async () => {
    const run = await runCli(['evaluate', 'curriculum/caring-cities', ...records, '--map', mapping, '--out', 'dist/results']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out must not be the build’s output folder (dist/)');
    expect(existsSync('dist/results')).toBe(false);
  });

  it('is misuse (exit 2) without records, with an unknown format or zone', async () => {
    for (const args of [[], ['--records', mapping, '--format', 'xml'], ['--records', mapping, '--zone', 'CEST']]) {
      const run = await runCli(['evaluate', 'curriculum/caring-cities', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^error: /);
    }
  });
});
