import type { VoteSealFacts } from '@veche/domain';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { BallotRow } from '../storage/repositories/ballots.repository.js';

/**
 * A vote's ballots, sealed into the sitting's hash chain when the vote closes: the count, a
 * SHA-256 digest in canonical JSON (RFC 8785), and for named votes the named list itself. Named
 * votes digest their ballots sorted by member; open and secret votes digest only what they
 * publish (who took part, sorted, and the counts). Anyone can recompute it from what is published.
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

/** SHA-256 over RFC 8785 canonical JSON: what a seal's digest covers, recomputable by anyone. */
export const ballotDigest = (value: unknown): string =>
  createHash('sha256')
    .update(canonicalize(value) ?? '')
    .digest('hex');

/** What an open vote publishes of its ballots: who took part (sorted) and the count per choice. */
export function openBallotSummary(rows: readonly BallotRow[]): {
  participants: string[];
  counts: Record<string, number>;
} {
  // A choice named like an Object property ("__proto__") stays a plain key.
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const row of rows) counts[row.choice] = (counts[row.choice] ?? 0) + 1;
  const participants = rows.map((row) => row.memberId).sort(byCodeUnits);
  return { participants, counts };
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sealOpenBallots(
  voteId: string,
  named: boolean,
  rows: readonly BallotRow[],
  at: number,
): VoteSeal {
  const list: NamedBallot[] = [...rows]
    .sort((a, b) => byCodeUnits(a.memberId, b.memberId))
    .map((row) => ({
      memberId: row.memberId,
      choice: row.choice,
      enteredByUserId: row.enteredByUserId,
    }));
  if (!named) {
    // An open vote publishes counts only. A digest over each member's choice would let anyone
    // who knows who voted and the counts try every assignment until the digest matches.
    const { participants, counts } = openBallotSummary(rows);
    return {
      type: 'vote.sealed',
      voteId,
      ballots: participants.length,
      digest: ballotDigest({ voteId, participants, counts }),
      named: null,
      at,
    };
  }
  return {
    type: 'vote.sealed',
    voteId,
    ballots: list.length,
    digest: ballotDigest({ voteId, ballots: list }),
    named: list,
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
    digest: ballotDigest({ voteId, participants: [...participants].sort(), counts }),
    named: null,
    at,
  };
}

/** The domain's record reads seals by this shape: a change here that breaks it fails to compile. */
export type SealSatisfiesRecord = VoteSeal extends VoteSealFacts ? true : never;
const _sealFits: SealSatisfiesRecord = true;
void _sealFits;
