import { z } from 'zod';
import { commandIdFieldSchema, commandRequestSchema } from './commands.js';

/*
 * The WebSocket protocol. A client holds one socket (at /api/live), subscribes to sittings with
 * the last sequence number it saw, and may send the same commands as over HTTP. Every server
 * message carries `serverTime` (epoch ms) so clients can correct their clock for deadlines and
 * speaking timers.
 */

export const sittingIdSchema = z.uuid();

/** Start (or resume) following a sitting after the last event seen (0: from the beginning). */
export const subscribeMessageSchema = z.strictObject({
  type: z.literal('subscribe'),
  sittingId: sittingIdSchema,
  afterSeq: z.number().int().min(0),
  /**
   * `public`: follow the sitting as the public sees it even when signed in (the hall display on
   * a computer signed in as the operator shows nothing the public may not see). It only ever
   * narrows what is sent; without it, the sign-in decides.
   */
  as: z.literal('public').optional(),
});

export const unsubscribeMessageSchema = z.strictObject({
  type: z.literal('unsubscribe'),
  sittingId: sittingIdSchema,
});

/** A sitting command; answered by `command.result` with the same commandId. */
export const commandMessageSchema = z.strictObject({
  type: z.literal('command'),
  sittingId: sittingIdSchema,
  commandId: commandRequestSchema.shape.commandId,
  command: commandRequestSchema.shape.command,
});

/** Clock probe: answered by `pong` with the same `t` and the server's time. */
export const pingMessageSchema = z.strictObject({
  type: z.literal('ping'),
  t: z.number(),
});

export const clientMessageSchema = z.discriminatedUnion('type', [
  subscribeMessageSchema,
  unsubscribeMessageSchema,
  commandMessageSchema,
  pingMessageSchema,
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

const base = { serverTime: z.number() };

export const subscribedMessageSchema = z.object({
  type: z.literal('subscribed'),
  sittingId: sittingIdSchema,
  /** The last sequence number the server has; events up to it follow, or a snapshot does. */
  seq: z.number().int(),
  /**
   * Who the server takes this client for in this sitting: what it may see (`public`, `member`:
   * a user of the council, `conductor`: the operator or the chair) and, when they sit in the
   * body, their member id, the one their ballots and confirmations are recorded under.
   */
  viewer: z.object({
    kind: z.enum(['public', 'member', 'conductor']),
    memberId: z.string().nullable(),
  }),
  ...base,
});

/** One event of the sitting's log, as this client may see it. */
export const eventMessageSchema = z.object({
  type: z.literal('event'),
  sittingId: sittingIdSchema,
  seq: z.number().int().positive(),
  event: z.looseObject({ type: z.string() }),
  ...base,
});

/** The whole sitting as this client may see it at `seq`, instead of a long replay. */
export const snapshotMessageSchema = z.object({
  type: z.literal('snapshot'),
  sittingId: sittingIdSchema,
  seq: z.number().int().min(0),
  state: z.looseObject({ status: z.string() }),
  ...base,
});

/** A running vote's tally, at most a few times a second. */
export const tallyMessageSchema = z.object({
  type: z.literal('tally'),
  sittingId: sittingIdSchema,
  voteId: commandIdFieldSchema,
  /** The log position it reflects; ignore it if an event after it was already shown. */
  seq: z.number().int().min(0),
  /** Null while a secret or open (not named) vote runs: counts come with the result. */
  counts: z.record(z.string(), z.number().int()).nullable(),
  voted: z.number().int(),
  /** Who has voted: members and conductors only. */
  voters: z.array(z.string()).nullable(),
  /** Whose ballot the operator entered for them: conductors only (absent from older servers). */
  proxied: z.array(z.string()).nullable().optional(),
  ...base,
});

export const commandResultMessageSchema = z.union([
  z.object({
    type: z.literal('command.result'),
    commandId: z.string(),
    accepted: z.literal(true),
    replayed: z.boolean(),
    seq: z.number().int(),
    ...base,
  }),
  z.object({
    type: z.literal('command.result'),
    commandId: z.string(),
    accepted: z.literal(false),
    error: z.object({
      code: z.string(),
      message: z.string(),
      facts: z.record(z.string(), z.unknown()).optional(),
    }),
    ...base,
  }),
]);

export const pongMessageSchema = z.object({ type: z.literal('pong'), t: z.number(), ...base });

/** A message the server could not take: bad JSON, unknown type, bad fields, unknown sitting. */
export const errorMessageSchema = z.object({
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
  sittingId: z.string().optional(),
  ...base,
});

export const serverMessageSchema = z.union([
  subscribedMessageSchema,
  eventMessageSchema,
  snapshotMessageSchema,
  tallyMessageSchema,
  commandResultMessageSchema,
  pongMessageSchema,
  errorMessageSchema,
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
