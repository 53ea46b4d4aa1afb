/**
 * Where the edition stands on the day the page is read. The pages are built once and
 * read for months, so "today" is the visitor's: before the start, the days to go; while
 * it runs, the week, the next live session and what is due within seven days; after the
 * end, that it has ended, and no registration button once registration has closed.
 * Dates of the edition are compared in the program's own zone (that is where its days
 * begin and end); instants of sessions and deadlines are shown in the visitor's zone.
 */

export interface EditionFacts {
  readonly zone: string;
  readonly start: string;
  readonly end: string;
  /** The dates written out in the page's language, by the build. */
  readonly startText: string;
  readonly endText: string;
  readonly registrationCloses?: string;
  readonly registrationClosesText?: string;
  readonly weeks: readonly { readonly start: string; readonly end: string; readonly label: string }[];
  readonly weekCount: string;
  readonly sessions: readonly { readonly title: string; readonly start: string; readonly end: string; readonly href: string }[];
  readonly deadlines: readonly { readonly title: string; readonly at: string; readonly href: string }[];
  readonly hourCycle: string;
  readonly text: Readonly<Record<'upcoming' | 'startsToday' | 'day' | 'days' | 'running' | 'runningNoWeek' | 'ended' | 'registrationClosed' | 'nextSession' | 'dueSoon' | 'nothingDue', string>>;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `now` in `zone`. */
export function dateIn(zone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / (24 * 60 * 60 * 1000));
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function showEditionStatus(root: Document, now: Date = new Date()): void {
  const holder = root.querySelector<HTMLElement>('[data-edition-status]');
  const data = root.querySelector('script[data-edition-facts]')?.textContent;
  if (!holder || !data) return;
  const facts = JSON.parse(data) as EditionFacts;
  const t = facts.text;
  const today = dateIn(facts.zone, now);
  const line = holder.querySelector<HTMLElement>('[data-status-line]')!;
  const details = holder.querySelector<HTMLElement>('[data-status-details]')!;
  details.replaceChildren();

  if (today < facts.start) {
    const days = daysFrom(today, facts.start);
    line.textContent = fill(t.upcoming, { date: facts.startText, days: days === 1 ? t.day : fill(t.days, { n: String(days) }) });
  } else if (today === facts.start) {
    line.textContent = fill(t.startsToday, { date: facts.startText });
  } else if (today > facts.end) {
    line.textContent = fill(t.ended, { end: facts.endText });
  }
  if (today >= facts.start && today <= facts.end) {
    const week = facts.weeks.find((w) => today >= w.start && today <= w.end);
    if (today !== facts.start) line.textContent = week ? fill(t.running, { week: week.label, weeks: facts.weekCount, end: facts.endText }) : fill(t.runningNoWeek, { end: facts.endText });
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
    const next = facts.sessions.filter((s) => Date.parse(s.end) > now.getTime()).sort((a, b) => a.start.localeCompare(b.start))[0];
    if (next) details.append(item(root, t.nextSession, [{ title: next.title, href: next.href, when: format.formatRange(new Date(next.start), new Date(next.end)) }]));
    const soon = facts.deadlines
      .filter((d) => Date.parse(d.at) >= now.getTime() && Date.parse(d.at) - now.getTime() <= WEEK_MS)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((d) => ({ title: d.title, href: d.href, when: format.format(new Date(d.at)) }));
    if (soon.length > 0) details.append(item(root, t.dueSoon, soon));
    else {
      const nothing = root.createElement('p');
      nothing.textContent = t.nothingDue;
      details.append(nothing);
    }
  }
  const closed = (facts.registrationCloses !== undefined && today > facts.registrationCloses) || today > facts.end;
  if (closed) {
    for (const button of root.querySelectorAll<HTMLElement>('[data-register]')) button.hidden = true;
    if (facts.registrationClosesText && facts.registrationCloses !== undefined && today > facts.registrationCloses && today <= facts.end) {
      const note = root.createElement('p');
      note.textContent = fill(t.registrationClosed, { date: facts.registrationClosesText });
      details.append(note);
    }
  }
  holder.hidden = false;
}

/** A heading and a list of linked items with their time, built as nodes: titles are text, never markup. */
function item(root: Document, heading: string, entries: readonly { title: string; href: string; when: string }[]): HTMLElement {
  const group = root.createElement('div');
  const title = root.createElement('h3');
  title.textContent = heading;
  const list = root.createElement('ul');
  for (const entry of entries) {
    const li = root.createElement('li');
    const link = root.createElement('a');
    link.href = entry.href;
    link.textContent = entry.title;
    li.append(link, root.createTextNode(`: ${entry.when}`));
    list.append(li);
  }
  group.append(title, list);
  return group;
}
