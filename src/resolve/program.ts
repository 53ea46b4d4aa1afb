import { fallbackNamespace, programNamespaceUnder } from '../model/identity.ts';
import type { Reporter } from '../diagnostics/reporter.ts';
import type { Curriculum, Program } from '../model/types.ts';
import { contrastRatio, darkenToContrast } from '../util/contrast.ts';
import { reservedProgramIds } from '../model/reserved.ts';
import type { ValidatedDocument } from '../validate/documents.ts';
import type { ProgramSources, Registries } from './context.ts';
import { checkDate, checkTimeZone } from './time-checks.ts';

/** The accent used when a program sets none; it passes 4.5:1 on white. */
export const defaultAccent = '#1f5fa8';

export interface ResolvedProgram {
  readonly program: Program;
  readonly site: Curriculum['site'];
  readonly calendar: Curriculum['calendar'];
  readonly identity: Curriculum['identity'];
  readonly lms: Curriculum['lms'];
  /** False when the dates or zone are unusable, so that nothing depending on them is checked. */
  readonly datesUsable: boolean;
}

export function resolveProgramDocument(
  source: ValidatedDocument<'program'>,
  sources: ProgramSources,
  registries: Registries,
  reporter: Reporter,
  catalogNamespace?: string,
): ResolvedProgram {
  const doc = source.data;
  if (doc.id !== sources.folder.name) {
    reporter.report('id_filename_mismatch', { kind: 'program', id: doc.id, folder: sources.folder.name }, source.at(['id']));
  }
  if (reservedProgramIds.includes(doc.id)) {
    reporter.report('program_id_reserved', { id: doc.id, reserved: reservedProgramIds }, source.at(['id']));
  }
  doc.organizers.forEach((o, i) => {
    registries.organizers.define(
      o.id,
      { id: o.id, name: o.name, shortName: o.shortName ?? o.name, role: o.role, ...pick(o, ['url', 'email', 'country', 'description']) },
      source.at(['organizers', i, 'id']),
    );
  });

  const zone = checkTimeZone(doc.timeZone, source.at(['timeZone']), reporter);
  const start = checkDate(doc.dates.start, source.at(['dates', 'start']), reporter);
  const end = checkDate(doc.dates.end, source.at(['dates', 'end']), reporter);
  if (start && end && end < start) {
    reporter.report('period_reversed', { what: 'program', start, end }, source.at(['dates', 'end']), {
      related: [{ role: 'start', ...source.at(['dates', 'start']) }],
    });
  }
  if (doc.registration?.opens) checkDate(doc.registration.opens, source.at(['registration', 'opens']), reporter);
  if (doc.registration?.closes) checkDate(doc.registration.closes, source.at(['registration', 'closes']), reporter);
  if (doc.effort?.hoursPerWeek && doc.effort.hoursPerWeek.max < doc.effort.hoursPerWeek.min) {
    reporter.report('period_reversed', { what: 'effort range', min: doc.effort.hoursPerWeek.min, max: doc.effort.hoursPerWeek.max }, source.at(['effort', 'hoursPerWeek', 'max']), {
      related: [{ role: 'minimum', ...source.at(['effort', 'hoursPerWeek', 'min']) }],
    });
  }

  const identity = resolveIdentity(doc, catalogNamespace);
  if (!identity.declared) {
    reporter.report('namespace_missing', { program: doc.id, fallback: identity.namespace }, source.at(['id']));
  }

  const accent = doc.site?.accent?.toLowerCase() ?? defaultAccent;
  const ratio = contrastRatio(accent, '#ffffff');
  if (ratio < 4.5) {
    reporter.report('accent_contrast_low', { accent, ratio, passingShade: darkenToContrast(accent, '#ffffff', 4.5) }, source.at(['site', 'accent']));
  }
  const logoFile = doc.site?.logo ? sources.files.get(doc.site.logo) : undefined;

  const program: Program = {
    id: doc.id,
    title: doc.title,
    shortTitle: doc.shortTitle ?? doc.title,
    ...pick(doc, ['subtitle', 'summary', 'edition', 'level', 'eqfLevel', 'pace', 'venue', 'audience', 'capacity', 'fees', 'funding']),
    language: doc.language,
    format: doc.format,
    ...(doc.effort
      ? {
          effort: {
            ...(doc.effort.hoursPerWeek ? { hoursPerWeek: doc.effort.hoursPerWeek } : {}),
            ...(doc.effort.totalHours !== undefined ? { totalHours: doc.effort.totalHours } : {}),
            approximate: doc.effort.approximate ?? false,
          },
        }
      : {}),
    dates: { start: doc.dates.start, end: doc.dates.end },
    timeZone: zone ?? doc.timeZone,
    organizers: registries.organizers.values,
    ...(doc.contact ? { contact: { ...doc.contact, social: doc.contact.social ?? [] } } : {}),
    ...(doc.registration ? { registration: doc.registration } : {}),
    links: (doc.links ?? []).map((l) => ({ ...l, kind: l.kind ?? 'website' })),
    about: doc.about ?? {},
    sections: doc.sections ?? [],
  };
  return {
    program,
    site: {
      accent,
      ...(logoFile ? { logo: { file: logoFile.relativePath, alt: doc.site?.logoAlt ?? doc.shortTitle ?? doc.title } } : {}),
    },
    calendar: {
      sessionReminders: [...(doc.calendar?.sessionReminders ?? [60])].sort((a, b) => b - a),
      deadlineReminders: [...(doc.calendar?.deadlineReminders ?? [2])].sort((a, b) => b - a),
      refreshHours: doc.calendar?.refreshHours ?? 12,
      sequence: doc.calendar?.sequence ?? 0,
    },
    identity,
    lms: { iri: doc.lms?.iri ?? identity.namespace },
    datesUsable: zone !== undefined && start !== undefined && end !== undefined,
  };
}

/**
 * The namespace of the program's identifiers. `lms.iri` came first and based the cmi5
 * ids alone; a program that set it keeps those ids, and its calendars and structured
 * data now share that base rather than the site's host.
 */
export function resolveIdentity(doc: ValidatedDocument<'program'>['data'], catalogNamespace: string | undefined): Curriculum['identity'] {
  const declared = doc.namespace ?? doc.lms?.iri ?? (catalogNamespace !== undefined ? programNamespaceUnder(catalogNamespace, doc.id) : undefined);
  return declared !== undefined ? { namespace: declared, declared: true } : { namespace: fallbackNamespace(doc.id), declared: false };
}

/** Copies the listed keys that are present, leaving absent ones absent (not undefined). */
export function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
