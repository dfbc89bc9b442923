import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { WIRE_COMMAND_TYPES, type WireCommand, type WireCommandType } from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { TestClient, type JsonResponse } from './support/http-client.js';
import { addBulgarianCouncil, type SecondCouncil } from './support/second-council.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * Two councils on one server: the demo council A (Polish) and a council B (Bulgarian) written
 * into the same embedded database before the server starts. A user of one council can do
 * nothing to the other's sitting, and is not even told that it exists: every answer is the 404
 * that a sitting id nobody has gets.
 */

interface StateBody {
  seq: number;
  state: { setup: { members: { id: string }[] }; agenda: { id: string }[] };
}
interface EventsBody {
  events: { seq: number; type: string; hash: string }[];
}
interface Upcoming {
  sittings: { id: string; councilId: string; councilName: string }[];
}
interface AcceptedBody {
  seq: number;
  events: { type: string }[];
}

/** Each command once, aimed with the target sitting's real ids, as an insider would. */
const SAMPLES: Readonly<
  Record<WireCommandType, (target: { memberId: string; itemId: string }) => WireCommand>
> = {
  'sitting.convene': () => ({ type: 'sitting.convene' }),
  'sitting.open': () => ({ type: 'sitting.open' }),
  'sitting.suspend': () => ({ type: 'sitting.suspend', reason: null }),
  'sitting.resume': () => ({ type: 'sitting.resume' }),
  'sitting.close': () => ({ type: 'sitting.close' }),
  'quorum.start': () => ({ type: 'quorum.start', checkId: 'x-check', durationMs: 60_000 }),
  'presence.confirm': ({ memberId }) => ({ type: 'presence.confirm', memberId }),
  'quorum.close': () => ({ type: 'quorum.close' }),
  'presence.mark': ({ memberId }) => ({ type: 'presence.mark', memberId, present: false }),
  'agenda.set_current': ({ itemId }) => ({ type: 'agenda.set_current', itemId }),
  'agenda.amend': ({ itemId }) => ({ type: 'agenda.amend', change: { op: 'remove', itemId } }),
  'speaker.request': ({ memberId }) => ({
    type: 'speaker.request',
    requestId: 'x-request',
    speechType: 'normal',
    memberId,
  }),
  'speaker.withdraw': () => ({ type: 'speaker.withdraw', requestId: 'x-request' }),
  'speaker.grant': () => ({ type: 'speaker.grant', requestId: null }),
  'speaker.extend': () => ({ type: 'speaker.extend', extraMs: 60_000 }),
  'speaker.end': () => ({ type: 'speaker.end' }),
  'vote.open': () => ({
    type: 'vote.open',
    voteId: 'x-vote',
    subject: 'x',
    itemId: null,
    kind: 'named',
    majority: 'bg.majority_present',
    durationMs: 60_000,
  }),
  'vote.cast': ({ memberId }) => ({
    type: 'vote.cast',
    voteId: 'x-vote',
    choice: 'for',
    memberId,
    proxyReason: 'x',
  }),
  'vote.extend': () => ({ type: 'vote.extend', voteId: 'x-vote', extraMs: 60_000 }),
  'vote.close': () => ({ type: 'vote.close', voteId: 'x-vote' }),
  'vote.annul': () => ({ type: 'vote.annul', voteId: 'x-vote', reason: 'x' }),
  'vote.repeat': () => ({
    type: 'vote.repeat',
    voteId: 'x-vote',
    newVoteId: 'x-vote-2',
    durationMs: 60_000,
  }),
  'chat.send': ({ memberId }) => ({
    type: 'chat.send',
    messageId: 'x-message',
    text: 'x',
    to: 'member',
    memberId,
  }),
};

const ENV = { LOGIN_RATE_LIMIT: '1000' };

describe('two councils on one server', () => {
  let server: RunningVeche;
  let dataDir: string;
  let b: SecondCouncil;
  const a = { councilId: '', sittingId: '', memberId: '', itemId: '' };
  const clients = new Map<string, TestClient>();

  async function signIn(email: string, password = DEMO_PASSWORD): Promise<TestClient> {
    const existing = clients.get(email);
    if (existing !== undefined) return existing;
    const client = new TestClient(server.url);
    const response = await client.post('/api/auth/login', { email, password });
    expect(response.status, email).toBe(200);
    clients.set(email, client);
    return client;
  }
  const aOperator = () => signIn('biuro.rady@wierzbow.example');
  const aCouncillor = () => signIn(DEMO_COUNCILLORS[1]!.email);
  const bOperator = () => signIn(b.operatorEmail, b.password);
  const bCouncillor = () => signIn(b.councillorEmail, b.password);

  const send = <T>(client: TestClient, sittingId: string, command: WireCommand) =>
    client.post<T>(`/api/sittings/${sittingId}/commands`, { commandId: randomUUID(), command });

  /** The other council's sitting must answer exactly as a sitting that does not exist. */
  async function expectNotFound(
    attempt: (sittingId: string) => Promise<JsonResponse>,
    sittingId: string,
  ): Promise<void> {
    const response = await attempt(sittingId);
    const nowhere = await attempt(randomUUID());
    expect(response.status, JSON.stringify(response.body)).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'not_found' } });
    expect(response.body).toEqual(nowhere.body);
    expect(nowhere.status).toBe(404);
  }

  async function logOf(client: TestClient, sittingId: string): Promise<EventsBody['events']> {
    const response = await client.get<EventsBody>(`/api/sittings/${sittingId}/events`);
    expect(response.status).toBe(200);
    return response.body.events;
  }

  beforeAll(async () => {
    // First start: the demo council A on a fresh data folder; then council B beside it.
    const first = await startVeche({ env: ENV });
    dataDir = first.dataDir;
    await first.stop({ keepData: true });
    b = await addBulgarianCouncil(dataDir);
    server = await startVeche({ env: ENV, dataDir });

    const upcoming = await (await aOperator()).get<Upcoming>('/api/sittings/upcoming');
    a.sittingId = upcoming.body.sittings[0]!.id;
    a.councilId = upcoming.body.sittings[0]!.councilId;
    const { state } = (
      await (await aOperator()).get<StateBody>(`/api/sittings/${a.sittingId}/state`)
    ).body;
    a.memberId = state.setup.members[0]!.id;
    a.itemId = state.agenda[0]!.id;
  });
  afterAll(async () => {
    await server?.stop();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists to each user the sittings of their own council only', async () => {
    for (const client of [await aOperator(), await aCouncillor()]) {
      const listed = (await client.get<Upcoming>('/api/sittings/upcoming')).body.sittings;
      expect(listed.map((s) => s.id)).toContain(a.sittingId);
      expect(listed.every((s) => s.councilId === a.councilId)).toBe(true);
    }
    for (const client of [await bOperator(), await bCouncillor()]) {
      const listed = (await client.get<Upcoming>('/api/sittings/upcoming')).body.sittings;
      expect(listed).toEqual([
        expect.objectContaining({
          id: b.sittingId,
          councilId: b.councilId,
          councilName: b.councilName,
        }),
      ]);
    }
    expect(a.councilId).not.toBe(b.councilId);
  });

  it('lets each operator run their own council’s sitting', async () => {
    const openA = await send<AcceptedBody>(await aOperator(), a.sittingId, {
      type: 'sitting.open',
    });
    expect(openA.status, JSON.stringify(openA.body)).toBe(200);
    expect(openA.body.events.map((e) => e.type)).toEqual(['sitting.opened']);
    const openB = await send<AcceptedBody>(await bOperator(), b.sittingId, {
      type: 'sitting.open',
    });
    expect(openB.status, JSON.stringify(openB.body)).toBe(200);
    // B's sitting runs on B's own setup: its five members, its two agenda items.
    const stateB = await (await bCouncillor()).get<StateBody>(`/api/sittings/${b.sittingId}/state`);
    expect(stateB.status).toBe(200);
    expect(stateB.body.state.setup.members.map((m) => m.id).sort()).toEqual(
      [...b.memberIds].sort(),
    );
    expect(stateB.body.state.agenda).toHaveLength(2);
  });

  describe('a user of council B against council A’s sitting', () => {
    let logBefore: EventsBody['events'];
    beforeAll(async () => {
      logBefore = await logOf(await aOperator(), a.sittingId);
      expect(logBefore.length).toBeGreaterThan(0);
    });

    for (const type of WIRE_COMMAND_TYPES) {
      it(`${type}: 404 not_found, as if there were no such sitting`, async () => {
        const sample = SAMPLES[type] as (typeof SAMPLES)[WireCommandType] | undefined;
        if (sample === undefined) throw new Error(`no sample command for ${type}`);
        const command = sample({ memberId: a.memberId, itemId: a.itemId });
        await expectNotFound(async (id) => send(await bOperator(), id, command), a.sittingId);
      });
    }

    it('reads neither the state nor the log', async () => {
      for (const client of [await bOperator(), await bCouncillor()]) {
        for (const path of ['state', 'events', 'events?after=0']) {
          await expectNotFound((id) => client.get(`/api/sittings/${id}/${path}`), a.sittingId);
        }
      }
    });

    it('a councillor of B cannot cast in A either', async () => {
      await expectNotFound(
        async (id) =>
          send(await bCouncillor(), id, { type: 'vote.cast', voteId: 'x-vote', choice: 'for' }),
        a.sittingId,
      );
    });

    it('changed nothing in council A’s log, where A’s operator still works', async () => {
      expect(await logOf(await aOperator(), a.sittingId)).toEqual(logBefore);
      const next = await send<AcceptedBody>(await aOperator(), a.sittingId, {
        type: 'quorum.start',
        checkId: 'check-a',
        durationMs: 600_000,
      });
      expect(next.status, JSON.stringify(next.body)).toBe(200);
      expect(next.body.seq).toBe(logBefore.at(-1)!.seq + 1);
    });
  });

  describe('a user of council A against council B’s sitting', () => {
    let logBefore: EventsBody['events'];
    beforeAll(async () => {
      logBefore = await logOf(await bOperator(), b.sittingId);
      expect(logBefore.length).toBeGreaterThan(0);
    });

    for (const type of WIRE_COMMAND_TYPES) {
      it(`${type}: 404 not_found, as if there were no such sitting`, async () => {
        const sample = SAMPLES[type] as (typeof SAMPLES)[WireCommandType] | undefined;
        if (sample === undefined) throw new Error(`no sample command for ${type}`);
        const command = sample({ memberId: b.memberIds[0]!, itemId: randomUUID() });
        await expectNotFound(async (id) => send(await aOperator(), id, command), b.sittingId);
      });
    }

    it('reads neither the state nor the log', async () => {
      for (const client of [await aOperator(), await aCouncillor()]) {
        for (const path of ['state', 'events', 'events?after=0']) {
          await expectNotFound((id) => client.get(`/api/sittings/${id}/${path}`), b.sittingId);
        }
      }
    });

    it('changed nothing in council B’s log', async () => {
      expect(await logOf(await bOperator(), b.sittingId)).toEqual(logBefore);
    });
  });

  // Last: it stops the server to read its database directly.
  it('left no command or event of one council’s users in the other council’s sittings', async () => {
    await server.stop();
    const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
    try {
      // Every actor of a recorded command or event holds a role in that sitting's council.
      const crossing: unknown = await database.db.execute(sql`
        select 'command' as kind, c.sitting_id, c.actor_user_id from sitting_commands c
          where c.actor_user_id is not null and not exists (select 1 from council_roles r
            where r.user_id = c.actor_user_id and r.council_id = c.council_id)
        union all
        select 'event', e.sitting_id, e.actor_user_id from sitting_events e
          where e.actor_user_id is not null and not exists (select 1 from council_roles r
            where r.user_id = e.actor_user_id and r.council_id = e.council_id)`);
      expect((crossing as { rows: unknown[] }).rows).toEqual([]);
      const perSitting: unknown = await database.db.execute(
        sql`select sitting_id, count(*)::int as n from sitting_events
              where sitting_id in (${a.sittingId}, ${b.sittingId}) group by sitting_id`,
      );
      const counts = Object.fromEntries(
        (perSitting as { rows: { sitting_id: string; n: number }[] }).rows.map((r) => [
          r.sitting_id,
          r.n,
        ]),
      );
      // A: opened, quorum check started; B: opened. Nothing else.
      expect(counts).toEqual({ [a.sittingId]: 2, [b.sittingId]: 1 });
    } finally {
      await database.close();
    }
  });
});
