/**
 * The files of the program folder that the modules' Markdown shows or links (images,
 * PDFs), in the packages: each under `files/` once per package, each page pointing to it
 * relatively, each listed in the manifest by the resources that use it.
 */
import { rewriteLinks, unwrapLinks } from '../../markdown/index.ts';
import type { LinkTargets, Module } from '../../model/types.ts';
import { fromScoPage, packageUrl, programFilePath } from './layout.ts';

/** The program files a module's page shows or links, in code-unit order. */
export function moduleFiles(module: Module): string[] {
  const files = new Set<string>();
  for (const targets of [module.links?.description, module.links?.content]) {
    for (const target of Object.values(targets ?? {})) if ('file' in target) files.add(target.file);
  }
  return [...files].sort(byCodeUnit);
}

/** Each file the modules of a package use, with the ids of the modules that use it, in file order. */
export function packageFiles(modules: readonly Module[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const m of modules) for (const file of moduleFiles(m)) users.set(file, [...(users.get(file) ?? []), m.id]);
  return new Map([...users].sort(([a], [b]) => byCodeUnit(a, b)));
}

/**
 * Points the relative images and links of a SCO page's rendered Markdown to the files'
 * copies in the package. A link to a file opens in a new window: followed in place, it
 * would unload the SCO from the LMS's frame and end its session. A link to another module
 * becomes its text: in an LMS each module is an activity of its own, reached from the
 * course page, and a module's own package does not hold the others.
 */
export function withPackageFiles(html: string, targets: LinkTargets | undefined): string {
  if (!targets) return html;
  const rewritten = rewriteLinks(html, (written) => {
    const target = targets[written];
    if (!target || !('file' in target)) return undefined;
    const fragment = /#.*$/s.exec(written)?.[0] ?? '';
    return fromScoPage(packageUrl(programFilePath(target.file))) + fragment;
  });
  const prefix = fromScoPage(programFilePath(''));
  return unwrapLinks(rewritten, (written) => {
    const target = targets[written];
    return target !== undefined && 'module' in target;
  }).replace(/<a href="([^"]*)"/g, (whole, href: string) => (href.startsWith(prefix) ? `${whole} target="_blank" rel="noopener"` : whole));
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
