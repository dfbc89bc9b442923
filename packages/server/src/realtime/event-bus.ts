import type { LoggedEvent } from '../sittings/live-sitting.service.js';

/** What changed in a sitting, as every server process needs to hear it. */
export type BusMessage =
  | {
      readonly kind: 'appended';
      readonly councilId: string;
      readonly sittingId: string;
      /** Consecutive events, in order, with their sequence numbers. */
      readonly events: readonly { readonly seq: number; readonly event: LoggedEvent }[];
    }
  | { readonly kind: 'ballot'; readonly sittingId: string; readonly voteId: string }
  /** A login session was signed out: its sockets, in whichever process, close. */
  | { readonly kind: 'session_ended'; readonly sessionId: string };

/**
 * Fans a sitting's changes out to the WebSocket gateways of every server process. In one process
 * it is a plain in-memory broadcast; several processes share one through Redis pub/sub.
 * Delivery may be late or, between processes, lost: subscribers detect gaps by sequence number
 * and read what they missed from the database, which stays the only source of truth.
 */
export interface EventBus {
  publish(message: BusMessage): void;
  subscribe(listener: (message: BusMessage) => void): () => void;
  close(): Promise<void>;
}

export function inProcessBus(): EventBus {
  const listeners = new Set<(message: BusMessage) => void>();
  return {
    publish: (message) => {
      for (const listener of listeners) listener(message);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      listeners.clear();
      return Promise.resolve();
    },
  };
}
