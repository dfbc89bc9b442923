import { clientMessageSchema, type ClientMessage, type ServerMessage } from '@veche/protocol';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AccountsService, AuthenticatedUser } from '../accounts/accounts.service.js';
import { SESSION_COOKIE } from '../accounts/session-token.js';
import { HttpError } from '../http/api-error.js';
import type { LiveSittingService, LoggedEvent } from '../sittings/live-sitting.service.js';
import {
  participantOf,
  runCommandAs,
  type SittingParticipant,
} from '../sittings/run-command.use-case.js';
import {
  eventView,
  PUBLIC_VIEWER,
  viewOf,
  voteView,
  type SittingViewer,
  type Viewer,
} from '../sittings/state-view.js';
import type { Repositories } from '../storage/repositories.js';
import type { SittingRow } from '../storage/repositories/sittings.repository.js';
import type { BusMessage, EventBus } from './event-bus.js';

export const LIVE_PATH = '/api/live';
/** The close code of a socket whose session was signed out (4000-4999: the application's own). */
export const SIGNED_OUT_CLOSE_CODE = 4001;
/** A client further behind than this gets the state instead of a long replay. */
const SNAPSHOT_AFTER = 200;
/** At most five tally updates a second per vote. */
const TALLY_INTERVAL_MS = 200;
const MAX_MESSAGE_BYTES = 64 * 1024;
const HEARTBEAT_MS = 30_000;
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/**
 * How often subscribers are checked against the database's last event. A message lost between
 * processes is noticed at the next event anyway; this also finds one lost at the very end.
 */
const SWEEP_MS = 3_000;
/**
 * How long a connection's sign-in, and its roles in a sitting, are trusted before they are read
 * again. Re-reading them for every message made a burst of ballots wait on five queries each;
 * signing out ends the connection's sign-in at once (the bus says so), and a changed role or a
 * deactivated account takes effect within this time.
 */
const RECHECK_MS = 60_000;
/** Sittings whose access one connection keeps at a time. */
const PARTICIPANTS_PER_CONNECTION = 16;

/** Public viewers sent an event between two turns of the event loop (see deliverToPublic). */
const PUBLIC_CHUNK = 256;

/** One appended batch of events on its way to a sitting's public viewers. */
interface PublicDelivery {
  readonly events: readonly { seq: number; event: LoggedEvent }[];
  readonly cache: Map<string, string>;
  readonly audience: readonly Connection[];
  next: number;
}

/** How long the public's serialised snapshot of a sitting is shared by new subscribers. */
const SHARED_SNAPSHOT_MS = 250;

/** A sitting's state as one viewer may see it, as JSON text, at log position `seq`. */
interface SerialisedSnapshot {
  readonly seq: number;
  readonly state: string;
  readonly openVoteId: string | null;
}

/** A server message before the gateway stamps it with the time (distributes over the union). */
type WithoutTime<T> = T extends unknown ? Omit<T, 'serverTime'> : never;

interface Subscription {
  readonly sitting: SittingRow;
  readonly viewer: Viewer;
  /** Who the viewer is in person (null for the public): the chat is shown per person. */
  readonly userId: string | null;
  readonly memberId: string | null;
  lastSeq: number;
  /** While the missing events are read from the database, live ones wait here. */
  replaying: boolean;
  buffered: { seq: number; event: LoggedEvent }[];
}

interface Connection {
  readonly socket: WebSocket;
  /** The session cookie it connected with. */
  readonly token: string | undefined;
  /** The sign-in behind the cookie as last checked (monotonic ms), or null when not yet. */
  auth: { readonly user: AuthenticatedUser; readonly checkedAt: number } | null;
  /** Who the user is in each sitting they act in; emptied whenever the sign-in is checked. */
  readonly participants: Map<string, SittingParticipant>;
  readonly subscriptions: Map<string, Subscription>;
  alive: boolean;
  /** Messages are handled one after another, in the order they came. */
  queue: Promise<void>;
}

export interface GatewayDependencies {
  readonly repos: Repositories;
  readonly live: LiveSittingService;
  readonly accounts: AccountsService;
  readonly bus: EventBus;
  readonly clock: () => Date;
  readonly logger: FastifyBaseLogger;
  readonly publicUrl: string | undefined;
}

/**
 * The WebSocket gateway (DESIGN.md section 5): it only translates. A client subscribes to a
 * sitting with the last sequence number it saw; the gateway replays what it missed from the
 * database (or sends a snapshot when it is far behind) and then streams the log live, in order,
 * with no gap and no duplicate. Commands run through the same use case as over HTTP. What each
 * client receives is filtered by what it may see; tallies are coalesced.
 */
export function attachLiveGateway(app: FastifyInstance, deps: GatewayDependencies) {
  const { repos, live, accounts, bus, logger } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const channels = new Map<string, Set<Connection>>();
  const connections = new Map<WebSocket, Connection>();
  const tallyTimers = new Map<string, { timer: NodeJS.Timeout | null; last: number }>();
  const publicSnapshots = new Map<
    string,
    { readonly snapshot: Promise<SerialisedSnapshot>; readonly madeAt: number }
  >();
  const now = () => deps.clock().getTime();

  const send = (connection: Connection, message: WithoutTime<ServerMessage>) => {
    sendRaw(connection, JSON.stringify({ ...message, serverTime: now() }));
  };
  const sendRaw = (connection: Connection, text: string) => {
    const { socket } = connection;
    if (socket.readyState !== socket.OPEN) return;
    // A client that does not read would make the server hold everything for it: drop it; it
    // resumes from its last sequence number when it reconnects.
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    socket.send(text);
  };
  /**
   * Sends what `write` sends to one client in one system call. ws writes each frame on its own,
   * so a burst of events (a thousand presence confirmations appended together) meant a thousand
   * writes per client; the bench measured them as most of the server's time. ws offers no batch
   * send, so this corks the underlying TCP socket (ws's own per-frame cork nests inside).
   */
  const corked = (connection: Connection, write: () => void) => {
    const tcp = (connection.socket as unknown as { _socket?: Duplex | null })._socket;
    tcp?.cork();
    try {
      write();
    } finally {
      tcp?.uncork();
    }
  };
  const fail = (connection: Connection, code: string, message: string, sittingId?: string) =>
    send(connection, {
      type: 'error',
      code,
      message,
      ...(sittingId === undefined ? {} : { sittingId }),
    });

  const viewerOf = (sub: Subscription): SittingViewer => ({
    kind: sub.viewer,
    userId: sub.userId,
    memberId: sub.memberId,
  });

  /** An event as this subscriber may see it: whole, or redacted (another's private chat). */
  const eventFor = (sub: Subscription, event: LoggedEvent) => eventView(event, viewerOf(sub));

  /** Whether `sub` is still the connection's subscription (not replaced or dropped meanwhile). */
  const current = (connection: Connection, sub: Subscription) =>
    connection.subscriptions.get(sub.sitting.id) === sub;

  function deliver(
    connection: Connection,
    sub: Subscription,
    events: readonly { seq: number; event: LoggedEvent }[],
    cache: Map<string, string>,
  ) {
    if (!current(connection, sub)) return;
    if (sub.replaying) {
      sub.buffered.push(...events);
      return;
    }
    for (const { seq, event } of events) {
      if (seq <= sub.lastSeq) continue; // Already sent (replayed before it came live).
      if (seq > sub.lastSeq + 1) {
        // A gap (a message lost between processes): read the rest from the database.
        void catchUp(connection, sub);
        sub.buffered.push({ seq, event });
        return;
      }
      // One serialisation per event, kind of viewer and form (whole or redacted), however many
      // sockets receive it. A chat message is whole for some people and redacted for others of
      // the same kind, so the form is part of the key: a text made for one person is reused only
      // for someone who would be sent exactly the same.
      const shown = eventFor(sub, event);
      const key = `${String(seq)}:${sub.viewer}:${'redacted' in shown ? 'redacted' : 'whole'}`;
      let text = cache.get(key);
      if (text === undefined) {
        text = JSON.stringify({
          type: 'event',
          sittingId: sub.sitting.id,
          seq,
          event: shown,
          serverTime: now(),
        });
        cache.set(key, text);
      }
      sendRaw(connection, text);
      sub.lastSeq = seq;
    }
  }

  /** Sends what the subscriber has not seen, from the database, then what waited meanwhile. */
  async function catchUp(connection: Connection, sub: Subscription): Promise<void> {
    sub.replaying = true;
    try {
      const rows = await repos.sittingEvents.listAfter(
        sub.sitting.councilId,
        sub.sitting.id,
        sub.lastSeq,
      );
      sub.replaying = false;
      const pending = sub.buffered;
      sub.buffered = [];
      const fromDb = rows.map((row) => ({ seq: row.seq, event: row.payload as LoggedEvent }));
      deliver(
        connection,
        sub,
        [...fromDb, ...pending].sort((a, b) => a.seq - b.seq),
        new Map(),
      );
    } catch (error) {
      sub.replaying = false;
      logger.warn({ err: error }, 'could not replay a sitting log');
      fail(
        connection,
        'unavailable',
        'Could not read the sitting log; subscribe again',
        sub.sitting.id,
      );
    }
  }

  async function pushTally(sittingId: string, voteId: string): Promise<void> {
    const subscribers = channels.get(sittingId);
    const first = subscribers?.values().next().value;
    if (subscribers === undefined || first === undefined) return;
    const sub = first.subscriptions.get(sittingId);
    if (sub === undefined) return;
    const { state, seq } = await live.current(sub.sitting);
    const tallied = state.votes[voteId];
    if (tallied === undefined) return;
    const texts = new Map<Viewer, string>();
    for (const connection of subscribers) {
      const viewer = connection.subscriptions.get(sittingId)?.viewer;
      if (viewer === undefined) continue;
      let text = texts.get(viewer);
      if (text === undefined) {
        // A tally depends on the kind of viewer only, never on who they are.
        const vote = voteView(tallied, viewer);
        text = JSON.stringify({
          type: 'tally',
          sittingId,
          voteId,
          // The log position it was computed at: a tally older than an event already shown
          // (say, the vote's close) is to be ignored.
          seq,
          counts: vote.tally.counts,
          voted: vote.tally.voted,
          voters: vote.tally.voters,
          proxied: vote.tally.proxied,
          serverTime: now(),
        });
        texts.set(viewer, text);
      }
      sendRaw(connection, text);
    }
  }

  /** Coalesces ballots into at most one tally message per TALLY_INTERVAL_MS and vote. */
  function scheduleTally(sittingId: string, voteId: string): void {
    const key = `${sittingId}:${voteId}`;
    const entry = tallyTimers.get(key) ?? { timer: null, last: 0 };
    tallyTimers.set(key, entry);
    if (entry.timer !== null) return;
    const wait = Math.max(0, entry.last + TALLY_INTERVAL_MS - Date.now());
    entry.timer = setTimeout(() => {
      entry.timer = null;
      entry.last = Date.now();
      pushTally(sittingId, voteId).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not send a tally');
      });
    }, wait);
  }

  /**
   * The user behind the connection's cookie, checked at most every RECHECK_MS; undefined for the
   * public, and for a cookie whose session has ended.
   */
  async function signedIn(connection: Connection): Promise<AuthenticatedUser | undefined> {
    if (connection.token === undefined) return undefined;
    const cached = connection.auth;
    if (cached !== null && performance.now() - cached.checkedAt < RECHECK_MS) return cached.user;
    const user = await accounts.authenticate(connection.token);
    connection.auth = user === undefined ? null : { user, checkedAt: performance.now() };
    connection.participants.clear();
    return user;
  }

  /** Who the signed-in user is in a sitting (access, roles, member id), kept per connection. */
  async function participant(
    connection: Connection,
    user: AuthenticatedUser,
    sittingId: string,
  ): Promise<SittingParticipant> {
    const known = connection.participants.get(sittingId);
    if (known !== undefined) return known;
    const found = await participantOf(repos, live, user.user, sittingId);
    if (connection.participants.size >= PARTICIPANTS_PER_CONNECTION) {
      connection.participants.delete(connection.participants.keys().next().value!);
    }
    connection.participants.set(sittingId, found);
    return found;
  }

  /** A signed-out session's sockets close, so that nothing more reaches them as a member. */
  function endSession(sessionId: string): void {
    for (const connection of connections.values()) {
      if (connection.auth?.user.sessionId !== sessionId) continue;
      connection.auth = null;
      connection.participants.clear();
      connection.socket.close(SIGNED_OUT_CLOSE_CODE, 'signed out');
    }
  }

  const unsubscribeFromBus = bus.subscribe((message: BusMessage) => {
    if (message.kind === 'session_ended') {
      endSession(message.sessionId);
      return;
    }
    const subscribers = channels.get(message.sittingId);
    if (subscribers === undefined) return;
    if (message.kind === 'ballot') {
      scheduleTally(message.sittingId, message.voteId);
      return;
    }
    const cache = new Map<string, string>();
    const audience: Connection[] = [];
    for (const connection of subscribers) {
      const sub = connection.subscriptions.get(message.sittingId);
      if (sub === undefined) continue;
      if (sub.viewer === 'public') audience.push(connection);
      else corked(connection, () => deliver(connection, sub, message.events, cache));
    }
    if (audience.length > 0) {
      queuePublicDelivery(message.sittingId, { events: message.events, cache, audience, next: 0 });
    }
  });

  /**
   * The public's copies of each sitting's events, in the order they were appended. Members and
   * conductors get an event at once; thousands of public viewers get it a chunk at a time, with
   * the event loop free between chunks, so that ballots arriving meanwhile are acknowledged
   * instead of waiting behind one long loop of sends. Each delivery finishes before the next
   * starts, so every viewer still receives the events in order.
   */
  const publicDeliveries = new Map<string, PublicDelivery[]>();

  function queuePublicDelivery(sittingId: string, delivery: PublicDelivery): void {
    const queue = publicDeliveries.get(sittingId);
    if (queue !== undefined) {
      queue.push(delivery);
      return;
    }
    publicDeliveries.set(sittingId, [delivery]);
    setImmediate(() => deliverToPublic(sittingId));
  }

  function deliverToPublic(sittingId: string): void {
    const queue = publicDeliveries.get(sittingId);
    if (queue === undefined) return;
    let budget = PUBLIC_CHUNK;
    while (queue.length > 0 && budget > 0) {
      const head = queue[0]!;
      while (head.next < head.audience.length && budget > 0) {
        const connection = head.audience[head.next++]!;
        budget--;
        // Looked up now: the viewer may have left, or subscribed again, meanwhile.
        const sub = connection.subscriptions.get(sittingId);
        if (sub !== undefined)
          corked(connection, () => deliver(connection, sub, head.events, head.cache));
      }
      if (head.next >= head.audience.length) queue.shift();
    }
    if (queue.length > 0) setImmediate(() => deliverToPublic(sittingId));
    else publicDeliveries.delete(sittingId);
  }

  async function subscribe(
    connection: Connection,
    sittingId: string,
    afterSeq: number,
    /** Follow as the public even when signed in (the hall display). */
    asPublic: boolean,
  ): Promise<void> {
    let sitting: SittingRow;
    let viewer: SittingViewer;
    const auth = asPublic ? undefined : await signedIn(connection);
    if (auth !== undefined) {
      const { access, actor } = await participant(connection, auth, sittingId);
      sitting = access.sitting;
      viewer = {
        kind: access.conducting ? 'conductor' : 'member',
        userId: actor.userId,
        memberId: actor.memberId,
      };
    } else {
      // The public follows any published sitting of any council: it is public information.
      const found = await repos.sittings.locate(sittingId);
      if (found === undefined || found.status === 'draft') {
        throw new HttpError(404, 'not_found', 'No such sitting');
      }
      sitting = found;
      viewer = PUBLIC_VIEWER;
    }
    const sub: Subscription = {
      sitting,
      viewer: viewer.kind,
      userId: viewer.userId,
      memberId: viewer.memberId,
      lastSeq: afterSeq,
      replaying: true,
      buffered: [],
    };
    connection.subscriptions.set(sittingId, sub);
    const channel = channels.get(sittingId) ?? new Set<Connection>();
    channel.add(connection);
    channels.set(sittingId, channel);

    // Only a client starting afresh may get a shared snapshot: to decide whether a resuming
    // client is behind or (after a restore) ahead, the log's real position counts.
    const current = await snapshotOf(sitting, viewer, afterSeq === 0);
    send(connection, {
      type: 'subscribed',
      sittingId,
      seq: current.seq,
      viewer: { kind: viewer.kind, memberId: viewer.memberId },
    });
    if (afterSeq === 0 || afterSeq > current.seq || current.seq - afterSeq > SNAPSHOT_AFTER) {
      // Composed from the serialised state, which may be shared by many public viewers.
      sendRaw(
        connection,
        `{"type":"snapshot","sittingId":${JSON.stringify(sittingId)},"seq":${String(current.seq)},` +
          `"state":${current.state},"serverTime":${String(now())}}`,
      );
      sub.lastSeq = current.seq;
    }
    // Whatever was appended after the snapshot was read comes from the log (or waited in the
    // buffer since the subscription was registered above).
    await catchUp(connection, sub);
    if (current.openVoteId !== null) scheduleTally(sittingId, current.openVoteId);
  }

  /**
   * The sitting as this viewer may see it, serialised. The public's is the same for everyone, so
   * it is made once and shared for a moment: thousands of residents open the live page when a
   * sitting starts, and each snapshot of a large council is milliseconds of work. A shared one
   * may be a little behind; the subscriber catches up from the log, and a running vote's tally
   * follows within TALLY_INTERVAL_MS.
   */
  function snapshotOf(
    sitting: SittingRow,
    viewer: SittingViewer,
    shareable: boolean,
  ): Promise<SerialisedSnapshot> {
    const make = async (): Promise<SerialisedSnapshot> => {
      const { state, seq, named } = await live.current(sitting);
      return {
        seq,
        state: JSON.stringify(viewOf(state, viewer, named)),
        openVoteId: state.openVoteId,
      };
    };
    if (viewer.kind !== 'public' || !shareable) return make();
    const shared = publicSnapshots.get(sitting.id);
    if (shared !== undefined && performance.now() - shared.madeAt < SHARED_SNAPSHOT_MS) {
      return shared.snapshot;
    }
    const snapshot = make();
    publicSnapshots.set(sitting.id, { snapshot, madeAt: performance.now() });
    // A failed read is not shared: the next subscriber tries again.
    snapshot.catch(() => publicSnapshots.delete(sitting.id));
    return snapshot;
  }

  function unsubscribe(connection: Connection, sittingId: string): void {
    connection.subscriptions.delete(sittingId);
    const channel = channels.get(sittingId);
    channel?.delete(connection);
    if (channel?.size === 0) channels.delete(sittingId);
  }

  async function command(
    connection: Connection,
    message: Extract<ClientMessage, { type: 'command' }>,
  ) {
    const auth = await signedIn(connection);
    if (auth === undefined) {
      send(connection, {
        type: 'command.result',
        commandId: message.commandId,
        accepted: false,
        error: { code: 'unauthenticated', message: 'Sign in first' },
      });
      return;
    }
    try {
      const { access, actor } = await participant(connection, auth, message.sittingId);
      const result = await runCommandAs(live, access.sitting, actor, {
        commandId: message.commandId,
        command: message.command,
      });
      send(connection, {
        type: 'command.result',
        commandId: result.commandId,
        accepted: true,
        replayed: result.replayed,
        seq: result.seq,
      });
    } catch (error) {
      const known = error instanceof HttpError;
      if (!known) logger.error({ err: error }, 'command over WebSocket failed');
      send(connection, {
        type: 'command.result',
        commandId: message.commandId,
        accepted: false,
        error: known
          ? {
              code: error.code,
              message: error.message,
              ...(error.details.facts === undefined ? {} : { facts: error.details.facts }),
            }
          : { code: 'internal', message: 'Something went wrong on the server' },
      });
    }
  }

  async function handle(connection: Connection, raw: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      fail(connection, 'bad_message', 'A message must be JSON');
      return;
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(
        connection,
        'validation_failed',
        `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      );
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ping':
        send(connection, { type: 'pong', t: message.t });
        return;
      case 'subscribe':
        try {
          await subscribe(connection, message.sittingId, message.afterSeq, message.as === 'public');
        } catch (error) {
          unsubscribe(connection, message.sittingId);
          if (!(error instanceof HttpError)) logger.error({ err: error }, 'subscribe failed');
          fail(
            connection,
            error instanceof HttpError ? error.code : 'internal',
            error instanceof HttpError ? error.message : 'Could not subscribe',
            message.sittingId,
          );
        }
        return;
      case 'unsubscribe':
        unsubscribe(connection, message.sittingId);
        return;
      case 'command':
        await command(connection, message);
        return;
    }
  }

  function onConnection(socket: WebSocket, token: string | undefined): void {
    const connection: Connection = {
      socket,
      token,
      auth: null,
      participants: new Map(),
      subscriptions: new Map(),
      alive: true,
      queue: Promise.resolve(),
    };
    connections.set(socket, connection);
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        fail(connection, 'bad_message', 'Messages are JSON text');
        return;
      }
      const bytes = Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(new Uint8Array(data));
      const text = bytes.toString('utf8');
      connection.queue = connection.queue
        .then(() => handle(connection, text))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'WebSocket message failed');
        });
    });
    socket.on('close', () => {
      connections.delete(socket);
      for (const sittingId of [...connection.subscriptions.keys()])
        unsubscribe(connection, sittingId);
    });
    socket.on('error', (error) => {
      logger.debug({ err: error }, 'WebSocket error');
    });
  }

  async function sweep(): Promise<void> {
    const heads = await repos.sittingEvents.lastSeqs([...channels.keys()]);
    for (const [sittingId, subscribers] of channels) {
      const head = heads.get(sittingId) ?? 0;
      // Public viewers with events still on their way are not behind, only waiting their
      // turn: reading the log for each of thousands of them would bury the very delivery they
      // wait for. If something was lost, a later sweep finds it once the queue is empty.
      const publicPending = publicDeliveries.has(sittingId);
      for (const connection of subscribers) {
        const sub = connection.subscriptions.get(sittingId);
        if (sub === undefined || sub.replaying || sub.lastSeq >= head) continue;
        if (sub.viewer === 'public' && publicPending) continue;
        void catchUp(connection, sub);
      }
    }
    // Tally rate-limit entries of votes long quiet are no longer needed.
    const stale = Date.now() - 60_000;
    for (const [key, entry] of tallyTimers) {
      if (entry.timer === null && entry.last < stale) tallyTimers.delete(key);
    }
    for (const [sittingId, { madeAt }] of publicSnapshots) {
      if (performance.now() - madeAt > SHARED_SNAPSHOT_MS) publicSnapshots.delete(sittingId);
    }
  }
  const sweeper = setInterval(() => {
    sweep().catch((error: unknown) => logger.warn({ err: error }, 'subscriber sweep failed'));
  }, SWEEP_MS);
  sweeper.unref();

  const heartbeat = setInterval(() => {
    // A client that did not answer the last ping is gone: drop it.
    for (const [socket, connection] of connections) {
      if (!connection.alive) {
        socket.terminate();
        continue;
      }
      connection.alive = false;
      socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node removes its own error listener from an upgrading socket: without one, a client that
    // resets the connection while we answer would crash the process.
    socket.on('error', () => socket.destroy());
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const reject = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    };
    if (path !== LIVE_PATH) return reject('404 Not Found');
    // A page on another site must not open a socket that carries this site's cookie.
    const origin = request.headers.origin;
    const host = request.headers.host ?? '';
    const expected = (deps.publicUrl ?? `http://${host}`).toLowerCase();
    const sameOrigin =
      origin === undefined ||
      origin.toLowerCase() === expected ||
      origin.toLowerCase() === `https://${host}`.toLowerCase();
    if (!sameOrigin) return reject('403 Forbidden');
    const cookies = app.parseCookie(request.headers.cookie ?? '');
    const token = cookies[SESSION_COOKIE];
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, token));
  }
  app.server.on('upgrade', onUpgrade);

  return {
    /** Closes every socket with "going away", so clients reconnect (perhaps to another process). */
    async close(): Promise<void> {
      clearInterval(heartbeat);
      clearInterval(sweeper);
      unsubscribeFromBus();
      publicDeliveries.clear();
      for (const { timer } of tallyTimers.values()) if (timer !== null) clearTimeout(timer);
      app.server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(1001, 'server stopping');
      // Clients get a moment to answer the close; then the rest are cut, so stopping never waits
      // on a client.
      await new Promise((resolve) => setTimeout(resolve, 500).unref());
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
