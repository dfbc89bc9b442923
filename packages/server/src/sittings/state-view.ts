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
  if (vote.status !== 'open') {
    // A finished vote is shown by its result; who chose what in a named vote is published in the
    // log's `vote.sealed` event, which every client receives.
    return {
      ...vote,
      tally: {
        secret: tally.secret,
        counts: vote.result?.counts ?? null,
        voted: vote.result?.voted ?? 0,
        voters: null,
        choices: null,
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
    },
  };
}

/**
 * The sitting as one kind of viewer may see it (DESIGN.md section 5: every event is filtered by
 * the receiver's role). No view ever holds a member's choice: not for secret votes (the state has
 * no such link), not for open votes (only counts are published), and named votes publish theirs
 * in the sealed log event once closed.
 */
export function viewOf(state: SittingState, viewer: Viewer): SittingView {
  return {
    ...state,
    votes: Object.fromEntries(
      Object.entries(state.votes).map(([id, vote]) => [id, voteView(vote, viewer)]),
    ),
  };
}
