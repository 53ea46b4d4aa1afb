/**
 * Where files sit inside a package. Every format uses the same layout, so a SCO page
 * links its assets the same way in SCORM 1.2, SCORM 2004 and cmi5 packages.
 */

/** The shared stylesheet, once per package. */
export const stylesheetPath = 'assets/sco.css';

/** The shared runtime script, once per package. */
export const scriptPath = 'assets/sco.js';

/** A module's SCO / AU page. */
export function scoPagePath(moduleId: string): string {
  return `modules/${moduleId}/index.html`;
}

/** A path relative to a SCO page (pages sit two folders deep). */
export function fromScoPage(packagePath: string): string {
  return `../../${packagePath}`;
}
