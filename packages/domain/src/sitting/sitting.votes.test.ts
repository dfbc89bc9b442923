import { describe, expect, it } from 'vitest';
import { publishableVote } from '../vote-tally.js';
import type { SittingCommand } from './sitting.commands.js';
import { fixtureSetup, must, openWithPresent, startRun, step } from './sitting.fixtures.js';
import type { FixtureRun } from './sitting.fixtures.js';
import type { SittingSetup } from './sitting.state.js';

type OpenCommand = Extract<SittingCommand, { type: 'vote.open' }>;

const openVote = (overrides: Partial<OpenCommand> = {}): OpenCommand => ({
  type: 'vote.open',
  voteId: 'v1',
  subject: 'Draft resolution on the budget amendment',
  itemId: 'a2-1',
  kind: 'named',
  majority: 'pl.simple',
  durationMs: 60_000,
  ...overrides,
});

function withOpenVote(
  present: number,
  overrides: Partial<OpenCommand> = {},
  setup: Partial<SittingSetup> = {},
): FixtureRun {
  const run = startRun(fixtureSetup(setup));
  openWithPresent(run, present);
  must(run, openVote(overrides));
  return run;
}

const cast = (memberId: string, choice: string, voteId = 'v1'): SittingCommand => ({
  type: 'vote.cast',
  voteId,
  memberId,
  choice,
});

describe('opening a vote', () => {
  it('needs quorum and records the present members as entitled', () => {
    const run = startRun();
    openWithPresent(run, 7);
    expect(step(run, openVote())).toEqual({
      ok: false,
      rejection: {
        code: 'no_quorum',
        facts: { required: 8, present: 7, statutorySize: 15, rule: 'at_least_half' },
      },
    });
    must(run, { type: 'presence.mark', memberId: 'm08', present: true });
    const [opened] = must(run, openVote());
    expect(opened).toMatchObject({
      type: 'vote.opened',
      entitled: ['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08'],
      absent: ['m09', 'm10', 'm11', 'm12', 'm13', 'm14', 'm15'],
      majority: { base: 'cast', comparison: 'more_than', num: 1, den: 2 },
      majorityPresetId: 'pl.simple',
      options: ['for', 'against', 'abstain'],
      deadlineAt: run.now + 60_000,
    });
  });

  it.each<[string, Partial<OpenCommand>, string]>([
    ['an unknown item', { itemId: 'zz' }, 'unknown_item'],
    [
      'an unknown preset',
      { majority: 'pl.nonsense' as OpenCommand['majority'] },
      'invalid_majority_rule',
    ],
    [
      'a fraction above 1',
      { majority: { base: 'valid', comparison: 'at_least', num: 4, den: 3 } },
      'invalid_majority_rule',
    ],
    ['a zero duration', { durationMs: 0 }, 'invalid_argument'],
    ['one option', { options: ['yes'] }, 'invalid_argument'],
    ['repeated options', { options: ['a', 'a'] }, 'invalid_argument'],
    ['a reserved option', { options: ['for', 'absent'] }, 'invalid_argument'],
    ['a blank subject', { subject: ' ' }, 'invalid_argument'],
  ])('refuses %s', (_name, overrides, code) => {
    const run = startRun();
    openWithPresent(run, 15);
    expect(step(run, openVote(overrides))).toMatchObject({ ok: false, rejection: { code } });
  });

  it('allows one vote at a time and unique ids', () => {
    const run = withOpenVote(10);
    expect(step(run, openVote({ voteId: 'v2' }))).toMatchObject({
      ok: false,
      rejection: { code: 'vote_in_progress' },
    });
    must(run, { type: 'vote.close', voteId: 'v1', by: 'operator' });
    expect(step(run, openVote())).toMatchObject({
      ok: false,
      rejection: { code: 'duplicate_id', facts: { id: 'v1' } },
    });
  });
});

describe('casting ballots', () => {
  it.each<[string, SittingCommand, string]>([
    ['an unknown member', cast('zz', 'for'), 'unknown_member'],
    ['a member absent at the opening', cast('m12', 'for'), 'not_entitled'],
    ['an unknown choice', cast('m01', 'maybe'), 'invalid_choice'],
    ['an unknown vote', cast('m01', 'for', 'v9'), 'unknown_vote'],
  ])('refuses %s', (_name, command, code) => {
    const run = withOpenVote(10);
    expect(step(run, command)).toMatchObject({ ok: false, rejection: { code } });
  });

  it('refuses a member who was entitled but has left', () => {
    const run = withOpenVote(10);
    must(run, { type: 'presence.mark', memberId: 'm02', present: false });
    expect(step(run, cast('m02', 'for'))).toEqual({
      ok: false,
      rejection: { code: 'not_present', facts: { memberId: 'm02' } },
    });
  });

  it('refuses a member who arrived after the opening', () => {
    const run = withOpenVote(10);
    must(run, { type: 'presence.mark', memberId: 'm12', present: true });
    expect(step(run, cast('m12', 'for'))).toMatchObject({
      ok: false,
      rejection: { code: 'not_entitled' },
    });
  });

  it('refuses a second ballot unless the council allows changes', () => {
    const run = withOpenVote(10);
    must(run, cast('m01', 'for'));
    expect(step(run, cast('m01', 'against'))).toEqual({
      ok: false,
      rejection: {
        code: 'already_voted',
        facts: { voteId: 'v1', memberId: 'm01', secret: false, ballotChangeAllowed: false },
      },
    });
  });

  it('lets a member change the ballot where allowed, counting it once', () => {
    const run = withOpenVote(10, {}, { ballotChangeAllowed: true });
    must(run, cast('m01', 'for'));
    const [changed] = must(run, cast('m01', 'against'));
    expect(changed).toMatchObject({ previousChoice: 'for', choice: 'against' });
    expect(run.state.votes.v1?.tally.counts).toEqual({ for: 0, against: 1, abstain: 0 });
    expect(step(run, cast('m01', 'against'))).toMatchObject({
      ok: false,
      rejection: { code: 'already_voted' },
    });
  });

  it('never lets a secret ballot change, and never keeps who chose what', () => {
    const run = withOpenVote(10, { kind: 'secret' }, { ballotChangeAllowed: true });
    const events = must(run, cast('m03', 'against'));
    expect(events).toEqual([
      { type: 'vote.participation_recorded', voteId: 'v1', memberId: 'm03', at: run.now },
      { type: 'vote.secret_choice_recorded', voteId: 'v1', choice: 'against' },
    ]);
    must(run, cast('m01', 'for'));
    expect(step(run, cast('m01', 'against'))).toMatchObject({
      ok: false,
      rejection: { code: 'already_voted', facts: { secret: true } },
    });
    expect(run.state.votes.v1?.tally).toEqual({
      secret: true,
      participants: ['m01', 'm03'],
      counts: { for: 1, against: 1, abstain: 0 },
    });
    expect(
      step(run, {
        ...cast('m02', 'for'),
        enteredBy: { operatorId: 'op', reason: 'device' },
      } as SittingCommand),
    ).toMatchObject({
      ok: false,
      rejection: { code: 'proxy_not_allowed' },
    });
  });

  it('marks a ballot the operator entered for a member whose device failed', () => {
    const run = withOpenVote(10);
    const [event] = must(run, {
      type: 'vote.cast',
      voteId: 'v1',
      memberId: 'm04',
      choice: 'abstain',
      enteredBy: { operatorId: 'op1', reason: 'tablet froze' },
    });
    expect(event).toMatchObject({ enteredBy: { operatorId: 'op1', reason: 'tablet froze' } });
    expect(
      step(run, {
        type: 'vote.cast',
        voteId: 'v1',
        memberId: 'm05',
        choice: 'for',
        enteredBy: { operatorId: 'op1', reason: '' },
      }),
    ).toMatchObject({
      ok: false,
      rejection: { code: 'invalid_argument', facts: { field: 'enteredBy.reason' } },
    });
  });
});

describe('deadlines, extension and closing', () => {
  it('refuses ballots after the deadline and lets only the system close then', () => {
    const run = withOpenVote(10);
    expect(step(run, { type: 'vote.close', voteId: 'v1', by: 'system' })).toMatchObject({
      ok: false,
      rejection: { code: 'deadline_not_reached' },
    });
    must(run, { type: 'vote.extend', voteId: 'v1', extraMs: 30_000 });
    expect(run.state.votes.v1?.deadlineAt).toBe(run.now - 2_000 + 90_000);
    expect(step(run, cast('m01', 'for'), 80_000)).toMatchObject({ ok: true });
    expect(step(run, cast('m02', 'for'), 10_000)).toMatchObject({
      ok: false,
      rejection: { code: 'deadline_passed' },
    });
    expect(step(run, { type: 'vote.extend', voteId: 'v1', extraMs: 30_000 })).toMatchObject({
      ok: false,
      rejection: { code: 'deadline_passed' },
    });
    must(run, { type: 'vote.close', voteId: 'v1', by: 'system' });
    expect(step(run, cast('m03', 'for'))).toMatchObject({
      ok: false,
      rejection: { code: 'vote_closed', facts: { status: 'closed' } },
    });
  });

  it('closes with the counts and the outcome with its arithmetic', () => {
    const run = withOpenVote(15, { majority: 'pl.absolute_statutory' });
    const choices = [
      'for',
      'for',
      'for',
      'for',
      'for',
      'for',
      'for',
      'for',
      'against',
      'against',
      'abstain',
    ];
    choices.forEach((choice, i) =>
      must(run, cast(`m${String(i + 1).padStart(2, '0')}`, choice), 100),
    );
    const [closed] = must(run, { type: 'vote.close', voteId: 'v1', by: 'operator' });
    expect(closed).toMatchObject({
      type: 'vote.closed',
      counts: { for: 8, against: 2, abstain: 1 },
      voted: 11,
      entitled: 15,
      outcome: {
        passed: true,
        text: '8 for; required more than 7.5 of 15',
        required: { num: 15, den: 2 },
      },
    });
    expect(run.state.openVoteId).toBeNull();
    const published = publishableVote(run.state.votes.v1 ?? (undefined as never));
    expect(published?.named).toHaveLength(15);
    expect(published?.named?.[14]).toEqual({
      memberId: 'm15',
      choice: 'not_voting',
      enteredByOperator: false,
    });
  });

  it('reads an election with its own options from its counts alone', () => {
    const run = withOpenVote(10, {
      kind: 'secret',
      options: ['Kowalska', 'Nowak'],
      majority: 'pl.simple',
    });
    must(run, cast('m01', 'Nowak'));
    const [closed] = must(run, { type: 'vote.close', voteId: 'v1', by: 'operator' });
    expect(closed).toMatchObject({ counts: { Kowalska: 0, Nowak: 1 }, outcome: null });
  });
});

describe('annulling and repeating', () => {
  it('annuls with a reason and repeats with the same subject, referring to the annulled vote', () => {
    const run = withOpenVote(10, { kind: 'open', majority: 'pl.absolute_valid' });
    must(run, cast('m01', 'for'));
    must(run, { type: 'vote.close', voteId: 'v1', by: 'operator' });
    expect(
      step(run, { type: 'vote.repeat', voteId: 'v1', newVoteId: 'v2', durationMs: 60_000 }),
    ).toMatchObject({ ok: false, rejection: { code: 'not_annulled' } });
    expect(step(run, { type: 'vote.annul', voteId: 'v1', reason: '  ' })).toMatchObject({
      ok: false,
      rejection: { code: 'invalid_argument' },
    });
    must(run, { type: 'vote.annul', voteId: 'v1', reason: 'Voting terminals in row 3 failed' });
    expect(step(run, { type: 'vote.annul', voteId: 'v1', reason: 'again' })).toMatchObject({
      ok: false,
      rejection: { code: 'already_annulled' },
    });
    const [opened] = must(run, {
      type: 'vote.repeat',
      voteId: 'v1',
      newVoteId: 'v2',
      durationMs: 60_000,
    });
    expect(opened).toMatchObject({
      type: 'vote.opened',
      voteId: 'v2',
      repeatOf: 'v1',
      subject: 'Draft resolution on the budget amendment',
      kind: 'open',
      majorityPresetId: 'pl.absolute_valid',
    });
    expect(run.state.votes.v1).toMatchObject({
      status: 'annulled',
      repeatedBy: 'v2',
      annulment: { reason: 'Voting terminals in row 3 failed' },
    });
    expect(
      step(run, { type: 'vote.repeat', voteId: 'v1', newVoteId: 'v3', durationMs: 60_000 }),
    ).toMatchObject({ ok: false, rejection: { code: 'already_repeated' } });
  });

  it('annuls an open vote and frees the floor for another', () => {
    const run = withOpenVote(10);
    must(run, { type: 'vote.annul', voteId: 'v1', reason: 'wrong draft on screen' });
    expect(run.state.openVoteId).toBeNull();
    expect(publishableVote(run.state.votes.v1 ?? (undefined as never))).toBeNull();
    must(run, openVote({ voteId: 'v2' }));
  });
});
