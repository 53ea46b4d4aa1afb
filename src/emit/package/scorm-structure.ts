/**
 * What SCORM 1.2 and SCORM 2004 manifests share: the identifiers, the organization
 * (one root item, a cluster per phase, one SCO item per module) and the resources (one
 * SCO resource per module depending on one shared asset resource). Each format adds its
 * own parts through hooks: the mastery score in 1.2, sequencing in 2004.
 */
import type { Curriculum, Module, Phase } from '../../model/types.ts';
import { createHash } from 'node:crypto';
import { packageFiles } from './files.ts';
import { xsId } from './ids.ts';
import { packageUrl, programFilePath, scoPagePath, scriptPath, stylesheetPath } from './layout.ts';
import { programOutline, type PackageScope } from './outline.ts';
import { element, type XmlElement } from './xml.ts';

/**
 * The identifiers of a program's things. They are the same in the program package and
 * in a module's own package, and the same from one build to the next, because LMSs key
 * learners' records to them.
 */
export const scormIds = {
  manifest: (program: string, module?: string) => (module ? xsId(program, module) : xsId(program)),
  organization: (program: string) => xsId('org', program),
  root: (program: string) => xsId('item', program),
  phase: (program: string, phase: string) => xsId('phase', program, phase),
  item: (program: string, module: string) => xsId('item', program, module),
  resource: (program: string, module: string) => xsId('res', program, module),
  assets: (program: string) => xsId('res', program, 'assets'),
  /**
   * The asset resource of a program file that several SCOs show. Named by a hash of the
   * file's path: the path itself may hold characters an xs:ID cannot, and replacing them
   * could give two paths one identifier.
   */
  file: (program: string, file: string) => xsId('res', program, 'file', createHash('sha256').update(file).digest('hex').slice(0, 16)),
  /** A SCORM 2004 objective ID (xs:anyURI, local to the activity). */
  objective: (program: string, module: string) => xsId('obj', program, module),
};

/** How a format writes the parts that differ. */
export interface ScormFlavour {
  /** `adlcp:scormtype` (1.2) or `adlcp:scormType` (2004). */
  readonly scormTypeAttribute: 'adlcp:scormtype' | 'adlcp:scormType';
  readonly title: (text: string) => XmlElement;
  /** What follows the title of a SCO's item (mastery score, sequencing). */
  readonly scoItemExtras: (curriculum: Curriculum, module: Module) => readonly XmlElement[];
  /** What follows the child items of a cluster (the root item or a phase). */
  readonly clusterExtras: (phase?: Phase) => readonly XmlElement[];
}

function scoItem(flavour: ScormFlavour, curriculum: Curriculum, module: Module): XmlElement {
  const p = curriculum.program.id;
  return element(
    'item',
    { identifier: scormIds.item(p, module.id), identifierref: scormIds.resource(p, module.id) },
    flavour.title(module.title),
    flavour.scoItemExtras(curriculum, module),
  );
}

/**
 * The items of the organization: for the program, one root item holding a cluster per
 * phase (modules outside every phase sit directly under the root); for one module, its
 * SCO item. Either way there is one top item, which players such as Moodle's need.
 */
export function organizationItems(flavour: ScormFlavour, curriculum: Curriculum, scope: PackageScope, modules: readonly Module[]): XmlElement[] {
  const p = curriculum.program.id;
  if (scope.kind === 'module') return modules.map((m) => scoItem(flavour, curriculum, m));
  const children = programOutline(curriculum).flatMap((group) =>
    group.phase
      ? [element('item', { identifier: scormIds.phase(p, group.phase.id) }, flavour.title(group.phase.title), group.modules.map((m) => scoItem(flavour, curriculum, m)), flavour.clusterExtras(group.phase))]
      : group.modules.map((m) => scoItem(flavour, curriculum, m)),
  );
  return [element('item', { identifier: scormIds.root(p) }, flavour.title(curriculum.program.title), children, flavour.clusterExtras())];
}

/**
 * One SCO resource per module, each depending on the shared assets (the runtime script
 * and the stylesheet). A program file that one SCO of the package shows is a `<file>` of
 * that SCO's resource; one that several show is an asset resource of its own, on which
 * each of them depends, so that the manifest lists it once as the zip holds it once (the
 * ADL CAM's use of `<dependency>`: files that several resources share, listed in one
 * resource that each references instead of repeating them).
 */
export function resources(flavour: ScormFlavour, curriculum: Curriculum, modules: readonly Module[]): XmlElement {
  const p = curriculum.program.id;
  const assets = scormIds.assets(p);
  const files = packageFiles(modules);
  const fileElement = (file: string) => element('file', { href: packageUrl(programFilePath(file)) });
  const shared = [...files].filter(([, users]) => users.length > 1).map(([file]) => file);
  return element(
    'resources',
    {},
    modules.map((m) => {
      const own = [...files].filter(([, users]) => users.length === 1 && users[0] === m.id).map(([file]) => file);
      const uses = shared.filter((file) => files.get(file)!.includes(m.id));
      return element(
        'resource',
        { identifier: scormIds.resource(p, m.id), type: 'webcontent', [flavour.scormTypeAttribute]: 'sco', href: scoPagePath(m.id) },
        element('file', { href: scoPagePath(m.id) }),
        own.map(fileElement),
        element('dependency', { identifierref: assets }),
        uses.map((file) => element('dependency', { identifierref: scormIds.file(p, file) })),
      );
    }),
    element('resource', { identifier: assets, type: 'webcontent', [flavour.scormTypeAttribute]: 'asset' }, element('file', { href: scriptPath }), element('file', { href: stylesheetPath })),
    shared.map((file) => element('resource', { identifier: scormIds.file(p, file), type: 'webcontent', [flavour.scormTypeAttribute]: 'asset', href: packageUrl(programFilePath(file)) }, fileElement(file))),
  );
}

/** Every `identifier` in a tree, to check that none is used twice. */
export function identifiersIn(node: XmlElement): string[] {
  const own = typeof node.attributes?.identifier === 'string' ? [node.attributes.identifier] : [];
  return [...own, ...(node.children ?? []).flatMap((c) => (typeof c === 'string' ? [] : identifiersIn(c)))];
}
