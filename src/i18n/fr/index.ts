import type { Messages } from '../messages.ts';
import { calendar } from './calendar.ts';
import { common } from './common.ts';
import { credentials } from './credentials.ts';
import { grading } from './grading.ts';
import { lmsPackage } from './package.ts';
import { policy } from './policy.ts';
import { site } from './site.ts';

/**
 * The French interface strings (as written in France), one file per area like English.
 * French typography is written into the strings themselves: the spaces before : ; ! ?,
 * inside « » and between a number and its unit (80 %, 3 h) are no-break spaces (U+00A0),
 * so that a line never starts with a colon or a lone percent sign.
 */
export const fr: Messages = { common, policy, grading, site, calendar, lmsPackage, credentials };
