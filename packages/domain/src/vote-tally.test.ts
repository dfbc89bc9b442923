import { describe, expect, it } from 'vitest';
import { majorityPreset } from './majority.presets.js';
import {
  DEFAULT_VOTE_OPTIONS,
  emptyTally,
  publishableVote,
  tallyVoterCount,
  tallyWithBallot,
  tallyWithParticipant,
  tallyWithSecretChoice,
} from './vote-tally.js';
import type { VoteKind, VoteState } from './vote-tally.js';

function closedVote(kind: VoteKind): VoteState {
  let tally = emptyTally(kind, DEFAULT_VOTE_OPTIONS);
  const ballots: Array<[string, string]> = [
    ['m01', 'for'],
    ['m02', 'against'],
    ['m03', 'for'],
  ];
  for (const [memberId, choice] of ballots) {
    if (tally.secret) {
      tally = tallyWithSecretChoice(tallyWithParticipant(tally, memberId), choice);
    } else {
      tally = tallyWithBallot(tally, memberId, {
        choice,
        at: 1,
        enteredBy: memberId === 'm03' ? { operatorId: 'op', reason: 'tablet battery' } : null,
      });
    }
  }
  return {
    id: 'v1',
    subject: 'Budget amendment',
    itemId: 'a2-1',
    kind,
    options: DEFAULT_VOTE_OPTIONS,
    majority: majorityPreset('pl.simple').rule,
    majorityPresetId: 'pl.simple',
    status: 'closed',
    openedAt: 0,
    deadlineAt: 60_000,
    entitled: ['m01', 'm02', 'm03', 'm04'],
    absent: ['m05'],
    statutorySize: 5,
    tally,
    result: {
      counts: tally.counts,
      voted: tallyVoterCount(tally),
      entitled: 4,
      outcome: null,
      closedBy: 'operator',
      closedAt: 30_000,
    },
    annulment: null,
    repeatOf: null,
    repeatedBy: null,
  };
}

describe('tally', () => {
  it('replaces a changed ballot without counting it twice', () => {
    let tally = emptyTally('named', DEFAULT_VOTE_OPTIONS);
    tally = tallyWithBallot(tally, 'm01', { choice: 'for', at: 1, enteredBy: null });
    tally = tallyWithBallot(tally, 'm01', { choice: 'against', at: 2, enteredBy: null });
    expect(tally.counts).toEqual({ for: 0, against: 1, abstain: 0 });
    expect(tallyVoterCount(tally)).toBe(1);
  });

  it('keeps secret participants sorted and apart from the counts', () => {
    let tally = emptyTally('secret', DEFAULT_VOTE_OPTIONS);
    tally = tallyWithParticipant(tally, 'm09');
    tally = tallyWithSecretChoice(tally, 'against');
    tally = tallyWithParticipant(tally, 'm02');
    tally = tallyWithSecretChoice(tally, 'for');
    expect(tally).toEqual({
      secret: true,
      participants: ['m02', 'm09'],
      counts: { for: 1, against: 1, abstain: 0 },
    });
    expect(() =>
      tallyWithBallot(tally, 'm01', { choice: 'for', at: 1, enteredBy: null }),
    ).toThrow();
  });
});

describe('publishableVote', () => {
  it('publishes the named list for a named vote, marking operator-entered ballots', () => {
    const published = publishableVote(closedVote('named'));
    expect(published?.counts).toEqual({ for: 2, against: 1, abstain: 0 });
    expect(published?.named).toEqual([
      { memberId: 'm01', choice: 'for', enteredByOperator: false },
      { memberId: 'm02', choice: 'against', enteredByOperator: false },
      { memberId: 'm03', choice: 'for', enteredByOperator: true },
      { memberId: 'm04', choice: 'not_voting', enteredByOperator: false },
      { memberId: 'm05', choice: 'absent', enteredByOperator: false },
    ]);
  });

  it.each(['open', 'secret'] as const)('publishes only counts for a %s vote', (kind) => {
    const published = publishableVote(closedVote(kind));
    expect(published?.counts).toEqual({ for: 2, against: 1, abstain: 0 });
    expect(published?.voted).toBe(3);
    expect(published?.named).toBeNull();
    expect(JSON.stringify(published)).not.toMatch(/m0\d/);
  });

  it('publishes nothing while the vote is open', () => {
    expect(publishableVote({ ...closedVote('named'), status: 'open', result: null })).toBeNull();
  });
});
