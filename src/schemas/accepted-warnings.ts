import { catalogue, diagnosticCodes } from '../diagnostics/catalogue.ts';
import { text } from './common.ts';
import { array, doc, documentSchema, object } from './define.ts';

// Only warnings can be accepted (an error means the program cannot be built as written), and
// not the warning about a stale acceptance, which is fixed by editing this very file.
const warningCodes = diagnosticCodes.filter((code) => catalogue[code].severity === 'warning' && code !== 'accepted_warning_unmatched');

const acceptance = object(
  {
    code: doc('Code', 'The code of the warning, as the compiler prints it in brackets (`warning[week_start_irregular]`).', { enum: warningCodes }, ['week_start_irregular', 'deadline_implicit']),
    file: doc(
      'File',
      'The file the warning points at, relative to the program folder (`/`-separated).',
      { type: 'string', minLength: 1, pattern: '^(?!/)(?!.*\\\\)(?!.*(?:^|/)\\.\\.(?:/|$)).+\\.ya?ml$' },
      ['schedule.yaml', 'modules/intro.yaml'],
    ),
    value: doc(
      'Value',
      'The text the warning underlines, as written in that file (a date, an id, a count). It names the one warning meant and, unlike a line number, stays true when other lines are edited; when the value itself changes, the acceptance no longer matches and is reported. Left out, every warning of this code in the file is accepted.',
      { type: ['string', 'number'], minLength: 1 },
      ['2023-04-17', 'essay', 3],
    ),
    reason: text('Reason', 'Why the warning is kept rather than fixed: what the source documents say, and who decided.', [
      'The call for applications states three lectures; the program has four. Kept as published.',
    ]),
  },
  ['code', 'file', 'reason'],
);

export const acceptedWarningsSchema = documentSchema(
  'Accepted warnings',
  'Warnings this program keeps on purpose, each with the reason: they are shown as accepted and not counted by `--strict`. An acceptance that no longer matches any warning is itself reported. One optional `accepted-warnings.yaml` per program.',
  object(
    {
      accepted: doc('Accepted', 'The accepted warnings, one entry each.', array(acceptance, { minItems: 1 })),
    },
    ['accepted'],
  ),
);
