/**
 * The door between the compiler and the Astro pages in site/: everything a page,
 * component or site library may use from src/, and nothing else (a test holds site/
 * to this). What the pages need from the compiler is then visible in one place, and
 * src/ can move its internals without breaking the site.
 */
export type * from './model/types.ts';
export type { ResolvedCatalog } from './model/catalog.ts';
export { absoluteUrl, outputPaths, packageFormats, pagePaths, sitePath, type PackageFormat } from './addresses/index.ts';
export { identifiers } from './model/identity.ts';
export { eventLinks, subscribeLinks, webcalUrl, type EventLinks, type EventTemplate, type SubscribeLinks } from './addresses/index.ts';
export { deadlineSpan } from './emit/ics/model-events.ts';
export { certificateChecklist, describeRequirement, moduleAssessmentsText, modulePassText, type ChecklistItem } from './describe/policy.ts';
export { describeGrading, type GradingDescription } from './describe/grading.ts';
export { importNotes } from './emit/lms-notes/index.ts';
export { programAchievements, type ProgramAchievement } from './emit/achievements/index.ts';
export { siteDataVersion, type SiteData, type SiteProgram } from './emit/site/site-data.ts';
export { messagesFor, type Messages } from './i18n/index.ts';
export { type FootnoteLabels, markdownToHtml, markdownToInlineHtml, markdownToText, rewriteLinks, shiftHeadings } from './markdown/index.ts';
export { daysBetween } from './time/dates.ts';
export { moduleSkeletonFields, pageFinisher, pageListener, pageRecorder, siteBuild, type PageRecorder, type SiteBuild } from './emit/site/page-recorder.ts';
