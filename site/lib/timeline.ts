/**
 * The program as a timeline picture: phases, weeks, ongoing periods, assignments,
 * breaks, live sessions and deadlines along one axis of days. This computes the
 * geometry (in SVG user units) and the labels; Timeline.astro draws it, so all text
 * goes through Astro's escaping.
 *
 * Labels that do not fit their bar are shortened; each shape keeps its full text as a
 * tooltip, and the page says the same in words (the week-by-week schedule).
 */
import { type Curriculum, daysBetween, type IsoDate } from '../../src/site-api.ts';
import type { Formatter } from './format.ts';

export type BarKind = 'phase' | 'week' | 'period' | 'assignment';
export type MarkerKind = 'session' | 'deadline';

export interface Bar {
  readonly kind: BarKind;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Shown inside the bar; may be shortened or empty. */
  readonly label: string;
  /** The full text, for the tooltip. */
  readonly title: string;
  /** Alternates between neighbours so that adjacent bars stay apart. */
  readonly tone: 0 | 1;
  /** The days the bar covers (the current-week script compares them with today). */
  readonly span: { readonly start: IsoDate; readonly end: IsoDate };
}

export interface Marker {
  readonly kind: MarkerKind;
  readonly x: number;
  readonly y: number;
  readonly title: string;
  /** How many items share this day (drawn as a number beside the marker). */
  readonly count: number;
}

export interface Band {
  readonly x: number;
  readonly width: number;
  readonly label: string;
  readonly title: string;
}

export interface TimelineModel {
  readonly width: number;
  readonly height: number;
  readonly plotTop: number;
  readonly rows: readonly { readonly label: string; readonly y: number; readonly height: number }[];
  readonly months: readonly { readonly x: number; readonly label: string }[];
  readonly bars: readonly Bar[];
  readonly markers: readonly Marker[];
  readonly breaks: readonly Band[];
  /** Where the axis of days begins and ends, in user units. */
  readonly axis: { readonly left: number; readonly right: number };
}

export interface TimelineLabels {
  readonly rows: { readonly phases: string; readonly weeks: string; readonly periods: string; readonly assignments: string; readonly sessions: string; readonly deadlines: string };
  /** "Week 3", "Weeks 13–16". */
  readonly weekLabel: (first: number, last: number) => string;
}

const width = 960;
const gutter = 132;
const right = 12;
const rowHeight = 26;
const rowGap = 6;
const axisHeight = 22;
/** Width of a character at the label size, in user units: generous, so that wide fonts fit too. */
export const labelCharWidth = 7.4;

export function timelineOf(curriculum: Curriculum, fmt: Formatter, labels: TimelineLabels): TimelineModel {
  const { schedule } = curriculum;
  const start = schedule.span.start;
  const days = daysBetween(start, schedule.span.end) + 1;
  const plotWidth = width - gutter - right;
  const xOf = (date: IsoDate) => gutter + (daysBetween(start, date) / days) * plotWidth;
  const widthOf = (span: { start: IsoDate; end: IsoDate }) => Math.max(2, ((daysBetween(span.start, span.end) + 1) / days) * plotWidth);

  const rows: { label: string; y: number; height: number }[] = [];
  const bars: Bar[] = [];
  const markers: Marker[] = [];
  let y = axisHeight + rowGap;
  const addRow = (label: string, lanes: number) => {
    const row = { label, y, height: lanes * rowHeight };
    rows.push(row);
    y += row.height + rowGap;
    return row;
  };
  // `short` stands in when `label` does not fit ("3" for "Week 3").
  const addBars = (kind: BarKind, rowLabel: string, items: readonly { span: { start: IsoDate; end: IsoDate }; label: string; short?: string }[]) => {
    if (items.length === 0) return;
    const lanes = packLanes(items.map((i) => i.span));
    const row = addRow(rowLabel, Math.max(...lanes) + 1);
    items.forEach((item, i) => {
      const w = widthOf(item.span);
      bars.push({
        kind,
        x: xOf(item.span.start),
        y: row.y + lanes[i]! * rowHeight + 2,
        width: w,
        height: rowHeight - 4,
        label: fit(item.label, w) === item.label || item.short === undefined ? fit(item.label, w) : fit(item.short, w),
        title: `${item.label}: ${fmt.dateRange(item.span.start, item.span.end)}`,
        tone: (i % 2) as 0 | 1,
        span: item.span,
      });
    });
  };

  addBars('phase', labels.rows.phases, schedule.phases.flatMap((p) => (p.span ? [{ span: p.span, label: p.title }] : [])));
  addBars('week', labels.rows.weeks, schedule.weeks.map((w) => ({ span: w.span, label: labels.weekLabel(w.first, w.last), short: w.first === w.last ? String(w.first) : `${w.first}–${w.last}` })));
  addBars('period', labels.rows.periods, schedule.periods.map((p) => ({ span: p.span, label: p.title })));
  addBars('assignment', labels.rows.assignments, curriculum.assignments.flatMap((a) => (a.scheduled ? [{ span: a.scheduled.span, label: a.title }] : [])));

  const addMarkers = (kind: MarkerKind, rowLabel: string, items: readonly { date: IsoDate; title: string }[]) => {
    if (items.length === 0) return;
    const row = addRow(rowLabel, 1);
    const byDay = new Map<IsoDate, string[]>();
    for (const item of items) byDay.set(item.date, [...(byDay.get(item.date) ?? []), item.title]);
    for (const [date, titles] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
      markers.push({ kind, x: xOf(date) + widthOf({ start: date, end: date }) / 2, y: row.y + rowHeight / 2, title: `${fmt.date(date)}: ${titles.join('; ')}`, count: titles.length });
    }
  };
  addMarkers('session', labels.rows.sessions, schedule.sessions.map((s) => ({ date: s.start.date, title: s.title })));
  addMarkers('deadline', labels.rows.deadlines, schedule.deadlines.map((d) => ({ date: d.due.date, title: d.title })));

  const breaks = schedule.breaks.map((b) => {
    const w = widthOf(b.span);
    return { x: xOf(b.span.start), width: w, label: fit(b.title, w), title: `${b.title}: ${fmt.dateRange(b.span.start, b.span.end)}` };
  });

  return {
    width,
    height: y,
    plotTop: axisHeight,
    rows,
    months: monthTicks(start, schedule.span.end, xOf, fmt),
    bars,
    markers,
    breaks,
    axis: { left: gutter, right: width - right },
  };
}

/** First-fit lanes for spans that may overlap; returns each span's lane. */
function packLanes(spans: readonly { start: IsoDate; end: IsoDate }[]): number[] {
  const laneEnds: IsoDate[] = [];
  return spans.map((span) => {
    let lane = laneEnds.findIndex((end) => end < span.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = span.end;
    return lane;
  });
}

/** A label shortened to fit `barWidth`, with an ellipsis; empty when not even two characters fit. */
export function fit(label: string, barWidth: number): string {
  const room = Math.floor((barWidth - 8) / labelCharWidth);
  const chars = [...label];
  if (chars.length <= room) return label;
  if (room < 3) return '';
  return `${chars.slice(0, room - 1).join('').trimEnd()}…`;
}

function monthTicks(start: IsoDate, end: IsoDate, xOf: (d: IsoDate) => number, fmt: Formatter) {
  const ticks: { x: number; label: string }[] = [];
  let cursor = start;
  let first = true;
  while (cursor <= end) {
    const month = cursor.slice(0, 7);
    const label = first || month.endsWith('-01') ? fmt.monthYear(cursor) : fmt.monthShort(cursor);
    ticks.push({ x: xOf(cursor), label });
    first = false;
    const [y, m] = month.split('-').map(Number) as [number, number];
    cursor = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  }
  // A tick too close to the next (a program starting on the 28th) would overlap it.
  return ticks.filter((t, i) => i + 1 >= ticks.length || ticks[i + 1]!.x - t.x > 60);
}
