/** How bad a problem is: errors stop a build, warnings do not (unless `--strict`). */
export type Severity = 'error' | 'warning';

/** Errors sort before warnings: they are what stops a build. */
export const severityRank: Readonly<Record<Severity, number>> = { error: 0, warning: 1 };
