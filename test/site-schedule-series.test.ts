/**
 * The schedule page of a program with series, sections and exams
 * (test/samples/programs/series-term), built by the real site build: each series with
 * its days and every session (each under the anchor its week links to), the days without
 * a session, the moved sessions, the sections as "attend one of", and the exams with the
 * length of an individual slot.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestSite, type BuiltSite } from './support/site-build.ts';

const sample = 'test/samples/programs/series-term';
let site: BuiltSite;
let html: string;

beforeAll(async () => {
  site = await buildTestSite({ input: sample, programDirs: { 'series-term': path.resolve(sample) } });
  html = await readFile(path.join(site.outDir, 'series-term/schedule/index.html'), 'utf8');
}, 300_000);

afterAll(async () => {
  await site?.remove();
});

/** The text of the element with `id`, tags removed and spaces collapsed. */
function textOf(id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  const tag = html.lastIndexOf('<', start);
  const name = /^<(\w+)/.exec(html.slice(tag))![1]!;
  // Elements of the same name nest (sections in sections): count them to find the matching end.
  let depth = 0;
  const re = new RegExp(`<(/?)${name}\\b[^>]*>`, 'g');
  re.lastIndex = tag;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(tag, m.index).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  }
  throw new Error(`no end of ${id}`);
}

describe('the schedule page of a term with series, sections and exams', () => {
  it('shows the lecture series with its days, its sessions, the days without one and the moved ones', () => {
    const lecture = textOf('series-lecture');
    expect(lecture).toContain('Weekly on Tuesday and Thursday');
    expect(lecture).toContain('25 sessions');
    expect(lecture).toMatch(/No session on: .*October 13, 2026.*November 12, 2026 \(cancelled\).*November 26, 2026 \(Thanksgiving break\)/);
    expect(textOf('session-lecture-2026-10-15')).toContain('moved from October 15, 2026; Where: Room 101');
    // Every session a week lists has its anchor on the page.
    for (const s of site.result.programs[0]!.schedule.sessions) expect(html.includes(`id="session-${s.id}"`), s.id).toBe(true);
    expect(textOf('week-6')).toMatch(/Live sessions .*Recitation, section A \(Recitation: attend one section\) .*Lecture Friday, October 16, 2026, 14:00 – 15:15/);
  });

  it('shows the times across the clock change in the program zone with their offsets', () => {
    expect(textOf('session-lecture-2026-10-27')).toMatch(/10:00.*11:15.*UTC-04:00/);
    expect(textOf('session-lecture-2026-11-03')).toMatch(/10:00.*11:15.*UTC-05:00/);
  });

  it('shows the recitation sections together as "attend one of"', () => {
    const group = textOf('section-recitation');
    expect(group).toMatch(/^Recitation: attend one of these/);
    expect(group).toContain('Recitation, section A');
    expect(group).toContain('Recitation, section B');
    expect(textOf('series-recitation-b')).toContain('One of the sections of “Recitation”');
  });

  it('shows the exams, the oral one with its slot length, and places them in their week', () => {
    const oral = textOf('exam-final-oral');
    expect(oral).toContain('Oral exam');
    expect(oral).toContain('you take one slot of 20 minutes (9 slots in this time)');
    expect(oral).toMatch(/Covers: .*Introduction.*Methods/);
    // Week 7 (from 19 October) lists the mid-term.
    expect(textOf('week-7')).toMatch(/Exams Mid-term exam Friday, October 23, 2026, 10:00 – 12:00/);
    expect(html.includes('href="#exam-midterm"')).toBe(true);
    // Relative to the schedule page: the sample names no site URL.
    expect(html.includes('href="../calendars/exams/final-oral.ics"')).toBe(true);
    expect(html.includes('href="../calendars/series/lecture.ics"')).toBe(true);
  });
});
