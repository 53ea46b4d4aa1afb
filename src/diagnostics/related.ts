/**
 * The second places a diagnostic points to (where a duplicate was first defined, the start
 * of a period that ends before it), as data. A call site names the place's role and its
 * facts, as it does for the message (messages.ts); `relatedText` words them, so a role
 * reads the same wherever it is reported.
 */
import type { RelatedLocation, SourceRange } from './diagnostic.ts';
import { scheduledThingIsPlural, scheduledThingWords, type ScheduledThing } from './messages.ts';

/** Where a namespace comes from (resolve/namespaces.ts): written in the program, its LMS IRI, the catalog's, or its id alone. */
export type NamespaceSource = 'program' | 'lms' | 'catalog' | 'fallback';

export type RelatedNote =
  /** The first of two things with one id or key: a definition, a row, a YAML key, a list item. */
  | { readonly role: 'first-defined'; readonly id?: string }
  | { readonly role: 'first-set'; readonly key: string }
  | { readonly role: 'first-listed' }
  /** A slot of the schedule, where the module or entry was placed first (`first`) or at all. */
  | { readonly role: 'scheduled'; readonly first: boolean }
  /** The start of the period that ends too early. */
  | { readonly role: 'start' }
  | { readonly role: 'program-start' }
  | { readonly role: 'minimum' }
  | { readonly role: 'exam-end' }
  | { readonly role: 'first-week' }
  | { readonly role: 'break'; readonly id: string }
  | { readonly role: 'ends'; readonly id: string }
  /** The schedule's entry before this one, named by its week (`week 3`, `the week of 2026-03-02`). */
  | { readonly role: 'entry-before'; readonly week: string }
  | { readonly role: 'bank-size'; readonly bank: string; readonly size: number }
  /** One step of a cycle of prerequisites. */
  | { readonly role: 'requires'; readonly id: string; readonly next: string }
  | { readonly role: 'graded-in'; readonly item: string; readonly component: string }
  /** A dated item of the program: on one day (`first` = `last`) or ending on `last`. */
  | { readonly role: 'dated-item'; readonly what: ScheduledThing; readonly first: string; readonly last: string }
  | { readonly role: 'namespace-of'; readonly program: string; readonly source: NamespaceSource };

/** A second place, as a call site gives it: its role and facts, and where it is. */
export type RelatedPlace = RelatedNote & { readonly file: string; readonly range?: SourceRange };

export function relatedText(note: RelatedNote): string {
  switch (note.role) {
    case 'first-defined':
      return note.id === undefined ? 'first here' : `\`${note.id}\` is first defined here`;
    case 'first-set':
      return `\`${note.key}\` is first set here`;
    case 'first-listed':
      return 'first listed here';
    case 'scheduled':
      return note.first ? 'first scheduled here' : 'scheduled here';
    case 'start':
      return 'the start';
    case 'program-start':
      return 'the program start date';
    case 'minimum':
      return 'the minimum';
    case 'exam-end':
      return 'the end of the exam';
    case 'first-week':
      return 'the first week';
    case 'break':
      return `the break \`${note.id}\``;
    case 'ends':
      return `\`${note.id}\` ends here`;
    case 'entry-before':
      return `the entry before it, ${note.week}`;
    case 'bank-size':
      return `the bank \`${note.bank}\` holds ${note.size} question${note.size === 1 ? '' : 's'}`;
    case 'requires':
      return `\`${note.id}\` requires \`${note.next}\``;
    case 'graded-in':
      return `\`${note.item}\` is graded in \`${note.component}\` here`;
    case 'dated-item': {
      const plural = scheduledThingIsPlural(note.what);
      return `${scheduledThingWords(note.what)} ${note.first === note.last ? (plural ? 'are on' : 'is on') : plural ? 'end' : 'ends'} ${note.last}`;
    }
    case 'namespace-of':
      switch (note.source) {
        case 'program':
          return `the namespace of \`${note.program}\``;
        case 'lms':
          return `the \`lms.iri\` of \`${note.program}\`, its namespace`;
        case 'catalog':
          return `\`${note.program}\` gets this namespace from catalog.yaml's and its id`;
        case 'fallback':
          return `\`${note.program}\` declares no namespace and gets this one from its id`;
      }
  }
}

/** A second place as a diagnostic carries it: worded, with where it is. */
export function relatedLocation(place: RelatedPlace): RelatedLocation {
  return { message: relatedText(place), file: place.file, ...(place.range ? { range: place.range } : {}) };
}
