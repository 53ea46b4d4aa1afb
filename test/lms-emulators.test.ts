/**
 * The LMS emulators (test/support/lms/): first their rules on their own, as each LMS's
 * source or documentation states them; then a seeded sample of the fault matrix, real
 * SCOs and AUs of both programs in Chromium under each emulator with one fault each,
 * where every run must keep the properties of harness.ts. `npm run faults` runs the
 * whole matrix; `LMS_FAULT_SEED=<n>` picks another sample here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from './support/browser.ts';
import { allFaults, FaultPlan, faultName, seeded } from './support/lms/faults.ts';
import { allScos, emulatorIds, propertyIds, readScoManifest, runOne, startWorld, type Plan, type RunSpec, type World } from './support/lms/harness.ts';
import { CanvasScorm, MoodleScorm, RusticiScorm, type Flat, type ScoManifest } from './support/lms/scorm-rules.ts';

const sco12: ScoManifest = { version: '1.2', itemId: 'item', href: 'index.html', masteryScore: 60 };
const sco2004: ScoManifest = { version: '2004', itemId: 'item', href: 'index.html', scaledPassingScore: 0.6, attemptLimit: 2 };
const moodle = { maxAttempt: 2, forceNewAttempt: 0, lastAttemptLock: true, masteryOverride: true, gradeMethod: 1, whatGrade: 0 } as const;

function launched(d: ReturnType<MoodleScorm['launch']>) {
  if (d.kind !== 'launch') throw new Error(`blocked: ${d.reason}`);
  return d;
}

describe('Moodle rules (mod/scorm)', () => {
  it('resumes an incomplete attempt, reviews a complete one, and starts a new one only when asked and allowed', () => {
    const lms = new MoodleScorm('1.2', sco12, moodle, 'learner');
    const first = launched(lms.launch(false));
    expect(first).toMatchObject({ attempt: 1, mode: 'normal' });
    expect(first.cmi['cmi.core.entry']).toBe('ab-initio');
    expect(first.cmi['cmi.student_data.mastery_score']).toBe('60');
    lms.commit(1, 'normal', { 'cmi.core.lesson_status': 'incomplete', 'cmi.suspend_data': 'x', 'cmi.core.exit': 'suspend' }, true);
    const again = launched(lms.launch(true));
    // An incomplete attempt cannot be replaced by a new one: the request is ignored.
    expect(again).toMatchObject({ attempt: 1, mode: 'normal' });
    expect(again.cmi['cmi.core.entry']).toBe('resume');
    expect(again.cmi['cmi.suspend_data']).toBe('x');
    lms.commit(1, 'normal', { 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '20', 'cmi.core.exit': '' }, true);
    // Failed is complete for Moodle: review mode unless the learner asks for a new attempt.
    expect(launched(lms.launch(false))).toMatchObject({ attempt: 1, mode: 'review' });
    const second = launched(lms.launch(true));
    expect(second).toMatchObject({ attempt: 2, mode: 'normal' });
    expect(second.cmi['cmi.suspend_data']).toBeUndefined();
    // Review mode stores nothing.
    lms.commit(1, 'review', { 'cmi.core.lesson_status': 'passed' }, true);
    expect(lms.record()).toMatchObject({ status: 'failed', attempts: 1 });
    lms.commit(2, 'normal', { 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '40' }, true);
    // Two scored attempts of two, with "lock after final attempt": no entry at all.
    expect(lms.launch(false)).toEqual({ kind: 'blocked', reason: 'exceededmaxattempts' });
    expect(lms.record()).toMatchObject({ status: 'failed', attempts: 2, grade: 40 });
  });

  it('"mastery score overrides status" recomputes a SCORM 1.2 status at LMSFinish, and does nothing in SCORM 2004', () => {
    const lms12 = new MoodleScorm('1.2', sco12, moodle, 'learner');
    launched(lms12.launch(false));
    lms12.commit(1, 'normal', { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': '80' }, false);
    expect(lms12.record().status).toBe('incomplete');
    lms12.commit(1, 'normal', {}, true);
    expect(lms12.record().status).toBe('passed');
    const lms2004 = new MoodleScorm('2004', sco2004, moodle, 'learner');
    launched(lms2004.launch(false));
    lms2004.commit(1, 'normal', { 'cmi.completion_status': 'incomplete', 'cmi.score.raw': '80', 'cmi.score.scaled': '0.8' }, true);
    expect(lms2004.record().status).toBe('incomplete');
  });

  it('counts an attempt only once it has a score, and "force new attempt" opens one after any complete attempt, a passed one too', () => {
    const lms = new MoodleScorm('2004', sco2004, { ...moodle, maxAttempt: 0, lastAttemptLock: false, forceNewAttempt: 1 }, 'learner');
    launched(lms.launch(false));
    lms.commit(1, 'normal', { 'cmi.completion_status': 'incomplete', 'cmi.exit': 'suspend' }, true);
    expect(lms.record().attempts).toBe(0);
    expect(launched(lms.launch(false)).cmi['cmi.entry']).toBe('resume');
    lms.commit(1, 'normal', { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.raw': '100' }, true);
    expect(lms.record()).toMatchObject({ status: 'passed', attempts: 1 });
    expect(launched(lms.launch(false))).toMatchObject({ attempt: 2, mode: 'normal' });
  });
});

describe('Rustici Engine rules (SCORM Cloud, Canvas)', () => {
  it('SCORM 2004: an exit other than suspend ends the attempt; the next launch starts afresh, and attemptLimit blocks the third', () => {
    const lms = new RusticiScorm('SCORM Cloud', '2004', sco2004, { resetRunTimeData: 'on-each-new-sequencing-attempt' }, 'learner');
    expect(launched(lms.launch())).toMatchObject({ attempt: 1 });
    lms.commit(1, 'normal', { 'cmi.suspend_data': 's', 'cmi.exit': 'suspend', 'cmi.completion_status': 'incomplete' }, true);
    const resumed = launched(lms.launch());
    expect(resumed).toMatchObject({ attempt: 1 });
    expect(resumed.cmi).toMatchObject({ 'cmi.entry': 'resume', 'cmi.suspend_data': 's', 'cmi.scaled_passing_score': '0.6' });
    lms.commit(1, 'normal', { 'cmi.success_status': 'passed', 'cmi.completion_status': 'completed', 'cmi.score.raw': '100', 'cmi.exit': 'normal' }, true);
    const fresh = launched(lms.launch());
    expect(fresh).toMatchObject({ attempt: 2 });
    expect(fresh.cmi['cmi.entry']).toBe('ab-initio');
    expect(fresh.cmi['cmi.suspend_data']).toBeUndefined();
    // A failed retake in the new attempt replaces the registration's success.
    lms.commit(2, 'normal', { 'cmi.success_status': 'failed', 'cmi.score.raw': '20', 'cmi.exit': 'normal' }, true);
    expect(lms.record()).toMatchObject({ status: 'failed', attempts: 2 });
    expect(lms.launch()).toEqual({ kind: 'blocked', reason: 'attemptLimit' });
  });

  it('SCORM 1.2: "reset when exit is not suspend" drops a passed learner’s data at the next launch; "never" keeps it', () => {
    const data: Flat = { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100', 'cmi.suspend_data': '{"p":1}', 'cmi.core.exit': '' };
    const reset = new RusticiScorm('SCORM Cloud', '1.2', sco12, { resetRunTimeData: 'when-exit-is-not-suspend' }, 'learner');
    launched(reset.launch());
    reset.commit(1, 'normal', data, true);
    const after = launched(reset.launch());
    expect(after.cmi['cmi.suspend_data']).toBeUndefined();
    expect(after.cmi['cmi.core.entry']).toBe('ab-initio');
    const keep = new RusticiScorm('SCORM Cloud', '1.2', sco12, { resetRunTimeData: 'never' }, 'learner');
    launched(keep.launch());
    keep.commit(1, 'normal', data, true);
    expect(launched(keep.launch()).cmi['cmi.suspend_data']).toBe('{"p":1}');
  });

  it('Canvas takes the last score passed back as the grade', () => {
    const lms = new CanvasScorm('1.2', sco12, { resetRunTimeData: 'when-exit-is-not-suspend' }, 'learner');
    launched(lms.launch());
    lms.commit(1, 'normal', { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100', 'cmi.core.exit': '' }, true);
    launched(lms.launch());
    lms.commit(2, 'normal', { 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '25' }, true);
    expect(lms.gradeHistory).toEqual([100, 25]);
    expect(lms.record().grade).toBe(25);
  });

  it('reads what an LMS reads from a manifest', () => {
    const xml = `<manifest><organizations><organization><item identifier="i1" identifierref="r1"><title>T</title>
      <imsss:sequencing><imsss:limitConditions attemptLimit="2"/><imsss:objectives><imsss:primaryObjective objectiveID="o" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>
      </item></organization></organizations><resources><resource identifier="r1" href="modules/m/index.html"/></resources></manifest>`;
    expect(readScoManifest(xml, '2004')).toEqual({ version: '2004', itemId: 'i1', href: 'modules/m/index.html', scaledPassingScore: 0.6, attemptLimit: 2 });
  });
});

describe('fault plans', () => {
  it('hit their request once, and say whether they met it', () => {
    const dropped = new FaultPlan({ kind: 'dropped', target: 'verdict' });
    expect(dropped.decide({ first: true, verdict: false })).toBe('pass');
    expect(dropped.met).toBe(false);
    expect(dropped.decide({ first: false, verdict: true })).toBe('drop');
    expect(dropped.met).toBe(true);
    expect(dropped.decide({ first: false, verdict: true })).toBe('pass');
    const slow = new FaultPlan({ kind: 'latency', ms: 400 });
    expect(slow.met).toBe(false);
    expect(slow.decide({ first: true, verdict: false })).toBe('pass');
    expect(slow.met).toBe(true);
    expect(new FaultPlan({ kind: 'none' }).met).toBe(false);
  });
});

/* ---- the seeded sample of the fault matrix ---- */

const seed = Number(process.env.LMS_FAULT_SEED ?? 12);
const SAMPLE_PER_EMULATOR = 1;

describe.skipIf(!browserAvailable && !process.env.CI)(`fault sample (seed ${seed}): every emulator, a SCO and a fault drawn for each`, () => {
  let launchedBrowser: LaunchedBrowser;
  let world: World;
  const specs: RunSpec[] = [];

  beforeAll(async () => {
    launchedBrowser = await launchBrowser();
    world = await startWorld(launchedBrowser.browser);
  }, 120_000);
  afterAll(async () => {
    await world?.close();
    await launchedBrowser?.close();
  });

  // The draw needs the SCO list, which needs the model: drawn in the test, from the seed.
  it('draws the sample', () => {
    const random = seeded(seed);
    const scos = allScos(world);
    const plans: Plan[] = ['fail-then-pass', 'pass', 'fail-always'];
    for (const emulator of emulatorIds) {
      for (let k = 0; k < SAMPLE_PER_EMULATOR; k++) {
        const sco = scos[Math.floor(random() * scos.length)]!;
        // The faults that matter most are drawn more often: all but "none".
        const fault = allFaults[1 + Math.floor(random() * (allFaults.length - 1))]!;
        const plan = plans[Math.floor(random() * plans.length)]!;
        specs.push({ emulator, ...sco, fault, plan });
      }
    }
    expect(specs.length).toBe(emulatorIds.length * SAMPLE_PER_EMULATOR);
    expect(new Set(specs.map((s) => s.program)).size).toBeGreaterThan(0);
  });

  for (const [index, emulator] of emulatorIds.entries()) {
    it(`${emulator}: the drawn run keeps every property`, async () => {
      const spec = specs[index]!;
      expect(spec.emulator).toBe(emulator);
      const result = await runOne(world, spec);
      const failed = Object.fromEntries(propertyIds.filter((p) => result.properties[p] !== null).map((p) => [p, result.properties[p]]));
      expect(failed, `${result.name} (${faultName(spec.fault)})\n${result.log.join('\n')}`).toEqual({});
      expect(result.takes).toBeGreaterThan(0);
      // The drawn fault must really have happened, or the run tested nothing about it. One
      // draw has nothing to hit: a SCORM learner who keeps failing where retries are unlimited
      // is never sent a verdict (the package reports no failure while takes remain), so a
      // fault aimed at the verdict finds none; cmi5 sends a held failure when the session ends.
      const module = world.curricula.find((c) => c.program.id === spec.program)!.modules.find((m) => m.id === spec.moduleId)!;
      const aimsAtVerdict = ((spec.fault.kind === 'http-5xx' || spec.fault.kind === 'dropped') && spec.fault.target === 'verdict') || (spec.fault.kind === 'close' && spec.fault.at === 'during-verdict-commit');
      const noVerdict = spec.emulator !== 'cmi5' && spec.plan === 'fail-always' && module.assessment!.pass.attempts === 'unlimited';
      if (!(aimsAtVerdict && noVerdict)) expect(result.faultMet, `${result.name}: the fault never happened\n${result.log.join('\n')}`).toBe(true);
    }, 90_000);
  }
});
