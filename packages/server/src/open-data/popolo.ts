import type { NamedList, PublicVote } from '@veche/protocol';

/*
 * Popolo VoteEvents (https://www.popoloproject.com/specs/vote-event.html; the schemas in
 * /work/shared/reference/popolo). One VoteEvent per closed vote: its motion (the subject, the
 * body, the rule, the result), the counts per option and, for a named vote only, each member's
 * vote. A secret or open vote has counts alone.
 */

/** Popolo's option words for ours. */
const POPOLO_OPTIONS: Readonly<Record<string, string>> = {
  for: 'yes',
  against: 'no',
  abstain: 'abstain',
  absent: 'absent',
  not_voting: 'not voting',
};
const popoloOption = (choice: string): string => POPOLO_OPTIONS[choice] ?? choice;

/**
 * An instant to the second, without fractions: Popolo's Event dates are checked by a pattern
 * that allows no fraction of a second.
 */
export const popoloDate = (iso: string): string => `${iso.slice(0, 19)}Z`;

/** The sitting a vote belongs to, as the VoteEvent names it. */
export interface PopoloSitting {
  readonly id: string;
  readonly name: string;
  readonly bodyId: string;
  readonly bodyName: string;
  readonly startsAt: string;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
}

export type PopoloVoteEvent = Record<string, unknown>;

export function popoloVoteEvent(
  sitting: PopoloSitting,
  vote: PublicVote,
  list: NamedList | undefined,
  origin: string,
): PopoloVoteEvent {
  const id = `${sitting.id}/${vote.id}`;
  const organization = {
    id: sitting.bodyId,
    name: sitting.bodyName,
    classification: 'legislature',
  };
  const result = vote.outcome === null ? null : vote.outcome.passed ? 'pass' : 'fail';
  const requirement =
    vote.outcome === null
      ? `${vote.rule.comparison === 'more_than' ? 'more than' : 'at least'} ${String(vote.rule.num)}/${String(vote.rule.den)} of ${vote.rule.base}`
      : vote.outcome.text;
  const counts = [
    ...vote.options.map((option) => ({
      option: popoloOption(option),
      value: vote.counts[option] ?? 0,
    })),
    { option: 'absent', value: vote.absent },
    { option: 'not voting', value: vote.entitled - vote.voted },
  ];
  return {
    id,
    identifier: vote.id,
    classification: vote.kind,
    organization_id: sitting.bodyId,
    organization,
    legislative_session_id: sitting.id,
    legislative_session: {
      id: sitting.id,
      name: sitting.name,
      classification: 'sitting',
      organization_id: sitting.bodyId,
      start_date: popoloDate(sitting.openedAt ?? sitting.startsAt),
      ...(sitting.closedAt === null ? {} : { end_date: popoloDate(sitting.closedAt) }),
    },
    motion_id: `${id}/motion`,
    motion: {
      id: `${id}/motion`,
      organization_id: sitting.bodyId,
      organization,
      legislative_session_id: sitting.id,
      text: vote.subject,
      classification: vote.itemNumber === null ? null : `agenda item ${vote.itemNumber}`,
      date: popoloDate(vote.openedAt),
      requirement,
      result,
    },
    start_date: popoloDate(vote.openedAt),
    end_date: popoloDate(vote.closedAt),
    result,
    counts,
    ...(list === undefined
      ? {}
      : {
          votes: list.ballots.map((ballot) => ({
            vote_event_id: id,
            voter_id: ballot.memberId,
            voter: { id: ballot.memberId, name: ballot.name },
            option: popoloOption(ballot.choice),
            role: ballot.enteredByOperator ? 'entered by the operator' : null,
          })),
        }),
    sources: [
      {
        url: `${origin}${vote.links.listJson ?? `/api/public/sittings/${sitting.id}/votes.json`}`,
        note: vote.links.listJson === null ? 'the sitting’s votes' : 'the named list',
      },
    ],
  };
}
