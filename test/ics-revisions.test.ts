/**
 * Updates reach one-off imports: an event whose content changes gets a higher SEQUENCE
 * and a LAST-MODIFIED on the next build, kept from build to build by the lock file that
 * `build` writes beside the sources (and only `build`, and only when it succeeds).
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, check, compile } from '../src/index.ts';
import { calendarLock, calendarLockFileName, emitCalendars, parseCalendarLock } from '../src/emit/ics/index.ts';
import type { EmitContext } from '../src/emit/types.ts';
import type { Curriculum } from '../src/model/types.ts';
import { repoRoot } from './support/samples.ts';

const ORIENTATION = 'tag:hrd.seoul.go.kr,2023:caring-cities:events:session:orientation';

/** SEQUENCE and LAST-MODIFIED of every event, by UID, as ical.js reads them. */
function revisions(text: string): Map<string, { sequence: number; modified: string | undefined }> {
  const root = new ICAL.Component(ICAL.parse(text));
  return new Map(
    root.getAllSubcomponents('vevent').map((v) => [
      v.getFirstPropertyValue('uid') as string,
      { sequence: Number(v.getFirstPropertyValue('sequence')), modified: (v.getFirstPropertyValue('last-modified') as ICAL.Time | null)?.toJSDate().toISOString() },
    ]),
  );
}

describe('revisions in memory', () => {
  let caring: Curriculum;
  let context: EmitContext;
  beforeAll(async () => {
    const result = await check(path.join(repoRoot, 'curriculum'));
    caring = result.curricula.find((c) => c.program.id === 'caring-cities')!;
    context = { catalog: result.catalog, curricula: result.curricula };
  });
  const calendarOf = (c: Curriculum, ctx: EmitContext) => emitCalendars(c, ctx).find((f) => f.path === 'caring-cities/calendar.ics')!.contents as string;

  it('start at 0, made when the sources were, without a lock', () => {
    for (const r of revisions(calendarOf(caring, context)).values()) expect(r).toEqual({ sequence: 0, modified: '2023-11-14T22:13:20.000Z' });
  });

  it('keep an unchanged event’s revision and date, and raise a changed one’s, dated by the new sources', () => {
    const lock = parseCalendarLock(calendarLock(caring, context), 'lock');
    const locked = { ...context, calendarLocks: new Map([['caring-cities', lock]]) };
    const later = { ...caring, sourceDate: '2024-01-02T03:04:05Z' };
    expect(revisions(calendarOf(later, locked)).get(ORIENTATION)).toEqual({ sequence: 0, modified: '2023-11-14T22:13:20.000Z' });

    const sessions = later.schedule.sessions.map((s) => (s.id === 'orientation' ? { ...s, title: `${s.title} (moved room)` } : s));
    const edited = { ...later, schedule: { ...later.schedule, sessions } };
    const read = revisions(calendarOf(edited, locked));
    expect(read.get(ORIENTATION)).toEqual({ sequence: 1, modified: '2024-01-02T03:04:05.000Z' });
    const others = [...read].filter(([uid]) => uid !== ORIENTATION);
    expect(others.length).toBeGreaterThan(5);
    for (const [, r] of others) expect(r).toEqual({ sequence: 0, modified: '2023-11-14T22:13:20.000Z' });
    // The program's own `sequence` setting still adds to every event.
    const bumped = revisions(calendarOf({ ...edited, calendar: { ...edited.calendar, sequence: 5 } }, locked));
    expect(bumped.get(ORIENTATION)?.sequence).toBe(6);
    // The "add this session" file says the same as the program calendar.
    const single = emitCalendars(edited, locked).find((f) => f.path === 'caring-cities/calendars/sessions/orientation.ics')!.contents as string;
    expect(revisions(single).get(ORIENTATION)).toEqual({ sequence: 1, modified: '2024-01-02T03:04:05.000Z' });
  });

  it('refuse a damaged lock, naming the file and what to do', () => {
    expect(() => parseCalendarLock('{', '/x/calendar-lock.json')).toThrow(/\/x\/calendar-lock\.json: not JSON.*restore it from version control/);
    expect(() => parseCalendarLock('{"events":{"a":{"fingerprint":"f","revision":-1,"modified":"2023-01-01T00:00:00Z"}}}', 'f.json')).toThrow(/entry for a/);
  });
});

describe('the lock file, through build', () => {
  let work: string;
  let sources: string;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const lockOf = (program: string) => readFile(path.join(sources, program, calendarLockFileName), 'utf8');
  const calendar = (out: string, file = 'caring-cities/calendar.ics') => readFile(path.join(work, out, file), 'utf8');
  const run = (out: string) => build({ input: sources, outDir: path.join(work, out), site: false, cache: false });

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'calendar-lock-test-'));
    sources = path.join(work, 'curriculum');
    await cp(path.join(repoRoot, 'curriculum'), sources, { recursive: true });
    for (const program of ['caring-cities', 'crisis-scro']) await rm(path.join(sources, program, calendarLockFileName), { force: true });
  });
  afterAll(async () => {
    process.env.SOURCE_DATE_EPOCH = epoch;
    await rm(work, { recursive: true, force: true });
  });

  it('is written by a build, records every event, and leaves the next build’s bytes unchanged', async () => {
    expect((await run('first')).written).toBe(true);
    const lock = parseCalendarLock(await lockOf('caring-cities'), 'lock');
    expect(Object.keys(lock.events).sort()).toEqual([...revisions(await calendar('first')).keys()].sort());
    expect(await lockOf('crisis-scro')).toMatch(/^\{\n {2}"events": \{/);
    const before = await lockOf('caring-cities');
    await run('second');
    expect(await lockOf('caring-cities')).toBe(before);
    expect(await calendar('second')).toBe(await calendar('first'));
  });

  it('raises SEQUENCE of the edited event only, on the next build, and keeps it on the builds after', async () => {
    const schedule = path.join(sources, 'caring-cities', 'schedule.yaml');
    const yaml = await readFile(schedule, 'utf8');
    const edited = yaml.replace('    ends: 2023-07-03T11:00', '    ends: 2023-07-03T11:30');
    expect(edited).not.toBe(yaml);
    await writeFile(schedule, edited);
    const lockBefore = await lockOf('caring-cities');
    const filesBefore = await readdir(path.join(sources, 'caring-cities'));
    // `check` and `compile` read the lock but never write it.
    await check(sources);
    await compile({ input: sources });
    expect(await lockOf('caring-cities')).toBe(lockBefore);
    expect(await readdir(path.join(sources, 'caring-cities'))).toEqual(filesBefore);

    process.env.SOURCE_DATE_EPOCH = '1710000000'; // 2024-03-09T16:00:00Z: the edit's commit
    await run('third');
    const read = revisions(await calendar('third'));
    expect(read.get(ORIENTATION)).toEqual({ sequence: 1, modified: '2024-03-09T16:00:00.000Z' });
    for (const [uid, r] of read) if (uid !== ORIENTATION) expect(r, uid).toEqual({ sequence: 0, modified: '2023-11-14T22:13:20.000Z' });
    expect(revisions(await calendar('third', 'caring-cities/calendars/sessions/orientation.ics')).get(ORIENTATION)?.sequence).toBe(1);
    expect(parseCalendarLock(await lockOf('caring-cities'), 'lock').events[ORIENTATION]?.revision).toBe(1);

    await run('fourth');
    expect(await calendar('fourth')).toBe(await calendar('third'));
  });

  it('is not written by a build that fails', async () => {
    const before = await lockOf('caring-cities');
    const schedule = path.join(sources, 'caring-cities', 'schedule.yaml');
    const yaml = await readFile(schedule, 'utf8');
    await writeFile(schedule, yaml.replace('    ends: 2023-07-03T11:30', '    ends: 2023-07-03T12:00\n    bogus: true'));
    const result = await run('failed');
    expect(result.written).toBe(false);
    expect(await lockOf('caring-cities')).toBe(before);
    await writeFile(schedule, yaml);
  });
});
