import {
  date,
  email,
  hours,
  id,
  links,
  markdown,
  namespace,
  positiveInteger,
  programFile,
  text,
  timeZone,
  url,
} from './common.ts';
import { array, doc, documentSchema, object } from './define.ts';

const organizer = object(
  {
    id: id('Id', 'How sessions, certificates and other documents refer to this organization.', ['metropolis', 'uclg-aspac']),
    name: text('Name', 'The full name.', ['Seoul Human Resource Development Center']),
    shortName: text('Short name', 'The name or acronym used in running text.', ['SHRDC']),
    role: doc(
      'Role',
      'What the organization does for the program.',
      { enum: ['coordinator', 'organizer', 'co-organizer', 'partner', 'host', 'funder'] },
      ['co-organizer'],
    ),
    url: url('Website', 'The organization’s website.', ['https://metropolis.org/']),
    email: email('Email', 'A contact address.', ['shrdcinfo@gmail.com']),
    country: doc('Country', 'ISO 3166-1 alpha-2 code of the country it is based in.', { type: 'string', pattern: '^[A-Z]{2}$' }, ['KR', 'PT']),
    description: markdown('Description', 'Who they are, shown on the overview page.', ['The training center of the Seoul Metropolitan Government, founded in 1962.']),
  },
  ['id', 'name', 'role'],
);

const social = object(
  {
    network: doc(
      'Network',
      'The social network.',
      { enum: ['x', 'youtube', 'linkedin', 'facebook', 'instagram', 'mastodon', 'bluesky', 'other'] },
      ['linkedin'],
    ),
    url: url('URL', 'The profile address.', ['https://www.linkedin.com/company/crisis-project']),
    handle: text('Handle', 'The account name as printed, with its @.', ['@CrisisProjectEU']),
  },
  ['network'],
  { anyOf: [{ required: ['url'] }, { required: ['handle'] }], 'x-message': 'give the profile’s `url`, its `handle`, or both' },
);

const statedCount = object(
  {
    what: doc(
      'What is counted',
      'The kind of thing the documents count.',
      { enum: ['modules', 'competences', 'sessions', 'assignments', 'weeks', 'phases'] },
      ['modules'],
    ),
    kind: text('Of which kind', 'Count only items of this kind (for modules: their `kind`, for sessions and assignments: theirs).', ['lecture']),
    count: doc('Count', 'The number the documents state.', { type: 'integer', minimum: 0 }, [20, 3]),
    quote: text('Quote', 'The sentence that states it, so that a reader can find it in the source documents.', [
      'All training participants are expected to complete Self-Paced e-Learning of three pre-recorded online lectures',
    ]),
  },
  ['what', 'count', 'quote'],
);

export const programSchema = documentSchema(
  'Program',
  'A training program: who offers it, to whom, when, at what cost and effort, and why. One `program.yaml` per program folder.',
  object(
    {
      id: id('Program id', 'The program’s permanent id; it is also its URL path and part of every calendar UID and LMS identifier. Must equal the folder name.', ['crisis-scro', 'caring-cities']),
      namespace: namespace(
        'Identifier namespace',
        'The base of the program’s permanent identifiers (cmi5 course and AU ids, calendar UIDs, structured-data ids), independent of where the site is published: a `tag:` URI with a domain your organization owns and a year it owned it, or an http(s) IRI under that domain. Once published, never change it: LMSs would take an update for a new course and calendars would show every event twice. Without it, `catalog.yaml`’s `namespace` is used, else `urn:curriculum:<id>`.',
        ['tag:crisisproject.eu,2023:crisis-scro', 'https://training.example.org/id/caring-cities'],
      ),
      title: text('Title', 'The full title.', ['CRISIS Smart City Resilience Officer (SCRO) MOOC']),
      shortTitle: text('Short title', 'A short title for navigation, calendars and LMS course lists.', ['CRISIS SCRO MOOC']),
      subtitle: text('Subtitle', 'A line under the title.', ['Leaving No One Behind & Going Together with the Socially Neglected']),
      summary: text('Summary', 'One or two sentences for the catalog, search results and link previews.', ['A free 16-week online course of 20 modules for Smart City Resilience Officers.']),
      edition: text('Edition', 'Which run of the program this is.', ['2023']),
      language: doc('Language', 'The language of instruction, as a BCP 47 tag; it also selects the interface language of the site.', { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }, ['en', 'ko', 'pt-PT']),
      level: doc('Level', 'The level of the program.', { enum: ['beginner', 'intermediate', 'advanced', 'expert', 'mixed'] }, ['beginner']),
      eqfLevel: doc('EQF level', 'The European Qualifications Framework level (1 to 8), where the program is placed on it.', { type: 'integer', minimum: 1, maximum: 8 }, [5]),
      format: doc('Format', 'Where learning takes place.', { enum: ['online', 'blended', 'in-person'] }, ['online']),
      pace: doc('Pace', 'Whether learners follow a fixed schedule, their own pace, or both.', { enum: ['self-paced', 'scheduled', 'mixed'] }, ['mixed']),
      venue: text('Venue', 'Where it takes place, as stated.', ['Online (SHRDC Online Classroom and real-time ZOOM Meetings)']),
      audience: markdown('Audience', 'Who the program is for.', ['Public officials of Metropolis or UCLG members.']),
      capacity: object(
        {
          max: positiveInteger('Maximum', 'The most participants admitted.', [25]),
          note: markdown('Note', 'How places are allocated.', ['Newcomers who have not joined the previous online courses are prioritized.']),
        },
        ['max'],
        { title: 'Capacity', description: 'How many participants can join.' },
      ),
      fees: object(
        {
          amount: doc('Amount', 'The fee; 0 when the program is free.', { type: 'number', minimum: 0 }, [0, 250]),
          currency: doc('Currency', 'ISO 4217 currency code.', { type: 'string', pattern: '^[A-Z]{3}$' }, ['EUR']),
          note: text('Note', 'The fee as the documents put it, or what it covers.', ['No fees apply']),
        },
        ['amount'],
        { title: 'Fees', description: 'What participation costs.' },
      ),
      effort: object(
        {
          hoursPerWeek: object(
            {
              min: hours('Minimum', 'The least weekly effort.', [5]),
              max: hours('Maximum', 'The most weekly effort.', [10]),
            },
            ['min', 'max'],
            { title: 'Hours per week', description: 'The estimated weekly effort, as a range.' },
          ),
          totalHours: hours('Total', 'The estimated total effort; checked against the sum of module workloads.', [80]),
          approximate: doc('Approximate', 'Whether the documents call the total approximate.', { type: 'boolean' }, [true]),
        },
        [],
        { title: 'Effort', description: 'How much time learners should expect to spend.', minProperties: 1 },
      ),
      dates: object(
        {
          start: date('Start', 'The first day of the program.', ['2023-03-20']),
          end: date('End', 'The last day of the program as stated; the compiler warns when items are scheduled after it.', ['2023-06-12']),
        },
        ['start', 'end'],
        { title: 'Dates', description: 'When the program runs.' },
      ),
      timeZone: timeZone('Time zone', 'The zone of the program’s dates and the default zone of its live sessions and deadlines.'),
      organizers: doc('Organizers', 'Who runs, hosts and funds the program, coordinator first.', array(organizer, { minItems: 1 })),
      contact: object(
        {
          name: text('Name', 'Who to contact.', ['CRISIS project team']),
          email: email('Email', 'The contact address.', ['info@crisisproject.eu']),
          phone: doc('Phone', 'A phone number with its country code.', { type: 'string', pattern: '^\\+?[0-9 ()./-]{5,}$' }, ['+82 2 3488 2059']),
          address: text('Address', 'A postal address.', ['Nambusunhwan-ro 340-gil 58, Seocho-gu, Seoul, 06756, Korea']),
          website: url('Website', 'The program’s or project’s website.', ['https://crisisproject.eu']),
          social: doc('Social media', 'Profiles on social networks.', array(social)),
        },
        [],
        { title: 'Contact', description: 'How learners reach the organizers.', minProperties: 1 },
      ),
      registration: object(
        {
          url: url('URL', 'Where to register.', ['https://crisisproject.eu/registration/']),
          opens: date('Opens', 'The first day of registration.', ['2023-01-15']),
          closes: date('Closes', 'The last day of registration.', ['2023-03-19']),
          note: markdown('Note', 'What to know before registering.', ['Register for the CRISIS SCRO MOOC. No fees apply.']),
        },
        [],
        { title: 'Registration', description: 'How to join.', minProperties: 1 },
      ),
      links,
      about: object(
        {
          background: markdown('Background', 'The context the program answers.', ['Cities face crises that no single department can handle alone.']),
          aims: markdown('Aims', 'What the program (or the project behind it) sets out to do.', ['To develop a new job profile for Smart City Resilience Officers.']),
          objectives: markdown('Objectives', 'The objectives, usually as a list.', ['- Define the competences of a SCRO\n- Certify the first cohort of SCROs']),
          offer: markdown('Offer', 'What the program offers learners.', ['20 online modules, three practical assignments and a certificate.']),
          outcomes: markdown('Outcomes', 'What participants will be able to do afterwards.', ['Participants can plan, monitor and improve the resilience of their city.']),
          method: markdown('Method', 'How the program is taught.', ['Pre-recorded lectures at your own pace, and live sessions on Zoom.']),
        },
        [],
        { title: 'About', description: 'The texts of the overview page.' },
      ),
      sections: doc(
        'More sections',
        'Further sections of the overview page, in order (e.g. "What is self-paced learning?").',
        array(
          object(
            {
              id: id('Id', 'The section’s anchor on the page.', ['self-paced-learning']),
              title: text('Title', 'The heading.', ['What is self-paced learning?']),
              body: markdown('Body', 'The text.', ['You watch the lectures when it suits you, within the dates of the program.']),
            },
            ['id', 'title', 'body'],
          ),
        ),
      ),
      funding: object(
        {
          programme: text('Programme', 'The funding programme and action.', ['Erasmus+ KA220-HED Cooperation partnerships in higher education']),
          projectNumber: text('Project number', 'The grant or project number.', ['2021-1-EL01-KA220-HED000032257']),
          disclaimer: markdown('Disclaimer', 'A disclaimer the funder requires on every publication.', ['Funded by the European Union. Views and opinions expressed are those of the authors only.']),
        },
        [],
        { title: 'Funding', description: 'Who funds the program, with any required disclaimer.', minProperties: 1 },
      ),
      stated: object(
        {
          counts: doc('Counts', 'Counts stated in the documents ("20 modules", "three lectures"); the compiler warns when the data disagree.', array(statedCount)),
        },
        [],
        { title: 'Stated facts', description: 'Facts the source documents state, kept so that the compiler can check them against the data.' },
      ),
      site: object(
        {
          accent: doc('Accent colour', 'The colour of links and highlights on the site, as #rrggbb; it must contrast at least 4.5:1 with white.', { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' }, ['#1f5fa8']),
          logo: programFile('Logo', 'An SVG or PNG logo shown on the program pages.', ['assets/logo.svg']),
          logoAlt: text('Logo text', 'The text alternative of the logo.', ['CRISIS project']),
        },
        [],
        { title: 'Site', description: 'How the program looks on the course site.' },
      ),
      calendar: object(
        {
          sessionReminders: doc('Session reminders', 'Minutes before each live session at which calendars remind the learner.', array({ type: 'integer', minimum: 0, maximum: 40320 }, { uniqueItems: true }), [[60, 15]]),
          deadlineReminders: doc('Deadline reminders', 'Days before each deadline at which calendars remind the learner.', array({ type: 'integer', minimum: 0, maximum: 60 }, { uniqueItems: true }), [[2]]),
          refreshHours: positiveInteger('Refresh interval', 'How often subscribed calendars should check for changes, in hours.', [12]),
          sequence: doc('Sequence', 'Increase this when you change published events, so that calendar clients replace their copies.', { type: 'integer', minimum: 0 }, [0]),
        },
        [],
        { title: 'Calendar', description: 'How the program’s calendars behave in learners’ calendar apps.' },
      ),
      lms: object(
        {
          iri: url(
            'Base IRI',
            'The base of the program’s cmi5 course and AU ids, when they must differ from `namespace` (packages published with it keep their ids); without `namespace`, it is the namespace of every identifier. It must stay the same across versions so that LMSs keep learners’ records.',
            ['https://crisisproject.eu/xapi/crisis-scro'],
          ),
        },
        [],
        { title: 'LMS', description: 'Settings for the LMS packages.' },
      ),
    },
    ['id', 'title', 'language', 'format', 'dates', 'timeZone', 'organizers'],
  ),
);
