import { canReadChat, chatFor } from '@veche/domain';
import type { ChatReader, EventOf, SittingState, VoteState } from '@veche/domain';
import type { NamedBallot } from './ballot-seal.js';
import type { LoggedEvent } from './live-sitting.service.js';

/**
 * What kind of viewer is looking: the public, a signed-in user of the council, or someone
 * conducting the sitting. Votes are shown by kind alone, so per-kind caches key on this.
 */
export type Viewer = 'public' | 'member' | 'conductor';

/**
 * Who is looking, in person. The chat also depends on who they are: a member reads the private
 * messages they wrote or that are written to them, and no one else's.
 */
export interface SittingViewer {
  readonly kind: Viewer;
  readonly userId: string | null;
  /** Their member id in this sitting; null when they do not sit in its body. */
  readonly memberId: string | null;
}

export const PUBLIC_VIEWER: SittingViewer = { kind: 'public', userId: null, memberId: null };

/** The viewer as the domain's chat rules see them; the public reads no chat at all. */
function chatReaderOf(viewer: SittingViewer): ChatReader | null {
  if (viewer.kind === 'public') return null;
  return {
    conducting: viewer.kind === 'conductor',
    userId: viewer.userId,
    memberId: viewer.memberId,
  };
}

export type VoteView = Omit<VoteState, 'tally'> & {
  readonly tally: {
    readonly secret: boolean;
    /** Hidden (null) while a secret vote runs: moving counts would betray who chose what. */
    readonly counts: Readonly<Record<string, number>> | null;
    readonly voted: number;
    /** Who has voted; members and conductors only. */
    readonly voters: readonly string[] | null;
    /** Each member's choice: named votes once closed, for everyone. */
    readonly choices: Readonly<Record<string, string>> | null;
    /**
     * Members whose ballot the operator entered for them (a proxy ballot), sorted: while a named
     * or open vote runs, for conductors only (who see who has voted, and may enter ballots);
     * once a named vote has closed, with its choices, for everyone. Null otherwise.
     */
    readonly proxied: readonly string[] | null;
  };
};

export type SittingView = Omit<SittingState, 'votes'> & {
  readonly votes: Readonly<Record<string, VoteView>>;
};

/** One vote as a kind of viewer may see it (what a tally message carries, too). */
export function voteView(
  vote: VoteState,
  viewer: Viewer,
  /** A closed named vote's ballots, from its seal in the log. */
  named: readonly NamedBallot[] | null = null,
): VoteView {
  const { tally } = vote;
  if (vote.status !== 'open') {
    // A finished vote is shown by its result. Who chose what in a named vote is public once it
    // closed: it comes with the seal's named list, so that a page opened later shows it too,
    // with the ballots the operator entered marked as such.
    const list = vote.kind === 'named' && vote.status === 'closed' ? named : null;
    return {
      ...vote,
      tally: {
        secret: tally.secret,
        counts: vote.result?.counts ?? null,
        voted: vote.result?.voted ?? 0,
        voters: null,
        choices:
          list === null
            ? null
            : Object.fromEntries(list.map((ballot) => [ballot.memberId, ballot.choice])),
        proxied:
          list === null
            ? null
            : list
                .filter((ballot) => ballot.enteredByUserId !== null)
                .map((ballot) => ballot.memberId)
                .sort(),
      },
    };
  }
  const voters = tally.secret ? [...tally.participants] : Object.keys(tally.ballots).sort();
  return {
    ...vote,
    tally: {
      secret: tally.secret,
      // Live counts only for named votes, whose choices become public anyway: for secret and
      // open (not named) votes, counts moving next to the list of who has voted would betray
      // individual choices, so they appear with the result.
      counts: vote.kind === 'named' ? tally.counts : null,
      voted: voters.length,
      voters: viewer === 'public' ? null : voters,
      choices: null,
      // Secret ballots are never entered for anyone (the domain refuses it).
      proxied:
        viewer === 'conductor' && !tally.secret
          ? Object.entries(tally.ballots)
              .filter(([, ballot]) => ballot.enteredBy !== null)
              .map(([memberId]) => memberId)
              .sort()
          : null,
    },
  };
}

/**
 * The sitting as this viewer may see it (DESIGN.md section 5: every event is filtered by the
 * receiver's role). No view ever holds a member's choice: not for secret votes (the state has
 * no such link), not for open votes (only counts are published); a named vote's choices appear
 * once it has closed (from its seal in the log). The chat holds only the messages the viewer may read
 * (`canReadChat`): none for the public.
 */
export function viewOf(
  state: SittingState,
  viewer: SittingViewer,
  /** Closed named votes' ballots by vote id (the log's seals). */
  named: Readonly<Record<string, readonly NamedBallot[]>> = {},
): SittingView {
  return {
    ...state,
    votes: Object.fromEntries(
      Object.entries(state.votes).map(([id, vote]) => [
        id,
        voteView(vote, viewer.kind, named[id] ?? null),
      ]),
    ),
    chat: chatFor(state.chat, chatReaderOf(viewer)),
  };
}

const isChatSent = (event: LoggedEvent): event is EventOf<'chat.sent'> =>
  event.type === 'chat.sent';

/** May this viewer read this logged event's content? Only chat messages are ever withheld. */
export function mayReadEvent(event: LoggedEvent, viewer: SittingViewer): boolean {
  return !isChatSent(event) || canReadChat(event, chatReaderOf(viewer));
}

/**
 * A live event the viewer may not read, in its place: the sequence stays without gaps (a client
 * that saw a gap would subscribe again and again), and nothing but "a message was sent" shows,
 * not even its time.
 */
export interface RedactedEventView {
  readonly type: LoggedEvent['type'];
  readonly redacted: true;
}

/** A live event as this viewer may see it: whole, or redacted. */
export function eventView(
  event: LoggedEvent,
  viewer: SittingViewer,
): LoggedEvent | RedactedEventView {
  return mayReadEvent(event, viewer) ? event : { type: event.type, redacted: true };
}
