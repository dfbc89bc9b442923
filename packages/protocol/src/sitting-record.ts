import { SITTING_MODES, SITTING_STATUSES } from '@veche/domain';
import { z } from 'zod';

/*
 * The public record of a sitting (DESIGN.md section 5): its log with every hash, and what each
 * vote's seal digests, so that anyone can recompute the chain and the digests
 * (`npx veche verify`). Served at GET /api/public/sittings/:sittingId/record.json.
 */

export const SITTING_RECORD_FORMAT = 'veche.sitting-record/1';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lower-case hex');
const instant = z.iso.datetime({ offset: true });

/** One event of the published log; `redacted` ones (chat the public may not read) keep only their links. */
export const recordEventSchema = z.strictObject({
  seq: z.number().int().min(1),
  type: z.string().min(1),
  at: instant,
  prevHash: sha256Hex,
  hash: sha256Hex,
  payload: z.unknown(),
  actorUserId: z.string().nullable(),
  redacted: z.literal(true).optional(),
});
export type RecordEvent = z.infer<typeof recordEventSchema>;

/**
 * What an open (not named) or secret vote's seal digests: who took part (sorted) and the count of
 * each option chosen. A named vote's seal carries its named list in the log itself.
 */
export const recordBallotsSchema = z.strictObject({
  voteId: z.string().min(1),
  kind: z.enum(['open', 'secret']),
  participants: z.array(z.string()),
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type RecordBallots = z.infer<typeof recordBallotsSchema>;

export const sittingRecordSchema = z.strictObject({
  format: z.literal(SITTING_RECORD_FORMAT),
  exportedAt: instant,
  sitting: z.strictObject({
    id: z.uuid(),
    councilId: z.uuid(),
    councilName: z.string(),
    bodyName: z.string(),
    number: z.number().int().positive(),
    numberRoman: z.string(),
    title: z.string(),
    startsAt: instant,
    timeZone: z.string(),
    place: z.string().nullable(),
    mode: z.enum(SITTING_MODES),
    status: z.enum(SITTING_STATUSES),
  }),
  /** The body's members the log names by id; the opening event vouches for them. */
  members: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  events: z.array(recordEventSchema),
  ballots: z.array(recordBallotsSchema),
  /** The last event's place and hash, to be kept elsewhere: it pins the end of the chain. */
  head: z.strictObject({ seq: z.number().int().min(1), hash: sha256Hex }).nullable(),
});
export type SittingRecord = z.infer<typeof sittingRecordSchema>;
