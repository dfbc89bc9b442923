import {
  normalizeAgenda,
  numberAgenda,
  type NumberedAgendaItem,
  type SittingState,
  type VoteState,
} from '@veche/domain';
import type { NamedList, PublicVote } from '@veche/protocol';
import type { NamedChoices } from '../sittings/live-sitting.service.js';

/**
 * A sitting's closed votes as the public reads them (issue 6), from the live service's state and
 * the named lists sealed into the log. Only closed votes: an open vote has no result yet, and an
 * annulled one never took effect. Named votes publish each member's choice; open and secret
 * votes only their counts and how many took part.
 */

/** What the open data is built from: a sitting's folded log and its sealed named lists. */
export interface SittingLog {
  readonly sittingId: string;
  readonly state: SittingState;
  readonly named: NamedChoices;
}

/** The address of a vote's public files (relative to the server's origin). */
export function votePath(sittingId: string, voteId: string, file: string): string {
  return `/api/public/sittings/${sittingId}/votes/${voteId}/${file}`;
}

/** Every item ever on the agenda, numbered as it stood at the end (removed items as first set). */
export function agendaIndex(state: SittingState): Map<string, NumberedAgendaItem> {
  const index = new Map<string, NumberedAgendaItem>();
  for (const item of numberAgenda(normalizeAgenda(state.setup.agenda ?? []))) {
    index.set(item.id, item);
  }
  for (const item of numberAgenda(state.agenda)) index.set(item.id, item);
  return index;
}

/** The sitting's closed votes, in the order they opened. */
export function closedVotes(state: SittingState): VoteState[] {
  return state.voteOrder
    .map((id) => state.votes[id])
    .filter((vote): vote is VoteState => vote?.status === 'closed' && vote.result !== null);
}

function publicVote(
  log: SittingLog,
  vote: VoteState,
  position: number,
  agenda: ReadonlyMap<string, NumberedAgendaItem>,
): PublicVote {
  const result = vote.result!;
  const item = vote.itemId === null ? undefined : agenda.get(vote.itemId);
  const named = vote.kind === 'named';
  const outcome = result.outcome;
  return {
    id: vote.id,
    sittingId: log.sittingId,
    position,
    subject: vote.subject,
    itemId: vote.itemId,
    itemNumber: item?.number ?? null,
    itemTitle: item?.title ?? null,
    kind: vote.kind,
    options: [...vote.options],
    rule: { presetId: vote.majorityPresetId, ...vote.majority },
    openedAt: new Date(vote.openedAt).toISOString(),
    closedAt: new Date(result.closedAt).toISOString(),
    closedBy: result.closedBy,
    counts: { ...result.counts },
    voted: result.voted,
    entitled: result.entitled,
    absent: vote.absent.length,
    statutorySize: vote.statutorySize,
    outcome:
      outcome === null
        ? null
        : {
            passed: outcome.passed,
            reason: outcome.reason,
            forCount: outcome.forCount,
            againstCount: outcome.againstCount,
            abstainCount: outcome.abstainCount,
            base: outcome.base,
            baseSize: outcome.baseSize,
            comparison: outcome.comparison,
            required: { ...outcome.required },
            minimumFor: outcome.minimumFor,
            text: outcome.text,
          },
    links: {
      listJson: named ? votePath(log.sittingId, vote.id, 'list.json') : null,
      listCsv: named ? votePath(log.sittingId, vote.id, 'list.csv') : null,
      popolo: votePath(log.sittingId, vote.id, 'popolo.json'),
    },
  };
}

/** The sitting's closed votes as published, with their arithmetic and links. */
export function publicVotes(log: SittingLog): PublicVote[] {
  const agenda = agendaIndex(log.state);
  return closedVotes(log.state).map((vote, index) => publicVote(log, vote, index + 1, agenda));
}

/**
 * A closed named vote's list: every member of the body in the body's order, with their choice,
 * `absent` when not present at the opening, `not_voting` when present but no ballot came.
 * Undefined for any other vote (open, secret, still running, annulled, unknown).
 */
export function namedList(
  log: SittingLog,
  voteId: string,
  /** The vote as published, when the caller has it already. */
  published: PublicVote | undefined = publicVotes(log).find((candidate) => candidate.id === voteId),
): NamedList | undefined {
  const vote = published?.id === voteId ? published : undefined;
  const state = log.state.votes[voteId];
  const ballots = log.named[voteId];
  if (vote === undefined || state === undefined || vote.kind !== 'named' || ballots === undefined) {
    return undefined;
  }
  const byMember = new Map(ballots.map((ballot) => [ballot.memberId, ballot]));
  const absent = new Set(state.absent);
  const entitled = new Set(state.entitled);
  const list: NamedList['ballots'] = [];
  for (const member of log.state.setup.members) {
    const ballot = byMember.get(member.id);
    if (ballot !== undefined) {
      list.push({
        memberId: member.id,
        name: member.name,
        choice: ballot.choice,
        enteredByOperator: ballot.enteredByUserId !== null,
      });
    } else if (absent.has(member.id) || entitled.has(member.id)) {
      list.push({
        memberId: member.id,
        name: member.name,
        choice: absent.has(member.id) ? 'absent' : 'not_voting',
        enteredByOperator: false,
      });
    }
  }
  return { vote, ballots: list };
}
