import {
  INTERPELLATION_ADDRESSEE_MAX,
  INTERPELLATION_KINDS,
  INTERPELLATION_STATUSES,
  INTERPELLATION_SUBJECT_MAX,
  INTERPELLATION_TEXT_MAX,
} from '@veche/domain';
import { z } from 'zod';

/** A file of an interpellation: of the question (by its author) or of the answer (the office). */
export const interpellationFileSchema = z.object({
  id: z.string(),
  role: z.enum(['question', 'answer']),
  title: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int().positive(),
  /** Where the file is read by anyone (inline). */
  url: z.string(),
});
export type InterpellationFile = z.infer<typeof interpellationFileSchema>;

/**
 * An interpellation or question as listed. Dates are the council's calendar days; `deadline`
 * is the last day on which an answer is on time, and `overdue` says it has passed unanswered.
 */
export const interpellationSchema = z.object({
  id: z.string(),
  councilId: z.string(),
  /** "12/2026": the filing's place in the council's year. */
  number: z.string(),
  kind: z.enum(INTERPELLATION_KINDS),
  status: z.enum(INTERPELLATION_STATUSES),
  authorPersonId: z.string(),
  authorName: z.string(),
  addressee: z.string(),
  subject: z.string(),
  text: z.string(),
  filedAt: z.iso.datetime(),
  filedOn: z.iso.date(),
  deadline: z.iso.date(),
  overdue: z.boolean(),
  answerText: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  answeredOn: z.iso.date().nullable(),
  answeredLate: z.boolean(),
  files: z.array(interpellationFileSchema),
  version: z.number().int().positive(),
});
export type Interpellation = z.infer<typeof interpellationSchema>;

/** POST /api/councils/:councilId/interpellations: a councillor files one, as themselves. */
export const fileInterpellationRequestSchema = z.object({
  kind: z.enum(INTERPELLATION_KINDS),
  subject: z.string().trim().min(1).max(INTERPELLATION_SUBJECT_MAX),
  text: z.string().trim().min(1).max(INTERPELLATION_TEXT_MAX),
  addressee: z.string().trim().min(1).max(INTERPELLATION_ADDRESSEE_MAX).optional(),
});
export type FileInterpellationRequest = z.infer<typeof fileInterpellationRequestSchema>;

/** PUT /api/interpellations/:id/answer: the office records or corrects the answer. */
export const answerInterpellationRequestSchema = z.object({
  version: z.number().int().positive(),
  answerText: z.string().trim().min(1).max(INTERPELLATION_TEXT_MAX),
});
export type AnswerInterpellationRequest = z.infer<typeof answerInterpellationRequestSchema>;

/** The filters of GET /api/councils/:councilId/interpellations (query strings). */
export const interpellationListQuerySchema = z.object({
  status: z.enum(INTERPELLATION_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  author: z.uuid().optional(),
  /** `true`: only the caller's own (as the person their account is linked to). */
  mine: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(1000).max(9999).optional(),
});
export type InterpellationListQuery = z.infer<typeof interpellationListQuerySchema>;

export const interpellationListResponseSchema = z.object({
  interpellations: z.array(interpellationSchema),
});
export type InterpellationListResponse = z.infer<typeof interpellationListResponseSchema>;

/**
 * The text fields of POST /api/interpellations/:id/files (multipart/form-data, the file in a
 * part named `file`).
 */
export const interpellationFileUploadFieldsSchema = z.object({
  role: z.enum(['question', 'answer']),
  title: z.string().trim().min(1).max(300).optional(),
});
export type InterpellationFileUploadFields = z.infer<typeof interpellationFileUploadFieldsSchema>;
