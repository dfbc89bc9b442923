import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { verifyChain, type ChainedEvent } from '../src/storage/event-chain.js';
import { TestClient, type JsonResponse } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

interface Accepted {
  commandId: string;
  replayed: boolean;
  seq: number;
  events: { type: string; [key: string]: unknown }[];
}
interface Refused {
  error: { code: string; facts?: Record<string, unknown> };
}
interface StateBody {
  seq: number;
  state: {
    status: string;
    setup: { members: { id: string; name: string }[] };
    votes: Record<
      string,
      {
        status: string;
        tally: {
          counts: Record<string, number> | null;
          voted: number;
          voters: string[] | null;
          choices: Record<string, string> | null;
        };
      }
    >;
  };
}

describe('the live sitting over HTTP', () => {
  let server: RunningVeche;
  let sittingId: string;
  const clients = new Map<string, TestClient>();
  const memberIds = new Map<string, string>();

  async function signIn(email: string): Promise<TestClient> {
    const existing = clients.get(email);
    if (existing !== undefined) return existing;
    const client = new TestClient(server.url);
    const response = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    clients.set(email, client);
    return client;
  }

  const operator = () => signIn('biuro.rady@wierzbow.example');
  const councillor = (index: number) => signIn(DEMO_COUNCILLORS[index]!.email);
  const memberOf = (index: number) => memberIds.get(DEMO_COUNCILLORS[index]!.name)!;

  function send<T = Accepted>(
    client: TestClient,
    command: Record<string, unknown>,
    commandId = randomUUID(),
  ): Promise<JsonResponse<T>> {
    return client.post<T>(`/api/sittings/${sittingId}/commands`, { commandId, command });
  }

  async function ok(client: TestClient, command: Record<string, unknown>): Promise<Accepted> {
    const response = await send(client, command);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  beforeAll(async () => {
    server = await startVeche({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const op = await operator();
    const upcoming = await op.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming');
    sittingId = upcoming.body.sittings[0]!.id;
    const state = await op.get<StateBody>(`/api/sittings/${sittingId}/state`);
    for (const member of state.body.state.setup.members) memberIds.set(member.name, member.id);
    expect(memberIds.size).toBe(15);
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Every row of every table of the application, as JSON text, with its table. */
  async function everyRow(dataDir: string): Promise<{ table: string; json: string }[]> {
    const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
    try {
      const listed: unknown = await database.db.execute(
        sql`select tablename from pg_tables where schemaname = 'public'`,
      );
      const tables = listed as { rows: { tablename: string }[] };
      const out: { table: string; json: string }[] = [];
      for (const { tablename } of tables.rows) {
        const result: unknown = await database.db.execute(
          sql.raw(`select row_to_json(t)::text as json from "${tablename}" t`),
        );
        for (const row of (result as { rows: { json: string }[] }).rows)
          out.push({ table: tablename, json: row.json });
      }
      return out;
    } finally {
      await database.close();
    }
  }

  it('opens the sitting and checks the quorum: eight of fifteen confirm', async () => {
    const op = await operator();
    expect((await ok(op, { type: 'sitting.open' })).events.map((e) => e.type)).toEqual([
      'sitting.opened',
    ]);
    await ok(op, { type: 'quorum.start', checkId: 'check-1', durationMs: 120_000 });
    for (let index = 0; index < 8; index++) {
      await ok(await councillor(index), { type: 'presence.confirm' });
    }
    const closed = await ok(op, { type: 'quorum.close' });
    expect(closed.events[0]).toMatchObject({
      type: 'quorum.check_closed',
      closedBy: 'operator',
      result: { required: 8, present: 8, met: true },
    });
  });

  it('refuses what a role may not do, and changes nothing', async () => {
    const before = (await (await operator()).get<StateBody>(`/api/sittings/${sittingId}/state`))
      .body.seq;
    const councillorVote = await send<Refused>(await councillor(3), {
      type: 'vote.open',
      voteId: 'v-x',
      subject: 'x',
      itemId: null,
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 60_000,
    });
    expect(councillorVote.status).toBe(403);
    expect(councillorVote.body.error).toMatchObject({
      code: 'forbidden',
      facts: { reason: 'not_conducting' },
    });
    const admin = await signIn('admin@wierzbow.example');
    expect((await send<Refused>(admin, { type: 'sitting.suspend' })).status).toBe(403);
    const forOther = await send<Refused>(await councillor(3), {
      type: 'presence.mark',
      memberId: memberOf(4),
      present: false,
    });
    expect(forOther.status).toBe(403);
    expect(
      (await (await operator()).get<StateBody>(`/api/sittings/${sittingId}/state`)).body.seq,
    ).toBe(before);
  });

  it('runs a named vote: ballots acknowledged once, retries act once, the result sealed in the log', async () => {
    const op = await operator();
    const opened = await ok(op, {
      type: 'vote.open',
      voteId: 'v-budget',
      subject: 'Uchwała w sprawie zmian w budżecie gminy na 2026 rok',
      itemId: null,
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 120_000,
    });
    expect(opened.events[0]).toMatchObject({ type: 'vote.opened', kind: 'named' });
    const choices = ['for', 'for', 'for', 'for', 'for', 'against', 'against', 'abstain'];
    for (const [index, choice] of choices.entries()) {
      const client = await councillor(index);
      const commandId = randomUUID();
      const first = await send(
        client,
        { type: 'vote.cast', voteId: 'v-budget', choice },
        commandId,
      );
      expect(first.status).toBe(200);
      expect(first.body.replayed).toBe(false);
      if (index === 0) {
        // The same ballot sent again (say, after a dropped connection): the first answer, once.
        const again = await send(
          client,
          { type: 'vote.cast', voteId: 'v-budget', choice },
          commandId,
        );
        expect(again.status).toBe(200);
        expect(again.body).toMatchObject({ replayed: true, events: first.body.events });
      }
    }
    // A member who did not confirm presence is not entitled; nobody votes for someone else.
    const absent = await send<Refused>(await councillor(12), {
      type: 'vote.cast',
      voteId: 'v-budget',
      choice: 'for',
    });
    expect(absent.status).toBe(409);
    const proxyByCouncillor = await send<Refused>(await councillor(1), {
      type: 'vote.cast',
      voteId: 'v-budget',
      choice: 'for',
      memberId: memberOf(0),
      proxyReason: 'helping',
    });
    expect(proxyByCouncillor.status).toBe(403);

    const running = (await (await councillor(9)).get<StateBody>(`/api/sittings/${sittingId}/state`))
      .body;
    expect(running.state.votes['v-budget']!.tally).toMatchObject({ voted: 8, choices: null });

    const closed = await ok(op, { type: 'vote.close', voteId: 'v-budget' });
    const [result, seal] = closed.events;
    expect(result).toMatchObject({
      type: 'vote.closed',
      counts: { for: 5, against: 2, abstain: 1 },
      voted: 8,
      outcome: { passed: true },
    });
    expect(seal).toMatchObject({ type: 'vote.sealed', voteId: 'v-budget', ballots: 8 });
    expect(seal?.['named']).toHaveLength(8);
    expect(seal).toHaveProperty('digest', expect.stringMatching(/^[0-9a-f]{64}$/));
    const after = (await op.get<StateBody>(`/api/sittings/${sittingId}/state`)).body.state.votes[
      'v-budget'
    ]!;
    expect(after.tally).toMatchObject({ counts: { for: 5, against: 2, abstain: 1 }, voted: 8 });
    // Once closed, the named list is part of the state, for whoever opens the page later.
    const sealed = seal?.['named'] as { memberId: string; choice: string }[];
    expect(after.tally.choices).toEqual(
      Object.fromEntries(sealed.map((ballot) => [ballot.memberId, ballot.choice])),
    );
    expect(Object.values(after.tally.choices ?? {}).sort()).toEqual([...choices].sort());
  });

  it('keeps a secret vote’s choices apart from its voters, even in the API', async () => {
    const op = await operator();
    await ok(op, {
      type: 'vote.open',
      voteId: 'v-secret',
      subject: 'Wybór wiceprzewodniczącego',
      itemId: null,
      kind: 'secret',
      majority: 'pl.simple',
      durationMs: 120_000,
    });
    const acks: Accepted[] = [];
    for (const [index, choice] of ['for', 'against', 'for'].entries()) {
      acks.push(
        await ok(await councillor(index), { type: 'vote.cast', voteId: 'v-secret', choice }),
      );
    }
    for (const ack of acks) expect(JSON.stringify(ack)).not.toMatch(/for|against/);
    const twice = await send<Refused>(await councillor(0), {
      type: 'vote.cast',
      voteId: 'v-secret',
      choice: 'against',
    });
    expect(twice.status).toBe(409);
    const view = (await op.get<StateBody>(`/api/sittings/${sittingId}/state`)).body.state.votes[
      'v-secret'
    ]!;
    expect(view.tally).toMatchObject({ counts: null, voted: 3, choices: null });
    const closed = await ok(op, { type: 'vote.close', voteId: 'v-secret' });
    expect(closed.events[0]).toMatchObject({
      counts: { for: 2, against: 1, abstain: 0 },
      voted: 3,
    });
    expect(closed.events[1]).toMatchObject({ type: 'vote.sealed', ballots: 3, named: null });
    const settled = (await op.get<StateBody>(`/api/sittings/${sittingId}/state`)).body.state.votes[
      'v-secret'
    ]!;
    expect(settled.tally.choices).toBeNull();
  });

  it('counts every acknowledged ballot even when the close races the last ones', async () => {
    const op = await operator();
    for (const round of [1, 2, 3]) {
      const voteId = `v-race-${String(round)}`;
      await ok(op, {
        type: 'vote.open',
        voteId,
        subject: `Wniosek ${String(round)}`,
        itemId: null,
        kind: 'named',
        majority: 'pl.simple',
        durationMs: 120_000,
      });
      const casts = Array.from({ length: 8 }, async (_, index) => ({
        member: memberOf(index),
        status: (await send(await councillor(index), { type: 'vote.cast', voteId, choice: 'for' }))
          .status,
      }));
      // The close goes out while the ballots are still on their way.
      const closing = (async () => {
        await new Promise((resolve) => setTimeout(resolve, round * 3));
        return ok(op, { type: 'vote.close', voteId });
      })();
      const [results, closed] = await Promise.all([Promise.all(casts), closing]);
      const acknowledged = results
        .filter((r) => r.status === 200)
        .map((r) => r.member)
        .sort();
      expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
      const seal = closed.events[1] as unknown as {
        named: { memberId: string }[];
        ballots: number;
      };
      expect(seal.named.map((b) => b.memberId).sort()).toEqual(acknowledged);
      expect(closed.events[0]).toMatchObject({
        voted: acknowledged.length,
        counts: { for: acknowledged.length },
      });
    }
  });

  it('shows who has voted in an open vote while it runs, and its counts only with the result', async () => {
    const op = await operator();
    const view = async () =>
      (await op.get<StateBody>(`/api/sittings/${sittingId}/state`)).body.state.votes[
        'v-open-view'
      ]!;
    await ok(op, {
      type: 'vote.open',
      voteId: 'v-open-view',
      subject: 'Wniosek o zamknięcie dyskusji',
      itemId: null,
      kind: 'open',
      majority: 'pl.simple',
      durationMs: 120_000,
    });
    await ok(await councillor(2), { type: 'vote.cast', voteId: 'v-open-view', choice: 'against' });
    expect((await view()).tally).toMatchObject({ counts: null, voted: 1, voters: [memberOf(2)] });
    await ok(op, { type: 'vote.close', voteId: 'v-open-view' });
    expect((await view()).tally).toMatchObject({ counts: { against: 1 }, voted: 1, voters: null });
  });

  it('closes a vote and a quorum check by itself when their time is up, exactly once', async () => {
    const op = await operator();
    const stateOf = async () =>
      (await op.get<StateBody>(`/api/sittings/${sittingId}/state`)).body.state;
    await ok(op, {
      type: 'vote.open',
      voteId: 'v-timed',
      subject: 'Wniosek formalny o przerwę',
      itemId: null,
      kind: 'open',
      majority: 'pl.simple',
      durationMs: 1_000,
    });
    await ok(await councillor(0), { type: 'vote.cast', voteId: 'v-timed', choice: 'for' });
    // An open (not named) vote shows who has voted while it runs, but no counts: next to each
    // other they would tell who chose what.
    const running = (await stateOf()).votes['v-timed']!;
    if (running.status === 'open') expect(running.tally).toMatchObject({ counts: null, voted: 1 });
    await expect
      .poll(async () => (await stateOf()).votes['v-timed']?.status, {
        timeout: 10_000,
        interval: 200,
      })
      .toBe('closed');
    await ok(op, { type: 'quorum.start', checkId: 'check-2', durationMs: 1_000 });
    await ok(await councillor(1), { type: 'presence.confirm' });
    await expect
      .poll(async () => (await stateOf()) as unknown as { quorumCheck: unknown }, {
        timeout: 10_000,
        interval: 200,
      })
      .toMatchObject({ quorumCheck: null });

    const log = (
      await op.get<{ events: { type: string; payload: Record<string, unknown> }[] }>(
        `/api/sittings/${sittingId}/events`,
      )
    ).body.events;
    const voteCloses = log.filter(
      (e) => e.type === 'vote.closed' && e.payload['voteId'] === 'v-timed',
    );
    expect(voteCloses).toHaveLength(1);
    expect(voteCloses[0]!.payload).toMatchObject({
      closedBy: 'system',
      counts: { for: 1, against: 0 },
    });
    const checkCloses = log.filter(
      (e) => e.type === 'quorum.check_closed' && e.payload['checkId'] === 'check-2',
    );
    expect(checkCloses).toHaveLength(1);
    expect(checkCloses[0]!.payload).toMatchObject({ closedBy: 'system', present: [memberOf(1)] });
  });

  it('publishes a log whose hash chain anyone can verify', async () => {
    const response = await (
      await councillor(5)
    ).get<{
      events: {
        seq: number;
        type: string;
        payload: unknown;
        actorUserId: string | null;
        at: string;
        prevHash: string;
        hash: string;
      }[];
    }>(`/api/sittings/${sittingId}/events`);
    expect(response.status).toBe(200);
    const events = response.body.events;
    expect(events.map((e) => e.type)).toContain('vote.sealed');
    // No secret choice is ever in the log; no ballot is in it either (they are in the ballot box).
    expect(events.map((e) => e.type)).not.toContain('vote.secret_choice_recorded');
    expect(events.map((e) => e.type)).not.toContain('vote.cast_recorded');
    const chained: ChainedEvent[] = events.map((e) => ({
      seq: e.seq,
      type: e.type,
      payload: e.payload,
      actorUserId: e.actorUserId,
      at: new Date(e.at),
      prevHash: e.prevHash,
      hash: e.hash,
    }));
    expect(verifyChain(sittingId, chained)).toEqual({ ok: true, count: events.length });
    // Any change to what was published breaks the chain at that event.
    const forged = chained.map((e, i) => (i === 3 ? { ...e, payload: { forged: true } } : e));
    expect(verifyChain(sittingId, forged)).toMatchObject({ ok: false, brokenAtSeq: 4 });
    const after = await (
      await councillor(5)
    ).get<{ events: unknown[] }>(
      `/api/sittings/${sittingId}/events?after=${String(events.length - 2)}`,
    );
    expect(after.body.events).toHaveLength(2);
  });

  it('answers a sitting that does not exist, or is not the user’s, with 404', async () => {
    const client = await councillor(2);
    const missing = await client.post(`/api/sittings/${randomUUID()}/commands`, {
      commandId: randomUUID(),
      command: { type: 'sitting.open' },
    });
    expect(missing.status).toBe(404);
    const malformed = await client.post(`/api/sittings/${sittingId}/commands`, {
      commandId: 'x',
      command: { type: 'vote.cast', voteId: 'v', choice: 'for', extra: 1 },
    });
    expect(malformed.status).toBe(400);
  });

  // Last: it stops the server to read its database directly.
  it('leaves no row anywhere in the database that ties a secret voter to a choice', async () => {
    const voters = [0, 1, 2].map(memberOf);
    const userIds: string[] = [];
    for (const index of [0, 1, 2]) {
      userIds.push((await (await councillor(index)).get<{ id: string }>('/api/me')).body.id);
    }
    await server.stop({ keepData: true });
    // The demo's closed past sitting holds the same members' presence and named ballots.
    const everything = await everyRow(server.dataDir);
    const pastSittingId = everything
      .filter((r) => r.table === 'sittings')
      .map((r) => JSON.parse(r.json) as { id: string; number: number })
      .find((row) => row.number === 23)!.id;
    const rows = everything.filter((r) => !r.json.includes(pastSittingId));
    const mentionsVoter = (json: string) => [...voters, ...userIds].some((id) => json.includes(id));

    const participation = rows.filter((r) => r.table === 'secret_participations');
    expect(participation).toHaveLength(3);
    expect(participation.every((r) => !r.json.includes('"choice"'))).toBe(true);
    const tallies = rows.filter((r) => r.table === 'secret_tallies');
    expect(tallies.map((r) => JSON.parse(r.json) as { choice: string; count: number })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ choice: 'for', count: 2 }),
        expect.objectContaining({ choice: 'against', count: 1 }),
      ]),
    );
    expect(tallies.some((r) => mentionsVoter(r.json))).toBe(false);

    // Rows about the named and open votes hold choices by design; everything else that names a
    // secret voter (their presence, their secret participation, their commands) holds no choice.
    const otherVotes = ['v-budget', 'v-timed', 'v-race-', 'v-open-view'];
    const aboutVoters = rows.filter(
      (r) => mentionsVoter(r.json) && !otherVotes.some((id) => r.json.includes(id)),
    );
    expect(aboutVoters.length).toBeGreaterThan(6);
    const linking = aboutVoters.filter((r) => /"choice"|"previousChoice"/.test(r.json));
    expect(linking).toEqual([]);
    expect(rows.filter((r) => r.table === 'ballots' && r.json.includes('v-secret'))).toEqual([]);
  });
});
