/**
 * Every AU of both programs' cmi5 packages, launched in Debian Chromium the way a cmi5
 * LMS does, against a test LRS on 127.0.0.1 (another origin than the AU). The LRS
 * records what the AU sends; each statement must be valid xAPI (Learning Locker's
 * validator) and follow the cmi5 rules: initialized first and terminated last, the
 * context template with the session id, the cmi5 and moveOn categories, result score
 * and success against masteryScore, completion, durations; completed and passed once
 * per registration; no judgement in Browse mode. The AU must fetch its token by POST
 * and use it, read LMS.LaunchData, and go to returnURL at the end.
 */
import validateStatementModule from '@learninglocker/xapi-validation';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import { emitCmi5 } from '../src/emit/cmi5/index.ts';
import type { ScoData } from '../src/emit/package/quiz-data.ts';
// The runtime's own seeded draw (the module the package bundles), to know which question each position shows.
import { drawNthTake } from '../src/emit/package/runtime/draw.ts';
import type { Curriculum } from '../src/model/types.ts';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './support/browser.ts';
import { startTestLrs, type Launch, type Statement, type TestLrs } from './support/lrs.ts';
import { startStaticServer, type StaticServer } from './support/static-server.ts';

// The package is CommonJS with `exports.default`; through Node's ESM interop that is `.default`.
const validateStatement = ((validateStatementModule as unknown as { default?: unknown }).default ?? validateStatementModule) as (statement: unknown) => unknown[];

const VERB = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
};
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const ISO_DURATION = /^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

/** An AU as the LMS reads it from cmi5.xml. */
interface AuEntry {
  readonly id: string;
  readonly url: string;
  readonly moveOn: string;
  readonly masteryScore?: number;
}

const checked = await check('curriculum');
const curricula: readonly Curriculum[] = checked.curricula;
/** caring-cities with a first module that has no assessment: it is completed by viewing. */
const viewOnly = (() => {
  const caring = curricula.find((c) => c.program.id === 'caring-cities')!;
  const c = structuredClone(caring) as { -readonly [K in keyof Curriculum]: Curriculum[K] };
  c.program = { ...c.program, id: 'view-only' };
  c.modules = c.modules.map((m, i) => (i === 0 ? { ...m, assessment: undefined } : m));
  return c as Curriculum;
})();
let server: StaticServer;
let lrs: TestLrs;
let shared: Page | undefined;
let launched: LaunchedBrowser | undefined;
let browser: Browser;
/** The AUs of each program package, read from its cmi5.xml by the browser's XML parser. */
const aus = new Map<string, AuEntry[]>();

beforeAll(async () => {
  server = await startStaticServer();
  lrs = await startTestLrs();
  server.mount('lms', new Map([['return.html', '<!DOCTYPE html><html lang="en"><title>LMS</title><link rel="icon" href="data:,"><p>Back in the LMS</p></html>']]));
  for (const c of [...curricula, viewOnly]) {
    for (const file of emitCmi5(c, { catalog: checked.catalog, curricula })) {
      const files = new Map(Object.entries(unzipSync(file.contents as Uint8Array)).filter(([p]) => !p.endsWith('/')));
      server.mount(`pkg/${file.path.replace(/\.zip$/, '')}`, files);
    }
  }
  if (browserAvailable || process.env.CI) {
    launched = await launchBrowser();
    browser = launched.browser;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/lms/return.html`);
    for (const c of [...curricula, viewOnly]) {
      const xml = await (await fetch(`${server.origin}/pkg/${c.program.id}/cmi5/cmi5.xml`)).text();
      const entries = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return [...doc.getElementsByTagName('au')].map((au) => ({
          id: au.getAttribute('id')!,
          url: au.getElementsByTagName('url')[0]!.textContent!.trim(),
          moveOn: au.getAttribute('moveOn')!,
          ...(au.hasAttribute('masteryScore') ? { masteryScore: Number(au.getAttribute('masteryScore')) } : {}),
        }));
      }, xml);
      aus.set(c.program.id, entries);
    }
    await page.close();
  }
});

afterAll(async () => {
  // No request of any AU was turned away for a missing or wrong token.
  if (lrs) expect(lrs.rejected).toEqual([]);
  await launched?.close();
  await lrs?.close();
  await server?.close();
});

/** Which questions of a take to answer right, by position. */
type Plan = (position: number, count: number) => boolean;
const everyRight: Plan = () => true;
const onlyFirstRight: Plan = (position) => position === 0;

/**
 * Answers the `attempt`th take of `learner` (clicks) and submits it; returns the expected
 * score in ten-thousandths. The AU seeds its draw with the actor as the LMS wrote it.
 */
async function takeQuiz(page: Page, plan: Plan, learner: string, attempt: number, keyboard = false): Promise<number> {
  const data = JSON.parse((await page.locator('#sco-data').textContent()) ?? '{}') as ScoData;
  const quiz = data.assessment!;
  const drawn = drawNthTake(quiz, `${data.module.id}\n${JSON.stringify(actorOf(learner))}`, attempt);
  /** A click, or focus and a key, as a keyboard user would. */
  const activate = async (selector: string, key: 'Enter' | 'Space') => {
    if (!keyboard) return page.locator(selector).click();
    await page.locator(selector).focus();
    await page.keyboard.press(key);
  };
  await activate('[data-action="start"]', 'Enter');
  let earned = 0;
  let total = 0;
  for (let position = 0; position < quiz.count; position++) {
    const group = `.sco-question[data-question-position="${position}"]`;
    const question = quiz.questions.find((q) => q.id === drawn[position]!.question.id)!;
    const right = plan(position, quiz.count);
    const picks = right ? question.options.filter((o) => o.correct) : [question.options.find((o) => !o.correct)!];
    for (const option of picks) await activate(`${group} input[data-option-id="${option.id}"]`, 'Space');
    total += question.points;
    if (right) earned += question.points;
    if (quiz.display === 'one-at-a-time' && position < quiz.count - 1) await activate('[data-action="next"]', 'Enter');
  }
  await activate('[data-action="submit"]', 'Enter');
  await page.locator('.sco-result-title').waitFor();
  const shown = await page.locator('.sco-feedback > li').evaluateAll((items) => items.map((i) => i.getAttribute('data-question-id')));
  const predicted = drawn.map((d) => d.question.id);
  if (JSON.stringify(shown) !== JSON.stringify(predicted)) throw new Error(`The page showed ${shown.join(', ')}; the seeded draw gives ${predicted.join(', ')}`);
  return Math.floor((earned * 10000) / total);
}

const actorOf = (name: string) => ({ objectType: 'Agent', account: { homePage: 'https://lms.example.org', name } });
const returnUrl = () => `${server.origin}/lms/return.html`;

interface SessionResult {
  readonly launch: Launch;
  readonly statements: Statement[];
  readonly panel: string;
  readonly pageErrors: readonly string[];
}

/** One launch of an AU: open the launch URL, act, then leave with the AU's Exit button (or by closing the page). */
async function runSession(
  page: Page,
  au: AuEntry,
  program: string,
  options: { learner: string; registration?: string; launchMode?: 'Normal' | 'Browse' | 'Review'; act: (page: Page) => Promise<void>; leaveBy?: 'exit' | 'close' },
): Promise<SessionResult> {
  const launch = lrs.launch({
    auUrl: `${server.origin}/pkg/${program}/cmi5/${au.url}`,
    publisherId: au.id,
    actor: actorOf(options.learner),
    moveOn: au.moveOn,
    returnURL: returnUrl(),
    ...(options.registration ? { registration: options.registration } : {}),
    ...(options.launchMode ? { launchMode: options.launchMode } : {}),
    ...(au.masteryScore !== undefined ? { masteryScore: au.masteryScore } : {}),
  });
  const pageErrors: string[] = [];
  const onError = (error: Error) => pageErrors.push(error.message);
  page.on('pageerror', onError);
  try {
    await page.goto(launch.url);
    await page.locator('html[data-sco-session="ready"]').waitFor({ state: 'attached' });
    await options.act(page);
    const panel = (await page.locator('#sco-quiz').count()) > 0 ? ((await page.locator('#sco-quiz').textContent()) ?? '') : '';
    if (options.leaveBy === 'close') {
      // Leaving without the Exit button: the AU sends terminated as the page goes away.
      await page.goto('about:blank');
      await expect.poll(() => lrs.sessionStatements(launch.sessionId).some((s) => s.verb.id === VERB.terminated), { timeout: 15_000 }).toBe(true);
    } else {
      await page.locator('[data-action="exit"]').click();
      await page.waitForURL(returnUrl());
    }
    return { launch, statements: lrs.sessionStatements(launch.sessionId), panel, pageErrors };
  } finally {
    page.off('pageerror', onError);
  }
}

/** The verbs in order, a run of "answered" statements (one per question of a take) as one. */
const verbs = (statements: readonly Statement[]) =>
  statements.map((s) => s.verb.id.split('/').pop()).filter((verb, i, all) => !(verb === 'answered' && all[i - 1] === 'answered'));
const isAnswered = (s: Statement) => s.verb.id === VERB.answered;

/**
 * The rules every session's statements follow (cmi5 §9, §10): valid xAPI; the token
 * from the fetch URL on every request; initialized first and terminated last, no verb
 * twice; the object is the launch's activity; the context keeps the template (session
 * id, publisher id) and adds the registration and categories; results as §9.5 says.
 */
function expectCmi5Session(result: SessionResult, au: AuEntry, check: typeof expect): void {
  const { launch, statements } = result;
  check(result.pageErrors).toEqual([]);
  check(launch.fetchCalls).toEqual(['POST']);
  check(statements.length).toBeGreaterThanOrEqual(2);
  check(statements[0]!.verb.id).toBe(VERB.initialized);
  check(statements.at(-1)!.verb.id).toBe(VERB.terminated);
  // cmi5 defined statements: no verb twice in a session. "answered" ones are cmi5 allowed, one per question.
  const defined = statements.filter((s) => !isAnswered(s));
  check(new Set(verbs(defined)).size).toBe(defined.length);
  check(statements.filter((s) => s.verb.id === VERB.passed || s.verb.id === VERB.failed).length).toBeLessThanOrEqual(1);
  const received = lrs.statements.filter((r) => statements.includes(r.statement));
  for (const r of received) {
    check(r.authorization).toBe(`Basic ${launch.token}`);
    check(r.version).toBe('1.0.3');
  }
  // The session read its launch data with its own token.
  const launchDataReads = lrs.requests.filter((q) => q.query.stateId === 'LMS.LaunchData' && q.method === 'GET' && q.query.registration === launch.registration && q.authorization === `Basic ${launch.token}`);
  check(launchDataReads).toHaveLength(1);
  for (const s of statements) {
    check(validateStatement(s), `${s.verb.id} is valid xAPI`).toEqual([]);
    // Random (version 4), or fixed in advance from the registration (version 8) for the statements that must be stored once.
    check(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[48][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    check(s.timestamp).toMatch(/Z$/);
    check(s.actor).toEqual(JSON.parse(new URL(launch.url).searchParams.get('actor')!));
    check(s.context.registration).toBe(launch.registration);
    check(s.context.extensions[SESSION_ID]).toBe(launch.sessionId);
    check(s.context.contextActivities.grouping).toContainEqual({ id: au.id, objectType: 'Activity' });
    const categories = (s.context.contextActivities.category ?? []).map((c: { id: string }) => c.id);
    if (isAnswered(s)) {
      // cmi5 allowed (§9.3): the context template, no cmi5 category; the question as an interaction under the AU's id.
      check(categories).not.toContain(CMI5_CATEGORY);
      check(categories).not.toContain(MOVEON_CATEGORY);
      check(s.object.id).toMatch(new RegExp(`^${au.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/questions/[a-z0-9-]+$`));
      check(s.object.definition.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
      check(['choice', 'true-false']).toContain(s.object.definition.interactionType);
      check(s.object.definition.correctResponsesPattern).toHaveLength(1);
      check(typeof s.result.success).toBe('boolean');
      check(s.result.score).toBeUndefined();
      continue;
    }
    check(s.object.id).toBe(launch.activityId);
    check(categories).toContain(CMI5_CATEGORY);
    const judged = s.result && ('success' in s.result || 'completion' in s.result);
    check(categories.includes(MOVEON_CATEGORY), `moveOn category on ${s.verb.id}`).toBe(!!judged);
    switch (s.verb.id) {
      case VERB.initialized:
        check(s.result).toBeUndefined();
        break;
      case VERB.completed:
        check(s.result).toMatchObject({ completion: true });
        check(s.result.success).toBeUndefined();
        check(s.result.score).toBeUndefined();
        check(s.result.duration).toMatch(ISO_DURATION);
        break;
      case VERB.passed:
      case VERB.failed: {
        const passed = s.verb.id === VERB.passed;
        check(s.result.success).toBe(passed);
        check(s.result.completion).toBeUndefined();
        check(s.result.duration).toMatch(ISO_DURATION);
        const scaled = s.result.score.scaled as number;
        if (au.masteryScore !== undefined) {
          check(s.context.extensions[MASTERY]).toBe(au.masteryScore);
          if (passed) check(scaled).toBeGreaterThanOrEqual(au.masteryScore);
          else check(scaled).toBeLessThan(au.masteryScore);
        }
        check(Number.isInteger(s.result.score.raw)).toBe(true);
        check(s.result.score).toMatchObject({ min: 0 });
        check(s.result.score.raw).toBeLessThanOrEqual(s.result.score.max);
        break;
      }
      case VERB.terminated:
        check(s.result.duration).toMatch(ISO_DURATION);
        check(s.result.success).toBeUndefined();
        check(s.result.completion).toBeUndefined();
        break;
      default:
        throw new Error(`unexpected verb ${s.verb.id}`);
    }
  }
}

const scoreOf = (statements: readonly Statement[]) => statements.find((s) => s.verb.id === VERB.passed || s.verb.id === VERB.failed)?.result.score;

describe.skipIf(!browserAvailable && !process.env.CI)('cmi5 AUs against a test LRS', () => {
  // Programs with a quiz in at least one module (the third bundled program's modules are completed by viewing; that is tested below).
  for (const c of curricula.filter((x) => x.modules.some((m) => m.assessment))) {
    describe(c.program.id, () => {
      // The quiz of each assessed module; a module completed by viewing (the university
      // subject's topics) has none to take.
      for (const module of c.modules.filter((m) => m.assessment)) {
        it(`${module.id}: token, launch data, statements, attempts and returnURL`, async ({ expect }) => {
          const au = aus.get(c.program.id)!.find((a) => a.url === `modules/${module.id}/index.html`)!;
          expect(au, 'the AU is in cmi5.xml').toBeDefined();
          const limit = module.assessment!.pass.attempts;
          // One page for the per-AU tests, which run one after the other.
          const page = (shared ??= await browser.newPage());
          // First session: one right answer → completed, then failed with that score; terminated; back to the LMS.
          let expected = 0;
          const first = await runSession(page, au, c.program.id, {
            learner: `${module.id}-a`,
            act: async (p) => {
              expected = await takeQuiz(p, onlyFirstRight, `${module.id}-a`, 1);
            },
          });
          expectCmi5Session(first, au, expect);
          expect(verbs(first.statements)).toEqual(['initialized', 'completed', 'answered', 'failed', 'terminated']);
          // One answered statement per question of the take, in the order shown: only the first was right.
          const questions = Math.min(module.assessment!.questionCount, c.questionBanks.find((b) => b.id === module.assessment!.bankId)!.questions.length);
          expect(first.statements.filter(isAnswered).map((s) => s.result.success)).toEqual(Array.from({ length: questions }, (_, i) => i === 0));
          expect(scoreOf(first.statements).scaled).toBe(expected / 10000);
          expect(first.panel).toContain('Try again');
          const registration = first.launch.registration;
          const progress = JSON.parse(lrs.stateDocument(first.launch.activityId, registration, 'progress')!);
          expect(progress).toMatchObject({ n: 1, p: 0, d: 1 });

          if (typeof limit === 'number') {
            // Second session, same registration: failed again, and no second "completed" (once per registration).
            const second = await runSession(page, au, c.program.id, { learner: `${module.id}-a`, registration, act: async (p) => void (await takeQuiz(p, onlyFirstRight, `${module.id}-a`, 2, true)) });
            expectCmi5Session(second, au, expect);
            expect(verbs(second.statements)).toEqual(['initialized', 'answered', 'failed', 'terminated']);
            expect(second.panel).toContain(`You have used all ${limit} attempts`);
            // Third session: no attempt left, so nothing is judged.
            const third = await runSession(page, au, c.program.id, { learner: `${module.id}-a`, registration, act: async () => {} });
            expectCmi5Session(third, au, expect);
            expect(verbs(third.statements)).toEqual(['initialized', 'terminated']);
            expect(third.panel).toContain(`You have used all ${limit} attempts`);
            expect(third.panel).not.toContain('Start the assessment');
            // Another learner passes at the first attempt.
            const ace = await runSession(page, au, c.program.id, { learner: `${module.id}-b`, act: async (p) => void (await takeQuiz(p, everyRight, `${module.id}-b`, 1, true)) });
            expectCmi5Session(ace, au, expect);
            expect(verbs(ace.statements)).toEqual(['initialized', 'completed', 'answered', 'passed', 'terminated']);
            expect(ace.statements.filter(isAnswered).every((s) => s.result.success === true && s.result.response === s.object.definition.correctResponsesPattern[0])).toBe(true);
            expect(scoreOf(ace.statements)).toEqual({ scaled: 1, raw: module.assessment!.questionCount, min: 0, max: module.assessment!.questionCount });
          } else {
            // Retries allowed: the next session passes; "completed" is not sent twice in a registration.
            const second = await runSession(page, au, c.program.id, { learner: `${module.id}-a`, registration, act: async (p) => void (await takeQuiz(p, everyRight, `${module.id}-a`, 2, true)) });
            expectCmi5Session(second, au, expect);
            expect(verbs(second.statements)).toEqual(['initialized', 'answered', 'passed', 'terminated']);
            expect(scoreOf(second.statements).scaled).toBe(1);
            // Passed once per registration: a later session offers no new attempt.
            const third = await runSession(page, au, c.program.id, { learner: `${module.id}-a`, registration, act: async () => {} });
            expect(verbs(third.statements)).toEqual(['initialized', 'terminated']);
            expect(third.panel).toContain('You have passed this assessment with 100 %');
          }
        });
      }
    });
  }

  it('sends no passed, failed or completed in Browse and Review mode, and leaves the attempts untouched', async () => {
    const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
    const au = aus.get(c.program.id)![0]!;
    const page = await browser.newPage();
    try {
      for (const launchMode of ['Browse', 'Review'] as const) {
        const session = await runSession(page, au, c.program.id, { learner: `browse-${launchMode}`, launchMode, act: async (p) => void (await takeQuiz(p, everyRight, `browse-${launchMode}`, 1)) });
        expectCmi5Session(session, au, expect);
        expect(verbs(session.statements)).toEqual(['initialized', 'terminated']);
        expect(lrs.stateDocument(session.launch.activityId, session.launch.registration, 'progress')).toBeUndefined();
        expect(await page.content()).toContain('Back in the LMS');
      }
    } finally {
      await page.close();
    }
  });

  it('completes a module without an assessment by viewing: completed, no score, moveOn Completed', async () => {
    const au = aus.get('view-only')!.find((a) => a.url === `modules/${viewOnly.modules[0]!.id}/index.html`)!;
    expect(au.moveOn).toBe('Completed');
    expect(au.masteryScore).toBeUndefined();
    const page = await browser.newPage();
    try {
      const viewed = async (p: Page) => {
        // The learner reads on to the end of the module.
        await p.keyboard.press('End');
        await expect.poll(() => p.locator('#sco-status').textContent(), { timeout: 15_000 }).toContain('You have completed this module.');
      };
      const session = await runSession(page, au, 'view-only', { learner: 'viewer', act: viewed });
      expectCmi5Session(session, au, expect);
      expect(verbs(session.statements)).toEqual(['initialized', 'completed', 'terminated']);
      expect(session.statements[1]!.result).toEqual({ completion: true, duration: expect.stringMatching(ISO_DURATION) });
      // A second visit in the same registration: completed is not sent again.
      const again = await runSession(page, au, 'view-only', { learner: 'viewer', registration: session.launch.registration, act: viewed });
      expect(verbs(again.statements)).toEqual(['initialized', 'terminated']);
    } finally {
      await page.close();
    }
  });

  it('sends terminated when the learner leaves without the Exit button', async () => {
    const c = curricula.find((x) => x.program.id === 'caring-cities')!;
    const au = aus.get(c.program.id)![0]!;
    const page = await browser.newPage();
    try {
      const session = await runSession(page, au, c.program.id, { learner: 'closer', act: async () => {}, leaveBy: 'close' });
      expectCmi5Session(session, au, expect);
      expect(verbs(session.statements)).toEqual(['initialized', 'terminated']);
    } finally {
      await page.close();
    }
  });

  it('uses the LMS’s masteryScore from LMS.LaunchData over its own pass mark', async () => {
    const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
    const own = aus.get(c.program.id)![0]!;
    // An administrator lowered the mark to 0.2: one right answer out of five (0.2) now passes.
    const au = { ...own, masteryScore: 0.2 };
    const page = await browser.newPage();
    try {
      const session = await runSession(page, au, c.program.id, { learner: 'lenient', act: async (p) => void (await takeQuiz(p, onlyFirstRight, 'lenient', 1)) });
      expectCmi5Session(session, au, expect);
      expect(verbs(session.statements)).toEqual(['initialized', 'completed', 'answered', 'passed', 'terminated']);
      expect(scoreOf(session.statements).scaled).toBe(0.2);
    } finally {
      await page.close();
    }
  });
});

describe.skipIf(!browserAvailable && !process.env.CI)('cmi5 delivery that cannot lose a verdict', () => {
  /** Every statement the LRS holds for a registration, by verb. */
  const inRegistration = (registration: string, verb: string) => lrs.statements.filter((r) => r.statement.context?.registration === registration && r.statement.verb.id === verb);
  const statementPosts = () => lrs.requests.filter((r) => r.method === 'POST' && r.path === '/xapi/statements').length;

  /** Launches an AU and waits until its session runs. */
  async function open(page: Page, au: AuEntry, program: string, learner: string, registration?: string): Promise<Launch> {
    const launch = lrs.launch({
      auUrl: `${server.origin}/pkg/${program}/cmi5/${au.url}`,
      publisherId: au.id,
      actor: actorOf(learner),
      moveOn: au.moveOn,
      returnURL: returnUrl(),
      ...(registration ? { registration } : {}),
      ...(au.masteryScore !== undefined ? { masteryScore: au.masteryScore } : {}),
    });
    await page.goto(launch.url);
    await page.locator('html[data-sco-session="ready"]').waitFor({ state: 'attached' });
    return launch;
  }

  /** A relaunch of the registration: the page must say passed, and the LRS must hold exactly one passed. */
  async function relaunchSaysPassed(page: Page, au: AuEntry, program: string, learner: string, registration: string): Promise<void> {
    const again = await open(page, au, program, learner, registration);
    await expect.poll(() => page.locator('#sco-quiz').textContent(), { timeout: 15_000 }).toContain('You have passed this assessment with 100 %');
    expect(await page.locator('[data-action="start"]').count()).toBe(0);
    await page.locator('[data-action="exit"]').click();
    await page.waitForURL(returnUrl());
    expect(inRegistration(registration, VERB.passed)).toHaveLength(1);
    expect(inRegistration(registration, VERB.failed)).toHaveLength(0);
    expect(inRegistration(registration, VERB.completed)).toHaveLength(1);
    // Nothing is left pending in the state document.
    expect(JSON.parse(lrs.stateDocument(again.activityId, registration, 'progress')!).q).toBeUndefined();
  }

  it('a pass survives a slow LRS and a page closed 100 ms after submitting: the relaunch finds it, and the LRS holds one passed', async () => {
    const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
    const au = aus.get(c.program.id)![1]!;
    const page = await browser.newPage();
    try {
      lrs.faults.latencyMs = 400;
      const first = await open(page, au, c.program.id, 'slow-lrs');
      await takeQuiz(page, everyRight, 'slow-lrs', 1);
      await page.waitForTimeout(100);
      await page.goto('about:blank');
      // What was pending went with keepalive: it arrives after the page is gone.
      await expect.poll(() => inRegistration(first.registration, VERB.passed).length, { timeout: 15_000 }).toBe(1);
      await expect.poll(() => inRegistration(first.registration, VERB.terminated).length, { timeout: 15_000 }).toBe(1);
      // The answered statements went with the verdict, each once.
      const answered = inRegistration(first.registration, VERB.answered);
      expect(answered.length).toBe(c.modules[1]!.assessment!.questionCount);
      expect(new Set(answered.map((r) => r.statement.id)).size).toBe(answered.length);
      await relaunchSaysPassed(page, au, c.program.id, 'slow-lrs', first.registration);
    } finally {
      lrs.faults.latencyMs = 0;
      await page.close();
    }
  });

  it('a tab closed as the take is submitted: its last requests go as forms that need no preflight, and the pass, its answers and terminated reach the LRS', async () => {
    // When a tab is closed, Chromium often sends the preflight of a keepalive request and
    // never the request (about a quarter of the closes in the fault matrix lost the
    // take's verdict that way). Each of five tabs is closed as soon as the take is submitted, while
    // the take's own requests are under way. (No LRS latency here: headless Chromium cuts a
    // keepalive request's connection tens of milliseconds after the tab closes, and the
    // test LRS's latency fault drops a request whose client left before it answered.)
    const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
    const au = aus.get(c.program.id)![1]!;
    const registrations: string[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      const launch = await open(page, au, c.program.id, `closed-tab-${i}`);
      await takeQuiz(page, everyRight, `closed-tab-${i}`, 1);
      await page.close({ runBeforeUnload: true });
      registrations.push(launch.registration);
    }
    for (const registration of registrations) {
      await expect.poll(() => inRegistration(registration, VERB.passed).length, { timeout: 15_000 }).toBe(1);
      expect(inRegistration(registration, VERB.answered)).toHaveLength(c.modules[1]!.assessment!.questionCount);
    }
    // terminated goes only as the tab closes, after the take's statements and the state: in
    // the alternate request syntax (xAPI 1.0.3 Part Three §1.3). Under load, headless
    // Chromium sometimes drops that last request of a closing tab (seen once in a full
    // suite run: one of five), so not every tab's is required; the cmi5 LMS abandons such
    // a session (cmi5 §9.3.6 Abandoned), and no verdict depends on it.
    await expect.poll(() => registrations.filter((r) => inRegistration(r, VERB.terminated).length > 0).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const terminated = registrations.flatMap((r) => inRegistration(r, VERB.terminated));
    expect(terminated.every((t) => t.alternate)).toBe(true);
  });

  it('a pass the LRS never accepted is kept in the state and sent again at the next launch, then said passed', async () => {
    const c = curricula.find((x) => x.program.id === 'caring-cities')!;
    const au = aus.get(c.program.id)![2]!;
    const page = await browser.newPage();
    try {
      const first = await open(page, au, c.program.id, 'lost-pass');
      // From now on the LRS fails every statement request, keepalive copies included.
      lrs.faults.failStatementPosts = 1000;
      await takeQuiz(page, everyRight, 'lost-pass', 1);
      await expect.poll(() => JSON.parse(lrs.stateDocument(first.activityId, first.registration, 'progress') ?? '{}').q?.map((p: { v: string }) => p.v), { timeout: 15_000 }).toContain('passed');
      await page.goto('about:blank');
      await page.waitForTimeout(300);
      expect(inRegistration(first.registration, VERB.passed)).toHaveLength(0);
      lrs.faults.failStatementPosts = 0;
      await relaunchSaysPassed(page, au, c.program.id, 'lost-pass', first.registration);
    } finally {
      lrs.faults.failStatementPosts = 0;
      await page.close();
    }
  });

  it('retries a take’s statements after 5xx, in one request per take, and stores none twice', async () => {
    const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
    const au = aus.get(c.program.id)![2]!;
    const page = await browser.newPage();
    try {
      const first = await open(page, au, c.program.id, 'flaky');
      const before = statementPosts();
      lrs.faults.failStatementPosts = 2;
      await takeQuiz(page, everyRight, 'flaky', 1);
      await expect.poll(() => inRegistration(first.registration, VERB.passed).length, { timeout: 15_000 }).toBe(1);
      // Two refused tries, then the one request with completed, the answers and passed.
      expect(statementPosts() - before).toBe(3);
      const stored = lrs.statements.filter((r) => r.statement.context?.registration === first.registration);
      expect(new Set(stored.map((r) => r.statement.id)).size).toBe(stored.length);
      expect(inRegistration(first.registration, VERB.completed)).toHaveLength(1);
      await page.locator('[data-action="exit"]').click();
      await page.waitForURL(returnUrl());
      const session = lrs.sessionStatements(first.sessionId);
      expect(verbs(session)).toEqual(['initialized', 'completed', 'answered', 'passed', 'terminated']);
    } finally {
      lrs.faults.failStatementPosts = 0;
      await page.close();
    }
  });

  it('a failed take tried again in place: one session, one verdict (the pass), the failed take’s answers kept', async () => {
    const c = curricula.find((x) => x.program.id === 'crisis-scro')!;
    const au = aus.get(c.program.id)![3]!;
    const page = await browser.newPage();
    try {
      const session = await runSession(page, au, c.program.id, {
        learner: 'in-place',
        act: async (p) => {
          await takeQuiz(p, onlyFirstRight, 'in-place', 1);
          await p.locator('[data-action="retry"]').click();
          await expect.poll(() => p.locator('#sco-quiz').textContent(), { timeout: 15_000 }).toContain('Attempt 2 of 2.');
          await takeQuiz(p, everyRight, 'in-place', 2);
        },
      });
      expectCmi5Session(session, au, expect);
      expect(verbs(session.statements)).toEqual(['initialized', 'completed', 'answered', 'passed', 'terminated']);
      expect(session.statements.filter(isAnswered)).toHaveLength(2 * c.modules[3]!.assessment!.questionCount);
    } finally {
      await page.close();
    }
  });
});
