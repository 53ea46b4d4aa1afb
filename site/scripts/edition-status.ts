/**
 * Where an edition stands on the day the page is read. The pages are built once and
 * read for months, so "today" is the visitor's: before the start, the days to go; while
 * it runs, the week, its modules, the next live session and what is due within seven
 * days; after the end, that it ran and is archived, and no registration once it has
 * closed. Dates of the edition are compared in the program's own zone (that is where its
 * days begin and end); sessions and deadlines are shown in the visitor's zone.
 *
 * The same `editionState` gives the build its default, at the sources' date, for
 * visitors without JavaScript.
 */

export type EditionState = 'upcoming' | 'running' | 'ended';

export interface EditionFacts {
  readonly zone: string;
  readonly start: string;
  readonly end: string;
  /** The dates written out in the page's language, by the build. */
  readonly startText: string;
  readonly endText: string;
  /** The last day to register: the written `closes`, else the start. */
  readonly registrationCloses: string;
  readonly registrationClosesText: string;
  readonly weeks: readonly {
    readonly start: string;
    readonly end: string;
    readonly label: string;
    readonly modules: readonly { readonly title: string; readonly href: string }[];
  }[];
  readonly weekCount: string;
  readonly sessions: readonly { readonly title: string; readonly start: string; readonly end: string; readonly href: string; readonly join?: string }[];
  readonly deadlines: readonly { readonly title: string; readonly at: string; readonly href: string }[];
  readonly hourCycle: string;
  readonly text: EditionTexts;
}

export type EditionTexts = Readonly<
  Record<
    | 'upcoming'
    | 'startsToday'
    | 'day'
    | 'days'
    | 'running'
    | 'runningNoWeek'
    | 'ended'
    | 'archived'
    | 'registrationClosed'
    | 'thisWeek'
    | 'nextSession'
    | 'join'
    | 'dueSoon'
    | 'nothingDue'
    | 'short.upcoming'
    | 'short.running'
    | 'short.ended',
    string
  >
>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** One formatter per zone: making one costs a millisecond, and every page of a build asks. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of `now` in `zone`. */
export function dateIn(zone: string, now: Date): string {
  let format = dayFormats.get(zone);
  if (!format) dayFormats.set(zone, (format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function editionState(today: string, facts: Pick<EditionFacts, 'start' | 'end'>): EditionState {
  return today < facts.start ? 'upcoming' : today > facts.end ? 'ended' : 'running';
}

function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** `<body data-edition-status>` on a program's pages, from its dates in the visitor's today. */
export function markEditionOnBody(root: Document, now: Date = new Date()): void {
  const { editionStart: start, editionEnd: end, editionZone: zone } = root.body.dataset;
  if (start && end && zone) root.body.dataset.editionStatus = editionState(dateIn(zone, now), { start, end });
}

/** Every edition status on the page (one on a program's pages, one per card in the catalog). */
export function showEditionStatus(root: Document, now: Date = new Date()): void {
  const holders = [...root.querySelectorAll<HTMLElement>('[data-edition-status]')];
  for (const holder of holders) {
    const data = holder.querySelector('script[data-edition-facts]')?.textContent;
    if (!data) continue;
    const facts = JSON.parse(data) as EditionFacts;
    const today = dateIn(facts.zone, now);
    const state = editionState(today, facts);
    holder.dataset.editionStatus = state;
    if (holder.dataset.compact !== undefined) showShort(holder, facts, today, state);
    else showFull(root, holder, facts, today, state, now);
  }
}

function upcomingText(facts: EditionFacts, today: string): string {
  const t = facts.text;
  const days = daysFrom(today, facts.start);
  return fill(t.upcoming, { date: facts.startText, days: days === 1 ? t.day : fill(t.days, { n: String(days) }) });
}

function currentWeek(facts: EditionFacts, today: string) {
  return facts.weeks.find((w) => today >= w.start && today <= w.end);
}

function showShort(holder: HTMLElement, facts: EditionFacts, today: string, state: EditionState): void {
  const line = holder.querySelector<HTMLElement>('[data-status-line]')!;
  const week = currentWeek(facts, today);
  line.textContent =
    state === 'upcoming'
      ? fill(facts.text['short.upcoming'], { days: daysFrom(today, facts.start) === 1 ? facts.text.day : fill(facts.text.days, { n: String(daysFrom(today, facts.start)) }) })
      : state === 'running'
        ? fill(facts.text['short.running'], { week: week?.label ?? '', weeks: facts.weekCount })
        : facts.text['short.ended'];
}

function showFull(root: Document, holder: HTMLElement, facts: EditionFacts, today: string, state: EditionState, now: Date): void {
  const t = facts.text;
  const line = holder.querySelector<HTMLElement>('[data-status-line]')!;
  const details = holder.querySelector<HTMLElement>('[data-status-details]')!;
  details.replaceChildren();
  if (state === 'upcoming') line.textContent = upcomingText(facts, today);
  else if (state === 'ended') {
    line.textContent = fill(t.ended, { start: facts.startText, end: facts.endText });
    const badge = root.createElement('span');
    badge.className = 'archived-badge';
    badge.textContent = t.archived;
    line.append(' ', badge);
  } else {
    const week = currentWeek(facts, today);
    line.textContent =
      today === facts.start
        ? fill(t.startsToday, { date: facts.startText })
        : week
          ? fill(t.running, { week: week.label, weeks: facts.weekCount, end: facts.endText })
          : fill(t.runningNoWeek, { end: facts.endText });
    const language = root.documentElement.lang || undefined;
    const format = new Intl.DateTimeFormat(language, {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: facts.hourCycle as Intl.DateTimeFormatOptions['hourCycle'],
      timeZoneName: 'short',
    });
    if (week && week.modules.length > 0) details.append(list(root, t.thisWeek, week.modules.map((m) => ({ title: m.title, href: m.href }))));
    const next = facts.sessions.filter((s) => Date.parse(s.end) > now.getTime()).sort((a, b) => a.start.localeCompare(b.start))[0];
    if (next) {
      const join = next.join ? { href: next.join, text: t.join } : undefined;
      details.append(list(root, t.nextSession, [{ title: next.title, href: next.href, when: format.formatRange(new Date(next.start), new Date(next.end)), ...(join ? { join } : {}) }]));
    }
    const soon = facts.deadlines
      .filter((d) => Date.parse(d.at) >= now.getTime() && Date.parse(d.at) - now.getTime() <= 7 * DAY_MS)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((d) => ({ title: d.title, href: d.href, when: format.format(new Date(d.at)) }));
    if (soon.length > 0) details.append(list(root, t.dueSoon, soon));
    else details.append(paragraph(root, t.nothingDue));
  }
  const registrationOver = today > facts.registrationCloses;
  for (const button of root.querySelectorAll<HTMLElement>('[data-register]')) button.hidden = registrationOver;
  if (registrationOver && state !== 'ended') details.append(paragraph(root, fill(t.registrationClosed, { date: facts.registrationClosesText })));
}

function paragraph(root: Document, text: string): HTMLElement {
  const p = root.createElement('p');
  p.textContent = text;
  return p;
}

interface Entry {
  readonly title: string;
  readonly href: string;
  readonly when?: string;
  readonly join?: { readonly href: string; readonly text: string };
}

/** A heading and a list of linked items, built as nodes: titles are text, never markup. */
function list(root: Document, heading: string, entries: readonly Entry[]): HTMLElement {
  const group = root.createElement('div');
  const title = root.createElement('h3');
  title.textContent = heading;
  const items = root.createElement('ul');
  for (const entry of entries) {
    const li = root.createElement('li');
    const link = root.createElement('a');
    link.href = entry.href;
    link.textContent = entry.title;
    li.append(link);
    if (entry.when) li.append(root.createTextNode(`: ${entry.when}`));
    if (entry.join) {
      const join = root.createElement('a');
      join.href = entry.join.href;
      join.textContent = entry.join.text;
      li.append(' (', join, ')');
    }
    items.append(li);
  }
  group.append(title, items);
  return group;
}
