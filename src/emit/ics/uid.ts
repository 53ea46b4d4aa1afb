import type { EventKind } from './events.ts';

/**
 * An event's UID: `<kind>-<item id>@<program id>.<host of the site>`. It derives from ids
 * only (never from titles, dates or build time), so that a rebuilt calendar updates the
 * events a subscriber already has instead of adding copies. Ids are kebab-case
 * (schema-checked), so the UID needs no escaping.
 */
export function eventUid(kind: EventKind, itemId: string, programId: string, siteUrl: string): string {
  return `${kind}-${itemId}@${programId}.${new URL(siteUrl).hostname}`;
}

/** A week entry's id in UIDs: its number, or `first-last` for an entry of several weeks. */
export function weekId(w: { readonly first: number; readonly last: number }): string {
  return w.first === w.last ? `${w.first}` : `${w.first}-${w.last}`;
}
