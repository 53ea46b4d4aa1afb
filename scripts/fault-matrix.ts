/**
 * `npm run faults`: every assessed SCO of the bundled programs through every LMS emulator
 * (Moodle, SCORM Cloud and Canvas in SCORM 1.2 and 2004, a cmi5 player), with the faults
 * of test/support/lms/faults.ts, and a table of which properties held in each run.
 *
 * By default SCO i meets fault i (mod the number of faults) under every emulator, so that
 * every SCO goes through every emulator and every fault meets every emulator with two or
 * three SCOs; `--share <k>` gives each SCO k faults (i … i + k − 1), and `--all` every
 * fault (about ten times longer than the default). `--emulator <id>`, `--fault <n>` (index in
 * the fault list; both take comma-separated lists), `--module <id>`, `--every <n>` (every
 * n-th SCO only) and `--plan <plan>` narrow the matrix; `--repeat <n>` runs it n times
 * (for a fault that shows only sometimes). A failed run's log is always shown.
 *
 * The exit code is 1 when a property failed in any run.
 */
import { launchBrowser } from '../test/support/browser.ts';
import { allFaults, faultName } from '../test/support/lms/faults.ts';
import { allScos, emulatorIds, propertyIds, runOne, startWorld, type Plan, type RunResult, type RunSpec } from '../test/support/lms/harness.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const all = args.includes('--all');
const verbose = args.includes('--verbose');

const launched = await launchBrowser();
const world = await startWorld(launched.browser);
const list = (name: string) => option(name)?.split(',');
// Each SCO keeps its place in the full list, so that a narrowed matrix meets the faults the full one would.
const scos = allScos(world)
  .map((sco, place) => ({ ...sco, place }))
  .filter((s) => !option('module') || s.moduleId === option('module'))
  .filter((s) => s.place % Number(option('every') ?? 1) === 0);
const emulators = emulatorIds.filter((e) => !list('emulator') || list('emulator')!.includes(e));
const faults = allFaults.map((fault, index) => ({ fault, index })).filter((f) => !list('fault') || list('fault')!.includes(String(f.index)));
const allPlans: readonly Plan[] = ['fail-then-pass', 'fail-always', 'pass'];

const specs: RunSpec[] = [];
for (const emulator of emulators) {
  for (const sco of scos) {
    const i = sco.place;
    for (const { fault, index: j } of faults) {
      const share = all || list('fault') !== undefined || (j - i + allFaults.length * 100) % allFaults.length < Number(option('share') ?? 1);
      if (!share) continue;
      // The learner's plan turns with the SCO and the fault, unless --plan fixes it.
      const plan = (option('plan') as Plan | undefined) ?? allPlans[(i + j) % allPlans.length]!;
      specs.push({ emulator, program: sco.program, moduleId: sco.moduleId, fault, plan });
    }
  }
}

const rounds = Number(option('repeat') ?? 1);
const runs = Array.from({ length: rounds }, () => specs).flat();
const results: RunResult[] = [];
const started = Date.now();
for (const [n, spec] of runs.entries()) {
  const result = await runOne(world, spec);
  results.push(result);
  const failed = propertyIds.filter((p) => result.properties[p] !== null);
  const unmet = spec.fault.kind !== 'none' && !result.faultMet ? ' (the fault never happened)' : '';
  process.stdout.write(`${String(n + 1).padStart(4)}/${runs.length} ${failed.length ? 'FAIL' : 'ok  '} ${result.name}${unmet}${failed.length ? `\n       ${failed.map((p) => `${p}: ${result.properties[p]}`).join('\n       ')}` : ''}\n`);
  // A failed run's log is how it can be understood afterwards: shown whether or not --verbose asked for logs.
  if (verbose || failed.length) for (const line of result.log) process.stdout.write(`       | ${line}\n`);
}

// The table: one row per emulator and fault; for each property, runs where it held / runs.
const pad = (text: string, width: number) => text.padEnd(width);
const rows = new Map<string, RunResult[]>();
for (const r of results) {
  const key = `${r.spec.emulator}|${faultName(r.spec.fault)}`;
  rows.set(key, [...(rows.get(key) ?? []), r]);
}
// "met": in how many runs the fault really happened; a property that held where it did not says nothing about it.
process.stdout.write(`\n${pad('emulator', 17)}${pad('fault', 28)}${pad('runs', 6)}${pad('met', 6)}${propertyIds.map((p) => pad(p, 17)).join('')}\n`);
for (const [key, list] of rows) {
  const [emulator, fault] = key.split('|');
  const cells = propertyIds.map((p) => {
    const held = list.filter((r) => r.properties[p] === null).length;
    return pad(held === list.length ? `${held}/${list.length}` : `${held}/${list.length} ✗`, 17);
  });
  const met = fault === 'none' ? '–' : String(list.filter((r) => r.faultMet).length);
  process.stdout.write(`${pad(emulator!, 17)}${pad(fault!, 28)}${pad(String(list.length), 6)}${pad(met, 6)}${cells.join('')}\n`);
}
const failing = results.filter((r) => propertyIds.some((p) => r.properties[p] !== null));
process.stdout.write(`\n${results.length} runs in ${Math.round((Date.now() - started) / 1000)} s; ${failing.length} with a property that failed.\n`);

await world.close();
await launched.close();
process.exitCode = failing.length ? 1 : 0;
