import { describe, expect, it } from 'vitest';
import {
  chainHash,
  genesisHash,
  verifyChain,
  type ChainedEvent,
  type PublishedChainedEvent,
  type RedactedChainedEvent,
} from './event-chain.js';

const SITTING = '5f0c6a8e-2d1b-4c3a-9e7f-0a1b2c3d4e5f';
const T0 = Date.UTC(2026, 2, 2, 8, 0, 0);

/** A chain of five events; the third is a chat message. */
function chain(): ChainedEvent[] {
  const types = ['sitting.opened', 'quorum.check_started', 'chat.sent', 'presence.marked', 'x.y'];
  let prevHash = genesisHash(SITTING);
  return types.map((type, index) => {
    const seq = index + 1;
    const at = new Date(T0 + seq * 1_000);
    const fields = { seq, type, payload: { type, n: seq }, actorUserId: 'u-op', at };
    const hash = chainHash(prevHash, fields);
    const event = { ...fields, prevHash, hash };
    prevHash = hash;
    return event;
  });
}

/** The event as a reader who may not read it receives it. */
const redact = (event: ChainedEvent): RedactedChainedEvent => ({
  seq: event.seq,
  type: event.type,
  payload: null,
  actorUserId: null,
  at: event.at,
  prevHash: event.prevHash,
  hash: event.hash,
  redacted: true,
});

/** The chain with event `seq` redacted. */
const redactedAt = (seq: number): PublishedChainedEvent[] =>
  chain().map((event) => (event.seq === seq ? redact(event) : event));

/** Changes event `seq` of a published chain. */
const changed = (
  events: PublishedChainedEvent[],
  seq: number,
  change: (event: PublishedChainedEvent) => PublishedChainedEvent,
): PublishedChainedEvent[] => events.map((event) => (event.seq === seq ? change(event) : event));

describe('verifyChain', () => {
  it('accepts a whole chain and reports its length, with no redacted count', () => {
    expect(verifyChain(SITTING, chain())).toEqual({ ok: true, count: 5 });
  });

  it.each([1, 3, 5])('accepts a chain with event %i redacted, and counts it', (seq) => {
    expect(verifyChain(SITTING, redactedAt(seq))).toEqual({ ok: true, count: 5, redacted: 1 });
  });

  it('accepts several redacted events in a row', () => {
    const events = chain().map((event) =>
      event.seq >= 2 && event.seq <= 4 ? redact(event) : event,
    );
    expect(verifyChain(SITTING, events)).toEqual({ ok: true, count: 5, redacted: 3 });
  });

  it('catches a changed neighbour on either side of a redacted event', () => {
    const before = changed(redactedAt(3), 2, (e) => ({ ...e, payload: { forged: true } }));
    expect(verifyChain(SITTING, before)).toMatchObject({ ok: false, brokenAtSeq: 2 });
    const after = changed(redactedAt(3), 4, (e) => ({ ...e, actorUserId: 'u-someone' }));
    expect(verifyChain(SITTING, after)).toMatchObject({
      ok: false,
      brokenAtSeq: 4,
      reason: 'hash does not match the content',
    });
  });

  it('catches a redacted event whose hash or previous hash was changed', () => {
    const otherHash = changed(redactedAt(3), 3, (e) => ({ ...e, hash: 'f'.repeat(64) }));
    expect(verifyChain(SITTING, otherHash)).toMatchObject({
      ok: false,
      brokenAtSeq: 4,
      reason: 'previous hash does not match',
    });
    const otherPrev = changed(redactedAt(3), 3, (e) => ({ ...e, prevHash: 'f'.repeat(64) }));
    expect(verifyChain(SITTING, otherPrev)).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });

  it('catches a redacted event removed, moved or renumbered', () => {
    const events = redactedAt(3);
    const removed = events.filter((event) => event.seq !== 3);
    expect(verifyChain(SITTING, removed)).toMatchObject({ ok: false, brokenAtSeq: 4 });
    const swapped = [events[0]!, events[2]!, events[1]!, events[3]!, events[4]!];
    expect(verifyChain(SITTING, swapped)).toMatchObject({ ok: false, brokenAtSeq: 3 });
    const renumbered = changed(events, 3, (e) => ({ ...e, seq: 7 }));
    expect(verifyChain(SITTING, renumbered)).toMatchObject({ ok: false, brokenAtSeq: 7 });
  });

  it('does not let a readable event pass as redacted with another hash', () => {
    // Marking an event redacted skips only its own content check: its hash still has to be what
    // the next event chains to, so a forged event with a fresh hash breaks the next link.
    const forged = changed(redactedAt(3), 2, (e) => ({
      ...redact(e),
      hash: '0'.repeat(64),
    }));
    expect(verifyChain(SITTING, forged)).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });
});
