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

/**
 * An event as published to a reader who may not read it (another member's private chat
 * message): its place, type, time and hashes, without its content or author. Its own hash cannot
 * be recomputed, but its links can be checked: its `prevHash` must be the previous event's hash,
 * and the next event's `prevHash` must be its hash, which the next hash covers in turn.
 */
export interface RedactedChainedEvent {
  seq: number;
  type: string;
  payload: null;
  actorUserId: null;
  at: Date;
  prevHash: string;
  hash: string;
  redacted: true;
}

export type PublishedChainedEvent = ChainedEvent | RedactedChainedEvent;

const isRedacted = (event: PublishedChainedEvent): event is RedactedChainedEvent =>
  'redacted' in event && event.redacted === true;

/**
 * `count` is the events checked; `redacted`, present when there were any, how many of them were
 * checked by their links only. It is left out at 0 so that a whole log verifies exactly as before.
 */
export type ChainVerdict =
  | { ok: true; count: number; redacted?: number }
  | { ok: false; brokenAtSeq: number; reason: string };

/**
 * Recomputes the chain of a sitting's events (in order) and reports the first break. Redacted
 * events are checked by sequence and links: changing one's hash breaks the next event's link,
 * and changing a neighbour breaks that neighbour's own hash, so tampering next to a redacted
 * event is still caught. What a redacted event said cannot be checked by a reader who may not
 * read it; the last hash, kept elsewhere, still pins the whole chain.
 */
export function verifyChain(
  sittingId: string,
  events: readonly PublishedChainedEvent[],
): ChainVerdict {
  let prevHash = genesisHash(sittingId);
  let expectedSeq = 1;
  let redacted = 0;
  for (const event of events) {
    if (event.seq !== expectedSeq) {
      return { ok: false, brokenAtSeq: event.seq, reason: `expected event ${String(expectedSeq)}` };
    }
    if (event.prevHash !== prevHash) {
      return { ok: false, brokenAtSeq: event.seq, reason: 'previous hash does not match' };
    }
    if (isRedacted(event)) {
      redacted++;
    } else if (chainHash(prevHash, event) !== event.hash) {
      return { ok: false, brokenAtSeq: event.seq, reason: 'hash does not match the content' };
    }
    prevHash = event.hash;
    expectedSeq++;
  }
  return redacted === 0
    ? { ok: true, count: events.length }
    : { ok: true, count: events.length, redacted };
}
