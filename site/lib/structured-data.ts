/**
 * schema.org JSON-LD for a program's overview page: the Course, its CourseInstance
 * (dates, schedule, workload, live sessions as sub-events), the credential it awards,
 * and what it costs. The `@id`s are the program's permanent identifiers (its namespace),
 * not page addresses, so they stay the same when the site moves. Built from the model
 * only; serialized so that no text in it can close the surrounding <script> element.
 */
import { type Curriculum, identifiers, markdownToText } from '../../src/site-api.ts';

export function courseJsonLd(curriculum: Curriculum, pageUrl: string | undefined): Record<string, unknown> {
  const { program, schedule, policy } = curriculum;
  const organization = (id: string) => {
    const o = program.organizers.find((x) => x.id === id);
    return o ? { '@type': 'Organization', name: o.name, ...(o.url ? { url: o.url } : {}) } : undefined;
  };
  const providers = program.organizers.filter((o) => o.role !== 'funder' && o.role !== 'partner').map((o) => organization(o.id));
  const description = program.summary ?? (program.about.aims ? markdownToText(program.about.aims) : program.title);
  const weeks = schedule.weeks.reduce((n, w) => n + (w.last - w.first + 1), 0);
  const mode = program.format === 'in-person' ? 'onsite' : program.format;
  const hoursPerWeek = program.effort?.hoursPerWeek;

  const instance: Record<string, unknown> = {
    '@type': 'CourseInstance',
    name: program.edition ? `${program.title} (${program.edition})` : program.title,
    courseMode: mode,
    startDate: program.dates.start,
    endDate: program.dates.end,
    inLanguage: program.language,
    ...(program.venue ? { location: program.format === 'online' ? { '@type': 'VirtualLocation', name: program.venue } : { '@type': 'Place', name: program.venue } } : {}),
    ...(hoursPerWeek ? { courseWorkload: `PT${hoursPerWeek.max}H` } : program.effort?.totalHours ? { courseWorkload: `PT${program.effort.totalHours}H` } : {}),
    ...(weeks > 0
      ? {
          courseSchedule: {
            '@type': 'Schedule',
            startDate: schedule.span.start,
            endDate: schedule.span.end,
            repeatFrequency: 'P1W',
            repeatCount: weeks,
            scheduleTimezone: schedule.timeZone,
          },
        }
      : {}),
    ...(program.capacity ? { maximumAttendeeCapacity: program.capacity.max } : {}),
    ...(schedule.sessions.length > 0
      ? {
          subEvent: schedule.sessions.map((s) => ({
            '@type': 'Event',
            name: s.title,
            startDate: `${s.start.local}${s.start.offset}`,
            endDate: `${s.end.local}${s.end.offset}`,
            eventAttendanceMode: s.online ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
            location: s.online ? { '@type': 'VirtualLocation', ...(s.online.url ? { url: s.online.url } : { name: s.online.platform }) } : { '@type': 'Place', name: s.place ?? program.venue ?? program.title },
            ...(s.organizerIds.length > 0 ? { organizer: s.organizerIds.map(organization).filter(Boolean) } : {}),
          })),
        }
      : {}),
  };

  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    '@id': identifiers.course(curriculum),
    ...(pageUrl !== undefined ? { url: pageUrl } : {}),
    name: program.title,
    ...(program.shortTitle !== program.title ? { alternateName: program.shortTitle } : {}),
    description,
    inLanguage: program.language,
    ...(program.level ? { educationalLevel: program.level } : {}),
    ...(providers.length > 0 ? { provider: providers.length === 1 ? providers[0] : providers } : {}),
    ...(program.audience ? { audience: { '@type': 'Audience', audienceType: markdownToText(program.audience) } } : {}),
    ...(curriculum.competences.length > 0 ? { teaches: curriculum.competences.map((c) => c.title) } : {}),
    ...(program.effort?.totalHours ? { timeRequired: `PT${program.effort.totalHours}H` } : {}),
    hasCourseInstance: [instance],
    educationalCredentialAwarded: {
      '@type': 'EducationalOccupationalCredential',
      '@id': identifiers.credential(curriculum),
      name: policy.certificate.title,
      credentialCategory: 'certificate',
      ...(policy.certificate.recognition ? { description: markdownToText(policy.certificate.recognition) } : {}),
    },
    ...(program.fees
      ? {
          offers: {
            '@type': 'Offer',
            category: program.fees.amount === 0 ? 'Free' : 'Paid',
            price: program.fees.amount,
            ...(program.fees.currency ? { priceCurrency: program.fees.currency } : {}),
          },
        }
      : {}),
  };
}

/** JSON for inside <script type="application/ld+json">: `<` is escaped so `</script>` cannot appear. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
