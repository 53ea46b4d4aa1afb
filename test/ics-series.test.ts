/**
 * Series of sessions, sections and exams end to end, on test/samples/programs/series-term
 * (a Tuesday/Thursday lecture in New York from September to December, across the end of
 * daylight-saving time on 1 November 2026, with a skipped day, a cancelled and two moved
 * lectures, a Thanksgiving break, two recitation sections and an oral exam with slots):
 * the check, the model, `curriculum.json` against its schema, and the calendars as three
 * parsers expand them (ical.js from the file's VTIMEZONE, node-ical, python icalendar
 * with dateutil), each occurrence's instants compared with the model's sessions.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import ICAL from 'ical.js';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarLock, emitCalendars, parseCalendarLock } from '../src/emit/ics/index.ts';
import { emitCurriculumJson } from '../src/emit/json/index.ts';
import type { EmitContext, OutputFile } from '../src/emit/types.ts';
import { check } from '../src/index.ts';
import type { Curriculum } from '../src/model/types.ts';

const sample = 'test/samples/programs/series-term';
let curriculum: Curriculum;
let context: EmitContext;
let files: OutputFile[];
let diagnostics: readonly { code: string; severity: string }[];

beforeAll(async () => {
  const result = await check(sample);
  diagnostics = result.diagnostics;
  curriculum = result.curricula[0]!;
  context = { catalog: { ...result.catalog, url: 'https://example.org/' }, curricula: result.curricula };
  files = emitCalendars(curriculum, context);
});

const textOf = (p: string) => files.find((f) => f.path === `series-term/${p}`)!.contents as string;
const sessionsOf = (seriesId: string) => curriculum.schedule.sessions.filter((s) => s.seriesId === seriesId);
/** What every parser must find for a series: each occurrence's start and end instants. */
const modelInstants = (seriesId: string) => sessionsOf(seriesId).map((s) => `${s.start.utc} ${s.end.utc}`).sort();
const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');
const seriesIds = ['lecture', 'recitation-a', 'recitation-b'];

describe('the sample term', () => {
  it('checks clean: the recitation sections overlap each other and are not reported', () => {
    expect(diagnostics).toEqual([]);
    expect(curriculum).toBeDefined();
  });

  it('expands the lecture into one session per meeting day, without the skipped, cancelled and break days', () => {
    const lecture = curriculum.schedule.series.find((s) => s.id === 'lecture')!;
    const ids = sessionsOf('lecture').map((s) => s.id);
    expect(ids).toEqual(lecture.sessionIds);
    // 14 weeks of Tuesdays and Thursdays from Tuesday 8 September to Thursday 10 December: 28 meeting days.
    expect(ids.length + lecture.skipped.length).toBe(28);
    expect(lecture.skipped.map((k) => [k.date, k.reason, k.breakId ?? ''])).toEqual([
      ['2026-10-13', 'except', ''],
      ['2026-11-12', 'cancelled', ''],
      ['2026-11-26', 'break', 'thanksgiving'],
    ]);
    for (const gone of ['2026-10-13', '2026-11-12', '2026-11-26']) expect(ids).not.toContain(`lecture-${gone}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps 10:00 in New York across the clock change: 14:00 UTC in October, 15:00 UTC in November', () => {
    const byId = new Map(curriculum.schedule.sessions.map((s) => [s.id, s]));
    expect(byId.get('lecture-2026-10-27')!.start).toMatchObject({ local: '2026-10-27T10:00:00', utc: '2026-10-27T14:00:00Z', offset: '-04:00' });
    expect(byId.get('lecture-2026-11-03')!.start).toMatchObject({ local: '2026-11-03T10:00:00', utc: '2026-11-03T15:00:00Z', offset: '-05:00' });
  });

  it('moves an occurrence under the id of its planned day, remembering the planned start', () => {
    const byId = new Map(curriculum.schedule.sessions.map((s) => [s.id, s]));
    const moved = byId.get('lecture-2026-10-15')!;
    expect(moved.start.local).toBe('2026-10-16T14:00:00');
    expect(moved.end.local).toBe('2026-10-16T15:15:00');
    expect(moved.place).toBe('Room 101');
    expect(moved.movedFrom?.local).toBe('2026-10-15T10:00:00');
    // Planned in daylight time, held in standard time.
    const across = byId.get('lecture-2026-10-29')!;
    expect(across.movedFrom?.utc).toBe('2026-10-29T14:00:00Z');
    expect(across.start.utc).toBe('2026-11-02T15:00:00Z');
  });

  it('groups the recitation sections, and places exams in the model with their modules in module order', () => {
    expect(curriculum.schedule.sections).toEqual([
      { id: 'recitation', title: 'Recitation', description: 'You are assigned one section when you register.', sessionIds: [], seriesIds: ['recitation-a', 'recitation-b'] },
    ]);
    for (const s of [...sessionsOf('recitation-a'), ...sessionsOf('recitation-b')]) expect(s.sectionId).toBe('recitation');
    const oral = curriculum.schedule.exams.find((e) => e.id === 'final-oral')!;
    expect(oral.moduleIds).toEqual(curriculum.modules.map((m) => m.id));
    expect(oral.slots).toEqual({ minutes: 20, count: 9 });
    expect(oral.start.utc).toBe('2026-12-14T14:00:00Z');
    expect(curriculum.schedule.exams.find((e) => e.id === 'midterm')!.moduleIds).toEqual(['intro']);
  });

  it('writes curriculum.json with the series, sections and exams, valid against curriculum.schema.json', async () => {
    const [file] = emitCurriculumJson(curriculum, context);
    const json = JSON.parse(file!.contents as string) as Curriculum;
    expect(json.schedule.series.map((s) => s.id)).toEqual(seriesIds);
    expect(json.schedule.sections.map((s) => s.id)).toEqual(['recitation']);
    expect(json.schedule.exams.map((e) => e.id)).toEqual(['midterm', 'final-oral']);
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
    const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
    const validate = ajv.compile(JSON.parse(await readFile('schemas/curriculum.schema.json', 'utf8')));
    expect(validate(json) ? [] : validate.errors).toEqual([]);
  });
});

describe('the calendar of the sample term', () => {
  it('writes each series as one VEVENT with RRULE and EXDATE, and each moved occurrence with RECURRENCE-ID', () => {
    const text = textOf('calendar.ics').replace(/\r\n[ \t]/g, '');
    const root = new ICAL.Component(ICAL.parse(text));
    const lecture = root.getAllSubcomponents('vevent').filter((v) => String(v.getFirstPropertyValue('uid')).endsWith(':events:series:lecture'));
    const masters = lecture.filter((v) => !v.hasProperty('recurrence-id'));
    expect(masters).toHaveLength(1);
    expect(text).toContain('RRULE:FREQ=WEEKLY;UNTIL=20261210T150000Z;BYDAY=TU,TH\r\n');
    expect(text).toContain('EXDATE;TZID=America/New_York:20261126T100000\r\n');
    expect(lecture.filter((v) => v.hasProperty('recurrence-id')).map((v) => v.getFirstProperty('recurrence-id')!.toICALString())).toEqual([
      'RECURRENCE-ID;TZID=America/New_York:20261015T100000',
      'RECURRENCE-ID;TZID=America/New_York:20261029T100000',
    ]);
    // No occurrence of a series is also written as an event of its own in the subscribed calendar.
    expect(text).not.toMatch(/:events:session:lecture-/);
  });

  it('ical.js expands every series to the model’s occurrences, from the VTIMEZONE in the file', () => {
    const text = textOf('calendar.ics');
    const root = new ICAL.Component(ICAL.parse(text));
    // ical.js reads a TZID through its registry: register the file's own VTIMEZONE, not a built-in zone.
    for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const vevents = root.getAllSubcomponents('vevent');
    for (const id of seriesIds) {
      const mine = vevents.filter((v) => String(v.getFirstPropertyValue('uid')).endsWith(`:events:series:${id}`));
      const event = new ICAL.Event(mine.find((v) => !v.hasProperty('recurrence-id'))!);
      for (const v of mine.filter((x) => x.hasProperty('recurrence-id'))) event.relateException(new ICAL.Event(v));
      const expanded: string[] = [];
      const it = event.iterator();
      for (let next = it.next(); next; next = it.next()) {
        const o = event.getOccurrenceDetails(next);
        expanded.push(`${iso(o.startDate.toJSDate())} ${iso(o.endDate.toJSDate())}`);
      }
      expect(expanded.sort(), id).toEqual(modelInstants(id));
    }
    ICAL.TimezoneService.reset();
  });

  it('node-ical expands every series to the model’s occurrences', () => {
    const parsed = Object.values(ical.sync.parseICS(textOf('calendar.ics'))).filter((c) => c?.type === 'VEVENT') as VEvent[];
    for (const id of seriesIds) {
      const master = parsed.find((e) => e.uid.endsWith(`:events:series:${id}`) && e.rrule)!;
      const instances = ical.expandRecurringEvent(master, { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') });
      expect(instances.map((i) => `${iso(i.start)} ${iso(i.end)}`).sort(), id).toEqual(modelInstants(id));
    }
  });

  it('writes an oral exam as one event over its window, saying the slot length and leaving the learner free', () => {
    const text = textOf('calendars/exams/final-oral.ics').replace(/\r\n[ \t]/g, '');
    const [v] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const event = new ICAL.Event(v!);
    expect(String(event.uid)).toMatch(/:events:exam:final-oral$/);
    expect(String(event.description)).toContain('one 20-minute slot (9 slots in this time)');
    expect(String(event.description)).toContain('Covers: Module: Introduction; Module: Methods');
    expect(v!.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(textOf('calendar.ics')).toContain(':events:exam:midterm');
  });

  it('says "attend one of" on the sections, and writes a file per series and per occurrence', () => {
    const a = textOf('calendars/series/recitation-a.ics').replace(/\r\n[ \t]/g, '');
    expect(a).toContain('Recitation: attend one of Recitation\\, section A or Recitation\\, section B.');
    const occurrence = textOf('calendars/sessions/lecture-2026-10-15.ics');
    expect(occurrence).toContain('DTSTART;TZID=America/New_York:20261016T140000');
    expect(occurrence).not.toMatch(/^RRULE:FREQ=WEEKLY/m);
    const series = textOf('calendars/series/lecture.ics');
    expect(series.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('puts a series (with its moved sessions) in the calendar of each phase it meets in, and an exam in the phase it falls in', () => {
    const uidsIn = (file: string) => new ICAL.Component(ICAL.parse(textOf(file))).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')).replace(/^.*:events:/, ''));
    const first = uidsIn('calendars/first-half.ics');
    const second = uidsIn('calendars/second-half.ics');
    for (const uids of [first, second]) expect(uids.filter((u) => u === 'series:lecture')).toHaveLength(3);
    expect(first).toContain('exam:midterm');
    expect(first).not.toContain('exam:final-oral');
    expect(second).toContain('exam:final-oral');
  });

  it('escapes hostile text of a series, its moved session and an exam, and reads it back unchanged', () => {
    const hostile = 'Lecture; one, two\\three\nEND:VEVENT <script>';
    const schedule = curriculum.schedule;
    const changed: Curriculum = {
      ...curriculum,
      schedule: {
        ...schedule,
        series: schedule.series.map((s) => (s.id === 'lecture' ? { ...s, title: hostile, place: hostile } : s)),
        sessions: schedule.sessions.map((s) => (s.seriesId === 'lecture' ? { ...s, title: hostile } : s)),
        exams: schedule.exams.map((e) => ({ ...e, title: hostile, ...(e.slots ? { place: hostile } : {}) })),
      },
    };
    const text = emitCalendars(changed, context).find((f) => f.path === 'series-term/calendar.ics')!.contents as string;
    expect(text).not.toMatch(/^END:VEVENT <script>/m);
    const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const lecture = vevents.filter((v) => String(v.getFirstPropertyValue('uid')).endsWith(':events:series:lecture'));
    expect(lecture).toHaveLength(3);
    for (const v of lecture) expect(v.getFirstPropertyValue('summary')).toBe(hostile);
    const oral = vevents.find((v) => String(v.getFirstPropertyValue('uid')).endsWith(':events:exam:final-oral'))!;
    expect(oral.getFirstPropertyValue('summary')).toBe(hostile);
    expect(oral.getFirstPropertyValue('location')).toBe(hostile);
  });

  it('revises a changed moved occurrence alone: the lock keeps the events of one series apart by their planned start', () => {
    const lockText = calendarLock(curriculum, context);
    const lock = JSON.parse(lockText) as { events: Record<string, unknown> };
    expect(Object.keys(lock.events).filter((k) => k.includes(':events:series:lecture'))).toHaveLength(3);
    const locked: EmitContext = { ...context, calendarLocks: new Map([['series-term', parseCalendarLock(lockText, 'calendar-lock.json')]]) };
    expect(emitCalendars(curriculum, locked).map((f) => f.contents)).toEqual(files.map((f) => f.contents));

    const sessions = curriculum.schedule.sessions.map((s) => (s.id === 'lecture-2026-10-15' ? { ...s, place: 'Room 102' } : s));
    const changed = { ...curriculum, sourceDate: '2026-10-01T00:00:00Z', schedule: { ...curriculum.schedule, sessions } };
    const text = emitCalendars(changed, locked).find((f) => f.path === 'series-term/calendar.ics')!.contents as string;
    const sequences = new Map(
      new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents('vevent')
        .filter((v) => String(v.getFirstPropertyValue('uid')).endsWith(':events:series:lecture'))
        .map((v) => [v.getFirstProperty('recurrence-id')?.toICALString() ?? 'master', v.getFirstPropertyValue('sequence')]),
    );
    expect(Object.fromEntries(sequences)).toEqual({
      master: 0,
      'RECURRENCE-ID;TZID=America/New_York:20261015T100000': 1,
      'RECURRENCE-ID;TZID=America/New_York:20261029T100000': 0,
    });
  });
});

const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import icalendar, dateutil'], { encoding: 'utf8' }).status === 0);
if (python === undefined && process.env.CI) throw new Error('No python3 with icalendar and dateutil: CI must install python3-icalendar before the tests.');

// Expands each VEVENT with an RRULE as python calendar code does: icalendar reads the
// file, dateutil's rrule repeats the wall-clock time, the zone places each one, EXDATE
// removes and RECURRENCE-ID replaces occurrences. Prints uid → sorted "start end" in UTC.
const expander = String.raw`
import sys, json, datetime
from icalendar import Calendar
from dateutil.rrule import rrulestr
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
utc = lambda d: d.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
def place(tz, naive):
    return tz.localize(naive) if hasattr(tz, 'localize') else naive.replace(tzinfo=tz)
events = list(cal.walk('VEVENT'))
out = {}
for ev in events:
    if ev.get('RRULE') is None: continue
    uid = str(ev['UID'])
    start = ev['DTSTART'].dt
    tz = start.tzinfo
    length = ev['DTEND'].dt - start
    rule = dict(ev['RRULE'])
    until = rule.pop('UNTIL')[0]
    text = ev['RRULE'].__class__(rule).to_ical().decode()
    naive_until = until.astimezone(tz).replace(tzinfo=None)
    wall = rrulestr(text, dtstart=start.replace(tzinfo=None)).replace(until=naive_until)
    ex = ev.get('EXDATE') or []
    ex = ex if isinstance(ex, list) else [ex]
    skipped = {utc(d.dt) for e in ex for d in e.dts}
    moved = {utc(o['RECURRENCE-ID'].dt): o for o in events if str(o['UID']) == uid and o.get('RECURRENCE-ID') is not None}
    found = []
    for w in wall:
        s = place(tz, w)
        key = utc(s)
        if key in skipped: continue
        if key in moved:
            o = moved[key]
            found.append(utc(o['DTSTART'].dt) + ' ' + utc(o['DTEND'].dt))
        else:
            # The length on the clock, as RFC 5545 section 3.8.5.3 counts it for DTSTART/DTEND.
            found.append(key + ' ' + utc(place(tz, w + length)))
    out[uid] = sorted(found)
print(json.dumps(out))
`;

describe.skipIf(python === undefined)('python icalendar', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ics-series-'));
    await writeFile(path.join(dir, 'calendar.ics'), textOf('calendar.ics'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('expands every series to the model’s occurrences', () => {
    const run = spawnSync(python!, ['-c', expander, path.join(dir, 'calendar.ics')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const read = JSON.parse(run.stdout) as Record<string, string[]>;
    expect(Object.keys(read).length).toBe(seriesIds.length);
    for (const id of seriesIds) {
      const uid = Object.keys(read).find((u) => u.endsWith(`:events:series:${id}`))!;
      expect(read[uid], id).toEqual(modelInstants(id));
    }
  });
});

/** A one-series program in a temporary folder, checked and its calendar written. */
async function oneSeries(zone: string, series: string): Promise<{ curriculum: Curriculum; calendar: string; codes: string[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'series-edge-'));
  const folder = path.join(dir, 'series-edge');
  try {
    await cp(path.join(sample, 'modules'), path.join(folder, 'modules'), { recursive: true });
    await writeFile(path.join(folder, 'policy.yaml'), await readFile(path.join(sample, 'policy.yaml'), 'utf8'));
    const program = (await readFile(path.join(sample, 'program.yaml'), 'utf8'))
      .replace('id: series-term', 'id: series-edge')
      .replace(/timeZone: .*/, `timeZone: ${zone}`)
      .replace(/start: .*/, 'start: 2026-01-05')
      .replace(/end: .*/, 'end: 2026-12-31');
    await writeFile(path.join(folder, 'program.yaml'), program);
    await writeFile(path.join(folder, 'schedule.yaml'), `periods:\n  - id: term\n    title: Term\n    starts: 2026-01-05\n    ends: 2026-12-31\n    modules: [intro, methods]\nseries:\n${series}`);
    const result = await check(folder);
    const c = result.curricula[0]!;
    expect(c, result.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    const calendar = emitCalendars(c, { catalog: result.catalog, curricula: result.curricula }).find((f) => f.path === 'series-edge/calendar.ics')!.contents as string;
    return { curriculum: c, calendar, codes: result.diagnostics.map((d) => d.code) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each VEVENT's UID → "start end" in UTC, as ical.js reads them from the file's own VTIMEZONEs. */
function icalJsInstants(text: string): Map<string, string> {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const out = new Map(root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return [String(e.uid), `${iso(e.startDate.toJSDate())} ${iso(e.endDate.toJSDate())}`] as const;
  }));
  ICAL.TimezoneService.reset();
  return out;
}

describe('a series that one weekly rule cannot say', () => {
  it('at a wall-clock time its zone shows twice, is written as one event per session (in UTC where the time is ambiguous)', async () => {
    // 01:30 on Sunday 1 November 2026 happens twice in New York.
    const { curriculum: c, calendar, codes } = await oneSeries(
      'America/New_York',
      '  - id: night\n    title: Night session\n    days: [sunday]\n    starts: "01:30"\n    ends: "01:45"\n    from: 2026-10-18\n    until: 2026-11-15\n',
    );
    expect(codes).toContain('local_time_ambiguous');
    expect(calendar).not.toMatch(/^RRULE:FREQ=WEEKLY/m);
    expect(calendar).not.toContain(':events:series:');
    expect(calendar).toContain('DTSTART:20261101T053000Z');
    const read = icalJsInstants(calendar);
    const sessions = c.schedule.sessions.filter((s) => s.seriesId === 'night');
    expect(sessions).toHaveLength(5);
    for (const s of sessions) expect([...read.entries()].find(([uid]) => uid.endsWith(`:events:session:${s.id}`))?.[1], s.id).toBe(`${s.start.utc} ${s.end.utc}`);
  });

  it('in a zone whose changes follow no yearly rule (Morocco around Ramadan), is written as one event per session in UTC', async () => {
    const { curriculum: c, calendar } = await oneSeries(
      'Africa/Casablanca',
      '  - id: seminar\n    title: Seminar\n    days: [monday]\n    starts: "10:00"\n    ends: "11:00"\n    from: 2026-02-02\n    until: 2026-04-27\n',
    );
    expect(calendar).not.toContain('BEGIN:VTIMEZONE');
    expect(calendar).not.toMatch(/^RRULE:FREQ=WEEKLY/m);
    const sessions = c.schedule.sessions.filter((s) => s.seriesId === 'seminar');
    // 10:00 is 10:00 UTC during Ramadan (Morocco leaves UTC+1 for it) and 09:00 UTC around it.
    expect(new Set(sessions.map((s) => s.start.offset))).toEqual(new Set(['+01:00', '+00:00']));
    const read = icalJsInstants(calendar);
    expect([...read.keys()].filter((uid) => uid.includes(':events:session:'))).toHaveLength(sessions.length);
    for (const s of sessions) expect([...read.entries()].find(([uid]) => uid.endsWith(`:events:session:${s.id}`))?.[1], s.id).toBe(`${s.start.utc} ${s.end.utc}`);
  });
});
