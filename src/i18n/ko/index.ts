import type { Messages } from '../messages.ts';
import { calendar } from './calendar.ts';
import { common } from './common.ts';
import { credentials } from './credentials.ts';
import { grading } from './grading.ts';
import { lmsPackage } from './package.ts';
import { policy } from './policy.ts';
import { site } from './site.ts';

/**
 * The Korean interface strings, one file per output area like English's, so that each
 * area can be reviewed against its English original.
 */
export const ko: Messages = { common, policy, grading, site, calendar, lmsPackage, credentials };
