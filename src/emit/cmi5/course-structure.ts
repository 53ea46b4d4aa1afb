/**
 * The cmi5 course structure (`cmi5.xml`). Course, block and AU ids are absolute IRIs
 * under the program's base IRI (`curriculum.lms.iri`: its namespace unless `lms.iri`
 * says otherwise), derived from the YAML ids, so they stay the same across versions and
 * wherever the site is published. Every AU states `moveOn` (its default,
 * NotApplicable, would count the AU as done at once); an assessed AU has its pass mark
 * as `masteryScore` (0 to 1) and moveOn CompletedAndPassed; the AU URL is relative and
 * carries no query string, so it cannot clash with the launch parameters.
 */
import type { Curriculum, Module } from '../../model/types.ts';
import { cmi5Iris } from '../../model/identity.ts';
import { scoPagePath } from '../package/layout.ts';
import { programOutline, type PackageScope } from '../package/outline.ts';
import { masteryScaled } from '../package/pass-mark.ts';
import { oneLine, oneParagraph } from '../package/text.ts';
import { element, xmlDocument, type XmlElement } from '../package/xml.ts';

const namespace = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

/** The launch parameters an LMS adds to the AU URL (cmi5 §8.1); the URL must not use them. */
export const reservedLaunchParameters = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

/** The IRIs of a program's things live with the model's other identifiers, where the records of `curriculum evaluate` are matched against them too. */
export { cmi5Iris };

/** How an AU is satisfied: passed (and completed) with an assessment, completed (viewed) without. */
export function moveOnOf(module: Module): 'CompletedAndPassed' | 'Completed' {
  return module.assessment ? 'CompletedAndPassed' : 'Completed';
}

function langstring(language: string, text: string): XmlElement {
  return element('langstring', { lang: language }, text);
}

function textElement(name: 'title' | 'description', language: string, text: string): XmlElement {
  return element(name, {}, langstring(language, oneLine(text)));
}

function moduleDescription(module: Module): string {
  return module.summary || oneParagraph(module.description) || module.title;
}

function au(curriculum: Curriculum, module: Module): XmlElement {
  const language = curriculum.program.language;
  return element(
    'au',
    {
      id: cmi5Iris.au(curriculum, module.id),
      moveOn: moveOnOf(module),
      masteryScore: module.assessment ? masteryScaled(module.assessment) : undefined,
      launchMethod: 'AnyWindow',
    },
    textElement('title', language, module.title),
    textElement('description', language, moduleDescription(module)),
    element('url', {}, scoPagePath(module.id)),
  );
}

function programDescription(curriculum: Curriculum): string {
  const p = curriculum.program;
  return p.summary || p.subtitle || p.title;
}

/** The course structure of the program package or of one module's package. */
export function cmi5CourseStructure(curriculum: Curriculum, scope: PackageScope, modules: readonly Module[]): string {
  const language = curriculum.program.language;
  let course: XmlElement;
  let content: XmlElement[];
  if (scope.kind === 'module') {
    const module = modules[0]!;
    course = element('course', { id: cmi5Iris.moduleCourse(curriculum, module.id) }, textElement('title', language, module.title), textElement('description', language, moduleDescription(module)));
    content = [au(curriculum, module)];
  } else {
    course = element('course', { id: cmi5Iris.course(curriculum) }, textElement('title', language, curriculum.program.title), textElement('description', language, programDescription(curriculum)));
    content = programOutline(curriculum).flatMap((group) =>
      group.phase
        ? [
            element(
              'block',
              { id: cmi5Iris.block(curriculum, group.phase.id) },
              textElement('title', language, group.phase.title),
              textElement('description', language, group.phase.description ? oneParagraph(group.phase.description) : group.phase.title),
              group.modules.map((m) => au(curriculum, m)),
            ),
          ]
        : group.modules.map((m) => au(curriculum, m)),
    );
  }
  return xmlDocument(element('courseStructure', { xmlns: namespace }, course, content));
}
