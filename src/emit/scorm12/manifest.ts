/**
 * The SCORM 1.2 manifest (`imsmanifest.xml`, IMS CP 1.1.2 with the ADL 1.2 extensions).
 * Element order follows the XSDs; the attribute is `adlcp:scormtype` (lower case in
 * 1.2); titles hold at most 200 characters; the pass mark is `adlcp:masteryscore` in per
 * cent, which the LMS compares with `cmi.core.score.raw`. SCORM 1.2 has no attempt
 * limit: the SCO enforces it from its suspend_data. The manifest's metadata carries an
 * IMS Meta-data 1.2.1 record (`imsmd:lom`, the LOM binding SCORM 1.2 names) for LMS
 * catalogues; its schema ships with the package.
 */
import type { Curriculum, Module } from '../../model/types.ts';
import { assertUniqueIds } from '../package/ids.ts';
import type { PackageScope } from '../package/outline.ts';
import { catalogueEntry } from '../lom/index.ts';
import { masteryPercent } from '../package/pass-mark.ts';
import { identifiersIn, organizationItems, resources, scormIds, type ScormFlavour } from '../package/scorm-structure.ts';
import { clip } from '../package/text.ts';
import { element, xmlDocument, type XmlElement } from '../package/xml.ts';

const namespaces = {
  xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  'xmlns:imsmd': 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xsi:schemaLocation':
    'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd',
};

/**
 * The catalogue record in IMS Meta-data 1.2.1 (imsmd_rootv1p2p1.xsd): general (title,
 * language, description, keywords; langstrings with xml:lang), then educational (the
 * typical learning time), in the schema's order.
 */
function lom(curriculum: Curriculum, scope: PackageScope, modules: readonly Module[]): XmlElement {
  const entry = catalogueEntry(curriculum, scope, modules);
  const langstring = (text: string) => element('imsmd:langstring', { 'xml:lang': entry.language }, text);
  return element(
    'imsmd:lom',
    {},
    element(
      'imsmd:general',
      {},
      element('imsmd:title', {}, langstring(entry.title)),
      element('imsmd:language', {}, entry.language),
      element('imsmd:description', {}, langstring(entry.description)),
      entry.keywords.map((k) => element('imsmd:keyword', {}, langstring(k))),
    ),
    entry.typicalLearningTime !== undefined && element('imsmd:educational', {}, element('imsmd:typicallearningtime', {}, element('imsmd:datetime', {}, entry.typicalLearningTime))),
  );
}

/** IMS CP 1.1.2 limits titles to 200 characters. */
const titleMax = 200;

const flavour: ScormFlavour = {
  scormTypeAttribute: 'adlcp:scormtype',
  title: (text) => element('title', {}, clip(text, titleMax)),
  // After the title come the ADL elements, masteryscore last of them.
  scoItemExtras: (_curriculum, module) => (module.assessment ? [element('adlcp:masteryscore', {}, masteryPercent(module.assessment))] : []),
  clusterExtras: () => [],
};

/** The manifest of the program package or of one module's package. */
export function scorm12Manifest(curriculum: Curriculum, scope: PackageScope, modules: readonly Module[]): string {
  const p = curriculum.program.id;
  const organizationTitle = scope.kind === 'program' ? curriculum.program.title : modules[0]!.title;
  const manifest = element(
    'manifest',
    { identifier: scormIds.manifest(p, scope.kind === 'module' ? scope.moduleId : undefined), ...namespaces },
    element('metadata', {}, element('schema', {}, 'ADL SCORM'), element('schemaversion', {}, '1.2'), lom(curriculum, scope, modules)),
    element(
      'organizations',
      { default: scormIds.organization(p) },
      element('organization', { identifier: scormIds.organization(p) }, flavour.title(organizationTitle), organizationItems(flavour, curriculum, scope, modules)),
    ),
    resources(flavour, curriculum, modules),
  );
  assertUniqueIds(identifiersIn(manifest), `SCORM 1.2 manifest of ${p}`);
  return xmlDocument(manifest);
}
