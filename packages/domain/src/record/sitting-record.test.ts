import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SittingCommand } from '../sitting/sitting.commands.js';
import type { EventOf, SittingEvent } from '../sitting/sitting.events.js';
import {
  FIXTURE_T0,
  fixtureSetup,
  must,
  openWithPresent,
  startRun,
  step,
} from '../sitting/sitting.fixtures.js';
import type { SittingSetup } from '../sitting/sitting.state.js';
import {
  sittingRecord,
  wasPresent,
  type RecordedEvent,
  type VoteRecord,
} from './sitting-record.js';

const MINUTE = 60_000;

interface Ballot {
  readonly choice: string;
  readonly proxy: boolean;
}

/**
 * The log as the server stores it: ballots leave it (they live in the ballot box) and each
 * closed vote is followed by its seal, with the named list for a named vote.
 */
function asStored(log: readonly SittingEvent[]): RecordedEvent[] {
  const kinds = new Map<string, string>();
  const ballots = new Map<string, Map<string, Ballot>>();
  const out: RecordedEvent[] = [];
  for (const event of log) {
    if (event.type === 'vote.opened') {
      kinds.set(event.voteId, event.kind);
      ballots.set(event.voteId, new Map());
    }
    if (event.type === 'vote.cast_recorded') {
      ballots.get(event.voteId)?.set(event.memberId, {
        choice: event.choice,
        proxy: event.enteredBy !== null,
      });
      continue;
    }
    if (event.type === 'vote.participation_recorded') continue;
    if (event.type === 'vote.secret_choice_recorded') continue;
    out.push(event);
    if (event.type === 'vote.closed') {
      const named =
        kinds.get(event.voteId) === 'named'
          ? [...(ballots.get(event.voteId) ?? new Map<string, Ballot>()).entries()]
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([memberId, ballot]) => ({
                memberId,
                choice: ballot.choice,
                enteredByUserId: ballot.proxy ? 'operator' : null,
              }))
          : null;
      out.push({ type: 'vote.sealed', voteId: event.voteId, named, at: event.at });
    }
  }
  return out;
}

const SETUP: SittingSetup = fixtureSetup({
  statutorySize: 5,
  members: [
    { id: 'm01', name: 'Anna Łęcka' },
    { id: 'm02', name: 'Bożena Żółć' },
    { id: 'm03', name: 'Cezary Ślęzak' },
    { id: 'm04', name: 'Dariusz Nowak' },
    { id: 'm05', name: 'Ewa Kowal' },
  ],
});

/** A short sitting: quorum, an added item on a vote, a speech that overran, a late arrival, a
 * break, a departure, a named vote, a secret one, an annulled and repeated one, the close. */
function workedSitting() {
  const run = startRun(SETUP);
  must(run, { type: 'sitting.open' }, 0);
  must(run, { type: 'agenda.set_current', itemId: 'a1' });
  must(run, { type: 'quorum.start', checkId: 'q1', durationMs: MINUTE });
  for (const memberId of ['m01', 'm02', 'm03']) {
    must(run, { type: 'presence.confirm', memberId }, 1_000);
  }
  must(run, { type: 'quorum.close', by: 'operator' });
  must(run, {
    type: 'vote.open',
    voteId: 'v-add',
    subject: 'Add an item',
    itemId: 'a1',
    kind: 'named',
    majority: 'pl.simple',
    durationMs: MINUTE,
  });
  must(run, { type: 'vote.cast', voteId: 'v-add', memberId: 'm01', choice: 'for' });
  must(run, { type: 'vote.cast', voteId: 'v-add', memberId: 'm02', choice: 'for' });
  must(run, { type: 'vote.cast', voteId: 'v-add', memberId: 'm03', choice: 'against' });
  must(run, { type: 'vote.close', voteId: 'v-add', by: 'operator' });
  must(run, {
    type: 'agenda.amend',
    change: { op: 'insert', parentId: null, position: 1, item: { id: 'n1', title: 'Report' } },
    basisVoteId: 'v-add',
  });
  must(run, { type: 'agenda.set_current', itemId: 'a2-1' });
  must(run, {
    type: 'speaker.request',
    requestId: 'r1',
    speaker: { kind: 'member', memberId: 'm02' },
    speechType: 'normal',
    itemId: 'a2-1',
  });
  must(run, { type: 'speaker.grant', requestId: 'r1' });
  must(run, { type: 'speaker.end' }, 6 * MINUTE);
  must(run, { type: 'presence.mark', memberId: 'm04', present: true });
  must(run, {
    type: 'vote.open',
    voteId: 'v-budget',
    subject: 'Budget',
    itemId: 'a2-1',
    kind: 'named',
    majority: 'pl.absolute_valid',
    durationMs: MINUTE,
  });
  must(run, { type: 'vote.cast', voteId: 'v-budget', memberId: 'm01', choice: 'for' });
  must(run, { type: 'vote.cast', voteId: 'v-budget', memberId: 'm02', choice: 'abstain' });
  must(run, { type: 'vote.cast', voteId: 'v-budget', memberId: 'm04', choice: 'for' });
  must(run, { type: 'vote.close', voteId: 'v-budget', by: 'operator' });
  must(run, { type: 'sitting.suspend', reason: 'Lunch' });
  must(run, { type: 'sitting.resume' }, 15 * MINUTE);
  must(run, { type: 'presence.mark', memberId: 'm02', present: false });
  must(run, { type: 'agenda.set_current', itemId: 'a2-2' });
  must(run, {
    type: 'vote.open',
    voteId: 'v-street',
    subject: 'Street name',
    itemId: 'a2-2',
    kind: 'open',
    majority: 'pl.simple',
    durationMs: MINUTE,
  });
  must(run, { type: 'vote.cast', voteId: 'v-street', memberId: 'm01', choice: 'for' });
  must(run, { type: 'vote.annul', voteId: 'v-street', reason: 'Device failure' });
  must(run, {
    type: 'vote.repeat',
    voteId: 'v-street',
    newVoteId: 'v-street-2',
    durationMs: MINUTE,
  });
  must(run, { type: 'vote.cast', voteId: 'v-street-2', memberId: 'm01', choice: 'against' });
  must(run, { type: 'vote.cast', voteId: 'v-street-2', memberId: 'm03', choice: 'against' });
  must(run, { type: 'vote.close', voteId: 'v-street-2', by: 'operator' });
  must(run, {
    type: 'vote.open',
    voteId: 'v-secret',
    subject: 'Judges',
    itemId: 'a2-2',
    kind: 'secret',
    majority: 'pl.simple',
    durationMs: MINUTE,
  });
  must(run, { type: 'vote.cast', voteId: 'v-secret', memberId: 'm01', choice: 'for' });
  must(run, { type: 'vote.cast', voteId: 'v-secret', memberId: 'm03', choice: 'for' });
  must(run, { type: 'vote.close', voteId: 'v-secret', by: 'operator' });
  must(run, { type: 'sitting.close' });
  return { run, record: sittingRecord(SETUP, asStored(run.log)) };
}

const voteOf = (votes: readonly VoteRecord[], id: string) => votes.find((v) => v.voteId === id)!;

describe('the record of a sitting', () => {
  it('is empty before the log starts', () => {
    const record = sittingRecord(SETUP, []);
    expect(record).toMatchObject({
      status: 'convened',
      openedAt: null,
      closedAt: null,
      breaks: [],
      amendments: [],
      votes: [],
    });
    expect(record.attendance.every((member) => !wasPresent(member))).toBe(true);
    expect(record.items.map((item) => [item.number, item.reached])).toEqual([
      ['1', false],
      ['2', false],
      ['2.1', false],
      ['2.2', false],
      ['3', false],
    ]);
  });

  it('times the opening, the close and the break with its reason', () => {
    const { record, run } = workedSitting();
    const opened = run.log.find((event) => event.type === 'sitting.opened')!.at;
    expect(record.openedAt).toBe(opened);
    expect(record.openedAt).toBe(FIXTURE_T0);
    expect(record.closedAt).toBe(run.now);
    expect(record.status).toBe('closed');
    expect(record.breaks).toHaveLength(1);
    expect(record.breaks[0]!.reason).toBe('Lunch');
    expect(record.breaks[0]!.to! - record.breaks[0]!.from).toBe(15 * MINUTE);
  });

  it('lists each member with arrival and departure, and the one never present', () => {
    const { record, run } = workedSitting();
    const byName = Object.fromEntries(record.attendance.map((a) => [a.name, a.intervals]));
    const quorumClosed = run.log.find((event) => event.type === 'quorum.check_closed')!.at;
    const marks = run.log.filter(
      (e): e is EventOf<'presence.marked'> => e.type === 'presence.marked',
    );
    const late = marks.find((e) => e.present)!.at;
    const left = marks.find((e) => !e.present)!.at;
    const firstConfirm = run.log.find((e) => e.type === 'presence.confirmed')!.at;
    expect(byName['Anna Łęcka']).toEqual([{ from: firstConfirm, to: run.now }]);
    expect(byName['Bożena Żółć']).toEqual([{ from: firstConfirm + 1_000, to: left }]);
    expect(byName['Dariusz Nowak']).toEqual([{ from: late, to: run.now }]);
    expect(byName['Ewa Kowal']).toEqual([]);
    expect(quorumClosed).toBeGreaterThan(firstConfirm);
  });

  it('numbers the adopted agenda and keeps the amendment with the vote it followed', () => {
    const { record } = workedSitting();
    expect(record.initialAgenda.map((item) => item.number + ' ' + item.title)).toEqual([
      '1 Opening',
      '2 Draft resolutions',
      '2.1 Budget amendment',
      '2.2 Street name',
      '3 Closing',
    ]);
    expect(record.agenda.map((item) => item.number + ' ' + item.title)).toEqual([
      '1 Opening',
      '2 Report',
      '3 Draft resolutions',
      '3.1 Budget amendment',
      '3.2 Street name',
      '4 Closing',
    ]);
    expect(record.amendments).toMatchObject([
      { title: 'Report', numberBefore: null, numberAfter: '2', basisVoteId: 'v-add' },
    ]);
    // "3 Draft resolutions" was reached through its sub-items; the report and the close were not.
    expect(record.items.filter((item) => !item.reached).map((item) => item.number)).toEqual([
      '2',
      '4',
    ]);
  });

  it('puts speeches and votes under their items in order, with counts, outcome and named list', () => {
    const { record } = workedSitting();
    const budget = record.items.find((item) => item.id === 'a2-1')!;
    expect(budget.entries.map((e) => e.kind)).toEqual(['speech', 'vote']);
    const speech = budget.entries[0]!;
    expect(speech.kind === 'speech' && speech.speech).toMatchObject({
      speakerName: 'Bożena Żółć',
      type: 'normal',
      spokeMs: 6 * MINUTE,
      // Item 2.1 sets no limit of its own: the sitting's default of three minutes applies.
      overranMs: 6 * MINUTE - 180_000,
    });
    const vote = voteOf(record.votes, 'v-budget');
    expect(vote).toMatchObject({
      status: 'closed',
      counts: { for: 2, against: 0, abstain: 1 },
      entitled: 4,
      voted: 3,
      majorityPresetId: 'pl.absolute_valid',
      notVoting: ['Cezary Ślęzak'],
      absent: ['Ewa Kowal'],
    });
    expect(vote.outcome).toMatchObject({ passed: true, minimumFor: 2 });
    expect(vote.outcome!.required.text).toBe('1.5');
    expect(vote.named).toEqual([
      { memberId: 'm01', name: 'Anna Łęcka', choice: 'for', byProxy: false },
      { memberId: 'm02', name: 'Bożena Żółć', choice: 'abstain', byProxy: false },
      { memberId: 'm04', name: 'Dariusz Nowak', choice: 'for', byProxy: false },
    ]);
  });

  it('marks the annulled vote and its repetition; a secret vote has counts and no list', () => {
    const { record } = workedSitting();
    expect(voteOf(record.votes, 'v-street')).toMatchObject({
      status: 'annulled',
      annulment: { reason: 'Device failure' },
      repeatedBy: 'v-street-2',
      counts: null,
      named: null,
    });
    expect(voteOf(record.votes, 'v-street-2')).toMatchObject({
      status: 'closed',
      repeatOf: 'v-street',
      kind: 'open',
      named: null,
      counts: { for: 0, against: 2, abstain: 0 },
    });
    expect(voteOf(record.votes, 'v-street-2').outcome?.passed).toBe(false);
    expect(voteOf(record.votes, 'v-secret')).toMatchObject({
      kind: 'secret',
      named: null,
      counts: { for: 2, against: 0, abstain: 0 },
      voted: 2,
    });
    const street = record.items.find((item) => item.id === 'a2-2')!;
    expect(street.entries.map((e) => (e.kind === 'vote' ? e.vote.voteId : e.kind))).toEqual([
      'v-street',
      'v-street-2',
      'v-secret',
    ]);
  });

  it('names members as the opening event does, which puts their names under the hash chain', () => {
    const { run } = workedSitting();
    const log = asStored(run.log).map((event) =>
      event.type === 'sitting.opened'
        ? {
            ...event,
            members: SETUP.members.map((m) =>
              m.id === 'm01' ? { ...m, name: 'Anna Łęcka-Nowak' } : m,
            ),
          }
        : event,
    );
    const record = sittingRecord(SETUP, log);
    expect(record.attendance[0]!.name).toBe('Anna Łęcka-Nowak');
    expect(voteOf(record.votes, 'v-budget').named![0]!.name).toBe('Anna Łęcka-Nowak');
    // The decider writes the members into the opening event itself.
    const opened = run.log.find((event) => event.type === 'sitting.opened');
    expect(opened).toMatchObject({ members: SETUP.members });
  });

  it('keeps a speech on no item apart, and the log of a resident speaker by their name', () => {
    const run = startRun(SETUP);
    openWithPresent(run, 3);
    must(run, {
      type: 'speaker.request',
      requestId: 'r9',
      speaker: { kind: 'resident', requestId: 'p1', name: 'Jan Mieszkaniec' },
      speechType: 'normal',
      itemId: null,
    });
    must(run, { type: 'speaker.grant', requestId: 'r9' });
    const record = sittingRecord(SETUP, asStored(run.log));
    expect(record.otherEntries).toMatchObject([
      { kind: 'speech', speech: { speakerName: 'Jan Mieszkaniec', spokeMs: null } },
    ]);
    expect(record.attendance.filter(wasPresent).map((a) => a.intervals[0]!.to)).toEqual([
      null,
      null,
      null,
    ]);
  });
});

// Random sittings through the real decider: presence in every way, votes of every kind.
const MEMBERS = ['m01', 'm02', 'm03', 'm04', 'm05', 'm06'];
const member = fc.constantFrom(...MEMBERS);
const voteId = fc.constantFrom('v1', 'v2', 'v3');
const command: fc.Arbitrary<SittingCommand> = fc.oneof(
  fc.record({
    type: fc.constant('presence.mark' as const),
    memberId: member,
    present: fc.boolean(),
  }),
  fc.record({ type: fc.constant('presence.confirm' as const), memberId: member }),
  fc.record({ type: fc.constant('quorum.start' as const), checkId: fc.constantFrom('c1', 'c2') }),
  fc.constant<SittingCommand>({ type: 'quorum.close', by: 'operator' }),
  fc.constantFrom<SittingCommand>({ type: 'sitting.suspend' }, { type: 'sitting.resume' }),
  fc.record({
    type: fc.constant('vote.open' as const),
    voteId,
    subject: fc.constant('Subject'),
    itemId: fc.constant(null),
    kind: fc.constantFrom('named' as const, 'open' as const, 'secret' as const),
    majority: fc.constant('pl.simple' as const),
    durationMs: fc.constant(MINUTE),
  }),
  fc.record({
    type: fc.constant('vote.cast' as const),
    voteId,
    memberId: member,
    choice: fc.constantFrom('for', 'against', 'abstain'),
  }),
  fc.record({
    type: fc.constant('vote.close' as const),
    voteId,
    by: fc.constant('operator' as const),
  }),
  fc.record({ type: fc.constant('vote.annul' as const), voteId, reason: fc.constant('Error') }),
);

describe('the record of any sitting', () => {
  it('has attendance intervals that never overlap, and named lists as long as the counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(command, fc.integer({ min: 0, max: 5_000 })), { maxLength: 80 }),
        fc.boolean(),
        (commands, close) => {
          const setup = fixtureSetup({
            statutorySize: 7,
            members: MEMBERS.map((id) => ({ id, name: `Name ${id}` })),
          });
          const run = startRun(setup);
          must(run, { type: 'sitting.open' });
          for (const [next, afterMs] of commands) step(run, next, afterMs);
          if (close) step(run, { type: 'sitting.close' });
          const record = sittingRecord(setup, asStored(run.log));
          for (const { intervals } of record.attendance) {
            intervals.forEach((interval, index) => {
              if (interval.to !== null) expect(interval.to).toBeGreaterThanOrEqual(interval.from);
              const next = intervals[index + 1];
              if (next !== undefined) {
                expect(interval.to).not.toBeNull();
                expect(next.from).toBeGreaterThanOrEqual(interval.to!);
              }
            });
            if (record.status === 'closed') expect(intervals.at(-1)?.to ?? 0).not.toBeNull();
          }
          for (const vote of record.votes) {
            if (vote.status !== 'closed' || vote.kind !== 'named') continue;
            const sum = Object.values(vote.counts!).reduce((a, b) => a + b, 0);
            expect(vote.named).toHaveLength(sum);
            expect(vote.named!.length + vote.notVoting.length).toBe(vote.entitled);
          }
          // The record's presence at the end matches the sitting's own state.
          if (record.status !== 'closed') {
            for (const a of record.attendance) {
              expect(a.intervals.at(-1)?.to === null).toBe(run.state.presence[a.memberId]!.present);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
