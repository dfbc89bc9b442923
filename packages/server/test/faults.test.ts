import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient } from './support/http-client.js';
import { LiveClient } from './support/live-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

interface VoteView {
  status: string;
  deadlineAt: number;
  tally: { voted: number; counts: Record<string, number> | null };
}

describe('faults', () => {
  const servers: RunningVeche[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it('loses no acknowledged ballot when the server is killed mid-vote, and resumes', async () => {
    const first = await startVeche({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const signIn = async (url: string, email: string) => {
      const client = new TestClient(url);
      expect(
        (await client.post('/api/auth/login', { email, password: DEMO_PASSWORD })).status,
      ).toBe(200);
      return client;
    };
    const operator = await signIn(first.url, 'biuro.rady@wierzbow.example');
    const sittingId = (await operator.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming'))
      .body.sittings[0]!.id;
    const send = (client: TestClient, command: Record<string, unknown>) =>
      client.post(`/api/sittings/${sittingId}/commands`, { commandId: randomUUID(), command });
    await send(operator, { type: 'sitting.open' });
    await send(operator, { type: 'quorum.start', checkId: 'fault-check', durationMs: 120_000 });
    const councillors: TestClient[] = [];
    for (let index = 0; index < 10; index++) {
      const client = await signIn(first.url, DEMO_COUNCILLORS[index]!.email);
      councillors.push(client);
      await send(client, { type: 'presence.confirm' });
    }
    await send(operator, { type: 'quorum.close' });
    await send(operator, {
      type: 'vote.open',
      voteId: 'v-crash',
      subject: 'Uchwała w sprawie zmian w budżecie',
      itemId: null,
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 300_000,
    });
    const before = (
      await operator.get<{ state: { votes: Record<string, VoteView> } }>(
        `/api/sittings/${sittingId}/state`,
      )
    ).body.state.votes['v-crash']!;

    // Six ballots acknowledged, then the process dies without any chance to tidy up.
    for (let index = 0; index < 6; index++) {
      const response = await send(councillors[index]!, {
        type: 'vote.cast',
        voteId: 'v-crash',
        choice: index < 4 ? 'for' : 'against',
      });
      expect(response.status).toBe(200);
    }
    first.process.kill('SIGKILL');
    expect(await first.exited()).toBeNull();

    const second = await startVeche({ dataDir: first.dataDir, env: { LOGIN_RATE_LIMIT: '1000' } });
    servers.push(second);
    // Cookies survive too: the sessions are in the same database.
    const resumed = new TestClient(second.url);
    const state = await resumed.request<{
      state: { status: string; votes: Record<string, VoteView> };
    }>('GET', `/api/sittings/${sittingId}/state`, undefined, { cookie: operator.sessionCookie! });
    expect(state.status).toBe(200);
    const vote = state.body.state.votes['v-crash']!;
    expect(state.body.state.status).toBe('open');
    expect(vote).toMatchObject({ status: 'open', deadlineAt: before.deadlineAt });
    expect(vote.tally).toMatchObject({ voted: 6, counts: { for: 4, against: 2, abstain: 0 } });

    // A client resumes over the socket where it was, and the vote goes on.
    const socket = await LiveClient.connect(second.url, { cookie: operator.sessionCookie! });
    socket.send({ type: 'subscribe', sittingId, afterSeq: 0 });
    expect(await socket.next((m) => m.type === 'snapshot')).toMatchObject({
      state: { status: 'open' },
    });
    await socket.close();
    const late = new TestClient(second.url);
    await late.post('/api/auth/login', {
      email: DEMO_COUNCILLORS[6]!.email,
      password: DEMO_PASSWORD,
    });
    expect(
      (await send(late, { type: 'vote.cast', voteId: 'v-crash', choice: 'abstain' })).status,
    ).toBe(200);
    const closing = new TestClient(second.url);
    await closing.post('/api/auth/login', {
      email: 'biuro.rady@wierzbow.example',
      password: DEMO_PASSWORD,
    });
    const closed = await send(closing, { type: 'vote.close', voteId: 'v-crash' });
    expect(closed.body).toMatchObject({
      events: [
        { type: 'vote.closed', counts: { for: 4, against: 2, abstain: 1 }, voted: 7 },
        { type: 'vote.sealed', ballots: 7 },
      ],
    });
  });
});
