import { describe, expect, it } from 'vitest';
import type { ChatAudience } from './chat.js';
import { SITTING_COMMAND_TYPES } from './sitting.commands.js';
import type { SittingCommand, SittingCommandType } from './sitting.commands.js';
import { must, openWithPresent, startRun } from './sitting.fixtures.js';
import { CONDUCTING_COMMANDS, authorize } from './sitting.permissions.js';
import type { ForbiddenReason, SittingActor } from './sitting.permissions.js';
import type { SittingState } from './sitting.state.js';

/** The role profiles of the matrix (DESIGN.md section 8: "tested as a matrix of roles against commands"). */
const PROFILES = {
  public: null,
  member: { userId: 'u-m01', roles: ['councillor'], memberId: 'm01' },
  outsider: { userId: 'u-out', roles: ['councillor'], memberId: null },
  operator: { userId: 'u-op', roles: ['operator'], memberId: null },
  chair: { userId: 'u-m02', roles: ['chair', 'councillor'], memberId: 'm02' },
  admin: { userId: 'u-admin', roles: ['council_admin'], memberId: null },
} as const satisfies Record<string, SittingActor | null>;
type Profile = keyof typeof PROFILES;
const PROFILE_NAMES = Object.keys(PROFILES) as Profile[];

/** An open sitting with m01..m10 present and requests from m01, m02 and a resident queued. */
function sittingWithQueue(): SittingState {
  const run = startRun();
  openWithPresent(run, 10);
  for (const memberId of ['m01', 'm02']) {
    must(run, {
      type: 'speaker.request',
      requestId: `r-${memberId}`,
      speaker: { kind: 'member', memberId },
      speechType: 'normal',
    });
  }
  must(run, {
    type: 'speaker.request',
    requestId: 'r-res',
    speaker: { kind: 'resident', requestId: 'rr-1', name: 'Ivana Petrova' },
    speechType: 'normal',
    itemId: 'a2-1',
  });
  return run.state;
}
const STATE = sittingWithQueue();

/**
 * The ordinary form of each command as this actor would send it: commands that act for a member
 * act for the actor's own member id (m01 for actors who are no member). Acting for someone else
 * has its own tests below. The switch is exhaustive, so a new command type fails to compile here.
 */
function representative(type: SittingCommandType, actor: SittingActor | null): SittingCommand {
  const self = actor?.memberId ?? 'm01';
  switch (type) {
    case 'sitting.convene':
    case 'sitting.open':
    case 'sitting.resume':
    case 'sitting.close':
    case 'speaker.end':
      return { type };
    case 'sitting.suspend':
      return { type, reason: 'Break' };
    case 'quorum.start':
      return { type, checkId: 'q1', durationMs: 120_000 };
    case 'presence.confirm':
      return { type, memberId: self };
    case 'quorum.close':
      return { type, by: 'operator' };
    case 'presence.mark':
      return { type, memberId: 'm03', present: true };
    case 'agenda.set_current':
      return { type, itemId: 'a1' };
    case 'agenda.amend':
      return { type, change: { op: 'remove', itemId: 'a3' } };
    case 'speaker.request':
      return {
        type,
        requestId: 'r-new',
        speaker: { kind: 'member', memberId: self },
        speechType: 'ad_vocem',
      };
    case 'speaker.withdraw':
      return { type, requestId: `r-${self}` };
    case 'speaker.grant':
      return { type, requestId: null };
    case 'speaker.extend':
      return { type, extraMs: 60_000 };
    case 'vote.open':
      return {
        type,
        voteId: 'v1',
        subject: 'Budget amendment',
        itemId: 'a2-1',
        kind: 'named',
        majority: 'pl.simple',
        durationMs: 60_000,
      };
    case 'vote.cast':
      return { type, voteId: 'v1', memberId: self, choice: 'for' };
    case 'vote.extend':
      return { type, voteId: 'v1', extraMs: 30_000 };
    case 'vote.close':
      return { type, voteId: 'v1', by: 'operator' };
    case 'vote.annul':
      return { type, voteId: 'v1', reason: 'Device failure' };
    case 'vote.repeat':
      return { type, voteId: 'v1', newVoteId: 'v2', durationMs: 60_000 };
    case 'chat.send':
      return {
        type,
        messageId: 'msg-1',
        from: { userId: actor?.userId ?? 'u-anon', memberId: actor?.memberId ?? null },
        to: { kind: 'conductors' },
        text: 'May I ask about item 3?',
      };
  }
}

type Expect = 'ok' | ForbiddenReason;
const row = (
  publicView: Expect,
  member: Expect,
  outsider: Expect,
  operator: Expect,
  chair: Expect,
  admin: Expect,
): Record<Profile, Expect> => ({ public: publicView, member, outsider, operator, chair, admin });

const CONDUCT = row(
  'not_signed_in',
  'not_conducting',
  'not_conducting',
  'ok',
  'ok',
  'not_conducting',
);

/** Columns: public, councillor-member, councillor outside the body, operator, chair-member, admin. */
const EXPECTED: Record<SittingCommandType, Record<Profile, Expect>> = {
  'sitting.convene': CONDUCT,
  'sitting.open': CONDUCT,
  'sitting.suspend': CONDUCT,
  'sitting.resume': CONDUCT,
  'sitting.close': CONDUCT,
  'quorum.start': CONDUCT,
  'presence.confirm': row(
    'not_signed_in',
    'ok',
    'not_a_member',
    'not_a_member',
    'ok',
    'not_a_member',
  ),
  'quorum.close': CONDUCT,
  'presence.mark': CONDUCT,
  'agenda.set_current': CONDUCT,
  'agenda.amend': CONDUCT,
  'speaker.request': row('not_signed_in', 'ok', 'not_a_member', 'ok', 'ok', 'not_a_member'),
  'speaker.withdraw': row('not_signed_in', 'ok', 'not_a_member', 'ok', 'ok', 'not_a_member'),
  'speaker.grant': CONDUCT,
  'speaker.extend': CONDUCT,
  'speaker.end': CONDUCT,
  'vote.open': CONDUCT,
  'vote.cast': row('not_signed_in', 'ok', 'not_a_member', 'not_a_member', 'ok', 'not_a_member'),
  'vote.extend': CONDUCT,
  'vote.close': CONDUCT,
  'vote.annul': CONDUCT,
  'vote.repeat': CONDUCT,
  'chat.send': row('not_signed_in', 'ok', 'not_a_member', 'ok', 'ok', 'not_a_member'),
};

const verdict = (actor: SittingActor | null, command: SittingCommand): Expect => {
  const result = authorize(actor, command, STATE);
  if (result.ok) return 'ok';
  expect(result.rejection.facts.command).toBe(command.type);
  return result.rejection.facts.reason;
};

describe('authorize: the matrix of roles against commands', () => {
  it('has exactly one row per command type', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...SITTING_COMMAND_TYPES].sort());
  });

  const cells = SITTING_COMMAND_TYPES.flatMap((type) =>
    PROFILE_NAMES.map((profile) => ({ type, profile })),
  );
  it.each(cells)('$type by $profile', ({ type, profile }) => {
    const expected = EXPECTED[type]?.[profile];
    expect(expected, `no expectation for ${type} by ${profile}`).toBeDefined();
    const actor = PROFILES[profile];
    expect(verdict(actor, representative(type, actor))).toBe(expected);
  });

  it('lists as conducting exactly the commands whose row is the conducting row', () => {
    const conducting = SITTING_COMMAND_TYPES.filter((type) => EXPECTED[type] === CONDUCT);
    expect([...CONDUCTING_COMMANDS].sort()).toEqual(conducting.sort());
  });
});

describe('authorize: acting for someone else', () => {
  const { member, chair, operator, outsider } = PROFILES;

  it('lets nobody confirm presence for another member', () => {
    const command: SittingCommand = { type: 'presence.confirm', memberId: 'm05' };
    expect(verdict(member, command)).toBe('not_self');
    expect(verdict(chair, command)).toBe('not_self');
    expect(verdict(operator, command)).toBe('not_a_member');
  });

  it('refuses a member id the body does not have, even if the session claims it', () => {
    const stale: SittingActor = { userId: 'u-x', roles: ['councillor'], memberId: 'm99' };
    expect(verdict(stale, { type: 'presence.confirm', memberId: 'm99' })).toBe('not_a_member');
  });

  it('lets nobody cast an ordinary ballot for another member', () => {
    const command: SittingCommand = {
      type: 'vote.cast',
      voteId: 'v1',
      memberId: 'm05',
      choice: 'for',
    };
    expect(verdict(member, command)).toBe('not_self');
    expect(verdict(chair, command)).toBe('not_self');
    expect(verdict(operator, command)).toBe('not_a_member');
  });

  describe('proxy ballots', () => {
    const proxy = (operatorId: string): SittingCommand => ({
      type: 'vote.cast',
      voteId: 'v1',
      memberId: 'm05',
      choice: 'against',
      enteredBy: { operatorId, reason: 'Tablet failed' },
    });

    it('accepts the operator entering a ballot in their own name', () => {
      expect(verdict(operator, proxy('u-op'))).toBe('ok');
    });

    it('refuses the chair, even naming themselves', () => {
      expect(verdict(chair, proxy('u-m02'))).toBe('proxy_requires_operator');
    });

    it('refuses a councillor', () => {
      expect(verdict(member, proxy('u-m01'))).toBe('proxy_requires_operator');
    });

    it("refuses an operator who names another operator's id", () => {
      expect(verdict(operator, proxy('u-op-2'))).toBe('proxy_operator_mismatch');
    });
  });

  describe('withdrawing requests for the floor', () => {
    const withdraw = (requestId: string): SittingCommand => ({
      type: 'speaker.withdraw',
      requestId,
    });

    it("refuses a member withdrawing another member's request", () => {
      expect(verdict(member, withdraw('r-m02'))).toBe('not_self');
    });

    it("refuses a member withdrawing a resident's request", () => {
      expect(verdict(member, withdraw('r-res'))).toBe('not_conducting');
    });

    it('lets conductors withdraw any request', () => {
      expect(verdict(chair, withdraw('r-m01'))).toBe('ok');
      expect(verdict(operator, withdraw('r-res'))).toBe('ok');
    });

    it('lets an unknown id through to a member so that decide names it', () => {
      expect(verdict(member, withdraw('r-nope'))).toBe('ok');
      expect(verdict(outsider, withdraw('r-nope'))).toBe('not_a_member');
    });
  });

  describe('putting speakers on the list', () => {
    const resident: SittingCommand = {
      type: 'speaker.request',
      requestId: 'r-res-2',
      speaker: { kind: 'resident', requestId: 'rr-2', name: 'Petar Ilić' },
      speechType: 'normal',
      itemId: 'a2-2',
    };
    const forM05: SittingCommand = {
      type: 'speaker.request',
      requestId: 'r-m05',
      speaker: { kind: 'member', memberId: 'm05' },
      speechType: 'normal',
    };

    it('queues a resident only by a conductor', () => {
      expect(verdict(member, resident)).toBe('not_conducting');
      expect(verdict(chair, resident)).toBe('ok');
      expect(verdict(operator, resident)).toBe('ok');
    });

    it('lets a conductor, not a colleague, queue a member who raised a hand', () => {
      expect(verdict(chair, forM05)).toBe('ok');
      expect(verdict(member, forM05)).toBe('not_self');
    });
  });
});

describe('authorize: the chat', () => {
  const { member, chair, operator, outsider } = PROFILES;
  const chat = (
    from: { userId: string; memberId: string | null },
    to: ChatAudience,
  ): SittingCommand => ({ type: 'chat.send', messageId: 'msg-1', from, to, text: 'Hello' });
  const self = (actor: SittingActor) => ({ userId: actor.userId, memberId: actor.memberId });

  it('lets a member write to the conductors and to all members, not to one member', () => {
    expect(verdict(member, chat(self(member), { kind: 'conductors' }))).toBe('ok');
    expect(verdict(member, chat(self(member), { kind: 'members' }))).toBe('ok');
    expect(verdict(member, chat(self(member), { kind: 'member', memberId: 'm05' }))).toBe(
      'not_conducting',
    );
  });

  it('lets conductors write to any audience, one member included', () => {
    for (const actor of [operator, chair]) {
      for (const to of [
        { kind: 'conductors' },
        { kind: 'members' },
        { kind: 'member', memberId: 'm05' },
      ] as const) {
        expect(verdict(actor, chat(self(actor), to))).toBe('ok');
      }
    }
  });

  it('lets nobody write in someone else’s name', () => {
    const to: ChatAudience = { kind: 'members' };
    expect(verdict(member, chat({ userId: 'u-m05', memberId: 'm05' }, to))).toBe('not_self');
    expect(verdict(member, chat({ userId: member.userId, memberId: 'm05' }, to))).toBe('not_self');
    expect(verdict(member, chat({ userId: member.userId, memberId: null }, to))).toBe('not_self');
    expect(verdict(operator, chat({ userId: 'u-m02', memberId: 'm02' }, to))).toBe('not_self');
    expect(verdict(operator, chat({ userId: operator.userId, memberId: 'm03' }, to))).toBe(
      'not_a_member',
    );
    expect(verdict(chair, chat({ userId: chair.userId, memberId: null }, to))).toBe('not_self');
  });

  it('refuses council users who do not sit in the body, and a stale member id', () => {
    expect(verdict(outsider, chat(self(outsider), { kind: 'conductors' }))).toBe('not_a_member');
    const stale: SittingActor = { userId: 'u-x', roles: ['councillor'], memberId: 'm99' };
    expect(verdict(stale, chat(self(stale), { kind: 'conductors' }))).toBe('not_a_member');
  });
});

describe('authorize: closing by the system', () => {
  const closes: SittingCommand[] = [
    { type: 'quorum.close', by: 'system' },
    { type: 'vote.close', voteId: 'v1', by: 'system' },
  ];

  it.each(PROFILE_NAMES)('is never allowed to %s', (profile) => {
    const expected = profile === 'public' ? 'not_signed_in' : 'system_only';
    for (const command of closes) expect(verdict(PROFILES[profile], command)).toBe(expected);
  });
});

describe('authorize: failing closed', () => {
  it('refuses a command type it has no rule for, even to the chair', () => {
    const unknown = { type: 'minutes.sign', text: 'hello' } as unknown as SittingCommand;
    expect(verdict(PROFILES.chair, unknown)).toBe('no_rule');
  });

  it('gives council_admin no conducting rights even with a seat in the body', () => {
    const adminMember: SittingActor = {
      userId: 'u-a',
      roles: ['council_admin', 'councillor'],
      memberId: 'm04',
    };
    expect(
      verdict(adminMember, {
        type: 'vote.open',
        voteId: 'v9',
        subject: 'Street name',
        itemId: 'a2-2',
        kind: 'open',
        majority: 'pl.simple',
        durationMs: 60_000,
      }),
    ).toBe('not_conducting');
    expect(verdict(adminMember, { type: 'presence.confirm', memberId: 'm04' })).toBe('ok');
  });
});
