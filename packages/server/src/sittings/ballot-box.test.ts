import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../storage/database.js';
import { createRepositories } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';
import { openTestPglite } from '../../test/support/test-databases.js';
import { ballotBox } from './ballot-box.js';

describe('the ballot box (group commit)', () => {
  let database: OpenDatabase;
  let storage: StorageContext;
  let place: { councilId: string; sittingId: string };

  beforeAll(async () => {
    database = await openTestPglite();
    storage = { db: database.db, clock: () => new Date(), newId: randomUUID };
    const repos = createRepositories(storage);
    const council = await repos.councils.create({
      name: 'Общински съвет – Кюстендил',
      country: 'BG',
      languages: ['bg'],
      defaultLanguage: 'bg',
      timeZone: 'Europe/Sofia',
      quorumRule: 'more_than_half',
      majorityPreset: 'bg.majority_present',
      resolutionNumberPattern: '{seq}/{year}',
    });
    const body = await repos.bodies.create({
      councilId: council.id,
      name: 'Общински съвет',
      kind: 'plenary',
      statutorySize: 500,
      quorumRule: 'more_than_half',
    });
    const term = await repos.terms.create({
      councilId: council.id,
      name: '2023–2027',
      startsOn: '2023-11-01',
    });
    const sitting = await repos.sittings.create({
      councilId: council.id,
      bodyId: body.id,
      termId: term.id,
      title: 'Заседание',
      kind: 'ordinary',
      mode: 'remote',
      status: 'open',
      startsAt: new Date('2026-09-30T07:00:00Z'),
    });
    place = { councilId: council.id, sittingId: sitting.id };
  });
  afterAll(async () => {
    await database.close();
  });

  const command = (commandId: string) => ({
    ...place,
    commandId,
    actorUserId: null,
    type: 'vote.cast',
    outcome: { accepted: true },
  });
  const count = async (query: string): Promise<number> => {
    const result: unknown = await database.db.execute(sql.raw(query));
    return Number((result as { rows: { n: number | string }[] }).rows[0]!.n);
  };

  it('acknowledges every ballot after its batch commits, in far fewer batches than ballots', async () => {
    const box = ballotBox(storage, { maxBatch: 64, maxDelayMs: 2 });
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, index) =>
        box.write({
          kind: 'first',
          ballot: {
            ...place,
            voteId: 'v-batch',
            memberId: `m-${String(index)}`,
            choice: index % 3 === 0 ? 'against' : 'for',
            enteredByUserId: null,
            proxyReason: null,
            castAt: new Date(),
          },
          command: command(`c-batch-${String(index)}`),
        }),
      ),
    );
    expect(results.every((result) => result === 'written')).toBe(true);
    expect(await count(`select count(*) as n from ballots where vote_id = 'v-batch'`)).toBe(300);
    // Each batch records its commands at one moment: that counts the transactions.
    const batches = await count(
      `select count(distinct at) as n from sitting_commands where command_id like 'c-batch-%'`,
    );
    expect(batches).toBeGreaterThanOrEqual(5);
    expect(batches).toBeLessThan(60);
  });

  it('reports a second ballot of the same member as a conflict and writes nothing for it', async () => {
    const box = ballotBox(storage, { maxBatch: 64, maxDelayMs: 5 });
    const ballot = (choice: string) => ({
      ...place,
      voteId: 'v-twice',
      memberId: 'm-1',
      choice,
      enteredByUserId: null,
      proxyReason: null,
      castAt: new Date(),
    });
    const [first, second] = await Promise.all([
      box.write({ kind: 'first', ballot: ballot('for'), command: command('c-twice-1') }),
      box.write({ kind: 'first', ballot: ballot('against'), command: command('c-twice-2') }),
    ]);
    expect([first, second].sort()).toEqual(['conflict', 'written']);
    expect(await count(`select count(*) as n from ballots where vote_id = 'v-twice'`)).toBe(1);
    expect(
      await count(`select count(*) as n from sitting_commands where command_id like 'c-twice-%'`),
    ).toBe(1);
  });

  it('refuses ballots for a vote that has closed, writing none of them', async () => {
    const repos = createRepositories(storage);
    await repos.sittingEvents.append(place.councilId, place.sittingId, 0, [
      {
        type: 'vote.closed',
        payload: { type: 'vote.closed', voteId: 'v-late' },
        actorUserId: null,
        at: new Date(),
      },
    ]);
    const box = ballotBox(storage, { maxBatch: 8, maxDelayMs: 2 });
    const late = await box.write({
      kind: 'first',
      ballot: {
        ...place,
        voteId: 'v-late',
        memberId: 'm-1',
        choice: 'for',
        enteredByUserId: null,
        proxyReason: null,
        castAt: new Date(),
      },
      command: command('c-late'),
    });
    expect(late).toBe('closed');
    expect(await count(`select count(*) as n from ballots where vote_id = 'v-late'`)).toBe(0);
    expect(
      await count(`select count(*) as n from sitting_commands where command_id = 'c-late'`),
    ).toBe(0);
  });

  it('keeps secret ballots as participations and counts only', async () => {
    const box = ballotBox(storage, { maxBatch: 32, maxDelayMs: 2 });
    const choices = Array.from({ length: 100 }, (_, index) =>
      index % 4 === 0 ? 'against' : 'for',
    );
    const results = await Promise.all(
      choices.map((choice, index) =>
        box.write({
          kind: 'secret',
          ballot: { ...place, voteId: 'v-secret', memberId: `m-${String(index)}`, choice },
          command: command(`c-secret-${String(index)}`),
        }),
      ),
    );
    expect(results.every((result) => result === 'written')).toBe(true);
    expect(
      await count(`select count(*) as n from secret_participations where vote_id = 'v-secret'`),
    ).toBe(100);
    expect(
      await count(
        `select count as n from secret_tallies where vote_id = 'v-secret' and choice = 'for'`,
      ),
    ).toBe(75);
    expect(
      await count(
        `select count as n from secret_tallies where vote_id = 'v-secret' and choice = 'against'`,
      ),
    ).toBe(25);
    expect(await count(`select count(*) as n from ballots where vote_id = 'v-secret'`)).toBe(0);
  });
});
