import { evaluateMajority, majorityRuleProblems } from '../majority.rules.js';
import { isMajorityPresetId, majorityPreset } from '../majority.presets.js';
import type { MajorityPresetId } from '../majority.presets.js';
import type { MajorityRule } from '../majority.rules.js';
import { checkQuorum } from '../quorum.rules.js';
import {
  DEFAULT_VOTE_OPTIONS,
  VOTE_KINDS,
  hasVoted,
  majorityCountsOf,
  tallyVoterCount,
} from '../vote-tally.js';
import type { VoteKind, VoteState } from '../vote-tally.js';
import { findAgendaItem } from './agenda-tree.js';
import type { CommandOf } from './sitting.commands.js';
import {
  accept,
  refuse,
  refuseIfBlank,
  refuseUnlessOpen,
  refuseUnlessPositive,
} from './sitting.decision.js';
import type { Decision } from './sitting.decision.js';
import { absentMembers, isMember, isPresent, presentMembers } from './sitting.state.js';
import type { SittingState } from './sitting.state.js';

type VoteCommand = CommandOf<
  'vote.open' | 'vote.cast' | 'vote.extend' | 'vote.close' | 'vote.annul' | 'vote.repeat'
>;

/** "Not voting" and "absent" describe members in a named list, so no option may take them. */
const RESERVED_OPTIONS = ['not_voting', 'absent'];

interface VoteSpec {
  readonly voteId: string;
  readonly subject: string;
  readonly itemId: string | null;
  readonly kind: VoteKind;
  readonly majority: MajorityPresetId | MajorityRule;
  readonly options: readonly string[];
  readonly durationMs: number;
  readonly repeatOf: string | null;
}

function resolveMajority(
  majority: MajorityPresetId | MajorityRule,
): { rule: MajorityRule; presetId: MajorityPresetId | null } | { problems: string[] } {
  if (typeof majority === 'string') {
    // The type says preset id, but commands arrive from the network: check anyway.
    const id: string = majority;
    return isMajorityPresetId(id)
      ? { rule: majorityPreset(id).rule, presetId: id }
      : { problems: [`unknown preset ${id}`] };
  }
  const problems = majorityRuleProblems(majority);
  if (problems.length > 0) return { problems };
  const { base, comparison, num, den } = majority;
  return { rule: { base, comparison, num, den }, presetId: null };
}

function optionsProblem(options: readonly string[]): string | null {
  if (options.length < 2) return 'a vote needs at least two options';
  if (options.some((option) => typeof option !== 'string' || option.trim() === '')) {
    return 'options must not be empty';
  }
  if (new Set(options).size !== options.length) return 'options must be distinct';
  if (options.some((option) => RESERVED_OPTIONS.includes(option))) {
    return `options must not be ${RESERVED_OPTIONS.join(' or ')}`;
  }
  return null;
}

/**
 * Opens a vote: it needs quorum at that moment, and the members present then are the entitled
 * voters (DESIGN.md section 4, "Votes" and "Majority rules").
 */
function openVote(state: SittingState, spec: VoteSpec, now: number): Decision {
  const notOpen = refuseUnlessOpen(state);
  if (notOpen !== null) return notOpen;
  if (state.openVoteId !== null) return refuse('vote_in_progress', { voteId: state.openVoteId });
  if (state.quorumCheck !== null) {
    return refuse('quorum_check_running', { checkId: state.quorumCheck.checkId });
  }
  const blank = refuseIfBlank('voteId', spec.voteId) ?? refuseIfBlank('subject', spec.subject);
  if (blank !== null) return blank;
  if (Object.hasOwn(state.votes, spec.voteId)) return refuse('duplicate_id', { id: spec.voteId });
  if (spec.itemId !== null && findAgendaItem(state.agenda, spec.itemId) === null) {
    return refuse('unknown_item', { itemId: spec.itemId });
  }
  if (!(VOTE_KINDS as readonly string[]).includes(spec.kind)) {
    return refuse('invalid_argument', { field: 'kind', reason: 'unknown vote kind' });
  }
  const badDuration = refuseUnlessPositive('durationMs', spec.durationMs);
  if (badDuration !== null) return badDuration;
  const badOptions = optionsProblem(spec.options);
  if (badOptions !== null)
    return refuse('invalid_argument', { field: 'options', reason: badOptions });
  const majority = resolveMajority(spec.majority);
  if ('problems' in majority)
    return refuse('invalid_majority_rule', { problems: majority.problems });
  const entitled = presentMembers(state);
  const { quorumRule, statutorySize } = state.setup;
  const quorum = checkQuorum(quorumRule, statutorySize, entitled.length);
  if (!quorum.met) {
    return refuse('no_quorum', {
      required: quorum.required,
      present: quorum.present,
      statutorySize,
      rule: quorumRule,
    });
  }
  return accept({
    type: 'vote.opened',
    voteId: spec.voteId,
    subject: spec.subject,
    itemId: spec.itemId,
    kind: spec.kind,
    options: [...spec.options],
    majority: majority.rule,
    majorityPresetId: majority.presetId,
    entitled,
    absent: absentMembers(state),
    statutorySize,
    quorum,
    durationMs: spec.durationMs,
    deadlineAt: now + spec.durationMs,
    repeatOf: spec.repeatOf,
    at: now,
  });
}

/**
 * A ballot: only from an entitled member who is still present, before the deadline. A changed
 * ballot is allowed only where the council allows it, and never in a secret vote, since changing
 * it would need the member -> choice link that a secret vote must not keep (DESIGN.md section 4).
 */
function castBallot(
  state: SittingState,
  command: CommandOf<'vote.cast'>,
  vote: VoteState,
  now: number,
): Decision {
  if (now >= vote.deadlineAt)
    return refuse('deadline_passed', { deadlineAt: vote.deadlineAt, now });
  const { memberId, choice, voteId } = command;
  if (!isMember(state, memberId)) return refuse('unknown_member', { memberId });
  if (!vote.entitled.includes(memberId)) return refuse('not_entitled', { voteId, memberId });
  if (!isPresent(state, memberId)) return refuse('not_present', { memberId });
  if (!vote.options.includes(choice)) {
    return refuse('invalid_choice', { voteId, choice, options: vote.options });
  }
  const enteredBy = command.enteredBy ?? null;
  if (enteredBy !== null) {
    if (vote.kind === 'secret') return refuse('proxy_not_allowed', { voteId, kind: vote.kind });
    const blank =
      refuseIfBlank('enteredBy.operatorId', enteredBy.operatorId) ??
      refuseIfBlank('enteredBy.reason', enteredBy.reason);
    if (blank !== null) return blank;
  }
  const { ballotChangeAllowed } = state.setup;
  if (vote.tally.secret) {
    if (hasVoted(vote.tally, memberId)) {
      return refuse('already_voted', { voteId, memberId, secret: true, ballotChangeAllowed });
    }
    return accept(
      { type: 'vote.participation_recorded', voteId, memberId, at: now },
      { type: 'vote.secret_choice_recorded', voteId, choice },
    );
  }
  const previous = vote.tally.ballots[memberId];
  if (previous !== undefined && (!ballotChangeAllowed || previous.choice === choice)) {
    return refuse('already_voted', { voteId, memberId, secret: false, ballotChangeAllowed });
  }
  return accept({
    type: 'vote.cast_recorded',
    voteId,
    memberId,
    choice,
    previousChoice: previous?.choice ?? null,
    enteredBy:
      enteredBy === null ? null : { operatorId: enteredBy.operatorId, reason: enteredBy.reason },
    at: now,
  });
}

/** Closing records the final counts and the majority outcome with its arithmetic. */
function closeVote(
  state: SittingState,
  command: CommandOf<'vote.close'>,
  vote: VoteState,
  now: number,
): Decision {
  if (command.by === 'system' && now < vote.deadlineAt) {
    return refuse('deadline_not_reached', { deadlineAt: vote.deadlineAt, now });
  }
  const counts = vote.tally.counts;
  const outcome = vote.options.includes('for')
    ? evaluateMajority(vote.majority, majorityCountsOf(counts), {
        present: vote.entitled.length,
        statutory: vote.statutorySize,
      })
    : null;
  return accept({
    type: 'vote.closed',
    voteId: vote.id,
    closedBy: command.by,
    counts: { ...counts },
    voted: tallyVoterCount(vote.tally),
    entitled: vote.entitled.length,
    outcome,
    at: now,
  });
}

/** Votes (DESIGN.md section 4, "Votes"): open, cast, extend, close, annul with a reason, repeat. */
export function decideVote(state: SittingState, command: VoteCommand, now: number): Decision {
  if (command.type === 'vote.open') {
    return openVote(
      state,
      { ...command, options: command.options ?? DEFAULT_VOTE_OPTIONS, repeatOf: null },
      now,
    );
  }
  const vote = state.votes[command.voteId];
  if (vote === undefined || !Object.hasOwn(state.votes, command.voteId)) {
    return refuse('unknown_vote', { voteId: command.voteId });
  }
  switch (command.type) {
    case 'vote.cast':
    case 'vote.extend':
    case 'vote.close': {
      const notOpen = refuseUnlessOpen(state);
      if (notOpen !== null) return notOpen;
      if (vote.status !== 'open')
        return refuse('vote_closed', { voteId: vote.id, status: vote.status });
      if (command.type === 'vote.cast') return castBallot(state, command, vote, now);
      if (command.type === 'vote.close') return closeVote(state, command, vote, now);
      if (now >= vote.deadlineAt)
        return refuse('deadline_passed', { deadlineAt: vote.deadlineAt, now });
      const bad = refuseUnlessPositive('extraMs', command.extraMs);
      if (bad !== null) return bad;
      return accept({
        type: 'vote.extended',
        voteId: vote.id,
        extraMs: command.extraMs,
        deadlineAt: vote.deadlineAt + command.extraMs,
        at: now,
      });
    }
    case 'vote.annul': {
      if (state.status === 'closed') {
        return refuse('invalid_transition', { command: command.type, status: state.status });
      }
      if (vote.status === 'annulled') return refuse('already_annulled', { voteId: vote.id });
      const blank = refuseIfBlank('reason', command.reason);
      if (blank !== null) return blank;
      return accept({
        type: 'vote.annulled',
        voteId: vote.id,
        reason: command.reason.trim(),
        at: now,
      });
    }
    case 'vote.repeat': {
      if (vote.status !== 'annulled')
        return refuse('not_annulled', { voteId: vote.id, status: vote.status });
      if (vote.repeatedBy !== null) {
        return refuse('already_repeated', { voteId: vote.id, repeatedBy: vote.repeatedBy });
      }
      return openVote(
        state,
        {
          voteId: command.newVoteId,
          subject: vote.subject,
          itemId: vote.itemId,
          kind: vote.kind,
          majority: vote.majorityPresetId ?? vote.majority,
          options: vote.options,
          durationMs: command.durationMs,
          repeatOf: vote.id,
        },
        now,
      );
    }
  }
}
