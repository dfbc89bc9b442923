import { randomUUID } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient } from './support/http-client.js';
import { LiveClient, type LiveMessage } from './support/live-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

describe('the live sitting over WebSocket', () => {
  let server: RunningVeche;
  let sittingId: string;
  const sockets: LiveClient[] = [];

  async function cookieOf(email: string): Promise<string> {
    const client = new TestClient(server.url);
    expect((await client.post('/api/auth/login', { email, password: DEMO_PASSWORD })).status).toBe(
      200,
    );
    return client.sessionCookie!;
  }

  async function connect(email?: string): Promise<LiveClient> {
    const socket = await LiveClient.connect(
      server.url,
      email === undefined ? {} : { cookie: await cookieOf(email) },
    );
    sockets.push(socket);
    return socket;
  }

  /** Sends a command and waits for its result. */
  async function command(
    socket: LiveClient,
    command: Record<string, unknown>,
    commandId = randomUUID(),
  ) {
    socket.send({ type: 'command', sittingId, commandId, command });
    return socket.next((m) => m.type === 'command.result' && m['commandId'] === commandId);
  }

  const events = (socket: LiveClient) => socket.ofType('event').map((m) => m['seq'] as number);

  let operator: LiveClient;
  let viewer: LiveClient;

  beforeAll(async () => {
    server = await startVeche({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const http = new TestClient(server.url);
    await http.post('/api/auth/login', {
      email: 'biuro.rady@wierzbow.example',
      password: DEMO_PASSWORD,
    });
    sittingId = (await http.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming')).body
      .sittings[0]!.id;
    operator = await connect('biuro.rady@wierzbow.example');
    viewer = await connect();
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.close()));
    await server?.stop();
  });

  it('gives a new public viewer a snapshot, then streams events as they happen', async () => {
    viewer.send({ type: 'subscribe', sittingId, afterSeq: 0 });
    const subscribed = await viewer.next((m) => m.type === 'subscribed');
    expect(subscribed).toMatchObject({
      sittingId,
      seq: 0,
      viewer: { kind: 'public', memberId: null },
    });
    const snapshot = await viewer.next((m) => m.type === 'snapshot');
    expect(snapshot).toMatchObject({ seq: 0, state: { status: 'convened' } });

    const opened = await command(operator, { type: 'sitting.open' });
    expect(opened).toMatchObject({ accepted: true, replayed: false, seq: 1 });
    const event = await viewer.next((m) => m.type === 'event' && m['seq'] === 1);
    expect(event['event']).toMatchObject({ type: 'sitting.opened' });
    // Every message tells the server's time, for deadlines and speaking timers.
    for (const message of viewer.messages) expect(message.serverTime).toBeGreaterThan(1.7e12);
  });

  it('lets a client that dropped resume exactly where it stopped: no gap, no duplicate', async () => {
    const seen = Math.max(...events(viewer));
    await viewer.close();
    await command(operator, { type: 'quorum.start', checkId: 'ws-check', durationMs: 120_000 });
    for (let index = 0; index < 9; index++) {
      const councillor = await connect(DEMO_COUNCILLORS[index]!.email);
      expect(await command(councillor, { type: 'presence.confirm' })).toMatchObject({
        accepted: true,
      });
    }
    const closed = await command(operator, { type: 'quorum.close' });
    const last = closed['seq'] as number;

    const back = await connect();
    back.send({ type: 'subscribe', sittingId, afterSeq: seen });
    await back.next((m) => m.type === 'event' && m['seq'] === last);
    expect(back.ofType('snapshot')).toHaveLength(0);
    expect(events(back)).toEqual(Array.from({ length: last - seen }, (_, i) => seen + 1 + i));
    viewer = back;
  });

  it('carries ballots: acknowledged to the voter, a retry after a drop counts once, tallies coalesced', async () => {
    const chair = await connect(DEMO_COUNCILLORS[0]!.email);
    chair.send({ type: 'subscribe', sittingId, afterSeq: 0 });
    await chair.next((m) => m.type === 'snapshot');
    expect(
      await command(operator, {
        type: 'vote.open',
        voteId: 'ws-vote',
        subject: 'Uchwała w sprawie planu zagospodarowania „Osiedle nad Stawem”',
        itemId: null,
        kind: 'named',
        majority: 'pl.simple',
        durationMs: 120_000,
      }),
    ).toMatchObject({ accepted: true });
    await viewer.next(
      (m) => m.type === 'event' && (m['event'] as { type: string }).type === 'vote.opened',
    );

    const started = Date.now();
    // The first councillor's ballot: sent, the socket drops before the answer, sent again.
    const retryId = randomUUID();
    const flaky = await connect(DEMO_COUNCILLORS[1]!.email);
    flaky.send({
      type: 'command',
      sittingId,
      commandId: retryId,
      command: { type: 'vote.cast', voteId: 'ws-vote', choice: 'for' },
    });
    await flaky.close();
    const again = await connect(DEMO_COUNCILLORS[1]!.email);
    const retried = await command(
      again,
      { type: 'vote.cast', voteId: 'ws-vote', choice: 'for' },
      retryId,
    );
    expect(retried).toMatchObject({ accepted: true });
    for (let index = 2; index < 9; index++) {
      const councillor = await connect(DEMO_COUNCILLORS[index]!.email);
      const choice = index < 6 ? 'for' : 'against';
      expect(
        await command(councillor, { type: 'vote.cast', voteId: 'ws-vote', choice }),
      ).toMatchObject({ accepted: true });
    }
    const elapsed = Date.now() - started;

    const finalTally = (m: LiveMessage) => m.type === 'tally' && m['voted'] === 8;
    const publicTally = await viewer.next(finalTally);
    expect(publicTally).toMatchObject({
      voteId: 'ws-vote',
      counts: { for: 5, against: 3 },
      voters: null,
    });
    expect(publicTally['seq']).toEqual(expect.any(Number));
    const chairTally = await chair.next(finalTally);
    expect(chairTally['voters']).toHaveLength(8);
    // At most five tally messages a second (plus the first and the last).
    expect(viewer.ofType('tally').length).toBeLessThanOrEqual(Math.ceil(elapsed / 200) + 2);

    const closed = await command(operator, { type: 'vote.close', voteId: 'ws-vote' });
    expect(closed).toMatchObject({ accepted: true });
    const result = await viewer.next(
      (m) => m.type === 'event' && (m['event'] as { type: string }).type === 'vote.closed',
    );
    expect(result['event']).toMatchObject({ counts: { for: 5, against: 3, abstain: 0 }, voted: 8 });
  });

  it('answers bad messages with an error and keeps the connection and everyone else’s', async () => {
    const client = await connect();
    client.send('not json');
    expect(await client.next((m) => m.type === 'error')).toMatchObject({ code: 'bad_message' });
    client.send({ type: 'subscribe', sittingId: 'not-a-uuid', afterSeq: 0 });
    expect(
      await client.next((m) => m.type === 'error' && m['code'] === 'validation_failed'),
    ).toBeDefined();
    client.send({ type: 'subscribe', sittingId: randomUUID(), afterSeq: 0 });
    expect(await client.next((m) => m.type === 'error' && m['code'] === 'not_found')).toBeDefined();
    const anonymousCommand = await command(client, { type: 'sitting.suspend' });
    expect(anonymousCommand).toMatchObject({ accepted: false, error: { code: 'unauthenticated' } });
    client.send({ type: 'ping', t: 42 });
    expect(await client.next((m) => m.type === 'pong')).toMatchObject({ t: 42 });

    const flood = await connect();
    flood.send(JSON.stringify({ type: 'ping', t: 1, pad: 'x'.repeat(70_000) }));
    await expect(flood.next(() => false, 3_000)).rejects.toThrow(/socket closed \(1009\)/);
    client.send({ type: 'ping', t: 43 });
    expect(await client.next((m) => m.type === 'pong' && m['t'] === 43)).toBeDefined();
    const refused = await command(await connect(DEMO_COUNCILLORS[3]!.email), {
      type: 'sitting.suspend',
    });
    expect(refused).toMatchObject({ accepted: false, error: { code: 'forbidden' } });
  });

  it('survives clients that reset the connection while being refused', async () => {
    const { hostname, port } = new URL(server.url);
    for (const path of ['/api/live', '/elsewhere']) {
      await new Promise<void>((resolve) => {
        const socket = tcpConnect(Number(port), hostname, () => {
          socket.write(
            `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              'Origin: https://evil.example\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
          );
          socket.resetAndDestroy();
          resolve();
        });
        socket.on('error', () => resolve());
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('closes the sockets of a session that signs out, and only those', async () => {
    const email = DEMO_COUNCILLORS[3]!.email;
    const http = new TestClient(server.url);
    expect((await http.post('/api/auth/login', { email, password: DEMO_PASSWORD })).status).toBe(
      200,
    );
    const cookie = http.sessionCookie!;
    const phone = await LiveClient.connect(server.url, { cookie });
    sockets.push(phone);
    // The same councillor on another device, signed in separately.
    const tablet = await connect(email);
    for (const socket of [phone, tablet]) {
      socket.send({ type: 'subscribe', sittingId, afterSeq: 0 });
      await socket.next((m) => m.type === 'snapshot');
    }
    // The server tells the client which member it is: the same on both devices.
    const viewers = [phone, tablet].map((socket) => socket.ofType('subscribed')[0]?.['viewer']);
    expect(viewers[0]).toMatchObject({ kind: 'member' });
    expect(typeof (viewers[0] as { memberId: unknown }).memberId).toBe('string');
    expect(viewers[1]).toEqual(viewers[0]);
    // A command first, so the connection holds its sign-in: signing out must still end it.
    const before = await command(phone, { type: 'speaker.withdraw', requestId: 'none-such' });
    expect((before['error'] as { code: string }).code).not.toBe('unauthenticated');

    expect((await http.post('/api/auth/logout')).status).toBe(204);
    await expect(phone.next(() => false, 5_000)).rejects.toThrow(/socket closed \(4001\)/);
    const still = await command(tablet, { type: 'speaker.withdraw', requestId: 'none-such' });
    expect((still['error'] as { code: string }).code).not.toBe('unauthenticated');
    expect(tablet.closeCode).toBeNull();

    // The old cookie opens a socket, but it acts for nobody.
    const stale = await LiveClient.connect(server.url, { cookie });
    sockets.push(stale);
    const refused = await command(stale, { type: 'speaker.withdraw', requestId: 'none-such' });
    expect(refused).toMatchObject({ accepted: false, error: { code: 'unauthenticated' } });
  });

  it('streams every event in order to hundreds of public viewers, a chunk at a time', async () => {
    const crowd = await Promise.all(Array.from({ length: 300 }, () => connect()));
    for (const socket of crowd) socket.send({ type: 'subscribe', sittingId, afterSeq: 0 });
    const from = await Promise.all(
      crowd.map(
        async (socket) => (await socket.next((m) => m.type === 'snapshot'))['seq'] as number,
      ),
    );
    // Several members present since the quorum check ask for the floor at once: appends of one
    // and of several events.
    const speakers = await Promise.all(
      DEMO_COUNCILLORS.slice(1, 7).map((councillor) => connect(councillor.email)),
    );
    const results = await Promise.all(
      speakers.map((socket, index) =>
        command(socket, {
          type: 'speaker.request',
          requestId: `crowd-${String(index)}`,
          speechType: 'normal',
        }),
      ),
    );
    for (const result of results)
      expect(result, JSON.stringify(result)).toMatchObject({ accepted: true });
    const last = Math.max(...results.map((result) => result['seq'] as number));
    for (const [index, socket] of crowd.entries()) {
      await socket.next((m) => m.type === 'event' && m['seq'] === last);
      const start = from[index]!;
      expect(events(socket)).toEqual(Array.from({ length: last - start }, (_, i) => start + 1 + i));
    }
    await Promise.all(crowd.map((socket) => socket.close()));
  });

  it('resumes a public viewer from where it stands even right after others subscribed afresh', async () => {
    // A newcomer's snapshot is shared with those who subscribe afresh shortly after; a viewer
    // resuming at the head must not be mistaken for one ahead of the log because of it.
    const newcomer = await connect();
    newcomer.send({ type: 'subscribe', sittingId, afterSeq: 0 });
    await newcomer.next((m) => m.type === 'snapshot');
    // A member present since the quorum check, with no request of their own yet.
    const member = await connect(DEMO_COUNCILLORS[8]!.email);
    const { seq } = await command(member, {
      type: 'speaker.request',
      requestId: 'resume-1',
      speechType: 'normal',
    });
    const resuming = await connect();
    resuming.send({ type: 'subscribe', sittingId, afterSeq: seq as number });
    await resuming.next((m) => m.type === 'subscribed');
    await command(member, { type: 'speaker.withdraw', requestId: 'resume-1' });
    await resuming.next((m) => m.type === 'event' && m['seq'] === (seq as number) + 1);
    expect(resuming.ofType('snapshot')).toHaveLength(0);
    expect(events(resuming)).toEqual([(seq as number) + 1]);
  });

  it('refuses a socket opened from another site', async () => {
    await expect(
      LiveClient.connect(server.url, {
        origin: 'https://evil.example',
        cookie: await cookieOf('biuro.rady@wierzbow.example'),
      }),
    ).rejects.toThrow(/403/);
  });
});
