import { tallyWithBallots, tallyWithSecretBallots, type OpenBallot } from '../vote-tally.js';
import type { SittingEvent } from './sitting.events.js';
import { evolve } from './sitting.evolve.js';
import type { SittingState } from './sitting.state.js';

type BallotEvent = Extract<
  SittingEvent,
  {
    type: 'vote.cast_recorded' | 'vote.participation_recorded' | 'vote.secret_choice_recorded';
  }
>;

const isBallotEvent = (event: SittingEvent): event is BallotEvent =>
  event.type === 'vote.cast_recorded' ||
  event.type === 'vote.participation_recorded' ||
  event.type === 'vote.secret_choice_recorded';

/**
 * Folds events into the state with the same result as `events.reduce(evolve, state)`, but each
 * run of ballots of one vote is recorded in one step. The server folds an open vote's ballots
 * every time it publishes a tally or closes the vote; one at a time, each ballot copies all the
 * ones before it, which is quadratic in the size of the council.
 */
export function evolveAll(state: SittingState, events: readonly SittingEvent[]): SittingState {
  let next = state;
  let start = 0;
  while (start < events.length) {
    const first = events[start]!;
    if (!isBallotEvent(first)) {
      next = evolve(next, first);
      start++;
      continue;
    }
    let end = start + 1;
    while (end < events.length) {
      const event = events[end]!;
      if (!isBallotEvent(event) || event.voteId !== first.voteId) break;
      end++;
    }
    next = withBallotRun(next, first.voteId, events.slice(start, end) as BallotEvent[]);
    start = end;
  }
  return next;
}

function withBallotRun(
  state: SittingState,
  voteId: string,
  run: readonly BallotEvent[],
): SittingState {
  const vote = state.votes[voteId];
  if (vote === undefined) return state;
  const open: [string, OpenBallot][] = [];
  const participants: string[] = [];
  const choices: string[] = [];
  for (const event of run) {
    if (event.type === 'vote.cast_recorded') {
      open.push([
        event.memberId,
        { choice: event.choice, at: event.at, enteredBy: event.enteredBy },
      ]);
    } else if (event.type === 'vote.participation_recorded') {
      participants.push(event.memberId);
    } else {
      choices.push(event.choice);
    }
  }
  // A run mixing open ballots with secret ones cannot come from `decide`; the single-step
  // functions refuse it with the same errors.
  let tally = vote.tally;
  if (open.length > 0) tally = tallyWithBallots(tally, open);
  if (participants.length > 0 || choices.length > 0) {
    tally = tallyWithSecretBallots(tally, participants, choices);
  }
  return { ...state, votes: { ...state.votes, [voteId]: { ...vote, tally } } };
}
