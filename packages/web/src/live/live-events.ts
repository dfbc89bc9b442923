import { z } from 'zod';
import {
  majorityOutcomeViewSchema,
  majorityRuleViewSchema,
  quorumResultViewSchema,
  speakerEntryViewSchema,
} from './sitting-view';

/*
 * The events of the sitting log that change what a councillor sees: the domain's `SittingEvent`s
 * (packages/domain/src/sitting/sitting.events.ts), checked on arrival. Events this client does
 * not know (the server's `vote.sealed`, anything newer) are not errors: they still take their
 * place in the sequence, they just change nothing here. Nor is a chat message this viewer may
 * not read: the server sends it as `{type: 'chat.sent', redacted: true}`, keeping its place.
 */

const id = z.string();
const at = z.number();
const count = z.number().int().min(0);
const ids = z.array(id);

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });

const agendaChangeEventSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('insert'),
    parentId: id.nullable(),
    position: count,
    item: z.object({ id, title: z.string(), speakingLimitMs: z.number().nullish() }),
  }),
  z.object({ op: z.literal('remove'), itemId: id }),
  z.object({ op: z.literal('move'), itemId: id, parentId: id.nullable(), position: count }),
]);

export const liveEventSchema = z.discriminatedUnion('type', [
  event('sitting.convened', { at }),
  event('sitting.opened', { at }),
  event('sitting.suspended', { reason: z.string().nullable(), at }),
  event('sitting.resumed', { at }),
  event('sitting.closed', { at }),
  event('quorum.check_started', { checkId: id, durationMs: count, endsAt: at, at }),
  event('presence.confirmed', { checkId: id, memberId: id, at }),
  event('quorum.check_closed', {
    checkId: id,
    closedBy: z.enum(['operator', 'system']),
    present: ids,
    absent: ids,
    result: quorumResultViewSchema,
    at,
  }),
  event('presence.marked', { memberId: id, present: z.boolean(), checkId: id.nullable(), at }),
  event('agenda.current_set', { itemId: id.nullable(), at }),
  event('agenda.amended', {
    change: agendaChangeEventSchema,
    basisVoteId: id.nullable(),
    at,
  }),
  event('speaker.requested', { entry: speakerEntryViewSchema, at }),
  event('speaker.withdrawn', { requestId: id, at }),
  event('speaker.granted', { requestId: id, limitMs: count, endsAt: at, at }),
  event('speaker.extended', { requestId: id, extraMs: count, endsAt: at, at }),
  event('speaker.ended', {
    requestId: id,
    spokeMs: count,
    overranMs: count,
    reason: z.string(),
    at,
  }),
  event('vote.opened', {
    voteId: id,
    subject: z.string(),
    itemId: id.nullable(),
    kind: z.enum(['named', 'open', 'secret']),
    options: z.array(z.string()),
    majority: majorityRuleViewSchema,
    majorityPresetId: z.string().nullable(),
    entitled: ids,
    absent: ids,
    statutorySize: count,
    quorum: quorumResultViewSchema,
    durationMs: count,
    deadlineAt: at,
    repeatOf: id.nullable(),
    at,
  }),
  event('vote.extended', { voteId: id, extraMs: count, deadlineAt: at, at }),
  event('vote.closed', {
    voteId: id,
    closedBy: z.enum(['operator', 'system']),
    counts: z.record(z.string(), z.number().int()),
    voted: count,
    entitled: count,
    outcome: majorityOutcomeViewSchema.nullable(),
    at,
  }),
  event('vote.annulled', { voteId: id, reason: z.string(), at }),
  event('chat.sent', {
    messageId: id,
    from: z.object({ userId: id, memberId: id.nullable() }),
    to: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('conductors') }),
      z.object({ kind: z.literal('members') }),
      z.object({ kind: z.literal('member'), memberId: id }),
    ]),
    text: z.string(),
    at,
  }),
]);

export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventType = LiveEvent['type'];

const KNOWN_TYPES: ReadonlySet<string> = new Set(
  liveEventSchema.options.map((option) => option.shape.type.value),
);

/**
 * `ignored`: a type this client does not fold (it only advances the sequence); `malformed`: a
 * known type with a shape the client does not understand, so its view can no longer be trusted.
 */
export type ParsedEvent =
  | { readonly kind: 'event'; readonly event: LiveEvent }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'malformed' };

/** An event as it comes off the wire: a type, and whatever else. */
export interface RawEvent {
  readonly type: string;
  readonly [field: string]: unknown;
}

export function parseLiveEvent(raw: RawEvent): ParsedEvent {
  if (!KNOWN_TYPES.has(raw.type)) return { kind: 'ignored' };
  if (raw.type === 'chat.sent' && raw['redacted'] === true) return { kind: 'ignored' };
  const parsed = liveEventSchema.safeParse(raw);
  return parsed.success ? { kind: 'event', event: parsed.data } : { kind: 'malformed' };
}
