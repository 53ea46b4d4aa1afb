/**
 * The "subscribe" and "add this event" links of the site: each app gets the calendar's
 * real address or the event's real instants, and hostile titles stay inside their
 * parameter. The instants are compared with the calendars as ical.js reads them, so
 * that a link and a downloaded file never disagree.
 */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventLinks, subscribeLinks, webcalUrl } from '../src/addresses/index.ts';
import { emitCalendars } from '../src/emit/ics/index.ts';
import { deadlineSpan } from '../src/emit/ics/model-events.ts';
import { check } from '../src/index.ts';
import type { Curriculum } from '../src/model/types.ts';

const hostile = 'Q&A: "Risk" <script>alert(1)</script> #1 +100% ?x=y';

describe('subscribe links', () => {
  const ics = 'https://example.org/courses/caring-cities/calendar.ics';
  const links = subscribeLinks(ics, hostile);

  it('gives the system calendar app the webcal:// address', () => {
    expect(links.webcal).toBe('webcal://example.org/courses/caring-cities/calendar.ics');
    expect(webcalUrl('http://example.org/a.ics')).toBe('webcal://example.org/a.ics');
  });

  it('gives Google the webcal:// address as cid', () => {
    const url = new URL(links.google);
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect([...url.searchParams]).toEqual([['cid', 'webcal://example.org/courses/caring-cities/calendar.ics']]);
  });

  it('gives Outlook.com and Microsoft 365 the https address and the calendar’s name, intact', () => {
    for (const [link, host] of [
      [links.outlook, 'outlook.live.com'],
      [links.office365, 'outlook.office.com'],
    ] as const) {
      const url = new URL(link);
      expect(url.host).toBe(host);
      expect(url.pathname).toBe('/calendar/0/addfromweb');
      expect(url.searchParams.get('url')).toBe(ics);
      expect(url.searchParams.get('name')).toBe(hostile);
      expect(link).not.toMatch(/[<>" ]/);
    }
  });
});

describe('add-this-event links', () => {
  const links = eventLinks({ title: hostile, start: '2023-07-03T07:00:00Z', end: '2023-07-03T09:00:00Z', details: 'Join: https://zoom.us/j/1?pwd=a&b\nSecond line', location: 'Zoom & co' });

  it('give Google the title, UTC dates, details and place', () => {
    const url = new URL(links.google);
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('text')).toBe(hostile);
    expect(url.searchParams.get('dates')).toBe('20230703T070000Z/20230703T090000Z');
    expect(url.searchParams.get('details')).toBe('Join: https://zoom.us/j/1?pwd=a&b\nSecond line');
    expect(url.searchParams.get('location')).toBe('Zoom & co');
  });

  it('give Outlook.com and Microsoft 365 the same, with ISO instants', () => {
    for (const link of [links.outlook, links.office365]) {
      const url = new URL(link);
      expect(url.pathname).toBe('/calendar/0/deeplink/compose');
      expect(url.searchParams.get('rru')).toBe('addevent');
      expect(url.searchParams.get('subject')).toBe(hostile);
      expect(url.searchParams.get('startdt')).toBe('2023-07-03T07:00:00Z');
      expect(url.searchParams.get('enddt')).toBe('2023-07-03T09:00:00Z');
      expect(url.searchParams.get('location')).toBe('Zoom & co');
      expect(link).not.toMatch(/[<>" \n]/);
    }
  });

  it('leave the place out when there is none', () => {
    const none = eventLinks({ title: 't', start: '2023-07-03T07:00:00Z', end: '2023-07-03T07:01:00Z', details: '' });
    expect(new URL(none.google).searchParams.has('location')).toBe(false);
    expect(new URL(none.outlook).searchParams.has('location')).toBe(false);
  });
});

describe('deadline spans', () => {
  let caring: Curriculum;
  let text: string;
  beforeAll(async () => {
    const result = await check('curriculum');
    caring = result.curricula.find((c) => c.program.id === 'caring-cities')!;
    text = emitCalendars(caring, { catalog: result.catalog, curricula: result.curricula }).find((f) => f.path === 'caring-cities/calendar.ics')!.contents as string;
  });

  it('are the instants of the deadline events in the calendar, as ical.js reads them', () => {
    const root = new ICAL.Component(ICAL.parse(text));
    expect(caring.schedule.deadlines.length).toBeGreaterThan(0);
    for (const d of caring.schedule.deadlines) {
      const vevent = root.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `tag:hrd.seoul.go.kr,2023:caring-cities:events:deadline:${d.id}`)!;
      const event = new ICAL.Event(vevent);
      const span = deadlineSpan(d.due.at);
      expect(span.start.utc, d.id).toBe(event.startDate.toJSDate().toISOString().replace('.000Z', 'Z'));
      expect(span.end.utc, d.id).toBe(event.endDate.toJSDate().toISOString().replace('.000Z', 'Z'));
    }
  });

  it('start at the minute of a deadline stated to the second, and last one minute', () => {
    const due = caring.schedule.deadlines.find((d) => d.id === 'quizzes-due')!.due;
    expect(due.at.local).toBe('2023-07-19T23:59:59');
    const span = deadlineSpan(due.at);
    expect([span.start.local, span.end.local]).toEqual(['2023-07-19T23:59:00', '2023-07-20T00:00:00']);
    expect([span.start.utc, span.end.utc]).toEqual(['2023-07-19T21:59:00Z', '2023-07-19T22:00:00Z']);
  });
});
