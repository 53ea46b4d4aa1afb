/**
 * Identifiers in packages. They are derived from the YAML ids only (never random, never
 * per build) so that a re-uploaded package keeps learners' records: LMSs match tracking
 * data to items, resources and AUs by these identifiers.
 */

/** The characters an xs:ID (an NCName) may hold, restricted to ASCII. */
const ncNameChar = /[^A-Za-z0-9._-]/g;

/**
 * An xs:ID made of parts joined with `.`: `crisis-scro.identifying-risks-in-scs`.
 * Model ids are already kebab-case and start with a letter; anything else is replaced
 * by `_`, and an id that would start with a digit, `-` or `.` gets a leading `_`.
 */
export function xsId(...parts: readonly string[]): string {
  const joined = parts.map((p) => p.replace(ncNameChar, '_')).join('.');
  return /^[A-Za-z_]/.test(joined) ? joined : `_${joined}`;
}

/** Throws when two different things got the same identifier in one document. */
export function assertUniqueIds(ids: readonly string[], where: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`${where}: the identifier ${id} is used twice`);
    seen.add(id);
  }
}
