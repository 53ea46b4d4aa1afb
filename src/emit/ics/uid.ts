import { identifiers } from '../../model/identity.ts';
import type { Curriculum } from '../../model/types.ts';
import type { EventKind } from './events.ts';

/**
 * An event's UID: the event's IRI under the program's namespace,
 * `<namespace>:events:<kind>:<item id>` (`/`-separated under an http(s) namespace). It
 * derives from the namespace and ids only (never from titles, dates, build time or the
 * site's address), so that a rebuilt calendar updates the events a subscriber already
 * has instead of adding copies, also after the site moves. UID is a TEXT value: the
 * writer escapes the comma of a `tag:` namespace.
 */
export function eventUid(kind: EventKind, itemId: string, curriculum: Pick<Curriculum, 'identity'>): string {
  return identifiers.event(curriculum, kind, itemId);
}

/** A week entry's id in UIDs: its number, or `first-last` for an entry of several weeks. */
export function weekId(w: { readonly first: number; readonly last: number }): string {
  return w.first === w.last ? `${w.first}` : `${w.first}-${w.last}`;
}
