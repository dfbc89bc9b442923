import {
  serverMessageSchema,
  type ClientMessage,
  type ServerMessage,
  type WireCommand,
} from '@veche/protocol';
import { reconnectDelay } from './backoff';
import {
  offsetFromMessage,
  offsetFromPong,
  UNKNOWN_OFFSET,
  type ClockOffset,
} from './clock-offset';
import type { TrackedCommand } from './live-commands';
import {
  disconnected,
  feedReceive,
  isSynced,
  newFeed,
  resumeFrom,
  subscribing,
  type FeedMessage,
  type SittingFeed,
} from './sitting-feed';
import type { SittingView } from './sitting-view';

/**
 * - `connecting`: the first connection is being made;
 * - `live`: connected;
 * - `reconnecting`: the connection dropped and the client is trying again (with backoff);
 * - `offline`: the device says it has no network, or the session has ended: no attempts.
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** The application's close code for a socket whose session was signed out (the server's). */
export const SIGNED_OUT_CLOSE_CODE = 4001;
/** A ping this often keeps the clock offset fresh and shows whether the link is alive. */
export const HEARTBEAT_MS = 10_000;
/** Nothing heard for this long: the link is dead even if the socket has not noticed. */
export const SILENCE_LIMIT_MS = 25_000;
/** A socket that has not opened by now is given up and tried again. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** A command that could not be sent within this time is reported as not sent, never sent late. */
export const QUEUE_TIMEOUT_MS = 60_000;
/** The server could not read the log for a subscription: ask again after this long. */
export const RESUBSCRIBE_DELAY_MS = 2_000;

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  onClose(code: number): void;
}

export interface SocketHandle {
  send(text: string): void;
  close(): void;
}

/** Opens a socket to `url`; an adapter so that tests can stand in for the browser's WebSocket. */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketHandle;

/** Whether the device has a network, and word when that changes. */
export interface NetworkWatch {
  isOnline(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface LiveConnectionOptions {
  readonly url: string;
  readonly openSocket: SocketFactory;
  readonly network: NetworkWatch;
  readonly now: () => number;
  readonly random: () => number;
  readonly newId: () => string;
}

export interface SendOptions {
  /** What the command is about ("ballot:<voteId>"), for the UI to find it again. */
  readonly tag: string;
  /**
   * Checked on the current view before a queued command is finally sent: false means what it
   * was for is over (the vote closed meanwhile), and it is reported as not sent instead.
   */
  readonly stillWanted?: (view: SittingView) => boolean;
}

/** Everything the UI reads, replaced (never changed) whenever something changes. */
export interface LiveSnapshot {
  readonly status: ConnectionStatus;
  /** The server ended the session (signed out elsewhere): the app goes back to sign-in. */
  readonly signedOut: boolean;
  readonly feeds: ReadonlyMap<string, SittingFeed>;
  readonly commands: readonly TrackedCommand[];
}

interface Follow {
  count: number;
  feed: SittingFeed;
  retry: ReturnType<typeof setTimeout> | null;
  /** Followed as the public sees it, even when signed in (the hall display, the public page). */
  asPublic: boolean;
}

export interface FollowOptions {
  /**
   * Follow as the public, even when signed in: the server then sends nothing the public may
   * not see (no chat, no list of who has voted). Set by the first follower of a sitting.
   */
  readonly asPublic?: boolean;
}

/**
 * The tab's one WebSocket to `/api/live` (DESIGN.md section 5, "Real-time"). It follows sittings
 * from the last event seen, keeps each view in log order (duplicates ignored, a gap filled by
 * subscribing again), reconnects by itself with backoff and jitter and resumes where it stopped,
 * measures the server's clock, and carries commands: each with its own id, queued while the
 * connection is down and sent (again, with the same id) when it returns.
 */
export class LiveConnection {
  private status: ConnectionStatus = 'connecting';
  private signedOut = false;
  private started = false;
  private disposed = false;
  private socket: SocketHandle | null = null;
  private open = false;
  /** Numbers sockets, so that a late callback of a dropped one changes nothing. */
  private generation = 0;
  private attempt = 0;
  private everOpen = false;
  private lastHeard = 0;
  private clock: ClockOffset = UNKNOWN_OFFSET;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private connectTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private stopWatching: (() => void) | null = null;
  private readonly follows = new Map<string, Follow>();
  private readonly commands = new Map<string, TrackedCommand>();
  private readonly wanted = new Map<string, (view: SittingView) => boolean>();
  private readonly expiries = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<() => void>();
  private snapshot: LiveSnapshot;

  constructor(private readonly options: LiveConnectionOptions) {
    this.snapshot = this.buildSnapshot();
  }

  /** For React's useSyncExternalStore: the same object until something changes. */
  readonly getSnapshot = (): LiveSnapshot => this.snapshot;

  readonly onChange = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The server's clock now, as well as this device can tell. */
  readonly serverNow = (): number => this.options.now() + this.clock.offsetMs;

  /** Follows a sitting until the returned function is called (counted: two followers, one feed). */
  follow(sittingId: string, options: FollowOptions = {}): () => void {
    const known = this.follows.get(sittingId);
    if (known !== undefined) {
      known.count += 1;
    } else {
      this.follows.set(sittingId, {
        count: 1,
        feed: newFeed(sittingId),
        retry: null,
        asPublic: options.asPublic === true,
      });
      this.start();
      if (this.open) this.subscribeTo(sittingId);
      this.emit();
    }
    let followed = true;
    return () => {
      if (!followed) return;
      followed = false;
      this.unfollow(sittingId);
    };
  }

  /** Sends a command now if it can, else queues it. Returns the command's id. */
  send(sittingId: string, command: WireCommand, options: SendOptions): string {
    const commandId = this.options.newId();
    this.commands.set(commandId, {
      commandId,
      sittingId,
      command,
      tag: options.tag,
      status: 'queued',
      createdAt: this.options.now(),
      sentOn: null,
      seq: null,
      error: null,
      notSentReason: null,
    });
    if (options.stillWanted) this.wanted.set(commandId, options.stillWanted);
    this.expiries.set(
      commandId,
      setTimeout(() => this.expire(commandId), QUEUE_TIMEOUT_MS),
    );
    if (this.canSendFor(sittingId)) this.transmit(commandId);
    this.emit();
    return commandId;
  }

  /** Tries to connect at once, skipping the rest of the backoff (a "try now" button). */
  retryNow(): void {
    if (this.disposed || this.open || this.signedOut) return;
    this.attempt = 0;
    this.connect();
  }

  dispose(): void {
    this.disposed = true;
    this.stopWatching?.();
    this.stopWatching = null;
    this.dropSocket();
    this.clearTimer('retryTimer');
    for (const timer of this.expiries.values()) clearTimeout(timer);
    for (const follow of this.follows.values()) if (follow.retry) clearTimeout(follow.retry);
    this.listeners.clear();
  }

  private start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    const { network } = this.options;
    this.stopWatching = network.subscribe((online) => this.networkChanged(online));
    if (network.isOnline()) this.connect();
    else this.setStatus('offline');
  }

  private networkChanged(online: boolean): void {
    if (this.disposed || this.signedOut) return;
    if (online) {
      // The network is back: whatever the backoff had in mind, now is the moment.
      if (!this.open) this.retryNow();
      return;
    }
    // A socket over a vanished network can look open for a long time; do not wait for it.
    this.dropSocket();
    for (const follow of this.follows.values()) follow.feed = disconnected(follow.feed);
    this.clearTimer('retryTimer');
    this.setStatus('offline');
    this.emit();
  }

  private connect(): void {
    if (this.disposed) return;
    this.clearTimer('retryTimer');
    this.dropSocket();
    const generation = ++this.generation;
    this.setStatus(this.everOpen ? 'reconnecting' : 'connecting');
    const current = () => generation === this.generation;
    this.socket = this.options.openSocket(this.options.url, {
      onOpen: () => {
        if (current()) this.opened();
      },
      onMessage: (text) => {
        if (current()) this.received(text);
      },
      onClose: (code) => {
        if (current()) this.closed(code);
      },
    });
    this.connectTimer = setTimeout(() => {
      if (current() && !this.open) this.closed(0);
    }, CONNECT_TIMEOUT_MS);
  }

  private opened(): void {
    this.clearTimer('connectTimer');
    this.open = true;
    this.everOpen = true;
    this.lastHeard = this.options.now();
    this.setStatus('live');
    this.ping();
    this.heartbeat = setInterval(() => {
      if (this.options.now() - this.lastHeard > SILENCE_LIMIT_MS) this.closed(0);
      else this.ping();
    }, HEARTBEAT_MS);
    for (const sittingId of this.follows.keys()) this.subscribeTo(sittingId);
    // Commands for sittings nobody follows go now; the others once their sitting is in step.
    for (const command of this.commands.values()) {
      if (!this.follows.has(command.sittingId)) this.flushOne(command);
    }
  }

  /** The socket is gone (closed, timed out, silent): reconnect unless there is no point. */
  private closed(code: number): void {
    this.dropSocket();
    for (const follow of this.follows.values()) follow.feed = disconnected(follow.feed);
    if (code === SIGNED_OUT_CLOSE_CODE) {
      // The session is over: trying again would only be refused.
      this.signedOut = true;
      this.status = 'offline';
    } else if (!this.options.network.isOnline()) {
      // No point trying before the device has a network; its "online" event starts again.
      this.status = 'offline';
    } else {
      const delay = reconnectDelay(this.attempt, this.options.random);
      this.attempt += 1;
      this.status = 'reconnecting';
      this.retryTimer = setTimeout(() => this.connect(), delay);
    }
    this.emit();
  }

  /** Forgets the current socket (closing it if need be) so that none of its callbacks count. */
  private dropSocket(): void {
    this.generation += 1;
    this.clearTimer('connectTimer');
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const socket = this.socket;
    this.socket = null;
    this.open = false;
    if (socket !== null) {
      try {
        socket.close();
      } catch {
        // Closing a socket that never opened may throw in some browsers; it is gone either way.
      }
    }
  }

  private clearTimer(name: 'retryTimer' | 'connectTimer'): void {
    const timer = this[name];
    if (timer !== null) clearTimeout(timer);
    this[name] = null;
  }

  private write(message: ClientMessage): boolean {
    if (!this.open || this.socket === null) return false;
    try {
      this.socket.send(JSON.stringify(message));
      return true;
    } catch {
      return false;
    }
  }

  private ping(): void {
    this.write({ type: 'ping', t: this.options.now() });
  }

  private subscribeTo(sittingId: string): void {
    const follow = this.follows.get(sittingId);
    if (follow === undefined) return;
    if (follow.retry !== null) clearTimeout(follow.retry);
    follow.retry = null;
    const afterSeq = resumeFrom(follow.feed);
    const message = follow.asPublic
      ? ({ type: 'subscribe', sittingId, afterSeq, as: 'public' } as const)
      : ({ type: 'subscribe', sittingId, afterSeq } as const);
    if (this.write(message)) {
      follow.feed = subscribing(follow.feed);
    }
  }

  private unfollow(sittingId: string): void {
    const follow = this.follows.get(sittingId);
    if (follow === undefined) return;
    follow.count -= 1;
    if (follow.count > 0) return;
    if (follow.retry !== null) clearTimeout(follow.retry);
    this.follows.delete(sittingId);
    this.write({ type: 'unsubscribe', sittingId });
    this.emit();
  }

  private received(text: string): void {
    const now = this.options.now();
    this.lastHeard = now;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = serverMessageSchema.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    // The server answers: the connection works, so the next drop starts the backoff afresh.
    this.attempt = 0;
    this.clock =
      message.type === 'pong'
        ? offsetFromPong(this.clock, message.t, message.serverTime, now)
        : offsetFromMessage(this.clock, message.serverTime, now);
    switch (message.type) {
      case 'subscribed':
      case 'snapshot':
      case 'event':
      case 'tally':
        this.toFeed(message.sittingId, message);
        break;
      case 'error':
        if (message.sittingId !== undefined)
          this.subscriptionFailed(message.sittingId, message.code);
        break;
      case 'command.result':
        this.answered(message);
        break;
      case 'pong':
        break;
    }
    this.emit();
  }

  private toFeed(sittingId: string, message: FeedMessage): void {
    const follow = this.follows.get(sittingId);
    if (follow === undefined) return;
    const wasSynced = isSynced(follow.feed);
    const step = feedReceive(follow.feed, message);
    follow.feed = step.feed;
    if (step.resubscribe) this.subscribeTo(sittingId);
    if (!wasSynced && isSynced(follow.feed)) this.flushFor(sittingId);
  }

  private subscriptionFailed(sittingId: string, code: string): void {
    const follow = this.follows.get(sittingId);
    if (follow === undefined) return;
    follow.feed = feedReceive(follow.feed, { type: 'error', code }).feed;
    // The server could not read the log this time; anything else (not found, no access) stands
    // until the next connection.
    if (code === 'unavailable' && follow.retry === null) {
      follow.retry = setTimeout(() => {
        follow.retry = null;
        this.subscribeTo(sittingId);
        this.emit();
      }, RESUBSCRIBE_DELAY_MS);
    }
  }

  private answered(message: Extract<ServerMessage, { type: 'command.result' }>): void {
    const command = this.commands.get(message.commandId);
    if (command === undefined) return;
    this.settle(message.commandId);
    this.commands.set(
      message.commandId,
      message.accepted
        ? { ...command, status: 'accepted', seq: message.seq, error: null }
        : {
            ...command,
            status: 'rejected',
            error: {
              code: message.error.code,
              ...(message.error.facts === undefined ? {} : { facts: message.error.facts }),
            },
          },
    );
  }

  private canSendFor(sittingId: string): boolean {
    if (!this.open) return false;
    const follow = this.follows.get(sittingId);
    return follow === undefined || isSynced(follow.feed);
  }

  /** The sitting is in step again: what waited for it goes now, in the order it was made. */
  private flushFor(sittingId: string): void {
    for (const command of this.commands.values()) {
      if (command.sittingId === sittingId) this.flushOne(command);
    }
  }

  private flushOne(command: TrackedCommand): void {
    if (command.status === 'sent' && command.sentOn !== this.generation) {
      // Sent on a socket that is gone, answer unknown: the same id again, so it acts once.
      this.transmit(command.commandId);
      return;
    }
    if (command.status !== 'queued') return;
    const view = this.follows.get(command.sittingId)?.feed.view ?? null;
    const stillWanted = this.wanted.get(command.commandId);
    if (view !== null && stillWanted !== undefined && !stillWanted(view)) {
      this.giveUp(command.commandId, 'no_longer_valid');
      return;
    }
    this.transmit(command.commandId);
  }

  private transmit(commandId: string): void {
    const command = this.commands.get(commandId);
    if (command === undefined) return;
    const sent = this.write({
      type: 'command',
      sittingId: command.sittingId,
      commandId,
      command: command.command,
    });
    if (!sent) return;
    // Once sent it may have acted: it can no longer be reported as "not sent".
    const expiry = this.expiries.get(commandId);
    if (expiry !== undefined) clearTimeout(expiry);
    this.expiries.delete(commandId);
    this.commands.set(commandId, { ...command, status: 'sent', sentOn: this.generation });
  }

  private expire(commandId: string): void {
    this.expiries.delete(commandId);
    if (this.commands.get(commandId)?.status !== 'queued') return;
    this.giveUp(commandId, 'timeout');
    this.emit();
  }

  private giveUp(commandId: string, reason: 'timeout' | 'no_longer_valid'): void {
    const command = this.commands.get(commandId);
    if (command === undefined) return;
    this.settle(commandId);
    this.commands.set(commandId, { ...command, status: 'not_sent', notSentReason: reason });
  }

  /** Forgets the command's timer and predicate: it has its final status. */
  private settle(commandId: string): void {
    const expiry = this.expiries.get(commandId);
    if (expiry !== undefined) clearTimeout(expiry);
    this.expiries.delete(commandId);
    this.wanted.delete(commandId);
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit();
  }

  private buildSnapshot(): LiveSnapshot {
    return {
      status: this.status,
      signedOut: this.signedOut,
      feeds: new Map([...this.follows].map(([id, follow]) => [id, follow.feed])),
      commands: [...this.commands.values()],
    };
  }

  private emit(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of [...this.listeners]) listener();
  }
}
