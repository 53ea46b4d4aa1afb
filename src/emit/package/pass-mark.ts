/**
 * The pass mark of a module in each format's terms. The runtime works in ten-thousandths
 * of the maximum score (integers), so that comparing a score with the pass mark is exact
 * and every format states the same mark: SCORM 1.2 in per cent, SCORM 2004 and cmi5 as a
 * scaled value with at most four decimals (cmi5's limit).
 */
import type { Assessment } from '../../model/types.ts';

/** The pass mark in ten-thousandths (6000 for 60 %). Rounded up, so the bar is never lowered. */
export function passMarkTenThousandths(assessment: Assessment): number {
  const value = Math.ceil(assessment.pass.minScore * 100 - 1e-9);
  return Math.min(10000, Math.max(0, value));
}

/** Ten-thousandths as a decimal with `places` decimals at most and no trailing zeros (`6000`, 4 → `0.6`). */
function decimal(tenThousandths: number, divisor: number): string {
  const whole = Math.floor(tenThousandths / divisor);
  const rest = tenThousandths % divisor;
  if (rest === 0) return String(whole);
  const digits = String(divisor).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

/** `adlcp:masteryscore` (SCORM 1.2): per cent, compared by the LMS with `cmi.core.score.raw`. */
export function masteryPercent(assessment: Assessment): string {
  return decimal(passMarkTenThousandths(assessment), 100);
}

/** `imsss:minNormalizedMeasure` (SCORM 2004) and `masteryScore` (cmi5): 0 to 1. */
export function masteryScaled(assessment: Assessment): string {
  return decimal(passMarkTenThousandths(assessment), 10000);
}

/** The attempt limit, or `undefined` when retries are allowed. */
export function attemptLimit(assessment: Assessment): number | undefined {
  return assessment.pass.attempts === 'unlimited' ? undefined : assessment.pass.attempts;
}
