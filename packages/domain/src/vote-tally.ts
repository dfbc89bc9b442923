import type { MajorityPresetId } from './majority.presets.js';
import type { MajorityCounts, MajorityOutcome, MajorityRule } from './majority.rules.js';

/**
 * Vote kinds (DESIGN.md section 4, "Votes"): `named` publishes each member's choice (the default
 * in Polish councils), `open` publishes only counts, `secret` keeps who took part and the counts
 * with nothing that links them.
 */
export const VOTE_KINDS = ['named', 'open', 'secret'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];

/** The options a vote has unless it says otherwise. */
export const DEFAULT_VOTE_OPTIONS: readonly string[] = ['for', 'against', 'abstain'];

/** A ballot entered by the operator for a present member whose device failed. */
export interface ProxyEntry {
  readonly operatorId: string;
  readonly reason: string;
}

export interface OpenBallot {
  readonly choice: string;
  readonly at: number;
  readonly enteredBy: ProxyEntry | null;
}

/**
 * What a vote holds while it runs. A secret tally keeps the participants (sorted, so not even
 * the order in which they voted survives) and the counts, never a member -> choice link.
 */
export type Tally =
  | {
      readonly secret: false;
      readonly ballots: Readonly<Record<string, OpenBallot>>;
      readonly counts: Readonly<Record<string, number>>;
    }
  | {
      readonly secret: true;
      readonly participants: readonly string[];
      readonly counts: Readonly<Record<string, number>>;
    };

export interface VoteResult {
  readonly counts: Readonly<Record<string, number>>;
  readonly voted: number;
  readonly entitled: number;
  /** Null when the options do not include "for": an election is read from its counts. */
  readonly outcome: MajorityOutcome | null;
  readonly closedBy: 'operator' | 'system';
  readonly closedAt: number;
}

export const VOTE_STATUSES = ['open', 'closed', 'annulled'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

export interface VoteState {
  readonly id: string;
  readonly subject: string;
  readonly itemId: string | null;
  readonly kind: VoteKind;
  readonly options: readonly string[];
  readonly majority: MajorityRule;
  readonly majorityPresetId: MajorityPresetId | null;
  readonly status: VoteStatus;
  readonly openedAt: number;
  readonly deadlineAt: number;
  /** Members present when the vote opened: the only ones who may vote (sorted). */
  readonly entitled: readonly string[];
  /** Members of the body not present when the vote opened (sorted). */
  readonly absent: readonly string[];
  readonly statutorySize: number;
  readonly tally: Tally;
  readonly result: VoteResult | null;
  readonly annulment: { readonly reason: string; readonly at: number } | null;
  readonly repeatOf: string | null;
  readonly repeatedBy: string | null;
}

function zeroCounts(options: readonly string[]): Record<string, number> {
  return Object.fromEntries(options.map((option) => [option, 0]));
}

/** An empty tally of the right shape for the vote kind (DESIGN.md section 4, "Votes"). */
export function emptyTally(kind: VoteKind, options: readonly string[]): Tally {
  return kind === 'secret'
    ? { secret: true, participants: [], counts: zeroCounts(options) }
    : { secret: false, ballots: {}, counts: zeroCounts(options) };
}

/** How many members have voted. */
export function tallyVoterCount(tally: Tally): number {
  return tally.secret ? tally.participants.length : Object.keys(tally.ballots).length;
}

/** True when the member has taken part. */
export function hasVoted(tally: Tally, memberId: string): boolean {
  return tally.secret
    ? tally.participants.includes(memberId)
    : Object.hasOwn(tally.ballots, memberId);
}

function bump(counts: Readonly<Record<string, number>>, option: string, by: number) {
  return { ...counts, [option]: (counts[option] ?? 0) + by };
}

/** Records or replaces a named/open ballot; the counts follow the ballots exactly. */
export function tallyWithBallot(tally: Tally, memberId: string, ballot: OpenBallot): Tally {
  if (tally.secret) throw new Error('a secret tally records participation and choice apart');
  const previous = tally.ballots[memberId];
  const counts = previous === undefined ? tally.counts : bump(tally.counts, previous.choice, -1);
  return {
    secret: false,
    ballots: { ...tally.ballots, [memberId]: ballot },
    counts: bump(counts, ballot.choice, 1),
  };
}

/** Records that a member took part in a secret vote; kept sorted so no order leaks. */
export function tallyWithParticipant(tally: Tally, memberId: string): Tally {
  if (!tally.secret) throw new Error('participation alone is recorded only for secret votes');
  if (tally.participants.includes(memberId)) return tally;
  return { ...tally, participants: [...tally.participants, memberId].sort() };
}

/** Adds one anonymous choice to a secret vote's counts. */
export function tallyWithSecretChoice(tally: Tally, choice: string): Tally {
  if (!tally.secret) throw new Error('anonymous choices exist only in secret votes');
  return { ...tally, counts: bump(tally.counts, choice, 1) };
}

/**
 * Records many named/open ballots at once, exactly as `tallyWithBallot` one after another would,
 * but copying the tally once: one at a time copies every earlier ballot for each new one, which
 * costs seconds when a vote of thousands is read back for every tally update.
 */
export function tallyWithBallots(
  tally: Tally,
  ballots: readonly (readonly [memberId: string, ballot: OpenBallot])[],
): Tally {
  if (tally.secret) throw new Error('a secret tally records participation and choice apart');
  const all: Record<string, OpenBallot> = { ...tally.ballots };
  const counts: Record<string, number> = { ...tally.counts };
  for (const [memberId, ballot] of ballots) {
    const previous = all[memberId];
    if (previous !== undefined) counts[previous.choice] = (counts[previous.choice] ?? 0) - 1;
    all[memberId] = ballot;
    counts[ballot.choice] = (counts[ballot.choice] ?? 0) + 1;
  }
  return { secret: false, ballots: all, counts };
}

/**
 * Adds many participants and anonymous choices to a secret tally at once, as
 * `tallyWithParticipant` and `tallyWithSecretChoice` one after another would (participants
 * sorted, each once), in one copy.
 */
export function tallyWithSecretBallots(
  tally: Tally,
  participants: readonly string[],
  choices: readonly string[],
): Tally {
  if (!tally.secret) throw new Error('participation alone is recorded only for secret votes');
  const counts: Record<string, number> = { ...tally.counts };
  for (const choice of choices) counts[choice] = (counts[choice] ?? 0) + 1;
  const everyone =
    participants.length === 0
      ? tally.participants
      : [...new Set([...tally.participants, ...participants])].sort();
  return { secret: true, participants: everyone, counts };
}

/** The for/against/abstain counts a majority rule reads; other options do not count. */
export function majorityCountsOf(counts: Readonly<Record<string, number>>): MajorityCounts {
  return { for: counts.for ?? 0, against: counts.against ?? 0, abstain: counts.abstain ?? 0 };
}

export interface NamedVoteEntry {
  readonly memberId: string;
  /** An option, or "not_voting" (entitled, no ballot) or "absent" (not present at the opening). */
  readonly choice: string;
  readonly enteredByOperator: boolean;
}

export interface PublishedVote {
  readonly voteId: string;
  readonly subject: string;
  readonly itemId: string | null;
  readonly kind: VoteKind;
  readonly status: VoteStatus;
  readonly counts: Readonly<Record<string, number>>;
  readonly voted: number;
  readonly entitled: number;
  readonly outcome: MajorityOutcome | null;
  readonly annulmentReason: string | null;
  /** Only for named votes (PL: the named list is published without delay); otherwise null. */
  readonly named: readonly NamedVoteEntry[] | null;
}

/**
 * What may be published about a vote once it has closed: counts for every kind, the named list
 * only for a named vote (DESIGN.md sections 4 and 6). Null while the vote is open or if it was
 * annulled before closing, since there is no result then.
 */
export function publishableVote(vote: VoteState): PublishedVote | null {
  const result = vote.result;
  if (result === null) return null;
  let named: NamedVoteEntry[] | null = null;
  if (vote.kind === 'named' && !vote.tally.secret) {
    const ballots = vote.tally.ballots;
    named = [
      ...vote.entitled.map((memberId) => {
        const ballot = ballots[memberId];
        return {
          memberId,
          choice: ballot?.choice ?? 'not_voting',
          enteredByOperator: ballot !== undefined && ballot.enteredBy !== null,
        };
      }),
      ...vote.absent.map((memberId) => ({ memberId, choice: 'absent', enteredByOperator: false })),
    ];
  }
  return {
    voteId: vote.id,
    subject: vote.subject,
    itemId: vote.itemId,
    kind: vote.kind,
    status: vote.status,
    counts: result.counts,
    voted: result.voted,
    entitled: result.entitled,
    outcome: result.outcome,
    annulmentReason: vote.annulment?.reason ?? null,
    named,
  };
}
