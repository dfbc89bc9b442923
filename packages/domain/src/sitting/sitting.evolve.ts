import {
  emptyTally,
  tallyWithBallot,
  tallyWithParticipant,
  tallyWithSecretChoice,
} from '../vote-tally.js';
import type { VoteState } from '../vote-tally.js';
import { applyAgendaChange } from './agenda-tree.js';
import type { SittingEvent } from './sitting.events.js';
import { initialSittingState } from './sitting.state.js';
import type { PresenceEntry, SittingSetup, SittingState } from './sitting.state.js';
import { enqueueSpeaker } from './speaker-queue.js';

function withPresence(state: SittingState, memberId: string, present: boolean, at: number) {
  const before = state.presence[memberId];
  if (before === undefined || before.present === present) return state.presence;
  const entry: PresenceEntry = { present, since: at };
  return { ...state.presence, [memberId]: entry };
}

function withConfirmed(state: SittingState, memberId: string, confirmed: boolean) {
  const check = state.quorumCheck;
  if (check === null) return null;
  const rest = check.confirmed.filter((id) => id !== memberId);
  return { ...check, confirmed: confirmed ? [...rest, memberId].sort() : rest };
}

function withVote(
  state: SittingState,
  voteId: string,
  change: (vote: VoteState) => VoteState,
): SittingState {
  const vote = state.votes[voteId];
  if (vote === undefined) return state;
  return { ...state, votes: { ...state.votes, [voteId]: change(vote) } };
}

/**
 * Folds one event into the state (DESIGN.md section 5: the state is `evolve` folded over the log).
 * Pure and total: it trusts events, since only `decide` makes them.
 */
export function evolve(state: SittingState, event: SittingEvent): SittingState {
  switch (event.type) {
    case 'sitting.convened':
      return { ...state, status: 'convened' };
    case 'sitting.opened':
      return { ...state, status: 'open', openedAt: event.at };
    case 'sitting.suspended':
      return { ...state, status: 'suspended', suspendedAt: event.at };
    case 'sitting.resumed':
      return { ...state, status: 'open', suspendedAt: null };
    case 'sitting.closed':
      return { ...state, status: 'closed', closedAt: event.at, suspendedAt: null };
    case 'quorum.check_started':
      return {
        ...state,
        quorumCheck: {
          checkId: event.checkId,
          startedAt: event.at,
          endsAt: event.endsAt,
          confirmed: [],
        },
      };
    case 'presence.confirmed':
      return {
        ...state,
        presence: withPresence(state, event.memberId, true, event.at),
        quorumCheck: withConfirmed(state, event.memberId, true),
      };
    case 'presence.marked':
      return {
        ...state,
        presence: withPresence(state, event.memberId, event.present, event.at),
        quorumCheck:
          event.checkId === null
            ? state.quorumCheck
            : withConfirmed(state, event.memberId, event.present),
      };
    case 'quorum.check_closed': {
      let next: SittingState = state;
      for (const id of event.present)
        next = { ...next, presence: withPresence(next, id, true, event.at) };
      for (const id of event.absent)
        next = { ...next, presence: withPresence(next, id, false, event.at) };
      return {
        ...next,
        quorumCheck: null,
        lastQuorumCheck: {
          checkId: event.checkId,
          closedAt: event.at,
          present: event.present,
          result: event.result,
        },
      };
    }
    case 'agenda.current_set':
      return { ...state, currentItemId: event.itemId };
    case 'agenda.amended':
      return { ...state, agenda: applyAgendaChange(state.agenda, event.change) };
    case 'speaker.requested':
      return { ...state, speakerQueue: enqueueSpeaker(state.speakerQueue, event.entry) };
    case 'speaker.withdrawn':
      return {
        ...state,
        speakerQueue: state.speakerQueue.filter((entry) => entry.requestId !== event.requestId),
      };
    case 'speaker.granted': {
      const entry = state.speakerQueue.find((queued) => queued.requestId === event.requestId);
      if (entry === undefined) return state;
      return {
        ...state,
        speakerQueue: state.speakerQueue.filter((queued) => queued.requestId !== event.requestId),
        currentSpeaker: {
          ...entry,
          grantedAt: event.at,
          limitMs: event.limitMs,
          endsAt: event.endsAt,
        },
      };
    }
    case 'speaker.extended':
      return state.currentSpeaker === null
        ? state
        : { ...state, currentSpeaker: { ...state.currentSpeaker, endsAt: event.endsAt } };
    case 'speaker.ended':
      return { ...state, currentSpeaker: null };
    case 'vote.opened': {
      const vote: VoteState = {
        id: event.voteId,
        subject: event.subject,
        itemId: event.itemId,
        kind: event.kind,
        options: event.options,
        majority: event.majority,
        majorityPresetId: event.majorityPresetId,
        status: 'open',
        openedAt: event.at,
        deadlineAt: event.deadlineAt,
        entitled: event.entitled,
        absent: event.absent,
        statutorySize: event.statutorySize,
        tally: emptyTally(event.kind, event.options),
        result: null,
        annulment: null,
        repeatOf: event.repeatOf,
        repeatedBy: null,
      };
      const opened: SittingState = {
        ...state,
        votes: { ...state.votes, [vote.id]: vote },
        voteOrder: [...state.voteOrder, vote.id],
        openVoteId: vote.id,
      };
      return event.repeatOf === null
        ? opened
        : withVote(opened, event.repeatOf, (old) => ({ ...old, repeatedBy: vote.id }));
    }
    case 'vote.cast_recorded':
      return withVote(state, event.voteId, (vote) => ({
        ...vote,
        tally: tallyWithBallot(vote.tally, event.memberId, {
          choice: event.choice,
          at: event.at,
          enteredBy: event.enteredBy,
        }),
      }));
    case 'vote.participation_recorded':
      return withVote(state, event.voteId, (vote) => ({
        ...vote,
        tally: tallyWithParticipant(vote.tally, event.memberId),
      }));
    case 'vote.secret_choice_recorded':
      return withVote(state, event.voteId, (vote) => ({
        ...vote,
        tally: tallyWithSecretChoice(vote.tally, event.choice),
      }));
    case 'vote.extended':
      return withVote(state, event.voteId, (vote) => ({ ...vote, deadlineAt: event.deadlineAt }));
    case 'vote.closed': {
      const closed = withVote(state, event.voteId, (vote) => ({
        ...vote,
        status: 'closed',
        // The closing event's counts are final: a secret vote's choices may live only in the
        // server's ballot box, not in the sitting log this state was folded from.
        tally: { ...vote.tally, counts: event.counts },
        result: {
          counts: event.counts,
          voted: event.voted,
          entitled: event.entitled,
          outcome: event.outcome,
          closedBy: event.closedBy,
          closedAt: event.at,
        },
      }));
      return state.openVoteId === event.voteId ? { ...closed, openVoteId: null } : closed;
    }
    case 'vote.annulled': {
      const annulled = withVote(state, event.voteId, (vote) => ({
        ...vote,
        status: 'annulled',
        annulment: { reason: event.reason, at: event.at },
      }));
      return state.openVoteId === event.voteId ? { ...annulled, openVoteId: null } : annulled;
    }
    case 'chat.sent': {
      // Field by field: the state keeps a message, not the event's `type`.
      const { messageId, from, to, text, at } = event;
      return { ...state, chat: [...state.chat, { messageId, from, to, text, at }] };
    }
  }
}

/** The state after a whole log: the same log always gives the same state (DESIGN.md section 5). */
export function replay(setup: SittingSetup, events: readonly SittingEvent[]): SittingState {
  return events.reduce(evolve, initialSittingState(setup));
}
