import {
  MAJORITY_BASES,
  MAJORITY_REASONS,
  QUORUM_RULES,
  SITTING_MODES,
  SITTING_STATUSES,
  SPEECH_TYPES,
  THRESHOLD_COMPARISONS,
  VOTE_KINDS,
  VOTE_STATUSES,
  type AgendaItem,
} from '@veche/domain';
import { z } from 'zod';

/*
 * The live sitting as this client sees it: the server's view of the domain's `SittingState`
 * (packages/server/src/sittings/state-view.ts), where a vote carries a filtered tally instead of
 * ballots. The protocol leaves the snapshot's `state` loose, so the client checks it here: nothing
 * unchecked reaches the UI. Objects are not strict on purpose: fields the server adds later are
 * dropped, not refused, so an older page keeps working.
 */

const count = z.number().int().min(0);
const instant = z.number();
const id = z.string();

export const majorityRuleViewSchema = z.object({
  base: z.enum(MAJORITY_BASES),
  comparison: z.enum(THRESHOLD_COMPARISONS),
  num: z.number().int().positive(),
  den: z.number().int().positive(),
});

export const quorumResultViewSchema = z.object({
  rule: z.enum(QUORUM_RULES),
  statutorySize: count,
  required: count,
  present: count,
  met: z.boolean(),
});

export const majorityOutcomeViewSchema = z.object({
  passed: z.boolean(),
  reason: z.enum(MAJORITY_REASONS),
  rule: majorityRuleViewSchema,
  forCount: count,
  againstCount: count,
  abstainCount: count,
  base: z.enum(MAJORITY_BASES),
  baseSize: count,
  comparison: z.enum(THRESHOLD_COMPARISONS),
  required: z.object({ num: z.number().int(), den: z.number().int(), text: z.string() }),
  minimumFor: count,
  text: z.string(),
});

const countsSchema = z.record(z.string(), z.number().int());

export const voteResultViewSchema = z.object({
  counts: countsSchema,
  voted: count,
  entitled: count,
  outcome: majorityOutcomeViewSchema.nullable(),
  closedBy: z.enum(['operator', 'system']),
  closedAt: instant,
});

/** What a viewer may know of a vote's ballots (see the server's state-view.ts). */
export const tallyViewSchema = z.object({
  secret: z.boolean(),
  /** Null while a secret or open (not named) vote runs. */
  counts: countsSchema.nullable(),
  voted: count,
  /** Who has voted, while the vote runs; null once it is over. */
  voters: z.array(id).nullable(),
  choices: z.record(z.string(), z.string()).nullable(),
  /**
   * Members whose ballot the operator entered for them: conductors while the vote runs, everyone
   * with a closed named vote's choices; absent from an older server's snapshot.
   */
  proxied: z.array(id).nullable().default(null),
});

export const voteViewSchema = z.object({
  id,
  subject: z.string(),
  itemId: id.nullable(),
  kind: z.enum(VOTE_KINDS),
  options: z.array(z.string()),
  majority: majorityRuleViewSchema,
  majorityPresetId: z.string().nullable(),
  status: z.enum(VOTE_STATUSES),
  openedAt: instant,
  deadlineAt: instant,
  entitled: z.array(id),
  absent: z.array(id),
  statutorySize: count,
  tally: tallyViewSchema,
  result: voteResultViewSchema.nullable(),
  annulment: z.object({ reason: z.string(), at: instant }).nullable(),
  repeatOf: id.nullable(),
  repeatedBy: id.nullable(),
});

export const speakerViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), memberId: id }),
  z.object({ kind: z.literal('resident'), requestId: id, name: z.string() }),
]);

export const speakerEntryViewSchema = z.object({
  requestId: id,
  speaker: speakerViewSchema,
  type: z.enum(SPEECH_TYPES),
  itemId: id.nullable(),
  requestedAt: instant,
});

export const currentSpeakerViewSchema = speakerEntryViewSchema.extend({
  grantedAt: instant,
  limitMs: count,
  endsAt: instant,
});

export const agendaItemViewSchema: z.ZodType<AgendaItem> = z.lazy(() =>
  z.object({
    id,
    title: z.string(),
    speakingLimitMs: z.number().nullable(),
    children: z.array(agendaItemViewSchema),
  }),
);

const chatAudienceViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conductors') }),
  z.object({ kind: z.literal('members') }),
  z.object({ kind: z.literal('member'), memberId: id }),
]);

/** A chat message this viewer may read (the server filters the chat per viewer). */
export const chatMessageViewSchema = z.object({
  messageId: id,
  from: z.object({ userId: id, memberId: id.nullable() }),
  to: chatAudienceViewSchema,
  text: z.string(),
  at: instant,
});

export const sittingSetupViewSchema = z.object({
  sittingId: id,
  number: z.number().int().positive(),
  mode: z.enum(SITTING_MODES),
  statutorySize: count,
  quorumRule: z.enum(QUORUM_RULES),
  members: z.array(z.object({ id, name: z.string() })),
  ballotChangeAllowed: z.boolean(),
  /** The council's default preset; absent from setups frozen before it was recorded. */
  majorityPresetId: z.string().nullable().default(null),
  defaultSpeakingLimitMs: count,
});

export const sittingViewSchema = z.object({
  setup: sittingSetupViewSchema,
  status: z.enum(SITTING_STATUSES),
  openedAt: instant.nullable(),
  closedAt: instant.nullable(),
  suspendedAt: instant.nullable(),
  presence: z.record(z.string(), z.object({ present: z.boolean(), since: instant.nullable() })),
  quorumCheck: z
    .object({ checkId: id, startedAt: instant, endsAt: instant, confirmed: z.array(id) })
    .nullable(),
  lastQuorumCheck: z
    .object({
      checkId: id,
      closedAt: instant,
      present: z.array(id),
      result: quorumResultViewSchema,
    })
    .nullable(),
  agenda: z.array(agendaItemViewSchema),
  currentItemId: id.nullable(),
  speakerQueue: z.array(speakerEntryViewSchema),
  currentSpeaker: currentSpeakerViewSchema.nullable(),
  votes: z.record(z.string(), voteViewSchema),
  voteOrder: z.array(id),
  openVoteId: id.nullable(),
  /** Absent from an older server's snapshot: no chat then. */
  chat: z.array(chatMessageViewSchema).default([]),
});

export type SittingView = z.infer<typeof sittingViewSchema>;
export type VoteView = z.infer<typeof voteViewSchema>;
export type TallyView = z.infer<typeof tallyViewSchema>;
export type SpeakerEntryView = z.infer<typeof speakerEntryViewSchema>;
export type CurrentSpeakerView = z.infer<typeof currentSpeakerViewSchema>;
export type MajorityOutcomeView = z.infer<typeof majorityOutcomeViewSchema>;
export type MajorityRuleView = z.infer<typeof majorityRuleViewSchema>;
export type ChatMessageView = z.infer<typeof chatMessageViewSchema>;
export type QuorumResultView = z.infer<typeof quorumResultViewSchema>;

/** Reads a snapshot's state; null when it is not the shape this client understands. */
export function parseSittingView(state: unknown): SittingView | null {
  const parsed = sittingViewSchema.safeParse(state);
  return parsed.success ? parsed.data : null;
}
