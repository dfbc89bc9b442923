import { randomUUID } from 'node:crypto';
import type { ForbiddenReason, RejectionCode } from '@veche/domain';
import { WIRE_COMMAND_TYPES, type WireCommand, type WireCommandType } from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient, type JsonResponse } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * Every role against every command of the live sitting, over HTTP against the built server.
 *
 * The sitting is prepared first (opened, a quorum check with eight of fifteen present, a named
 * vote open), then each wire command is sent once by each role, in the order of
 * WIRE_COMMAND_TYPES and, within a command, of ROLES. A role that may not send a command gets
 * 403 `forbidden` with its reason and nothing changes; the public gets 401; a role that may gets
 * whatever the sitting's state makes of it right then, which the table names exactly (200, or a
 * 409 with the domain's rejection code). Allowed commands change the state as they go, so each
 * expectation holds for that place in the order.
 */

type Role = 'admin' | 'councillor' | 'chair' | 'operator';
/** Signed-in roles in the order they act on each command; the public is tried first. */
const ROLES: readonly Role[] = ['admin', 'councillor', 'chair', 'operator'];

const EMAILS: Record<Role, string> = {
  admin: 'admin@wierzbow.example',
  // Tomasz Kamiński: a plain member of the plenary, council role `councillor` only.
  councillor: DEMO_COUNCILLORS[5]!.email,
  // Jan Kowalski: council roles `chair` and `councillor`, and a member of the plenary.
  chair: DEMO_COUNCILLORS[0]!.email,
  operator: 'biuro.rady@wierzbow.example',
};

type Expected =
  | { readonly status: 200 }
  | { readonly status: 409; readonly code: RejectionCode }
  | { readonly status: 403; readonly reason: ForbiddenReason };

const accepted: Expected = { status: 200 };
const refused = (code: RejectionCode): Expected => ({ status: 409, code });
const forbidden = (reason: ForbiddenReason): Expected => ({ status: 403, reason });
const notConducting = forbidden('not_conducting');
const notAMember = forbidden('not_a_member');

/** Ids the prepared sitting has: members by seat (DEMO_COUNCILLORS order), agenda items. */
interface Sitting {
  member(seat: number): string;
  item(index: number): string;
}

interface Row {
  /** The command as `role` sends it: the same for everyone but for ids of new things. */
  readonly command: (role: Role, sitting: Sitting) => WireCommand;
  readonly expect: Readonly<Record<Role, Expected>>;
}

const VOTE = 'v-matrix';
const conducting = (chair: Expected, operator: Expected = chair): Record<Role, Expected> => ({
  admin: notConducting,
  councillor: notConducting,
  chair,
  operator,
});

/**
 * The expectations. Typed as a complete record, so a new wire command fails the type check; the
 * tests also iterate WIRE_COMMAND_TYPES, so it fails at run time too.
 */
const MATRIX: Readonly<Record<WireCommandType, Row>> = {
  'sitting.convene': {
    command: () => ({ type: 'sitting.convene' }),
    expect: conducting(refused('invalid_transition')),
  },
  'sitting.open': {
    command: () => ({ type: 'sitting.open' }),
    expect: conducting(refused('invalid_transition')),
  },
  'sitting.suspend': {
    command: () => ({ type: 'sitting.suspend', reason: 'Przerwa' }),
    expect: conducting(refused('vote_in_progress')),
  },
  'sitting.resume': {
    command: () => ({ type: 'sitting.resume' }),
    expect: conducting(refused('invalid_transition')),
  },
  'sitting.close': {
    command: () => ({ type: 'sitting.close' }),
    expect: conducting(refused('vote_in_progress')),
  },
  'quorum.start': {
    command: (role) => ({ type: 'quorum.start', checkId: `q-${role}`, durationMs: 60_000 }),
    expect: conducting(refused('vote_in_progress')),
  },
  'presence.confirm': {
    // For oneself: the operator and the administrator are no members of the plenary.
    command: () => ({ type: 'presence.confirm' }),
    expect: {
      admin: notAMember,
      councillor: refused('no_quorum_check'),
      chair: refused('no_quorum_check'),
      operator: notAMember,
    },
  },
  'quorum.close': {
    command: () => ({ type: 'quorum.close' }),
    expect: conducting(refused('no_quorum_check')),
  },
  'presence.mark': {
    // Members who were absent at the quorum check arrive: seat 13 marked by the chair, 14 by the
    // operator.
    command: (role, s) => ({
      type: 'presence.mark',
      memberId: s.member(role === 'operator' ? 14 : 13),
      present: true,
    }),
    expect: conducting(accepted),
  },
  'agenda.set_current': {
    command: (role, s) => ({
      type: 'agenda.set_current',
      itemId: s.item(role === 'operator' ? 1 : 0),
    }),
    expect: conducting(accepted),
  },
  'agenda.amend': {
    command: (role) => ({
      type: 'agenda.amend',
      change: {
        op: 'insert',
        parentId: null,
        position: 6,
        item: { id: `item-${role}`, title: `Punkt dodany (${role})` },
      },
    }),
    expect: conducting(accepted),
  },
  'speaker.request': {
    // For oneself; a conductor may name a member, but the operator is none.
    command: (role) => ({
      type: 'speaker.request',
      requestId: `req-${role}`,
      speechType: 'normal',
    }),
    expect: { admin: notAMember, councillor: accepted, chair: accepted, operator: notAMember },
  },
  'speaker.withdraw': {
    // The chair's own request: not the councillor's to withdraw; gone when the operator tries.
    command: () => ({ type: 'speaker.withdraw', requestId: 'req-chair' }),
    expect: {
      admin: notAMember,
      councillor: forbidden('not_self'),
      chair: accepted,
      operator: refused('unknown_request'),
    },
  },
  'speaker.grant': {
    // The head of the queue is the councillor's request; the operator finds the floor taken.
    command: () => ({ type: 'speaker.grant' }),
    expect: conducting(accepted, refused('floor_taken')),
  },
  'speaker.extend': {
    command: () => ({ type: 'speaker.extend', extraMs: 60_000 }),
    expect: conducting(accepted),
  },
  'speaker.end': {
    command: () => ({ type: 'speaker.end' }),
    expect: conducting(accepted, refused('floor_free')),
  },
  'vote.open': {
    command: (role) => ({
      type: 'vote.open',
      voteId: `v-open-${role}`,
      subject: 'Wniosek formalny',
      itemId: null,
      kind: 'open',
      majority: 'pl.simple',
      durationMs: 600_000,
    }),
    expect: conducting(refused('vote_in_progress')),
  },
  'vote.cast': {
    // One's own ballot; see the proxy tests below for ballots entered for someone else.
    command: () => ({ type: 'vote.cast', voteId: VOTE, choice: 'for' }),
    expect: { admin: notAMember, councillor: accepted, chair: accepted, operator: notAMember },
  },
  'vote.extend': {
    command: () => ({ type: 'vote.extend', voteId: VOTE, extraMs: 60_000 }),
    expect: conducting(accepted),
  },
  'vote.close': {
    command: () => ({ type: 'vote.close', voteId: VOTE }),
    expect: conducting(accepted, refused('vote_closed')),
  },
  'vote.annul': {
    command: () => ({ type: 'vote.annul', voteId: VOTE, reason: 'Awaria systemu głosowania' }),
    expect: conducting(accepted, refused('already_annulled')),
  },
  'vote.repeat': {
    command: (role) => ({
      type: 'vote.repeat',
      voteId: VOTE,
      newVoteId: `v-repeat-${role}`,
      durationMs: 600_000,
    }),
    expect: conducting(accepted, refused('already_repeated')),
  },
  'chat.send': {
    // To the conductors: members write as themselves, conductors write to anyone; the
    // administrator sits in no body. Audiences and who reads what: chat.test.ts.
    command: (role) => ({
      type: 'chat.send',
      messageId: `chat-${role}`,
      text: 'Proszę o głos',
      to: 'conductors',
    }),
    expect: { admin: notAMember, councillor: accepted, chair: accepted, operator: accepted },
  },
};

interface ErrorBody {
  error: { code: string; facts?: Record<string, unknown> };
}
interface AcceptedBody {
  commandId: string;
  replayed: boolean;
  seq: number;
  events: { type: string; [key: string]: unknown }[];
}
interface StateBody {
  seq: number;
  state: {
    status: string;
    openVoteId: string | null;
    setup: { members: { id: string; name: string }[] };
    agenda: { id: string }[];
  };
}

describe('the permissions matrix: every role against every command', () => {
  let server: RunningVeche;
  let sittingId: string;
  let sitting: Sitting;
  const clients = new Map<string, TestClient>();
  const anonymous = () => new TestClient(server.url);

  async function signIn(email: string): Promise<TestClient> {
    const existing = clients.get(email);
    if (existing !== undefined) return existing;
    const client = new TestClient(server.url);
    const response = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
    expect(response.status, email).toBe(200);
    clients.set(email, client);
    return client;
  }
  const as = (role: Role) => signIn(EMAILS[role]);
  const seat = (index: number) => signIn(DEMO_COUNCILLORS[index]!.email);

  function send<T = AcceptedBody>(
    client: TestClient,
    command: WireCommand,
  ): Promise<JsonResponse<T>> {
    return client.post<T>(`/api/sittings/${sittingId}/commands`, {
      commandId: randomUUID(),
      command,
    });
  }

  async function ok(client: TestClient, command: WireCommand): Promise<AcceptedBody> {
    const response = await send(client, command);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  /** The log's last seq and the whole state, as the operator sees them. */
  async function snapshot(): Promise<{ seq: number; json: string }> {
    const response = await (
      await as('operator')
    ).get<StateBody>(`/api/sittings/${sittingId}/state`);
    expect(response.status).toBe(200);
    return { seq: response.body.seq, json: JSON.stringify(response.body.state) };
  }

  /** Sends a command that must be refused by permission, and proves it changed nothing. */
  async function expectForbidden(
    client: TestClient,
    command: WireCommand,
    reason: ForbiddenReason,
  ): Promise<void> {
    const before = await snapshot();
    const response = await send<ErrorBody>(client, command);
    expect(response.status, JSON.stringify(response.body)).toBe(403);
    expect(response.body.error).toMatchObject({
      code: 'forbidden',
      facts: { command: command.type, reason },
    });
    const after = await snapshot();
    expect(after.seq).toBe(before.seq);
    expect(after.json).toBe(before.json);
  }

  beforeAll(async () => {
    server = await startVeche({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const op = await as('operator');
    const upcoming = await op.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming');
    sittingId = upcoming.body.sittings[0]!.id;
    const { state } = (await op.get<StateBody>(`/api/sittings/${sittingId}/state`)).body;
    const byName = new Map(state.setup.members.map((member) => [member.name, member.id]));
    const agenda = state.agenda.map((item) => item.id);
    expect(byName.size).toBe(15);
    expect(agenda).toHaveLength(6);
    sitting = {
      member: (index) => byName.get(DEMO_COUNCILLORS[index]!.name)!,
      item: (index) => agenda[index]!,
    };

    // Open, check the quorum with seats 0-7 present (the chair and the councillor among them),
    // and open a named vote that the matrix can cast in, extend, close, annul and repeat.
    await ok(op, { type: 'sitting.open' });
    await ok(op, { type: 'quorum.start', checkId: 'check-1', durationMs: 600_000 });
    for (let index = 0; index < 8; index++) {
      await ok(await seat(index), { type: 'presence.confirm' });
    }
    await ok(op, { type: 'quorum.close' });
    await ok(op, {
      type: 'vote.open',
      voteId: VOTE,
      subject: 'Uchwała w sprawie zmian w budżecie gminy na 2026 rok',
      itemId: null,
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 600_000,
    });
    await Promise.all((Object.keys(EMAILS) as Role[]).map(as));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('has an expectation for every wire command, and no other', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...WIRE_COMMAND_TYPES].sort());
  });

  for (const type of WIRE_COMMAND_TYPES) {
    describe(type, () => {
      it('is refused to the public with 401, changing nothing', async () => {
        const row = MATRIX[type] as Row | undefined;
        if (row === undefined) throw new Error(`no expectation for ${type}`);
        const before = await snapshot();
        const response = await send<ErrorBody>(anonymous(), row.command('operator', sitting));
        expect(response.status).toBe(401);
        expect(response.body.error.code).toBe('unauthenticated');
        expect((await snapshot()).seq).toBe(before.seq);
      });

      for (const role of ROLES) {
        const row = MATRIX[type] as Row | undefined;
        const expected = row?.expect[role];
        const label =
          expected === undefined
            ? 'has an expectation'
            : expected.status === 403
              ? `is forbidden to the ${role} (${expected.reason})`
              : `is not forbidden to the ${role}: ${String(expected.status)}${'code' in expected ? ` ${expected.code}` : ''}`;
        it(label, async () => {
          if (row === undefined || expected === undefined) {
            throw new Error(`no expectation for ${type} by ${role}`);
          }
          const client = await as(role);
          const command = row.command(role, sitting);
          if (expected.status === 403) {
            await expectForbidden(client, command, expected.reason);
            return;
          }
          const response = await send<AcceptedBody & ErrorBody>(client, command);
          expect(response.status, JSON.stringify(response.body)).toBe(expected.status);
          if (expected.status === 200) {
            expect(response.body).toMatchObject({ replayed: false });
            expect(response.body.events.length).toBeGreaterThan(0);
          } else {
            expect(response.body.error.code).toBe(expected.code);
          }
        });
      }
    });
  }

  describe('ballots for someone else', () => {
    let voteId: string;

    it('leaves the repeated vote open after the matrix', async () => {
      const { state } = (
        await (await as('operator')).get<StateBody>(`/api/sittings/${sittingId}/state`)
      ).body;
      expect(state.openVoteId).toBe('v-repeat-chair');
      voteId = state.openVoteId!;
    });

    it('refuses a councillor, and the chair, casting for another member, changing nothing', async () => {
      const proxy = {
        type: 'vote.cast',
        voteId,
        choice: 'against',
        memberId: sitting.member(6),
        proxyReason: 'Awaria tabletu',
      } as const;
      await expectForbidden(await as('councillor'), proxy, 'proxy_requires_operator');
      await expectForbidden(await as('chair'), proxy, 'proxy_requires_operator');
      // Other acts for someone else are refused the same way.
      await expectForbidden(
        await as('councillor'),
        { type: 'presence.confirm', memberId: sitting.member(6) },
        'not_self',
      );
      await expectForbidden(
        await as('councillor'),
        {
          type: 'speaker.request',
          requestId: 'req-for-other',
          speechType: 'normal',
          memberId: sitting.member(6),
        },
        'not_self',
      );
      // A proxy ballot without a reason does not even parse.
      const noReason = await (
        await as('operator')
      ).post<ErrorBody>(`/api/sittings/${sittingId}/commands`, {
        commandId: randomUUID(),
        command: { type: 'vote.cast', voteId, choice: 'for', memberId: sitting.member(7) },
      });
      expect(noReason.status).toBe(400);
    });

    it('lets a conductor queue another member, as a chair does for a raised hand', async () => {
      const queued = await ok(await as('operator'), {
        type: 'speaker.request',
        requestId: 'req-raised-hand',
        speechType: 'normal',
        memberId: sitting.member(6),
      });
      expect(queued.events[0]).toMatchObject({
        type: 'speaker.requested',
        entry: { speaker: { kind: 'member', memberId: sitting.member(6) } },
      });
    });

    it('accepts the operator’s ballot for a member, with the reason, and seals who entered it', async () => {
      const op = await as('operator');
      const me = (await op.get<{ id: string }>('/api/me')).body;
      const entered = await ok(op, {
        type: 'vote.cast',
        voteId,
        choice: 'for',
        memberId: sitting.member(7),
        proxyReason: 'Awaria tabletu radnego',
      });
      expect(entered.events).toEqual([
        expect.objectContaining({
          type: 'vote.cast_recorded',
          memberId: sitting.member(7),
          choice: 'for',
          enteredBy: { operatorId: me.id, reason: 'Awaria tabletu radnego' },
        }),
      ]);
      await ok(await seat(6), { type: 'vote.cast', voteId, choice: 'against' });

      const closed = await ok(op, { type: 'vote.close', voteId });
      const seal = closed.events.find((event) => event.type === 'vote.sealed');
      expect(seal).toMatchObject({ voteId, ballots: 2 });
      const named = seal?.['named'] as
        { memberId: string; choice: string; enteredByUserId: string | null }[] | undefined;
      expect(named).toHaveLength(2);
      expect(named).toEqual(
        expect.arrayContaining([
          { memberId: sitting.member(7), choice: 'for', enteredByUserId: me.id },
          { memberId: sitting.member(6), choice: 'against', enteredByUserId: null },
        ]),
      );

      // The same seal is what the published log holds.
      const log = await op.get<{ events: { type: string; payload: Record<string, unknown> }[] }>(
        `/api/sittings/${sittingId}/events`,
      );
      const logged = log.body.events.filter(
        (event) => event.type === 'vote.sealed' && event.payload['voteId'] === voteId,
      );
      expect(logged).toHaveLength(1);
      expect(logged[0]!.payload['named']).toEqual(named);
    });
  });
});
