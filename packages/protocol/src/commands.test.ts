import { SITTING_COMMAND_TYPES } from '@veche/domain';
import type { SittingCommand, SittingCommandType } from '@veche/domain';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import * as wire from './commands.js';
import { WIRE_COMMAND_TYPES, commandRequestSchema, wireCommandSchema } from './commands.js';
import type { WireCommand, WireCommandType } from './commands.js';

/** One valid example per wire command; the mapped type makes a missing one a compile error. */
const VALID: { [K in WireCommandType]: Extract<WireCommand, { type: K }> } = {
  'sitting.convene': { type: 'sitting.convene' },
  'sitting.open': { type: 'sitting.open' },
  'sitting.suspend': { type: 'sitting.suspend', reason: 'Technical break' },
  'sitting.resume': { type: 'sitting.resume' },
  'sitting.close': { type: 'sitting.close' },
  'quorum.start': { type: 'quorum.start', checkId: 'q-1', durationMs: 120_000 },
  'presence.confirm': { type: 'presence.confirm' },
  'quorum.close': { type: 'quorum.close' },
  'presence.mark': { type: 'presence.mark', memberId: 'm01', present: true },
  'agenda.set_current': { type: 'agenda.set_current', itemId: 'a2-1' },
  'agenda.amend': {
    type: 'agenda.amend',
    change: { op: 'insert', parentId: 'a2', position: 1, item: { id: 'a2-3', title: 'Loan' } },
    basisVoteId: 'v-7',
  },
  'speaker.request': { type: 'speaker.request', requestId: 'r1', speechType: 'formal_motion' },
  'speaker.withdraw': { type: 'speaker.withdraw', requestId: 'r1' },
  'speaker.grant': { type: 'speaker.grant', requestId: null },
  'speaker.extend': { type: 'speaker.extend', extraMs: 60_000 },
  'speaker.end': { type: 'speaker.end' },
  'vote.open': {
    type: 'vote.open',
    voteId: 'v1',
    subject: 'Draft resolution on the 2026 budget',
    itemId: 'a2-1',
    kind: 'named',
    majority: 'pl.absolute_statutory',
    durationMs: 60_000,
  },
  'vote.cast': { type: 'vote.cast', voteId: 'v1', choice: 'for' },
  'vote.extend': { type: 'vote.extend', voteId: 'v1', extraMs: 30_000 },
  'vote.close': { type: 'vote.close', voteId: 'v1' },
  'vote.annul': { type: 'vote.annul', voteId: 'v1', reason: 'Counting device failed' },
  'vote.repeat': { type: 'vote.repeat', voteId: 'v1', newVoteId: 'v2', durationMs: 60_000 },
  'chat.send': {
    type: 'chat.send',
    messageId: 'msg-1',
    text: 'May I ask about item 3?',
    to: 'conductors',
  },
};

/** Each command's own exported schema, named by hand so that a missing export fails here. */
const SCHEMAS: Record<WireCommandType, z.ZodType> = {
  'sitting.convene': wire.sittingConveneCommandSchema,
  'sitting.open': wire.sittingOpenCommandSchema,
  'sitting.suspend': wire.sittingSuspendCommandSchema,
  'sitting.resume': wire.sittingResumeCommandSchema,
  'sitting.close': wire.sittingCloseCommandSchema,
  'quorum.start': wire.quorumStartCommandSchema,
  'presence.confirm': wire.presenceConfirmCommandSchema,
  'quorum.close': wire.quorumCloseCommandSchema,
  'presence.mark': wire.presenceMarkCommandSchema,
  'agenda.set_current': wire.agendaSetCurrentCommandSchema,
  'agenda.amend': wire.agendaAmendCommandSchema,
  'speaker.request': wire.speakerRequestCommandSchema,
  'speaker.withdraw': wire.speakerWithdrawCommandSchema,
  'speaker.grant': wire.speakerGrantCommandSchema,
  'speaker.extend': wire.speakerExtendCommandSchema,
  'speaker.end': wire.speakerEndCommandSchema,
  'vote.open': wire.voteOpenCommandSchema,
  'vote.cast': wire.voteCastCommandSchema,
  'vote.extend': wire.voteExtendCommandSchema,
  'vote.close': wire.voteCloseCommandSchema,
  'vote.annul': wire.voteAnnulCommandSchema,
  'vote.repeat': wire.voteRepeatCommandSchema,
  'chat.send': wire.chatSendCommandSchema,
};

/** Parses with the union and returns its issues as `path: code` lines (empty when valid). */
function issues(input: unknown): string[] {
  const result = wireCommandSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
}

const voteOpen = (fields: Record<string, unknown>): unknown => ({
  ...VALID['vote.open'],
  ...fields,
});

describe('wire commands', () => {
  it('cover exactly the domain commands', () => {
    expect([...WIRE_COMMAND_TYPES].sort()).toEqual([...SITTING_COMMAND_TYPES].sort());
    expectTypeOf<WireCommandType>().toEqualTypeOf<SittingCommandType>();
  });

  it('keep the domain fields for every command the server does not complete', () => {
    type Completed = 'quorum.close' | 'vote.close' | 'vote.cast' | 'presence.confirm';
    type Same = Exclude<WireCommand, { type: Completed | 'speaker.request' | 'chat.send' }>;
    expectTypeOf<Same>().toExtend<SittingCommand>();
  });

  it.each(WIRE_COMMAND_TYPES)('%s accepts its example, alone and in the union', (type) => {
    expect(SCHEMAS[type].safeParse(VALID[type]).success).toBe(true);
    expect(wireCommandSchema.parse(VALID[type])).toEqual(VALID[type]);
  });

  it.each(WIRE_COMMAND_TYPES)('%s refuses an unknown field', (type) => {
    const result = wireCommandSchema.safeParse({ ...VALID[type], actingAs: 'chair' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['actingAs'], path: [] }),
    ]);
  });

  it('refuses an unknown command type by naming `type`', () => {
    expect(issues({ type: 'vote.rig', voteId: 'v1' })).toEqual(['type: invalid_union']);
  });

  it('refuses a client closing "by" anyone, and a client-built proxy entry', () => {
    expect(issues({ type: 'quorum.close', by: 'system' })).toEqual([': unrecognized_keys']);
    expect(issues({ ...VALID['vote.close'], by: 'operator' })).toEqual([': unrecognized_keys']);
    const enteredBy = { operatorId: 'u-op', reason: 'x' };
    expect(issues({ ...VALID['vote.cast'], enteredBy })).toEqual([': unrecognized_keys']);
  });
});

describe('wire command fields', () => {
  it('trims the subject and refuses one that is blank or longer than 500', () => {
    expect(wireCommandSchema.parse(voteOpen({ subject: '  Budget  ' }))).toMatchObject({
      subject: 'Budget',
    });
    expect(issues(voteOpen({ subject: '   ' }))).toEqual(['subject: too_small']);
    expect(issues(voteOpen({ subject: 'x'.repeat(501) }))).toEqual(['subject: too_big']);
  });

  it.each([
    ['voteId', { ...VALID['vote.cast'], voteId: 'v 1' }, 'invalid_format'],
    ['checkId', { ...VALID['quorum.start'], checkId: 'q/1' }, 'invalid_format'],
    ['requestId', { ...VALID['speaker.withdraw'], requestId: '' }, 'too_small'],
    ['memberId', { ...VALID['presence.mark'], memberId: 'm'.repeat(65) }, 'too_big'],
    ['itemId', { ...VALID['agenda.set_current'], itemId: 'a.1' }, 'invalid_format'],
    ['newVoteId', { ...VALID['vote.repeat'], newVoteId: 42 }, 'invalid_type'],
  ])('refuses a bad %s', (field, input, code) => {
    expect(issues(input)).toEqual([`${field}: ${code}`]);
  });

  it.each([999, 86_400_001, 60_000.5])('refuses durationMs %s', (durationMs) => {
    expect(issues(voteOpen({ durationMs }))).toHaveLength(1);
    expect(issues(voteOpen({ durationMs }))[0]).toMatch(/^durationMs: /);
    expect(issues({ ...VALID['quorum.start'], durationMs })[0]).toMatch(/^durationMs: /);
  });

  it('accepts durations at both ends of the range', () => {
    expect(issues(voteOpen({ durationMs: 1_000 }))).toEqual([]);
    expect(issues(voteOpen({ durationMs: 86_400_000 }))).toEqual([]);
  });

  it('bounds extensions to an hour', () => {
    expect(issues({ ...VALID['vote.extend'], extraMs: 3_600_000 })).toEqual([]);
    expect(issues({ ...VALID['speaker.extend'], extraMs: 3_600_001 })).toEqual([
      'extraMs: too_big',
    ]);
  });

  it('accepts a council rule and refuses a fraction above one', () => {
    const rule = { base: 'statutory', comparison: 'at_least', num: 3, den: 5 };
    expect(issues(voteOpen({ majority: rule }))).toEqual([]);
    expect(issues(voteOpen({ majority: { ...rule, num: 6 } }))).toEqual(['majority.num: custom']);
    expect(issues(voteOpen({ majority: { ...rule, den: 0 } }))).toEqual([
      'majority.den: too_small',
    ]);
    expect(issues(voteOpen({ majority: 'pl.nonsense' }))).toEqual(['majority: invalid_union']);
  });

  it('wants 2 to 20 distinct options', () => {
    expect(issues(voteOpen({ options: ['yes', 'no'] }))).toEqual([]);
    expect(issues(voteOpen({ options: ['yes'] }))).toEqual(['options: too_small']);
    expect(issues(voteOpen({ options: ['yes', 'yes'] }))).toEqual(['options: custom']);
    const many = Array.from({ length: 21 }, (_, i) => `option ${i}`);
    expect(issues(voteOpen({ options: many }))).toEqual(['options: too_big']);
    expect(issues(voteOpen({ kind: 'public' }))).toEqual(['kind: invalid_value']);
  });

  it('wants a reason with a proxy ballot, and only with one', () => {
    const cast = VALID['vote.cast'];
    expect(issues({ ...cast, memberId: 'm05' })).toEqual(['proxyReason: custom']);
    expect(issues({ ...cast, memberId: 'm05', proxyReason: 'Tablet failed' })).toEqual([]);
    expect(issues({ ...cast, proxyReason: 'Tablet failed' })).toEqual(['proxyReason: custom']);
    expect(issues({ ...cast, memberId: 'm05', proxyReason: ' ' })).toEqual([
      'proxyReason: too_small',
    ]);
  });

  it('names at most one speaker other than the sender', () => {
    const request = VALID['speaker.request'];
    const resident = { requestId: 'rr-1', name: 'Ivana Petrova' };
    expect(issues({ ...request, memberId: 'm05' })).toEqual([]);
    expect(issues({ ...request, resident })).toEqual([]);
    expect(issues({ ...request, memberId: 'm05', resident })).toEqual(['resident: custom']);
    expect(issues({ ...request, resident: { ...resident, name: '' } })).toEqual([
      'resident.name: too_small',
    ]);
    expect(issues({ ...request, speechType: 'filibuster' })).toEqual(['speechType: invalid_value']);
  });

  it('mirrors the agenda changes', () => {
    const amend = (change: unknown): unknown => ({ type: 'agenda.amend', change });
    expect(
      wire.agendaAmendCommandSchema.safeParse(amend({ op: 'remove', itemId: 'a3' })).success,
    ).toBe(true);
    expect(issues(amend({ op: 'move', itemId: 'a3', parentId: null, position: 0 }))).toEqual([]);
    expect(issues(amend({ op: 'move', itemId: 'a3', parentId: null, position: -1 }))).toEqual([
      'change.position: too_small',
    ]);
    expect(issues(amend({ op: 'rename', itemId: 'a3' }))).toEqual(['change.op: invalid_union']);
  });

  it('bounds chat messages, counting the text after trimming', () => {
    const chat = VALID['chat.send'];
    expect(issues({ ...chat, text: 'x'.repeat(2_001) })).toEqual(['text: too_big']);
    expect(issues({ ...chat, text: ` ${'x'.repeat(2_000)} ` })).toEqual([]);
    expect(issues({ ...chat, text: ' \n ' })).toEqual(['text: too_small']);
    expect(issues({ ...chat, to: 'everyone' })).toEqual(['to: invalid_value']);
    expect(wireCommandSchema.parse({ ...chat, text: '  Hello  ' })).toMatchObject({
      text: 'Hello',
    });
  });

  it('wants a message id like any other id', () => {
    const { messageId: _omitted, ...chat } = VALID['chat.send'];
    expect(issues(chat)).toEqual(['messageId: invalid_type']);
    expect(issues({ ...chat, messageId: 'msg 1' })).toEqual(['messageId: invalid_format']);
  });

  it('names a member exactly when the message is for one member', () => {
    const chat = VALID['chat.send'];
    expect(issues({ ...chat, to: 'member', memberId: 'm05' })).toEqual([]);
    expect(issues({ ...chat, to: 'member' })).toEqual(['memberId: custom']);
    expect(issues({ ...chat, to: 'members', memberId: 'm05' })).toEqual(['memberId: custom']);
    expect(issues({ ...chat, to: 'member', memberId: 'm 5' })).toEqual([
      'memberId: invalid_format',
    ]);
    const missing = wireCommandSchema.safeParse({ ...chat, to: 'member' });
    expect(missing.error?.issues[0]?.message).toBe('memberId is required when to is "member"');
  });
});

describe('command requests', () => {
  const request = { commandId: 'c-0001-abcd', command: VALID['vote.open'] };

  it('accepts a command with its client id', () => {
    expect(commandRequestSchema.parse(request)).toEqual(request);
  });

  it('names the bad field, down into the command', () => {
    const paths = (input: unknown): string[] => {
      const result = commandRequestSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ ...request, commandId: 'c-short' })).toEqual(['commandId']);
    expect(paths({ ...request, commandId: 'c'.repeat(65) })).toEqual(['commandId']);
    expect(paths({ ...request, commandId: 'c 0001 abcd' })).toEqual(['commandId']);
    expect(paths({ ...request, command: voteOpen({ subject: '' }) })).toEqual(['command.subject']);
    expect(paths({ ...request, seq: 4 })).toEqual(['']);
  });
});
