import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/**
 * The sitting log's hash chain. Each event's hash covers the previous hash and the event's
 * canonical JSON (RFC 8785, so that anyone can recompute it in any language), which makes the
 * published log tamper-evident: changing, removing or reordering any event breaks every later hash.
 * Cutting events off the end leaves a shorter valid chain: what guards the end is a copy of the
 * last hash kept elsewhere (to come: published with the results and the minutes).
 */

export interface ChainedFields {
  seq: number;
  type: string;
  payload: unknown;
  actorUserId: string | null;
  at: Date;
}

export interface ChainedEvent extends ChainedFields {
  prevHash: string;
  hash: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The "previous hash" of a sitting's first event ties the chain to that sitting. */
export function genesisHash(sittingId: string): string {
  return sha256(`veche:sitting:${sittingId}`);
}

export function chainHash(prevHash: string, event: ChainedFields): string {
  const body = canonicalize({
    seq: event.seq,
    type: event.type,
    payload: event.payload,
    actorUserId: event.actorUserId,
    at: event.at.toISOString(),
  });
  if (body === undefined) throw new TypeError('An event must be serialisable as JSON');
  return sha256(`${prevHash}\n${body}`);
}

export type ChainVerdict =
  { ok: true; count: number } | { ok: false; brokenAtSeq: number; reason: string };

/** Recomputes the chain of a sitting's events (in order) and reports the first break. */
export function verifyChain(sittingId: string, events: readonly ChainedEvent[]): ChainVerdict {
  let prevHash = genesisHash(sittingId);
  let expectedSeq = 1;
  for (const event of events) {
    if (event.seq !== expectedSeq) {
      return { ok: false, brokenAtSeq: event.seq, reason: `expected event ${String(expectedSeq)}` };
    }
    if (event.prevHash !== prevHash) {
      return { ok: false, brokenAtSeq: event.seq, reason: 'previous hash does not match' };
    }
    if (chainHash(prevHash, event) !== event.hash) {
      return { ok: false, brokenAtSeq: event.seq, reason: 'hash does not match the content' };
    }
    prevHash = event.hash;
    expectedSeq++;
  }
  return { ok: true, count: events.length };
}
