import {
  decide,
  evolve,
  initialSittingState,
  type SittingCommand,
  type SittingSetup,
  type SittingState,
  type VoteState,
} from '@veche/domain';
import fc from 'fast-check';
import type { RawEvent } from '../live-events';
import { parseSittingView, type SittingView } from '../sitting-view';

/*
 * Test support: real sittings run by the domain, turned into what the server sends a member.
 * `snapshotOf` mirrors the server's state view (packages/server/src/sittings/state-view.ts) for a
 * member; `runSitting` keeps the log as the server stores it: no ballots (they live in the ballot
 * box), and a `vote.sealed` after each close, which this client must pass over.
 */

export const MEMBERS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];

export const SETUP: SittingSetup = {
  sittingId: '5f0c6b8e-3c1a-4d2b-9e4f-0a1b2c3d4e5f',
  number: 24,
  mode: 'hybrid',
  statutorySize: 7,
  quorumRule: 'at_least_half',
  members: MEMBERS.map((id) => ({ id, name: `Member ${id}` })),
  agenda: [
    { id: 'a1', title: 'Opening' },
    { id: 'a2', title: 'Budget', children: [{ id: 'a2-1', title: 'Amendment' }] },
    { id: 'a3', title: 'Closing' },
  ],
  ballotChangeAllowed: true,
  defaultSpeakingLimitMs: 180_000,
  initialStatus: 'convened',
};

function voteView(vote: VoteState) {
  const { tally } = vote;
  if (vote.status !== 'open') {
    return {
      ...vote,
      tally: {
        secret: tally.secret,
        counts: vote.result?.counts ?? null,
        voted: vote.result?.voted ?? 0,
        voters: null,
        choices: null,
        proxied: null,
      },
    };
  }
  const voters = tally.secret ? [...tally.participants] : Object.keys(tally.ballots).sort();
  return {
    ...vote,
    tally: {
      secret: tally.secret,
      counts: vote.kind === 'named' ? tally.counts : null,
      voted: voters.length,
      voters,
      choices: null,
      proxied: null,
    },
  };
}

/** The state as the server sends it to a member, through JSON as on the wire. */
export function snapshotOf(state: SittingState): unknown {
  const view = {
    ...state,
    votes: Object.fromEntries(Object.entries(state.votes).map(([id, v]) => [id, voteView(v)])),
  };
  return JSON.parse(JSON.stringify(view)) as unknown;
}

const BALLOT_EVENTS: ReadonlySet<string> = new Set([
  'vote.cast_recorded',
  'vote.participation_recorded',
  'vote.secret_choice_recorded',
]);

export interface LoggedEntry {
  readonly seq: number;
  /** As on the wire (JSON). */
  readonly event: RawEvent;
  /** The member's snapshot right after this event. */
  readonly snapshot: unknown;
}

export interface SittingRun {
  readonly initial: unknown;
  readonly log: readonly LoggedEntry[];
  readonly final: SittingState;
}

/** Runs commands through the domain (refusals skipped), a second apart, keeping the server's log. */
export function runSitting(commands: readonly SittingCommand[]): SittingRun {
  let state = initialSittingState(SETUP);
  const initial = snapshotOf(state);
  const log: LoggedEntry[] = [];
  let now = Date.UTC(2026, 4, 20, 8, 0, 0);
  const append = (event: object) => {
    log.push({
      seq: log.length + 1,
      event: JSON.parse(JSON.stringify(event)) as RawEvent,
      snapshot: snapshotOf(state),
    });
  };
  for (const command of commands) {
    now += 1_000;
    const decision = decide(state, command, now);
    if (!decision.ok) continue;
    for (const event of decision.events) {
      state = evolve(state, event);
      if (BALLOT_EVENTS.has(event.type)) continue;
      append(event);
      if (event.type === 'vote.closed') {
        append({
          type: 'vote.sealed',
          voteId: event.voteId,
          ballots: event.voted,
          digest: 'x',
          named: null,
          at: now,
        });
      }
    }
  }
  return { initial, log, final: state };
}

const member = fc.constantFrom(...MEMBERS);
const voteId = fc.constantFrom('v1', 'v2', 'v3');
const requestId = fc.constantFrom('r1', 'r2', 'r3');
const itemId = fc.constantFrom('a1', 'a2', 'a2-1', 'a3', 'n1');

/** Opens the sitting with a quorum, so that votes can open. */
export const OPENING: readonly SittingCommand[] = [
  { type: 'sitting.open' },
  { type: 'quorum.start', checkId: 'c0', durationMs: 120_000 },
  ...MEMBERS.slice(0, 5).map((memberId) => ({ type: 'presence.confirm' as const, memberId })),
  { type: 'quorum.close', by: 'operator' },
];

/** Commands of a busy sitting; most are accepted after the opening, some refused. */
export const sittingCommand: fc.Arbitrary<SittingCommand> = fc.oneof(
  fc.constantFrom<SittingCommand>(
    { type: 'sitting.suspend', reason: 'break' },
    { type: 'quorum.close', by: 'system' },
    { type: 'speaker.end' },
    { type: 'speaker.grant' },
  ),
  // A suspension shuts out most commands; resuming often keeps the rest of the run busy.
  fc.constant<SittingCommand>({ type: 'sitting.resume' }),
  fc.record({
    type: fc.constant('quorum.start' as const),
    checkId: fc.constantFrom('c1', 'c2'),
    durationMs: fc.constant(60_000),
  }),
  fc.record({ type: fc.constant('presence.confirm' as const), memberId: member }),
  fc.record({
    type: fc.constant('presence.mark' as const),
    memberId: member,
    present: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('agenda.set_current' as const),
    itemId: fc.option(itemId, { nil: null }),
  }),
  fc.record({
    type: fc.constant('agenda.amend' as const),
    change: fc.oneof(
      fc.record({
        op: fc.constant('insert' as const),
        parentId: fc.constant(null),
        position: fc.integer({ min: 0, max: 2 }),
        item: fc.record({ id: fc.constantFrom('n1', 'n2'), title: fc.constant('Added') }),
      }),
      fc.record({ op: fc.constant('remove' as const), itemId }),
      fc.record({
        op: fc.constant('move' as const),
        itemId,
        parentId: fc.constantFrom(null, 'a2'),
        position: fc.integer({ min: 0, max: 1 }),
      }),
    ),
    basisVoteId: fc.constant(null),
  }),
  fc.record({
    type: fc.constant('speaker.request' as const),
    requestId,
    speaker: fc.record({ kind: fc.constant('member' as const), memberId: member }),
    speechType: fc.constantFrom('normal' as const, 'ad_vocem' as const, 'formal_motion' as const),
    itemId: fc.constant(null),
  }),
  fc.record({ type: fc.constant('speaker.withdraw' as const), requestId }),
  fc.record({ type: fc.constant('speaker.extend' as const), extraMs: fc.constant(30_000) }),
  fc.record({
    type: fc.constant('vote.open' as const),
    voteId,
    subject: fc.constant('Budget amendment'),
    itemId: fc.constantFrom(null, 'a2-1'),
    kind: fc.constantFrom('named' as const, 'open' as const, 'secret' as const),
    majority: fc.constantFrom('pl.simple' as const, 'pl.absolute_statutory' as const),
    durationMs: fc.constant(120_000),
  }),
  fc.record({
    type: fc.constant('vote.cast' as const),
    voteId,
    memberId: member,
    choice: fc.constantFrom('for', 'against', 'abstain'),
  }),
  fc.record({ type: fc.constant('vote.extend' as const), voteId, extraMs: fc.constant(30_000) }),
  fc.record({
    type: fc.constant('vote.close' as const),
    voteId,
    by: fc.constant('operator' as const),
  }),
  fc.record({
    type: fc.constant('vote.annul' as const),
    voteId,
    reason: fc.constant('device failure'),
  }),
  fc.record({
    type: fc.constant('vote.repeat' as const),
    voteId,
    newVoteId: fc.constantFrom('v4', 'v5'),
    durationMs: fc.constant(60_000),
  }),
);

/** A sitting: the opening, then up to `max` random commands. */
export const sittingRun = (max = 80): fc.Arbitrary<SittingRun> =>
  fc
    .array(sittingCommand, { minLength: 10, maxLength: max, size: 'max' })
    .map((commands) => runSitting([...OPENING, ...commands]));

/** The client's view after the sitting opens and then these commands: a test's starting point. */
export function viewAfter(...commands: readonly SittingCommand[]): SittingView {
  const run = runSitting([...OPENING, ...commands]);
  const view = parseSittingView(run.log.at(-1)?.snapshot ?? run.initial);
  if (view === null) throw new Error('the snapshot does not parse');
  return view;
}
