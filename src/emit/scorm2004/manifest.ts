/**
 * The SCORM 2004 4th edition manifest (IMS CP 1.1.4 with the ADL CP, sequencing and
 * navigation extensions). The program is one root item with a cluster per phase; each
 * SCO with an assessment has a primary objective satisfied by measure, with the pass
 * mark as minNormalizedMeasure, and `imsss:limitConditions attemptLimit="1"` when the
 * program limits attempts (the SCO counts the program's takes inside one LMS attempt). The attribute is `adlcp:scormType` (camel case in 2004).
 * The manifest's metadata carries an IEEE LOM record inline (SCORM 2004 CAM 4th ed.,
 * 2.3.3: metadata in the LOM namespace) for LMS catalogues.
 */
import type { Curriculum, GradedItem, Grading, Module, Phase } from '../../model/types.ts';
import { assertUniqueIds } from '../package/ids.ts';
import type { PackageScope } from '../package/outline.ts';
import { catalogueEntry } from '../lom/index.ts';
import { attemptLimit, masteryScaled } from '../package/pass-mark.ts';
import { identifiersIn, organizationItems, resources, scormIds, type ScormFlavour } from '../package/scorm-structure.ts';
import { oneLine } from '../package/text.ts';
import { element, xmlDocument, type XmlElement } from '../package/xml.ts';

const namespaces = {
  xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3',
  'xmlns:adlseq': 'http://www.adlnet.org/xsd/adlseq_v1p3',
  'xmlns:adlnav': 'http://www.adlnet.org/xsd/adlnav_v1p3',
  'xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xsi:schemaLocation': [
    'http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd',
    'http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd',
    'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd',
  ].join(' '),
};

/**
 * The catalogue record in the IEEE LOM XML binding (namespace http://ltsc.ieee.org/xsd/LOM,
 * IEEE 1484.12.3): general (title, language, description, keywords; strings with their
 * language), then educational (typicalLearningTime as a duration), in the binding's
 * order. The ADL schema set declares the metadata extension point `lax`, and the LOM
 * schema is not part of it, so the record is neither referenced in schemaLocation nor
 * shipped.
 */
function lom(curriculum: Curriculum, scope: PackageScope, modules: readonly Module[]): XmlElement {
  const entry = catalogueEntry(curriculum, scope, modules);
  const langString = (text: string) => element('string', { language: entry.language }, text);
  return element(
    'lom',
    { xmlns: 'http://ltsc.ieee.org/xsd/LOM' },
    element(
      'general',
      {},
      element('title', {}, langString(entry.title)),
      element('language', {}, entry.language),
      element('description', {}, langString(entry.description)),
      entry.keywords.map((k) => element('keyword', {}, langString(k))),
    ),
    entry.typicalLearningTime !== undefined && element('educational', {}, element('typicalLearningTime', {}, element('duration', {}, entry.typicalLearningTime))),
  );
}

/**
 * Clusters let the learner choose any module in the LMS's table of contents and also
 * move with Continue / Previous (choice and flow), which is what Moodle's player and
 * most others expect.
 */
const clusterSequencing = (measureWeight?: string) =>
  element(
    'imsss:sequencing',
    {},
    element('imsss:controlMode', { choice: 'true', flow: 'true' }),
    measureWeight !== undefined && element('imsss:rollupRules', { objectiveMeasureWeight: measureWeight }),
  );

/**
 * A SCO's sequencing, children in the XSD's order. With an assessment: the attempt
 * limit, a primary objective satisfied by measure (score.scaled ≥ minNormalizedMeasure),
 * and the SCO sets completion and success itself. Without one: the SCO sets completion
 * only, and does not count toward its cluster's satisfaction (it has no pass or fail).
 */
function scoSequencing(curriculum: Curriculum, module: Module): XmlElement {
  const a = module.assessment;
  const weight = measureWeights(curriculum)?.get(module.id);
  if (!a) {
    return element(
      'imsss:sequencing',
      {},
      element('imsss:rollupRules', { rollupObjectiveSatisfied: 'false', ...(weight !== undefined ? { objectiveMeasureWeight: weight } : {}) }),
      element('imsss:deliveryControls', { completionSetByContent: 'true', objectiveSetByContent: 'false' }),
    );
  }
  // The SCO counts the program's takes in its saved state, inside one learner attempt
  // that it never ends (it always exits "suspend"). A second sequencing attempt would
  // start with empty run-time data (RTE 4.2.9 cmi.entry ab-initio) and hand out the takes
  // again, so where the program limits takes the LMS allows one attempt (SN 4th ed. UP.1
  // Limit Conditions Check); with unlimited takes a new attempt only gives more.
  const limited = attemptLimit(a) !== undefined;
  return element(
    'imsss:sequencing',
    {},
    limited && element('imsss:limitConditions', { attemptLimit: 1 }),
    weight !== undefined && element('imsss:rollupRules', { objectiveMeasureWeight: weight }),
    element(
      'imsss:objectives',
      {},
      element(
        'imsss:primaryObjective',
        { objectiveID: scormIds.objective(curriculum.program.id, module.id), satisfiedByMeasure: 'true' },
        element('imsss:minNormalizedMeasure', {}, masteryScaled(a)),
      ),
    ),
    element('imsss:deliveryControls', { completionSetByContent: 'true', objectiveSetByContent: 'true' }),
  );
}

/**
 * With a grading, each SCO's measure counts toward its cluster's by the module's share
 * of the final grade, and each phase toward the program by the shares of its modules, so
 * that the program's rolled-up measure is the weighted average of the graded modules
 * (SCORM 2004 4th ed. SN book, RB.1.1 Measure Rollup Process; `objectiveMeasureWeight`
 * is an attribute of imsss:rollupRules, a decimal from 0 to 1, 1 when absent). A module
 * graded by its own assessment is graded as the module or as that list entry; modules
 * the grading leaves out weigh 0, so that they do not dilute the average. Without a
 * grading, or when no SCO is graded, nothing is written and every child weighs 1.
 */
const weightsByCurriculum = new WeakMap<Curriculum, ReadonlyMap<string, string> | undefined>();

function measureWeights(curriculum: Curriculum): ReadonlyMap<string, string> | undefined {
  if (weightsByCurriculum.has(curriculum)) return weightsByCurriculum.get(curriculum);
  const grading = curriculum.policy.grading;
  let weights: Map<string, string> | undefined;
  if (grading) {
    const items = itemsById(grading);
    // A module's share: the items that name it, or its quiz, added in the grading's order.
    const shares = new Map<string, number>(
      curriculum.modules.map((m) => {
        if (!m.assessment) return [m.id, 0];
        const quiz = m.assessments?.find((a) => a.quiz)?.id;
        const counted = [
          ...(items.get(m.id) ?? []).filter(({ item }) => item.category === 'module'),
          ...(quiz === undefined ? [] : (items.get(quiz) ?? []).filter(({ item }) => item.category === 'assessment')),
        ].sort((a, b) => a.at - b.at);
        return [m.id, counted.reduce((sum, { item }) => sum + item.weight / 100, 0)];
      }),
    );
    if ([...shares.values()].some((w) => w > 0)) weights = new Map([...shares].map(([id, w]) => [id, decimal(w)]));
  }
  weightsByCurriculum.set(curriculum, weights);
  return weights;
}

const itemsByGrading = new WeakMap<Grading, ReadonlyMap<string, readonly { readonly item: GradedItem; readonly at: number }[]>>();

/**
 * A grading's items by the id they name, with their place in the list: a search of the items
 * per module was quadratic, and each module's package is made from a model of its own
 * (emit/piece-model.ts) that shares the program's grading.
 */
function itemsById(grading: Grading): ReadonlyMap<string, readonly { readonly item: GradedItem; readonly at: number }[]> {
  let index = itemsByGrading.get(grading);
  if (!index) {
    const made = new Map<string, { item: GradedItem; at: number }[]>();
    grading.items.forEach((item, at) => {
      const list = made.get(item.id);
      if (list) list.push({ item, at });
      else made.set(item.id, [{ item, at }]);
    });
    itemsByGrading.set(grading, (index = made));
  }
  return index;
}

/** A weight from 0 to 1 with four decimals at most, as the XSD's decimal (never in exponent form). */
function decimal(weight: number): string {
  return String(Math.min(1, Math.round(weight * 10000) / 10000));
}

function phaseWeight(curriculum: Curriculum, phase: Phase): string | undefined {
  const weights = measureWeights(curriculum);
  if (!weights) return undefined;
  return decimal(phase.moduleIds.reduce((sum, id) => sum + Number(weights.get(id) ?? 0), 0));
}

const flavour: ScormFlavour = {
  scormTypeAttribute: 'adlcp:scormType',
  title: (text) => element('title', {}, oneLine(text)),
  // In an item, imsss:sequencing follows the title and the child items.
  scoItemExtras: (curriculum, module) => [scoSequencing(curriculum, module)],
  clusterExtras: () => [clusterSequencing()],
};

/** The manifest of the program package or of one module's package. */
export function scorm2004Manifest(curriculum: Curriculum, scope: PackageScope, modules: readonly Module[]): string {
  const p = curriculum.program.id;
  const organizationTitle = scope.kind === 'program' ? curriculum.program.title : modules[0]!.title;
  const manifest = element(
    'manifest',
    { identifier: scormIds.manifest(p, scope.kind === 'module' ? scope.moduleId : undefined), version: '1', ...namespaces },
    element('metadata', {}, element('schema', {}, 'ADL SCORM'), element('schemaversion', {}, '2004 4th Edition'), lom(curriculum, scope, modules)),
    element(
      'organizations',
      { default: scormIds.organization(p) },
      element(
        'organization',
        // Objectives stay within this course: the LMS does not share them with other packages.
        { identifier: scormIds.organization(p), 'adlseq:objectivesGlobalToSystem': 'false' },
        flavour.title(organizationTitle),
        organizationItems(
          {
            ...flavour,
            clusterExtras: (phase) => [clusterSequencing(phase && phaseWeight(curriculum, phase))],
          },
          curriculum,
          scope,
          modules,
        ),
        scope.kind === 'program' && clusterSequencing(),
      ),
    ),
    resources(flavour, curriculum, modules),
  );
  assertUniqueIds(identifiersIn(manifest), `SCORM 2004 manifest of ${p}`);
  return xmlDocument(manifest);
}
