import type { DiagnosticCode } from './catalogue.ts';
import type { SourceRange } from './diagnostic.ts';

/** The words of one diagnostic: the message, the text under the underlined span, and what to do. */
export interface DiagnosticText {
  readonly message: string;
  readonly label?: string;
  readonly hint?: string;
}

/** A place in a file, as named in a message ("defined at file:line:col"). */
interface Place {
  readonly file: string;
  readonly range?: SourceRange;
}

/**
 * A referenced file that could not be used. The same facts serve `content_file_missing`
 * (content of a module) and `asset_missing` (a logo or other file); only the noun differs.
 */
type MissingFileData =
  | {
      readonly problem: 'missing' | 'unreadable';
      /** The path as written in the document. */
      readonly written: string;
      /** The file the path names, as the user would type it. */
      readonly resolved: string;
      /** Why reading it failed (for `unreadable`). */
      readonly reason?: string;
      /** A file of a similar name that does exist. */
      readonly suggestion?: string;
    }
  | { readonly problem: 'read-failed'; readonly written: string; readonly reason: string };

/** A relative link or image whose target was not found. */
interface MissingLinkData {
  /** The destination as written in the Markdown. */
  readonly written: string;
  /** The file it names, as the user would type it. */
  readonly resolved: string;
  /** The folder the destination is relative to, as the user would type it. */
  readonly fromFolder: string;
  /** A file of a similar name in the same folder, as a path like the one written. */
  readonly suggestion?: string;
}

/** `key: "value"` (or `"value"` without a key), as a YAML line that keeps the value as text. */
function quotedEntry(key: string | undefined, value: string): string {
  return `${key ? `${key}: ` : ''}"${value.replace(/"/g, '\\"')}"`;
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * The one place where each code's words are written. A call site passes the facts (ids,
 * dates, counts); the function of its code turns them into the message, label and hint,
 * so that a code reads the same wherever it is reported. The parameter type of each
 * function is the data its code requires (see `DiagnosticData`).
 */
export const messages = {
  // ── Files and YAML ──────────────────────────────────────────────────────────
  file_unreadable: (
    d:
      | { readonly kind: 'root'; readonly path: string; readonly reason: string }
      | { readonly kind: 'root-is-file'; readonly path: string }
      | { readonly kind: 'file'; readonly reason: string }
      | { readonly kind: 'dangling-link'; readonly target: string },
  ): DiagnosticText => {
    switch (d.kind) {
      case 'root':
        return { message: `Cannot read \`${d.path}\`: ${d.reason}`, hint: 'Give the path of a program folder or of a folder of programs.' };
      case 'root-is-file':
        return {
          message: `\`${d.path}\` is a file, not a folder`,
          hint: 'Give the folder that holds `program.yaml` (or a folder of such folders), not a file in it.',
        };
      case 'file':
        return { message: `The file cannot be read: ${d.reason}` };
      case 'dangling-link':
        return {
          message: `The file is a symbolic link to \`${d.target}\`, which does not exist`,
          hint: 'Point the link at an existing file, or replace it with the file itself.',
        };
    }
  },
  file_not_utf8: (
    d:
      | { readonly kind: 'binary' }
      | { readonly kind: 'invalid-byte'; readonly byte: number }
      | { readonly kind: 'wide'; readonly encoding: 'UTF-16' | 'UTF-32'; readonly order: 'little-endian' | 'big-endian' },
  ): DiagnosticText => {
    if (d.kind === 'wide') {
      return {
        message: `The file is ${d.encoding} text (${d.order}), not UTF-8`,
        hint: `Re-save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8; in Notepad: "Save as" with the encoding UTF-8), or convert it with \`iconv -f ${d.encoding}${d.order === 'little-endian' ? 'LE' : 'BE'} -t UTF-8\`.`,
      };
    }
    if (d.kind === 'binary') {
      return {
        message: 'The file is binary (it holds NUL bytes), not YAML text',
        hint: 'Source documents are YAML text; move binary files (images, documents) out of the folders that hold documents, or rename them so that they do not end in `.yaml`.',
      };
    }
    const hex = `0x${d.byte.toString(16).padStart(2, '0')}`;
    // Most non-UTF-8 text is Latin-1 or Windows-1252, where bytes from 0xa0 up are letters such as é.
    const latin1 = d.byte >= 0xa0 ? ` (in Latin-1, ${hex} is \`${String.fromCharCode(d.byte)}\`)` : '';
    return {
      message: `The file is not UTF-8: the byte ${hex} cannot start or continue a UTF-8 character`,
      label: 'not UTF-8',
      hint: `The file is probably in another encoding${latin1}; re-save it as UTF-8 (in VS Code: "Save with Encoding" → UTF-8).`,
    };
  },
  file_empty: (d: { readonly kind: string; readonly commentsOnly: boolean }): DiagnosticText => ({
    message: d.commentsOnly ? `The file holds only comments, no ${d.kind} document` : 'The file is empty',
    hint: `Write the ${d.kind} document, or delete the file.`,
  }),
  file_too_large: (d: { readonly size: string; readonly limit: string }): DiagnosticText => ({
    message: `The file is ${d.size}, more than the ${d.limit} a source may have`,
    hint: 'Split the content into smaller files (one per module), or move large media out of the YAML and link to it.',
  }),
  yaml_syntax: (
    d:
      | { readonly kind: 'unresolved-alias'; readonly name: string }
      | { readonly kind: 'control-character'; readonly codePoint: number }
      | { readonly kind: 'tab-indent'; readonly moreLines?: number }
      | { readonly kind: 'unclosed-quote'; readonly quote: string }
      | { readonly kind: 'parser'; readonly parserMessage: string; readonly advice?: YamlAdvice }
      /** `key:value` on a line where a key was expected. */
      | { readonly kind: 'no-space-after-colon'; readonly key: string; readonly value: string }
      /** A plain value with `: ` in it; `key` is the key it belongs to, when the line shows it. */
      | { readonly kind: 'colon-in-value'; readonly key?: string; readonly value: string }
      | { readonly kind: 'indented-continuation' }
      | { readonly kind: 'unclosed-flow'; readonly list: boolean }
      /** A plain value that starts with a character YAML reserves (`@`, a backtick); `key` and `value` when the line shows them. */
      | { readonly kind: 'reserved-start'; readonly char: string; readonly key?: string; readonly value?: string }
      /** A key indented by `have` spaces, less than the key `above` it (`want`) and more than its list item. */
      | { readonly kind: 'misaligned'; readonly key: string; readonly have: number; readonly want: number; readonly above: string },
  ): DiagnosticText => {
    switch (d.kind) {
      case 'unresolved-alias':
        return {
          message: `The alias \`*${d.name}\` refers to no anchor`,
          label: `no \`&${d.name}\` before this`,
          hint: `Define the anchor (\`&${d.name}\`) on a value before this alias, or write the value out.`,
        };
      case 'control-character':
        return {
          message: `The file contains the control character U+${d.codePoint.toString(16).toUpperCase().padStart(4, '0')}, which YAML does not allow`,
          label: 'control character',
          hint: 'Delete the character; if the file was produced by a program, check that it writes plain text.',
        };
      case 'tab-indent':
        return {
          message: 'A tab is used for indentation',
          label: 'tab',
          hint: d.moreLines
            ? `YAML indents with spaces only; replace the tab with spaces (and those of the ${plural(d.moreLines, 'other line')} indented with tabs; most editors can convert indentation to spaces).`
            : 'YAML indents with spaces only; replace the tab with spaces.',
        };
      case 'unclosed-quote':
        return {
          message: 'The quoted text that starts here is never closed',
          label: 'opening quote',
          hint: `Add the closing ${d.quote} where the text ends; without it, the lines after it are read as part of the text.`,
        };
      case 'parser': {
        const hint = d.advice && yamlAdviceWords(d.advice);
        return { message: parserSentence(d.parserMessage), ...(hint ? { hint } : {}) };
      }
      case 'no-space-after-colon':
        return { message: `\`${d.key}:\` needs a space after the colon to be a key`, label: 'no space after the colon', hint: `Write \`${d.key}: ${d.value}\`.` };
      case 'colon-in-value':
        return {
          message: 'This value contains `: `, which YAML reads as the start of another key',
          label: 'the value starts here',
          hint: d.key !== undefined ? `Put the value in quotes: \`${quotedEntry(d.key, d.value)}\`.` : 'Put the value in quotes.',
        };
      case 'indented-continuation':
        return {
          message: 'The next line is indented further than this one, so YAML reads it as part of this value',
          label: 'this value continues on the next line',
          hint: 'Indent the next line like the keys beside it (with the same number of spaces), or put a multi-line value after `>-` on its own indented lines.',
        };
      case 'unclosed-flow': {
        const [noun, close, mark, item] = d.list ? ['list', ']', 'bracket', 'item'] : ['mapping', '}', 'brace', 'entry'];
        return { message: `The ${noun} opened here is never closed with \`${close}\``, label: `opening ${mark}`, hint: `Add the closing \`${close}\` after the last ${item}.` };
      }
      case 'reserved-start':
        return {
          message: `A value cannot start with \`${d.char}\` unless it is in quotes`,
          label: 'reserved character',
          hint: d.key !== undefined && d.value !== undefined ? `Put the value in quotes: \`${quotedEntry(d.key, d.value)}\`.` : 'Put the value in quotes.',
        };
      case 'misaligned':
        return {
          message: `\`${d.key}:\` is indented by ${d.have} spaces, but the keys above it by ${d.want}`,
          label: 'fits no level of the lines above',
          hint: `Indent \`${d.key}:\` by ${d.want} spaces, like \`${d.above}:\` above it, or start a new list item with \`- \`.`,
        };
    }
  },
  yaml_duplicate_key: (d: { readonly key?: string }): DiagnosticText => ({
    message: d.key === undefined ? 'This mapping has the same key twice' : `The key \`${d.key}\` appears twice in this mapping`,
    label: 'second occurrence',
    hint: 'Keep one of the two entries: merge their values, or rename one of the keys.',
  }),
  yaml_alias_limit: (d: { readonly kind: 'expansion'; readonly limit: number } | { readonly kind: 'parser'; readonly parserMessage: string }): DiagnosticText =>
    d.kind === 'expansion'
      ? {
          message: `Expanding the aliases in this file would make more than ${d.limit} copies`,
          label: 'aliases from here on are expanded too often',
          hint: 'Write the values out instead of nesting `*alias` references inside anchored values.',
        }
      : { message: parserSentence(d.parserMessage), hint: 'Write the values out instead of using `*alias` references.' },
  yaml_comment_in_value: (d: { readonly key?: string; readonly value: string; readonly comment: string }): DiagnosticText => ({
    message: `\`${d.comment}\` starts a comment, so the value ends before it: \`${d.value}\``,
    label: 'read as a comment',
    hint: `To keep \`${d.comment}\` in the value, put the whole value in quotes: \`${quotedEntry(d.key, `${d.value} ${d.comment}`)}\`; for a comment, write a space after the \`#\`.`,
  }),
  yaml_multiple_documents: (_: Record<string, never>): DiagnosticText => ({
    message: 'The file holds more than one YAML document',
    label: 'a second document starts here',
    hint: 'Move the second document into a file of its own, or remove the `---` line if it was meant as a separator.',
  }),
  document_unknown: (_: Record<string, never>): DiagnosticText => ({
    message: 'This YAML file is not a known kind of document, so it is not read',
    hint: 'Documents are `program.yaml`, `competences.yaml`, `assignments.yaml`, `schedule.yaml`, `policy.yaml`, `accepted-warnings.yaml`, `modules/<id>.yaml` and `assessments/<id>.yaml`.',
  }),
  program_missing: (_: Record<string, never>): DiagnosticText => ({
    message: 'No program found: neither this folder nor a folder in it has a `program.yaml`',
    hint: 'A program is a folder with a `program.yaml`. Point the command at one, or at the folder that holds them; `curriculum init <dir>` starts a new one.',
  }),
  document_missing: (d: { readonly kind: keyof typeof missingDocumentContent; readonly folder: string; readonly file: string }): DiagnosticText => ({
    message: `The program has no \`${d.file}\``,
    hint: `Create \`${d.folder}/${d.file}\`; ${missingDocumentContent[d.kind]}`,
  }),
  calendar_lock_invalid: (
    d:
      | { readonly problem: 'syntax'; readonly expected: string; readonly found: string }
      | { readonly problem: 'trailing-comma' }
      | { readonly problem: 'shape'; readonly entry?: string; readonly key?: string; readonly expected: string },
  ): DiagnosticText => {
    const fix =
      'This file is written by `curriculum build`: restore it from version control (`git checkout -- calendar-lock.json` in the program folder), or correct it here. Deleting it starts every event’s SEQUENCE again from 0, and calendar apps that imported an event before ignore its changes until its SEQUENCE is higher than the one they have.';
    if (d.problem === 'trailing-comma') return { message: 'The calendar lock is not valid JSON: a comma follows the last entry', label: 'JSON allows no comma here', hint: fix };
    if (d.problem === 'syntax') return { message: `The calendar lock is not valid JSON: ${d.expected} expected, ${d.found} found`, label: `${d.expected} expected`, hint: fix };
    const what = d.entry === undefined ? 'The calendar lock' : d.key === undefined ? `The calendar lock’s entry for \`${d.entry}\`` : `\`${d.key}\` of the calendar lock’s entry for \`${d.entry}\``;
    return { message: `${what} is not ${d.expected}`, label: `not ${d.expected}`, hint: fix };
  },
  accepted_warning_unmatched: (d: { readonly code: string; readonly file: string; readonly value?: string }): DiagnosticText => ({
    message: `This acceptance matches no \`${d.code}\` warning in \`${d.file}\`${d.value === undefined ? '' : ` at \`${d.value}\``}`,
    label: 'matches no warning',
    hint:
      d.value === undefined
        ? `If the warning was fixed, delete this entry; otherwise correct its \`code\` or \`file\`.`
        : `If the warning was fixed, delete this entry; if it now points at another value, write that value (the text the warning underlines) in \`value\`.`,
  }),

  // ── Schema ──────────────────────────────────────────────────────────────────
  schema_property_unknown: (
    d:
      | { readonly kind: 'typo-of-required'; readonly key: string; readonly where: string; readonly meant: string }
      | { readonly kind: 'comma-split'; readonly key: string; readonly where: string; readonly before?: { readonly key: string; readonly value: string } }
      | { readonly kind: 'unknown'; readonly key: string; readonly where: string; readonly suggestion?: string; readonly allowed: readonly string[] },
  ): DiagnosticText => {
    const message = `Unknown key \`${d.key}\`${d.where ? ` in ${d.where}` : ''}`;
    switch (d.kind) {
      case 'typo-of-required':
        return { message: `${message}; the required key \`${d.meant}\` is missing`, label: `did you mean \`${d.meant}\`?`, hint: `Rename \`${d.key}\` to \`${d.meant}\`.` };
      case 'comma-split':
        return {
          message: `${message}: a comma inside \`{ … }\` ended the text before it`,
          label: 'the text after a comma',
          hint: `Put text that contains commas in quotes${d.before ? `: \`${d.before.key}: "${d.before.value}, ${d.key}"\`` : ', e.g. `text: "First, second"`'}.`,
        };
      case 'unknown':
        return {
          message,
          label: d.suggestion ? `did you mean \`${d.suggestion}\`?` : 'not a known key here',
          hint: `${d.suggestion ? `Did you mean \`${d.suggestion}\`? ` : ''}Keys allowed here: ${listKeys(d.allowed)}.`,
        };
    }
  },
  schema_property_missing: (d: {
    readonly keys: readonly string[];
    readonly where: string;
    /** The document kind, when the keys are missing from the document itself. */
    readonly document?: string;
    /** The schema's own instruction for a single missing key (`x-message`), as a sentence. */
    readonly instruction?: string;
    /** The first sentence of a single missing key's description. */
    readonly description?: string;
  }): DiagnosticText => {
    const list = listKeys(d.keys);
    const one = d.keys.length === 1;
    return {
      message: `Missing required key${one ? '' : 's'} ${list}${d.where ? ` in ${d.where}` : ''}`,
      label: d.document !== undefined ? `this ${d.document} document ${one ? 'has no' : 'lacks'} ${list}` : `${list} ${one ? 'is' : 'are'} required here`,
      hint: one
        ? (d.instruction ?? `Add \`${d.keys[0]}:\`${d.description ? ` (${d.description})` : ''}.`)
        : `Add ${listKeys(d.keys.map((k) => `${k}:`))}.`,
    };
  },
  schema_type_mismatch: (d: {
    /** The accepted types, described ("a number", "text"). */
    readonly expected: readonly string[];
    readonly where: string;
    /** The value found, described. */
    readonly found: string;
    /** Advice for this value or the schema's own explanation, as a sentence. */
    readonly advice?: string;
  }): DiagnosticText => {
    const wanted = d.expected.join(' or ');
    return {
      message: `Expected ${wanted}${d.where ? ` for ${d.where}` : ''}, found ${d.found}`,
      label: `should be ${wanted}`,
      ...(d.advice ? { hint: d.advice } : {}),
    };
  },
  schema_value_invalid: (
    d:
      | { readonly kind: 'not-accepted'; readonly value: string; readonly where: string; readonly accepted: readonly string[]; readonly suggestion?: string }
      | { readonly kind: 'key-not-allowed'; readonly key: string; readonly where: string; readonly advice?: string }
      | { readonly kind: 'repeated'; readonly value: string; readonly where: string }
      | { readonly kind: 'union'; readonly value: string; readonly where: string; readonly several: boolean; readonly suggestion?: string; readonly advice?: string }
      | { readonly kind: 'constraint'; readonly value: string; readonly where: string; readonly rule: ConstraintRule; readonly advice?: string },
  ): DiagnosticText => {
    const did = (suggestion: string | undefined) => (suggestion ? `Did you mean \`${suggestion}\`?` : undefined);
    switch (d.kind) {
      case 'not-accepted':
        return {
          message: `${d.value} is not an accepted value${d.where ? ` for ${d.where}` : ''}`,
          label: d.suggestion ? `did you mean \`${d.suggestion}\`?` : 'not an accepted value',
          hint: `${d.suggestion ? `${did(d.suggestion)} ` : ''}Accepted: ${d.accepted.map((v) => `\`${v}\``).join(', ')}.`,
        };
      case 'key-not-allowed':
        return { message: `The key \`${d.key}\` does not belong in ${d.where || 'this document'}`, label: 'not accepted here', hint: d.advice ?? `Remove \`${d.key}\`.` };
      case 'repeated':
        return { message: `${d.value} is listed twice${d.where ? ` in ${d.where}` : ''}`, label: 'listed again', hint: 'Remove the repeated item.' };
      case 'union': {
        const hint = [did(d.suggestion), d.advice].filter(Boolean).join(' ');
        return {
          message: d.several
            ? `${d.value} matches more than one of the accepted forms${d.where ? ` for ${d.where}` : ''}`
            : `${d.value} does not have an accepted form${d.where ? ` for ${d.where}` : ''}`,
          label: d.suggestion ? `did you mean \`${d.suggestion}\`?` : d.several ? 'more than one form' : 'not an accepted form',
          ...(hint ? { hint } : {}),
        };
      }
      case 'constraint': {
        const words = constraintWords(d.rule, d.value, d.where ? ` for ${d.where}` : '');
        const hint = words.hint ?? d.advice;
        return { message: words.message, label: words.label, ...(hint ? { hint } : {}) };
      }
    }
  },

  // ── Identity and references ─────────────────────────────────────────────────
  id_duplicate: (d: {
    readonly noun: string;
    readonly id: string;
    /** What the id must be unique among, when not every thing of its kind: the options of one assignment. */
    readonly among?: 'assignment-options';
  }): DiagnosticText => ({
    message: `Duplicate ${d.noun} id \`${d.id}\``,
    label: 'already defined',
    hint: `Ids must be unique among ${d.among === 'assignment-options' ? 'the options of an assignment' : `${d.noun}s`}; rename one of them.`,
  }),
  program_id_reserved: (d: { readonly id: string; readonly reserved: readonly string[] }): DiagnosticText => ({
    message: `The program id \`${d.id}\` is a name the site itself uses`,
    label: 'reserved',
    hint: `Choose another id (and folder name); ${d.reserved.map((id) => `\`${id}\``).join(', ')} are taken by the site's own pages and files.`,
  }),
  namespace_missing: (d: { readonly program: string; readonly fallback: string }): DiagnosticText => ({
    message: `The program \`${d.program}\` declares no namespace: its cmi5 ids and calendar UIDs fall back to \`${d.fallback}\``,
    label: 'no `namespace`',
    hint: `Add \`namespace: tag:<a domain you own>,<a year you owned it>:${d.program}\` to program.yaml (or \`namespace:\` to catalog.yaml for every program), before the program is first published: identifiers must never change afterwards.`,
  }),
  namespace_shared: (d: { readonly namespace: string; readonly program: string; readonly other: string; readonly otherDerived: boolean }): DiagnosticText => ({
    message: `The program \`${d.program}\` has the namespace \`${d.namespace}\`, which \`${d.other}\` has too: their calendar UIDs, cmi5 IRIs and credential ids would be the same`,
    label: `also the namespace of \`${d.other}\``,
    hint: d.otherDerived
      ? `Give \`${d.program}\` a namespace of its own, such as \`tag:<a domain you own>,<a year you owned it>:${d.program}\`, or give \`${d.other}\` one with \`namespace:\` in its program.yaml; if one of them is already published, keep its namespace and change the other's.`
      : `Give \`${d.program}\` a namespace of its own, such as \`tag:<a domain you own>,<a year you owned it>:${d.program}\` (a copied program keeps the namespace of its original until you change it); if one of them is already published, keep its namespace and change the other's.`,
  }),
  id_filename_mismatch: (d: { readonly kind: 'program'; readonly id: string; readonly folder: string } | { readonly kind: 'file'; readonly id: string; readonly fileId: string }): DiagnosticText =>
    d.kind === 'program'
      ? {
          message: `The program id \`${d.id}\` differs from its folder name \`${d.folder}\``,
          label: `expected \`${d.folder}\``,
          hint: `Rename the folder to \`${d.id}\`, or set \`id: ${d.folder}\`.`,
        }
      : {
          message: `The id \`${d.id}\` differs from the file name \`${d.fileId}\``,
          label: `expected \`${d.fileId}\``,
          hint: `Rename the file to \`${d.id}.yaml\`, or set \`id: ${d.fileId}\`.`,
        },
  reference_unknown: (
    d:
      | {
          readonly kind: 'id';
          readonly noun: string;
          readonly id: string;
          /** The document where such things are defined. */
          readonly home: string;
          readonly defined: readonly string[];
          readonly suggestion?: string;
          readonly suggestionAt?: Place;
        }
      | { readonly kind: 'kind'; readonly noun: string; readonly itemKind: string; readonly kindsInUse: readonly string[]; readonly suggestion?: string },
  ): DiagnosticText => {
    if (d.kind === 'kind') {
      return {
        message: `No ${d.noun} has the kind \`${d.itemKind}\``,
        label: `no ${d.noun} of this kind`,
        hint: d.suggestion
          ? `Did you mean \`${d.suggestion}\`?`
          : d.kindsInUse.length > 0
            ? `Kinds in use: ${d.kindsInUse.map((k) => `\`${k}\``).join(', ')}.`
            : `No ${d.noun}s are defined.`,
      };
    }
    const none = d.defined.length === 0;
    const at = d.suggestionAt?.range ? ` (defined at ${d.suggestionAt.file}:${d.suggestionAt.range.start.line}:${d.suggestionAt.range.start.column})` : '';
    return {
      message: `Unknown ${d.noun} \`${d.id}\``,
      label: none ? `no ${d.noun}s are defined` : `no ${d.noun} with this id in ${d.home}`,
      hint: d.suggestion ? `Did you mean \`${d.suggestion}\`?${at}` : none ? `Define ${d.noun}s in ${d.home}.` : `Defined ${d.noun}s: ${listIds(d.defined)}.`,
    };
  },
  content_path_outside: (d: { readonly written: string; readonly throughLink: boolean }): DiagnosticText =>
    d.throughLink
      ? {
          message: `\`${d.written}\` leads outside the program folder through a symbolic link`,
          label: 'links outside the program folder',
          hint: 'Copy the file into the program folder instead of linking to it from outside.',
        }
      : {
          message: `\`${d.written}\` points outside the program folder`,
          label: 'outside the program folder',
          hint: 'Move the file into the program folder and give its path relative to it, e.g. `content/intro.md`.',
        },
  content_file_missing: (d: MissingFileData): DiagnosticText => missingFile('content file', d),
  content_file_kind: (d: { readonly written: string }): DiagnosticText => ({
    message: `\`${d.written}\` is not a Markdown (.md) or MDX (.mdx) file`,
    label: 'not .md or .mdx',
    hint: 'Convert the content to Markdown and reference the `.md` file, or write the Markdown under `content:` itself.',
  }),
  link_target_missing: (d: MissingLinkData): DiagnosticText => ({
    message: `The link \`${d.written}\` points to a file that does not exist`,
    label: 'no such file',
    hint: d.suggestion
      ? `Did you mean \`${d.suggestion}\`? Links are relative to the file they are written in (\`${d.fromFolder}\`).`
      : `Links are relative to the file they are written in: this one names \`${d.resolved}\`.`,
  }),
  link_outside_program: (d: { readonly kind: 'link' | 'image'; readonly written: string; readonly throughLink: boolean }): DiagnosticText => ({
    message: `The ${d.kind} \`${d.written}\` points outside the program folder${d.throughLink ? ' (through a symbolic link)' : ''}`,
    label: 'outside the program folder',
    hint: `Only the program folder is published: move the ${d.kind === 'image' ? 'image' : 'file'} into it and use a path inside it.`,
  }),
  link_external_broken: (
    d: { readonly kind: 'link' | 'image'; readonly url: string } & (
      | { readonly problem: 'status'; readonly status: number; readonly statusText: string; readonly finalUrl?: string }
      | { readonly problem: 'timeout'; readonly seconds: number }
      | { readonly problem: 'unreachable'; readonly reason: string }
      | { readonly problem: 'redirects'; readonly limit: number }
    ),
  ): DiagnosticText => {
    const what = d.kind === 'image' ? 'image' : 'link';
    switch (d.problem) {
      case 'status':
        return {
          message: `The ${what} \`${d.url}\` answered ${d.status}${d.statusText ? ` ${d.statusText}` : ''}${d.finalUrl ? ` (redirected to \`${d.finalUrl}\`)` : ''}`,
          label: `${d.status} ${d.status >= 500 ? 'server error' : 'not available'}`,
          hint:
            d.status >= 500
              ? 'The server failed: check again later, and if it keeps failing, link another copy of the page.'
              : `Correct the address, or link the page where it moved (or an archived copy)${d.status === 401 || d.status === 403 ? '; a page that needs a login is broken for learners without one' : ''}.`,
        };
      case 'timeout':
        return {
          message: `The ${what} \`${d.url}\` did not answer within ${d.seconds} s`,
          label: 'no answer',
          hint: 'The server may be down or very slow: check again later, and if it keeps failing, link another copy of the page.',
        };
      case 'unreachable':
        return {
          message: `The ${what} \`${d.url}\` cannot be reached: ${d.reason}`,
          label: 'unreachable',
          hint: 'Open it in a browser: correct the host name or port if it is mistyped; if the site has closed, link an archived copy or another source.',
        };
      case 'redirects':
        return {
          message: `The ${what} \`${d.url}\` redirects more than ${d.limit} times`,
          label: 'too many redirects',
          hint: 'Link the address it finally leads to (open it in a browser and copy the address), or correct a redirect loop.',
        };
    }
  },
  image_missing: (d: MissingLinkData & { readonly notAnImage?: boolean }): DiagnosticText =>
    d.notAnImage
      ? {
          message: `\`${d.written}\` is not an image`,
          label: 'not a PNG, JPEG, GIF, SVG, WebP or AVIF file',
          hint: 'Images are shown from PNG, JPEG, GIF, SVG, WebP or AVIF files; to offer another file, link it with [text](path) instead.',
        }
      : {
          message: `The image \`${d.written}\` does not exist`,
          label: 'no such image',
          hint: d.suggestion
            ? `Did you mean \`${d.suggestion}\`? Images are relative to the file they are written in (\`${d.fromFolder}\`).`
            : `Images are relative to the file they are written in: this one names \`${d.resolved}\`.`,
        },
  image_too_large: (d: { readonly written: string; readonly bytes: number; readonly limit: number }): DiagnosticText => ({
    message: `The image \`${d.written}\` is ${mebibytes(d.bytes)} (${d.bytes} bytes); images may be at most ${mebibytes(d.limit)} (${d.limit} bytes)`,
    label: 'too large',
    hint: 'Compress or resize it: the site and every LMS package that shows it carry it, and learners download it on every visit.',
  }),
  svg_active_content: (d: { readonly kind: 'link' | 'image'; readonly written: string; readonly found: string; readonly line: number }): DiagnosticText => ({
    message: `The SVG \`${d.written}\` holds ${d.found}`,
    label: 'active content in this SVG',
    hint: `The SVG's line ${d.line} has it. Opened by itself, the file’s script would run with the course site’s (or the LMS’s) address: save it as a plain drawing without scripts, event handlers or javascript: links, or use a PNG.`,
  }),

  // ── Dates and times ─────────────────────────────────────────────────────────
  date_invalid: (
    d:
      | { readonly kind: 'date'; readonly text: string; readonly problem: DateProblem }
      | { readonly kind: 'time'; readonly local: string; readonly time: string; readonly hour: number },
  ): DiagnosticText =>
    d.kind === 'date'
      ? { ...dateProblemWords(d.text, d.problem), label: 'no such date' }
      : {
          message: `\`${d.local}\` has no time ${d.time}: hours run from 00 to 23 and minutes from 00 to 59`,
          label: 'no such time',
          hint:
            d.hour === 24
              ? 'For midnight at the end of a day, write 00:00 of the next day (or 23:59).'
              : 'Write the time on a 24-hour clock, HH:MM (e.g. 14:30 for half past two in the afternoon).',
        },
  period_reversed: (
    d:
      | { readonly what: 'program'; readonly start: string; readonly end: string }
      | { readonly what: 'period' | 'break' | 'series' | 'exam'; readonly id: string; readonly start: string; readonly end: string }
      | { readonly what: 'week'; readonly week: number; readonly start: string; readonly end: string }
      | { readonly what: 'week range'; readonly week: number; readonly through: number }
      | { readonly what: 'effort range'; readonly min: number; readonly max: number },
  ): DiagnosticText => {
    const reversed = (subject: string, end: string, start: string) => `${subject} ends (${end}) before it starts (${start})`;
    switch (d.what) {
      case 'program':
        return { message: reversed('The program', d.end, d.start), label: 'before `start`', hint: 'Swap or correct the two dates.' };
      case 'period':
      case 'break':
      case 'exam':
        return { message: reversed(`The ${d.what} \`${d.id}\``, d.end, d.start), label: 'before `starts`', hint: 'Swap or correct the two dates.' };
      case 'series':
        return { message: `The series \`${d.id}\` runs until ${d.end}, before it starts (${d.start})`, label: 'before `from`', hint: 'Swap or correct `from` and `until`.' };
      case 'week':
        return { message: reversed(`Week ${d.week}`, d.end, d.start), label: 'before `starts`', hint: 'Swap or correct the two dates.' };
      case 'week range':
        return {
          message: reversed(`The entry for week ${d.week}`, `week ${d.through}`, `week ${d.week}`),
          label: `should be ${d.week} or more`,
          hint: `Set \`through\` to the number of the last week the entry covers (${d.week} or more), or remove it for a single week.`,
        };
      case 'effort range':
        return { message: reversed('The weekly effort range', `${d.max} h`, `${d.min} h`), label: 'less than `min`', hint: 'Swap `min` and `max`, or correct one of them.' };
    }
  },
  session_reversed: (d: { readonly id: string; readonly start: string; readonly end: string; readonly sameTime: boolean }): DiagnosticText => ({
    message: `The session \`${d.id}\` ends (${d.end}) ${d.sameTime ? 'when' : 'before'} it starts (${d.start})`,
    label: 'not after `starts`',
    hint: "Correct the end time; a session that runs past midnight ends on the next day's date.",
  }),
  session_too_long: (d: { readonly id: string; readonly hours: number; readonly start: string; readonly end: string }): DiagnosticText => ({
    message: `The session \`${d.id}\` lasts ${d.hours} hours (${d.start} to ${d.end})`,
    label: `${d.hours} hours after \`starts\``,
    hint: 'Check the end date and time (on a 24-hour clock); for an event over several days, give each day a session of its own.',
  }),
  timezone_unknown: (d: { readonly name: string; readonly suggestion?: string }): DiagnosticText => ({
    message: `\`${d.name}\` is not a known time zone`,
    label: 'unknown time zone',
    hint: d.suggestion ? `Did you mean \`${d.suggestion}\`?` : 'Use an IANA zone name such as `Europe/Paris` or `Asia/Seoul`.',
  }),
  timezone_noncanonical: (d: { readonly name: string; readonly canonical: string; readonly retired: boolean }): DiagnosticText => ({
    message: d.retired ? `\`${d.name}\` is a retired name of the time zone \`${d.canonical}\`` : `The time zone \`${d.name}\` is spelled \`${d.canonical}\``,
    label: `write \`${d.canonical}\``,
    hint: `Write \`${d.canonical}\`; the outputs already use it, since calendar apps and LMSs match zone names exactly.`,
  }),
  timezone_abbreviation: (d: { readonly name: string; readonly candidates: readonly string[] }): DiagnosticText => {
    const candidates = d.candidates.map((c) => `\`${c}\``).join(', ');
    const why = 'a zone name carries the place’s daylight-saving rules, so times stay right in every season';
    return {
      message: `\`${d.name}\` is an abbreviation, not an IANA time zone`,
      label: 'use the IANA zone of the place',
      hint:
        d.candidates.length === 1
          ? `Use ${candidates}, the zone that uses ${d.name}; ${why}.`
          : candidates
            ? `Use the zone of the place where the time is kept, e.g. ${candidates}; ${why}.`
            : `Use the IANA zone of the place where the time is kept, such as \`Europe/Paris\`; ${why}.`,
    };
  },
  local_time_nonexistent: (d: {
    /** The local time as shown to the user (`2024-03-31 02:30`). */
    readonly time: string;
    readonly zone: string;
    /** The clock change of that night, when known. */
    readonly change?: ClockChange;
    readonly gapMinutes: number;
  }): DiagnosticText => ({
    message: d.change
      ? `${d.time} does not exist in ${d.zone}: that night clocks jump from ${d.change.from} to ${d.change.to}`
      : `${d.time} does not exist in ${d.zone}: clocks skip ${d.gapMinutes} minutes that night`,
    label: 'skipped by the daylight-saving change',
    hint: d.change ? `Choose a time before ${d.change.from} or from ${d.change.to} on.` : 'Move the time before or after the change.',
  }),
  local_time_ambiguous: (d: {
    readonly time: string;
    readonly zone: string;
    readonly change?: ClockChange;
    /** The UTC offset of the first occurrence (`+02:00`). */
    readonly offset: string;
  }): DiagnosticText => ({
    message: `${d.time} happens twice in ${d.zone}${d.change ? `: that night clocks go back from ${d.change.from} to ${d.change.to}` : ' as clocks fall back'}; the first occurrence (UTC${d.offset}) is used`,
    label: 'happens twice',
    hint: d.change
      ? `Move the time out of ${d.change.to}–${d.change.from}, or give it in a zone without the change, to make it unambiguous.`
      : 'Move the time out of the repeated hour to make it unambiguous.',
  }),
  session_overlap: (d: {
    readonly first: { readonly id: string; readonly ends: string; readonly zone: string };
    readonly second: { readonly id: string; readonly starts: string; readonly zone: string };
    /** When the second starts on the first one's clock, if the two are in different zones. */
    readonly secondStartsInFirstZone?: string;
  }): DiagnosticText => ({
    message: `The session \`${d.second.id}\` starts before \`${d.first.id}\` ends`,
    label: `starts at ${d.second.starts} ${d.second.zone}${d.secondStartsInFirstZone ? ` (${d.secondStartsInFirstZone} ${d.first.zone})` : ''}`,
    hint: `\`${d.first.id}\` runs until ${d.first.ends} ${d.first.zone}; start \`${d.second.id}\` then or later, or end \`${d.first.id}\` earlier.`,
  }),
  event_in_break: (d: {
    readonly what: 'session' | 'exam';
    readonly id: string;
    readonly date: string;
    readonly breakId: string;
    readonly breakTitle: string;
    readonly breakStart: string;
    readonly breakEnd: string;
  }): DiagnosticText => ({
    message: `The ${d.what} \`${d.id}\` is on ${d.date}, during the break \`${d.breakId}\` (${d.breakTitle}, ${d.breakStart} to ${d.breakEnd})`,
    label: 'during a break',
    hint: `Move the ${d.what} to a day outside ${d.breakStart} to ${d.breakEnd}, or correct the break's dates if classes do take place then.`,
  }),
  series_date_not_occurrence: (d: {
    readonly series: string;
    readonly date: string;
    readonly list: 'except' | 'cancelled' | 'moved';
    /** Not a meeting day in `from`…`until`; listed twice; or in a break, which skips it already. */
    readonly problem: 'not-planned' | 'listed' | 'break';
    readonly days: readonly string[];
    readonly from: string;
    readonly until: string;
    readonly already?: 'except' | 'cancelled' | 'moved';
    readonly breakId?: string;
    readonly nearest?: string;
  }): DiagnosticText => {
    const what = `\`${d.list}\` of the series \`${d.series}\``;
    switch (d.problem) {
      case 'not-planned':
        return {
          message: `The date ${d.date} in ${what} is not one of its meeting days (${d.days.join(', ')} from ${d.from} to ${d.until})`,
          label: 'no occurrence on this day',
          hint: `Write the date the occurrence was planned for${d.nearest ? ` (the nearest is ${d.nearest})` : ''}; for a session outside the series, add it to \`sessions\`.`,
        };
      case 'listed':
        return {
          message: `The date ${d.date} in ${what} is already listed in \`${d.already}\``,
          label: 'listed twice',
          hint: 'An occurrence is skipped, cancelled or moved, not several of these: keep one entry.',
        };
      case 'break':
        return {
          message: `The date ${d.date} in ${what} falls in the break \`${d.breakId}\`, which skips it already`,
          label: 'already skipped by a break',
          hint: d.list === 'moved' ? 'Move an occurrence that is held, or add the session to `sessions` if it is an extra one.' : 'Remove the date: breaks are skipped automatically.',
        };
    }
  },
  series_empty: (d: { readonly id: string; readonly problem: 'no-meeting-day' | 'all-skipped'; readonly days: readonly string[]; readonly from: string; readonly until: string }): DiagnosticText =>
    d.problem === 'no-meeting-day'
      ? {
          message: `The series \`${d.id}\` has no session: no ${d.days.join(' or ')} falls between ${d.from} and ${d.until}`,
          label: 'no meeting day in the series',
          hint: 'Check `days`, `from` and `until`.',
        }
      : {
          message: `The series \`${d.id}\` has no session: every one of its days from ${d.from} to ${d.until} is skipped, cancelled or in a break`,
          label: 'every session skipped',
          hint: 'Check the dates in `except` and `cancelled` and the breaks; remove the series if it is not held.',
        },
  series_too_long: (d: { readonly id: string; readonly from: string; readonly until: string; readonly years: number; readonly maxYears: number }): DiagnosticText => ({
    message: `The series \`${d.id}\` runs from ${d.from} until ${d.until}, over ${d.years} years`,
    label: `more than ${d.maxYears} years after \`from\``,
    hint: 'Correct the year of `from` or `until`; a series runs for a term or a year.',
  }),
  exam_slots_overflow: (d: { readonly id: string; readonly count: number; readonly minutes: number; readonly windowMinutes: number; readonly start: string; readonly end: string }): DiagnosticText => ({
    message: `The exam \`${d.id}\` has ${d.count} slots of ${d.minutes} minutes (${d.count * d.minutes} minutes) but lasts ${d.windowMinutes} minutes (${d.start} to ${d.end})`,
    label: `${d.count} × ${d.minutes} > ${d.windowMinutes} minutes`,
    hint: `Fit the slots in the exam: at most ${Math.floor(d.windowMinutes / d.minutes)} slots of ${d.minutes} minutes, or end the exam ${d.count * d.minutes - d.windowMinutes} minutes later.`,
  }),
  date_outside_program: (d: {
    /** What is scheduled. */
    readonly item: ScheduledThing;
    readonly date: string;
    readonly programStart: string;
  }): DiagnosticText => ({
    message: `${capitalize(scheduledThingWords(d.item))} ${scheduledThingIsPlural(d.item) ? 'start' : 'starts'} on ${d.date}, before the program starts (${d.programStart})`,
    label: 'before the program start date',
    hint: `Correct the date, or set the program's \`start: ${d.date}\` if the program really begins then.`,
  }),

  // ── Structure ───────────────────────────────────────────────────────────────
  prerequisite_cycle: (d: { readonly cycle: readonly [string, ...string[]] }): DiagnosticText => {
    const first = d.cycle[0];
    if (d.cycle.length === 1) {
      return { message: `The module \`${first}\` lists itself as a prerequisite`, label: 'requires itself', hint: `Remove \`${first}\` from its own \`prerequisites\`.` };
    }
    const last = d.cycle[d.cycle.length - 1]!;
    return {
      message: `Module prerequisites form a cycle: ${[...d.cycle, first].map((id) => `\`${id}\``).join(' → ')}`,
      label: `\`${last}\` requires \`${first}\`, which requires it in turn`,
      hint: `Remove one of the prerequisites in the cycle, e.g. \`${first}\` from the prerequisites of \`${last}\`.`,
    };
  },
  week_order: (
    d:
      | { readonly problem: 'numbering'; readonly week: string; readonly previous: string; readonly previousLast: number }
      | { readonly problem: 'date'; readonly week: string; readonly start: string; readonly previous: string; readonly previousStart: string },
  ): DiagnosticText =>
    d.problem === 'numbering'
      ? {
          message: `${d.week} comes after ${d.previous} but is not numbered after it`,
          label: 'out of order',
          hint: `List the weeks in order and number each entry after the one before it (here ${d.previousLast + 1} or more).`,
        }
      : {
          message: `${d.week} starts on ${d.start}, not after ${d.previous} (${d.previousStart})`,
          label: 'out of order',
          hint: `Correct the date: each week starts after the one before it (here after ${d.previousStart}).`,
        },
  module_scheduled_twice: (d: { readonly noun: string; readonly id: string }): DiagnosticText => ({
    message: `The ${d.noun} \`${d.id}\` is scheduled more than once`,
    label: 'scheduled again here',
    hint: `Schedule \`${d.id}\` in one week or period only: remove it here or where it is first scheduled.`,
  }),
  module_unscheduled: (d: { readonly id: string }): DiagnosticText => ({
    message: `The module \`${d.id}\` is not scheduled`,
    label: 'in no week or period',
    hint: `Add \`${d.id}\` to the \`modules\` of a week or period in schedule.yaml.`,
  }),
  module_phase_mismatch: (d: { readonly id: string; readonly phase: string; readonly weekPhase: string }): DiagnosticText => ({
    message: `The module \`${d.id}\` is in phase \`${d.phase}\` but scheduled in a week of phase \`${d.weekPhase}\``,
    label: `its week is in \`${d.weekPhase}\``,
    hint: `Set \`phase: ${d.weekPhase}\`, or schedule the module in a week of phase \`${d.phase}\`.`,
  }),

  // ── Assessment and policy ───────────────────────────────────────────────────
  pass_mark_missing: (d: { readonly module: string }): DiagnosticText => ({
    message: `The module \`${d.module}\` has an assessment but no pass mark`,
    label: 'no `pass.minScore` here or in policy.yaml',
    hint: 'Set `modules.pass.minScore` in policy.yaml for every module, or `pass: { minScore: 60 }` under this assessment.',
  }),
  pass_mark_unreachable: (d: { readonly minScore: number }): DiagnosticText => ({
    message: `A pass mark of ${d.minScore} % can never be reached`,
    label: 'above 100 %',
    hint: 'The pass mark is a percentage of the maximum score: write 60 for 60 % (or 60/100).',
  }),
  pass_mark_fraction: (d: { readonly minScore: number }): DiagnosticText => ({
    message: `A pass mark of ${d.minScore} % lets every learner pass; it looks like a fraction`,
    label: 'below 1 %',
    hint: `The pass mark is a percentage of the maximum score: write ${Number((d.minScore * 100).toFixed(2))} for ${Number((d.minScore * 100).toFixed(2))} %.`,
  }),
  requirement_unmeetable: (
    d:
      | { readonly kind: 'group'; readonly atLeast: number; readonly listed: number }
      | { readonly kind: 'certificate-requires-itself' }
      | { readonly kind: 'selection'; readonly noun: string; readonly atLeast: number; readonly matching: number }
      | { readonly kind: 'choice'; readonly assignment: string; readonly select: number; readonly offered: number },
  ): DiagnosticText => {
    switch (d.kind) {
      case 'group':
        return {
          message: `\`atLeast: ${d.atLeast}\` asks for more requirements than the ${d.listed} listed under \`of\``,
          label: `only ${d.listed} listed`,
          hint: `Lower \`atLeast\` to ${d.listed} or less, or list more requirements under \`of\`.`,
        };
      case 'certificate-requires-itself':
        return {
          message: 'The certificate cannot require itself',
          label: 'circular',
          hint: '`certificate: true` belongs in the requirements of a benefit, not of the certificate.',
        };
      case 'selection':
        return {
          message: `At least ${d.atLeast} ${d.noun}s are required but only ${d.matching} ${d.matching === 1 ? 'matches' : 'match'}`,
          label: `only ${d.matching} available`,
          hint: `Lower \`atLeast\` to ${d.matching} or less, or widen the selection.`,
        };
      case 'choice':
        return {
          message: `The assignment \`${d.assignment}\` asks learners to select ${d.select} options, but offers only ${d.offered}`,
          label: `more than the ${d.offered} available`,
          hint: `Select at most ${d.offered}, or offer more options.`,
        };
    }
  },
  question_bank_too_small: (d: { readonly bank: string; readonly drawn: number; readonly size: number }): DiagnosticText => ({
    message: `The assessment draws ${d.drawn} questions but the bank \`${d.bank}\` holds ${d.size}`,
    label: `at most ${d.size}`,
    hint: `Add ${plural(d.drawn - d.size, 'question')} to assessments/${d.bank}.yaml, or draw fewer.`,
  }),
  question_answer_invalid: (d: { readonly question: string; readonly type: 'single' | 'multiple'; readonly correct: number }): DiagnosticText =>
    d.correct === 0
      ? {
          message: `Question \`${d.question}\` has no correct option`,
          label: 'no option has `correct: true`',
          hint: d.type === 'single' ? 'Mark the right option with `correct: true`.' : 'Mark every right option with `correct: true`.',
        }
      : {
          message: `Single-answer question \`${d.question}\` has ${d.correct} correct options`,
          label: 'exactly one option must be correct',
          hint: 'Use `type: multiple` if learners must choose several options, or keep one `correct: true`.',
        },
  accent_contrast_low: (d: { readonly accent: string; readonly ratio: number; readonly passingShade: string }): DiagnosticText => ({
    message: `The accent colour ${d.accent} has a contrast of ${d.ratio.toFixed(2)}:1 with white; at least 4.5:1 is needed`,
    label: `${d.ratio.toFixed(2)}:1`,
    hint: `A darker shade of the same hue that passes: \`${d.passingShade}\`.`,
  }),
  asset_missing: (d: MissingFileData): DiagnosticText => missingFile('file', d),
  grading_weights_sum: (d: { readonly scale: GradingScale; readonly sum: number; readonly expected: number }): DiagnosticText => ({
    message: `The components' weights add up to ${score(d.sum, d.scale)}, not ${score(d.expected, d.scale)}`,
    label: `${score(d.sum, d.scale)} in all`,
    hint:
      d.sum < d.expected
        ? `${score(round(d.expected - d.sum), d.scale)} missing: correct a component's \`weight\`${d.scale === 'points' ? ', or `total`' : ''}.`
        : `${score(round(d.sum - d.expected), d.scale)} too many: correct a component's \`weight\`${d.scale === 'points' ? ', or `total`' : ''}.`,
  }),
  grading_bands_order: (d: { readonly grade: string; readonly min: number; readonly previous: string; readonly previousMin: number; readonly scale: GradingScale }): DiagnosticText => ({
    message:
      d.min === d.previousMin
        ? `The bands \`${d.previous}\` and \`${d.grade}\` both start at ${score(d.min, d.scale)}`
        : `The band \`${d.grade}\` starts at ${score(d.min, d.scale)}, above \`${d.previous}\` before it (${score(d.previousMin, d.scale)})`,
    label: `not below ${score(d.previousMin, d.scale)}`,
    hint: 'List the bands best first, each with a lower `min` than the band above it.',
  }),
  grading_bands_gap: (
    d:
      | { readonly kind: 'bottom'; readonly grade: string; readonly min: number; readonly scale: GradingScale }
      | { readonly kind: 'top'; readonly grade: string; readonly min: number; readonly total: number; readonly scale: GradingScale },
  ): DiagnosticText =>
    d.kind === 'bottom'
      ? {
          message: `The lowest band \`${d.grade}\` starts at ${score(d.min, d.scale)}: a total below it has no grade`,
          label: 'not 0',
          hint: `Let \`${d.grade}\` start at 0, or add a band below it with \`min: 0\`.`,
        }
      : {
          message: `The band \`${d.grade}\` starts at ${score(d.min, d.scale)}, above the highest total (${score(d.total, d.scale)})`,
          label: 'can never be earned',
          hint: `Lower its \`min\` to ${score(d.total, d.scale)} or less${d.scale === 'percent' ? '' : ', or raise `total`'}.`,
        },
  grading_item_weight_mismatch: (
    d:
      | { readonly kind: 'each'; readonly component: string; readonly each: number; readonly weight: number; readonly counted: number; readonly dropped: number; readonly scale: GradingScale }
      | { readonly kind: 'split-sum'; readonly component: string; readonly sum: number; readonly weight: number; readonly scale: GradingScale }
      | { readonly kind: 'split-missing'; readonly component: string; readonly item: string }
      | { readonly kind: 'split-drop'; readonly component: string }
      | { readonly kind: 'split-unknown'; readonly component: string; readonly item: string; readonly items: readonly string[] },
  ): DiagnosticText => {
    switch (d.kind) {
      case 'each': {
        const counted = d.dropped > 0 ? `the ${d.counted} items that count (${d.dropped} dropped)` : `its ${plural(d.counted, 'item')}`;
        return {
          message: `Each item of \`${d.component}\` is stated to weigh ${score(d.each, d.scale)}, but ${score(d.weight, d.scale)} shared among ${counted} is ${score(round(d.weight / d.counted), d.scale)} each`,
          label: `${d.counted} × ${d.each} = ${round(d.counted * d.each)}, not ${d.weight}`,
          hint: `Correct \`each\` to ${round(d.weight / d.counted)}, or the component's \`weight\` to ${round(d.counted * d.each)}, or check which items the component selects.`,
        };
      }
      case 'split-sum':
        return {
          message: `The per-item weights of \`${d.component}\` add up to ${score(d.sum, d.scale)}, not its weight of ${score(d.weight, d.scale)}`,
          label: `${score(d.sum, d.scale)} in all`,
          hint: 'Correct the per-item weights or the component’s `weight` so that they agree.',
        };
      case 'split-drop':
        return {
          message: `\`${d.component}\` drops its lowest items, but its items have weights of their own`,
          label: 'needs items of equal weight',
          hint: 'Dropped items are replaced by the others sharing the weight equally: remove `dropLowest`, or the per-item `split`.',
        };
      case 'split-missing':
        return {
          message: `The item \`${d.item}\` of \`${d.component}\` has no weight in \`split\``,
          label: `no weight for \`${d.item}\``,
          hint: `Give \`${d.item}\` its weight in \`split\`, or leave it out of the component's \`items\`.`,
        };
      case 'split-unknown':
        return {
          message: `\`split\` gives a weight to \`${d.item}\`, which is not an item of \`${d.component}\``,
          label: 'not one of the component’s items',
          hint: `The component's items: ${listIds(d.items)}.`,
        };
    }
  },
  grading_item_twice: (d: { readonly noun: string; readonly id: string; readonly through?: string; readonly component: string; readonly first: string }): DiagnosticText => ({
    message: `The ${d.noun} \`${d.id}\`${d.through ? ` (its assessment \`${d.through}\`)` : ''} is graded in \`${d.component}\` and already in \`${d.first}\``,
    label: `${d.through ? `its assessment \`${d.through}\`` : `\`${d.id}\``} is already in \`${d.first}\``,
    hint: 'Grade each item in one component only: narrow one of the two selections with `ids` or `kind`.',
  }),
  grading_selector_empty: (d: { readonly noun: string; readonly kind?: string; readonly where: 'component' | 'adjustment' | 'late' }): DiagnosticText => ({
    message: `${d.where === 'component' ? 'This component' : d.where === 'adjustment' ? 'This adjustment' : 'The late rule'} selects no ${d.kind !== undefined ? `${d.noun} of kind \`${d.kind}\`` : `${d.noun}`}: none ${d.kind !== undefined ? 'has that kind' : 'is defined'}`,
    label: 'matches nothing',
    hint: `Correct the selection, or define the ${d.noun}s it is meant to grade.`,
  }),
  grading_drop_too_many: (d: { readonly component: string; readonly drop: number; readonly count: number }): DiagnosticText => ({
    message: `\`${d.component}\` drops the lowest ${d.drop} of its ${plural(d.count, 'item')}: none would count`,
    label: `${d.count} item${d.count === 1 ? '' : 's'} in all`,
    hint: d.count > 1 ? `Lower \`dropLowest\` to ${d.count - 1} or less, or add items to the component.` : 'Remove `dropLowest`, or add items to the component.',
  }),
  grading_pass_unreachable: (d: { readonly what: 'pass' | 'requirement'; readonly min: number; readonly max: number; readonly bonuses: boolean; readonly scale: GradingScale }): DiagnosticText => ({
    message: `${d.what === 'pass' ? 'A pass' : 'A required total'} of ${score(d.min, d.scale)} can never be reached: the highest total is ${score(d.max, d.scale)}${d.bonuses ? ' with every bonus' : ''}`,
    label: `above ${score(d.max, d.scale)}`,
    hint: `Lower it to ${score(d.max, d.scale)} or less${d.scale === 'percent' ? '' : ', or check `total`'}.`,
  }),
  grade_unknown: (d: { readonly grade: string; readonly grades: readonly string[]; readonly suggestion?: string }): DiagnosticText => ({
    message: `Unknown grade \`${d.grade}\``,
    label: d.grades.length === 0 ? 'the grading has no bands' : 'not one of the bands',
    hint: d.suggestion ? `Did you mean \`${d.suggestion}\`?` : d.grades.length === 0 ? 'Add `bands:` to `grading`, or require a `total:` instead.' : `The bands: ${listIds(d.grades)}.`,
  }),
  grading_missing: (d: { readonly what: 'grade' | 'total' }): DiagnosticText => ({
    message: `This requirement names a final ${d.what}, but \`policy.yaml\` has no \`grading\``,
    label: 'no grading to refer to',
    hint: 'Add `grading:` with its components (and bands) to policy.yaml, or require items instead.',
  }),

  // ── Facts stated in the documents that disagree with the data ──────────────
  records_format_unknown: (d: { readonly path: string; readonly named?: string; readonly header?: readonly string[]; readonly kinds: readonly string[] }): DiagnosticText =>
    d.named !== undefined
      ? { message: `\`${d.named}\` is not a records format`, label: 'unknown format', hint: `Name one of ${d.kinds.map((k) => `\`${k}\``).join(', ')} after the path, e.g. \`${d.path}:${d.kinds[0]}\`.` }
      : {
          message: `The format of the records cannot be told from their first line (${d.header && d.header.length > 0 ? d.header.map((h) => `"${h}"`).join(', ') : 'empty'})`,
          label: 'no known header',
          hint: `Name the format after the path (${d.kinds.map((k) => `\`:${k}\``).join(', ')}), or export the file again with its header row.`,
        },
  records_value_invalid: (
    d:
      | { readonly kind: 'csv'; readonly problem: 'unclosed-quote' | 'text-after-quote' }
      /** Statements that are not JSON (the parser's message), or JSON that holds no statements. */
      | { readonly kind: 'json'; readonly parserMessage: string }
      | { readonly kind: 'no-statements' }
      | { readonly kind: 'score'; readonly value: string }
      /** A time of a records file (`records`), or of an xAPI statement, which must have a `Z` or an offset (`xapi`). */
      | { readonly kind: 'time'; readonly value: string; readonly standard: 'records' | 'xapi' }
      /** A value of the mapping file, or its first YAML error (`yaml`); `value` is empty where the entry has no text to show. */
      | { readonly kind: 'mapping'; readonly value: string; readonly expected: MappingShape },
  ): DiagnosticText => {
    const statements = 'an array of xAPI statements or an LRS result `{ "statements": [...] }`';
    const invalid = (format: string, problem: string, expected: string): DiagnosticText => ({
      message: `The records are not valid ${format}: ${problem}`,
      label: 'here',
      hint: `Export the file again as ${expected}, or correct it here.`,
    });
    const unreadable = (what: string, value: string, expected: string): DiagnosticText => ({
      message: `The ${what} \`${value}\` cannot be read`,
      label: `expected ${expected}`,
      hint: `Write ${expected} here, or export the file again.`,
    });
    switch (d.kind) {
      case 'csv':
        return invalid('CSV', d.problem === 'unclosed-quote' ? 'a quoted cell is not closed' : 'text follows the closing quote of a cell', 'CSV as RFC 4180 defines it');
      case 'json':
        return invalid('JSON', d.parserMessage, statements);
      case 'no-statements':
        return invalid('JSON', 'no statements', statements);
      case 'score':
        return unreadable('score', d.value, 'a number');
      case 'time':
        return unreadable('time', d.value, d.standard === 'xapi' ? 'an ISO 8601 timestamp with `Z` or an offset, as xAPI requires' : 'a date and time such as `2023-07-18T14:00+02:00`');
      case 'mapping': {
        const expected = mappingShapeWords[d.expected];
        return {
          message: d.value !== '' ? `\`${d.value}\` does not belong here in the mapping file` : 'An entry of the mapping file has the wrong form',
          label: `expected ${expected}`,
          hint: `Write ${expected} here (the README shows a whole mapping file).`,
        };
      }
    }
  },
  records_column_unknown: (d: { readonly column: string; readonly format: string }): DiagnosticText => ({
    message: `The ${d.format} column \`${d.column}\` names no item of the program`,
    label: 'not an item of the program',
    hint: `Map it under \`items:\` in the mapping file (e.g. \`"${d.column}": { module: <id> }\`), or list it under \`ignore: { columns: [...] }\`.`,
  }),
  records_learner_unknown: (d: { readonly person: string; readonly rosterFromMapping: boolean; readonly mapping?: string }): DiagnosticText => ({
    message: `\`${d.person}\` is not among the learners`,
    label: d.rosterFromMapping ? 'not in the mapping’s learners' : 'matches no learner of the gradebook or statements',
    hint: d.mapping
      ? `Add \`${d.person}\` to the \`also:\` of the learner it is in ${d.mapping}, or list it under \`ignore: { people: [...] }\`.`
      : `Give a mapping file (\`--map\`) whose \`learners:\` list \`${d.person}\` under \`also:\`, or under \`ignore: { people: [...] }\`.`,
  }),
  records_item_unknown: (d: { readonly name: string; readonly category: 'module' | 'assignment' | 'session' | 'exam' | 'assessment'; readonly known: readonly string[]; readonly noSessionAtTime?: boolean; readonly forFile?: string }): DiagnosticText =>
    d.noSessionAtTime
      ? { message: `No live session of the program takes place at ${d.name}`, label: 'no session at this time', hint: 'Map the meeting id to a session under `sessions:` in the mapping file, or check the time zone given for the export.' }
      : d.forFile !== undefined
        ? { message: `The quiz report needs the module it is about, and \`${d.name}\` is none`, label: 'no module named', hint: `Name the module after the format: \`${d.forFile}:moodle-quiz=<module id>\`${d.known.length > 0 ? ` (one of ${d.known.slice(0, 3).map((k) => `\`${k}\``).join(', ')}${d.known.length > 3 ? ', …' : ''})` : ''}.` }
        : {
            message: `\`${d.name}\` is no ${d.category} of the program`,
            label: `unknown ${d.category}`,
            hint: `Use one of ${d.known.slice(0, 3).map((k) => `\`${k}\``).join(', ')}${d.known.length > 3 ? ', …' : ''}, or map the name to an item under \`items:\` in the mapping file.`,
          },
  records_row_duplicate: (d: { readonly what: string }): DiagnosticText => ({
    message: `\`${d.what}\` appears a second time`,
    label: 'repeated',
    hint: 'Remove one of the two, or export the file again.',
  }),
  records_score_out_of_range: (d: { readonly score: string; readonly max: number; readonly scaled?: boolean }): DiagnosticText => ({
    message: d.scaled ? `The scaled score ${d.score} is outside -1 to 1` : `The score ${d.score} is outside 0 to ${d.max}`,
    label: 'out of range',
    hint: d.scaled ? 'Correct the statement: xAPI scaled scores lie between -1 and 1.' : `Correct the score, or give the column's maximum as \`max:\` under \`items:\` in the mapping file (it is ${d.max} now).`,
  }),
  records_time_zone_missing: (d: { readonly value: string; readonly format: string }): DiagnosticText => ({
    message: `A time in the ${d.format} names no time zone, and none was given for it`,
    label: `\`${d.value}\`: local time without a zone`,
    hint: 'Give the zone the export was made in: `--zone Europe/Madrid` or `timeZone: Europe/Madrid` in the mapping file.',
  }),
  records_other_course: (d: { readonly object: string; readonly iri: string }): DiagnosticText => ({
    message: `The statement is about \`${d.object}\`, which is not under this program's \`${d.iri}\``,
    label: 'another course',
    hint: 'Query the LRS for this program’s activities only; the statement is not counted.',
  }),
  end_date_before_last_item: (d: {
    readonly end: string;
    /** The last scheduled day, and what is scheduled then. */
    readonly last: string;
    readonly lastItem: ScheduledThing;
    /** How many scheduled items end after the stated end date. */
    readonly itemsAfter: number;
  }): DiagnosticText => ({
    message: `The program is stated to end on ${d.end}, but its schedule goes on until ${d.last} (${scheduledThingWords(d.lastItem)})`,
    label: `${d.itemsAfter} scheduled item${d.itemsAfter === 1 ? '' : 's'} end${d.itemsAfter === 1 ? 's' : ''} after this date`,
    hint: `If the documents are right about the schedule, set \`end: ${d.last}\`; otherwise correct the schedule.`,
  }),
  stated_count_mismatch: (
    d:
      | { readonly kind: 'program'; readonly stated: number; readonly what: string; readonly itemKind?: string; readonly quote: string; readonly actual: number }
      | { readonly kind: 'choice'; readonly stated: number; readonly listed: number },
  ): DiagnosticText => {
    if (d.kind === 'choice') {
      const listed = plural(d.listed, 'option');
      return {
        message: `The choice is stated to be from ${d.stated} options, but ${listed} ${d.listed === 1 ? 'is' : 'are'} listed`,
        label: `${listed} listed`,
        hint: 'Correct `from`, or list every option.',
      };
    }
    const thing = `${d.what}${d.itemKind ? ` of kind \`${d.itemKind}\`` : ''}`;
    return {
      message: `The documents state ${d.stated} ${thing} ("${d.quote}"), but ${d.actual} ${d.actual === 1 ? 'is' : 'are'} defined`,
      label: `${d.actual} defined`,
      hint: `Correct the stated count (and the text that says it), or define ${d.stated > d.actual ? 'the missing' : 'fewer'} ${d.what}.`,
    };
  },
  effort_mismatch: (d: { readonly stated: number; readonly sum: number }): DiagnosticText => ({
    message: `The stated total effort is ${d.stated} hours, but the module workloads add up to ${d.sum} hours`,
    label: `${Math.round((Math.abs(d.sum - d.stated) / d.stated) * 100)} % ${d.sum > d.stated ? 'more' : 'less'} than stated`,
    hint: 'Correct the stated total or the workloads of the modules.',
  }),
  week_start_irregular: (d: {
    readonly week: string;
    readonly start: string;
    readonly previous: string;
    readonly previousStart: string;
    /** Days between the two starts. */
    readonly gap: number;
    /** The start a weekly rhythm gives, and how many days later (positive) or earlier the week starts. */
    readonly expected: string;
    readonly shift: number;
    /** The day before the week starts: the end of a break that would explain a later start. */
    readonly dayBefore: string;
  }): DiagnosticText => ({
    message: `${d.week} starts on ${d.start}, ${plural(d.gap, 'day')} after ${d.previous} (${d.previousStart}); ${plural(Math.abs(d.shift), 'day')} ${d.shift > 0 ? 'later' : 'earlier'} than a weekly rhythm gives (${d.expected})`,
    label: `${plural(Math.abs(d.shift), 'day')} ${d.shift > 0 ? 'later' : 'earlier'} than expected`,
    hint:
      d.shift > 0
        ? `If the gap is a holiday, declare it under \`breaks:\` (e.g. starts: ${d.expected}, ends: ${d.dayBefore}); otherwise correct the date.`
        : `Correct the date, or the start of ${d.previous}.`,
  }),
  deadline_implicit: (d: { readonly assignment: string; readonly end: string; readonly scheduleKnown: boolean }): DiagnosticText => ({
    message: `The required assignment \`${d.assignment}\` has no deadline; the program end date (${d.end}) is used`,
    label: 'no deadline in schedule.yaml',
    hint: `Add a deadline for \`${d.assignment}\` under \`deadlines:\` in schedule.yaml${d.scheduleKnown ? '' : ' (the program has no readable schedule)'}.`,
  }),
} satisfies { readonly [C in DiagnosticCode]: (data: never) => DiagnosticText };

/** The data a code's message is written from. */
export type DiagnosticData = { readonly [C in DiagnosticCode]: Parameters<(typeof messages)[C]>[0] };

/** The words of a diagnostic of code `code` about `data`. */
export function diagnosticText<C extends DiagnosticCode>(code: C, data: DiagnosticData[C]): DiagnosticText {
  // Each function accepts its own code's data, which the signature ties to `code`.
  const write = messages[code as DiagnosticCode] as (data: unknown) => DiagnosticText;
  return write(data);
}

interface ClockChange {
  /** The clock time at which the change happens, and the time the clocks are set to. */
  readonly from: string;
  readonly to: string;
}

/** What a missing required document holds at the least, after "Create `<file>`;". */
const missingDocumentContent = {
  program: 'it names the program, its dates, time zone and organizers.',
  schedule: 'it can start with the weeks or periods in which the modules are studied, e.g. `weeks: [{ week: 1, starts: 2024-03-04, modules: [intro] }]`.',
  policy: 'it says what earns the certificate, e.g. `certificate: { title: Certificate of Completion, requires: { modules: all } }`.',
} as const;

function missingFile(what: string, d: MissingFileData): DiagnosticText {
  if (d.problem === 'read-failed') return { message: `Cannot read \`${d.written}\`: ${d.reason}` };
  return {
    message: d.problem === 'missing' ? `The ${what} \`${d.written}\` does not exist` : `The ${what} \`${d.written}\` cannot be read: ${d.reason}`,
    label: d.problem === 'missing' ? 'no such file in the program folder' : 'unreadable',
    hint: d.suggestion
      ? `Did you mean \`${d.suggestion}\`? Paths are relative to the program folder.`
      : `Paths are relative to the program folder: this one names \`${d.resolved}\`.`,
  };
}

/** What a pattern of the schemas stands for (validate/schema-errors.ts tells it by the pattern's source). */
export type PatternForm = 'id' | 'date-or-date-time' | 'local-date-time' | 'date' | 'colour' | 'web-address' | 'currency' | 'country' | 'language' | 'phone' | 'path' | 'other';

/** A rule of the schemas that a value broke, with the facts its words need. */
export type ConstraintRule =
  | { readonly keyword: 'pattern'; readonly form: PatternForm }
  | { readonly keyword: 'format'; readonly format: string }
  | { readonly keyword: 'minimum' | 'exclusiveMinimum' | 'maximum' | 'exclusiveMaximum'; readonly limit: string }
  | { readonly keyword: 'minLength' | 'minProperties' }
  | { readonly keyword: 'maxLength'; readonly limit: string }
  | { readonly keyword: 'minItems'; readonly limit: number; readonly count: number }
  /** A rule no words are written for: the schema validator's own words for it, and the schema's title. */
  | { readonly keyword: 'other'; readonly rule: string; readonly title?: string };

const patternWords: Readonly<Record<PatternForm, readonly [what: string, hint?: string]>> = {
  id: ['a valid id', 'Ids use lowercase letters, digits and single hyphens, and start with a letter, e.g. `identifying-risks`.'],
  'date-or-date-time': ['a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)', 'Write a date as 2023-07-19, or a date and time as 2023-07-19T17:00.'],
  'local-date-time': ['a local date and time (YYYY-MM-DDTHH:MM)', 'Write the date and time as 2023-07-03T09:00, without an offset, and give the zone in `timeZone`.'],
  date: ['a date (YYYY-MM-DD)', 'Write dates as year-month-day, e.g. 2023-03-20.'],
  colour: ['a colour (#rrggbb)', 'Write the colour as # and six hexadecimal digits, e.g. #1f5fa8.'],
  'web-address': ['a web address', 'Write the full address starting with https://.'],
  currency: ['an ISO 4217 currency code', 'Use three capital letters, e.g. EUR.'],
  country: ['an ISO 3166 country code', 'Use two capital letters, e.g. KR.'],
  language: ['a BCP 47 language tag', 'Use a tag such as `en`, `ko` or `pt-PT`.'],
  phone: ['a phone number', 'Write digits with the country code, e.g. +82 2 3488 2059.'],
  path: ['a valid path', 'Use `/` to separate folders, e.g. `content/intro.md`.'],
  other: ['in the expected form'],
};

function constraintWords(rule: ConstraintRule, shown: string, forWhere: string): { message: string; label: string; hint?: string } {
  switch (rule.keyword) {
    case 'pattern': {
      const [what, hint] = patternWords[rule.form];
      return { message: `${shown} is not ${what}${forWhere}`, label: `not ${what}`, ...(hint ? { hint } : {}) };
    }
    case 'format': {
      const name = { uri: 'web address', email: 'email address', date: 'date' }[rule.format] ?? rule.format;
      const hint = rule.format === 'email' ? 'Write the address as name@example.org.' : rule.format === 'uri' ? 'Write the full address starting with https://, without spaces.' : undefined;
      return { message: `${shown} is not a valid ${name}${forWhere}`, label: `not a valid ${name}`, ...(hint ? { hint } : {}) };
    }
    case 'minimum':
    case 'exclusiveMinimum': {
      const bound = `${rule.keyword === 'minimum' ? 'at least' : 'more than'} ${rule.limit}`;
      return { message: `${shown} is too small${forWhere}: it must be ${bound}`, label: `must be ${bound}` };
    }
    case 'maximum':
    case 'exclusiveMaximum': {
      const bound = `${rule.keyword === 'maximum' ? 'at most' : 'less than'} ${rule.limit}`;
      return { message: `${shown} is too large${forWhere}: it must be ${bound}`, label: `must be ${bound}` };
    }
    case 'minLength':
      return { message: `The text${forWhere} is empty`, label: 'empty text', hint: 'Write the text, or remove the key.' };
    case 'maxLength':
      return { message: `The text${forWhere} is longer than ${rule.limit} characters`, label: `more than ${rule.limit} characters`, hint: 'Shorten it.' };
    case 'minItems':
      return {
        message: rule.count === 0 ? `The list${forWhere} is empty` : `The list${forWhere} has ${rule.count} item${rule.count === 1 ? '' : 's'}; it needs at least ${rule.limit}`,
        label: rule.count === 0 ? 'empty list' : `at least ${rule.limit} items needed`,
        hint: rule.count === 0 ? 'Add at least one item, or remove the key.' : `Add ${rule.limit - rule.count} more.`,
      };
    case 'minProperties':
      return { message: `The mapping${forWhere} is empty`, label: 'empty mapping', hint: 'Fill in at least one key, or remove the mapping.' };
    case 'other':
      return { message: `${shown} is not valid${forWhere}: ${rule.rule}${rule.title ? ` (${rule.title})` : ''}`, label: 'not valid' };
  }
}

/** Why a text is no `YYYY-MM-DD` date (as time/dates.ts finds it): not in that form, a month past 12, or a day its month does not have (`last` is its last). */
type DateProblem =
  | { readonly kind: 'form' }
  | { readonly kind: 'month'; readonly month: number; readonly day: number }
  | { readonly kind: 'day'; readonly year: number; readonly month: number; readonly day: number; readonly last: number };

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why `text` is no date, and the next step: the month's last day, or the order of the parts. */
function dateProblemWords(text: string, problem: DateProblem): { message: string; hint?: string } {
  switch (problem.kind) {
    case 'form':
      return { message: capitalize(`\`${text}\` is not a date in the form YYYY-MM-DD`) };
    case 'month': {
      const [year, month, day] = text.split('-');
      const swapped = problem.day >= 1 && problem.day <= 12 ? `; if ${problem.month} is the day, write ${year}-${day}-${month}` : '';
      return { message: capitalize(`\`${text}\` has no month ${problem.month}: months run from 01 to 12`), hint: `Dates are written year-month-day${swapped}.` };
    }
    case 'day': {
      const message = capitalize(`\`${text}\` does not exist: ${monthNames[problem.month - 1]} ${problem.year} has ${problem.last} days`);
      if (problem.day <= problem.last) return { message };
      return { message, hint: `The last day of that month is ${text.slice(0, 8)}${String(problem.last).padStart(2, '0')}.` };
    }
  }
}

/** A thing of the schedule that has dates, named by a diagnostic: one week or a run of weeks, or a period, session, exam or deadline by its id. */
export type ScheduledThing =
  | { readonly kind: 'week'; readonly first: number; readonly last: number }
  | { readonly kind: 'period' | 'session' | 'exam' | 'deadline'; readonly id: string };

/** `week 3`, `weeks 13–16`, ``the session `kickoff` ``: a noun phrase, in lower case. */
export function scheduledThingWords(thing: ScheduledThing): string {
  if (thing.kind === 'week') return thing.first === thing.last ? `week ${thing.first}` : `weeks ${thing.first}–${thing.last}`;
  return `the ${thing.kind} \`${thing.id}\``;
}

/** Whether the thing's verb takes the plural (`weeks 13–16 end`). */
export function scheduledThingIsPlural(thing: ScheduledThing): boolean {
  return thing.kind === 'week' && thing.first !== thing.last;
}

/** What a place of a records mapping file (evaluate/mapping.ts) must hold. */
export type MappingShape =
  | 'yaml'
  | 'file'
  | 'texts'
  | 'time-zone'
  | 'learners'
  | 'learner'
  | 'learner-id'
  | 'items'
  | 'item-target'
  | 'item-max'
  | 'item-key'
  | 'sessions'
  | 'ignore'
  | 'ignore-key'
  | 'file-key';

const mappingShapeWords: Readonly<Record<MappingShape, string>> = {
  yaml: 'YAML',
  file: 'a mapping with `timeZone`, `learners`, `items`, `sessions` or `ignore`',
  texts: 'a text or a list of texts',
  'time-zone': 'an IANA time zone such as `Europe/Madrid`',
  learners: 'a list of learners, each with `id` and `name` or `email`',
  learner: 'a learner: `{ id, name, email, also }`',
  'learner-id': 'a learner with an `id`',
  items: 'a mapping from a column or activity name to `{ module | assignment | session: id }`',
  'item-target': '`{ module: <id> }`, `{ assignment: <id> }` or `{ session: <id> }`',
  'item-max': 'a positive number, the most points the column can hold',
  'item-key': '`module`, `assignment`, `session`, `exam`, `assessment` or `max`',
  sessions: 'a mapping from a meeting id to a session id',
  ignore: '`{ columns: [...], people: [...] }`',
  'ignore-key': '`columns` or `people`',
  'file-key': '`timeZone`, `learners`, `items`, `sessions` or `ignore`',
};

/** What to do about a YAML error the parser words itself, told by the line it is on and the parser's error code. */
export type YamlAdvice =
  | { readonly kind: 'space-after-colon'; readonly key: string; readonly value: string }
  | { readonly kind: 'quote-special-start' | 'close' | 'indent' | 'implicit-key' };

function yamlAdviceWords(advice: YamlAdvice): string {
  switch (advice.kind) {
    case 'space-after-colon':
      return `Put a space after the colon: \`${advice.key}: ${advice.value}\`.`;
    case 'quote-special-start':
      return 'Put values that start with a special character in quotes.';
    case 'close':
      return 'Close the quote, bracket or brace that was opened.';
    case 'indent':
      return 'Align the line with its siblings, using spaces.';
    case 'implicit-key':
      return 'Check the indentation of the next lines: the keys of one mapping start in the same column, and a line indented further continues the value above it.';
  }
}

/** The parser's own message as a diagnostic message: capitalised, without a closing full stop. */
function parserSentence(message: string): string {
  const trimmed = message.replace(/\.$/, '');
  return capitalize(trimmed);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "3 days", "1 day". */
type GradingScale = 'percent' | 'points';

/** A total or weight on its scale: "60 %" or "600 points". */
function score(n: number, scale: GradingScale): string {
  return scale === 'percent' ? `${round(n)} %` : plural(round(n), 'point');
}

/** At most two decimals, without trailing zeros. */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "`a`, `b` and `c`". */
function listKeys(keys: readonly string[]): string {
  const quoted = keys.map((k) => `\`${k}\``);
  return quoted.length <= 2 ? quoted.join(' and ') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** The first eight ids, then how many more. */
function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 8).map((id) => `\`${id}\``);
  return ids.length > 8 ? `${shown.join(', ')} and ${ids.length - 8} more` : shown.join(', ');
}
