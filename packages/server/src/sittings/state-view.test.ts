import {
  decide,
  evolve,
  initialSittingState,
  type ChatAudience,
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
