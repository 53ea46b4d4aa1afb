import { date, dateOrDateTime, id, idPattern, ids, localDateTime, markdown, positiveInteger, text, timeZone, url } from './common.ts';
import { array, doc, documentSchema, object } from './define.ts';

const phase = object(
  {
    id: id('Id', 'How weeks and modules refer to this phase.', ['core', 'advanced', 'elective', 'final']),
    title: text('Title', 'The phase’s title.', ['Core Modules']),
    number: positiveInteger('Number', 'The phase’s number, as the documents number it.', [1]),
    description: markdown('Description', 'What the phase is for.', ['The six modules every participant takes first.']),
  },
  ['id', 'title'],
);

const week = object(
  {
    week: positiveInteger('Week', 'The week’s number.', [1, 13]),
    through: positiveInteger('Through week', 'For an entry that spans several weeks ("13 - 16"): the last week’s number.', [16]),
    starts: date('Starts', 'The week’s first day, as stated.', ['2023-03-20']),
    ends: date('Ends', 'The last day, where the documents state one; otherwise 6 days (or 7 × weeks − 1 days) after the start.', ['2023-07-17']),
    phase: id('Phase', 'The id of the phase the week belongs to.', ['core']),
    title: text('Title', 'A title for the week.', ['Practical assignment week']),
    modules: ids('Modules', 'The modules studied this week.', [['transforming-cities-through-digital-innovation', 'managing-the-transformation-to-a-resilient-sc']]),
    assignments: ids('Assignments', 'The assignments carried out this week.', [['practical-assignment-1']]),
    note: markdown('Note', 'Anything else about the week.', ['Monday 1 May is a public holiday.']),
  },
  ['week', 'starts'],
);

const period = object(
  {
    id: id('Id', 'The period’s id.', ['self-paced-learning']),
    title: text('Title', 'What happens in the period.', ['Self-paced e-learning']),
    starts: date('Starts', 'The first day.', ['2023-07-03']),
    ends: date('Ends', 'The last day.', ['2023-07-21']),
    modules: ids('Modules', 'The modules studied in the period.', [['lecture-1']]),
    assignments: ids('Assignments', 'The assignments carried out in the period.', [['essay']]),
    description: markdown('Description', 'What learners do in the period.', ['Self-paced e-learning of the pre-recorded lectures, from July 3 to 21.']),
  },
  ['id', 'title', 'starts', 'ends'],
);

const breakPeriod = object(
  {
    id: id('Id', 'The break’s id.', ['easter']),
    title: text('Title', 'What the break is.', ['Easter break']),
    starts: date('Starts', 'The first day without classes.', ['2023-04-10']),
    ends: date('Ends', 'The last day without classes.', ['2023-04-16']),
  },
  ['id', 'title', 'starts', 'ends'],
);

const sessionKind = doc('Kind', 'What kind of session it is.', { enum: ['orientation', 'lecture', 'seminar', 'workshop', 'webinar', 'discussion', 'exam', 'other'] }, ['orientation']);

const online = object(
  {
    platform: text('Platform', 'The meeting software.', ['Zoom']),
    url: url('Link', 'The meeting link, where it is public.', ['https://zoom.us/j/0000000000']),
    note: text('Note', 'How participants get the link.', ['The link is sent to registered participants.']),
    dialIn: text('Dial-in', 'How to join by phone, as participants should read it: numbers, meeting ID, passcode.', ['+1 555 0100, meeting ID 000 0000 0000, passcode 1234']),
  },
  ['platform'],
  { title: 'Online', description: 'Where to join online.' },
);

const session = object(
  {
    id: id('Id', 'The session’s permanent id; calendar UIDs derive from it, so changing it duplicates the event in subscribed calendars.', ['orientation']),
    title: text('Title', 'The session’s title.', ['Orientation for 2023 Online Training by SHRDC']),
    kind: sessionKind,
    by: ids('By', 'The ids of the organizers (in `program.yaml`) who run it.', [['metropolis']]),
    starts: localDateTime('Starts', 'When it starts, in `timeZone`.', ['2023-07-03T09:00']),
    ends: localDateTime('Ends', 'When it ends, in `timeZone`.', ['2023-07-03T11:00']),
    timeZone: timeZone('Time zone', 'The zone of `starts` and `ends`; the schedule’s zone when omitted.'),
    online,
    place: text('Place', 'The address of an in-person session.', ['SHRDC, Seocho-gu, Seoul']),
    description: markdown('Description', 'What the session is about.', ['Organizers present the course, the requirements of the certificate and the platform.']),
    note: text('Note', 'A remark as stated, such as "final session".', ['Final session']),
    section: id('Section', 'The id of the `sections` group this session is one alternative of: a learner attends one session (or series) of the group.', ['recitation']),
  },
  ['id', 'title', 'starts', 'ends'],
);

const weekday = doc('Day of the week', 'A day of the week, in English.', {
  enum: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
});

const wallTime = (title: string, description: string, examples: readonly string[]) =>
  doc(title, `${description} A wall-clock time, HH:MM on a 24-hour clock, in the series’ zone.`, { type: 'string', pattern: '^\\d{2}:\\d{2}$' }, examples);

const series = object(
  {
    id: id('Id', 'The series’ permanent id. Each occurrence’s id is `<id>-<YYYY-MM-DD>` of the date it was planned for, kept when it is moved; calendar UIDs derive from it.', ['lecture']),
    title: text('Title', 'The title of every occurrence.', ['Lecture']),
    kind: sessionKind,
    by: ids('By', 'The ids of the organizers (in `program.yaml`) who run it.', [['metropolis']]),
    days: doc('Days', 'The days of the week it meets.', array(weekday, { minItems: 1, uniqueItems: true }), [['tuesday', 'thursday']]),
    starts: wallTime('Starts', 'When each occurrence starts.', ['10:00']),
    ends: wallTime('Ends', 'When each occurrence ends, on the same day.', ['11:30']),
    from: date('From', 'The first day of the series (the first occurrence is the first meeting day on or after it).', ['2026-09-08']),
    until: date('Until', 'The last day of the series, inclusive.', ['2026-12-10']),
    timeZone: timeZone('Time zone', 'The zone of `starts` and `ends`; the schedule’s zone when omitted. Occurrences keep their wall-clock time across daylight-saving changes.'),
    except: doc('Except', 'Meeting days without an occurrence (besides the declared `breaks`, which are skipped automatically).', array({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, { uniqueItems: true }), [['2026-10-12']]),
    cancelled: doc('Cancelled', 'Occurrences that were planned and are cancelled, by their date.', array({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, { uniqueItems: true }), [['2026-11-26']]),
    moved: doc(
      'Moved',
      'Single occurrences held at another date or time; they keep their id.',
      array(
        object(
          {
            date: date('Date', 'The date the occurrence was planned for.', ['2026-10-15']),
            starts: localDateTime('Starts', 'When it starts instead, in the series’ zone.', ['2026-10-16T14:00']),
            ends: localDateTime('Ends', 'When it ends instead; the series’ duration later when omitted.', ['2026-10-16T15:30']),
            place: text('Place', 'Where it is held instead.', ['Room 2.14']),
            note: text('Note', 'Why, or anything else learners should know.', ['Moved for the faculty meeting.']),
          },
          ['date', 'starts'],
        ),
      ),
    ),
    section: id('Section', 'The id of the `sections` group this series is one alternative of: a learner attends one series (or session) of the group.', ['recitation']),
    online: online,
    place: text('Place', 'Where it meets in person.', ['Room 1.01']),
    description: markdown('Description', 'What the series is about.', ['The weekly lectures.']),
  },
  ['id', 'title', 'days', 'starts', 'ends', 'from', 'until'],
);

const sectionGroup = object(
  {
    id: id('Id', 'The group’s id, which sessions and series name in `section`.', ['recitation']),
    title: text('Title', 'What the alternatives are.', ['Recitation']),
    description: markdown('Description', 'How learners choose or are assigned their section.', ['You are assigned a section when you register.']),
  },
  ['id', 'title'],
);

const exam = object(
  {
    id: id('Id', 'The exam’s permanent id.', ['final-exam']),
    title: text('Title', 'The exam’s title.', ['Final exam']),
    kind: doc('Kind', 'How the exam is taken.', { enum: ['written', 'oral', 'practical', 'online'] }, ['oral']),
    covers: doc(
      'Covers',
      'The modules the exam covers: `all`, or a list of module ids.',
      { oneOf: [{ const: 'all' }, array({ type: 'string', pattern: idPattern, maxLength: 64 }, { uniqueItems: true, minItems: 1 })] },
      ['all', ['lecture-1', 'lecture-2']],
    ),
    starts: localDateTime('Starts', 'When the exam (or its first slot) starts, in `timeZone`.', ['2026-12-15T09:00']),
    ends: localDateTime('Ends', 'When the exam (or its last slot) ends, in `timeZone`.', ['2026-12-15T12:00']),
    timeZone: timeZone('Time zone', 'The zone of `starts` and `ends`; the schedule’s zone when omitted.'),
    slots: object(
      {
        minutes: positiveInteger('Minutes', 'How long each learner’s slot is.', [20]),
        count: positiveInteger('Count', 'How many slots there are between `starts` and `ends`.', [9]),
      },
      ['minutes', 'count'],
      { title: 'Slots', description: 'Per-learner slots (an oral exam): each learner takes one slot of `minutes` between `starts` and `ends`, rather than attending the whole time.' },
    ),
    place: text('Place', 'Where it is held.', ['Room 1.01']),
    online: online,
    description: markdown('Description', 'What to bring, what is allowed, how it is graded.', ['Closed book; one page of notes.']),
  },
  ['id', 'title', 'kind', 'covers', 'starts', 'ends'],
);

const deadline = object(
  {
    id: id('Id', 'The deadline’s permanent id.', ['quizzes-due']),
    title: text('Title', 'What is due.', ['Lecture quizzes due']),
    due: dateOrDateTime('Due', 'When it is due.', ['2023-07-19', '2023-07-19T23:59']),
    timeZone: timeZone('Time zone', 'The zone of `due`; the schedule’s zone when omitted.'),
    modules: ids('Modules', 'The modules whose assessments are due.', [['lecture-1', 'lecture-2']]),
    assignments: ids('Assignments', 'The assignments that are due.', [['selfies']]),
    description: markdown('Description', 'What exactly is due, and how.', ['Submit the quiz of each video lecture and score at least 60/100.']),
  },
  ['id', 'title', 'due'],
  { anyOf: [{ required: ['modules'] }, { required: ['assignments'] }], 'x-message': 'name what is due with `modules`, `assignments`, or both' },
);

export const scheduleSchema = documentSchema(
  'Schedule',
  'When things happen: phases, weeks and periods with their dates, breaks, live sessions and deadlines. One `schedule.yaml` per program.',
  object(
    {
      timeZone: timeZone('Time zone', 'The default zone of sessions and deadlines; the program’s zone when omitted.'),
      phases: doc('Phases', 'The phases of the program, in order.', array(phase)),
      weeks: doc('Weeks', 'The weeks with their start dates and what is studied in each.', array(week)),
      periods: doc('Periods', 'Spans of days that are not weeks, such as a self-paced learning period.', array(period)),
      breaks: doc('Breaks', 'Days without classes (holidays); they explain gaps between weeks.', array(breakPeriod)),
      sessions: doc('Live sessions', 'Live sessions at fixed times.', array(session)),
      series: doc('Series', 'Recurring live sessions (a weekly lecture): each expands into one session per meeting day from `from` to `until`, skipping `except`, `cancelled` and the days of `breaks`.', array(series)),
      sections: doc('Sections', 'Groups of alternative sessions or series (sections A and B of a recitation) of which a learner attends one; name the group in their `section`. They are not reported as overlapping each other.', array(sectionGroup)),
      exams: doc('Exams', 'Exams: graded items that are not modules, at fixed times, covering modules.', array(exam)),
      deadlines: doc('Deadlines', 'When work is due.', array(deadline)),
    },
    [],
  ),
);
