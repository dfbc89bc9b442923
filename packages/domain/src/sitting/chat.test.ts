import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAT_TEXT_MAX_LENGTH, canReadChat, chatFor } from './chat.js';
import type { ChatAudience, ChatMessage, ChatReader, ChatSender } from './chat.js';
import type { SittingCommand } from './sitting.commands.js';
import { decide } from './sitting.decider.js';
import { replay } from './sitting.evolve.js';
import { FIXTURE_T0, fixtureSetup, must, startRun, step } from './sitting.fixtures.js';
import type { FixtureRun } from './sitting.fixtures.js';
import { authorize } from './sitting.permissions.js';
import type { SittingActor } from './sitting.permissions.js';

const M01: ChatSender = { userId: 'u-m01', memberId: 'm01' };
const OPERATOR: ChatSender = { userId: 'u-op', memberId: null };

function send(
  messageId: string,
  from: ChatSender,
  to: ChatAudience,
  text = 'May I ask about item 3?',
): SittingCommand {
  return { type: 'chat.send', messageId, from, to, text };
}

/** A convened sitting (the fixture's default start), optionally moved on to `status`. */
function runIn(status: 'draft' | 'convened' | 'open' | 'suspended' | 'closed'): FixtureRun {
  const run = startRun(fixtureSetup({ initialStatus: status === 'draft' ? 'draft' : 'convened' }));
  if (status === 'open' || status === 'suspended' || status === 'closed') {
    must(run, { type: 'sitting.open' });
  }
  if (status === 'suspended') must(run, { type: 'sitting.suspend' });
  if (status === 'closed') must(run, { type: 'sitting.close' });
  return run;
}

describe('chat.send: when', () => {
  it.each(['convened', 'open', 'suspended'] as const)('is accepted while %s', (status) => {
    const run = runIn(status);
    const [event] = must(run, send('c1', M01, { kind: 'conductors' }, '  Late by ten minutes  '));
    expect(event).toEqual({
      type: 'chat.sent',
      messageId: 'c1',
      from: M01,
      to: { kind: 'conductors' },
      text: 'Late by ten minutes',
      at: run.now,
    });
    expect(run.state.chat).toEqual([
      {
        messageId: 'c1',
        from: M01,
        to: { kind: 'conductors' },
        text: 'Late by ten minutes',
        at: run.now,
      },
    ]);
  });

  it.each(['draft', 'closed'] as const)('is refused while %s, naming the status', (status) => {
    const run = runIn(status);
    const decision = step(run, send('c1', M01, { kind: 'members' }));
    expect(decision).toEqual({
      ok: false,
      rejection: { code: 'sitting_not_open', facts: { status } },
    });
    expect(run.state.chat).toEqual([]);
  });
});

describe('chat.send: what', () => {
  const refusal = (command: SittingCommand) => {
    const run = runIn('open');
    must(run, send('taken', M01, { kind: 'members' }));
    const decision = decide(run.state, command, run.now + 1);
    return decision.ok ? 'accepted' : decision.rejection;
  };

  it.each([
    [
      'blank text',
      send('c2', M01, { kind: 'members' }, ' \n\t '),
      { code: 'invalid_argument', facts: { field: 'text', reason: 'must not be empty' } },
    ],
    [
      'text over the limit',
      send('c2', M01, { kind: 'members' }, 'x'.repeat(CHAT_TEXT_MAX_LENGTH + 1)),
      {
        code: 'invalid_argument',
        facts: { field: 'text', reason: 'must be at most 2000 characters' },
      },
    ],
    [
      'a blank message id',
      send('', M01, { kind: 'members' }),
      { code: 'invalid_argument', facts: { field: 'messageId', reason: 'must not be empty' } },
    ],
    [
      'a recipient the body does not have',
      send('c2', OPERATOR, { kind: 'member', memberId: 'm99' }),
      { code: 'unknown_member', facts: { memberId: 'm99' } },
    ],
    [
      'a sender the body does not have',
      send('c2', { userId: 'u-x', memberId: 'm99' }, { kind: 'members' }),
      { code: 'unknown_member', facts: { memberId: 'm99' } },
    ],
    [
      'an unknown audience',
      send('c2', M01, { kind: 'everyone' } as unknown as ChatAudience),
      { code: 'invalid_argument', facts: { field: 'to', reason: 'unknown audience' } },
    ],
    [
      'a message id already used',
      send('taken', M01, { kind: 'conductors' }, 'Another text'),
      { code: 'duplicate_id', facts: { id: 'taken' } },
    ],
  ])('refuses %s', (_label, command, expected) => {
    expect(refusal(command)).toEqual(expected);
  });

  it('accepts the longest text, counted after trimming', () => {
    const longest = `  ${'x'.repeat(CHAT_TEXT_MAX_LENGTH)}  `;
    expect(refusal(send('c2', M01, { kind: 'members' }, longest))).toBe('accepted');
  });

  it('keeps every message, in order, and replays to the same chat', () => {
    const run = runIn('open');
    must(run, send('c1', M01, { kind: 'conductors' }, 'Question'));
    must(run, send('c2', OPERATOR, { kind: 'member', memberId: 'm01' }, 'Answer'));
    must(run, send('c3', OPERATOR, { kind: 'members' }, 'Break in 5 minutes'));
    expect(run.state.chat.map((message) => message.messageId)).toEqual(['c1', 'c2', 'c3']);
    expect(replay(run.state.setup, run.log)).toStrictEqual(run.state);
  });
});

describe('canReadChat: who reads which message', () => {
  const message = (from: ChatSender, to: ChatAudience): ChatMessage => ({
    messageId: 'c1',
    from,
    to,
    text: 'Hello',
    at: FIXTURE_T0,
  });
  const READERS: Record<string, ChatReader | null> = {
    public: null,
    sender: { conducting: false, userId: 'u-m01', memberId: 'm01' },
    colleague: { conducting: false, userId: 'u-m02', memberId: 'm02' },
    addressee: { conducting: false, userId: 'u-m03', memberId: 'm03' },
    outsider: { conducting: false, userId: 'u-admin', memberId: null },
    operator: { conducting: true, userId: 'u-op', memberId: null },
    chair: { conducting: true, userId: 'u-m04', memberId: 'm04' },
  };
  const readers = (chat: ChatMessage) =>
    Object.entries(READERS)
      .filter(([, reader]) => canReadChat(chat, reader))
      .map(([name]) => name);

  it('shows a question to the conductors to them and its sender only', () => {
    expect(readers(message(M01, { kind: 'conductors' }))).toEqual(['sender', 'operator', 'chair']);
  });

  it('shows a message to the members to every member and conductor, not to the public', () => {
    expect(readers(message(M01, { kind: 'members' }))).toEqual([
      'sender',
      'colleague',
      'addressee',
      'operator',
      'chair',
    ]);
  });

  it('shows a private answer to its addressee and the conductors only', () => {
    expect(readers(message(OPERATOR, { kind: 'member', memberId: 'm03' }))).toEqual([
      'addressee',
      'operator',
      'chair',
    ]);
  });

  it('recognises the sender by member id too (another device, another session)', () => {
    const sent = message(M01, { kind: 'conductors' });
    expect(canReadChat(sent, { conducting: false, userId: 'u-other', memberId: 'm01' })).toBe(true);
    expect(canReadChat(sent, { conducting: false, userId: null, memberId: null })).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random conversations, through authorize and decide as the server runs them.

const MEMBERS = ['m01', 'm02', 'm03', 'm04', 'm05'];
/** Councillors m01-m04, the chair sitting as m05, an operator and an administrator. */
const ACTORS: readonly SittingActor[] = [
  ...MEMBERS.slice(0, 4).map((id) => ({
    userId: `u-${id}`,
    roles: ['councillor' as const],
    memberId: id,
  })),
  { userId: 'u-chair', roles: ['chair', 'councillor'], memberId: 'm05' },
  { userId: 'u-op', roles: ['operator'], memberId: null },
  { userId: 'u-admin', roles: ['council_admin'], memberId: null },
];
const audience: fc.Arbitrary<ChatAudience> = fc.oneof(
  fc.constant({ kind: 'conductors' as const }),
  fc.constant({ kind: 'members' as const }),
  fc.record({
    kind: fc.constant('member' as const),
    memberId: fc.constantFrom(...MEMBERS, 'm99'),
  }),
);
interface Attempt {
  readonly actor: SittingActor;
  readonly to: ChatAudience;
  readonly messageId: string;
  readonly text: string;
}
const attempt: fc.Arbitrary<Attempt> = fc.record({
  actor: fc.constantFrom(...ACTORS),
  to: audience,
  messageId: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'),
  text: fc.constantFrom('Question', '  Answer  ', ' ', 'Break'),
});

/** Runs the attempts as the server would: authorize, then decide, then fold. */
function converse(attempts: readonly Attempt[]) {
  const run = startRun(
    fixtureSetup({ statutorySize: 5, members: MEMBERS.map((id) => ({ id, name: id })) }),
  );
  for (const { actor, to, messageId, text } of attempts) {
    const command: SittingCommand = {
      type: 'chat.send',
      messageId,
      from: { userId: actor.userId, memberId: actor.memberId },
      to,
      text,
    };
    if (authorize(actor, command, run.state).ok) step(run, command, 10);
  }
  return run.state.chat;
}

const readerOf = (actor: SittingActor): ChatReader => ({
  conducting: actor.roles.includes('operator') || actor.roles.includes('chair'),
  userId: actor.userId,
  memberId: actor.memberId,
});

describe('the chat over random conversations', () => {
  it('never shows a member a private message not addressed to or from them', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 30 }), (attempts) => {
        const chat = converse(attempts);
        for (const actor of ACTORS.filter((a) => !readerOf(a).conducting)) {
          const seen = chatFor(chat, readerOf(actor));
          for (const message of seen) {
            const mine = message.from.userId === actor.userId;
            const toMe = message.to.kind === 'member' && message.to.memberId === actor.memberId;
            const toAll = message.to.kind === 'members' && actor.memberId !== null;
            expect(mine || toMe || toAll, JSON.stringify({ actor, message })).toBe(true);
          }
          // ...and hides nothing that is theirs to read.
          const theirs = chat.filter(
            (m) =>
              m.from.userId === actor.userId ||
              (actor.memberId !== null &&
                (m.to.kind === 'members' ||
                  (m.to.kind === 'member' && m.to.memberId === actor.memberId))),
          );
          expect(seen).toEqual(theirs);
        }
        expect(chatFor(chat, null)).toEqual([]);
        for (const actor of ACTORS.filter((a) => readerOf(a).conducting)) {
          expect(chatFor(chat, readerOf(actor))).toEqual(chat);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps only messages from members or conductors, private ones from conductors alone', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 30 }), (attempts) => {
        const chat = converse(attempts);
        expect(new Set(chat.map((m) => m.messageId)).size).toBe(chat.length);
        for (const message of chat) {
          const sender = ACTORS.find((a) => a.userId === message.from.userId);
          expect(sender).toBeDefined();
          const conducting = readerOf(sender!).conducting;
          expect(conducting || sender!.memberId !== null).toBe(true);
          if (message.to.kind === 'member') expect(conducting).toBe(true);
          expect(message.text).toBe(message.text.trim());
          expect(message.text).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
