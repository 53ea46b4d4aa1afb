/**
 * `npm run bench`: how the compiler's cost grows with the number of modules, against the
 * floor set by the work it cannot avoid. Every measurement runs in a fresh process, several
 * times; medians are reported, because this machine is shared and noisy.
 *
 *   node bench/run.ts [--sizes 100,1000,10000] [--runs 5] [--no-site] [--out bench/results.json]
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { generateProgram } from './generate.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const node = process.execPath;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    runs: { type: 'string' },
    'no-site': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const site = !values['no-site'];

/** Fewer runs where one run takes minutes. */
const runsFor = (n: number) => Number(values.runs ?? (n >= 10_000 ? 3 : 5));

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function timed(args: string[], env: Record<string, string> = {}): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  const { stdout } = await run(node, args, { cwd: root, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...env } });
  return { ms: performance.now() - started, stdout };
}

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
      files++;
    }
  }
  return { bytes, files };
}

interface SizeResult {
  modules: number;
  runs: number;
  checkToParseRatio: number;
  buildToFloorRatio: number;
  peakMemoryMB: number;
  recheckMs: number;
  /** A build with the output cache of the build before and no source change, against a cold build. */
  rebuildToColdRatio: number;
  /** The same after one module's title changed. */
  editRebuildToColdRatio: number;
  /** The package stage against deflating the same bytes with the same library (bench/zip-floor.ts). */
  packageToZipFloorRatio: number;
  medians: Record<string, number>;
  stageMediansMs: Record<string, number>;
  pagesPerSecond?: number;
  /** The site stage alone (bench/site-once.ts: no packages written beside it), against a bare Astro build of as many pages. */
  siteToBareAstroRatio?: number;
  /** The site stage as a cold build times it, while the packages are written beside it on the same two cores and disk. */
  siteInBuildToBareAstroRatio?: number;
  outputs: { disk: { bytes: number; files: number }; shm?: { bytes: number; files: number } };
}

const results: SizeResult[] = [];
for (const n of sizes) {
  const runs = runsFor(n);
  const diskRoot = path.join(root, 'bench/out/disk');
  const shmRoot = '/dev/shm/curriculum-bench';
  process.stderr.write(`\n== ${n} modules, ${runs} runs\n`);
  const program = await generateProgram(path.join(diskRoot, `src-${n}`), n, 1);
  const sourceDir = path.dirname(program.dir);

  const floor: number[] = [];
  const checks: number[] = [];
  const builds: number[] = [];
  const buildsShm: number[] = [];
  const memory: number[] = [];
  const stages: Record<string, number[]> = {};
  const baseline: number[] = [];
  const siteAlone: number[] = [];
  const rebuilds: number[] = [];
  const editRebuilds: number[] = [];
  const zipFloors: number[] = [];
  const moduleFile = path.join(program.dir, 'modules', 'module-00001.yaml');
  const cacheDir = path.join(diskRoot, 'cache');
  // A cold build starts from an empty output cache; the rebuilds use what it left.
  const cold = async () => {
    await rm(cacheDir, { recursive: true, force: true });
    return { CURRICULUM_CACHE_DIR: cacheDir };
  };
  const siteFlag = site ? [] : ['--no-site'];
  for (let r = 0; r < runs; r++) {
    floor.push((await timed(['bench/floor.ts', sourceDir])).ms);
    checks.push((await timed(['bin/curriculum.js', 'check', sourceDir, '--format', 'json'])).ms);
    const diskOut = path.join(diskRoot, `dist-${n}`);
    const b = await timed(['bench/build-once.ts', sourceDir, diskOut, ...siteFlag], await cold());
    const report = JSON.parse(b.stdout) as { timings: Record<string, number>; peakMemoryMB: number };
    builds.push(b.ms);
    memory.push(report.peakMemoryMB);
    for (const [stage, ms] of Object.entries(report.timings)) (stages[stage] ??= []).push(ms);
    zipFloors.push((JSON.parse((await timed(['bench/zip-floor.ts', diskOut])).stdout) as { ms: number }).ms);
    rebuilds.push((await timed(['bench/build-once.ts', sourceDir, diskOut, ...siteFlag], { CURRICULUM_CACHE_DIR: cacheDir })).ms);
    const original = await readFile(moduleFile, 'utf8');
    await writeFile(moduleFile, original.replace(/^title: .*$/m, `title: Edited title ${r}`));
    try {
      editRebuilds.push((await timed(['bench/build-once.ts', sourceDir, diskOut, ...siteFlag], { CURRICULUM_CACHE_DIR: cacheDir })).ms);
    } finally {
      await writeFile(moduleFile, original);
    }
    await mkdir(shmRoot, { recursive: true });
    buildsShm.push((await timed(['bench/build-once.ts', sourceDir, path.join(shmRoot, `dist-${n}`), ...siteFlag], await cold())).ms);
    if (site) {
      const pages = n + 8;
      // Astro resolves its runtime from node_modules above the project, so the baseline lives in the repository (like the site stage's own work folder).
      baseline.push(JSON.parse((await timed(['bench/astro-baseline.ts', path.join(root, 'bench/out/astro'), String(pages)])).stdout).wallMs);
      siteAlone.push(JSON.parse((await timed(['bench/site-once.ts', sourceDir, path.join(diskRoot, `site-${n}`)])).stdout).wallMs);
    }
    process.stderr.write(
      `  run ${r + 1}: floor ${floor.at(-1)!.toFixed(0)} ms, check ${checks.at(-1)!.toFixed(0)} ms, build ${builds.at(-1)!.toFixed(0)} ms (shm ${buildsShm.at(-1)!.toFixed(0)} ms), rebuild ${rebuilds.at(-1)!.toFixed(0)} ms, after an edit ${editRebuilds.at(-1)!.toFixed(0)} ms\n`,
    );
  }
  const recheck = JSON.parse((await timed(['bench/recheck.ts', sourceDir, moduleFile, '9'])).stdout) as { medianMs: number };

  const floorMs = median(floor);
  const baselineMs = site ? median(baseline) : 0;
  const stageMediansMs = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, median(v)]));
  const siteMs = stageMediansMs.site;
  const result: SizeResult = {
    modules: n,
    runs,
    checkToParseRatio: median(checks) / floorMs,
    buildToFloorRatio: median(builds) / (floorMs + baselineMs),
    peakMemoryMB: Math.max(...memory),
    recheckMs: recheck.medianMs,
    rebuildToColdRatio: median(rebuilds) / median(builds),
    editRebuildToColdRatio: median(editRebuilds) / median(builds),
    packageToZipFloorRatio: median(stages.packages ?? [0]) / median(zipFloors),
    medians: {
      parseFloorMs: floorMs,
      checkMs: median(checks),
      buildMs: median(builds),
      buildShmMs: median(buildsShm),
      rebuildMs: median(rebuilds),
      editRebuildMs: median(editRebuilds),
      zipFloorMs: median(zipFloors),
      ...(site ? { bareAstroMs: baselineMs, siteAloneMs: median(siteAlone) } : {}),
    },
    stageMediansMs,
    ...(siteMs !== undefined && site
      ? { pagesPerSecond: (n + 8) / (siteMs / 1000), siteToBareAstroRatio: median(siteAlone) / baselineMs, siteInBuildToBareAstroRatio: siteMs / baselineMs }
      : {}),
    outputs: {
      disk: await folderSize(path.join(diskRoot, `dist-${n}`)),
      shm: await folderSize(path.join(shmRoot, `dist-${n}`)),
    },
  };
  results.push(result);
  await rm(path.join(shmRoot, `dist-${n}`), { recursive: true, force: true });
}

const scaling = results.length > 1 ? results.slice(1).map((r, i) => ({ from: results[i]!.modules, to: r.modules, buildCostRatio: r.medians.buildMs! / results[i]!.medians.buildMs! })) : [];
await writeFile(path.resolve(root, values.out), `${JSON.stringify({ machine: `${process.platform} ${process.arch}, node ${process.version}`, site, results, scaling }, null, 2)}\n`);

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const f = (x: number | undefined, d = 0) => (x === undefined ? '–' : x.toFixed(d));
const lines = [
  row(['modules', 'parse floor ms', 'check ms', 'check/floor', 'build ms', 'build ms (shm)', 'bare Astro ms', 'build/(floor+Astro)', 'site/bare Astro', 'site in build/bare Astro', 'rebuild/cold', 'after edit/cold', 'packages/zip floor', 'pages/s', 'peak MB', 'recheck ms']),
  row(Array(16).fill('---')),
  ...results.map((r) =>
    row([r.modules, f(r.medians.parseFloorMs), f(r.medians.checkMs), f(r.checkToParseRatio, 2), f(r.medians.buildMs), f(r.medians.buildShmMs), f(r.medians.bareAstroMs), f(r.buildToFloorRatio, 2), f(r.siteToBareAstroRatio, 2), f(r.siteInBuildToBareAstroRatio, 2), f(r.rebuildToColdRatio, 2), f(r.editRebuildToColdRatio, 2), f(r.packageToZipFloorRatio, 2), f(r.pagesPerSecond), f(r.peakMemoryMB), f(r.recheckMs, 1)]),
  ),
  '',
  'Stages (median ms): ' + results.map((r) => `${r.modules}: ${Object.entries(r.stageMediansMs).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`).join('; '),
  ...scaling.map((s) => `Build cost ${s.from} → ${s.to} modules: ×${s.buildCostRatio.toFixed(2)}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
