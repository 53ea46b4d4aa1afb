/**
 * Runs learners through SCOs and AUs under the LMS emulators, with one fault per run, and
 * checks the properties every run must keep:
 *
 * - passed-recorded: a learner who passed is recorded passed after at most one relaunch;
 * - never-down: the LMS's status for the learner never goes down;
 * - attempt-limit: no more judged takes than the program's policy allows;
 * - no-lockout: while the policy still grants a take and the learner has not passed, the
 *   LMS and the package let the learner take it;
 * - counted-once: nothing is counted twice (LMS attempts without a take; cmi5: one
 *   passed and one completed statement per registration, one verdict per take).
 *
 * The learner is driven with real clicks; the right and wrong options come from the
 * page's own quiz data, so the harness knows whether a take passes without trusting what
 * the page says about it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import sax from 'sax';
import { check } from '../../../src/index.ts';
import type { Curriculum } from '../../../src/model/types.ts';
import { MemoStore } from '../../../src/cache/memo-store.ts';
import type { EmitContext, OutputFile } from '../../../src/emit/types.ts';
import { emitCmi5 } from '../../../src/emit/cmi5/index.ts';
import { emitScorm12 } from '../../../src/emit/scorm12/index.ts';
import { emitScorm2004 } from '../../../src/emit/scorm2004/index.ts';
import { moodleActivitySettings, scormCloudPackageProperties } from '../../../src/emit/lms-notes/index.ts';
import { startStaticServer, type StaticServer } from '../static-server.ts';
import { startTestLrs, type TestLrs } from '../lrs.ts';
import { Cmi5Lms, FaultyLrsProxy, VERB, type AuEntry } from './cmi5-player.ts';
import { faultName, FaultPlan, type Fault } from './faults.ts';
import { ScormPlayer, type ScormLaunch } from './scorm-player.ts';
import { CanvasScorm, MoodleScorm, RusticiScorm, statusRank, type LmsRecord, type ScoManifest, type ScormLms, type ScormVersion } from './scorm-rules.ts';

export type EmulatorId = 'moodle-1.2' | 'moodle-2004' | 'scorm-cloud-1.2' | 'scorm-cloud-2004' | 'canvas-1.2' | 'canvas-2004' | 'cmi5';
export const emulatorIds: readonly EmulatorId[] = ['moodle-1.2', 'moodle-2004', 'scorm-cloud-1.2', 'scorm-cloud-2004', 'canvas-1.2', 'canvas-2004', 'cmi5'];

/** How the learner answers: fail the first take and pass the second, pass at once, or keep failing. */
export type Plan = 'fail-then-pass' | 'pass' | 'fail-always';

export interface RunSpec {
  readonly emulator: EmulatorId;
  readonly program: string;
  readonly moduleId: string;
  readonly fault: Fault;
  readonly plan: Plan;
}

export type PropertyId = 'passed-recorded' | 'never-down' | 'attempt-limit' | 'no-lockout' | 'counted-once';
export const propertyIds: readonly PropertyId[] = ['passed-recorded', 'never-down', 'attempt-limit', 'no-lockout', 'counted-once'];

export interface RunResult {
  readonly spec: RunSpec;
  readonly name: string;
  /** Property → null when it held, else what was seen. */
  readonly properties: Record<PropertyId, string | null>;
  readonly launches: number;
  readonly takes: number;
  /** Whether the injected fault happened (the page closed at its step, the request it targets met it); false for "none". */
  readonly faultMet: boolean;
  readonly log: readonly string[];
}

/**
 * The settings each emulated LMS is given: for Moodle and SCORM Cloud, those the import
 * notes recommend (src/emit/lms-notes/notes.ts), so that the notes are tested with the
 * LMS's rules. Canvas's SCORM tool exposes no run-time data setting to the course, and
 * Instructure does not document the Engine settings it uses; the emulator takes the one
 * that is hardest on a package, a reset of the data after any exit but suspend.
 */
function scormLms(emulator: EmulatorId, sco: ScoManifest, learner: string, rule: { minScore: number; attempts: number | 'unlimited' }): ScormLms {
  const version: ScormVersion = emulator.endsWith('1.2') ? '1.2' : '2004';
  if (emulator.startsWith('moodle')) {
    const m = moodleActivitySettings(rule);
    return new MoodleScorm(
      version,
      sco,
      { maxAttempt: m.maxAttempt, forceNewAttempt: m.forceNewAttempt, lastAttemptLock: m.lastAttemptLock, masteryOverride: m.masteryOverride, gradeMethod: 1, whatGrade: 0 },
      learner,
    );
  }
  if (emulator.startsWith('canvas')) return new CanvasScorm(version, sco, { resetRunTimeData: 'when-exit-is-not-suspend' }, learner);
  const reset = scormCloudPackageProperties.resetRunTimeDataTiming === 'never' ? 'never' : 'when-exit-is-not-suspend';
  return new RusticiScorm('SCORM Cloud', version, sco, { resetRunTimeData: reset }, learner);
}

/* ---- packages ---- */

function unzipToMap(zip: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(zip)).filter(([path]) => !path.endsWith('/')));
}

/** Reads what an LMS reads from a module package's imsmanifest.xml. */
export function readScoManifest(xml: string, version: ScormVersion): ScoManifest {
  const parser = sax.parser(true, {});
  const stack: string[] = [];
  let itemId = '';
  let identifierref = '';
  const hrefs = new Map<string, string>();
  let masteryScore: number | undefined;
  let scaled: number | undefined;
  let satisfiedByMeasure = false;
  let attemptLimit: number | undefined;
  let text = '';
  parser.onopentag = (tag) => {
    const name = tag.name;
    stack.push(name);
    text = '';
    const attr = (n: string) => tag.attributes[n] as string | undefined;
    if (name === 'item' && attr('identifierref')) {
      itemId = attr('identifier')!;
      identifierref = attr('identifierref')!;
    }
    if (name === 'resource') hrefs.set(attr('identifier')!, attr('href') ?? '');
    if (name.endsWith('limitConditions') && attr('attemptLimit')) attemptLimit = Number(attr('attemptLimit'));
    if (name.endsWith('primaryObjective')) satisfiedByMeasure = attr('satisfiedByMeasure') === 'true';
  };
  parser.ontext = (t) => {
    text += t;
  };
  parser.onclosetag = (name) => {
    if (name.endsWith('masteryscore')) masteryScore = Number(text.trim());
    if (name.endsWith('minNormalizedMeasure') && stack.some((s) => s.endsWith('primaryObjective')) && satisfiedByMeasure) scaled = Number(text.trim());
    stack.pop();
  };
  parser.write(xml).close();
  return {
    version,
    itemId,
    href: hrefs.get(identifierref) ?? '',
    ...(masteryScore !== undefined ? { masteryScore } : {}),
    ...(scaled !== undefined ? { scaledPassingScore: scaled } : {}),
    ...(attemptLimit !== undefined ? { attemptLimit } : {}),
  };
}

/** Reads the AU of a module's cmi5.xml. */
export function readAu(xml: string): AuEntry {
  const parser = sax.parser(true, {});
  let au: { id: string; moveOn: string; masteryScore?: number } | undefined;
  let url = '';
  let inUrl = false;
  parser.onopentag = (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'au') au = { id: a.id!, moveOn: a.moveOn!, ...(a.masteryScore !== undefined ? { masteryScore: Number(a.masteryScore) } : {}) };
    inUrl = tag.name === 'url';
  };
  parser.ontext = (t) => {
    if (inUrl) url += t;
  };
  parser.onclosetag = () => {
    inUrl = false;
  };
  parser.write(xml).close();
  return { ...au!, url: url.trim() };
}

/* ---- the world: server, LRS, packages, browser ---- */

export interface World {
  readonly server: StaticServer;
  readonly player: ScormPlayer;
  readonly lrs: TestLrs;
  readonly proxy: FaultyLrsProxy;
  readonly curricula: readonly Curriculum[];
  readonly browser: Browser;
  /** The page runs use, kept open between runs (opening one costs more than a launch); a run that closes it gets a new one. */
  page(): Promise<Page>;
  /** Forgets the page after a run closed it. */
  pageClosed(): void;
  close(): Promise<void>;
}

/**
 * The module packages, as a rebuild serves them: `build` keeps the HTML of each Markdown
 * text and the compressed bytes of each file in memos on disk (cache/memo-store.ts), and a
 * later build puts those into its packages. The packages are made once to fill the memos,
 * then again from the memos read back; the second must equal the first byte for byte, and
 * it is the one the emulators run.
 */
async function packagesAsBuildServesThem(curricula: readonly Curriculum[], context: EmitContext): Promise<OutputFile[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'curriculum-lms-memos-'));
  const make = (programs: readonly Curriculum[], catalog: EmitContext['catalog']) =>
    programs.flatMap((c) => [...emitScorm12(c, { catalog, curricula: programs }), ...emitScorm2004(c, { catalog, curricula: programs }), ...emitCmi5(c, { catalog, curricula: programs })]).filter((f) => f.path.includes('/modules/'));
  try {
    let store = await MemoStore.open('lms-world', ['markdown', 'deflate'], dir);
    const made = make(curricula, context.catalog);
    await store.close();
    // Models checked anew, as a later build has: the emitters' own caches hold on to the models they saw.
    const again = await check('curriculum');
    store = await MemoStore.open('lms-world', ['markdown', 'deflate'], dir);
    const served = make(again.curricula, again.catalog);
    const stats = await store.close();
    if (!stats.deflate?.hits || !stats.markdown?.hits) throw new Error(`the packages were not served from the memos: ${JSON.stringify(stats)}`);
    const differing = served.filter((f, i) => f.path !== made[i]?.path || !Buffer.from(f.contents as Uint8Array).equals(Buffer.from(made[i]!.contents as Uint8Array)));
    if (differing.length > 0 || served.length !== made.length) throw new Error(`packages served from the memos differ from those made: ${differing.map((f) => f.path).slice(0, 3).join(', ')}`);
    return served;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function startWorld(browser: Browser): Promise<World> {
  const checked = await check('curriculum');
  const curricula = checked.curricula;
  const server = await startStaticServer();
  const player = new ScormPlayer(server);
  const lrs = await startTestLrs();
  const proxy = new FaultyLrsProxy(lrs);
  await proxy.start();
  server.mount('lms-return', new Map([['index.html', '<!DOCTYPE html><html lang="en"><title>LMS</title><link rel="icon" href="data:,"><p>Back in the LMS</p></html>']]));
  const context = { catalog: checked.catalog, curricula };
  for (const file of await packagesAsBuildServesThem(curricula, context)) {
    server.mount(`pkg/${file.path.replace(/\.zip$/, '')}`, unzipToMap(file.contents as Uint8Array));
  }
  let page: Page | undefined;
  return {
    server,
    player,
    lrs,
    proxy,
    curricula,
    browser,
    page: async () => (page ??= await browser.newPage()),
    pageClosed: () => {
      page = undefined;
    },
    close: async () => {
      await page?.close();
      await proxy.close();
      await lrs.close();
      await server.close();
    },
  };
}

/** Every (program, module) pair of the bundled programs that has an assessment. */
export function allScos(world: World): { program: string; moduleId: string }[] {
  return world.curricula.flatMap((c) => c.modules.filter((m) => m.assessment).map((m) => ({ program: c.program.id, moduleId: m.id })));
}

/* ---- the learner ---- */

interface QuizView {
  readonly passMark: number;
  readonly attempts: number | null;
  readonly display: string;
  readonly questions: readonly { id: string; points: number; options: readonly { id: string; correct: boolean }[] }[];
}

type Scope = Page | Frame;

async function quizOf(scope: Scope): Promise<QuizView | null> {
  const text = await scope.locator('#sco-data').textContent();
  const data = JSON.parse(text ?? '{}') as { assessment?: QuizView | null };
  return data.assessment ?? null;
}

/** The control that starts a take (first, continued, or again), if the page offers one. */
const startSelector = '#sco-quiz button[data-action="start"]:not([disabled]), #sco-quiz button[data-action="retry"]:not([disabled]), #sco-quiz button[data-action="try-again"]:not([disabled])';

async function offersTake(scope: Scope): Promise<boolean> {
  return (await scope.locator(startSelector).count()) > 0;
}

/**
 * Answers one take: right answers where the plan says so; stops before submitting when
 * `stopBeforeSubmit`. Returns whether the answers reach the pass mark.
 */
async function answerTake(scope: Scope, quiz: QuizView, right: boolean, stopBeforeSubmit: boolean): Promise<{ passes: boolean; submitted: boolean }> {
  // "Try again" may lead to the assessment's introduction first, whose button starts the take.
  for (let i = 0; i < 3 && (await scope.locator('.sco-question').count()) === 0; i++) {
    const start = scope.locator(startSelector).first();
    if ((await start.count()) > 0) await start.click();
    await scope.locator(`.sco-question, ${startSelector}`).first().waitFor({ timeout: 10_000 });
  }
  await scope.locator('.sco-question').first().waitFor();
  // A take resumed one question at a time opens at the question where the learner was:
  // back to the first, so that every answer is given (again) and counted here.
  if (quiz.display === 'one-at-a-time') {
    for (let i = 0; i < 200; i++) {
      const at = Number(await scope.locator('.sco-question').first().getAttribute('data-question-position'));
      if (!(at > 0)) break;
      await scope.locator('#sco-quiz button[data-action="previous"]').click();
      await scope.locator(`.sco-question[data-question-position="${at - 1}"]`).waitFor();
    }
  }
  let earned = 0;
  let total = 0;
  const count = await scope.locator('.sco-question').count();
  const oneAtATime = quiz.display === 'one-at-a-time';
  const positions = oneAtATime ? Number.POSITIVE_INFINITY : count;
  for (let position = 0; position < positions; position++) {
    const group = scope.locator(`.sco-question[data-question-position="${position}"]`);
    if (oneAtATime && (await group.count()) === 0) break;
    const id = await group.getAttribute('data-question-id');
    const question = quiz.questions.find((q) => q.id === id)!;
    // A take that passes answers every question right; one that fails answers none right.
    const rightHere = right;
    const picks = rightHere ? question.options.filter((o) => o.correct) : [question.options.find((o) => !o.correct)!];
    for (const option of picks) {
      const input = group.locator(`input[data-option-id="${option.id}"]`);
      if (!(await input.isChecked())) await input.click();
    }
    total += question.points;
    if (rightHere) earned += question.points;
    const next = scope.locator('#sco-quiz button[data-action="next"]');
    if (oneAtATime && (await next.count()) > 0 && (await next.isVisible())) await next.click();
    else if (oneAtATime) break;
  }
  const passes = total > 0 && Math.floor((earned * 10000) / total) >= quiz.passMark;
  if (stopBeforeSubmit) return { passes, submitted: false };
  await scope.locator('#sco-quiz button[data-action="submit"]').click();
  return { passes, submitted: true };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether the plan answers the `take`th take (1-based) right. */
function planRight(plan: Plan, take: number): boolean {
  return plan === 'pass' ? true : plan === 'fail-then-pass' ? take >= 2 : false;
}

interface Tracker {
  started?: number;
  takes: number;
  sawPass: boolean;
  statuses: string[];
  log: string[];
}

/**
 * One session of the learner: open, take what the page offers while the plan wants to,
 * then leave (or meet the fault). Returns whether the page was closed by the fault.
 */
async function learnerSession(scope: Scope, t: Tracker, spec: RunSpec, closeNow: (step: string) => Promise<boolean>, recording: boolean): Promise<'closed' | 'left' | 'nothing-offered'> {
  const holdsVerdict = spec.fault.kind === 'close' && spec.fault.at === 'during-verdict-commit';
  if (await closeNow('after-initialize')) return 'closed';
  const quiz = await quizOf(scope);
  if (!quiz) return 'nothing-offered';
  let tookAny = false;
  // Takes in place, as long as the page offers one and the learner has not passed.
  for (let guard = 0; guard < 4 && !t.sawPass; guard++) {
    // The page may need a moment to offer the next take (a commit in flight).
    let offered = await offersTake(scope);
    for (let i = 0; !offered && i < 5; i++) {
      await sleep(100);
      offered = await offersTake(scope);
    }
    if (!offered) break;
    if (!recording) {
      t.log.push('the page offers a take, but not recorded (review/browse): the learner leaves');
      break;
    }
    const take = t.takes + 1;
    const right = planRight(spec.plan, take);
    const answered = await answerTake(scope, quiz, right, true);
    if (await closeNow('after-answering')) return 'closed';
    // The submit is not awaited when the page is to be closed during the verdict's commit:
    // a SCORM commit is a synchronous request, and the click only returns once it has.
    const submitting = scope.locator('#sco-quiz button[data-action="submit"]').click();
    if (holdsVerdict) submitting.catch(() => undefined);
    else await submitting;
    t.takes = take;
    if (answered.passes) t.sawPass = true;
    t.log.push(`${Date.now() - (t.started ?? 0)} ms: take ${take}: ${answered.passes ? 'pass' : 'fail'}`);
    tookAny = true;
    if (await closeNow('after-submit')) return 'closed';
    if (await closeNow('during-verdict-commit')) return 'closed';
    await scope.locator('.sco-result-title').waitFor({ timeout: 15_000 });
  }
  return tookAny ? 'left' : 'nothing-offered';
}

/* ---- SCORM runs ---- */

let launchCounter = 0;

async function scormRun(world: World, spec: RunSpec, log: string[]): Promise<RunResult> {
  const version: ScormVersion = spec.emulator.endsWith('1.2') ? '1.2' : '2004';
  const folder = version === '1.2' ? 'scorm-1.2' : 'scorm-2004';
  const base = `/pkg/${spec.program}/modules/${spec.moduleId}/${folder}`;
  const manifest = readScoManifest(await (await fetch(`${world.server.origin}${base}/imsmanifest.xml`)).text(), version);
  const curriculum = world.curricula.find((c) => c.program.id === spec.program)!;
  const module = curriculum.modules.find((m) => m.id === spec.moduleId)!;
  const policyAttempts = typeof module.assessment!.pass.attempts === 'number' ? module.assessment!.pass.attempts : null;
  const learner = `learner-${spec.emulator}-${spec.moduleId}-${launchCounter++}`;
  const lms = scormLms(spec.emulator, manifest, learner, module.assessment!.pass);
  const faults = new FaultPlan(spec.fault);
  const t: Tracker = { takes: 0, sawPass: false, statuses: [], log, started: Date.now() };
  const records: LmsRecord[] = [];
  const snapshot = () => records.push(lms.record());
  let page: Page | undefined;
  let launches = 0;
  let closedOnce = false;
  let relaunchesAfterPass = 0;
  let errorRelaunches = 0;
  let stoppedBecause = '';
  try {
    for (let n = 0; n < 6; n++) {
      // The learner asks for a new attempt where the LMS offers one and the learner has not passed.
      const decision = lms.launch(!t.sawPass);
      launches++;
      if (decision.kind === 'blocked') {
        t.log.push(`${Date.now() - (t.started ?? 0)} ms: launch ${launches}: blocked (${decision.reason})`);
        stoppedBecause = 'blocked';
        break;
      }
      t.log.push(`${Date.now() - (t.started ?? 0)} ms: launch ${launches}: attempt ${decision.attempt}, ${decision.mode}`);
      const launch: ScormLaunch = { id: `L${launchCounter++}`, lms, attempt: decision.attempt, mode: decision.mode, faults, stored: [], received: 0, terminated: false, onStored: snapshot };
      world.player.register(launch);
      page ??= await world.page();
      if (!page.url().endsWith('/lms/player.html')) await page.goto(world.player.playerUrl);
      await page.evaluate((o) => (window as any).launchSco(o), { version, launch: launch.id, cmi: decision.cmi, url: `${base}/${manifest.href}` });
      const frame = page.frameLocator('#sco');
      await frame.locator('html[data-sco-session]').waitFor({ state: 'attached', timeout: 15_000 });
      await frame.locator('html[data-sco-session="ready"], html[data-sco-session="failed"]').waitFor({ state: 'attached', timeout: 15_000 });
      const scope = (await (await page.$('#sco'))!.contentFrame())!;
      t.log.push(`${Date.now() - (t.started ?? 0)} ms: ready`);
      const isRelaunchAfterPass = t.sawPass;
      if (isRelaunchAfterPass) relaunchesAfterPass++;
      const currentPage = page;
      const closeNow = async (step: string): Promise<boolean> => {
        if (closedOnce || spec.fault.kind !== 'close' || spec.fault.at !== step) return false;
        if (step === 'during-verdict-commit') {
          // Wait until the verdict's commit is being held, then close.
          for (let i = 0; i < 100 && !launch.held; i++) await sleep(50);
          if (!launch.held) return false;
        }
        closedOnce = true;
        t.log.push(`page closed ${step}`);
        const closing = currentPage.close({ runBeforeUnload: true });
        launch.held?.();
        await closing;
        await sleep(300);
        page = undefined;
        world.pageClosed();
        return true;
      };
      const outcome = isRelaunchAfterPass ? 'left' : await learnerSession(scope, t, spec, closeNow, decision.mode === 'normal');
      const sawError = outcome !== 'closed' && (await scope.locator('html[data-sco-session="failed"], .sco-error').count()) > 0;
      if (sawError) t.log.push(`the page showed an error: ${await scope.locator('.sco-error').first().textContent().catch(() => '')}`);
      if (outcome !== 'closed') {
        await page!.evaluate(() => (window as any).unloadSco());
        for (let i = 0; i < 40 && !launch.terminated; i++) await sleep(50);
      }
      snapshot();
      if (isRelaunchAfterPass) break;
      if (outcome === 'nothing-offered' && !t.sawPass) {
        // A learner who met an error opens the module again (twice at most); one who was
        // simply offered nothing stops.
        if (sawError && errorRelaunches < 2) {
          errorRelaunches++;
          continue;
        }
        stoppedBecause = decision.mode === 'normal' ? `no take offered${sawError ? ' (the page showed an error)' : ''}` : `${decision.mode} mode`;
        break;
      }
      if (t.sawPass && relaunchesAfterPass >= 1) break;
    }
  } finally {
    // The next run starts from the player page with no SCO loaded.
    if (page) await page.goto('about:blank');
  }
  const final = lms.record();
  const properties = checkProperties({
    sawPass: t.sawPass,
    finalPassed: final.status === 'passed',
    relaunchesAfterPass,
    statuses: records.map((r) => r.status),
    takes: t.takes,
    policyAttempts,
    stoppedBecause,
    lmsAttempts: final.attempts,
    countedTwice: [],
  });
  const faultMet = spec.fault.kind === 'close' ? closedOnce : faults.met;
  return { spec, name: runName(spec), properties, launches, takes: t.takes, faultMet, log: [...t.log, `record: ${JSON.stringify(final)}`] };
}

/* ---- cmi5 runs ---- */

async function cmi5Run(world: World, spec: RunSpec, log: string[]): Promise<RunResult> {
  const base = `${world.server.origin}/pkg/${spec.program}/modules/${spec.moduleId}/cmi5`;
  const au = readAu(await (await fetch(`${base}/cmi5.xml`)).text());
  const curriculum = world.curricula.find((c) => c.program.id === spec.program)!;
  const module = curriculum.modules.find((m) => m.id === spec.moduleId)!;
  const policyAttempts = typeof module.assessment!.pass.attempts === 'number' ? module.assessment!.pass.attempts : null;
  const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: `cmi5-${spec.moduleId}-${launchCounter++}` } };
  const lms = new Cmi5Lms(world.lrs, world.proxy, au, base, actor);
  const faults = new FaultPlan(spec.fault);
  world.proxy.beginRun(faults);
  const t: Tracker = { takes: 0, sawPass: false, statuses: [], log, started: Date.now() };
  const statuses: string[] = [];
  let page: Page | undefined;
  let launches = 0;
  let closedOnce = false;
  let relaunchesAfterPass = 0;
  let errorRelaunches = 0;
  let stoppedBecause = '';
  const returnURL = `${world.server.origin}/lms-return/index.html`;
  /** The latest verdict the LRS holds, in the order it accepted them. */
  const latest = () => {
    const verdicts = lms.statements().filter((s) => s.verb.id === VERB.passed || s.verb.id === VERB.failed);
    return verdicts.length ? (verdicts.at(-1)!.verb.id === VERB.passed ? 'passed' : 'failed') : lms.record().completed ? 'completed' : 'none';
  };
  try {
    for (let n = 0; n < 6; n++) {
      launches++;
      const url = lms.launchUrl(returnURL);
      t.log.push(`${Date.now() - (t.started ?? 0)} ms: launch ${launches}: session ${lms.sessions.at(-1)}`);
      page ??= await world.page();
      await page.goto(url);
      await page.locator('html[data-sco-session="ready"], html[data-sco-session="failed"]').waitFor({ state: 'attached', timeout: 20_000 });
      const isRelaunchAfterPass = t.sawPass;
      if (isRelaunchAfterPass) relaunchesAfterPass++;
      const currentPage = page;
      const closeNow = async (step: string): Promise<boolean> => {
        if (closedOnce || spec.fault.kind !== 'close' || spec.fault.at !== step) return false;
        if (step === 'during-verdict-commit') {
          for (let i = 0; i < 100 && !world.proxy.held; i++) await sleep(50);
          if (!world.proxy.held) return false;
        }
        closedOnce = true;
        t.log.push(`page closed ${step}`);
        const closing = currentPage.close({ runBeforeUnload: true });
        await closing;
        // The keepalive requests of pagehide still reach the LRS after the page is gone.
        await sleep(500);
        world.proxy.held?.();
        page = undefined;
        world.pageClosed();
        return true;
      };
      const outcome = isRelaunchAfterPass ? 'left' : await learnerSession(page, t, spec, closeNow, true);
      const sawError = outcome !== 'closed' && (await page!.locator('html[data-sco-session="failed"], .sco-error').count()) > 0;
      if (sawError) t.log.push(`the page showed an error: ${await page!.locator('.sco-error').first().textContent().catch(() => '')}`);
      if (outcome !== 'closed') {
        // The learner leaves with the AU's Exit button when it has one, else by closing the page.
        const exit = page!.locator('[data-action="exit"]');
        if ((await exit.count()) > 0 && (await exit.isEnabled())) {
          await exit.click();
          await page!.waitForURL(returnURL, { timeout: 10_000 }).catch(() => undefined);
        } else {
          await page!.goto('about:blank');
        }
        await sleep(200);
      }
      statuses.push(latest());
      if (isRelaunchAfterPass) break;
      if (outcome === 'nothing-offered' && !t.sawPass) {
        if (sawError && errorRelaunches < 2) {
          errorRelaunches++;
          continue;
        }
        stoppedBecause = `no take offered${sawError ? ' (the page showed an error)' : ''}`;
        break;
      }
    }
  } finally {
    if (page) await page.goto('about:blank');
    world.proxy.faults = undefined;
  }
  // Let keepalive requests of the last page land.
  await sleep(300);
  statuses.push(latest());
  const record = lms.record();
  const countedTwice: string[] = [];
  if (record.passed > 1) countedTwice.push(`${record.passed} passed statements in one registration`);
  if (record.completed > 1) countedTwice.push(`${record.completed} completed statements in one registration`);
  if (record.passed + record.failed > t.takes) countedTwice.push(`${record.passed + record.failed} verdicts for ${t.takes} takes`);
  const properties = checkProperties({
    sawPass: t.sawPass,
    finalPassed: record.passed > 0 && record.satisfied,
    relaunchesAfterPass,
    statuses,
    takes: t.takes,
    policyAttempts,
    stoppedBecause,
    lmsAttempts: record.passed + record.failed,
    countedTwice,
  });
  const faultMet = spec.fault.kind === 'close' ? closedOnce : faults.met;
  return { spec, name: runName(spec), properties, launches, takes: t.takes, faultMet, log: [...t.log, `record: ${JSON.stringify(record)}`, ...world.proxy.trace.map((line) => `LRS: ${line}`), ...(world.proxy.refusedAfterTerminate.length ? [`statements refused after terminated: ${world.proxy.refusedAfterTerminate.length}`] : [])] };
}

/* ---- properties ---- */

const rank = (s: string) => statusRank[s as LmsRecord['status']] ?? 0;

function checkProperties(o: {
  sawPass: boolean;
  finalPassed: boolean;
  relaunchesAfterPass: number;
  statuses: readonly string[];
  takes: number;
  policyAttempts: number | null;
  stoppedBecause: string;
  lmsAttempts: number;
  countedTwice: readonly string[];
}): Record<PropertyId, string | null> {
  const downs: string[] = [];
  for (let i = 1; i < o.statuses.length; i++) if (rank(o.statuses[i]!) < rank(o.statuses[i - 1]!) || (o.statuses[i - 1] === 'passed' && o.statuses[i] !== 'passed')) downs.push(`${o.statuses[i - 1]} → ${o.statuses[i]}`);
  const grants = o.policyAttempts === null ? 2 : o.policyAttempts;
  return {
    'passed-recorded': !o.sawPass || o.finalPassed ? null : `passed on screen, LMS shows ${o.statuses.at(-1) ?? 'nothing'} after ${o.relaunchesAfterPass} relaunch`,
    'never-down': downs.length ? downs.join(', ') : null,
    'attempt-limit': o.policyAttempts !== null && o.takes > o.policyAttempts ? `${o.takes} takes judged, the policy allows ${o.policyAttempts}` : null,
    'no-lockout': !o.sawPass && o.takes < grants && o.stoppedBecause ? `after ${o.takes} take(s) the learner could not take another: ${o.stoppedBecause}` : null,
    'counted-once': o.countedTwice.length ? o.countedTwice.join('; ') : o.lmsAttempts > Math.max(1, o.takes) ? `the LMS counts ${o.lmsAttempts} attempts for ${o.takes} take(s)` : null,
  };
}

export function runName(spec: RunSpec): string {
  return `${spec.emulator} · ${spec.program}/${spec.moduleId} · ${faultName(spec.fault)} · ${spec.plan}`;
}

export async function runOne(world: World, spec: RunSpec): Promise<RunResult> {
  const log: string[] = [];
  try {
    return await (spec.emulator === 'cmi5' ? cmi5Run(world, spec, log) : scormRun(world, spec, log));
  } catch (error) {
    // A run that could not finish is reported with what it saw, and the page is replaced.
    world.pageClosed();
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const failed = `the run could not finish: ${message}`;
    return { spec, name: runName(spec), properties: Object.fromEntries(propertyIds.map((p) => [p, failed])) as RunResult['properties'], launches: 0, takes: 0, faultMet: false, log };
  }
}
