import { date, dateOrDateTime, id, ids, localDateTime, markdown, positiveInteger, text, timeZone, url } from './common.ts';
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

const session = object(
  {
    id: id('Id', 'The session’s permanent id; calendar UIDs derive from it, so changing it duplicates the event in subscribed calendars.', ['orientation']),
    title: text('Title', 'The session’s title.', ['Orientation for 2023 Online Training by SHRDC']),
    kind: doc('Kind', 'What kind of session it is.', { enum: ['orientation', 'lecture', 'seminar', 'workshop', 'webinar', 'discussion', 'exam', 'other'] }, ['orientation']),
    by: ids('By', 'The ids of the organizers (in `program.yaml`) who run it.', [['metropolis']]),
    starts: localDateTime('Starts', 'When it starts, in `timeZone`.', ['2023-07-03T09:00']),
    ends: localDateTime('Ends', 'When it ends, in `timeZone`.', ['2023-07-03T11:00']),
    timeZone: timeZone('Time zone', 'The zone of `starts` and `ends`; the schedule’s zone when omitted.'),
    online: object(
      {
        platform: text('Platform', 'The meeting software.', ['Zoom']),
        url: url('Link', 'The meeting link, where it is public.', ['https://zoom.us/j/0000000000']),
        note: text('Note', 'How participants get the link.', ['The link is sent to registered participants.']),
        dialIn: text('Dial-in', 'How to join by phone, as participants should read it: numbers, meeting ID, passcode.', ['+1 555 0100, meeting ID 000 0000 0000, passcode 1234']),
      },
      ['platform'],
      { title: 'Online', description: 'Where to join online.' },
    ),
    place: text('Place', 'The address of an in-person session.', ['SHRDC, Seocho-gu, Seoul']),
    description: markdown('Description', 'What the session is about.', ['Organizers present the course, the requirements of the certificate and the platform.']),
    note: text('Note', 'A remark as stated, such as "final session".', ['Final session']),
  },
  ['id', 'title', 'starts', 'ends'],
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
      deadlines: doc('Deadlines', 'When work is due.', array(deadline)),
    },
    [],
  ),
);
