/**
 * Programs that would share their identifiers. Every stable identifier of a program
 * (calendar UIDs, cmi5 course, block and AU IRIs, credential and achievement ids) is its
 * namespace followed by a kind and an id (model/identity.ts): two programs with the same
 * namespace give the same identifier to different things as soon as both have, say, a
 * session called `orientation`, and an LMS or a calendar app then takes one for the other.
 * The namespace compared is the one in effect, however it came: written in program.yaml,
 * `lms.iri`, the catalog's namespace and the program id, or `urn:curriculum:<id>` when
 * nothing is given (so a namespace written as another program's derived one is caught).
 */
import type { Location, Reporter } from '../diagnostics/reporter.ts';
import type { NamespaceSource } from '../diagnostics/related.ts';
import { identifierUnder } from '../model/identity.ts';
import type { ValidatedDocument } from '../validate/documents.ts';
import { resolveIdentity } from './program.ts';

export interface NamespaceClaim {
  readonly program: string;
  readonly namespace: string;
  /** Where the namespace comes from: written by the designer (`program`, `lms`) or derived from the id (`catalog`, `fallback`). */
  readonly source: NamespaceSource;
  /** The written namespace, or the program's `id` when it is derived from it. */
  readonly at: Location;
}

/** The namespace a program's identifiers will use, and where that comes from in its program.yaml. */
export function namespaceClaim(document: ValidatedDocument<'program'>, catalogNamespace: string | undefined): NamespaceClaim {
  const doc = document.data;
  const { namespace } = resolveIdentity(doc, catalogNamespace);
  const [source, path]: [NamespaceClaim['source'], readonly string[]] =
    doc.namespace !== undefined ? ['program', ['namespace']] : doc.lms?.iri !== undefined ? ['lms', ['lms', 'iri']] : catalogNamespace !== undefined ? ['catalog', ['id']] : ['fallback', ['id']];
  return { program: doc.id, namespace, source, at: document.at(path) };
}

/**
 * Reports each program whose namespace an earlier one (in folder order) already has;
 * returns the ids of every program involved, first ones included: which of the two
 * should change is the designer's call, and until then neither's identifiers are its own.
 */
export function checkSharedNamespaces(claims: readonly NamespaceClaim[], reporter: Reporter): Set<string> {
  const involved = new Set<string>();
  const first = new Map<string, NamespaceClaim>();
  for (const claim of claims) {
    // Identifiers are the namespace and `/` or `:` and more: a namespace with and without its final separator gives the same ones.
    const key = identifierUnder(claim.namespace, '');
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, claim);
      continue;
    }
    involved.add(earlier.program).add(claim.program);
    // The error goes where a namespace was written, so that the fix is under the cursor: on
    // this program's, unless only the earlier one wrote its own and this one's is derived.
    const written = (c: NamespaceClaim) => c.source === 'program' || c.source === 'lms';
    const [here, there] = !written(claim) && written(earlier) ? [earlier, claim] : [claim, earlier];
    reporter.report(
      'namespace_shared',
      { namespace: here.namespace, program: here.program, other: there.program, otherDerived: !written(there) },
      here.at,
      { related: [{ role: 'namespace-of', program: there.program, source: there.source, ...there.at }] },
    );
  }
  return involved;
}
