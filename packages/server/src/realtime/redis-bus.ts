import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import type { BusMessage, EventBus } from './event-bus.js';

interface Envelope {
  /** The publishing process, which has already delivered the message locally. */
  readonly origin: string;
  readonly message: BusMessage;
}

/**
 * The event bus across server processes, over Redis pub/sub. A process delivers its own
 * messages to its listeners at once and publishes them for the others; what arrives from Redis
 * with its own origin is skipped. Pub/sub may drop messages (a reconnect, a slow subscriber):
 * the gateway notices the gap by sequence number and reads the rest from the database.
 */
export async function redisBus(
  url: string,
  channel: string,
  logger: FastifyBaseLogger,
): Promise<EventBus> {
  const origin = randomUUID();
  const listeners = new Set<(message: BusMessage) => void>();
  const options = { lazyConnect: true, maxRetriesPerRequest: 2 };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  for (const client of [publisher, subscriber]) {
    client.on('error', (error: Error) => logger.warn({ err: error }, 'Redis connection trouble'));
  }
  await publisher.connect();
  await subscriber.connect();
  await subscriber.subscribe(channel);
  subscriber.on('message', (_channel: string, text: string) => {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      return;
    }
    if (envelope.origin === origin) return;
    for (const listener of listeners) listener(envelope.message);
  });

  return {
    publish: (message) => {
      for (const listener of listeners) listener(message);
      const envelope: Envelope = { origin, message };
      publisher.publish(channel, JSON.stringify(envelope)).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not publish a sitting change to Redis');
      });
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      listeners.clear();
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
