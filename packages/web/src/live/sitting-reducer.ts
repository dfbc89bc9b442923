import { applyAgendaChange, enqueueSpeaker } from '@veche/domain';
import type { LiveEvent } from './live-events';
import type { SittingView, TallyView, VoteView } from './sitting-view';

/**
 * The view no longer matches the log (an event it cannot apply): the client must start again from
 * a fresh snapshot rather than show a state the server never had.
 */
export class ViewOutOfStepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ViewOutOfStepError';
  }
}

type Presence = SittingView['presence'];
type QuorumCheck = SittingView['quorumCheck'];

function withPresence(presence: Presence, memberId: string, present: boolean, at: number) {
  const before = presence[memberId];
  if (before === undefined || before.present === present) return presence;
  return { ...presence, [memberId]: { present, since: at } };
}

function withConfirmed(check: QuorumCheck, memberId: string, confirmed: boolean): QuorumCheck {
  if (check === null) return null;
  const rest = check.confirmed.filter((id) => id !== memberId);
  return { ...check, confirmed: confirmed ? [...rest, memberId].sort() : rest };
}

function withVote(
  view: SittingView,
  voteId: string,
  change: (vote: VoteView) => VoteView,
): SittingView {
  const vote = view.votes[voteId];
  if (vote === undefined) return view;
  return { ...view, votes: { ...view.votes, [voteId]: change(vote) } };
}

/** A finished vote shows its result, not who voted (as the server's view does). */
function settledTally(vote: VoteView): TallyView {
  return {
    secret: vote.tally.secret,
    counts: vote.result?.counts ?? null,
    voted: vote.result?.voted ?? 0,
    voters: null,
    choices: null,
    proxied: null,
  };
}

function openedVote(event: Extract<LiveEvent, { type: 'vote.opened' }>): VoteView {
  return {
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
    tally: {
      secret: event.kind === 'secret',
      // Only a named vote's counts move in public while it runs; the others come with the result.
      counts: event.kind === 'named' ? Object.fromEntries(event.options.map((o) => [o, 0])) : null,
      voted: 0,
      voters: [],
      choices: null,
      proxied: null,
    },
    result: null,
    annulment: null,
    repeatOf: event.repeatOf,
    repeatedBy: null,
  };
}

/**
 * Folds one event of the sitting log into the view, as the domain's `evolve` folds it into the
 * state (packages/domain/src/sitting/sitting.evolve.ts), except that votes keep the viewer's
 * tally. Pure. Ballots are not in the log: counts arrive as `tally` messages (`applyTally`).
 */
export function applyEvent(view: SittingView, event: LiveEvent): SittingView {
  switch (event.type) {
    case 'sitting.convened':
      return { ...view, status: 'convened' };
    case 'sitting.opened':
      return { ...view, status: 'open', openedAt: event.at };
    case 'sitting.suspended':
      return { ...view, status: 'suspended', suspendedAt: event.at };
    case 'sitting.resumed':
      return { ...view, status: 'open', suspendedAt: null };
    case 'sitting.closed':
      return { ...view, status: 'closed', closedAt: event.at, suspendedAt: null };
    case 'quorum.check_started':
      return {
        ...view,
        quorumCheck: {
          checkId: event.checkId,
          startedAt: event.at,
          endsAt: event.endsAt,
          confirmed: [],
        },
      };
    case 'presence.confirmed':
      return {
        ...view,
        presence: withPresence(view.presence, event.memberId, true, event.at),
        quorumCheck: withConfirmed(view.quorumCheck, event.memberId, true),
      };
    case 'presence.marked':
      return {
        ...view,
        presence: withPresence(view.presence, event.memberId, event.present, event.at),
        quorumCheck:
          event.checkId === null
            ? view.quorumCheck
            : withConfirmed(view.quorumCheck, event.memberId, event.present),
      };
    case 'quorum.check_closed': {
      let presence = view.presence;
      for (const id of event.present) presence = withPresence(presence, id, true, event.at);
      for (const id of event.absent) presence = withPresence(presence, id, false, event.at);
      return {
        ...view,
        presence,
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
      return { ...view, currentItemId: event.itemId };
    case 'agenda.amended':
      try {
        return { ...view, agenda: applyAgendaChange(view.agenda, event.change) };
      } catch (error) {
        throw new ViewOutOfStepError(error instanceof Error ? error.message : 'agenda change');
      }
    case 'speaker.requested':
      return { ...view, speakerQueue: enqueueSpeaker(view.speakerQueue, event.entry) };
    case 'speaker.withdrawn':
      return {
        ...view,
        speakerQueue: view.speakerQueue.filter((entry) => entry.requestId !== event.requestId),
      };
    case 'speaker.granted': {
      const entry = view.speakerQueue.find((queued) => queued.requestId === event.requestId);
      if (entry === undefined) return view;
      return {
        ...view,
        speakerQueue: view.speakerQueue.filter((queued) => queued.requestId !== event.requestId),
        currentSpeaker: {
          ...entry,
          grantedAt: event.at,
          limitMs: event.limitMs,
          endsAt: event.endsAt,
        },
      };
    }
    case 'speaker.extended':
      return view.currentSpeaker === null
        ? view
        : { ...view, currentSpeaker: { ...view.currentSpeaker, endsAt: event.endsAt } };
    case 'speaker.ended':
      return { ...view, currentSpeaker: null };
    case 'vote.opened': {
      const vote = openedVote(event);
      const opened: SittingView = {
        ...view,
        votes: { ...view.votes, [vote.id]: vote },
        voteOrder: [...view.voteOrder, vote.id],
        openVoteId: vote.id,
      };
      return event.repeatOf === null
        ? opened
        : withVote(opened, event.repeatOf, (old) => ({ ...old, repeatedBy: vote.id }));
    }
    case 'vote.extended':
      return withVote(view, event.voteId, (vote) => ({ ...vote, deadlineAt: event.deadlineAt }));
    case 'vote.closed': {
      const closed = withVote(view, event.voteId, (vote) => {
        const next: VoteView = {
          ...vote,
          status: 'closed',
          result: {
            counts: event.counts,
            voted: event.voted,
            entitled: event.entitled,
            outcome: event.outcome,
            closedBy: event.closedBy,
            closedAt: event.at,
          },
        };
        return { ...next, tally: settledTally(next) };
      });
      return view.openVoteId === event.voteId ? { ...closed, openVoteId: null } : closed;
    }
    case 'vote.annulled': {
      const annulled = withVote(view, event.voteId, (vote) => {
        const next: VoteView = {
          ...vote,
          status: 'annulled',
          annulment: { reason: event.reason, at: event.at },
        };
        return { ...next, tally: settledTally(next) };
      });
      return view.openVoteId === event.voteId ? { ...annulled, openVoteId: null } : annulled;
    }
    case 'chat.sent': {
      // Message ids are unique in a sitting's chat (the domain refuses a second): never twice.
      if (view.chat.some((message) => message.messageId === event.messageId)) return view;
      const { messageId, from, to, text, at } = event;
      return { ...view, chat: [...view.chat, { messageId, from, to, text, at }] };
    }
  }
}

export interface TallyUpdate {
  readonly voteId: string;
  readonly counts: Readonly<Record<string, number>> | null;
  readonly voted: number;
  readonly voters: readonly string[] | null;
  /** Whose ballot the operator entered (conductors only); absent from an older server. */
  readonly proxied?: readonly string[] | null;
}

/**
 * A running vote's tally from the server. A tally of a vote that is no longer open is late (it
 * was computed before the close the view already shows) and changes nothing.
 */
export function applyTally(view: SittingView, tally: TallyUpdate): SittingView {
  const vote = view.votes[tally.voteId];
  if (vote?.status !== 'open') return view;
  return withVote(view, tally.voteId, (open) => ({
    ...open,
    tally: {
      ...open.tally,
      counts: tally.counts === null ? null : { ...tally.counts },
      voted: tally.voted,
      voters: tally.voters === null ? null : [...tally.voters],
      proxied:
        tally.proxied === undefined
          ? open.tally.proxied
          : tally.proxied === null
            ? null
            : [...tally.proxied],
    },
  }));
}
