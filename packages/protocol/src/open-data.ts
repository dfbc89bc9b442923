import {
  MAJORITY_BASES,
  MAJORITY_REASONS,
  SITTING_KINDS,
  SITTING_MODES,
  SITTING_STATUSES,
  THRESHOLD_COMPARISONS,
  VOTE_KINDS,
} from '@veche/domain';
import { z } from 'zod';

/*
 * Open data (issue 6; docs/open-data.md): what the public reads of closed votes, without a
 * sign-in. Named votes publish each member's choice; open votes and secret votes publish counts
 * and participation numbers only, never a member's choice.
 */

const exactValueSchema = z.object({
  num: z.number().int(),
  den: z.number().int(),
  text: z.string(),
});

/** The majority rule a vote was decided by: a threshold over a base, and its preset if any. */
export const voteRuleSchema = z.object({
  presetId: z.string().nullable(),
  base: z.enum(MAJORITY_BASES),
  comparison: z.enum(THRESHOLD_COMPARISONS),
  num: z.number().int().positive(),
  den: z.number().int().positive(),
});

/** The outcome with its arithmetic ("14 for; required more than 7.5 of 15"). */
export const voteOutcomeSchema = z.object({
  passed: z.boolean(),
  reason: z.enum(MAJORITY_REASONS),
  forCount: z.number().int().nonnegative(),
  againstCount: z.number().int().nonnegative(),
  abstainCount: z.number().int().nonnegative(),
  base: z.enum(MAJORITY_BASES),
  baseSize: z.number().int().nonnegative(),
  comparison: z.enum(THRESHOLD_COMPARISONS),
  required: exactValueSchema,
  minimumFor: z.number().int().nonnegative(),
  /** English rendering of the arithmetic. */
  text: z.string(),
});

/** One closed vote of a sitting as published. */
export const publicVoteSchema = z.object({
  id: z.string(),
  sittingId: z.string(),
  /** 1 for the sitting's first vote, in the order they opened. */
  position: z.number().int().positive(),
  subject: z.string(),
  itemId: z.string().nullable(),
  /** The item's number on the agenda as it stood at the close ("3"), or null. */
  itemNumber: z.string().nullable(),
  itemTitle: z.string().nullable(),
  kind: z.enum(VOTE_KINDS),
  options: z.array(z.string()),
  rule: voteRuleSchema,
  /** ISO 8601 instants. */
  openedAt: z.string(),
  closedAt: z.string(),
  closedBy: z.enum(['operator', 'system']),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Members who voted, members entitled (present at the opening), members absent then. */
  voted: z.number().int().nonnegative(),
  entitled: z.number().int().nonnegative(),
  absent: z.number().int().nonnegative(),
  statutorySize: z.number().int().positive(),
  /** Null when the options have no "for" (an election read from its counts). */
  outcome: voteOutcomeSchema.nullable(),
  /** Addresses of the named list (named votes only, else null) and of the Popolo VoteEvent. */
  links: z.object({
    listJson: z.string().nullable(),
    listCsv: z.string().nullable(),
    popolo: z.string(),
  }),
});
export type PublicVote = z.infer<typeof publicVoteSchema>;

/** GET /api/public/sittings/:sittingId/votes.json */
export const publicVotesSchema = z.object({
  sittingId: z.string(),
  votes: z.array(publicVoteSchema),
});
export type PublicVotes = z.infer<typeof publicVotesSchema>;

/** One line of a named list: a member of the body, and what they did. */
export const namedBallotSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  /** An option of the vote (for, against, abstain), `absent` or `not_voting`. */
  choice: z.string(),
  /** True when the operator entered the ballot for the member (a failed device). */
  enteredByOperator: z.boolean(),
});

/** GET /api/public/sittings/:sittingId/votes/:voteId/list.json: a closed named vote's list. */
export const namedListSchema = z.object({
  vote: publicVoteSchema,
  ballots: z.array(namedBallotSchema),
});
export type NamedList = z.infer<typeof namedListSchema>;

/** The council-wide open data exports, one JSON array per table, keys as the CSV's columns. */
export const openDataSittingSchema = z.object({
  sitting_id: z.string(),
  body_id: z.string(),
  body_name: z.string(),
  number: z.number().int().positive(),
  number_roman: z.string(),
  title: z.string(),
  kind: z.enum(SITTING_KINDS),
  mode: z.enum(SITTING_MODES),
  status: z.enum(SITTING_STATUSES),
  starts_at: z.string(),
  place: z.string().nullable(),
  opened_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  recording_url: z.string().nullable(),
});
export const openDataAgendaItemSchema = z.object({
  sitting_id: z.string(),
  item_id: z.string(),
  number: z.string(),
  depth: z.number().int().nonnegative(),
  parent_id: z.string().nullable(),
  title: z.string(),
});
export const openDataVoteSchema = z.object({
  sitting_id: z.string(),
  vote_id: z.string(),
  position: z.number().int().positive(),
  item_id: z.string().nullable(),
  item_number: z.string().nullable(),
  subject: z.string(),
  kind: z.enum(VOTE_KINDS),
  rule_preset: z.string().nullable(),
  rule_base: z.enum(MAJORITY_BASES),
  rule_comparison: z.enum(THRESHOLD_COMPARISONS),
  rule_num: z.number().int(),
  rule_den: z.number().int(),
  opened_at: z.string(),
  closed_at: z.string(),
  for: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  voted: z.number().int(),
  entitled: z.number().int(),
  absent: z.number().int(),
  passed: z.boolean().nullable(),
  base_size: z.number().int().nullable(),
  required: z.string().nullable(),
  minimum_for: z.number().int().nullable(),
  result_text: z.string().nullable(),
});
export const openDataBallotSchema = z.object({
  sitting_id: z.string(),
  vote_id: z.string(),
  member_id: z.string(),
  member_name: z.string(),
  choice: z.string(),
  entered_by_operator: z.boolean(),
});
export type OpenDataSitting = z.infer<typeof openDataSittingSchema>;
export type OpenDataAgendaItem = z.infer<typeof openDataAgendaItemSchema>;
export type OpenDataVote = z.infer<typeof openDataVoteSchema>;
export type OpenDataBallot = z.infer<typeof openDataBallotSchema>;

/**
 * PUT /api/sittings/:sittingId/recording: where the sitting's recording is and when it started
 * (an instant with its offset); both null to remove it.
 */
export const sittingRecordingRequestSchema = z
  .object({
    recordingUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
      .max(2000)
      .nullable(),
    recordingStartedAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 instant with its offset' })
      .nullable(),
  })
  .superRefine((value, context) => {
    if ((value.recordingUrl === null) !== (value.recordingStartedAt === null)) {
      context.addIssue({
        code: 'custom',
        path: [value.recordingUrl === null ? 'recordingUrl' : 'recordingStartedAt'],
        message: 'give both the address and the start, or neither',
      });
    }
  });
export type SittingRecordingRequest = z.input<typeof sittingRecordingRequestSchema>;

export const sittingRecordingSchema = z.object({
  sittingId: z.string(),
  recordingUrl: z.string().nullable(),
  /** ISO 8601 instant. */
  recordingStartedAt: z.string().nullable(),
});
export type SittingRecording = z.infer<typeof sittingRecordingSchema>;
