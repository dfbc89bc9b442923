import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../storage/database.js';
import { createRepositories, type Repositories } from '../storage/repositories.js';
import { fixedClock, testContext, type TestClock } from '../../test/support/fixtures.js';
import { openTestPglite } from '../../test/support/test-databases.js';
import { startRetentionSweep } from './consultation-retention.js';

/*
 * The retention sweep on an in-process PGlite with a fixed clock, for what a running server
 * cannot show without waiting: nothing is erased a moment before the end plus the council's
 * retention days, everything at that moment, and a second pass finds nothing to do.
 */
describe('the retention sweep', () => {
  let database: OpenDatabase;
  let clock: TestClock;
  let repos: Repositories;
  let storage: ReturnType<typeof testContext>;

  beforeAll(async () => {
    database = await openTestPglite();
    clock = fixedClock('2026-12-01T08:00:00.000Z');
    storage = testContext(database.db, clock);
    repos = createRepositories(storage);
  });

  afterAll(async () => {
    await database.close();
  });

  it('erases names and e-mails at the end plus the council\u2019s retention days, keeping answers', async () => {
    const council = await repos.councils.create({
      name: 'Rada Gminy',
      country: 'PL',
      languages: ['pl'],
      defaultLanguage: 'pl',
      timeZone: 'Europe/Warsaw',
      quorumRule: 'at_least_half',
      majorityPreset: 'pl.simple',
      resolutionNumberPattern: '{seq}/{year}',
    });
    await database.db.execute(
      sql`update councils set consultation_retention_days = 30 where id = ${council.id}`,
    );
    const consultation = await repos.consultations.create(
      council.id,
      {
        subject: 'Park',
        description: '',
        startsAt: new Date('2026-12-01T08:00:00Z'),
        endsAt: new Date('2026-12-31T16:00:00Z'),
        agendaItemId: null,
        survey: { questions: [] },
      },
      null,
    );
    const resident = {
      councilId: council.id,
      consultationId: consultation.id,
      name: 'Ana',
      email: 'ana@example.org',
      emailNormalized: 'ana@example.org',
      consentToPublishName: true,
      language: 'pl' as const,
    };
    await repos.consultations.createResponse({
      ...resident,
      tokenHash: 'a'.repeat(64),
      answers: { q: 1 },
    });
    await repos.consultations.createOpinion({
      ...resident,
      tokenHash: 'b'.repeat(64),
      text: 'Tak',
      attachment: null,
    });

    await repos.consultations.createDataRequest({
      councilId: council.id,
      emailNormalized: 'ana@example.org',
      tokenHash: 'c'.repeat(64),
      expiresAt: new Date('2026-12-02T08:00:00Z'),
    });
    const sweep = startRetentionSweep(storage, repos, pino({ level: 'silent' }), 3_600_000);
    try {
      clock.set('2027-01-30T15:59:59.999Z');
      expect(await sweep.tick()).toBe(0);
      clock.set('2027-01-30T16:00:00.000Z');
      expect(await sweep.tick()).toBe(1);
      expect(await sweep.tick()).toBe(0);
    } finally {
      await sweep.stop();
    }
    const left: unknown = await database.db.execute(
      sql`select count(*)::int as n from resident_data_requests`,
    );
    expect((left as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    const [response] = await repos.consultations.listResponses(council.id, consultation.id);
    expect(response).toMatchObject({
      name: null,
      email: null,
      emailNormalized: null,
      tokenHash: null,
      answers: { q: 1 },
      personalDataErasedAt: new Date('2027-01-30T16:00:00.000Z'),
    });
    const [opinion] = await repos.consultations.listOpinions(council.id, consultation.id);
    expect(opinion).toMatchObject({ name: null, email: null, text: 'Tak' });
    expect(
      (await repos.consultations.findById(council.id, consultation.id))?.personalDataErasedAt,
    ).toEqual(new Date('2027-01-30T16:00:00.000Z'));
  });
});
