import type { Location, Reporter } from '../diagnostics/reporter.ts';
import type { IsoDate, ZonedDateTime } from '../model/types.ts';
import { isDateProblem, parseIsoDate } from '../time/dates.ts';
import { checkZone, formatOffset, localString, offsetMinutes, resolveLocal, utcString } from '../time/zones.ts';

/** Checks that a date exists; returns it, or undefined after reporting. */
export function checkDate(text: string, at: Location, reporter: Reporter): IsoDate | undefined {
  const parsed = parseIsoDate(text);
  if (isDateProblem(parsed)) {
    reporter.report('date_invalid', capitalize(parsed.problem), at, { label: 'no such date' });
    return undefined;
  }
  return text;
}

/** Checks a zone name; reports abbreviations with the zones that use them, and typos with a suggestion. */
export function checkTimeZone(name: string, at: Location, reporter: Reporter): string | undefined {
  const check = checkZone(name);
  if (check.ok) return check.zone;
  if (check.abbreviation) {
    const candidates = check.candidates.map((c) => `\`${c}\``).join(', ');
    reporter.report('timezone_abbreviation', `\`${name}\` is an abbreviation, not an IANA time zone`, at, {
      label: 'use the IANA zone of the place',
      hint: candidates
        ? `Use the zone of the place where the time is kept, e.g. ${candidates}. Their daylight-saving rules then give the right offset in every season.`
        : 'Use the IANA zone of the place where the time is kept, such as `Europe/Paris`.',
    });
  } else {
    reporter.report('timezone_unknown', `\`${name}\` is not a known time zone`, at, {
      label: 'unknown time zone',
      hint: check.suggestion ? `Did you mean \`${check.suggestion}\`?` : 'Use an IANA zone name such as `Europe/Paris` or `Asia/Seoul`.',
    });
  }
  return undefined;
}

/**
 * Resolves a local date-time in a zone to an instant. Reports times that do not exist
 * (including a skipped daylight-saving hour) and warns about times that happen twice.
 */
export function checkLocalDateTime(local: string, zone: string, at: Location, reporter: Reporter): ZonedDateTime | undefined {
  const [date, time = ''] = local.split('T');
  if (checkDate(date!, at, reporter) === undefined) return undefined;
  const [h, m, s = '0'] = time.split(':');
  if (Number(h) > 23 || Number(m) > 59 || Number(s) > 59) {
    reporter.report('date_invalid', `\`${local}\` has no time ${time}: hours run from 00 to 23 and minutes from 00 to 59`, at, {
      label: 'no such time',
    });
    return undefined;
  }
  const resolved = resolveLocal(local, zone);
  if (resolved.kind === 'gap') {
    reporter.report('local_time_nonexistent', `${local.replace('T', ' ')} does not exist in ${zone}: clocks skip ${resolved.gapMinutes} minutes that night`, at, {
      label: 'skipped by the daylight-saving change',
      hint: `Move the time before or after the change; clocks read ${localString(resolved.epochMs, zone).slice(11, 16)} one instant after the skipped time.`,
    });
    return undefined;
  }
  if (resolved.kind === 'ambiguous') {
    reporter.report('local_time_ambiguous', `${local.replace('T', ' ')} happens twice in ${zone} as clocks fall back; the first occurrence (UTC${formatOffset(resolved.offset)}) is used`, at, {
      label: 'happens twice',
      hint: 'Move the time out of the repeated hour to make it unambiguous.',
    });
  }
  return zonedAt(resolved.epochMs, zone);
}

/** Describes an instant as local time in `zone` and UTC. */
export function zonedAt(epochMs: number, zone: string): ZonedDateTime {
  return { local: localString(epochMs, zone), timeZone: zone, offset: formatOffset(offsetMinutes(epochMs, zone)), utc: utcString(epochMs) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
