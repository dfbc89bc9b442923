import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoCouncil } from '../demo/demo-council.js';
import { createDemoPastSitting } from '../demo/demo-past-sitting.js';
import { inProcessBus } from '../realtime/event-bus.js';
import { liveSittingService } from '../sittings/live-sitting.service.js';
import type { OpenDatabase } from '../storage/database.js';
import { createRepositories, inTransaction } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';
import type { RecordEvent, SittingRecord } from '@veche/protocol';
import { openTestPglite } from '../../test/support/test-databases.js';
import { sittingRecord } from './sitting-record.js';
import { chainHash, genesisHash } from '../storage/event-chain.js';
import { verifyRecordText } from './verify-record.js';

/*
 * The demo's closed sitting exported as its public record and verified as anyone would; then
 * changed, one byte or one fact at a time, which must never verify.
 */

let database: OpenDatabase;
let text: string;

beforeAll(async () => {
  database = await openTestPglite();
  const now = new Date('2026-11-24T12:00:00Z');
  const storage: StorageContext = { db: database.db, clock: () => now, newId: randomUUID };
  await inTransaction(storage, (tx) => createDemoCouncil(tx, now));
  await createDemoPastSitting(storage, now);
  const repos = createRepositories(storage);
  const past = (await repos.sittings.listForCouncil((await repos.councils.list())[0]!.id)).find(
    (sitting) => sitting.number === 23,
  )!;
  const record = await sittingRecord(
    repos,
    liveSittingService(storage, repos, inProcessBus()),
    past.id,
    now,
  );
  text = JSON.stringify(record);
});
afterAll(() => database.close());

type Payload = { voteId?: string; counts: Record<string, number> };
const payloadOf = (event: RecordEvent): Payload => event.payload as Payload;

const edited = (change: (record: SittingRecord) => void): string => {
  const record = JSON.parse(text) as SittingRecord;
  change(record);
  return JSON.stringify(record);
};

/**
 * The record with its chain computed anew over whatever `change` did: what someone who forges a
 * whole record (rather than one byte of it) would publish.
 */
const forged = (change: (record: SittingRecord) => void): string => {
  const record = JSON.parse(text) as SittingRecord;
  change(record);
  let prevHash = genesisHash(record.sitting.id);
  for (const event of record.events) {
    event.prevHash = prevHash;
    if (event.redacted !== true) {
      event.hash = chainHash(prevHash, { ...event, at: new Date(event.at) });
    }
    prevHash = event.hash;
  }
  const last = record.events.at(-1)!;
  record.head = { seq: last.seq, hash: last.hash };
  return JSON.stringify(record);
};

describe('a sitting record', () => {
  it('verifies as published: the chain, its head, the members and every seal', () => {
    const verdict = verifyRecordText(text);
    expect(verdict).toMatchObject({
      ok: true,
      redacted: 0,
      votes: { named: 4, open: 0, secret: 1 },
      membersVouched: true,
    });
    const record = JSON.parse(text) as { events: unknown[]; ballots: { kind: string }[] };
    expect(verdict.ok && verdict.events).toBe(record.events.length);
    // The secret vote publishes who took part and the counts, never a member beside a choice.
    expect(record.ballots).toHaveLength(1);
    expect(JSON.stringify(record.ballots[0])).not.toContain('"choice"');
  });

  it('fails on any one byte changed after its descriptive header, naming the event when it lies in one', () => {
    const bytes = Buffer.from(text, 'utf8');
    const start = bytes.indexOf('"members":');
    expect(start).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (position, delta) => {
          const altered = Buffer.from(bytes);
          altered[position] = (altered[position]! + delta) % 256;
          const verdict = verifyRecordText(altered.toString('utf8'));
          expect(verdict.ok).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('withholds nothing but chat messages, and ties every participants-and-counts entry to a seal', () => {
    // The opening withheld, so that its members go unchecked, and two names swapped.
    const hidden = edited((r) => {
      const opening = r.events.find((e) => e.type === 'sitting.opened')!;
      Object.assign(opening, { payload: null, actorUserId: null, redacted: true });
      const [first, second] = r.members;
      [first!.name, second!.name] = [second!.name, first!.name];
    });
    expect(verifyRecordText(hidden)).toMatchObject({
      ok: false,
      problem: { code: 'chain_broken', eventType: 'sitting.opened' },
    });
    const extra = edited((r) => {
      r.ballots.push({ ...r.ballots[0]!, voteId: 'no-such-vote' });
    });
    expect(verifyRecordText(extra)).toMatchObject({
      ok: false,
      problem: { code: 'seal_mismatch' },
    });
    const twice = edited((r) => {
      r.ballots.push({ ...r.ballots[0]! });
    });
    expect(verifyRecordText(twice)).toMatchObject({
      ok: false,
      problem: { code: 'seal_mismatch' },
    });
  });

  it('refuses a forged record with malformed content in a valid chain, never crashing', () => {
    const closeWithoutCounts = forged((r) => {
      const close = r.events.find((e) => e.type === 'vote.closed')!;
      close.payload = { ...(close.payload as object), counts: null };
    });
    expect(verifyRecordText(closeWithoutCounts)).toMatchObject({
      ok: false,
      problem: { code: 'not_a_record', eventType: 'vote.closed' },
    });
    const sealWithoutList = forged((r) => {
      const seal = r.events.find((e) => e.type === 'vote.sealed')!;
      seal.payload = { ...(seal.payload as object), named: {} };
    });
    expect(verifyRecordText(sealWithoutList)).toMatchObject({
      ok: false,
      problem: { code: 'not_a_record', eventType: 'vote.sealed' },
    });
    // A forged chain that agrees with itself does verify: only the head, kept elsewhere (it is
    // printed in the minutes), tells it from the real one.
    const renamed = forged((r) => {
      const opening = r.events.find((e) => e.type === 'sitting.opened')!;
      const members = (opening.payload as { members: { name: string }[] }).members;
      members[0]!.name = 'Someone Else';
      r.members[0]!.name = 'Someone Else';
    });
    const verdict = verifyRecordText(renamed);
    expect(verdict.ok).toBe(true);
    expect(verdict.ok && verdict.head?.hash).not.toBe(
      (JSON.parse(text) as SittingRecord).head!.hash,
    );
    const strange = JSON.parse(text) as { events: Record<string, unknown>[] };
    strange.events[0]!['seq'] = { toString: 1, valueOf: 1 };
    expect(verifyRecordText(JSON.stringify(strange))).toMatchObject({
      ok: false,
      problem: { code: 'not_a_record', seq: null },
    });
  });

  it('names the first event that does not match', () => {
    const record = JSON.parse(text) as SittingRecord;
    const budgetClose = record.events.find(
      (event) => event.type === 'vote.closed' && payloadOf(event).voteId === 'demo-vote-budget',
    )!;
    const changed = edited((r) => {
      const event = r.events.find((e) => e.seq === budgetClose.seq)!;
      payloadOf(event).counts['against']! += 1;
    });
    expect(verifyRecordText(changed)).toEqual({
      ok: false,
      problem: {
        code: 'chain_broken',
        seq: budgetClose.seq,
        eventType: 'vote.closed',
        detail: 'hash does not match the content',
      },
    });
  });

  it('catches a swapped name, a secret count moved, a missing vote and a cut-off end', () => {
    const swapped = edited((r) => {
      const [first, second] = r.members;
      [first!.name, second!.name] = [second!.name, first!.name];
    });
    expect(verifyRecordText(swapped)).toMatchObject({
      ok: false,
      problem: { code: 'members_mismatch', eventType: 'sitting.opened' },
    });

    const moved = edited((r) => {
      const counts = r.ballots[0]!.counts;
      counts['for']! -= 1;
      counts['against'] = (counts['against'] ?? 0) + 1;
    });
    expect(verifyRecordText(moved)).toMatchObject({
      ok: false,
      problem: { code: 'seal_mismatch', eventType: 'vote.sealed' },
    });

    const missing = edited((r) => {
      r.ballots = [];
    });
    expect(verifyRecordText(missing)).toMatchObject({
      ok: false,
      problem: { code: 'ballots_missing', eventType: 'vote.sealed' },
    });

    // Cutting events off the end leaves a valid chain; the head (kept elsewhere) says so.
    const cut = edited((r) => {
      r.events = r.events.slice(0, -3);
    });
    expect(verifyRecordText(cut)).toMatchObject({ ok: false, problem: { code: 'head_mismatch' } });
    expect(verifyRecordText('not json')).toMatchObject({
      ok: false,
      problem: { code: 'not_a_record', seq: null },
    });
  });
});
