import { id, markdown, text, url } from './common.ts';
import { array, doc, documentSchema, object } from './define.ts';

const competence = object(
  {
    id: id('Id', 'How modules refer to this competence.', ['identifying-risks', 'crisis-management']),
    title: text('Title', 'The competence’s name.', ['Identifying Risks in a SC']),
    description: markdown('Description', 'What someone with this competence can do, and why it matters.', ['Identifies the hazards a smart city faces and the vulnerabilities they would exploit.']),
    area: id('Area', 'The id of the area (in `areas`) it belongs to.', ['resilience-management']),
    esco: url('ESCO', 'The ESCO skill or competence this one corresponds to.', ['http://data.europa.eu/esco/skill/5f2c8a0b-0f59-4d43-9a6e-2b0a6d1f0f2b']),
    eqfLevel: doc('EQF level', 'The European Qualifications Framework level (1 to 8) at which it is developed.', { type: 'integer', minimum: 1, maximum: 8 }, [5]),
  },
  ['id', 'title', 'description'],
);

export const competencesSchema = documentSchema(
  'Competences',
  'The framework of competences a program develops. Modules name the competences they build. One `competences.yaml` per program.',
  object(
    {
      framework: object(
        {
          title: text('Title', 'The framework’s name.', ['SCRO Competences']),
          description: markdown('Description', 'What the framework describes.', ['The competences of a Smart City Resilience Officer.']),
          url: url('URL', 'Where the framework is published.', ['https://crisisproject.eu']),
        },
        ['title'],
        { title: 'Framework', description: 'The framework as a whole.' },
      ),
      areas: doc(
        'Areas',
        'Groups of competences, in order.',
        array(
          object(
            {
              id: id('Id', 'How competences refer to this area.', ['transversal-skills']),
              title: text('Title', 'The area’s name.', ['Transversal skills']),
              description: markdown('Description', 'What the area covers.', ['Skills that every SCRO applies across modules.']),
            },
            ['id', 'title'],
          ),
        ),
      ),
      competences: doc('Competences', 'The competences, in the order the site lists them.', array(competence, { minItems: 1 })),
    },
    ['competences'],
  ),
);
