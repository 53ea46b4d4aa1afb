import type { Messages } from '../messages.ts';
import { calendar } from './calendar.ts';
import { common } from './common.ts';
import { credentials } from './credentials.ts';
import { grading } from './grading.ts';
import { lmsPackage } from './package.ts';
import { policy } from './policy.ts';
import { site } from './site.ts';

/** The Spanish interface strings, one file per output area like the English ones. */
export const es: Messages = { common, policy, grading, site, calendar, lmsPackage, credentials };
