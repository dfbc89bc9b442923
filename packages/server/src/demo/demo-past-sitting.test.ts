import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessBus } from '../realtime/event-bus.js';
import { liveSittingService } from '../sittings/live-sitting.service.js';
import type { OpenDatabase } from '../storage/database.js';
import { verifyChain } from '../storage/event-chain.js';
import { createRepositories, inTransaction } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';
import { openTestPglite } from '../../test/support/test-databases.js';
import { createDemoCouncil, DEMO_COUNCIL_NAME } from './demo-council.js';
import { createDemoPastSitting, MAYOR_REPORT_ITEM } from './demo-past-sitting.js';

/** The demo's closed sitting, run through the live service on a fresh database. */
describe('the demo council past sitting', () => {
  let database: OpenDatabase;
  let storage: StorageContext;
  const now = new Date('2026-11-24T12:00:00Z');

  beforeAll(async () => {
    database = await openTestPglite();
    storage = { db: database.db, clock: () => now, newId: randomUUID };
    await inTransaction(storage, (tx) => createDemoCouncil(tx, now));
    await createDemoPastSitting(storage, now);
  });
  afterAll(() => database.close());

  it('is closed, four weeks ago, with its votes, speeches, break and amendment in a valid chain', async () => {
    const repos = createRepositories(storage);
    const council = (await repos.councils.list()).find((c) => c.name === DEMO_COUNCIL_NAME)!;
    const rows = await repos.sittings.listForCouncil(council.id);
    const past = rows.find((row) => row.number === 23)!;
    expect(past.status).toBe('closed');
    expect(past.startsAt.toISOString()).toBe('2026-10-27T09:00:00.000Z');

    const events = await repos.sittingEvents.listAfter(council.id, past.id, 0);
    expect(verifyChain(past.id, events)).toEqual({ ok: true, count: events.length });
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('sitting.opened');
    expect(types.at(-1)).toBe('sitting.closed');
    expect(types.filter((type) => type === 'vote.sealed')).toHaveLength(5);
    expect(types).toContain('sitting.suspended');
    expect(types.filter((type) => type === 'speaker.ended')).toHaveLength(6);

    const { state, named } = await liveSittingService(storage, repos, inProcessBus()).current(past);
    expect(state.agenda.map((item) => item.id)).toContain(MAYOR_REPORT_ITEM);
    const outcomes = state.voteOrder.map((id) => [
      id,
      state.votes[id]!.result?.outcome?.passed ?? null,
    ]);
    expect(outcomes).toEqual([
      ['demo-vote-agenda-change', true],
      ['demo-vote-agenda', true],
      ['demo-vote-budget', true],
      ['demo-vote-street', false],
      ['demo-vote-judges', true],
    ]);
    expect(Object.keys(named).sort()).toEqual([
      'demo-vote-agenda',
      'demo-vote-agenda-change',
      'demo-vote-budget',
      'demo-vote-street',
    ]);
    expect(named['demo-vote-budget']).toHaveLength(14);
  });
});
