import {
  SPEECH_REQUEST_NAME_MAX,
  SPEECH_REQUEST_REASON_MAX,
  SPEECH_REQUEST_STATUSES,
  SPEECH_REQUEST_SUMMARY_MAX,
} from '@veche/domain';
import { z } from 'zod';

/**
 * What a resident sends from the portal's form (multipart, so every field is text). `website`
 * is the honeypot: people never see it (the form hides it from eyes and from screen readers
 * alike), so a value there means a program filled in every field it found.
 */
export const speechRequestFormSchema = z.object({
  name: z.string().trim().min(1).max(SPEECH_REQUEST_NAME_MAX),
  email: z.string().trim().max(254).pipe(z.email()),
  itemId: z.uuid(),
  summary: z.string().trim().min(1).max(SPEECH_REQUEST_SUMMARY_MAX),
  website: z.string().max(500).optional(),
});
export type SpeechRequestForm = z.infer<typeof speechRequestFormSchema>;

/** The attachment of a request, as the office downloads it. */
export const speechRequestAttachmentSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int().positive(),
  url: z.string(),
});

/** A request as the office lists it for a sitting (GET /api/sittings/:sittingId/speech-requests). */
export const speechRequestSchema = z.object({
  id: z.string(),
  sittingId: z.string(),
  itemId: z.string(),
  /** The item's number and title on the agenda as it is now ("3.1 Budget 2027"). */
  itemNumber: z.string().nullable(),
  itemTitle: z.string(),
  name: z.string(),
  email: z.string(),
  language: z.string(),
  summary: z.string(),
  status: z.enum(SPEECH_REQUEST_STATUSES),
  filedAt: z.iso.datetime(),
  verifiedAt: z.iso.datetime().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  rejectionReason: z.string().nullable(),
  attachment: speechRequestAttachmentSchema.nullable(),
  /** Once approved and the sitting reaches the item: whether the request is in the queue. */
  queued: z.boolean(),
});
export type SpeechRequest = z.infer<typeof speechRequestSchema>;

export const speechRequestListSchema = z.object({
  /** The council's last day for requests (its local date) and whether it has passed. */
  lastDay: z.iso.date(),
  requests: z.array(speechRequestSchema),
});
export type SpeechRequestList = z.infer<typeof speechRequestListSchema>;

/** POST /api/speech-requests/:requestId/review: the office approves, or rejects with a reason. */
export const reviewSpeechRequestSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({
    decision: z.literal('reject'),
    reason: z.string().trim().min(1).max(SPEECH_REQUEST_REASON_MAX),
  }),
]);
export type ReviewSpeechRequest = z.infer<typeof reviewSpeechRequestSchema>;
