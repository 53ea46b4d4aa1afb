/** Calendar (ICS) strings, in English: every word a learner reads in a calendar app. */

// British English is the house style of the English texts ("21 July 2023", "A, B and C");
// Intl writes the names, so another language's dictionary only changes the tag.
const locale = 'en-GB';
const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });

/** `2023-07-21` → `21 July 2023`: a calendar date, read at noon UTC so that no zone moves it. */
const date = (iso: string): string => dateFormat.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** `monday` → `Monday` (1 January 2024 was a Monday). */
const dayName = (day: string): string => {
  const i = weekdays.indexOf(day.toLowerCase());
  return i < 0 ? day : weekdayFormat.format(new Date(Date.UTC(2024, 0, 1 + i)));
};
const listAnd = (items: readonly string[]): string => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
const listOr = (items: readonly string[]): string => new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);

const weeks = (first: number, last: number): string => (first === last ? `Week ${first}` : `Weeks ${first}–${last}`);

export const calendar = {
  date,

  /** The name of a subscribed calendar. */
  programCalendar: (program: string) => program,
  phaseCalendar: (program: string, phase: string) => `${program}: ${phase}`,

  /** Event titles, as calendar apps show them in a day or week view. */
  summary: {
    session: (title: string) => title,
    exam: (title: string) => title,
    module: (title: string, label?: string) => (label ? `${label}: ${title}` : `Module: ${title}`),
    assignment: (title: string) => `Assignment: ${title}`,
    /** Deadline titles in the sources often already say "due"; do not say it twice. */
    deadline: (title: string) => (/\bdue\b/i.test(title) ? title : `Due: ${title}`),
    /** No deadline is stated: the title must not suggest one was. */
    implicitDeadline: (title: string) => `Due by the end of the program: ${title}`,
    week: (first: number, last: number, title?: string) => `${weeks(first, last)}${title ? `: ${title}` : ''}`,
    period: (title: string) => title,
    break: (title: string) => title,
  },

  /** CATEGORIES, for clients that filter or colour by them. */
  category: {
    session: 'Live session',
    exam: 'Exam',
    module: 'Module',
    assignment: 'Assignment',
    deadline: 'Deadline',
    week: 'Week',
    period: 'Period',
    break: 'Break',
  },
  sessionKind: {
    orientation: 'Orientation',
    lecture: 'Lecture',
    seminar: 'Seminar',
    workshop: 'Workshop',
    webinar: 'Webinar',
    discussion: 'Discussion',
    exam: 'Exam',
    other: 'Other',
  } as Record<string, string>,

  examKind: {
    written: 'Written exam',
    oral: 'Oral exam',
    practical: 'Practical exam',
    online: 'Online exam',
  } as Record<string, string>,

  /** A weekly series: its days and span, and the days it does not meet. */
  weekly: (days: readonly string[], from: string, until: string) => `Weekly on ${listAnd(days.map(dayName))}, from ${date(from)} to ${date(until)}.`,
  noSession: (items: readonly { readonly date: string; readonly reason: 'except' | 'break' | 'cancelled'; readonly breakTitle?: string }[]) =>
    `No session on: ${items.map((i) => `${date(i.date)}${i.reason === 'cancelled' ? ' (cancelled)' : i.reason === 'break' && i.breakTitle ? ` (${i.breakTitle})` : ''}`).join('; ')}.`,
  moved: (from: string) => `Moved from ${date(from)}.`,
  movedOccurrences: (items: readonly { readonly from: string; readonly to: string }[]) => `Moved: ${items.map((i) => `${date(i.from)} to ${date(i.to)}`).join('; ')}.`,
  /** A session or series that is one of several alternatives. */
  attendOneOf: (group: string, alternatives: readonly string[]) => `${group}: attend one of ${listOr(alternatives)}.`,
  covers: (modules: readonly string[]) => `Covers: ${modules.join('; ')}`,
  slots: (minutes: number, count: number) =>
    `Individual slots: you take one ${minutes}-minute slot (${count} slots in this time); the calendar shows the whole exam window, not your slot.`,

  /** LOCATION of an online session. */
  onlineLocation: (platform: string, url?: string) => (url ? `${platform}: ${url}` : platform),

  /** Lines of event descriptions. */
  online: (platform: string) => `Online: ${platform}`,
  join: (url: string) => `Join: ${url}`,
  dialIn: (text: string) => `By phone: ${text}`,
  place: (place: string) => `Place: ${place}`,
  by: (names: readonly string[]) => `With: ${names.join(', ')}`,
  program: (title: string) => `Program: ${title}`,
  details: (url: string) => `Details: ${url}`,
  week: weeks,
  studied: (when: readonly string[]) => `When: ${when.join('; ')}`,
  deliverable: (what: string) => `Deliverable: ${what}`,
  submit: (where: string) => `Submit: ${where}`,
  optional: 'Optional.',
  choice: (select: number, from: number) => `Choose ${select} of ${from}.`,
  dueEndOfDay: (day: string, time: string, zone: string) => `Due by the end of ${date(day)}: ${time}, ${zone} time. Your calendar shows it in your own time.`,
  dueAt: (day: string, time: string, zone: string) => `Due on ${date(day)} at ${time}, ${zone} time. Your calendar shows it in your own time.`,
  dueFor: (items: readonly string[]) => `For: ${items.join('; ')}`,
  deadlines: (items: readonly string[]) => `Due: ${items.join('; ')}`,
  deadlineOn: (title: string, day: string) => `${title} (${date(day)})`,
  implicitDeadline: (end: string) =>
    `The program documents state no deadline for this. The end of the program (${date(end)}) is shown instead; check with the organizers.`,

  /** What reminders say when they go off. */
  reminder: {
    session: (title: string) => `Starting soon: ${title}`,
    deadline: (title: string) => `Coming up: ${title}`,
    exam: (title: string) => `Coming up: ${title}`,
  },
};
