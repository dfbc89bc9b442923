import {
  CONSULTATION_DESCRIPTION_MAX,
  CONSULTATION_PHASES,
  CONSULTATION_STATUSES,
  CONSULTATION_SUBJECT_MAX,
  LANGUAGES,
  OPINION_TEXT_MAX,
  RESIDENT_NAME_MAX,
  SURVEY_LIMITS,
} from '@veche/domain';
import { z } from 'zod';

/*
 * Public consultations (issue 7, section 2). The survey's shapes are checked here field by
 * field; what spans fields (unique ids, selection limits within the options, a response that
 * fits its survey) is the domain's `surveyProblems` and `responseProblems`, which the server
 * runs and reports with the same field paths.
 */

const id = z.string().trim().min(1).max(SURVEY_LIMITS.idMax);

export const surveyOptionSchema = z.object({
  id,
  label: z.string().trim().min(1).max(SURVEY_LIMITS.optionLabelMax),
});

const questionBase = {
  id,
  prompt: z.string().trim().min(1).max(SURVEY_LIMITS.promptMax),
  required: z.boolean(),
};
const options = z.array(surveyOptionSchema).max(SURVEY_LIMITS.maxOptions);
const selections = z.number().int().min(1).max(SURVEY_LIMITS.maxOptions).nullable().optional();
const scaleLabel = z.string().trim().max(SURVEY_LIMITS.scaleLabelMax).nullable().optional();

/** One question of a survey, by its `kind`. */
export const surveyQuestionSchema = z.discriminatedUnion('kind', [
  z.object({ ...questionBase, kind: z.literal('single_choice'), options }),
  z.object({
    ...questionBase,
    kind: z.literal('multiple_choice'),
    options,
    minSelections: selections,
    maxSelections: selections,
  }),
  z.object({ ...questionBase, kind: z.literal('short_text') }),
  z.object({ ...questionBase, kind: z.literal('long_text') }),
  z.object({
    ...questionBase,
    kind: z.literal('scale'),
    min: z.number().int().min(-100).max(100),
    max: z.number().int().min(-100).max(100),
    minLabel: scaleLabel,
    maxLabel: scaleLabel,
  }),
  z.object({ ...questionBase, kind: z.literal('ranking'), options }),
]);
export type SurveyQuestionMessage = z.infer<typeof surveyQuestionSchema>;

export const surveySchema = z.object({
  questions: z.array(surveyQuestionSchema).max(SURVEY_LIMITS.maxQuestions),
});
export type SurveyMessage = z.infer<typeof surveySchema>;

/** An answer: an option id, option ids (chosen, or all in ranked order), a text or a number. */
export const surveyAnswerSchema = z.union([
  z.string().max(SURVEY_LIMITS.longTextMax),
  z.number(),
  z.array(z.string().max(SURVEY_LIMITS.idMax)).max(SURVEY_LIMITS.maxOptions),
]);
export const surveyAnswersSchema = z
  .record(z.string().max(SURVEY_LIMITS.idMax), surveyAnswerSchema)
  .refine((answers) => Object.keys(answers).length <= SURVEY_LIMITS.maxQuestions, {
    message: `at most ${String(SURVEY_LIMITS.maxQuestions)} answers`,
  });
export type SurveyAnswersMessage = z.infer<typeof surveyAnswersSchema>;

/** A document of a consultation (the draft, maps, an explanatory note), public once published. */
export const consultationDocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int().positive(),
  /** Where the file is read (inline). */
  url: z.string(),
});
export type ConsultationDocument = z.infer<typeof consultationDocumentSchema>;

const consultationFields = {
  subject: z.string().trim().min(1).max(CONSULTATION_SUBJECT_MAX),
  description: z.string().trim().max(CONSULTATION_DESCRIPTION_MAX),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** A `draft_resolution` agenda item of the same council that the consultation is about. */
  agendaItemId: z.uuid().nullable().optional(),
  survey: surveySchema,
};

/** POST /api/councils/:councilId/consultations: the office creates a draft. */
export const createConsultationRequestSchema = z.object(consultationFields);
export type CreateConsultationRequest = z.infer<typeof createConsultationRequestSchema>;

/**
 * PUT /api/consultations/:consultationId: the office saves it at the `version` it saw. The
 * survey may change only while the consultation is a draft or planned.
 */
export const updateConsultationRequestSchema = z.object({
  ...consultationFields,
  version: z.number().int().positive(),
});
export type UpdateConsultationRequest = z.infer<typeof updateConsultationRequestSchema>;

/** POST /api/consultations/:consultationId/publish */
export const publishConsultationRequestSchema = z.object({
  version: z.number().int().positive(),
});
export type PublishConsultationRequest = z.infer<typeof publishConsultationRequestSchema>;

/** A consultation as the office sees it. */
export const consultationSchema = z.object({
  id: z.string(),
  councilId: z.string(),
  subject: z.string(),
  description: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  published: z.boolean(),
  publishedAt: z.iso.datetime().nullable(),
  status: z.enum(CONSULTATION_STATUSES),
  agendaItemId: z.string().nullable(),
  survey: surveySchema,
  documents: z.array(consultationDocumentSchema),
  /** Verified responses; unverified ones are not counted anywhere. */
  responseCount: z.number().int().min(0),
  opinionCount: z.number().int().min(0),
  /** When residents' names and e-mails are erased (end plus the council's retention days). */
  personalDataErasureDueAt: z.iso.datetime(),
  personalDataErasedAt: z.iso.datetime().nullable(),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Consultation = z.infer<typeof consultationSchema>;

export const consultationsResponseSchema = z.object({
  consultations: z.array(consultationSchema),
});
export type ConsultationsResponse = z.infer<typeof consultationsResponseSchema>;

/** A published consultation as anyone may see it. */
export const publicConsultationSchema = z.object({
  id: z.string(),
  councilId: z.string(),
  subject: z.string(),
  description: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  status: z.enum(CONSULTATION_PHASES),
  agendaItemId: z.string().nullable(),
  survey: surveySchema,
  documents: z.array(consultationDocumentSchema),
});
export type PublicConsultation = z.infer<typeof publicConsultationSchema>;

export const publicConsultationsResponseSchema = z.object({
  consultations: z.array(publicConsultationSchema),
});
export type PublicConsultationsResponse = z.infer<typeof publicConsultationsResponseSchema>;

/** An address as people type it: surrounding spaces are not part of it. */
const email = z.string().trim().pipe(z.email().max(254));

const resident = {
  name: z.string().trim().min(1).max(RESIDENT_NAME_MAX),
  email,
  /** Whether the resident's name may be shown beside their opinion in the results. */
  consentToPublishName: z.boolean().default(false),
  /** The language of the e-mails; the council's default when absent. */
  language: z.enum(LANGUAGES).optional(),
  /** A honeypot: people leave it empty (it is hidden from them); a filled one is dropped silently. */
  website: z.string().max(2000).optional(),
};

/** POST /api/public/consultations/:consultationId/responses: a resident answers the survey. */
export const submitResponseRequestSchema = z.object({ ...resident, answers: surveyAnswersSchema });
export type SubmitResponseRequest = z.infer<typeof submitResponseRequestSchema>;

/** PUT /api/public/consultation-responses/:token: the resident edits their response. */
export const editResponseRequestSchema = z.object({
  answers: surveyAnswersSchema,
  name: resident.name.optional(),
  consentToPublishName: z.boolean().optional(),
});
export type EditResponseRequest = z.infer<typeof editResponseRequestSchema>;

/**
 * POST /api/public/consultations/:consultationId/opinions: an opinion addressed to the office,
 * as JSON or as multipart/form-data with the same fields and an optional file in a part named
 * `file`.
 */
export const submitOpinionRequestSchema = z.object({
  ...resident,
  consentToPublishName: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
    .default(false),
  text: z.string().trim().min(1).max(OPINION_TEXT_MAX),
});
export type SubmitOpinionRequest = z.infer<typeof submitOpinionRequestSchema>;

/** The answer to a submission: nothing counts until the address is verified. */
export const submissionAcceptedSchema = z.object({
  status: z.literal('verification_sent'),
});
export type SubmissionAccepted = z.infer<typeof submissionAcceptedSchema>;

/** A resident's response as they see it through their link. */
export const residentResponseSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  consultationSubject: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  consentToPublishName: z.boolean(),
  answers: surveyAnswersSchema,
  verified: z.boolean(),
  /** Until when it may be edited (the consultation's end); past it, read only. */
  editableUntil: z.iso.datetime(),
  editable: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ResidentResponse = z.infer<typeof residentResponseSchema>;

export const opinionAttachmentSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int().positive(),
});

/** A resident's opinion as they see it through their link. */
export const residentOpinionSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  consultationSubject: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  consentToPublishName: z.boolean(),
  text: z.string(),
  attachment: opinionAttachmentSchema.nullable(),
  verified: z.boolean(),
  hidden: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type ResidentOpinion = z.infer<typeof residentOpinionSchema>;

/** A response as the office lists it. */
export const officeResponseSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  consentToPublishName: z.boolean(),
  answers: surveyAnswersSchema,
  verifiedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const officeResponsesSchema = z.object({ responses: z.array(officeResponseSchema) });
export type OfficeResponses = z.infer<typeof officeResponsesSchema>;

/** An opinion as the office lists it; a hidden one keeps its reason on record. */
export const officeOpinionSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  consentToPublishName: z.boolean(),
  text: z.string(),
  attachment: opinionAttachmentSchema.extend({ url: z.string() }).nullable(),
  verifiedAt: z.iso.datetime().nullable(),
  hiddenAt: z.iso.datetime().nullable(),
  hiddenByUserId: z.string().nullable(),
  hiddenReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const officeOpinionsSchema = z.object({ opinions: z.array(officeOpinionSchema) });
export type OfficeOpinions = z.infer<typeof officeOpinionsSchema>;

/** POST /api/consultation-opinions/:opinionId/hide: moderation, with a reason kept on record. */
export const hideOpinionRequestSchema = z.object({
  reason: z.string().trim().min(1).max(1000),
});
export type HideOpinionRequest = z.infer<typeof hideOpinionRequestSchema>;

const optionCount = z.object({ optionId: z.string(), label: z.string(), count: z.number() });
const resultBase = { questionId: z.string(), prompt: z.string(), answered: z.number().int() };

/** One question's results (the domain's `QuestionResult`). */
export const questionResultSchema = z.discriminatedUnion('kind', [
  z.object({
    ...resultBase,
    kind: z.enum(['single_choice', 'multiple_choice']),
    options: z.array(optionCount),
  }),
  z.object({
    ...resultBase,
    kind: z.literal('scale'),
    min: z.number().int(),
    max: z.number().int(),
    distribution: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
    mean: z.number().nullable(),
  }),
  z.object({
    ...resultBase,
    kind: z.literal('ranking'),
    options: z.array(
      z.object({
        optionId: z.string(),
        label: z.string(),
        averagePosition: z.number().nullable(),
        bordaPoints: z.number().int(),
      }),
    ),
  }),
  z.object({
    ...resultBase,
    kind: z.enum(['short_text', 'long_text']),
    texts: z.array(z.string()),
  }),
]);

/** An opinion in the results: the name only when the resident agreed to its publication. */
export const publishedOpinionSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  text: z.string(),
  hasAttachment: z.boolean(),
  createdAt: z.iso.datetime(),
});

/** The results of a consultation: verified responses only, visible opinions, hidden ones counted. */
export const consultationResultsSchema = z.object({
  consultationId: z.string(),
  subject: z.string(),
  status: z.enum(CONSULTATION_STATUSES),
  responses: z.number().int().min(0),
  questions: z.array(questionResultSchema),
  opinions: z.array(publishedOpinionSchema),
  hiddenOpinions: z.number().int().min(0),
});
export type ConsultationResults = z.infer<typeof consultationResultsSchema>;

/**
 * GET /api/public/agenda-items/:itemId/consultations: the published consultations about a draft
 * resolution, each with its results once finished, for councillors during the sitting.
 */
export const agendaItemConsultationsSchema = z.object({
  consultations: z.array(
    z.object({
      consultation: publicConsultationSchema,
      results: consultationResultsSchema.nullable(),
    }),
  ),
});
export type AgendaItemConsultations = z.infer<typeof agendaItemConsultationsSchema>;

/** POST /api/public/resident-data/requests: a resident asks for what is kept about an address. */
export const residentDataRequestSchema = z.object({
  email,
  language: z.enum(LANGUAGES).optional(),
  website: z.string().max(2000).optional(),
});
export type ResidentDataRequest = z.infer<typeof residentDataRequestSchema>;

/** What is kept about an address, as its link shows it. */
export const residentDataSchema = z.object({
  email: z.string(),
  responses: z.array(residentResponseSchema),
  opinions: z.array(residentOpinionSchema),
});
export type ResidentData = z.infer<typeof residentDataSchema>;

/** DELETE /api/public/resident-data/:token: what was deleted or anonymised. */
export const residentDataDeletionSchema = z.object({
  deleted: z.number().int().min(0),
  anonymised: z.number().int().min(0),
});
export type ResidentDataDeletion = z.infer<typeof residentDataDeletionSchema>;

/** The text fields of POST /api/consultations/:consultationId/documents (multipart, `file`). */
export const consultationDocumentUploadFieldsSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
});

/** A draft resolution on an agenda that a consultation may concern, for the office's picker. */
export const draftResolutionChoiceSchema = z.object({
  id: z.string(),
  /** Its number on its sitting's agenda ("4", "2.1"). */
  number: z.string(),
  title: z.string(),
  sittingId: z.string(),
  sittingTitle: z.string(),
  bodyName: z.string(),
  sittingNumber: z.number().int(),
  startsAt: z.iso.datetime(),
});

/** GET /api/councils/:councilId/draft-resolutions: those of sittings not yet closed. */
export const draftResolutionChoicesSchema = z.object({
  items: z.array(draftResolutionChoiceSchema),
});
export type DraftResolutionChoices = z.infer<typeof draftResolutionChoicesSchema>;
