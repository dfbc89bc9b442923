import {
  decide,
  evolve,
  initialSittingState,
  type ChatAudience,
  type SittingCommand,
  type SittingEvent,
  type SittingSetup,
  type SittingState,
} from '@veche/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eventView,
  mayReadEvent,
  PUBLIC_VIEWER,
  viewOf,
  type SittingViewer,
} from './state-view.js';
import type { NamedBallot } from './ballot-seal.js';

const MEMBERS = ['m01', 'm02', 'm03', 'm04', 'm05'];
const SETUP: SittingSetup = {
  sittingId: 's-1',
  number: 20,
  mode: 'hybrid',
  statutorySize: 5,
  quorumRule: 'at_least_half',
  members: MEMBERS.map((id) => ({ id, name: id })),
  ballotChangeAllowed: false,
  defaultSpeakingLimitMs: 180_000,
  initialStatus: 'convened',
};
const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

/** The viewers of the tests: the public, members, the chair (m05), the operator, an admin. */
const VIEWERS = {
  public: PUBLIC_VIEWER,
  m01: { kind: 'member', userId: 'u-m01', memberId: 'm01' },
  m02: { kind: 'member', userId: 'u-m02', memberId: 'm02' },
  m03: { kind: 'member', userId: 'u-m03', memberId: 'm03' },
  chair: { kind: 'conductor', userId: 'u-chair', memberId: 'm05' },
  operator: { kind: 'conductor', userId: 'u-op', memberId: null },
  admin: { kind: 'member', userId: 'u-admin', memberId: null },
} as const satisfies Record<string, SittingViewer>;
type Name = keyof typeof VIEWERS;

interface Sent {
  readonly by: Name;
  readonly messageId: string;
  readonly to: ChatAudience;
}

/** Runs the messages through the domain's decider (no permission check: any sender here). */
function sitting(messages: readonly Sent[]): { state: SittingState; log: SittingEvent[] } {
  let state = initialSittingState(SETUP);
  const log: SittingEvent[] = [];
  messages.forEach(({ by, messageId, to }, index) => {
    const viewer = VIEWERS[by];
    const decision = decide(
      state,
      {
        type: 'chat.send',
        messageId,
        from: { userId: viewer.userId ?? 'u-none', memberId: viewer.memberId },
        to,
        text: `Message ${messageId}`,
      },
      T0 + index,
    );
    if (!decision.ok) return;
    log.push(...decision.events);
    state = decision.events.reduce(evolve, state);
  });
  return { state, log };
}

const CONVERSATION: Sent[] = [
  { by: 'm01', messageId: 'c1', to: { kind: 'conductors' } },
  { by: 'm02', messageId: 'c2', to: { kind: 'members' } },
  { by: 'operator', messageId: 'c3', to: { kind: 'member', memberId: 'm03' } },
  { by: 'chair', messageId: 'c4', to: { kind: 'members' } },
];

describe('viewOf: the chat per viewer', () => {
  const { state, log } = sitting(CONVERSATION);
  const chatOf = (name: Name) => viewOf(state, VIEWERS[name]).chat.map((m) => m.messageId);

  it.each([
    ['public', []],
    ['admin', []],
    ['m01', ['c1', 'c2', 'c4']],
    ['m02', ['c2', 'c4']],
    ['m03', ['c2', 'c3', 'c4']],
    ['operator', ['c1', 'c2', 'c3', 'c4']],
    ['chair', ['c1', 'c2', 'c3', 'c4']],
  ] as const)('shows %s exactly %j', (name, expected) => {
    expect(chatOf(name)).toEqual(expected);
  });

  it('redacts the same events in the live stream, down to their type', () => {
    const shown = log.map((event) => eventView(event, VIEWERS.m02));
    expect(shown.map((event) => ('redacted' in event ? 'redacted' : 'whole'))).toEqual([
      'redacted',
      'whole',
      'redacted',
      'whole',
    ]);
    expect(shown[0]).toEqual({ type: 'chat.sent', redacted: true });
    expect(shown[1]).toBe(log[1]);
    expect(log.every((event) => !mayReadEvent(event, PUBLIC_VIEWER))).toBe(true);
    expect(log.every((event) => mayReadEvent(event, VIEWERS.operator))).toBe(true);
  });

  it('never withholds anything but chat messages', () => {
    const opened: SittingEvent = { type: 'sitting.opened', at: T0 };
    expect(eventView(opened, PUBLIC_VIEWER)).toBe(opened);
  });
});

const sent: fc.Arbitrary<Sent> = fc.record({
  by: fc.constantFrom<Name>('m01', 'm02', 'm03', 'chair', 'operator'),
  messageId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  to: fc.oneof(
    fc.constant<ChatAudience>({ kind: 'conductors' }),
    fc.constant<ChatAudience>({ kind: 'members' }),
    fc.record({ kind: fc.constant('member' as const), memberId: fc.constantFrom(...MEMBERS) }),
  ),
});

describe('viewOf over random conversations', () => {
  it('never shows a member a private message not addressed to or from them, in either form', () => {
    fc.assert(
      fc.property(fc.array(sent, { maxLength: 25 }), (messages) => {
        const { state, log } = sitting(messages);
        for (const name of ['m01', 'm02', 'm03', 'admin'] as const) {
          const viewer = VIEWERS[name];
          const seen = viewOf(state, viewer).chat;
          for (const message of seen) {
            const mine = message.from.userId === viewer.userId;
            const forMe =
              viewer.memberId !== null &&
              (message.to.kind === 'members' ||
                (message.to.kind === 'member' && message.to.memberId === viewer.memberId));
            expect(mine || forMe, `${name}: ${JSON.stringify(message)}`).toBe(true);
          }
          // The live stream and the snapshot agree on every message.
          const whole = log
            .map((event) => eventView(event, viewer))
            .filter((event) => !('redacted' in event));
          expect(whole.map((event) => (event as { messageId: string }).messageId)).toEqual(
            seen.map((message) => message.messageId),
          );
        }
        expect(viewOf(state, PUBLIC_VIEWER).chat).toEqual([]);
        expect(viewOf(state, VIEWERS.operator).chat).toEqual(state.chat);
      }),
      { numRuns: 300 },
    );
  });
});

describe('viewOf: ballots the operator entered for a member', () => {
  /** A named (or secret) vote with m01's own ballot and m02's entered by the operator. */
  function voted(kind: 'named' | 'open' | 'secret', close: boolean) {
    let state = initialSittingState(SETUP);
    const commands: SittingCommand[] = [
      { type: 'sitting.open' },
      { type: 'quorum.start', checkId: 'q1', durationMs: 60_000 },
      ...MEMBERS.map((memberId) => ({ type: 'presence.confirm' as const, memberId })),
      { type: 'quorum.close', by: 'operator' },
      {
        type: 'vote.open',
        voteId: 'v1',
        subject: 'Budget',
        itemId: null,
        kind,
        majority: 'pl.simple',
        options: null,
        durationMs: 60_000,
      },
      { type: 'vote.cast', voteId: 'v1', memberId: 'm01', choice: 'for' },
      {
        type: 'vote.cast',
        voteId: 'v1',
        memberId: 'm02',
        choice: 'against',
        enteredBy: { operatorId: 'u-op', reason: 'The tablet failed' },
      },
      ...(close ? [{ type: 'vote.close', voteId: 'v1', by: 'operator' } as const] : []),
    ];
    commands.forEach((command, index) => {
      const decision = decide(state, command, T0 + index);
      if (!decision.ok) throw new Error(`${command.type}: ${decision.rejection.code}`);
      state = decision.events.reduce(evolve, state);
    });
    return state;
  }
  /** The closed vote's seal as the server logs it (m02's ballot entered by the operator). */
  const seal: NamedBallot[] = [
    { memberId: 'm01', choice: 'for', enteredByUserId: null },
    { memberId: 'm02', choice: 'against', enteredByUserId: 'u-op' },
  ];

  it('while a vote runs, tells conductors alone whose ballot the operator entered', () => {
    const state = voted('named', false);
    const proxiedFor = (name: Name) => viewOf(state, VIEWERS[name]).votes['v1']!.tally.proxied;
    expect(proxiedFor('operator')).toEqual(['m02']);
    expect(proxiedFor('chair')).toEqual(['m02']);
    expect(proxiedFor('m01')).toBeNull();
    expect(proxiedFor('admin')).toBeNull();
    expect(proxiedFor('public')).toBeNull();
    expect(viewOf(voted('open', false), VIEWERS.operator).votes['v1']!.tally.proxied).toEqual([
      'm02',
    ]);
  });

  it('once a named vote has closed, marks them in its choices for everyone', () => {
    const state = voted('named', true);
    for (const name of ['public', 'm01', 'operator'] as const) {
      const { tally } = viewOf(state, VIEWERS[name], { v1: seal }).votes['v1']!;
      expect(tally.choices).toEqual({ m01: 'for', m02: 'against' });
      expect(tally.proxied).toEqual(['m02']);
    }
    // Without the seal (none logged yet) there is neither a list nor a mark.
    expect(viewOf(state, VIEWERS.operator).votes['v1']!.tally).toMatchObject({
      choices: null,
      proxied: null,
    });
  });

  it('marks nothing in an open vote once it has closed: only its counts are published', () => {
    const { tally } = viewOf(voted('open', true), VIEWERS.operator, { v1: seal }).votes['v1']!;
    expect(tally).toMatchObject({ choices: null, proxied: null });
  });
});
