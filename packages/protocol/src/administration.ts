import {
  BODY_KINDS,
  COUNTRIES,
  IMPORT_COLUMNS,
  IMPORT_ROW_CODES,
  LANGUAGES,
  MAJORITY_PRESET_IDS,
  MAX_RETENTION_DAYS,
  MEMBERSHIP_ROLES,
  QUORUM_RULES,
  describePatternProblem,
  isIsoDate,
  majorityPreset,
  validateResolutionPattern,
  type Country,
  type Language,
  type MajorityPresetId,
} from '@veche/domain';
import { z } from 'zod';

/*
 * Administration of councils (by the platform administrator) and of a council's bodies, terms,
 * persons and memberships (by its council administrator). Dates are calendar days, YYYY-MM-DD.
 */

const isoDate = z.string().refine(isIsoDate, 'a calendar date written YYYY-MM-DD');
const name = z.string().trim().min(1).max(200);
const languageSchema = z.enum(LANGUAGES);

/** True when the runtime knows the IANA time zone (Node and every current browser do). */
export function isTimeZone(zone: string): boolean {
  if (zone === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const councilSettingsShape = {
  name,
  country: z.enum(COUNTRIES),
  languages: z
    .array(languageSchema)
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'each language once'),
  defaultLanguage: languageSchema,
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone, e.g. Europe/Warsaw'),
  quorumRule: z.enum(QUORUM_RULES),
  majorityPreset: z.enum(MAJORITY_PRESET_IDS),
  resolutionNumberPattern: z.string().max(100),
  ballotChangeAllowed: z.boolean(),
  speechRequestDeadlineDays: z.number().int().min(0).max(30),
  /**
   * Days after a consultation's end until residents' names and e-mails are erased; left out,
   * a new council gets 90 and a saved one keeps its value.
   */
  consultationRetentionDays: z.number().int().min(0).max(MAX_RETENTION_DAYS).optional(),
};

/** The rules between settings: each names the field that must change. */
function checkCouncilSettings(
  settings: {
    readonly country: Country;
    readonly languages: readonly Language[];
    readonly defaultLanguage: Language;
    readonly majorityPreset: MajorityPresetId;
    readonly resolutionNumberPattern: string;
  },
  context: z.core.$RefinementCtx,
): void {
  if (!settings.languages.includes(settings.defaultLanguage)) {
    context.addIssue({
      code: 'custom',
      path: ['defaultLanguage'],
      message: 'the default language must be one of the council\u2019s languages',
    });
  }
  if (majorityPreset(settings.majorityPreset).country !== settings.country) {
    context.addIssue({
      code: 'custom',
      path: ['majorityPreset'],
      message: `not a preset of ${settings.country}`,
    });
  }
  const problems = validateResolutionPattern(settings.resolutionNumberPattern);
  if (problems.length > 0) {
    context.addIssue({
      code: 'custom',
      path: ['resolutionNumberPattern'],
      message: problems.map(describePatternProblem).join('; '),
    });
  }
}

/** A council's settings as the platform administrator writes them. */
export const councilSettingsSchema = z
  .object(councilSettingsShape)
  .superRefine(checkCouncilSettings);
export type CouncilSettings = z.infer<typeof councilSettingsSchema>;

/** POST /api/platform/councils: the council, and optionally its plenary body and first term. */
export const councilCreateRequestSchema = z
  .object({
    ...councilSettingsShape,
    plenary: z.object({ name, statutorySize: z.number().int().min(1).max(10_000) }).optional(),
    term: z.object({ name, startsOn: isoDate, endsOn: isoDate.nullable().optional() }).optional(),
  })
  .superRefine(checkCouncilSettings)
  .superRefine((input, context) => {
    const endsOn = input.term?.endsOn ?? null;
    if (input.term !== undefined && endsOn !== null && endsOn < input.term.startsOn) {
      context.addIssue({
        code: 'custom',
        path: ['term', 'endsOn'],
        message: 'the term cannot end before it starts',
      });
    }
  });
export type CouncilCreateRequest = z.infer<typeof councilCreateRequestSchema>;

/** PUT /api/platform/councils/:councilId: the settings with the version they were read at. */
export const councilUpdateRequestSchema = z
  .object({ ...councilSettingsShape, version: z.number().int().min(1) })
  .superRefine(checkCouncilSettings);
export type CouncilUpdateRequest = z.infer<typeof councilUpdateRequestSchema>;

export const councilSchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.enum(COUNTRIES),
  languages: z.array(languageSchema),
  defaultLanguage: languageSchema,
  timeZone: z.string(),
  quorumRule: z.enum(QUORUM_RULES),
  majorityPreset: z.enum(MAJORITY_PRESET_IDS),
  resolutionNumberPattern: z.string(),
  ballotChangeAllowed: z.boolean(),
  speechRequestDeadlineDays: z.number().int(),
  consultationRetentionDays: z.number().int(),
  /** Sent back with a change; a change made meanwhile by someone else refuses it. */
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type Council = z.infer<typeof councilSchema>;

export const councilsResponseSchema = z.object({ councils: z.array(councilSchema) });

/** POST and PUT /api/councils/:councilId/bodies */
export const bodyInputSchema = z.object({
  name,
  kind: z.enum(BODY_KINDS),
  // The largest councils have about a hundred seats; the limit leaves room for joint bodies.
  statutorySize: z.number().int().min(1).max(10_000),
  quorumRule: z.enum(QUORUM_RULES),
});
export type BodyInput = z.infer<typeof bodyInputSchema>;

export const bodySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(BODY_KINDS),
  statutorySize: z.number().int(),
  quorumRule: z.enum(QUORUM_RULES),
});
export type Body = z.infer<typeof bodySchema>;
export const bodiesResponseSchema = z.object({ bodies: z.array(bodySchema) });

/** POST and PUT /api/councils/:councilId/terms */
export const termInputSchema = z
  .object({ name, startsOn: isoDate, endsOn: isoDate.nullable().default(null) })
  .refine((term) => term.endsOn === null || term.endsOn >= term.startsOn, {
    path: ['endsOn'],
    message: 'the term cannot end before it starts',
  });
export type TermInput = z.infer<typeof termInputSchema>;

export const termSchema = z.object({
  id: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
});
export type Term = z.infer<typeof termSchema>;
export const termsResponseSchema = z.object({ terms: z.array(termSchema) });

/** POST and PUT /api/councils/:councilId/persons; an empty e-mail means none. */
export const personInputSchema = z.object({
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .transform((text) => (text === '' ? null : text))
    .pipe(z.email().max(254).nullable())
    .nullable()
    .default(null),
});
export type PersonInput = z.infer<typeof personInputSchema>;

export const membershipSchema = z.object({
  id: z.string(),
  personId: z.string(),
  bodyId: z.string(),
  termId: z.string().nullable(),
  role: z.enum(MEMBERSHIP_ROLES),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const personSchema = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  /** Every seat the person holds or held, the ended ones included (history is kept). */
  memberships: z.array(membershipSchema),
});
export type Person = z.infer<typeof personSchema>;
export const personsResponseSchema = z.object({ persons: z.array(personSchema) });

const membershipDates = <T extends { startsOn: string; endsOn?: string | null }>(membership: T) =>
  (membership.endsOn ?? null) === null || (membership.endsOn ?? '') >= membership.startsOn;
const endsBeforeStart = { path: ['endsOn'], message: 'the seat cannot end before it starts' };

/** POST /api/councils/:councilId/memberships */
export const membershipCreateSchema = z
  .object({
    personId: z.uuid(),
    bodyId: z.uuid(),
    termId: z.uuid(),
    role: z.enum(MEMBERSHIP_ROLES),
    startsOn: isoDate,
    endsOn: isoDate.nullable().default(null),
  })
  .refine(membershipDates, endsBeforeStart);
export type MembershipCreate = z.infer<typeof membershipCreateSchema>;

/** PUT /api/councils/:councilId/memberships/:membershipId */
export const membershipUpdateSchema = z
  .object({
    role: z.enum(MEMBERSHIP_ROLES),
    startsOn: isoDate,
    endsOn: isoDate.nullable().default(null),
  })
  .refine(membershipDates, endsBeforeStart);
export type MembershipUpdate = z.infer<typeof membershipUpdateSchema>;

/** POST /api/councils/:councilId/memberships/:membershipId/end: the seat's last day. */
export const membershipEndSchema = z.object({ endsOn: isoDate });
export type MembershipEnd = z.infer<typeof membershipEndSchema>;

/** POST /api/councils/:councilId/imports/members: the limits of the file. */
export const MEMBER_IMPORT_MAX_BYTES = 1_048_576;
export const MEMBER_IMPORT_MAX_ROWS = 2_000;

export const importRowSchema = z.object({
  rowNumber: z.number().int(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  bodyName: z.string(),
  bodyId: z.string().nullable(),
  role: z.enum(MEMBERSHIP_ROLES).nullable(),
  startsOn: z.string().nullable(),
  termId: z.string().nullable(),
  existingPersonId: z.string().nullable(),
  errors: z.array(z.object({ column: z.enum(IMPORT_COLUMNS), code: z.enum(IMPORT_ROW_CODES) })),
});
export type ImportRow = z.infer<typeof importRowSchema>;

/**
 * The answer to a member import: every row with its values and problems. On a dry run nothing
 * is written; otherwise everything was written (`imported`), since a file with any bad row is
 * refused whole (422 `import_invalid`, with this preview in `error.facts.preview`).
 */
export const memberImportPreviewSchema = z.object({
  dryRun: z.boolean(),
  imported: z.boolean(),
  rows: z.array(importRowSchema),
  summary: z.object({
    rows: z.number().int(),
    rowsWithErrors: z.number().int(),
    newPersons: z.number().int(),
    memberships: z.number().int(),
  }),
});
export type MemberImportPreview = z.infer<typeof memberImportPreviewSchema>;
