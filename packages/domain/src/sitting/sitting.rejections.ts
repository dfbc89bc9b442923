import type { QuorumRuleKind, SittingStatus } from '../vocabulary.js';
import type { VoteKind, VoteStatus } from '../vote-tally.js';
import type { SittingCommandType } from './sitting.commands.js';
import type { SpeechType } from './speaker-queue.js';

/**
 * Why a command was refused, with the numbers and ids that explain it; clients translate by `code`
 * (DESIGN.md section 8: every bad input gets a clear error and changes nothing).
 */
export interface RejectionFacts {
  invalid_transition: { command: SittingCommandType; status: SittingStatus };
  sitting_not_open: { status: SittingStatus };
  unknown_member: { memberId: string };
  not_present: { memberId: string };
  no_quorum: { required: number; present: number; statutorySize: number; rule: QuorumRuleKind };
  quorum_check_running: { checkId: string };
  no_quorum_check: Record<string, never>;
  already_confirmed: { checkId: string; memberId: string };
  unchanged: { field: string; value: string | boolean | null };
  deadline_passed: { deadlineAt: number; now: number };
  deadline_not_reached: { deadlineAt: number; now: number };
  unknown_vote: { voteId: string };
  vote_closed: { voteId: string; status: VoteStatus };
  vote_in_progress: { voteId: string };
  not_entitled: { voteId: string; memberId: string };
  already_voted: {
    voteId: string;
    memberId: string;
    secret: boolean;
    ballotChangeAllowed: boolean;
  };
  invalid_choice: { voteId: string; choice: string; options: readonly string[] };
  proxy_not_allowed: { voteId: string; kind: VoteKind };
  not_annulled: { voteId: string; status: VoteStatus };
  already_annulled: { voteId: string };
  already_repeated: { voteId: string; repeatedBy: string };
  duplicate_id: { id: string };
  unknown_item: { itemId: string };
  invalid_position: { position: number; max: number };
  invalid_move: { itemId: string; parentId: string };
  item_in_use: { itemId: string; by: 'current_item' | 'open_vote' };
  invalid_argument: { field: string; reason: string };
  invalid_majority_rule: { problems: readonly string[] };
  already_requested: { requestId: string; speechType: SpeechType };
  unknown_request: { requestId: string };
  floor_taken: { requestId: string };
  floor_free: Record<string, never>;
  queue_empty: Record<string, never>;
}

export type RejectionCode = keyof RejectionFacts;

export type Rejection = {
  [K in RejectionCode]: { readonly code: K; readonly facts: Readonly<RejectionFacts[K]> };
}[RejectionCode];

export type RejectionOf<K extends RejectionCode> = Extract<Rejection, { code: K }>;

/** Builds a typed rejection. */
export function rejection<K extends RejectionCode>(code: K, facts: RejectionFacts[K]): Rejection {
  return { code, facts } as Rejection;
}
