import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient } from './support/http-client.js';
import { LiveClient } from './support/live-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';
import {
  createTestPostgresDatabase,
  probePostgres,
  TEST_POSTGRES_URL,
} from './support/test-databases.js';

const REDIS_URL = process.env.VECHE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function probeRedis(): Promise<{ available: true } | { available: false; reason: string }> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return { available: true };
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  } finally {
    client.disconnect();
  }
}

const [postgres, redis] = await Promise.all([probePostgres(), probeRedis()]);
const ready = postgres.available && redis.available;
const required = process.env.CI === 'true';
if (!ready && !required) {
  console.warn(
    `\n*** SKIPPED: two server processes on PostgreSQL and Redis: ` +
      `${postgres.available ? '' : `${TEST_POSTGRES_URL} did not answer. `}` +
      `${redis.available ? '' : `${REDIS_URL} did not answer. `}` +
      'Start them (or set VECHE_TEST_POSTGRES_URL / VECHE_TEST_REDIS_URL) to run it.\n',
  );
}

describe.skipIf(!ready && !required)('two server processes on one PostgreSQL and one Redis', () => {
  let a: RunningVeche;
  let b: RunningVeche;
  /** A third process on a channel of its own: it hears nothing over the bus. */
  let deaf: RunningVeche;
  let drop: () => Promise<void>;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    if (!ready) throw new Error('PostgreSQL and Redis are required here');
    const database = await createTestPostgresDatabase();
    drop = () => database.drop();
    // Each run has its own channel, so that parallel runs on one Redis never hear each other.
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_CHANNEL: `veche-test:${randomUUID()}`,
      LOGIN_RATE_LIMIT: '1000',
    };
    a = await startVeche({ env: { ...env, DEMO: 'on' } });
    b = await startVeche({ env });
    deaf = await startVeche({ env: { ...env, REDIS_CHANNEL: `veche-test:${randomUUID()}` } });
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.close()));
    await Promise.all([a?.stop(), b?.stop(), deaf?.stop()]);
    await drop?.();
  });

  async function signIn(url: string, email: string): Promise<TestClient> {
    const client = new TestClient(url);
    expect((await client.post('/api/auth/login', { email, password: DEMO_PASSWORD })).status).toBe(
      200,
    );
    return client;
  }

  it('carries a vote opened on one process to a councillor on the other, and the ballot back', async () => {
    const operator = await signIn(a.url, 'biuro.rady@wierzbow.example');
    const sittingId = (await operator.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming'))
      .body.sittings[0]!.id;
    const command = async (client: TestClient, body: Record<string, unknown>) => {
      const response = await client.post(`/api/sittings/${sittingId}/commands`, {
        commandId: randomUUID(),
        command: body,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    };
    await command(operator, { type: 'sitting.open' });
    await command(operator, { type: 'quorum.start', checkId: 'two-check', durationMs: 120_000 });
    for (let index = 0; index < 8; index++) {
      // Councillors confirm on process B, the operator works on process A.
      await command(await signIn(b.url, DEMO_COUNCILLORS[index]!.email), {
        type: 'presence.confirm',
      });
    }
    await command(operator, { type: 'quorum.close' });

    const councillorCookie = (await signIn(b.url, DEMO_COUNCILLORS[2]!.email)).sessionCookie!;
    const onB = await LiveClient.connect(b.url, { cookie: councillorCookie });
    const watcherOnA = await LiveClient.connect(a.url, { cookie: operator.sessionCookie! });
    sockets.push(onB, watcherOnA);
    for (const socket of [onB, watcherOnA]) {
      socket.send({ type: 'subscribe', sittingId, afterSeq: 0 });
      await socket.next((m) => m.type === 'snapshot');
    }

    await command(operator, {
      type: 'vote.open',
      voteId: 'cross-vote',
      subject: 'Uchwała w sprawie budżetu obywatelskiego',
      itemId: null,
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 120_000,
    });
    const opened = await onB.next(
      (m) => m.type === 'event' && (m['event'] as { type: string }).type === 'vote.opened',
    );
    expect(opened['event']).toMatchObject({ voteId: 'cross-vote' });

    onB.send({
      type: 'command',
      sittingId,
      commandId: randomUUID(),
      command: { type: 'vote.cast', voteId: 'cross-vote', choice: 'for' },
    });
    expect(await onB.next((m) => m.type === 'command.result')).toMatchObject({ accepted: true });
    const tallyOnA = await watcherOnA.next((m) => m.type === 'tally' && m['voted'] === 1);
    expect(tallyOnA).toMatchObject({
      voteId: 'cross-vote',
      counts: { for: 1 },
      voters: [expect.any(String)],
    });
  });

  it('still brings a subscriber every event when the bus lost them (found by its sweep)', async () => {
    const operator = await signIn(a.url, 'biuro.rady@wierzbow.example');
    const sittingId = (await operator.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming'))
      .body.sittings[0]!.id;
    const listener = await LiveClient.connect(deaf.url, {});
    sockets.push(listener);
    listener.send({ type: 'subscribe', sittingId, afterSeq: 0 });
    const { seq } = (await listener.next((m) => m.type === 'snapshot')) as unknown as {
      seq: number;
    };
    const response = await operator.post(`/api/sittings/${sittingId}/commands`, {
      commandId: randomUUID(),
      command: { type: 'vote.close', voteId: 'cross-vote' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const event = await listener.next((m) => m.type === 'event' && m['seq'] === seq + 1, 8_000);
    expect(event['event']).toMatchObject({ type: 'vote.closed', voteId: 'cross-vote' });
  });
});
