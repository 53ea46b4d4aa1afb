import { markdown, text, url } from './common.ts';
import { doc, documentSchema, object } from './define.ts';

export const catalogSchema = documentSchema(
  'Catalog',
  'The course site as a whole: its title and public address. One optional `catalog.yaml` beside the program folders.',
  object(
    {
      title: text('Title', 'The site’s title.', ['Training programs']),
      description: markdown('Description', 'A paragraph on the catalog page.', ['Online training programs for city officials.']),
      url: url('Public URL', 'Where the site is published; calendar links, sitemaps and LMS packages point to it.', ['https://training.example.org/']),
      language: doc('Language', 'The language of the catalog page, as a BCP 47 tag.', { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }, ['en']),
    },
    ['title'],
  ),
);
