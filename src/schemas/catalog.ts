import { markdown, namespace, text, url } from './common.ts';
import { doc, documentSchema, object } from './define.ts';

export const catalogSchema = documentSchema(
  'Catalog',
  'The course site as a whole: its title and public address. One optional `catalog.yaml` beside the program folders.',
  object(
    {
      title: text('Title', 'The site’s title.', ['Training programs']),
      description: markdown('Description', 'A paragraph on the catalog page.', ['Online training programs for city officials.']),
      url: url(
        'Public URL',
        'Where the site is published: canonical links, the sitemap and the links in calendars are built from it. Without it (and without `--site-url`) the site links relatively and no output names a host.',
        ['https://training.example.org/'],
      ),
      namespace: namespace(
        'Identifier namespace',
        'The base of the permanent identifiers of every program that declares no `namespace` of its own; each program’s go under it, after its id. A `tag:` URI with a domain your organization owns and a year it owned it, or an http(s) IRI under that domain; never derived from `url`, so that moving the site changes no identifier.',
        ['tag:training.example.org,2024:programs', 'https://training.example.org/id/'],
      ),
      language: doc('Language', 'The language of the catalog page, as a BCP 47 tag.', { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }, ['en']),
    },
    ['title'],
  ),
);
