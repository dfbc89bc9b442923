import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAJORITY_PRESET_IDS } from '../majority.presets.js';
import type { VoteState } from '../vote-tally.js';
import type { SittingCommand } from './sitting.commands.js';
import { decide } from './sitting.decider.js';
import type { SittingEvent } from './sitting.events.js';
import { evolve, replay } from './sitting.evolve.js';
import { FIXTURE_T0, fixtureSetup } from './sitting.fixtures.js';
import { initialSittingState } from './sitting.state.js';
import type { SittingSetup, SittingState } from './sitting.state.js';

// Small pools so that random commands collide often: same members, same votes, same ids.
const MEMBERS = ['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07'];
const member = fc.constantFrom(...MEMBERS, 'zz');
const voteId = fc.constantFrom('v1', 'v2', 'v3', 'v4');
/** Ballots mostly aim at whichever vote is open; the runner fills it in ('@open'). */
const ballotVoteId = fc.constantFrom('@open', '@open', '@open', 'v1', 'v2');
const itemId = fc.constantFrom('a1', 'a2', 'a2-1', 'a2-2', 'a3', 'n1', 'n2', 'zz');
const requestId = fc.constantFrom('r1', 'r2', 'r3', 'r4');
const by = fc.constantFrom('operator' as const, 'system' as const);

/** Null most of the time, the given value now and then. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

const majority = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MAJORITY_PRESET_IDS) },
  {
    weight: 1,
    arbitrary: fc.record({
      base: fc.constantFrom(
        'cast' as const,
        'valid' as const,
        'present' as const,
        'statutory' as const,
      ),
      comparison: fc.constantFrom('more_than' as const, 'at_least' as const),
      num: fc.integer({ min: 0, max: 4 }),
      den: fc.integer({ min: 1, max: 4 }),
    }),
  },
);

const agendaChange = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    parentId: fc.option(itemId, { nil: null }),
    position: fc.integer({ min: -1, max: 3 }),
    item: fc.record({ id: itemId, title: fc.constantFrom('Item', '') }),
  }),
  fc.record({ op: fc.constant('remove' as const), itemId }),
  fc.record({
    op: fc.constant('move' as const),
    itemId,
    parentId: fc.option(itemId, { nil: null }),
    position: fc.integer({ min: -1, max: 3 }),
  }),
);

const command: fc.Arbitrary<SittingCommand> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<SittingCommand>(
      { type: 'sitting.open' },
      { type: 'sitting.resume' },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<SittingCommand>(
      { type: 'sitting.suspend' },
      { type: 'sitting.convene' },
    ),
  },
  {
    weight: 30,
    arbitrary: fc.record({
      type: fc.constant('presence.mark' as const),
      memberId: member,
      present: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('quorum.start' as const),
      checkId: fc.constantFrom('c1', 'c2'),
      durationMs: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
    }),
  },
  {
    weight: 20,
    arbitrary: fc.record({ type: fc.constant('presence.confirm' as const), memberId: member }),
  },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('quorum.close' as const), by }) },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('agenda.set_current' as const),
      itemId: fc.option(itemId, { nil: null }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('agenda.amend' as const),
      change: agendaChange,
      basisVoteId: fc.option(voteId, { nil: null }),
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      type: fc.constant('speaker.request' as const),
      requestId,
      speaker: fc.oneof(
        fc.record({ kind: fc.constant('member' as const), memberId: member }),
        fc.record({
          kind: fc.constant('resident' as const),
          requestId: fc.constantFrom('p1', 'p2'),
          name: fc.constantFrom('Ana', ''),
        }),
      ),
      speechType: fc.constantFrom('normal' as const, 'ad_vocem' as const, 'formal_motion' as const),
      itemId: fc.option(itemId, { nil: null }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('speaker.withdraw' as const), requestId }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('speaker.grant' as const),
      requestId: fc.option(requestId, { nil: null }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('speaker.extend' as const),
      extraMs: fc.integer({ min: -1, max: 60_000 }),
    }),
  },
  { weight: 4, arbitrary: fc.constant<SittingCommand>({ type: 'speaker.end' }) },
  {
    weight: 25,
    arbitrary: fc.record({
      type: fc.constant('vote.open' as const),
      voteId,
      subject: fc.constantFrom('Budget', 'Budget', 'Budget', 'Budget', 'Budget', ''),
      itemId: fc.option(fc.constantFrom('a1', 'a2-1', 'a2-2', 'zz'), { nil: null }),
      kind: fc.constantFrom('named' as const, 'open' as const, 'secret' as const),
      majority,
      options: rarely(fc.constantFrom(['yes', 'no'], ['for', 'against'], ['for'])),
      durationMs: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(-1, 0) },
        { weight: 9, arbitrary: fc.integer({ min: 30_000, max: 300_000 }) },
      ),
    }),
  },
  {
    weight: 80,
    arbitrary: fc.record({
      type: fc.constant('vote.cast' as const),
      voteId: ballotVoteId,
      memberId: member,
      choice: fc.constantFrom('for', 'for', 'against', 'abstain', 'yes', 'maybe'),
      enteredBy: rarely(
        fc.record({ operatorId: fc.constant('op'), reason: fc.constantFrom('device failed', '') }),
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('vote.extend' as const),
      voteId,
      extraMs: fc.integer({ min: 0, max: 60_000 }),
    }),
  },
  { weight: 12, arbitrary: fc.record({ type: fc.constant('vote.close' as const), voteId, by }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('vote.annul' as const),
      voteId,
      reason: fc.constantFrom('device failure', ' '),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('vote.repeat' as const),
      voteId,
      newVoteId: fc.constantFrom('v1', 'v5', 'v6'),
      durationMs: fc.integer({ min: 1, max: 60_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant<SittingCommand>({ type: 'sitting.close' }) },
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('chat.send' as const),
      messageId: fc.constantFrom('c1', 'c2', 'c3'),
      from: fc.record({ userId: fc.constant('u'), memberId: fc.option(member, { nil: null }) }),
      to: fc.oneof(
        fc.constant({ kind: 'conductors' as const }),
        fc.constant({ kind: 'members' as const }),
        fc.record({ kind: fc.constant('member' as const), memberId: member }),
      ),
      text: fc.constantFrom('Question', ' '),
    }),
  },
);

const setup: fc.Arbitrary<SittingSetup> = fc
  .record({
    ballotChangeAllowed: fc.boolean(),
    quorumRule: fc.constantFrom('at_least_half' as const, 'more_than_half' as const),
    mode: fc.constantFrom('hall' as const, 'remote' as const, 'hybrid' as const),
  })
  .map((options) =>
    fixtureSetup({
      statutorySize: 9,
      members: MEMBERS.map((id) => ({ id, name: id })),
      ...options,
    }),
  );

// Mostly seconds between commands, now and then a minute: enough for deadlines to pass.
const advance = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 3_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 90_000 }) },
);

// Most sittings start with members arriving, so that votes reach quorum and get ballots.
const arrivals = fc
  .oneof(
    { weight: 4, arbitrary: fc.subarray(MEMBERS, { minLength: 5 }) },
    { weight: 1, arbitrary: fc.subarray(MEMBERS) },
  )
  .map((ids) =>
    ids.map((memberId): [SittingCommand, number] => [
      { type: 'presence.mark', memberId, present: true },
      0,
    ]),
  );
// Half the runs open a vote right after the arrivals, so ballots have something to land in.
const firstVote = rarely(
  fc.constantFrom('named' as const, 'open' as const, 'secret' as const),
).chain((kind) =>
  fc.constant(
    kind === null
      ? []
      : [
          [
            {
              type: 'vote.open',
              voteId: 'v1',
              subject: 'Budget',
              itemId: null,
              kind,
              majority: 'pl.simple',
              durationMs: 120_000,
            },
            0,
          ] as [SittingCommand, number],
        ],
  ),
);
const steps = fc
  .tuple(
    arrivals,
    fc.boolean().chain((open) => (open ? firstVote.filter((v) => v.length > 0) : fc.constant([]))),
    fc.array(fc.tuple(command, advance), { minLength: 1, maxLength: 60, size: 'max' }),
  )
  .map(([arrived, opened, rest]) => [...arrived, ...opened, ...rest]);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

interface Outcome {
  readonly state: SittingState;
  readonly log: SittingEvent[];
}

/** Runs commands, checking after each that decide was pure and that a rejection emitted nothing. */
function run(initial: SittingSetup, commands: ReadonlyArray<[SittingCommand, number]>): Outcome {
  let state = initialSittingState(initial);
  let now = FIXTURE_T0;
  const log: SittingEvent[] = [];
  // Start open most of the time, so that the interesting commands have something to act on.
  for (const [raw, advance] of [[{ type: 'sitting.open' }, 0] as const, ...commands]) {
    now += advance;
    const next =
      'voteId' in raw && raw.voteId === '@open'
        ? { ...raw, voteId: state.openVoteId ?? 'v0' }
        : raw;
    const before = JSON.stringify(state);
    // Frozen: any write by decide would throw in strict-mode modules.
    const decision = decide(deepFreeze(state), next, now);
    expect(JSON.stringify(state)).toBe(before);
    if (!decision.ok) {
      expect(Object.keys(decision)).toEqual(['ok', 'rejection']);
      expect(typeof decision.rejection.code).toBe('string');
      continue;
    }
    expect(decision.events.length).toBeGreaterThan(0);
    log.push(...decision.events);
    state = decision.events.reduce(evolve, state);
    checkInvariants(state);
  }
  return { state, log };
}

function sum(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function checkVote(vote: VoteState): void {
  const { tally } = vote;
  expect(tally.secret).toBe(vote.kind === 'secret');
  if (tally.secret) {
    // Who took part, and how many chose what: nothing else, not even the order of voting.
    expect(Object.keys(tally).sort()).toEqual(['counts', 'participants', 'secret']);
    expect([...tally.participants].sort()).toEqual(tally.participants);
    expect(new Set(tally.participants).size).toBe(tally.participants.length);
    expect(tally.participants.every((id) => vote.entitled.includes(id))).toBe(true);
    expect(sum(tally.counts)).toBe(tally.participants.length);
  } else {
    const ballots = Object.entries(tally.ballots);
    expect(ballots.every(([id]) => vote.entitled.includes(id))).toBe(true);
    for (const option of vote.options) {
      expect(tally.counts[option]).toBe(
        ballots.filter(([, ballot]) => ballot.choice === option).length,
      );
    }
    expect(sum(tally.counts)).toBe(ballots.length);
  }
  expect(Object.keys(tally.counts).sort()).toEqual([...vote.options].sort());
  if (vote.result !== null) {
    expect(vote.result.counts).toEqual(tally.counts);
    expect(vote.result.voted).toBe(sum(tally.counts));
  }
}

function checkInvariants(state: SittingState): void {
  for (const vote of Object.values(state.votes)) checkVote(vote);
  const open = Object.values(state.votes).filter((vote) => vote.status === 'open');
  expect(open.map((vote) => vote.id)).toEqual(state.openVoteId === null ? [] : [state.openVoteId]);
}

describe('the sitting decider over random command sequences', () => {
  it('keeps tallies honest: counts equal ballots, only entitled members, secrecy kept', () => {
    fc.assert(
      fc.property(setup, steps, (initial, commands) => {
        run(initial, commands);
      }),
      { numRuns: 200 },
    );
  });

  it('never lets a member vote twice in the same vote', () => {
    fc.assert(
      fc.property(setup, steps, (initial, commands) => {
        const { log } = run(initial, commands);
        const firstBallots = new Map<string, number>();
        for (const event of log) {
          const first =
            (event.type === 'vote.cast_recorded' && event.previousChoice === null) ||
            event.type === 'vote.participation_recorded';
          if (!first) continue;
          const key = `${event.voteId}/${event.memberId}`;
          firstBallots.set(key, (firstBallots.get(key) ?? 0) + 1);
        }
        expect([...firstBallots.values()].every((n) => n === 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('replays its log to the same state, made of plain JSON data', () => {
    fc.assert(
      fc.property(setup, steps, (initial, commands) => {
        const { state, log } = run(initial, commands);
        const replayed = replay(initial, log);
        expect(replayed).toStrictEqual(state);
        expect(replay(initial, JSON.parse(JSON.stringify(log)) as SittingEvent[])).toStrictEqual(
          state,
        );
        expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  it('never writes a member and a secret choice into the same event', () => {
    fc.assert(
      fc.property(setup, steps, (initial, commands) => {
        const { state, log } = run(initial, commands);
        const secret = new Set(
          Object.values(state.votes)
            .filter((v) => v.kind === 'secret')
            .map((v) => v.id),
        );
        for (const event of log) {
          if (event.type === 'vote.secret_choice_recorded') {
            expect(Object.keys(event).sort()).toEqual(['choice', 'type', 'voteId']);
          }
          if (event.type === 'vote.cast_recorded') expect(secret.has(event.voteId)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
