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

/**
 * A file of the program folder that a module's Markdown shows or links, under `files/`
 * with its path in the program folder: one copy per package, however many pages show
 * it, and the same name in every package and build.
 */
export function programFilePath(file: string): string {
  return `files/${file}`;
}

/** A package path as a URL path, each segment percent-encoded (a file name may hold spaces, `#` or `?`). */
export function packageUrl(packagePath: string): string {
  return packagePath.split('/').map(encodeURIComponent).join('/');
}
