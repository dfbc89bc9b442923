import type { ClientMessage } from '@veche/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONNECT_TIMEOUT_MS,
  HEARTBEAT_MS,
  LiveConnection,
  QUEUE_TIMEOUT_MS,
  RESUBSCRIBE_DELAY_MS,
  SIGNED_OUT_CLOSE_CODE,
  SILENCE_LIMIT_MS,
  type SocketHandle,
  type SocketHandlers,
} from './live-connection';
import { OPENING, runSitting } from './testing/domain-sitting';

const SITTING = '5f0c6b8e-3c1a-4d2b-9e4f-0a1b2c3d4e5f';
const run = runSitting([
  ...OPENING,
  {
    type: 'vote.open',
    voteId: 'v1',
    subject: 'S',
    itemId: null,
    kind: 'named',
    majority: 'pl.simple',
    durationMs: 60_000,
  },
]);
const LAST = run.log.length;
/** The server's clock runs 42 s ahead of the device's. */
const SKEW = 42_000;

class FakeSocket implements SocketHandle {
  readonly sent: ClientMessage[] = [];
  closed = false;
  constructor(private readonly handlers: SocketHandlers) {}
  send(text: string): void {
    if (this.closed) throw new Error('send on a closed socket');
    this.sent.push(JSON.parse(text) as ClientMessage);
  }
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.handlers.onOpen();
  }
  receive(message: Record<string, unknown>): void {
    this.handlers.onMessage(JSON.stringify({ serverTime: Date.now() + SKEW, ...message }));
  }
  drop(code = 1006): void {
    this.closed = true;
    this.handlers.onClose(code);
  }
  ofType<T extends ClientMessage['type']>(type: T): Extract<ClientMessage, { type: T }>[] {
    return this.sent.filter((m): m is Extract<ClientMessage, { type: T }> => m.type === type);
  }
  /** Confirms a subscription and sends the log from `after` on, as the server does. */
  replay(after: number, upTo = LAST): void {
    this.receive({
      type: 'subscribed',
      sittingId: SITTING,
      seq: upTo,
      viewer: { kind: 'member', memberId: 'm01' },
    });
    if (after === 0) {
      this.receive({
        type: 'snapshot',
        sittingId: SITTING,
        seq: upTo,
        state: run.log[upTo - 1]!.snapshot,
      });
      return;
    }
    for (let seq = after + 1; seq <= upTo; seq++) this.event(seq);
  }
  event(seq: number): void {
    this.receive({ type: 'event', sittingId: SITTING, seq, event: run.log[seq - 1]!.event });
  }
}

let sockets: FakeSocket[];
let online: boolean;
let networkListeners: ((online: boolean) => void)[];
let connection: LiveConnection;
let ids: number;

const socket = (): FakeSocket => sockets.at(-1)!;
const status = () => connection.getSnapshot().status;
const feed = () => connection.getSnapshot().feeds.get(SITTING);
const command = (id: string) => connection.getSnapshot().commands.find((c) => c.commandId === id);
const ballot = { type: 'vote.cast', voteId: 'v1', choice: 'for' } as const;

function setNetwork(value: boolean): void {
  online = value;
  for (const listener of networkListeners) listener(value);
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 4, 20, 8, 0, 0) });
  sockets = [];
  online = true;
  networkListeners = [];
  ids = 0;
  connection = new LiveConnection({
    url: 'ws://veche.test/api/live',
    openSocket: (_url, handlers) => {
      const fake = new FakeSocket(handlers);
      sockets.push(fake);
      return fake;
    },
    network: {
      isOnline: () => online,
      subscribe(listener) {
        networkListeners.push(listener);
        return () => (networkListeners = networkListeners.filter((l) => l !== listener));
      },
    },
    now: () => Date.now(),
    // Always the shortest wait of each backoff step: 250 ms, 500 ms, 1 s, ...
    random: () => 0,
    newId: () => `command-${String(++ids).padStart(4, '0')}`,
  });
});

afterEach(() => {
  connection.dispose();
  vi.useRealTimers();
});

/** Follows the sitting and brings it in step at the end of the log. */
function followLive(): void {
  connection.follow(SITTING);
  socket().open();
  socket().replay(0);
}

describe('the live connection', () => {
  it('connects, subscribes from nothing, and is live and in step after the snapshot', () => {
    connection.follow(SITTING);
    expect(sockets).toHaveLength(1);
    expect(status()).toBe('connecting');
    socket().open();
    expect(status()).toBe('live');
    expect(socket().ofType('subscribe')).toEqual([
      { type: 'subscribe', sittingId: SITTING, afterSeq: 0 },
    ]);
    expect(socket().ofType('ping')).toHaveLength(1);
    socket().replay(0);
    expect(feed()).toMatchObject({ seq: LAST, phase: 'live' });
    expect(feed()?.view?.openVoteId).toBe('v1');
  });

  it('subscribes as the public when asked (the hall display), also when it resumes', () => {
    connection.follow(SITTING, { asPublic: true });
    socket().open();
    expect(socket().ofType('subscribe')).toEqual([
      { type: 'subscribe', sittingId: SITTING, afterSeq: 0, as: 'public' },
    ]);
    socket().replay(0);
    socket().drop();
    vi.advanceTimersByTime(250);
    socket().open();
    expect(socket().ofType('subscribe')).toEqual([
      { type: 'subscribe', sittingId: SITTING, afterSeq: LAST, as: 'public' },
    ]);
  });

  it('uses one socket for two followers of the same sitting', () => {
    const stopFirst = connection.follow(SITTING);
    const stopSecond = connection.follow(SITTING);
    socket().open();
    expect(sockets).toHaveLength(1);
    expect(socket().ofType('subscribe')).toHaveLength(1);
    stopFirst();
    expect(socket().ofType('unsubscribe')).toHaveLength(0);
    stopSecond();
    expect(socket().ofType('unsubscribe')).toEqual([{ type: 'unsubscribe', sittingId: SITTING }]);
  });

  it('reconnects by itself after a drop, with growing waits, and resumes from the last event', () => {
    connection.follow(SITTING);
    socket().open();
    socket().replay(0, LAST - 2);
    socket().drop();
    expect(status()).toBe('reconnecting');
    vi.advanceTimersByTime(249);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    // This attempt fails before it opens: the next one waits twice as long.
    socket().drop();
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    socket().open();
    expect(socket().ofType('subscribe')).toEqual([
      { type: 'subscribe', sittingId: SITTING, afterSeq: LAST - 2 },
    ]);
    socket().replay(LAST - 2);
    expect(status()).toBe('live');
    expect(feed()).toMatchObject({ seq: LAST, phase: 'live' });
    expect(feed()?.view?.openVoteId).toBe('v1');
  });

  it('subscribes again from its last event when an event goes missing', () => {
    connection.follow(SITTING);
    socket().open();
    socket().replay(0, LAST - 3);
    socket().event(LAST - 1);
    expect(socket().ofType('subscribe').at(-1)).toEqual({
      type: 'subscribe',
      sittingId: SITTING,
      afterSeq: LAST - 3,
    });
    socket().replay(LAST - 3);
    expect(feed()?.seq).toBe(LAST);
  });

  it('gives up on a socket that does not open, and on one that has gone silent', () => {
    connection.follow(SITTING);
    vi.advanceTimersByTime(CONNECT_TIMEOUT_MS);
    expect(sockets[0]?.closed).toBe(true);
    expect(status()).toBe('reconnecting');
    vi.advanceTimersByTime(250);
    const silent = socket();
    silent.open();
    expect(status()).toBe('live');
    // Pings go out; nothing comes back.
    vi.advanceTimersByTime(SILENCE_LIMIT_MS + HEARTBEAT_MS);
    expect(silent.ofType('ping').length).toBeGreaterThan(1);
    expect(silent.closed).toBe(true);
    expect(sockets).toHaveLength(3);
  });

  it('goes offline with the device and comes back the moment the network does', () => {
    followLive();
    setNetwork(false);
    expect(status()).toBe('offline');
    expect(sockets[0]?.closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    setNetwork(true);
    expect(sockets).toHaveLength(2);
    expect(status()).toBe('reconnecting');
  });

  it('stops, and says so, when the server ends the session', () => {
    followLive();
    socket().drop(SIGNED_OUT_CLOSE_CODE);
    expect(connection.getSnapshot()).toMatchObject({ status: 'offline', signedOut: true });
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('asks again for a subscription the server could not serve for the moment', () => {
    connection.follow(SITTING);
    socket().open();
    socket().receive({
      type: 'error',
      code: 'unavailable',
      message: 'try again',
      sittingId: SITTING,
    });
    expect(feed()).toMatchObject({ phase: 'failed', error: 'unavailable' });
    vi.advanceTimersByTime(RESUBSCRIBE_DELAY_MS);
    expect(socket().ofType('subscribe')).toHaveLength(2);
    socket().replay(0);
    expect(feed()).toMatchObject({ phase: 'live', error: null });
  });

  it('tells the server’s time, corrected by the best ping', () => {
    followLive();
    const ping = socket().ofType('ping')[0]!;
    vi.advanceTimersByTime(100);
    socket().receive({ type: 'pong', t: ping.t, serverTime: ping.t + 50 + SKEW });
    expect(connection.serverNow() - Date.now()).toBe(SKEW);
  });
});

describe('commands over the live connection', () => {
  it('sends at once when live, with its own id, and records the server’s answer', () => {
    followLive();
    const id = connection.send(SITTING, ballot, { tag: 'ballot:v1' });
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(socket().ofType('command')).toEqual([
      { type: 'command', sittingId: SITTING, commandId: id, command: ballot },
    ]);
    expect(command(id)?.status).toBe('sent');
    socket().receive({
      type: 'command.result',
      commandId: id,
      accepted: true,
      replayed: false,
      seq: LAST,
    });
    expect(command(id)).toMatchObject({ status: 'accepted', seq: LAST, tag: 'ballot:v1' });
  });

  it('keeps a refusal’s code and facts', () => {
    followLive();
    const id = connection.send(SITTING, ballot, { tag: 'ballot:v1' });
    socket().receive({
      type: 'command.result',
      commandId: id,
      accepted: false,
      error: { code: 'already_voted', message: 'Refused', facts: { ballotChangeAllowed: false } },
    });
    expect(command(id)).toMatchObject({
      status: 'rejected',
      error: { code: 'already_voted', facts: { ballotChangeAllowed: false } },
    });
  });

  it('queues a command while offline and sends it, once in step, when the connection returns', () => {
    followLive();
    socket().drop();
    const id = connection.send(SITTING, ballot, { tag: 'ballot:v1' });
    expect(command(id)?.status).toBe('queued');
    vi.advanceTimersByTime(250);
    socket().open();
    // Not before the sitting is in step: the vote may have closed meanwhile.
    expect(socket().ofType('command')).toHaveLength(0);
    socket().replay(LAST);
    expect(socket().ofType('command')).toEqual([
      { type: 'command', sittingId: SITTING, commandId: id, command: ballot },
    ]);
    expect(command(id)?.status).toBe('sent');
  });

  it('sends a command whose answer was lost again, with the same id, so that it acts once', () => {
    followLive();
    const id = connection.send(SITTING, ballot, { tag: 'ballot:v1' });
    socket().drop();
    expect(command(id)?.status).toBe('sent');
    vi.advanceTimersByTime(250);
    socket().open();
    socket().replay(LAST);
    expect(
      socket()
        .ofType('command')
        .map((m) => m.commandId),
    ).toEqual([id]);
    socket().receive({
      type: 'command.result',
      commandId: id,
      accepted: true,
      replayed: true,
      seq: LAST,
    });
    expect(command(id)?.status).toBe('accepted');
  });

  it('does not send a queued ballot once its vote has closed: it is reported as not sent', () => {
    connection.follow(SITTING);
    socket().open();
    socket().replay(0, LAST);
    socket().drop();
    const id = connection.send(SITTING, ballot, {
      tag: 'ballot:v1',
      stillWanted: (view) => view.votes['v1']?.status === 'open',
    });
    vi.advanceTimersByTime(250);
    socket().open();
    socket().receive({
      type: 'subscribed',
      sittingId: SITTING,
      seq: LAST + 1,
      viewer: { kind: 'member', memberId: 'm01' },
    });
    socket().receive({
      type: 'event',
      sittingId: SITTING,
      seq: LAST + 1,
      event: {
        type: 'vote.closed',
        voteId: 'v1',
        closedBy: 'system',
        counts: { for: 0, against: 0, abstain: 0 },
        voted: 0,
        entitled: 5,
        outcome: null,
        at: Date.now(),
      },
    });
    expect(socket().ofType('command')).toHaveLength(0);
    expect(command(id)).toMatchObject({ status: 'not_sent', notSentReason: 'no_longer_valid' });
  });

  it('reports a command that could not be sent in time as not sent, and never sends it late', () => {
    followLive();
    setNetwork(false);
    const id = connection.send(SITTING, { type: 'presence.confirm' }, { tag: 'presence:c1' });
    vi.advanceTimersByTime(QUEUE_TIMEOUT_MS);
    expect(command(id)).toMatchObject({ status: 'not_sent', notSentReason: 'timeout' });
    setNetwork(true);
    socket().open();
    socket().replay(LAST);
    expect(socket().ofType('command')).toHaveLength(0);
  });
});
