/**
 * The site's page logic without Astro: formatting that never depends on the build
 * machine's zone, Markdown fitted into pages, the week-by-week agenda, the timeline and
 * competence map geometry, download links and JSON-LD escaping.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/index.ts';
import type { Break, Curriculum } from '../src/model/types.ts';
import { agendaOf, type WeekEntry } from '../site/lib/agenda.ts';
import { competenceMapOf, maxMapRows } from '../site/lib/competence-map.ts';
import { formatterFor } from '../site/lib/format.ts';
import { basePath, downloadsOf, programLinks, webcalUrl, withBase } from '../site/lib/links.ts';
import { markdownBlock, scopeIds, shiftHeadings } from '../site/lib/markdown.ts';
import { shortDescription } from '../site/lib/page.ts';
import { jsonForScript } from '../site/lib/structured-data.ts';
import { fit, labelCharWidth, timelineOf } from '../site/lib/timeline.ts';

let caring: Curriculum;
let crisis: Curriculum;

beforeAll(async () => {
  const result = await check('curriculum');
  caring = result.curricula.find((c) => c.program.id === 'caring-cities')!;
  crisis = result.curricula.find((c) => c.program.id === 'crisis-scro')!;
});

describe('formatting', () => {
  it('writes dates and session times the same in every build machine zone', () => {
    const orientation = () => caring.schedule.sessions.find((s) => s.id === 'orientation')!;
    const outputs = ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'].map((zone) => {
      process.env.TZ = zone;
      const fmt = formatterFor('en', 'h23');
      const s = orientation();
      return [fmt.date('2023-07-03'), fmt.dateRange('2023-07-03', '2023-07-21'), fmt.localRange(s.start, s.end), fmt.zoneName(s.start)].join(' | ');
    });
    delete process.env.TZ;
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toMatch(/^July 3, 2023 \| July 3\s–\s21, 2023 \| Monday, July 3, 2023, 09:00\s–\s11:00 \| Central European Summer Time$/);
  });

  it('names zones, offsets, languages and prices in the page’s language', () => {
    const en = formatterFor('en', 'h23');
    expect(en.utcOffset('+02:00')).toBe('UTC+02:00');
    expect(en.utcOffset('+00:00')).toBe('UTC');
    expect(en.zoneGenericName('Europe/Athens', '2023-03-20T12:00:00Z')).toBe('Eastern European Time');
    expect(en.languageName('ko')).toBe('Korean');
    expect(en.regionName('kr')).toBe('South Korea');
    expect(en.money(120, 'EUR')).toBe('€120.00');
    const ko = formatterFor('ko', 'h23');
    expect(ko.dateLong('2023-07-03')).toBe('2023년 7월 3일 월요일');
    expect(ko.languageName('en')).toBe('영어');
  });

  it('shortens descriptions at a word', () => {
    expect(shortDescription('short text')).toBe('short text');
    const long = shortDescription('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long).toMatch(/word…$/);
  });
});

describe('Markdown in pages', () => {
  it('moves headings under the page’s own, without gaps', () => {
    expect(shiftHeadings('<h1>A</h1><p>x</p><h3 id="b">B</h3>', 3)).toBe('<h3>A</h3><p>x</p><h4 id="b">B</h4>');
    expect(shiftHeadings('<h2>A</h2>', 2)).toBe('<h2>A</h2>');
    expect(shiftHeadings('<p>no headings</p>', 3)).toBe('<p>no headings</p>');
    expect(shiftHeadings('<h1>A</h1><h2>B</h2><h3>C</h3>', 5)).toBe('<h5>A</h5><h6>B</h6><h6>C</h6>');
  });

  it('prefixes ids and the links to them, so two blocks on a page cannot collide', () => {
    const html = '<sup><a href="#user-content-fn-1" id="user-content-fnref-1" aria-describedby="footnote-label">1</a></sup><h2 id="footnote-label">Footnotes</h2><a href="https://x.org/#top">x</a>';
    expect(scopeIds(html, 'about')).toBe(
      '<sup><a href="#about-user-content-fn-1" id="about-user-content-fnref-1" aria-describedby="about-footnote-label">1</a></sup><h2 id="about-footnote-label">Footnotes</h2><a href="https://x.org/#top">x</a>',
    );
  });

  it('keeps raw HTML out and the text in', () => {
    const html = markdownBlock('# Title\n\nText <script>alert(1)</script> **bold** 한국어 😀 [^n]\n\n[^n]: A note.', { headingLevel: 3, idPrefix: 'x' });
    expect(html).not.toContain('<script');
    expect(html).toContain('<h3>Title</h3>');
    expect(html).toContain('<strong>bold</strong> 한국어 😀');
    expect(html).toContain('id="x-footnote-label"');
    expect(html).toContain('href="#x-user-content-fn-n"');
  });
});

describe('the week-by-week agenda', () => {
  it('places every session and deadline of caring-cities in the week that holds it', () => {
    const agenda = agendaOf(caring);
    const weeks = agenda.groups.flatMap((g) => g.entries).filter((e): e is WeekEntry => e.kind === 'week');
    expect(weeks.map((w) => [w.week.first, w.sessions.map((s) => s.id), w.deadlines.map((d) => d.id)])).toEqual([
      [1, ['orientation', 'caring-city-services'], []],
      [2, ['health-and-mobility-perspectives'], []],
      // The implicit deadlines fall on the last day, so the last week shows them.
      [3, ['accessible-infrastructure-and-public-spaces'], ['quizzes-due', 'selfies-due', 'essay-due', 'survey-due']],
    ]);
    expect(weeks.every((w) => w.ongoing.map((p) => p.id).join() === 'self-paced-e-learning')).toBe(true);
    expect(agenda.unplacedSessions).toEqual([]);
    expect(agenda.unplacedDeadlines).toEqual([]);
  });

  it('groups crisis-scro’s weeks by phase', () => {
    const agenda = agendaOf(crisis);
    expect(agenda.groups.map((g) => [g.phase?.id, g.entries.length])).toEqual([
      ['core', 4],
      ['advanced', 4],
      ['elective', 4],
      ['final', 1],
    ]);
  });

  it('puts a break between the weeks around it, inside their phase when both share it', () => {
    const easter: Break = { id: 'easter', title: 'Easter break', span: { start: '2023-04-10', end: '2023-04-16' } };
    const withBreak = { ...crisis, schedule: { ...crisis.schedule, breaks: [easter] } };
    const core = agendaOf(withBreak).groups[0]!;
    expect(core.entries.map((e) => (e.kind === 'week' ? e.week.first : e.break.id))).toEqual([1, 2, 3, 'easter', 4]);
  });
});

describe('the timeline', () => {
  const labels = {
    rows: { phases: 'Phase', weeks: 'Week', periods: 'Ongoing', assignments: 'Assignment', sessions: 'Session', deadlines: 'Deadline' },
    weekLabel: (first: number, last: number) => (first === last ? `Week ${first}` : `Weeks ${first}–${last}`),
  };

  it('draws caring-cities’ weeks, period, sessions and deadlines on one axis of days', () => {
    const model = timelineOf(caring, formatterFor('en', 'h23'), labels);
    expect(model.rows.map((r) => r.label)).toEqual(['Week', 'Ongoing', 'Session', 'Deadline']);
    expect(model.bars.filter((b) => b.kind === 'week').map((b) => b.label)).toEqual(['Week 1', 'Week 2', 'Week 3']);
    expect(model.markers.filter((m) => m.kind === 'session')).toHaveLength(4);
    // Two deadlines on July 19 and two on July 21: one marker each, with its count.
    expect(model.markers.filter((m) => m.kind === 'deadline').map((m) => m.count)).toEqual([2, 2]);
    for (const shape of [...model.bars, ...model.markers]) {
      expect(shape.x).toBeGreaterThanOrEqual(model.axis.left);
      expect(shape.x).toBeLessThanOrEqual(model.axis.right);
    }
    const lastWeek = model.bars.filter((b) => b.kind === 'week').at(-1)!;
    expect(lastWeek.x + lastWeek.width).toBeCloseTo(model.axis.right, 5);
  });

  it('never lets a label overflow its bar', () => {
    const model = timelineOf(crisis, formatterFor('en', 'h23'), labels);
    for (const bar of model.bars.filter((b) => b.label)) expect([...bar.label].length * labelCharWidth + 8, bar.title).toBeLessThanOrEqual(bar.width);
    expect(model.bars.filter((b) => b.kind === 'week').map((b) => b.label)).toContain('Weeks 13–16');
    // Weeks 6 and 7 overlap by a day in the brochure, so week 7 gets a second lane.
    const week7 = model.bars.find((b) => b.title.startsWith('Week 7'))!;
    const week6 = model.bars.find((b) => b.title.startsWith('Week 6'))!;
    expect(week7.y).toBeGreaterThan(week6.y);
    expect(fit('Practical assignment 1', 60)).toBe('Practi…');
    expect(fit('Week 1', 20)).toBe('');
  });
});

describe('the competence map', () => {
  it('links each crisis-scro module to its competence without crossings', () => {
    const map = competenceMapOf(crisis, (m, c) => `${m} develops ${c}`)!;
    expect(map.modules).toHaveLength(20);
    expect(map.competences).toHaveLength(20);
    expect(map.links).toHaveLength(20);
    // Competences are ordered by the first module that develops them: every line is straight.
    for (const link of map.links) expect(link.to).toBe(link.from);
  });

  it('gives no map for a program without competences, or too large to read', () => {
    expect(competenceMapOf(caring, () => '')).toBeUndefined();
    const many = { ...crisis, modules: Array.from({ length: maxMapRows + 1 }, (_, i) => ({ ...crisis.modules[0]!, id: `m${i}` })) };
    expect(competenceMapOf(many, () => '')).toBeUndefined();
  });
});

describe('links', () => {
  it('links a download only when it was emitted', () => {
    const none = downloadsOf('caring-cities', [], '/', 'https://example.org/');
    expect(none.calendar).toBeUndefined();
    expect(none.curriculumJson).toBeUndefined();
    expect(none.programPackages).toEqual([]);
    expect(none.hasLmsFiles).toBe(false);
    const some = downloadsOf('caring-cities', ['caring-cities/calendar.ics', 'caring-cities/cmi5.zip', 'caring-cities/modules/m/scorm-1.2.zip'], '/courses/', 'https://example.org/courses/');
    expect(some.calendar).toEqual({
      href: '/courses/caring-cities/calendar.ics',
      url: 'https://example.org/courses/caring-cities/calendar.ics',
      webcal: 'webcal://example.org/courses/caring-cities/calendar.ics',
    });
    expect(some.deadlineCalendar('quizzes-due')).toBeUndefined();
    expect(some.programPackages).toEqual([{ format: 'cmi5', href: '/courses/caring-cities/cmi5.zip' }]);
    expect(some.modulePackages('m')).toEqual([{ format: 'scorm-1.2', href: '/courses/caring-cities/modules/m/scorm-1.2.zip' }]);
    expect(some.sessionCalendar('orientation')).toBeUndefined();
    expect(some.hasLmsFiles).toBe(true);    expect(none.achievement('certificate')).toEqual({});
    const badges = downloadsOf('caring-cities', ['caring-cities/achievements/certificate.json', 'caring-cities/achievements/certificate.svg'], '/courses/', undefined);
    expect(badges.achievement('certificate')).toEqual({ json: '/courses/caring-cities/achievements/certificate.json', image: '/courses/caring-cities/achievements/certificate.svg' });
    expect(badges.achievement('benefits/offline-training-priority')).toEqual({});
  });

  it('without a site URL, links from the root and leaves the subscription address to the page', () => {
    expect(basePath(undefined)).toBe('/');
    expect(basePath('https://example.org/courses/')).toBe('/courses/');
    const downloads = downloadsOf('caring-cities', ['caring-cities/calendar.ics'], basePath(undefined), undefined);
    expect(downloads.calendar).toEqual({ href: '/caring-cities/calendar.ics' });
  });

  it('puts every page under the site’s base path', () => {
    expect(withBase('/', '/x/')).toBe('/x/');
    expect(withBase('/courses/', '/x/')).toBe('/courses/x/');
    expect(programLinks('/courses/', 'p').module('m')).toBe('/courses/p/modules/m/');
    expect(webcalUrl('http://example.org/a.ics')).toBe('webcal://example.org/a.ics');
  });
});

describe('JSON-LD', () => {
  it('cannot close its script element', () => {
    const json = jsonForScript({ name: '</script><script>alert(1)</script>\u2028' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>\u2028' });
  });
});
