/**
 * 1EdTech's JSON Schema of an Open Badges 3.0 AchievementCredential (draft 2019-09), kept
 * unchanged under schemas/vendor/open-badges-3.0/ (its README names the source and the
 * licence), applied with ajv's 2019-09 class.
 *
 * The kept copy is the edition for the VC Data Model 1.1, whose `issuanceDate` the VC Data
 * Model 2.0 renamed `validFrom` (VC DM 2.0 §4.9; OB 3.0 with context 3.0.3 follows it).
 * That one rename is made in memory, and it alone: every other rule is 1EdTech's.
 */
import { readFileSync } from 'node:fs';
import { Ajv2019, type ErrorObject, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';

// CommonJS: the default export arrives wrapped under Node's ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2019) => Ajv2019;

export const achievementCredentialSchemaUrl = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

const schemaFile = new URL('../../schemas/vendor/open-badges-3.0/ob_v3p0_achievementcredential_schema.json', import.meta.url);

type JsonObject = Record<string, unknown>;

/** The schema exactly as 1EdTech published it. */
export function vendoredSchema(): JsonObject {
  return JSON.parse(readFileSync(schemaFile, 'utf8')) as JsonObject;
}

/** The schema with `issuanceDate` read as VC 2.0's `validFrom` (and `expirationDate` as `validUntil`). */
export function vc2Schema(): JsonObject {
  const schema = vendoredSchema();
  const properties = schema.properties as Record<string, JsonObject>;
  const { issuanceDate, expirationDate, ...rest } = properties;
  schema.properties = { ...rest, validFrom: issuanceDate!, validUntil: expirationDate! };
  schema.required = (schema.required as string[]).map((r) => (r === 'issuanceDate' ? 'validFrom' : r));
  return schema;
}

let compiled: { credential: ValidateFunction; achievement: ValidateFunction } | undefined;

function validators() {
  if (!compiled) {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(vc2Schema());
    compiled = {
      credential: ajv.getSchema(achievementCredentialSchemaUrl)!,
      achievement: ajv.getSchema(`${achievementCredentialSchemaUrl}#/$defs/Achievement`)!,
    };
  }
  return compiled;
}

/** What is wrong with `value` as an OpenBadgeCredential, one line per problem; empty when it conforms. */
export function credentialSchemaProblems(value: unknown): string[] {
  const validate = validators().credential;
  return validate(value) ? [] : describe(validate.errors ?? []);
}

/** What is wrong with `value` as an Achievement (the schema's `$defs/Achievement`). */
export function achievementSchemaProblems(value: unknown): string[] {
  const validate = validators().achievement;
  return validate(value) ? [] : describe(validate.errors ?? []);
}

function describe(errors: readonly ErrorObject[]): string[] {
  // oneOf/anyOf report each failed branch too; the innermost errors say what to fix.
  const specific = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  return [...new Set((specific.length > 0 ? specific : errors).map((e) => `${e.instancePath || '(the credential)'} ${e.message ?? 'is not valid'}`))];
}
