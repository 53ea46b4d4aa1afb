/**
 * Every SCO of both programs, run in Debian Chromium under scorm-again (Scorm12API and
 * Scorm2004API, the runtime many LMSs embed). A launcher page plays the LMS: it reads
 * the package's imsmanifest.xml, passes the pass mark from it to the API (as an LMS
 * does), loads the SCO in an iframe, and carries the CMI data from one session to the
 * next when the SCO suspended (as an LMS resuming an attempt does). The quiz is driven
 * with real clicks and keys; the CMI data is read back from the API object.
 *
 * No mock: the packages are the emitters' zips, unzipped and served over HTTP.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import type { Curriculum, Module } from '../src/model/types.ts';
import { quizData, type ScoData } from '../src/emit/package/quiz-data.ts';
import { messagesFor } from '../src/i18n/index.ts';
// The runtime's own draw (the module the package bundles): from the module, the learner and
// the attempt, the test knows which question each position shows, and then checks that the
// page showed exactly those.
import { drawNthTake } from '../src/emit/package/runtime/draw.ts';
import { emitScorm12 } from '../src/emit/scorm12/index.ts';
import { emitScorm2004 } from '../src/emit/scorm2004/index.ts';
import type { EmitContext, ProgramEmitter } from '../src/emit/types.ts';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './support/browser.ts';
import { startStaticServer, type StaticServer } from './support/static-server.ts';

type Version = '1.2' | '2004';

const launcherHtml = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>LMS launcher</title><link rel="icon" href="data:,">
<script src="/lib/scorm12.js"></script><script src="/lib/scorm2004.js"></script></head>
<body><iframe id="sco" title="SCO" style="width: 1000px; height: 800px"></iframe>
<script>
/**
 * Launches one item of a package the way an LMS would: from the manifest, with a fresh
 * API object (the previous one, finished, is dropped), in the same SCO frame.
 */
window.launch = async function (o) {
  window.calls = [];
  window.logs = [];
  window.suspendWrites = [];
  delete window.API;
  delete window.API_1484_11;
  const text = await (await fetch(o.base + '/imsmanifest.xml')).text();
  const manifest = new DOMParser().parseFromString(text, 'application/xml');
  const item = [...manifest.getElementsByTagName('item')].find((i) => i.getAttribute('identifier') === o.item);
  if (!item) throw new Error('no item ' + o.item);
  const resource = [...manifest.getElementsByTagName('resource')].find((r) => r.getAttribute('identifier') === item.getAttribute('identifierref'));
  const settings = { logLevel: 1, onLogMessage: (level, message) => logs.push({ level: String(level), message: String(message) }) };
  let api;
  if (o.version === '1.2') {
    api = new Scorm12API(settings);
    if (o.previous) api.loadFromJSON(o.previous);
    const mastery = item.getElementsByTagNameNS('http://www.adlnet.org/xsd/adlcp_rootv1p2', 'masteryscore')[0];
    if (mastery) api.cmi.student_data.mastery_score = mastery.textContent.trim();
    api.cmi.core.student_id = o.learner;
    api.cmi.core.lesson_mode = o.mode || 'normal';
    api.cmi.core.entry = o.previous && !o.newAttempt ? 'resume' : 'ab-initio';
    for (const name of ['LMSInitialize', 'LMSCommit', 'LMSFinish']) api.on(name, () => calls.push(name));
    api.on('LMSSetValue.cmi.*', (element, value) => { calls.push('set ' + element); if (element === 'cmi.suspend_data') suspendWrites.push(String(value)); });
    window.API = api;
  } else {
    api = new Scorm2004API(settings);
    if (o.previous) api.loadFromJSON(o.previous);
    const primary = item.getElementsByTagNameNS('http://www.imsglobal.org/xsd/imsss', 'primaryObjective')[0];
    if (primary && primary.getAttribute('satisfiedByMeasure') === 'true') {
      api.cmi.scaled_passing_score = primary.getElementsByTagNameNS('http://www.imsglobal.org/xsd/imsss', 'minNormalizedMeasure')[0].textContent.trim();
    }
    api.cmi.learner_id = o.learner;
    api.cmi.mode = o.mode || 'normal';
    api.cmi.entry = o.previous && !o.newAttempt ? 'resume' : 'ab-initio';
    for (const name of ['Initialize', 'Commit', 'Terminate']) api.on(name, () => calls.push(name));
    api.on('SetValue.cmi.*', (element, value) => { calls.push('set ' + element); if (element === 'cmi.suspend_data') suspendWrites.push(String(value)); });
    window.API_1484_11 = api;
  }
  const url = o.base + '/' + resource.getAttribute('href');
  // Some LMSs open the SCO in a pop-up; the SCO then finds the API through window.opener.
  if (o.popup) window.scoWindow = window.open(url, 'sco', 'popup');
  else document.getElementById('sco').src = url;
};
/** Navigates the SCO frame away, as an LMS does when the learner leaves. */
window.unloadSco = () => new Promise((resolve) => {
  const frame = document.getElementById('sco');
  frame.addEventListener('load', resolve, { once: true });
  frame.src = 'about:blank';
});
window.cmiData = () => (window.API || window.API_1484_11).renderCMIToJSONObject();
</script></body></html>`;

/** What one session left behind. */
interface Session {
  /** The API's CMI data after the SCO finished. */
  readonly cmi: Record<string, any>;
  readonly calls: readonly string[];
  readonly logs: readonly { level: string; message: string }[];
  readonly suspendWrites: readonly string[];
  readonly pageErrors: readonly string[];
  /** The quiz panel's text at the end. */
  readonly panel: string;
}

/** Which questions of a take to answer right, by position in the take. */
type Plan = (position: number, count: number) => boolean;

const everyRight: Plan = () => true;
const onlyFirstRight: Plan = (position) => position === 0;
/** The fewest right answers that reach the pass mark (with equal points). */
const justEnough = (passMark: number): Plan => (position, count) => position < Math.ceil((passMark * count) / 10000);

// The model is loaded before the tests are collected, so that there is one test per SCO.
const checked = await check('curriculum');
const curricula: readonly Curriculum[] = checked.curricula;
/**
 * A variant of crisis-scro for the cases the two programs do not have: a module without
 * an assessment, one with all questions at once, one whose bank is so large that a
 * take in progress cannot fit SCORM 1.2's 4096 characters of suspend_data, and one that
 * draws 2 questions of its bank per take and keeps explanations for after the last take.
 */
const variant = (() => {
  const crisis = curricula.find((c) => c.program.id === 'crisis-scro')!;
  const c = structuredClone(crisis) as { -readonly [K in keyof Curriculum]: Curriculum[K] };
  c.program = { ...c.program, id: 'variant' };
  const huge = {
    id: 'huge-bank',
    title: 'A very large bank',
    questions: Array.from({ length: 60 }, (_, q) => ({
      id: `huge-question-${q}`,
      type: 'multiple' as const,
      prompt: `Question ${q}: choose every option.`,
      options: Array.from({ length: 30 }, (_, o) => ({ id: `option-${o}`, text: `Option ${o}`, correct: true })),
      feedback: {},
      points: 1,
    })),
  };
  c.questionBanks = [...c.questionBanks, huge];
  c.modules = c.modules.map((m, i) =>
    i === 0
      ? { ...m, assessment: undefined }
      : i === 1
        ? { ...m, assessment: { ...m.assessment!, display: 'all-at-once' as const } }
        : i === 2
          ? { ...m, assessment: { ...m.assessment!, bankId: 'huge-bank', questionCount: 60, shuffle: false, display: 'all-at-once' as const } }
          : i === 3
            ? { ...m, assessment: { ...m.assessment!, questionCount: 2, feedback: 'after-last-take' as const } }
            : m,
  );
  return c as Curriculum;
})();

let server: StaticServer;
let launched: LaunchedBrowser | undefined;
let browser: Browser;

const formats: readonly { readonly version: Version; readonly folder: string; readonly emit: ProgramEmitter }[] = [
  { version: '1.2', folder: 'scorm-1.2', emit: emitScorm12 },
  { version: '2004', folder: 'scorm-2004', emit: emitScorm2004 },
];

function unzipToMap(zip: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(zip)).filter(([path]) => !path.endsWith('/')));
}

beforeAll(async () => {
  server = await startStaticServer();
  const lib = new Map<string, string>([
    ['scorm12.js', readFileSync('node_modules/scorm-again/dist/scorm12.min.js', 'utf8')],
    ['scorm2004.js', readFileSync('node_modules/scorm-again/dist/scorm2004.min.js', 'utf8')],
  ]);
  server.mount('lib', lib, { cacheable: true });
  server.mount('launcher', new Map([['index.html', launcherHtml]]));
  const context: EmitContext = { catalog: checked.catalog, curricula };
  for (const c of [...curricula, variant]) {
    for (const f of formats) {
      for (const file of f.emit(c, context)) {
        // <program>/scorm-1.2.zip → /pkg/<program>/scorm-1.2/ ; <program>/modules/<m>/scorm-1.2.zip → /pkg/<program>/modules/<m>/scorm-1.2/
        server.mount(`pkg/${file.path.replace(/\.zip$/, '')}`, unzipToMap(file.contents as Uint8Array));
      }
    }
  }
  if (browserAvailable || process.env.CI) {
    launched = await launchBrowser();
    browser = launched.browser;
  }
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

async function readScoData(frame: FrameLocator): Promise<ScoData> {
  return JSON.parse((await frame.locator('#sco-data').textContent()) ?? '{}') as ScoData;
}

/** Clicks a control, or focuses it and presses a key, as a keyboard user would. */
async function activate(page: Page, control: ReturnType<FrameLocator['locator']>, keyboard: boolean, key: 'Enter' | 'Space'): Promise<void> {
  if (keyboard) {
    await control.focus();
    await page.keyboard.press(key);
  } else await control.click();
}

/**
 * Answers a whole take following `plan` and submits it; the learner's `attempt`th take.
 * Each right (or a wrong) option is picked from the page's own data. Returns the
 * expected score in ten-thousandths.
 */
async function takeQuiz(page: Page, frame: FrameLocator, plan: Plan, who: { learner: string; attempt: number }, keyboard = false): Promise<number> {
  const data = await readScoData(frame);
  const quiz = data.assessment!;
  const drawn = drawNthTake(quiz, `${data.module.id}\n${who.learner}`, who.attempt);
  await activate(page, frame.locator('[data-action="start"]'), keyboard, 'Enter');
  const count = quiz.count;
  let earned = 0;
  let total = 0;
  for (let position = 0; position < count; position++) {
    const group = frame.locator(`.sco-question[data-question-position="${position}"]`);
    const question = quiz.questions.find((q) => q.id === drawn[position]!.question.id)!;
    const right = plan(position, count);
    const picks = right ? question.options.filter((o) => o.correct) : [question.options.find((o) => !o.correct)!];
    for (const option of picks) await activate(page, group.locator(`input[data-option-id="${option.id}"]`), keyboard, 'Space');
    total += question.points;
    if (right) earned += question.points;
    if (quiz.display === 'one-at-a-time' && position < count - 1) await activate(page, frame.locator('[data-action="next"]'), keyboard, 'Enter');
  }
  await activate(page, frame.locator('[data-action="submit"]'), keyboard, 'Enter');
  await frame.locator('.sco-result-title').waitFor();
  const shown = await frame.locator('.sco-feedback > li').evaluateAll((items) => items.map((i) => i.getAttribute('data-question-id')));
  const predicted = drawn.map((d) => d.question.id);
  if (JSON.stringify(shown) !== JSON.stringify(predicted)) throw new Error(`The page showed ${shown.join(', ')}; the seeded draw gives ${predicted.join(', ')}`);
  return Math.floor((earned * 10000) / total);
}

/** The errors a page reported (uncaught exceptions, console errors), collected per page. */
const pageErrors = new WeakMap<Page, string[]>();

async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Warnings too: scorm-again warns where it quietly repairs a non-standard value.
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  return page;
}

/**
 * Pages for the per-SCO tests, kept open between tests (opening a page per test costs more
 * than the test). The tests run three at a time, each on a page of its own: a test spends
 * most of its time waiting for the page (Playwright waits for each control to be still
 * before it clicks), so three overlap where one would leave the cores idle.
 */
const pagePool = { size: 3, opened: 0, idle: [] as Page[], waiting: [] as ((page: Page) => void)[] };

async function withPooledPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
  const page =
    pagePool.idle.pop() ??
    (pagePool.opened < pagePool.size ? (pagePool.opened++, await openPage()) : await new Promise<Page>((resolve) => pagePool.waiting.push(resolve)));
  try {
    return await work(page);
  } finally {
    const next = pagePool.waiting.shift();
    if (next) next(page);
    else pagePool.idle.push(page);
  }
}

/** One launch of a SCO on `page`. */
async function runSession(
  page: Page,
  options: {
    version: Version;
    base: string;
    item: string;
    learner: string;
    previous?: Record<string, any>;
    /** The LMS starts a new attempt with `previous` (entry ab-initio) instead of resuming it. */
    newAttempt?: boolean;
    mode?: 'normal' | 'browse' | 'review';
    act: (page: Page, frame: FrameLocator) => Promise<void>;
  },
): Promise<Session> {
  const errors = pageErrors.get(page)!;
  errors.length = 0;
  // The launcher stays loaded between sessions (as an LMS page often does); each launch brings a new API.
  if (!page.url().endsWith('/launcher/index.html')) await page.goto(`${server.origin}/launcher/index.html`);
  await page.evaluate((o) => (window as any).launch(o), { version: options.version, base: options.base, item: options.item, learner: options.learner, previous: options.previous ?? null, newAttempt: !!options.newAttempt, mode: options.mode ?? 'normal' });
  const frame = page.frameLocator('#sco');
  await frame.locator('html[data-sco-session="ready"]').waitFor({ state: 'attached' });
  await options.act(page, frame);
  const quizPanel = frame.locator('#sco-quiz');
  const panel = (await quizPanel.count()) > 0 ? ((await quizPanel.textContent()) ?? '') : '';
  await page.evaluate(() => (window as any).unloadSco());
  const finish = options.version === '1.2' ? 'LMSFinish' : 'Terminate';
  await page.waitForFunction((name) => (window as any).calls.includes(name), finish);
  const state = await page.evaluate(() => ({ cmi: (window as any).cmiData(), calls: (window as any).calls, logs: (window as any).logs, suspendWrites: (window as any).suspendWrites }));
  return { ...state, pageErrors: [...errors], panel };
}

/** The data an LMS keeps for the next session of a suspended attempt (write-only elements are not kept). */
function carried(session: Session, version: Version): Record<string, any> {
  const data = structuredClone(session.cmi);
  if (version === '1.2') {
    delete data.cmi.core.exit;
    delete data.cmi.core.session_time;
  } else {
    delete data.cmi.exit;
    delete data.cmi.session_time;
  }
  return data;
}

/** What every session must show: the SCO talked to the API cleanly. */
function expectClean(session: Session, version: Version, check: typeof expect): void {
  const [init, commit, finish] = version === '1.2' ? ['LMSInitialize', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'Commit', 'Terminate'];
  check(session.calls[0]).toBe(init);
  check(session.calls).toContain(commit);
  check(session.calls.at(-1)).toBe(finish);
  check(session.calls.filter((c) => c === finish)).toHaveLength(1);
  check(session.logs.filter((l) => l.level === '4' || l.level === 'ERROR')).toEqual([]);
  // Warnings too: a stricter LMS may treat as errors what scorm-again only warns about.
  check(session.logs.filter((l) => l.level === '3' || l.level === 'WARN')).toEqual([]);
  check(session.pageErrors).toEqual([]);
  // SCORM 1.2 allows 4096 characters of suspend_data (scorm-again itself accepts more).
  if (version === '1.2') for (const value of session.suspendWrites) check(value.length).toBeLessThanOrEqual(4096);
}

/** `suspend` is the exit from the start: set and committed right after Initialize, before anything else is written. */
function expectSuspendFirst(session: Session, version: Version, check: typeof expect): void {
  const [init, commit, exit] = version === '1.2' ? ['LMSInitialize', 'LMSCommit', 'set cmi.core.exit'] : ['Initialize', 'Commit', 'set cmi.exit'];
  check(session.calls[0]).toBe(init);
  check(session.calls[1]).toBe(exit);
  const firstCommit = session.calls.indexOf(commit);
  check(session.calls.slice(2, firstCommit).every((c) => /lesson_status|completion_status/.test(c))).toBe(true);
}

const status = (s: Session, v: Version) => (v === '1.2' ? s.cmi.cmi.core.lesson_status : s.cmi.cmi.success_status);
const exitOf = (s: Session, v: Version) => (v === '1.2' ? s.cmi.cmi.core.exit : s.cmi.cmi.exit);
const rawScore = (s: Session, v: Version) => (v === '1.2' ? s.cmi.cmi.core.score.raw : s.cmi.cmi.score.raw);
const savedState = (s: Session, v: Version) => JSON.parse(v === '1.2' ? s.cmi.cmi.suspend_data : s.cmi.cmi.suspend_data);
const percent = (tenThousandths: number) => String(tenThousandths / 100);

/**
 * What the SCO's code does with a module's quiz depends on its configuration, not on its
 * words: the pass mark, attempts, take size, display, shuffle and feedback, and each
 * question's type, points, options and right options. `npm test` runs the first module of
 * each configuration (4 of the two programs' 24); `npm run test:scos` runs them all.
 */
const everySco = process.env.CURRICULUM_EVERY_SCO === '1';

function configurationOf(curriculum: Curriculum, module: Module): string {
  const { questions, title: _title, fingerprint: _fingerprint, ...settings } = quizData(curriculum, module, messagesFor(curriculum.program.language))!;
  const shapes = questions.map((q) => `${q.type}:${q.points}:${q.options.length}:${q.options.filter((o) => o.correct).length}`).sort();
  return JSON.stringify([settings, shapes]);
}

function modulesToRun(programId: string): readonly Module[] {
  const curriculum = checked.curricula.find((c) => c.program.id === programId)!;
  if (everySco) return curriculum.modules;
  const first = new Map<string, Module>();
  for (const m of curriculum.modules) if (!first.has(configurationOf(curriculum, m))) first.set(configurationOf(curriculum, m), m);
  return [...first.values()];
}

describe.skipIf(!browserAvailable && !process.env.CI)('SCOs under scorm-again', () => {
  for (const format of formats) {
    const v = format.version;
    describe.concurrent(`SCORM ${v}`, () => {
      for (const programId of ['crisis-scro', 'caring-cities']) {
        describe(programId, () => {
          for (const moduleId of modulesToRun(programId).map((m) => m.id)) {
            it(`${moduleId}: right answers pass; one right answer fails; attempts are kept and limited`, async ({ expect }) => {
              const curriculum = curricula.find((c) => c.program.id === programId)!;
              const module = curriculum.modules.find((m) => m.id === moduleId)!;
              await withPooledPage((page) => exerciseSco(page, curriculum, module, format.folder, v, expect));
            });
          }
        });
      }
    });
  }
});

async function exerciseSco(page: Page, curriculum: Curriculum, module: Module, folder: string, v: Version, check: typeof expect): Promise<void> {
  const base = `/pkg/${curriculum.program.id}/${folder}`;
  const item = `item.${curriculum.program.id}.${module.id}`;
  const assessment = module.assessment!;
  const limit = assessment.pass.attempts;
  const passMark = Math.round(assessment.pass.minScore * 100);
  // One right answer: a failed take, with that question's share of the points. Where a take
  // remains, the module is not finished: no final status (an LMS would close the attempt),
  // and the SCO suspends so the LMS keeps the attempt.
  let expected = 0;
  const fail = await runSession(page, {
    version: v,
    base,
    item,
    learner: `${module.id}-a`,
    act: async (p, frame) => {
      expected = await takeQuiz(p, frame, onlyFirstRight, { learner: `${module.id}-a`, attempt: 1 });
    },
  });
  expectClean(fail, v, check);
  check(expected).toBeGreaterThan(0);
  check(expected).toBeLessThan(passMark);
  if (typeof limit === 'number' && limit === 1) {
    check(status(fail, v)).toBe('failed');
  } else {
    expectNotFinished(fail, v, check);
    // SCORM 1.2 writes no score before the status is final: with a mastery score the LMS
    // would turn it into "failed" (scorm-again's mastery_override does so at LMSFinish).
    // SCORM 2004 writes the raw score, not the scaled one that would decide success.
    if (v === '1.2') check(rawScore(fail, v)).toBe('');
    else {
      check(rawScore(fail, v)).toBe(percent(expected));
      check(fail.cmi.cmi.score.scaled).toBe('');
    }
  }
  check(exitOf(fail, v)).toBe('suspend');
  check(savedState(fail, v)).toMatchObject({ n: 1, b: expected, p: 0, d: 1 });
  check(fail.panel).toContain(typeof limit === 'number' ? 'You have 1 attempt left.' : 'Try again');
  expectSuspendFirst(fail, v, check);
  expectInteractions({ curriculum, module }, fail, v, { learner: `${module.id}-a`, attempt: 1 }, onlyFirstRight, 0, check);

  if (typeof limit === 'number') {
    // crisis-scro allows two attempts: the second fails too, and the third launch offers none.
    const second = await runSession(page, { version: v, base, item, learner: `${module.id}-a`, previous: carried(fail, v), act: async (p, frame) => void (await takeQuiz(p, frame, onlyFirstRight, { learner: `${module.id}-a`, attempt: 2 }, true)) });
    expectClean(second, v, check);
    // No take left: the module is finished for good, and the SCO says so to the LMS, but
    // still suspends, so that an LMS does not start a new attempt with empty data.
    check(status(second, v)).toBe('failed');
    check(rawScore(second, v)).toBe(percent(expected));
    if (v === '2004') {
      check(second.cmi.cmi.score.scaled).toBe(String(expected / 10000));
      check(second.cmi.cmi.completion_status).toBe('completed');
    }
    check(exitOf(second, v)).toBe('suspend');
    check(second.panel).not.toContain('Try again');
    check(savedState(second, v)).toMatchObject({ n: 2, p: 0 });
    check(second.panel).toContain(`You have used all ${limit} attempts`);
    // The second take's questions follow the first's: an LMS report keeps both.
    expectInteractions({ curriculum, module }, second, v, { learner: `${module.id}-a`, attempt: 2 }, onlyFirstRight, Object.keys(fail.cmi.cmi.interactions).length, check);
    const blocked = await runSession(page, { version: v, base, item, learner: `${module.id}-a`, previous: carried(second, v), act: async () => {} });
    expectClean(blocked, v, check);
    check(blocked.panel).toContain(`You have used all ${limit} attempts`);
    check(blocked.panel).not.toContain('Start the assessment');
    check(status(blocked, v)).toBe('failed');
    check(savedState(blocked, v).n).toBe(limit);

    // Right answers (by keyboard) pass with 100 %; the SCO still suspends (the saved state keeps the pass).
    const pass = await runSession(page, { version: v, base, item, learner: `${module.id}-b`, act: async (p, frame) => void (await takeQuiz(p, frame, everyRight, { learner: `${module.id}-b`, attempt: 1 }, true)) });
    expectPassed(pass, v, check, 1);
  } else {
    // Retries allowed: the next launch resumes, and right answers (by keyboard) pass; the best score counts.
    const pass = await runSession(page, { version: v, base, item, learner: `${module.id}-a`, previous: carried(fail, v), act: async (p, frame) => void (await takeQuiz(p, frame, everyRight, { learner: `${module.id}-a`, attempt: 2 }, true)) });
    expectPassed(pass, v, check, 2);
  }
}

/**
 * The take reported question by question as `cmi.interactions`, from index `from` on: each
 * question's id, its type, the learner's and the correct options (by letter in 1.2, by id
 * in 2004), right or wrong as `plan` answered it, and in 2004 the question's text.
 */
function expectInteractions(on: { curriculum: Curriculum; module: Module }, session: Session, v: Version, who: { learner: string; attempt: number }, plan: Plan, from: number, check: typeof expect): void {
  // The quiz data the page carries, from the function that writes it.
  const quiz = quizData(on.curriculum, on.module, messagesFor(on.curriculum.program.language))!;
  const drawn = drawNthTake(quiz, `${on.module.id}\n${who.learner}`, who.attempt);
  const interactions = session.cmi.cmi.interactions as Record<string, Record<string, any>>;
  check(Object.keys(interactions)).toHaveLength(from + drawn.length);
  drawn.forEach((d, position) => {
    const question = quiz.questions.find((q) => q.id === d.question.id)!;
    const right = plan(position, drawn.length);
    const chosen = right ? question.options.filter((o) => o.correct) : [question.options.find((o) => !o.correct)!];
    const correct = question.options.filter((o) => o.correct);
    const letters = (options: readonly { id: string }[]) =>
      options.map((o) => (question.type === 'true-false' ? o.id[0] : 'abcdefghijklmnopqrstuvwxyz0123456789'[question.options.indexOf(o as never)])).join(',');
    const ids = (options: readonly { id: string }[]) => options.map((o) => o.id).join('[,]');
    const i = interactions[String(from + position)]!;
    check(i.id).toBe(question.id);
    check(i.type).toBe(question.type === 'true-false' ? 'true-false' : 'choice');
    check(i.result).toBe(right ? 'correct' : v === '1.2' ? 'wrong' : 'incorrect');
    check(i.correct_responses['0'].pattern).toBe(v === '1.2' ? letters(correct) : ids(correct));
    check(v === '1.2' ? i.student_response : i.learner_response).toBe(v === '1.2' ? letters(chosen) : ids(chosen));
    if (v === '2004') check(i.description.length).toBeGreaterThan(0);
  });
}

/** A failed take with a take left: the LMS sees an attempt still in progress (1.2 incomplete; 2004 incomplete, success unknown). */
function expectNotFinished(session: Session, v: Version, check: typeof expect): void {
  if (v === '1.2') check(session.cmi.cmi.core.lesson_status).toBe('incomplete');
  else {
    check(session.cmi.cmi.completion_status).toBe('incomplete');
    check(session.cmi.cmi.success_status).toBe('unknown');
  }
}

function expectPassed(pass: Session, v: Version, check: typeof expect, attempts: number): void {
  expectClean(pass, v, check);
  check(status(pass, v)).toBe('passed');
  check(rawScore(pass, v)).toBe('100');
  check(exitOf(pass, v)).toBe('suspend');
  if (v === '2004') {
    check(pass.cmi.cmi.score.scaled).toBe('1');
    check(pass.cmi.cmi.completion_status).toBe('completed');
  }
  check(savedState(pass, v)).toMatchObject({ n: attempts, b: 10000, p: 1, d: 1 });
  check(pass.panel).toContain('You passed');
}

describe.skipIf(!browserAvailable && !process.env.CI)('SCO behaviour beyond the two programs’ modules', () => {
  for (const format of formats) {
    const v = format.version;
    describe(`SCORM ${v}`, () => {
      it('the pass mark is inclusive: exactly 60 % passes', async ({ expect }) => {
        const page = await openPage();
        try {
          // The two programs whose pass mark is 60 %, at their first assessed module.
          for (const c of curricula.filter((x) => x.program.id === 'crisis-scro' || x.program.id === 'caring-cities')) {
            const module = c.modules.find((m) => m.assessment)!;
            let expected = 0;
            const session = await runSession(page, {
              version: v,
              base: `/pkg/${c.program.id}/${format.folder}`,
              item: `item.${c.program.id}.${module.id}`,
              learner: 'boundary',
              act: async (p, frame) => {
                expected = await takeQuiz(p, frame, justEnough(6000), { learner: 'boundary', attempt: 1 });
              },
            });
            expectClean(session, v, expect);
            expect(expected).toBe(6000);
            expect(status(session, v)).toBe('passed');
            expect(rawScore(session, v)).toBe('60');
            if (v === '2004') expect(session.cmi.cmi.score.scaled).toBe('0.6');
          }
        } finally {
          await page.close();
        }
      });

      it('a failed take is tried again in place: one session, one LMS attempt, the takes counted by the SCO', async ({ expect }) => {
        const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
        const module = c.modules[6]!;
        const page = await openPage();
        try {
          const session = await runSession(page, {
            version: v,
            base: `/pkg/${c.program.id}/${format.folder}`,
            item: `item.${c.program.id}.${module.id}`,
            learner: 'in-place',
            act: async (p, frame) => {
              await takeQuiz(p, frame, onlyFirstRight, { learner: 'in-place', attempt: 1 });
              expect(await frame.locator('#sco-quiz').textContent()).not.toContain('open it again');
              await frame.locator('[data-action="retry"]').click();
              await expect.poll(() => frame.locator('#sco-quiz').textContent(), { timeout: 15_000 }).toContain('Attempt 2 of 2.');
              await takeQuiz(p, frame, everyRight, { learner: 'in-place', attempt: 2 });
              expect(await frame.locator('[data-action="retry"]').count()).toBe(0);
            },
          });
          expectClean(session, v, expect);
          expectSuspendFirst(session, v, expect);
          expect(status(session, v)).toBe('passed');
          expect(exitOf(session, v)).toBe('suspend');
          expect(savedState(session, v)).toMatchObject({ n: 2, b: 10000, p: 1 });
          // Each take is committed with its verdict, before the end: the failed take's
          // interactions (and in 2004 its raw score), then the pass. The failed take, with
          // a take left, writes no final status.
          const statusSet = v === '1.2' ? 'set cmi.core.lesson_status' : 'set cmi.success_status';
          const commit = v === '1.2' ? 'LMSCommit' : 'Commit';
          const interactionIds = session.calls.map((call, i) => (/^set cmi\.interactions\.\d+\.id$/.test(call) ? i : -1)).filter((i) => i >= 0);
          const firstTake = interactionIds[0]!;
          const startCommit = session.calls.indexOf(commit);
          const statuses = session.calls.map((call, i) => (call === statusSet && i > startCommit ? i : -1)).filter((i) => i >= 0);
          // One status after the start: the pass, written with the second take, after the first take's report was committed.
          expect(statuses.length).toBe(1);
          expect(session.calls.indexOf(commit, firstTake)).toBeLessThan(statuses[0]!);
          expect(session.calls.indexOf(commit, statuses[0])).toBeLessThan(session.calls.length - 1);
        } finally {
          await page.close();
        }
      });

      it('a passed module relaunched shows passed and writes nothing lower, resumed or in a new LMS attempt', async ({ expect }) => {
        const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
        const module = c.modules[7]!;
        const base = `/pkg/${c.program.id}/${format.folder}`;
        const item = `item.${c.program.id}.${module.id}`;
        const page = await openPage();
        const lowering = v === '1.2' ? /set cmi\.core\.(lesson_status|score)/ : /set cmi\.(success_status|completion_status|score)/;
        try {
          const pass = await runSession(page, { version: v, base, item, learner: 'relaunch', act: async (p, frame) => void (await takeQuiz(p, frame, everyRight, { learner: 'relaunch', attempt: 1 })) });
          expectPassed(pass, v, expect, 1);
          // The LMS resumes the attempt (its data carried), or starts a new one whose suspend_data is empty but whose status still says passed.
          const fresh = carried(pass, v);
          fresh.cmi.suspend_data = '';
          for (const [previous, newAttempt] of [[carried(pass, v), false], [fresh, true]] as const) {
            const again = await runSession(page, {
              version: v,
              base,
              item,
              learner: 'relaunch',
              previous,
              newAttempt,
              act: async (_p, frame) => {
                await expect.poll(() => frame.locator('#sco-quiz').textContent(), { timeout: 15_000 }).toContain('You have passed this assessment with 100 %');
                expect(await frame.locator('[data-action="start"]').count()).toBe(0);
              },
            });
            expectClean(again, v, expect);
            expect(again.calls.filter((call) => lowering.test(call))).toEqual([]);
            expect(status(again, v)).toBe('passed');
            expect(exitOf(again, v)).toBe('suspend');
            if (v === '2004') expect(again.cmi.cmi.completion_status).toBe('completed');
          }
          // Moodle opens a finished attempt in review mode: practice, and it still says where the learner stands.
          const review = await runSession(page, {
            version: v,
            base,
            item,
            learner: 'relaunch',
            previous: carried(pass, v),
            mode: 'review',
            act: async (_p, frame) => {
              await expect.poll(() => frame.locator('#sco-status').textContent(), { timeout: 15_000 }).toContain('You have passed this assessment with 100 %');
              expect(await frame.locator('#sco-status').textContent()).toContain('nothing is recorded');
            },
          });
          expect(review.calls.filter((call) => lowering.test(call) || /suspend_data/.test(call))).toEqual([]);
          expect(status(review, v)).toBe('passed');
        } finally {
          await page.close();
        }
      });

      it('the Exit button ends the session properly and tells the learner they can close the window', async ({ expect }) => {
        const c = curricula.find((x) => x.program.id === 'caring-cities')!;
        const module = c.modules[1]!;
        const page = await openPage();
        try {
          await page.goto(`${server.origin}/launcher/index.html`);
          await page.evaluate((o) => (window as any).launch(o), { version: v, base: `/pkg/${c.program.id}/${format.folder}`, item: `item.${c.program.id}.${module.id}`, learner: 'exit-button', previous: null });
          const frame = page.frameLocator('#sco');
          await frame.locator('html[data-sco-session="ready"]').waitFor({ state: 'attached' });
          await frame.locator('[data-action="start"]').click();
          await frame.locator('.sco-question').first().waitFor();
          await frame.getByRole('button', { name: 'Exit this module' }).click();
          await expect.poll(() => frame.locator('#sco-status').textContent(), { timeout: 15_000 }).toContain('You have left the module. You can close this window.');
          const calls = (await page.evaluate(() => (window as any).calls)) as string[];
          expect(calls.at(-1)).toBe(v === '1.2' ? 'LMSFinish' : 'Terminate');
          const cmi = await page.evaluate(() => (window as any).cmiData());
          // A take in progress: suspended, so the LMS keeps it.
          expect(v === '1.2' ? cmi.cmi.core.exit : cmi.cmi.exit).toBe('suspend');
          expect(await frame.locator('.sco-question').count()).toBe(0);
          await page.evaluate(() => (window as any).unloadSco());
          expect(((await page.evaluate(() => (window as any).calls)) as string[]).filter((call) => call === (v === '1.2' ? 'LMSFinish' : 'Terminate'))).toHaveLength(1);
          expect(pageErrors.get(page)).toEqual([]);
        } finally {
          await page.close();
        }
      });

      it('a bank larger than a take: the next take draws unseen questions; explanations wait for the last take', async ({ expect }) => {
        const module = variant.modules[3]!;
        const page = await openPage();
        try {
          const shownIds = async (frame: FrameLocator) => frame.locator('.sco-feedback > li').evaluateAll((items) => items.map((i) => i.getAttribute('data-question-id')));
          const takes: (string | null)[][] = [];
          const session = await runSession(page, {
            version: v,
            base: `/pkg/variant/${format.folder}`,
            item: `item.variant.${module.id}`,
            learner: 'pool',
            act: async (p, frame) => {
              await takeQuiz(p, frame, onlyFirstRight, { learner: 'pool', attempt: 1 });
              takes.push(await shownIds(frame));
              expect(await frame.locator('.sco-feedback-text').count()).toBe(0);
              expect(await frame.locator('#sco-quiz').textContent()).toContain('The explanations of the questions are shown once you have passed, or when no attempt is left.');
              await frame.locator('[data-action="retry"]').click();
              await takeQuiz(p, frame, onlyFirstRight, { learner: 'pool', attempt: 2 });
              takes.push(await shownIds(frame));
              // The last take is used: the explanations are shown now.
              expect(await frame.locator('.sco-feedback-text').count()).toBeGreaterThan(0);
            },
          });
          expectClean(session, v, expect);
          expect(takes.map((t) => t.length)).toEqual([2, 2]);
          expect(takes[1]!.filter((id) => takes[0]!.includes(id))).toEqual([]);
          expect(status(session, v)).toBe('failed');
          expect(savedState(session, v)).toMatchObject({ n: 2, p: 0 });
        } finally {
          await page.close();
        }
      });

      it('resumes a take left half-way at the same question, with the answers given', async ({ expect }) => {
        const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
        const module = c.modules[5]!;
        const base = `/pkg/${c.program.id}/${format.folder}`;
        const item = `item.${c.program.id}.${module.id}`;
        const page = await openPage();
        try {
          let chosen: string[] = [];
          const left = await runSession(page, {
            version: v,
            base,
            item,
            learner: 'halfway',
            act: async (p, frame) => {
              await frame.locator('[data-action="start"]').click();
              for (const position of [0, 1]) {
                const group = frame.locator(`.sco-question[data-question-position="${position}"]`);
                const input = group.locator('input').nth(1);
                chosen.push(`${await group.getAttribute('data-question-id')}:${await input.getAttribute('data-option-id')}`);
                await input.click();
                await frame.locator('[data-action="next"]').click();
              }
              await frame.locator('.sco-question[data-question-position="2"]').waitFor();
            },
          });
          expectClean(left, v, expect);
          expect(exitOf(left, v)).toBe('suspend');
          expect(savedState(left, v)).toMatchObject({ n: 0, t: { i: 2, a: [[expect.any(Number)], [expect.any(Number)]] } });
          const back = await runSession(page, {
            version: v,
            base,
            item,
            learner: 'halfway',
            previous: carried(left, v),
            act: async (p, frame) => {
              await frame.getByRole('button', { name: 'Continue the assessment' }).click();
              await frame.locator('.sco-question[data-question-position="2"]').waitFor();
              await frame.locator('[data-action="previous"]').click();
              await frame.locator('[data-action="previous"]').click();
              const again: string[] = [];
              for (const position of [0, 1]) {
                const group = frame.locator(`.sco-question[data-question-position="${position}"]`);
                again.push(`${await group.getAttribute('data-question-id')}:${await group.locator('input:checked').getAttribute('data-option-id')}`);
                await frame.locator('[data-action="next"]').click();
              }
              expect(again).toEqual(chosen);
            },
          });
          expectClean(back, v, expect);
          expect(savedState(back, v)).toMatchObject({ n: 0, t: { i: 2 } });
        } finally {
          await page.close();
        }
      });

      it('in browse and review mode the quiz is practice: nothing is recorded', async ({ expect }) => {
        const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
        const module = c.modules[3]!;
        const page = await openPage();
        try {
          for (const mode of ['browse', 'review']) {
            if (!page.url().endsWith('/launcher/index.html')) await page.goto(`${server.origin}/launcher/index.html`);
            await page.evaluate((o) => (window as any).launch(o), { version: v, base: `/pkg/${c.program.id}/${format.folder}`, item: `item.${c.program.id}.${module.id}`, learner: 'browser', mode, previous: null });
            const frame = page.frameLocator('#sco');
            await expect.poll(() => frame.locator('#sco-status').textContent(), { timeout: 15_000 }).toContain('nothing is recorded');
            await takeQuiz(page, frame, everyRight, { learner: 'browser', attempt: 1 });
            await page.evaluate(() => (window as any).unloadSco());
            await page.waitForFunction((name) => (window as any).calls.includes(name), v === '1.2' ? 'LMSFinish' : 'Terminate');
            const data = await page.evaluate(() => ({ cmi: (window as any).cmiData(), suspendWrites: (window as any).suspendWrites, calls: (window as any).calls }));
            expect(data.suspendWrites).toEqual([]);
            expect(data.calls.filter((call: string) => /status|score/.test(call))).toEqual([]);
            // Whatever the LMS set for the mode (scorm-again marks a 1.2 browse launch "browsed"), never a result.
            expect(['passed', 'failed', 'completed', 'incomplete']).not.toContain(v === '1.2' ? data.cmi.cmi.core.lesson_status : data.cmi.cmi.success_status);
            if (v === '2004') expect(data.cmi.cmi.completion_status).toBe('unknown');
          }
        } finally {
          await page.close();
        }
      });

      it('a module without an assessment is completed by viewing, and still suspends', async ({ expect }) => {
        const module = variant.modules[0]!;
        const page = await openPage();
        try {
          const session = await runSession(page, {
            version: v,
            base: `/pkg/variant/${format.folder}`,
            item: `item.variant.${module.id}`,
            learner: 'viewer',
            act: async (_p, frame) => {
              // The learner reads on to the end of the module.
              await frame.locator('#sco-end').scrollIntoViewIfNeeded();
              await expect.poll(() => frame.locator('#sco-status').textContent(), { timeout: 15_000 }).toContain('You have completed this module.');
            },
          });
          expectClean(session, v, expect);
          if (v === '1.2') expect(session.cmi.cmi.core.lesson_status).toBe('completed');
          else {
            expect(session.cmi.cmi.completion_status).toBe('completed');
            expect(session.cmi.cmi.success_status).toBe('unknown');
          }
          expect(exitOf(session, v)).toBe('suspend');
          expect(session.calls.filter((call) => /score/.test(call))).toEqual([]);
        } finally {
          await page.close();
        }
      });

      it('all questions at once: every question must be answered, then judged the same way', async ({ expect }) => {
        const module = variant.modules[1]!;
        const page = await openPage();
        try {
          let expected = 0;
          const session = await runSession(page, {
            version: v,
            base: `/pkg/variant/${format.folder}`,
            item: `item.variant.${module.id}`,
            learner: 'all-at-once',
            act: async (_p, frame) => {
              await frame.locator('[data-action="start"]').click();
              await expect.poll(() => frame.locator('.sco-question').count(), { timeout: 15_000 }).toBe(module.assessment!.questionCount);
              // Submitting with no answer says which question needs one.
              await frame.locator('[data-action="submit"]').click();
              await expect.poll(() => frame.locator('.sco-error').textContent(), { timeout: 15_000 }).toContain('Choose an answer to question 1');
              const data = await readScoData(frame);
              let earned = 0;
              let total = 0;
              for (let position = 0; position < data.assessment!.count; position++) {
                const group = frame.locator(`.sco-question[data-question-position="${position}"]`);
                const id = await group.getAttribute('data-question-id');
                const q = data.assessment!.questions.find((x) => x.id === id)!;
                const right = position !== 1;
                const picks = right ? q.options.filter((x) => x.correct) : [q.options.find((x) => !x.correct)!];
                for (const o of picks) await group.locator(`input[data-option-id="${o.id}"]`).click();
                total += q.points;
                if (right) earned += q.points;
              }
              await frame.locator('[data-action="submit"]').click();
              await frame.locator('.sco-result-title').waitFor();
              expected = Math.floor((earned * 10000) / total);
            },
          });
          expectClean(session, v, expect);
          expect(expected).toBe(8000);
          expect(status(session, v)).toBe('passed');
          expect(rawScore(session, v)).toBe('80');
        } finally {
          await page.close();
        }
      });

      it('finds the API from a pop-up window (window.opener) and finishes when the window closes', async ({ expect }) => {
        const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
        const module = c.modules[4]!;
        const page = await openPage();
        try {
          await page.goto(`${server.origin}/launcher/index.html`);
          const [popup] = await Promise.all([
            page.waitForEvent('popup'),
            page.evaluate((o) => (window as any).launch(o), { version: v, base: `/pkg/${c.program.id}/${format.folder}`, item: `item.${c.program.id}.${module.id}`, learner: 'popup', previous: null, popup: true }),
          ]);
          await popup.locator('html[data-sco-session="ready"]').waitFor({ state: 'attached' });
          await popup.locator('[data-action="start"]').click();
          await popup.locator('.sco-question').first().waitFor();
          await popup.close({ runBeforeUnload: true });
          const finish = v === '1.2' ? 'LMSFinish' : 'Terminate';
          await page.waitForFunction((name) => (window as any).calls.includes(name), finish);
          const calls = (await page.evaluate(() => (window as any).calls)) as string[];
          expect(calls[0]).toBe(v === '1.2' ? 'LMSInitialize' : 'Initialize');
          const cmi = await page.evaluate(() => (window as any).cmiData());
          // A take in progress: the attempt is kept (suspend), with the take's state.
          expect(v === '1.2' ? cmi.cmi.core.exit : cmi.cmi.exit).toBe('suspend');
          expect(JSON.parse(cmi.cmi.suspend_data)).toMatchObject({ n: 0, t: { i: 0 } });
          expect(pageErrors.get(page)).toEqual([]);
        } finally {
          await page.close();
        }
      });

      it('a module’s own package launches from its own manifest', async ({ expect }) => {
        const c = curricula.find((x) => x.program.id === 'caring-cities')!;
        const module = c.modules[2]!;
        const page = await openPage();
        try {
          const session = await runSession(page, {
            version: v,
            base: `/pkg/${c.program.id}/modules/${module.id}/${format.folder}`,
            item: `item.${c.program.id}.${module.id}`,
            learner: 'own-package',
            act: async (p, frame) => void (await takeQuiz(p, frame, everyRight, { learner: 'own-package', attempt: 1 })),
          });
          expectPassed(session, v, expect, 1);
        } finally {
          await page.close();
        }
      });
    });
  }

  it('SCORM 1.2: a take too large for 4096 characters keeps suspend_data within the limit and resumes what fits', async () => {
    const module = variant.modules[2]!;
    const base = '/pkg/variant/scorm-1.2';
    const item = `item.variant.${module.id}`;
    const page = await openPage();
    // 60 questions × 30 chosen options do not fit; the options are ticked through the DOM
    // (1 800 of them), the buttons are clicked.
    const tickAll = (frame: FrameLocator) =>
      frame.locator('.sco-take').evaluate((form) => {
        for (const input of form.querySelectorAll<HTMLInputElement>('input')) if (!input.checked) input.click();
      });
    try {
      const left = await runSession(page, {
        version: '1.2',
        base,
        item,
        learner: 'big',
        act: async (_p, frame) => {
          await frame.locator('[data-action="start"]').click();
          await tickAll(frame);
        },
      });
      expectClean(left, '1.2', expect);
      expect(left.suspendWrites.length).toBeGreaterThan(1000);
      const last = left.suspendWrites.at(-1)!;
      expect(last.length).toBeLessThanOrEqual(4096);
      expect(last.length).toBeGreaterThan(4000);
      expect(left.cmi.cmi.suspend_data).toBe(last);
      const kept = JSON.parse(last).t.a.length as number;
      expect(kept).toBeGreaterThan(20);
      expect(kept).toBeLessThan(60);
      const back = await runSession(page, {
        version: '1.2',
        base,
        item,
        learner: 'big',
        previous: carried(left, '1.2'),
        act: async (_p, frame) => {
          await frame.getByRole('button', { name: 'Continue the assessment' }).click();
          // The answers that fitted are ticked again; the rest are empty.
          await expect.poll(() => frame.locator(`.sco-question[data-question-position="${kept - 1}"] input:checked`).count(), { timeout: 15_000 }).toBe(30);
          await expect.poll(() => frame.locator(`.sco-question[data-question-position="${kept}"] input:checked`).count(), { timeout: 15_000 }).toBe(0);
          await tickAll(frame);
          await frame.locator('[data-action="submit"]').click();
          await frame.locator('.sco-result-title').waitFor();
        },
      });
      expectClean(back, '1.2', expect);
      expect(back.cmi.cmi.core.lesson_status).toBe('passed');
      expect(savedState(back, '1.2')).toMatchObject({ n: 1, b: 10000, p: 1 });
    } finally {
      await page.close();
    }
  });

  it('without an LMS, the page says nothing is recorded and still works', async () => {
    const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
    const page = await openPage();
    try {
      await page.goto(`${server.origin}/pkg/${c.program.id}/scorm-1.2/modules/${c.modules[0]!.id}/index.html`);
      await expect.poll(() => page.locator('#sco-status').textContent(), { timeout: 15_000 }).toContain('not connected to a learning platform');
      await page.locator('[data-action="start"]').click();
      await expect.poll(() => page.locator('.sco-question').count(), { timeout: 15_000 }).toBe(1);
      expect(pageErrors.get(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
