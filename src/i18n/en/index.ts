import { calendar } from './calendar.ts';
import { common } from './common.ts';
import { grading } from './grading.ts';
import { lmsPackage } from './package.ts';
import { policy } from './policy.ts';
import { site } from './site.ts';

/**
 * The English interface strings. Each output area keeps its strings in its own file,
 * so that a translation can be written (and reviewed) one area at a time.
 */
export const en = { common, policy, grading, site, calendar, lmsPackage } as const;
