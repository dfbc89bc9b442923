import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { BallotRow } from '../storage/repositories/ballots.repository.js';

/**
 * A vote's ballots, sealed into the sitting's hash chain when the vote closes: the count, a
 * SHA-256 digest over the ballots in canonical JSON (RFC 8785) sorted by member, and for named
 * votes the named list itself. Anyone holding the published ballots can recompute the digest.
 */
export interface VoteSeal {
  readonly type: 'vote.sealed';
  readonly voteId: string;
  readonly ballots: number;
  readonly digest: string;
  /** Named votes only: each member's choice, and who entered it if not the member. */
  readonly named: readonly NamedBallot[] | null;
  readonly at: number;
}

export interface NamedBallot {
  readonly memberId: string;
  readonly choice: string;
  readonly enteredByUserId: string | null;
}

const digestOf = (value: unknown): string =>
  createHash('sha256')
    .update(canonicalize(value) ?? '')
    .digest('hex');

export function sealOpenBallots(
  voteId: string,
  named: boolean,
  rows: readonly BallotRow[],
  at: number,
): VoteSeal {
  const list: NamedBallot[] = [...rows]
    .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0))
    .map((row) => ({
      memberId: row.memberId,
      choice: row.choice,
      enteredByUserId: row.enteredByUserId,
    }));
  return {
    type: 'vote.sealed',
    voteId,
    ballots: list.length,
    digest: digestOf({ voteId, ballots: list }),
    named: named ? list : null,
    at,
  };
}

/** Secret votes: the sorted participants and the counts per option, which never meet. */
export function sealSecretBallots(
  voteId: string,
  participants: readonly string[],
  counts: Readonly<Record<string, number>>,
  at: number,
): VoteSeal {
  return {
    type: 'vote.sealed',
    voteId,
    ballots: participants.length,
    digest: digestOf({ voteId, participants: [...participants].sort(), counts }),
    named: null,
    at,
  };
}
