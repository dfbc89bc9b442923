import { SITTING_KINDS, SITTING_MODES, SITTING_STATUSES } from '@veche/domain';
import { z } from 'zod';

export const agendaItemSummarySchema = z.object({
  id: z.string(),
  /** Hierarchical number as shown: "1", "2", "2.1". */
  number: z.string(),
  title: z.string(),
});

export const sittingSummarySchema = z.object({
  id: z.string(),
  councilId: z.string(),
  councilName: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  /** Sequence number within the body's term. */
  number: z.number().int().positive(),
  /** The same number in Roman numerals, as councils write it ("XX"). */
  numberRoman: z.string(),
  title: z.string(),
  kind: z.enum(SITTING_KINDS),
  mode: z.enum(SITTING_MODES),
  status: z.enum(SITTING_STATUSES),
  /** ISO 8601 instant. */
  startsAt: z.string(),
  /** IANA time zone of the council, to show local time. */
  timeZone: z.string(),
  place: z.string().nullable(),
  agenda: z.array(agendaItemSummarySchema),
});
export type SittingSummary = z.infer<typeof sittingSummarySchema>;

/** GET /api/sittings/upcoming: the signed-in user's councils' sittings that are not closed. */
export const upcomingSittingsResponseSchema = z.object({
  sittings: z.array(sittingSummarySchema),
});
export type UpcomingSittingsResponse = z.infer<typeof upcomingSittingsResponseSchema>;

/**
 * GET /api/public/sittings/:sittingId, no sign-in: what the public live page and the hall
 * display show of any sitting that is not a draft. `streamUrl` is the sitting's video stream (an
 * http or https address to embed), or null when it has none.
 */
export const publicSittingSchema = z.object({
  id: z.string(),
  title: z.string(),
  bodyName: z.string(),
  councilName: z.string(),
  /** The sitting's number in Roman numerals ("XX"). */
  numberRoman: z.string(),
  /** ISO 8601 instant. */
  startsAt: z.string(),
  /** IANA time zone of the council, to show local time. */
  timeZone: z.string(),
  place: z.string().nullable(),
  mode: z.enum(SITTING_MODES),
  status: z.enum(SITTING_STATUSES),
  streamUrl: z.string().nullable(),
});
export type PublicSitting = z.infer<typeof publicSittingSchema>;
