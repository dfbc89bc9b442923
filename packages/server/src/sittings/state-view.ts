import type { SittingState, VoteState } from '@veche/domain';

/** Who is looking: the public, a member of the council, or someone conducting the sitting. */
export type Viewer = 'public' | 'member' | 'conductor';

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
  };
};

export type SittingView = Omit<SittingState, 'votes'> & {
  readonly votes: Readonly<Record<string, VoteView>>;
};

function voteView(vote: VoteState, viewer: Viewer): VoteView {
  const { tally } = vote;
  const voters = tally.secret ? [...tally.participants] : Object.keys(tally.ballots).sort();
  const running = vote.status === 'open';
  const choices =
    !tally.secret && vote.kind === 'named' && !running
      ? Object.fromEntries(Object.entries(tally.ballots).map(([id, ballot]) => [id, ballot.choice]))
      : null;
  return {
    ...vote,
    tally: {
      secret: tally.secret,
      counts: tally.secret && running ? null : tally.counts,
      voted: voters.length,
      voters: viewer === 'public' ? null : voters,
      choices,
    },
  };
}

/**
 * The sitting as one kind of viewer may see it (DESIGN.md section 5: every event is filtered by
 * the receiver's role). No view ever holds a secret vote's member -> choice link (the state has
 * none), an open vote's individual choices, or a named vote's choices before it closes.
 */
export function viewOf(state: SittingState, viewer: Viewer): SittingView {
  return {
    ...state,
    votes: Object.fromEntries(
      Object.entries(state.votes).map(([id, vote]) => [id, voteView(vote, viewer)]),
    ),
  };
}
