/**
 * The calendars of the two bundled programs: valid RFC 5545 as two real parsers read
 * it, with the instants, UIDs, reminders and subscription settings learners rely on.
 */
import ICAL from 'ical.js';
import ical, { type VEvent } from 'node-ical';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import { emitCalendars } from '../src/emit/ics/index.ts';
import type { EmitContext, OutputFile } from '../src/emit/types.ts';
import type { Curriculum } from '../src/model/types.ts';

let caring: Curriculum;
let crisis: Curriculum;
let context: EmitContext;

beforeAll(async () => {
  const result = await check('curriculum');
  caring = result.curricula.find((c) => c.program.id === 'caring-cities')!;
  crisis = result.curricula.find((c) => c.program.id === 'crisis-scro')!;
  // A site URL, so that events link to their pages; calendars without one are tested below.
  context = { catalog: { ...result.catalog, url: 'https://example.org/' }, curricula: result.curricula };
});

/** The namespaces the bundled programs declare in program.yaml. */
const namespaces: Record<string, string> = {
  'caring-cities': 'tag:hrd.seoul.go.kr,2023:caring-cities',
  'crisis-scro': 'tag:crisisproject.eu,2023:crisis-scro',
};
const uid = (program: string, kind: string, id: string) => `${namespaces[program]}:events:${kind}:${id}`;
/** The item id in a UID of the given kind, or undefined for another kind. */
const itemOf = (uid: string, kind: string) => uid.split(`:events:${kind}:`)[1];

const emit = (c: Curriculum) => emitCalendars(c, context);
const textOf = (files: readonly OutputFile[], path: string) => {
  const file = files.find((f) => f.path === path);
  expect(file, path).toBeDefined();
  return file!.contents as string;
};
const vevents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
const uids = (text: string) => vevents(text).map((v) => v.getFirstPropertyValue('uid') as string);
const eventByUid = (text: string, uid: string) => vevents(text).find((v) => v.getFirstPropertyValue('uid') === uid)!;
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
/** node-ical gives an all-day date as local midnight of the machine's zone: its calendar day, not its instant. */
const dayOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const iso = (t: ICAL.Time) => t.toJSDate().toISOString().replace('.000Z', 'Z');

describe('every calendar of both programs', () => {
  let all: OutputFile[];
  beforeAll(() => {
    all = [...emit(caring), ...emit(crisis)];
  });

  it('are the files the brief asks for, at the shared output paths', () => {
    expect(all.map((f) => f.path).sort()).toEqual([
      'caring-cities/calendar.ics',
      'caring-cities/calendars/deadlines/essay-due.ics',
      'caring-cities/calendars/deadlines/quizzes-due.ics',
      'caring-cities/calendars/deadlines/selfies-due.ics',
      'caring-cities/calendars/deadlines/survey-due.ics',
      'caring-cities/calendars/sessions/accessible-infrastructure-and-public-spaces.ics',
      'caring-cities/calendars/sessions/caring-city-services.ics',
      'caring-cities/calendars/sessions/health-and-mobility-perspectives.ics',
      'caring-cities/calendars/sessions/orientation.ics',
      'crisis-scro/calendar.ics',
      'crisis-scro/calendars/advanced.ics',
      'crisis-scro/calendars/core.ics',
      'crisis-scro/calendars/elective.ics',
      'crisis-scro/calendars/final.ics',
    ]);
  });

  it('use CRLF line ends only, and fold every line to at most 75 octets', () => {
    for (const f of all) {
      const text = f.contents as string;
      expect(text.endsWith('END:VCALENDAR\r\n'), f.path).toBe(true);
      expect(text.replace(/\r\n/g, ''), f.path).not.toMatch(/[\r\n]/);
      for (const line of text.slice(0, -2).split('\r\n')) expect(Buffer.byteLength(line), `${f.path}: ${line}`).toBeLessThanOrEqual(75);
    }
  });

  it('have VERSION, PRODID, CALSCALE and METHOD:PUBLISH, and DTSTAMP from SOURCE_DATE_EPOCH in UTC', () => {
    for (const f of all) {
      const root = new ICAL.Component(ICAL.parse(f.contents as string));
      expect(root.getFirstPropertyValue('version')).toBe('2.0');
      expect(root.getFirstPropertyValue('prodid')).toBe('-//Curriculum Compiler//Curriculum Compiler//EN');
      expect(root.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
      expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
      // vitest.config.ts sets SOURCE_DATE_EPOCH=1700000000, which is 2023-11-14T22:13:20Z.
      for (const line of unfold(f.contents as string).split('\r\n').filter((l) => l.startsWith('DTSTAMP'))) expect(line).toBe('DTSTAMP:20231114T221320Z');
    }
  });

  it('give every TZID its VTIMEZONE, and every event UID, DTSTART, DTEND (never DURATION), SUMMARY and SEQUENCE', () => {
    for (const f of all) {
      const text = f.contents as string;
      const root = new ICAL.Component(ICAL.parse(text));
      const defined = new Set(root.getAllSubcomponents('vtimezone').map((tz) => tz.getFirstPropertyValue('tzid')));
      const used = new Set([...unfold(text).matchAll(/;TZID=([^;:]+)[;:]/g)].map((m) => m[1]));
      for (const zone of used) expect(defined.has(zone!), `${f.path}: VTIMEZONE ${zone}`).toBe(true);
      expect(vevents(text).length, f.path).toBeGreaterThan(0);
      for (const v of vevents(text)) {
        for (const p of ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'sequence']) expect(v.hasProperty(p), `${f.path}: ${p}`).toBe(true);
        expect(v.hasProperty('duration')).toBe(false);
        expect(v.getFirstPropertyValue('sequence')).toBe(0);
      }
    }
  });

  it('write every zone as yearly rules: each VTIMEZONE observance has an RRULE, unless it is the zone’s one fixed offset', () => {
    for (const f of all) {
      for (const tz of new ICAL.Component(ICAL.parse(f.contents as string)).getAllSubcomponents('vtimezone')) {
        const parts = tz.getAllSubcomponents();
        if (parts.length === 1) {
          const from = parts[0]!.getFirstProperty('tzoffsetfrom')!.toICALString().split(':')[1];
          expect(parts[0]!.getFirstProperty('tzoffsetto')!.toICALString().split(':')[1], f.path).toBe(from);
        } else for (const o of parts) expect(o.hasProperty('rrule'), `${f.path}: ${tz.getFirstPropertyValue('tzid')} ${o.name}`).toBe(true);
      }
    }
  });

  it('are read by node-ical with the same events as ical.js', () => {
    for (const f of all) {
      const text = f.contents as string;
      const byNodeIcal = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT');
      expect(byNodeIcal.map((e) => (e as VEvent).uid).sort(), f.path).toEqual(uids(text).sort());
      for (const e of byNodeIcal as VEvent[]) {
        const v = eventByUid(text, e.uid);
        expect(e.summary).toBe(v.getFirstPropertyValue('summary'));
        expect(e.description).toBe(v.getFirstPropertyValue('description'));
        // The same instants (timed) or days (all-day): ical.js from the VTIMEZONE in the file, node-ical from the zone's name.
        const event = new ICAL.Event(v);
        if (event.startDate.isDate) {
          expect(e.datetype, `${f.path} ${e.uid}`).toBe('date');
          expect(event.startDate.toString()).toBe(dayOf(e.start));
          expect(event.endDate.toString()).toBe(dayOf(e.end!));
        } else {
          expect(e.start.toISOString(), `${f.path} ${e.uid}`).toBe(event.startDate.toJSDate().toISOString());
          expect(e.end!.toISOString(), `${f.path} ${e.uid}`).toBe(event.endDate.toJSDate().toISOString());
        }
      }
    }
  });

  it('write all-day events as DATE values with an exclusive DTEND after DTSTART', () => {
    for (const f of all) {
      for (const v of vevents(f.contents as string)) {
        const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
        if (!start.isDate) continue;
        const end = v.getFirstPropertyValue('dtend') as ICAL.Time;
        expect(end.isDate).toBe(true);
        expect(end.compare(start)).toBe(1);
      }
    }
  });

  it('have UIDs that are unique, derived from the program’s namespace, kind and item id', () => {
    for (const f of all) {
      const list = uids(f.contents as string);
      expect(new Set(list).size).toBe(list.length);
      const program = f.path.split('/')[0]!;
      const prefix = `${namespaces[program]}:events:`.replace(/[.,]/g, '\\$&');
      for (const uid of list) expect(uid).toMatch(new RegExp(`^${prefix}(session|deadline|module|assignment|week|period|break):[a-z0-9-]+$`));
    }
  });

  it('escape the comma of the tag: namespace in UID, as RFC 5545 TEXT requires, and both parsers read it back', () => {
    const text = textOf(all, 'crisis-scro/calendar.ics');
    expect(unfold(text)).toContain('\r\nUID:tag:crisisproject.eu\\,2023:crisis-scro:events:');
    const byNodeIcal = Object.keys(ical.sync.parseICS(text)).filter((k) => k.startsWith('tag:'));
    expect(byNodeIcal.sort()).toEqual(uids(text).sort());
  });
});

describe('caring-cities', () => {
  let files: OutputFile[];
  let text: string;
  beforeAll(() => {
    files = emit(caring);
    text = textOf(files, 'caring-cities/calendar.ics');
  });

  const sessions = [
    ['orientation', '2023-07-03'],
    ['caring-city-services', '2023-07-06'],
    ['health-and-mobility-perspectives', '2023-07-13'],
    ['accessible-infrastructure-and-public-spaces', '2023-07-20'],
  ] as const;

  it('has four live sessions from 07:00 to 09:00 UTC on 3, 6, 13 and 20 July 2023, as ical.js reads them', () => {
    for (const [id, day] of sessions) {
      const event = new ICAL.Event(eventByUid(text, uid('caring-cities', 'session', id)));
      expect(event.startDate.zone.tzid).toBe('Europe/Madrid');
      expect([iso(event.startDate), iso(event.endDate)]).toEqual([`${day}T07:00:00Z`, `${day}T09:00:00Z`]);
      const model = caring.schedule.sessions.find((s) => s.id === id)!;
      expect([iso(event.startDate), iso(event.endDate)]).toEqual([model.start.utc, model.end.utc]);
    }
  });

  it('has the same instants as node-ical reads them', () => {
    const parsed = ical.sync.parseICS(text);
    for (const [id, day] of sessions) {
      const event = parsed[uid('caring-cities', 'session', id)] as VEvent;
      expect([event.start.toISOString(), event.end?.toISOString()]).toEqual([`${day}T07:00:00.000Z`, `${day}T09:00:00.000Z`]);
    }
  });

  it('gives each session its page, its place (Zoom), categories and a reminder an hour before', () => {
    const v = eventByUid(text, uid('caring-cities', 'session', 'orientation'));
    expect(v.getFirstPropertyValue('url')).toBe('https://example.org/caring-cities/schedule/');
    expect(v.getFirstPropertyValue('location')).toBe('Zoom');
    expect(v.getFirstProperty('categories')!.getValues()).toEqual(['Live session', 'Orientation']);
    expect(v.getFirstPropertyValue('transp')).toBe('OPAQUE');
    const alarms = v.getAllSubcomponents('valarm');
    expect(alarms.map((a) => [a.getFirstPropertyValue('action'), String(a.getFirstPropertyValue('trigger'))])).toEqual([['DISPLAY', '-PT1H']]);
    expect(alarms[0]!.getFirstPropertyValue('description')).toBe('Starting soon: Orientation for 2023 Online Training by SHRDC');
  });

  it('renders descriptions from Markdown to plain text, with the page link', () => {
    const description = eventByUid(text, uid('caring-cities', 'session', 'orientation')).getFirstPropertyValue('description') as string;
    expect(description).toContain('SHRDC and all other organizers will provide participants');
    expect(description).toContain('Online: Zoom');
    expect(description).toContain('Details: https://example.org/caring-cities/schedule/');
  });

  it('has deadlines at their instant (23:59 Madrid time when due by the end of the day), a minute long, with a reminder at 09:00 two days before', () => {
    const v = eventByUid(text, uid('caring-cities', 'deadline', 'quizzes-due'));
    const event = new ICAL.Event(v);
    expect(event.startDate.isDate).toBe(false);
    expect(iso(event.startDate)).toBe('2023-07-19T21:59:00Z');
    expect(iso(event.endDate)).toBe('2023-07-19T22:00:00Z');
    // A learner in Bogotá sees the deadline at 16:59 on the 19th, not the whole day.
    const bogota = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Bogota', dateStyle: 'short', timeStyle: 'short' });
    expect(bogota.format(event.startDate.toJSDate())).toBe('19/07/2023, 16:59');
    const triggers = v.getAllSubcomponents('valarm').map((a) => a.getFirstPropertyValue('trigger') as ICAL.Duration);
    expect(triggers.map((t) => new Date(event.startDate.toJSDate().getTime() + t.toSeconds() * 1000).toISOString())).toEqual(['2023-07-17T07:00:00.000Z']);
    expect(v.getFirstPropertyValue('url')).toBe('https://example.org/caring-cities/completion/');
    expect(v.getFirstPropertyValue('description')).toContain('Due by the end of 19 July 2023: 23:59, Europe/Madrid time. Your calendar shows it in your own time.');
  });

  it('says that an implicit deadline is the program end standing in, and does not claim a stated due date', () => {
    for (const id of ['essay-due', 'survey-due']) {
      expect(caring.schedule.deadlines.find((d) => d.id === id)?.implicit).toBe(true);
      const v = eventByUid(text, uid('caring-cities', 'deadline', id));
      expect(v.getFirstPropertyValue('summary')).toMatch(/^Due by the end of the program: /);
      const description = v.getFirstPropertyValue('description') as string;
      expect(description).toContain('The program documents state no deadline for this. The end of the program (21 July 2023) is shown instead');
      expect(description).not.toContain('Due by the end of 21 July');
    }
    const stated = eventByUid(text, uid('caring-cities', 'deadline', 'selfies-due'));
    expect(stated.getFirstPropertyValue('description')).not.toContain('state no deadline');
  });

  it('has the modules over the self-paced period, each linking to its page, in module order', () => {
    const modules = vevents(text).filter((v) => itemOf(v.getFirstPropertyValue('uid') as string, 'module') !== undefined);
    expect(modules.map((v) => v.getFirstPropertyValue('summary'))).toEqual([
      'Lecture 1: What is a Caring City? – Leaving No One Behind & Going Together With The Socially Neglected',
      'Lecture 2: Safe and Healthy Caring City',
      'Lecture 3: Caring Mobility and Public Space - Rethinking Public Spaces & Walkable City',
      'Lecture 4: Social mobility and Inclusion of Seoul through Seoul Learn',
    ]);
    for (const v of modules) {
      expect([String(v.getFirstPropertyValue('dtstart')), String(v.getFirstPropertyValue('dtend'))]).toEqual(['2023-07-03', '2023-07-22']);
      expect(v.getFirstPropertyValue('url')).toBe(`https://example.org/caring-cities/modules/${itemOf(v.getFirstPropertyValue('uid') as string, 'module')}/`);
      expect(v.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    }
  });

  it('is a calendar to subscribe to: name, zone, refresh interval and TTL', () => {
    const root = new ICAL.Component(ICAL.parse(text));
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Caring Cities online training 2023');
    expect(root.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Madrid');
    expect(unfold(text)).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n');
    expect(unfold(text)).toContain('\r\nX-PUBLISHED-TTL:PT12H\r\n');
  });

  it('has one "add this session" file per session: that event alone, same UID, its VTIMEZONE, no subscription settings', () => {
    for (const [id] of sessions) {
      const single = textOf(files, `caring-cities/calendars/sessions/${id}.ics`);
      expect(uids(single)).toEqual([uid('caring-cities', 'session', id)]);
      expect(unfold(single)).toContain(unfold(textOf(files, 'caring-cities/calendar.ics')).match(new RegExp(`BEGIN:VEVENT\\r\\nUID:[^\\r]*:events:session:${id}\\r\\n[\\s\\S]*?END:VEVENT`))![0]);
      expect(single).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Madrid\r\n');
      for (const p of ['X-WR-CALNAME', 'REFRESH-INTERVAL', 'X-PUBLISHED-TTL']) expect(single).not.toContain(p);
    }
  });

  it('has one "add this deadline" file per deadline, the same event as in the program calendar', () => {
    const whole = unfold(textOf(files, 'caring-cities/calendar.ics'));
    for (const d of caring.schedule.deadlines) {
      const single = textOf(files, `caring-cities/calendars/deadlines/${d.id}.ics`);
      expect(uids(single)).toEqual([uid('caring-cities', 'deadline', d.id)]);
      const escapedUid = uid('caring-cities', 'deadline', d.id).replace(/,/g, '\\,').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(unfold(single)).toContain(whole.match(new RegExp(`BEGIN:VEVENT\\r\\nUID:${escapedUid}\\r\\n[\\s\\S]*?END:VEVENT`))![0]);
      expect(single).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Madrid\r\n');
      expect(single).not.toContain('X-WR-CALNAME');
    }
  });
});

describe('settings and stability', () => {
  it('gives the same bytes on every build', () => {
    expect(emit(caring)).toEqual(emit(caring));
    expect(emit(crisis)).toEqual(emit(crisis));
  });

  it('keeps UIDs when titles and times change, so that subscribers get updates instead of copies', () => {
    const moved: Curriculum = {
      ...caring,
      modules: caring.modules.map((m) => ({ ...m, title: `${m.title} (revised)` })),
      schedule: {
        ...caring.schedule,
        sessions: caring.schedule.sessions.map((s) => ({
          ...s,
          title: `${s.title}, moved`,
          start: { ...s.start, local: s.start.local.replace('T09', 'T10'), utc: s.start.utc.replace('T07', 'T08') },
          end: { ...s.end, local: s.end.local.replace('T11', 'T12'), utc: s.end.utc.replace('T09', 'T10') },
        })),
      },
    };
    const before = textOf(emit(caring), 'caring-cities/calendar.ics');
    const after = textOf(emit(moved), 'caring-cities/calendar.ics');
    expect(after).not.toBe(before);
    expect(after).toContain('DTSTART;TZID=Europe/Madrid:20230703T100000');
    expect(uids(after).sort()).toEqual(uids(before).sort());
  });

  it('takes SEQUENCE and the reminders from the program’s calendar settings', () => {
    const configured: Curriculum = { ...caring, calendar: { ...caring.calendar, sequence: 3, sessionReminders: [1440, 15], deadlineReminders: [7, 0] } };
    const text = textOf(emit(configured), 'caring-cities/calendar.ics');
    for (const v of vevents(text)) expect(v.getFirstPropertyValue('sequence')).toBe(3);
    const triggers = (uid: string) => eventByUid(text, uid).getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger')));
    expect(triggers(uid('caring-cities', 'session', 'orientation'))).toEqual(['-P1D', '-PT15M']);
    // From 23:59: 7 days before at 09:00, and 09:00 on the day itself.
    expect(triggers(uid('caring-cities', 'deadline', 'quizzes-due'))).toEqual(['-P7DT14H59M', '-PT14H59M']);
    const none: Curriculum = { ...caring, calendar: { ...caring.calendar, sessionReminders: [], deadlineReminders: [] } };
    expect(textOf(emit(none), 'caring-cities/calendar.ics')).not.toContain('BEGIN:VALARM');
  });

  it('reminds of a deadline at 09:00 on its zone’s clocks, or when it falls if that is earlier on its own day', () => {
    const quizzes = caring.schedule.deadlines.find((d) => d.id === 'quizzes-due')!;
    const at = { ...quizzes.due.at, local: '2023-07-19T08:00:00', utc: '2023-07-19T06:00:00Z' };
    const early = { ...quizzes, due: { ...quizzes.due, endOfDay: false, at } };
    const configured: Curriculum = {
      ...caring,
      calendar: { ...caring.calendar, deadlineReminders: [2, 0] },
      schedule: { ...caring.schedule, deadlines: caring.schedule.deadlines.map((d) => (d.id === early.id ? early : d)) },
    };
    const v = eventByUid(textOf(emit(configured), 'caring-cities/calendar.ics'), uid('caring-cities', 'deadline', 'quizzes-due'));
    // 08:00 on the 19th: 09:00 on the 17th is 1 day 23 hours before; on the day itself, at 08:00.
    expect(v.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger')))).toEqual(['-P1DT23H', 'PT0S']);
    expect(v.getFirstPropertyValue('description')).toContain('Due on 19 July 2023 at 08:00, Europe/Madrid time.');
  });

  it('takes the refresh interval from the program', () => {
    const text = textOf(emit({ ...caring, calendar: { ...caring.calendar, refreshHours: 36 } }), 'caring-cities/calendar.ics');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:P1DT12H\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:P1DT12H\r\n');
  });

  it('takes links from the site URL, and UIDs from the namespace alone', () => {
    const files = emitCalendars(caring, { ...context, catalog: { ...context.catalog, url: 'https://training.example.net/courses/' } });
    const text = textOf(files, 'caring-cities/calendar.ics');
    expect(uids(text).sort()).toEqual(uids(textOf(emit(caring), 'caring-cities/calendar.ics')).sort());
    expect(eventByUid(text, uid('caring-cities', 'session', 'orientation')).getFirstPropertyValue('url')).toBe('https://training.example.net/courses/caring-cities/schedule/');
  });

  it('without a site URL, writes no URL property and no link in descriptions, and names no host the sources do not', () => {
    const files = emitCalendars(caring, { ...context, catalog: { ...context.catalog, url: undefined } });
    const text = textOf(files, 'caring-cities/calendar.ics');
    for (const v of vevents(text)) {
      expect(v.hasProperty('url')).toBe(false);
      expect(v.getFirstPropertyValue('description')).not.toContain('Details:');
    }
    expect(uids(text).sort()).toEqual(uids(textOf(emit(caring), 'caring-cities/calendar.ics')).sort());
    expect(unfold(text)).not.toContain('example.org');
  });
});

describe('crisis-scro phase calendars', () => {
  let files: OutputFile[];
  beforeAll(() => {
    files = emit(crisis);
  });
  const phaseUids = (phase: string) => uids(textOf(files, `crisis-scro/calendars/${phase}.ics`));

  it('hold each phase’s modules and assignments, and together exactly the program calendar', () => {
    const core = phaseUids('core');
    expect(core.flatMap((u) => itemOf(u, 'module') ?? [])).toEqual([
      'transforming-cities-through-digital-innovation',
      'managing-the-transformation-to-a-resilient-sc',
      'sc-urban-planning-and-critical-infrastructures',
      'learning-sc-enabling-technologies',
      'managing-sc-stakeholders-and-citizen-networks',
      'identifying-risks-in-scs',
    ]);
    expect(core.filter((u) => itemOf(u, 'assignment') !== undefined)).toEqual([uid('crisis-scro', 'assignment', 'practical-assignment-1')]);
    expect(phaseUids('final')).toEqual([uid('crisis-scro', 'assignment', 'practical-assignment-3')]);
    const union = ['core', 'advanced', 'elective', 'final'].flatMap(phaseUids);
    expect(new Set(union).size).toBe(union.length);
    expect(union.sort()).toEqual(uids(textOf(files, 'crisis-scro/calendar.ics')).sort());
  });

  it('are named after the program and the phase, in the program’s zone', () => {
    const root = new ICAL.Component(ICAL.parse(textOf(files, 'crisis-scro/calendars/advanced.ics')));
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('CRISIS SCRO MOOC: Advanced Modules');
    expect(root.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Athens');
  });

  it('schedule a module over its week, with the week named in the description', () => {
    const v = eventByUid(textOf(files, 'crisis-scro/calendar.ics'), uid('crisis-scro', 'module', 'crisis-management'));
    expect([String(v.getFirstPropertyValue('dtstart')), String(v.getFirstPropertyValue('dtend'))]).toEqual(['2023-05-08', '2023-05-15']);
    expect(v.getFirstPropertyValue('summary')).toBe('Module: Crisis Management');
    expect(v.getFirstPropertyValue('description')).toContain('When: Week 7');
  });

  it('put a session and a deadline in the phase whose days they fall in', () => {
    const exact = { kind: 'exact' } as const;
    const due = { local: '2023-05-10T23:59:59', date: '2023-05-10', timeZone: 'Europe/Athens', offset: '+03:00', utc: '2023-05-10T20:59:59Z', resolution: exact };
    const start = { local: '2023-04-04T18:00:00', date: '2023-04-04', timeZone: 'Europe/Athens', offset: '+03:00', utc: '2023-04-04T15:00:00Z', resolution: exact };
    const end = { ...start, local: '2023-04-04T19:00:00', utc: '2023-04-04T16:00:00Z' };
    const withItems: Curriculum = {
      ...crisis,
      schedule: {
        ...crisis.schedule,
        sessions: [{ id: 'q-and-a', title: 'Q&A', kind: 'discussion', organizerIds: [], start, end, durationMinutes: 60 }],
        deadlines: [{ id: 'mid-term', title: 'Mid-term check', due: { date: '2023-05-10', endOfDay: true, at: due }, moduleIds: [], assignmentIds: [], implicit: false }],
      },
    };
    const phased = emit(withItems);
    expect(uids(textOf(phased, 'crisis-scro/calendars/core.ics'))).toContain(uid('crisis-scro', 'session', 'q-and-a'));
    expect(uids(textOf(phased, 'crisis-scro/calendars/advanced.ics'))).toContain(uid('crisis-scro', 'deadline', 'mid-term'));
    expect(uids(textOf(phased, 'crisis-scro/calendars/advanced.ics'))).not.toContain(uid('crisis-scro', 'session', 'q-and-a'));
    expect(uids(textOf(phased, 'crisis-scro/calendars/core.ics'))).not.toContain(uid('crisis-scro', 'deadline', 'mid-term'));
  });

  it('write a phase with nothing dated in it as a valid calendar without events', () => {
    const empty: Curriculum = { ...crisis, schedule: { ...crisis.schedule, phases: [...crisis.schedule.phases, { id: 'extra', title: 'Extra', weekNumbers: [], moduleIds: [] }] } };
    const text = textOf(emit(empty), 'crisis-scro/calendars/extra.ics');
    expect(vevents(text)).toEqual([]);
    // RFC 5545 requires at least one component: the program zone's VTIMEZONE.
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Athens\r\n');
    expect(Object.values(ical.sync.parseICS(text)).some((c) => c?.type === 'VEVENT')).toBe(false);
  });
});

describe('schedule entries and links from the sources', () => {
  it('turns breaks, titled weeks and periods without modules into all-day events, and keeps weeks that only repeat their modules out', () => {
    const withEntries: Curriculum = {
      ...crisis,
      schedule: {
        ...crisis.schedule,
        breaks: [{ id: 'easter', title: 'Easter break', span: { start: '2023-04-10', end: '2023-04-16' } }],
        weeks: crisis.schedule.weeks.map((w) => (w.first === 13 ? { ...w, title: 'Final assignments', note: 'Choose **one** of three.' } : w)),
        periods: [{ id: 'exam-window', title: 'Exam window', span: { start: '2023-07-10', end: '2023-07-14' }, moduleIds: [], assignmentIds: [] }],
      },
    };
    const files = emit(withEntries);
    const text = textOf(files, 'crisis-scro/calendar.ics');
    const dates = (uid: string) => {
      const v = eventByUid(text, uid);
      return [v.getFirstPropertyValue('summary'), String(v.getFirstPropertyValue('dtstart')), String(v.getFirstPropertyValue('dtend'))];
    };
    expect(dates(uid('crisis-scro', 'break', 'easter'))).toEqual(['Easter break', '2023-04-10', '2023-04-17']);
    expect(dates(uid('crisis-scro', 'week', '13-16'))).toEqual(['Weeks 13–16: Final assignments', '2023-06-19', '2023-07-18']);
    expect(eventByUid(text, uid('crisis-scro', 'week', '13-16')).getFirstPropertyValue('description')).toMatch(/^Choose one of three\.\n\n/);
    expect(dates(uid('crisis-scro', 'period', 'exam-window'))).toEqual(['Exam window', '2023-07-10', '2023-07-15']);
    expect(uids(text).filter((u) => itemOf(u, 'week') !== undefined)).toEqual([uid('crisis-scro', 'week', '13-16')]);
    // The Easter break falls between core weeks 3 and 4; the titled week belongs to the final phase.
    expect(uids(textOf(files, 'crisis-scro/calendars/core.ics'))).toContain(uid('crisis-scro', 'break', 'easter'));
    expect(uids(textOf(files, 'crisis-scro/calendars/advanced.ics'))).not.toContain(uid('crisis-scro', 'break', 'easter'));
    expect(uids(textOf(files, 'crisis-scro/calendars/final.ics'))).toContain(uid('crisis-scro', 'week', '13-16'));
  });

  it('writes a meeting link as CONFERENCE and in LOCATION, and refuses links that are not web addresses', () => {
    const online = (url: string): Curriculum => ({
      ...caring,
      schedule: { ...caring.schedule, sessions: caring.schedule.sessions.map((s) => ({ ...s, online: { platform: 'Zoom; room, 1', url } })) },
    });
    const text = textOf(emit(online('https://zoom.us/j/123?pwd=a b')), 'caring-cities/calendar.ics');
    const v = eventByUid(text, uid('caring-cities', 'session', 'orientation'));
    expect(v.getFirstPropertyValue('location')).toBe('Zoom; room, 1: https://zoom.us/j/123?pwd=a%20b');
    expect(v.getFirstPropertyValue('description')).toContain('Join: https://zoom.us/j/123?pwd=a%20b');
    const conference = v.getFirstProperty('conference')!;
    expect(conference.getFirstValue()).toBe('https://zoom.us/j/123?pwd=a%20b');
    expect(conference.getParameter('label')).toBe('Zoom; room, 1');
    expect(unfold(text)).toContain('CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL="Zoom; room, 1":https://zoom.us/j/123?pwd=a%20b\r\n');

    const hostile = textOf(emit(online('javascript:alert(1)')), 'caring-cities/calendar.ics');
    expect(hostile).not.toMatch(/^CONFERENCE/m);
    expect(unfold(hostile)).not.toContain('javascript:');
    expect(eventByUid(hostile, uid('caring-cities', 'session', 'orientation')).getFirstPropertyValue('location')).toBe('Zoom; room, 1');
  });
});

describe('a session’s meeting link and dial-in text, from the YAML', () => {
  let dir: string;
  let text: string;
  let stated: string;
  const dialIn = 'Call +1 555 0100; meeting ID 000, passcode "1234" <b>';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calendar-links-'));
    await cp('curriculum', dir, { recursive: true });
    const schedule = join(dir, 'caring-cities/schedule.yaml');
    const source = await readFile(schedule, 'utf8');
    const edited = source.replace(
      '      note: A real-time ZOOM meeting for registered participants.',
      `      note: A real-time ZOOM meeting for registered participants.\n      url: https://zoom.us/j/5550100?pwd=a%26b\n      dialIn: '${dialIn}'`,
    );
    expect(edited).not.toBe(source);
    await writeFile(schedule, edited);
    const result = await check(dir);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const program = result.curricula.find((c) => c.program.id === 'caring-cities')!;
    stated = program.schedule.sessions.map((s) => s.online?.dialIn ?? '').join('');
    text = textOf(emitCalendars(program, { catalog: result.catalog, curricula: result.curricula }), 'caring-cities/calendar.ics');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reaches the model as written', () => {
    expect(stated).toBe(dialIn);
  });

  it('goes into URL, LOCATION, CONFERENCE and the description, read back intact by ical.js and node-ical', () => {
    const v = eventByUid(text, uid('caring-cities', 'session', 'orientation'));
    expect(v.getFirstPropertyValue('url')).toBe('https://zoom.us/j/5550100?pwd=a%26b');
    expect(v.getFirstPropertyValue('location')).toBe('Zoom: https://zoom.us/j/5550100?pwd=a%26b');
    const conference = v.getFirstProperty('conference')!;
    expect(conference.getFirstValue()).toBe('https://zoom.us/j/5550100?pwd=a%26b');
    expect(conference.getParameter('feature')).toBe('VIDEO');
    const description = v.getFirstPropertyValue('description') as string;
    expect(description).toContain('Join: https://zoom.us/j/5550100?pwd=a%26b\n');
    expect(description).toContain(`By phone: ${dialIn}`);
    const byNodeIcal = Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT' && (c as VEvent).uid === uid('caring-cities', 'session', 'orientation')) as VEvent;
    expect(byNodeIcal.location).toBe('Zoom: https://zoom.us/j/5550100?pwd=a%26b');
    expect(byNodeIcal.description).toBe(description);
  });
});
