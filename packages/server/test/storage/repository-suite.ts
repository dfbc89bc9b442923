import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/storage/database.js';
import { verifyChain } from '../../src/storage/event-chain.js';
import {
  createRepositories,
  inTransaction,
  type Repositories,
} from '../../src/storage/repositories.js';
import { SequenceConflictError } from '../../src/storage/repositories/sitting-events.repository.js';
import { hasPassword, NO_PASSWORD } from '../../src/storage/repositories/users.repository.js';
import { hasPgCode, UNIQUE_VIOLATION } from '../../src/storage/storage-context.js';
import { fixedClock, testContext, type TestClock } from '../support/fixtures.js';
import { truncateAll } from '../support/test-databases.js';

const CHECK_VIOLATION = '23514';
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * The one repository suite, run against every storage implementation (PGlite and PostgreSQL).
 * `database()` returns the open, migrated database of the calling test file.
 */
export function repositorySuite(database: () => OpenDatabase): void {
  let repos: Repositories;
  let clock: TestClock;
  let context: ReturnType<typeof testContext>;

  beforeEach(async () => {
    await truncateAll(database());
    clock = fixedClock('2026-11-20T09:00:00.000Z');
    context = testContext(database().db, clock);
    repos = createRepositories(context);
  });

  async function council(name = 'Rada Miejska w Wierzbowie') {
    return repos.councils.create({
      name,
      country: 'PL',
      languages: ['pl', 'en'],
      defaultLanguage: 'pl',
      timeZone: 'Europe/Warsaw',
      quorumRule: 'at_least_half',
      majorityPreset: 'pl.simple',
      resolutionNumberPattern: '{sittingRoman}/{seq}/{year}',
    });
  }

  async function plenary(councilId: string) {
    const body = await repos.bodies.create({
      councilId,
      name: 'Rada Miejska',
      kind: 'plenary',
      statutorySize: 15,
      quorumRule: 'at_least_half',
    });
    const term = await repos.terms.create({ councilId, name: '2024-2029', startsOn: '2024-05-07' });
    return { body, term };
  }

  async function sitting(
    councilId: string,
    bodyId: string,
    termId: string,
    overrides: Partial<Parameters<Repositories['sittings']['create']>[0]> = {},
  ) {
    return repos.sittings.create({
      councilId,
      bodyId,
      termId,
      title: 'Sesja zwyczajna',
      kind: 'ordinary',
      mode: 'hybrid',
      status: 'convened',
      startsAt: new Date('2026-12-01T09:00:00Z'),
      ...overrides,
    });
  }

  describe('councils and bodies', () => {
    it('stores a council and finds it by id', async () => {
      const created = await council();
      expect(await repos.councils.findById(created.id)).toMatchObject({
        name: 'Rada Miejska w Wierzbowie',
        languages: ['pl', 'en'],
        createdAt: new Date('2026-11-20T09:00:00.000Z'),
      });
    });

    it('refuses a quorum rule the domain does not know, and stores nothing', async () => {
      const { id } = await council();
      const attempt = repos.bodies.create({
        councilId: id,
        name: 'Komisja',
        kind: 'committee',
        statutorySize: 5,
        quorumRule: 'two_thirds' as never,
      });
      await expect(attempt).rejects.toSatisfy((error: unknown) =>
        hasPgCode(error, CHECK_VIOLATION),
      );
      expect(await repos.bodies.listForCouncil(id)).toEqual([]);
    });

    it('does not hand out one council’s body to another council', async () => {
      const a = await council('A');
      const b = await council('B');
      const { body } = await plenary(a.id);
      expect(await repos.bodies.findById(a.id, body.id)).toBeDefined();
      expect(await repos.bodies.findById(b.id, body.id)).toBeUndefined();
    });

    it('finds the term in force on a date', async () => {
      const { id } = await council();
      await repos.terms.create({
        councilId: id,
        name: '2018-2024',
        startsOn: '2018-11-16',
        endsOn: '2024-05-06',
      });
      await repos.terms.create({ councilId: id, name: '2024-2029', startsOn: '2024-05-07' });
      expect((await repos.terms.current(id, '2020-01-01'))?.name).toBe('2018-2024');
      expect((await repos.terms.current(id, '2026-11-20'))?.name).toBe('2024-2029');
      expect(await repos.terms.current(id, '2010-01-01')).toBeUndefined();
    });
  });

  describe('persons and memberships', () => {
    it('lists the members of a body on a date, by family name', async () => {
      const { id } = await council();
      const { body, term } = await plenary(id);
      const add = async (given: string, family: string, startsOn: string, endsOn?: string) => {
        const person = await repos.persons.create({
          councilId: id,
          givenName: given,
          familyName: family,
        });
        await repos.persons.addMembership({
          councilId: id,
          personId: person.id,
          bodyId: body.id,
          termId: term.id,
          role: 'member',
          startsOn,
          endsOn: endsOn ?? null,
        });
      };
      await add('Jan', 'Zieliński', '2024-05-07');
      await add('Anna', 'Nowak', '2024-05-07');
      await add('Piotr', 'Adamski', '2024-05-07', '2025-01-31');
      const members = await repos.persons.membersOfBody(id, body.id, '2026-11-20');
      expect(members.map((m) => m.familyName)).toEqual(['Nowak', 'Zieliński']);
      const earlier = await repos.persons.membersOfBody(id, body.id, '2024-12-01');
      expect(earlier.map((m) => m.familyName)).toEqual(['Adamski', 'Nowak', 'Zieliński']);
    });
  });

  describe('users and roles', () => {
    it('keeps e-mails unique regardless of case and finds users case-insensitively', async () => {
      const { id } = await council();
      await repos.users.create({
        councilId: id,
        email: 'Anna.Nowak@Wierzbow.example',
        passwordHash: 'x',
        displayName: 'Anna Nowak',
        language: 'pl',
      });
      expect((await repos.users.findByEmail('ANNA.NOWAK@wierzbow.example'))?.displayName).toBe(
        'Anna Nowak',
      );
      const duplicate = repos.users.create({
        councilId: id,
        email: 'anna.nowak@wierzbow.example',
        passwordHash: 'y',
        displayName: 'Other',
        language: 'pl',
      });
      await expect(duplicate).rejects.toSatisfy((error: unknown) =>
        hasPgCode(error, UNIQUE_VIOLATION),
      );
      expect(await repos.users.count()).toBe(1);
    });

    it('groups a user’s roles by council', async () => {
      const a = await council('Alfa');
      const b = await council('Beta');
      const user = await repos.users.create({
        councilId: a.id,
        email: 'clerk@example.org',
        passwordHash: 'x',
        displayName: 'Clerk',
        language: 'en',
      });
      await repos.users.grantRole(a.id, user.id, 'operator');
      await repos.users.grantRole(a.id, user.id, 'council_admin');
      await repos.users.grantRole(a.id, user.id, 'operator');
      await repos.users.grantRole(b.id, user.id, 'councillor');
      expect(await repos.users.councilsOf(user.id)).toEqual([
        { councilId: a.id, councilName: 'Alfa', roles: ['council_admin', 'operator'] },
        { councilId: b.id, councilName: 'Beta', roles: ['councillor'] },
      ]);
      await repos.users.setLanguage(user.id, 'bg');
      expect((await repos.users.findById(user.id))?.language).toBe('bg');
    });
  });

  describe('login sessions', () => {
    it('finds a session until it expires, slides its expiry, and deletes expired ones', async () => {
      const { id } = await council();
      const user = await repos.users.create({
        councilId: id,
        email: 'a@example.org',
        passwordHash: 'x',
        displayName: 'A',
        language: 'pl',
      });
      const session = await repos.loginSessions.create({
        userId: user.id,
        councilId: id,
        tokenHash: 'hash-1',
        expiresAt: new Date('2026-11-20T10:00:00Z'),
      });
      expect((await repos.loginSessions.findActive('hash-1'))?.id).toBe(session.id);
      expect(await repos.loginSessions.findActive('hash-2')).toBeUndefined();
      clock.set('2026-11-20T09:59:00Z');
      await repos.loginSessions.touch(session.id, new Date('2026-11-20T11:00:00Z'));
      clock.set('2026-11-20T10:30:00Z');
      expect(await repos.loginSessions.findActive('hash-1')).toBeDefined();
      clock.set('2026-11-20T11:00:00Z');
      expect(await repos.loginSessions.findActive('hash-1')).toBeUndefined();
      expect(await repos.loginSessions.deleteExpired()).toBe(1);
      expect(await repos.loginSessions.deleteExpired()).toBe(0);
    });
  });

  describe('login links', () => {
    it('are used once, only before they expire, and only in their own council', async () => {
      const { id: councilId } = await council();
      const { body, term } = await plenary(councilId);
      const { id: sittingId } = await sitting(councilId, body.id, term.id);
      const user = await repos.users.create({
        councilId,
        email: 'a@example.org',
        passwordHash: 'x',
        displayName: 'A',
        language: 'pl',
      });
      const link = (tokenHash: string) =>
        repos.loginLinks.create({
          councilId,
          userId: user.id,
          sittingId,
          tokenHash,
          createdByUserId: user.id,
          expiresAt: new Date('2026-11-20T09:02:00Z'),
        });
      await link('hash-1');
      await link('hash-2');
      expect((await repos.loginLinks.consume('hash-1'))?.userId).toBe(user.id);
      expect(await repos.loginLinks.consume('hash-1')).toBeUndefined();
      expect(await repos.loginLinks.consume('hash-unknown')).toBeUndefined();
      clock.set('2026-11-20T09:02:00Z');
      expect(await repos.loginLinks.consume('hash-2')).toBeUndefined();

      const other = await council('Rada Gminy Inna');
      await expect(
        repos.loginLinks.create({
          councilId: other.id,
          userId: user.id,
          sittingId,
          tokenHash: 'hash-3',
          createdByUserId: user.id,
          expiresAt: new Date('2026-11-20T10:00:00Z'),
        }),
      ).rejects.toSatisfy((error) => hasPgCode(error, FOREIGN_KEY_VIOLATION));
    });
  });

  describe('second factors', () => {
    async function account(email = 'biuro@wierzbow.example') {
      const { id: councilId } = await council();
      const user = await repos.users.create({
        councilId,
        email,
        passwordHash: 'x',
        displayName: 'Biuro',
        language: 'pl',
      });
      return { councilId, user };
    }

    it('stays pending until confirmed, never overwrites a confirmed secret, and refuses replays', async () => {
      const { councilId, user } = await account();
      expect(await repos.secondFactors.savePending(user.id, councilId, 'SECRETA')).toBe(true);
      // A second setup replaces the pending one.
      expect(await repos.secondFactors.savePending(user.id, councilId, 'SECRETB')).toBe(true);
      expect(await repos.secondFactors.find(user.id)).toMatchObject({
        secret: 'SECRETB',
        confirmedAt: null,
        councilId,
      });
      // Steps are not recorded for a factor that is not on.
      expect(await repos.secondFactors.useStep(user.id, 100)).toBe(false);
      expect(await repos.secondFactors.confirm(user.id, 100)).toBe(true);
      expect(await repos.secondFactors.confirm(user.id, 101)).toBe(false);
      expect(await repos.secondFactors.savePending(user.id, councilId, 'SECRETC')).toBe(false);
      expect(await repos.secondFactors.find(user.id)).toMatchObject({
        secret: 'SECRETB',
        lastUsedStep: 100,
        confirmedAt: clock(),
      });
      expect(await repos.secondFactors.useStep(user.id, 100)).toBe(false);
      expect(await repos.secondFactors.useStep(user.id, 99)).toBe(false);
      expect(await repos.secondFactors.useStep(user.id, 101)).toBe(true);
      expect(await repos.secondFactors.useStep(user.id, 101)).toBe(false);
    });

    it('uses a recovery code once, replaces them all, and removes everything when turned off', async () => {
      const { councilId, user } = await account();
      const other = await repos.users.create({
        councilId,
        email: 'anna@wierzbow.example',
        passwordHash: 'x',
        displayName: 'Anna',
        language: 'pl',
      });
      await repos.secondFactors.savePending(user.id, councilId, 'SECRET');
      await repos.secondFactors.confirm(user.id, 1);
      await repos.secondFactors.replaceRecoveryCodes(user.id, councilId, ['h1', 'h2', 'h3']);
      expect(await repos.secondFactors.unusedRecoveryCodes(user.id)).toBe(3);
      expect(await repos.secondFactors.useRecoveryCode(user.id, 'h1')).toBe(true);
      expect(await repos.secondFactors.useRecoveryCode(user.id, 'h1')).toBe(false);
      // Another user's code is not this user's.
      expect(await repos.secondFactors.useRecoveryCode(other.id, 'h2')).toBe(false);
      expect(await repos.secondFactors.unusedRecoveryCodes(user.id)).toBe(2);
      await repos.secondFactors.replaceRecoveryCodes(user.id, councilId, ['h4', 'h5']);
      expect(await repos.secondFactors.useRecoveryCode(user.id, 'h2')).toBe(false);
      expect(await repos.secondFactors.unusedRecoveryCodes(user.id)).toBe(2);

      await repos.secondFactors.createChallenge({
        userId: user.id,
        councilId,
        tokenHash: 'c1',
        expiresAt: new Date('2026-11-20T09:05:00Z'),
      });
      await repos.secondFactors.remove(user.id);
      expect(await repos.secondFactors.find(user.id)).toBeUndefined();
      expect(await repos.secondFactors.unusedRecoveryCodes(user.id)).toBe(0);
      expect(await repos.secondFactors.findOpenChallenge('c1', 5)).toBeUndefined();
    });

    it('opens a challenge to one answer at a time, voids it after five failures or its time', async () => {
      const { councilId, user } = await account();
      const challenge = (tokenHash: string) =>
        repos.secondFactors.createChallenge({
          userId: user.id,
          councilId,
          tokenHash,
          expiresAt: new Date('2026-11-20T09:05:00Z'),
        });
      const { id } = await challenge('c1');
      await challenge('c2');
      await challenge('c3');
      expect((await repos.secondFactors.claimChallenge('c1', 5))?.userId).toBe(user.id);
      // Claimed: a second answer finds nothing until the first gives it back as a failure.
      expect(await repos.secondFactors.claimChallenge('c1', 5)).toBeUndefined();
      expect(await repos.secondFactors.findOpenChallenge('c1', 5)).toBeUndefined();
      for (let failures = 1; failures <= 4; failures++) {
        expect(await repos.secondFactors.failChallenge(id)).toBe(failures);
        expect(await repos.secondFactors.claimChallenge('c1', 5)).toBeDefined();
      }
      expect(await repos.secondFactors.failChallenge(id)).toBe(5);
      expect(await repos.secondFactors.claimChallenge('c1', 5)).toBeUndefined();
      expect(await repos.secondFactors.findOpenChallenge('c1', 5)).toBeUndefined();
      expect(await repos.secondFactors.findOpenChallenge('unknown', 5)).toBeUndefined();

      expect((await repos.secondFactors.findOpenChallenge('c2', 5))?.userId).toBe(user.id);
      clock.set('2026-11-20T09:05:00Z');
      expect(await repos.secondFactors.findOpenChallenge('c2', 5)).toBeUndefined();
      expect(await repos.secondFactors.claimChallenge('c3', 5)).toBeUndefined();
      clock.set('2026-11-20T09:05:01Z');
      expect(await repos.secondFactors.deleteExpiredChallenges()).toBe(3);
    });

    it('lets exactly one of two answers racing for a challenge take it', async () => {
      const { councilId, user } = await account();
      await repos.secondFactors.createChallenge({
        userId: user.id,
        councilId,
        tokenHash: 'race',
        expiresAt: new Date('2026-11-20T09:05:00Z'),
      });
      const claims = await Promise.all([
        repos.secondFactors.claimChallenge('race', 5),
        repos.secondFactors.claimChallenge('race', 5),
      ]);
      expect(claims.filter((claim) => claim !== undefined)).toHaveLength(1);
    });
  });

  describe('documents', () => {
    it('lists a sitting’s documents in order, never another council’s, and refuses a bad hash', async () => {
      const { id: councilId } = await council();
      const { body, term } = await plenary(councilId);
      const { id: sittingId } = await sitting(councilId, body.id, term.id);
      const base = {
        councilId,
        sittingId,
        agendaItemId: null,
        fileName: 'a.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 10,
        sha256: 'a'.repeat(64),
        isPublic: false,
        createdByUserId: null,
      };
      const first = await repos.documents.create({ ...base, title: 'Pierwszy' });
      clock.set('2026-11-20T09:01:00Z');
      await repos.documents.create({ ...base, title: 'Drugi', isPublic: true });
      expect(
        (await repos.documents.listForSitting(councilId, sittingId)).map((row) => row.title),
      ).toEqual(['Pierwszy', 'Drugi']);
      expect((await repos.documents.findById(first.id))?.title).toBe('Pierwszy');
      const other = await council('Rada Gminy Inna');
      expect(await repos.documents.listForSitting(other.id, sittingId)).toEqual([]);
      await expect(
        repos.documents.create({ ...base, title: 'Zły', sha256: 'not-a-hash' }),
      ).rejects.toSatisfy((error) => hasPgCode(error, CHECK_VIOLATION));
      await expect(
        repos.documents.create({ ...base, councilId: other.id, title: 'Cudzy' }),
      ).rejects.toSatisfy((error) => hasPgCode(error, FOREIGN_KEY_VIOLATION));
    });
  });

  describe('sittings and agendas', () => {
    it('numbers sittings per body and term, and refuses a duplicate number', async () => {
      const { id } = await council();
      const { body, term } = await plenary(id);
      const committee = await repos.bodies.create({
        councilId: id,
        name: 'Komisja Budżetu',
        kind: 'committee',
        statutorySize: 5,
        quorumRule: 'at_least_half',
      });
      const first = await sitting(id, body.id, term.id);
      const second = await sitting(id, body.id, term.id);
      const committeeFirst = await sitting(id, committee.id, term.id);
      expect([first.number, second.number, committeeFirst.number]).toEqual([1, 2, 1]);
      const imported = await sitting(id, body.id, term.id, { number: 24 });
      expect(imported.number).toBe(24);
      expect((await sitting(id, body.id, term.id)).number).toBe(25);
      await expect(sitting(id, body.id, term.id, { number: 2 })).rejects.toSatisfy(
        (error: unknown) => hasPgCode(error, UNIQUE_VIOLATION),
      );
    });

    it('numbers sittings created at the same time without a gap or a duplicate', async () => {
      const { id } = await council();
      const { body, term } = await plenary(id);
      const created = await Promise.all(
        Array.from({ length: 5 }, () => sitting(id, body.id, term.id)),
      );
      expect(created.map((s) => s.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    });

    it('refuses a sitting of one council on another council’s body or term', async () => {
      const a = await council('Alfa');
      const b = await council('Beta');
      const pa = await plenary(a.id);
      const pb = await plenary(b.id);
      await expect(sitting(a.id, pb.body.id, pa.term.id)).rejects.toSatisfy((error: unknown) =>
        hasPgCode(error, FOREIGN_KEY_VIOLATION),
      );
      await expect(sitting(a.id, pa.body.id, pb.term.id)).rejects.toSatisfy((error: unknown) =>
        hasPgCode(error, FOREIGN_KEY_VIOLATION),
      );
      const own = await sitting(a.id, pa.body.id, pa.term.id);
      await expect(
        repos.sittings.addAgendaItem({
          councilId: b.id,
          sittingId: own.id,
          position: 0,
          title: 'x',
        }),
      ).rejects.toSatisfy((error: unknown) => hasPgCode(error, FOREIGN_KEY_VIOLATION));
    });

    it('numbers sittings created at once inside transactions too', async () => {
      const { id } = await council();
      const { body, term } = await plenary(id);
      const created = await Promise.all(
        Array.from({ length: 4 }, () =>
          inTransaction(context, (tx) =>
            tx.sittings.create({
              councilId: id,
              bodyId: body.id,
              termId: term.id,
              title: 'Sesja',
              kind: 'ordinary',
              mode: 'hall',
              status: 'draft',
              startsAt: new Date('2026-12-01T09:00:00Z'),
            }),
          ),
        ),
      );
      expect(created.map((s) => s.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    });

    it('lists upcoming sittings of the user’s councils only, drafts only for staff', async () => {
      const a = await council('Alfa');
      const b = await council('Beta');
      const pa = await plenary(a.id);
      const pb = await plenary(b.id);
      const councillor = await repos.users.create({
        councilId: a.id,
        email: 'councillor@example.org',
        passwordHash: 'x',
        displayName: 'C',
        language: 'pl',
      });
      const operator = await repos.users.create({
        councilId: a.id,
        email: 'operator@example.org',
        passwordHash: 'x',
        displayName: 'O',
        language: 'pl',
      });
      await repos.users.grantRole(a.id, councillor.id, 'councillor');
      await repos.users.grantRole(a.id, operator.id, 'operator');
      const later = await sitting(a.id, pa.body.id, pa.term.id, {
        startsAt: new Date('2026-12-10T09:00:00Z'),
      });
      const sooner = await sitting(a.id, pa.body.id, pa.term.id, {
        startsAt: new Date('2026-12-01T09:00:00Z'),
      });
      const draft = await sitting(a.id, pa.body.id, pa.term.id, { status: 'draft' });
      await sitting(a.id, pa.body.id, pa.term.id, { status: 'closed' });
      await sitting(a.id, pa.body.id, pa.term.id, { startsAt: new Date('2026-11-01T09:00:00Z') });
      const runningSinceYesterday = await sitting(a.id, pa.body.id, pa.term.id, {
        status: 'suspended',
        startsAt: new Date('2026-11-19T09:00:00Z'),
      });
      await sitting(b.id, pb.body.id, pb.term.id);

      const query = (userId: string) =>
        repos.sittings.upcomingForUser({
          userId,
          from: new Date('2026-11-20T00:00:00Z'),
          draftRoles: ['operator', 'council_admin'],
        });
      const seen = await query(councillor.id);
      expect(seen.map((s) => s.id)).toEqual([runningSinceYesterday.id, sooner.id, later.id]);
      expect(seen[0]).toMatchObject({
        councilName: 'Alfa',
        bodyName: 'Rada Miejska',
        timeZone: 'Europe/Warsaw',
      });
      const staff = await query(operator.id);
      expect(staff.map((s) => s.id)).toContain(draft.id);
      expect(staff.every((s) => s.councilId === a.id)).toBe(true);
    });

    it('shows the public any council’s published sitting with its names, never a draft', async () => {
      const { id: councilId } = await council();
      const { body, term } = await plenary(councilId);
      const published = await sitting(councilId, body.id, term.id, {
        streamUrl: 'https://x.test/a',
      });
      const draft = await sitting(councilId, body.id, term.id, { status: 'draft' });
      expect(await repos.sittings.publicById(published.id)).toMatchObject({
        id: published.id,
        councilName: 'Rada Miejska w Wierzbowie',
        bodyName: body.name,
        timeZone: 'Europe/Warsaw',
        streamUrl: 'https://x.test/a',
      });
      expect(await repos.sittings.publicById(draft.id)).toBeNull();
      expect(await repos.sittings.publicById('00000000-0000-4000-8000-00000000ffff')).toBeNull();
    });

    it('sets and removes a sitting’s recording, never through another council', async () => {
      const a = await council('Alfa');
      const b = await council('Beta');
      const { body, term } = await plenary(a.id);
      const s = await sitting(a.id, body.id, term.id);
      const recording = {
        recordingUrl: 'https://x.test/nagranie.mp4',
        recordingStartedAt: new Date('2026-10-27T09:01:00Z'),
      };
      expect(await repos.sittings.setRecording(b.id, s.id, recording)).toBeUndefined();
      expect(await repos.sittings.locate(s.id)).toMatchObject({
        recordingUrl: null,
        recordingStartedAt: null,
      });
      expect(await repos.sittings.setRecording(a.id, s.id, recording)).toMatchObject(recording);
      expect(await repos.sittings.publicById(s.id)).toMatchObject(recording);
      const none = { recordingUrl: null, recordingStartedAt: null };
      expect(await repos.sittings.setRecording(a.id, s.id, none)).toMatchObject(none);
    });

    it('keeps agenda items in order and never returns another council’s items', async () => {
      const a = await council('Alfa');
      const b = await council('Beta');
      const { body, term } = await plenary(a.id);
      const s = await sitting(a.id, body.id, term.id);
      for (const [position, title] of ['Otwarcie', 'Porządek obrad', 'Uchwały'].entries()) {
        await repos.sittings.addAgendaItem({
          councilId: a.id,
          sittingId: s.id,
          position: 2 - position,
          title,
        });
      }
      const items = await repos.sittings.agendaOf(a.id, [s.id]);
      expect(items.map((i) => i.title)).toEqual(['Uchwały', 'Porządek obrad', 'Otwarcie']);
      expect(await repos.sittings.agendaOf(b.id, [s.id])).toEqual([]);
    });

    it('saves details and agendas only at the version they were based on', async () => {
      const { id } = await council();
      const { body, term } = await plenary(id);
      const s = await sitting(id, body.id, term.id, { status: 'draft' });
      const details = {
        title: 'Sesja nadzwyczajna',
        kind: 'extraordinary' as const,
        mode: 'hall' as const,
        startsAt: new Date('2026-12-02T09:00:00Z'),
        place: 'Sala',
        streamUrl: null,
        meetingUrl: null,
      };
      const saved = await repos.sittings.takeVersion(id, s.id, 1, details);
      expect(saved).toMatchObject({ version: 2, title: 'Sesja nadzwyczajna', place: 'Sala' });
      expect(await repos.sittings.takeVersion(id, s.id, 1, details)).toBeNull();
      expect(await repos.sittings.takeVersion(id, s.id, 1)).toBeNull();
      expect(await repos.sittings.takeVersion(id, s.id, 2, { status: 'convened' })).toMatchObject({
        version: 3,
        status: 'convened',
      });
    });

    it('replaces an agenda: kept items keep their ids, missing ones go, others’ rows stay', async () => {
      const a = await council('Alfa');
      const b = await council('Beta');
      const pa = await plenary(a.id);
      const pb = await plenary(b.id);
      const mine = await sitting(a.id, pa.body.id, pa.term.id);
      const theirs = await sitting(b.id, pb.body.id, pb.term.id);
      const foreign = await repos.sittings.addAgendaItem({
        councilId: b.id,
        sittingId: theirs.id,
        position: 0,
        title: 'Obce',
      });
      const row = (
        id: string,
        title: string,
        position: number,
        parentId: string | null = null,
      ) => ({
        id,
        title,
        position,
        parentId,
        kind: 'procedural',
        description: null,
      });
      const [x, y, z] = [
        '00000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000002',
        '00000000-0000-4000-8000-000000000003',
      ];
      await repos.sittings.replaceAgenda(a.id, mine.id, [
        row(x, 'Otwarcie', 0),
        row(y, 'Uchwały', 1),
        row(z, 'Budżet', 0, y),
      ]);
      await repos.sittings.replaceAgenda(a.id, mine.id, [
        row(z, 'Budżet 2027', 0),
        row(x, 'Otwarcie', 1),
      ]);
      const items = await repos.sittings.agendaOf(a.id, [mine.id]);
      expect(items.map((i) => [i.id, i.title, i.position, i.parentId])).toEqual([
        [z, 'Budżet 2027', 0, null],
        [x, 'Otwarcie', 1, null],
      ]);
      // An id of another council's sitting is never overwritten, whatever the caller passes.
      await repos.sittings.replaceAgenda(a.id, mine.id, [row(foreign.id, 'Przejęte', 0)]);
      expect((await repos.sittings.agendaOf(b.id, [theirs.id]))[0]).toMatchObject({
        title: 'Obce',
      });
      await expect(
        repos.sittings.addAgendaItem({
          councilId: a.id,
          sittingId: mine.id,
          position: 9,
          title: 'x',
          kind: 'nonsense',
        }),
      ).rejects.toSatisfy((error: unknown) => hasPgCode(error, CHECK_VIOLATION));
    });

    it('keeps agenda templates per council, unique by name, saved at their version', async () => {
      const a = await council('Alfa');
      const b = await council('Beta');
      const items = [{ title: 'Otwarcie', kind: 'procedural' }];
      const template = await repos.agendaTemplates.create(a.id, 'Zwyczajna', items);
      await expect(repos.agendaTemplates.create(a.id, 'Zwyczajna', items)).rejects.toSatisfy(
        (error: unknown) => hasPgCode(error, UNIQUE_VIOLATION),
      );
      await repos.agendaTemplates.create(b.id, 'Zwyczajna', items);
      expect(await repos.agendaTemplates.findById(b.id, template.id)).toBeUndefined();
      expect(
        await repos.agendaTemplates.update(b.id, template.id, 1, { name: 'X', items }),
      ).toBeNull();
      expect(
        await repos.agendaTemplates.update(a.id, template.id, 1, { name: 'Nowa', items }),
      ).toMatchObject({ version: 2, name: 'Nowa' });
      expect(
        await repos.agendaTemplates.update(a.id, template.id, 1, { name: 'Stara', items }),
      ).toBeNull();
      expect(await repos.agendaTemplates.remove(b.id, template.id)).toBe(false);
      expect((await repos.agendaTemplates.listForCouncil(a.id)).map((t) => t.name)).toEqual([
        'Nowa',
      ]);
    });
  });

  describe('open data (OParl)', () => {
    const everything = { offset: 0, limit: 100 };

    it('keeps a removed item of a public agenda as a tombstone, and of a draft nothing', async () => {
      const a = await council();
      const { body, term } = await plenary(a.id);
      const convened = await sitting(a.id, body.id, term.id);
      const draft = await sitting(a.id, body.id, term.id, { status: 'draft' });
      const add = (sittingId: string, position: number, title: string, kind = 'procedural') =>
        repos.sittings.addAgendaItem({ councilId: a.id, sittingId, position, title, kind });
      const opening = await add(convened.id, 0, 'Otwarcie');
      const withdrawn = await add(convened.id, 1, 'Projekt wycofany', 'draft_resolution');
      const closing = await add(convened.id, 2, 'Zamknięcie');
      const draftItem = await add(draft.id, 0, 'Szkic');
      const created = clock();

      clock.advance(60_000);
      const removedAt = clock();
      const keep = (item: typeof opening, position: number) => ({
        id: item.id,
        parentId: null,
        position,
        title: item.title,
        kind: item.kind,
        description: null,
      });
      await repos.sittings.replaceAgenda(a.id, convened.id, [keep(opening, 0), keep(closing, 1)]);
      await repos.sittings.replaceAgenda(a.id, draft.id, []);

      const items = await repos.oparl.agendaItems({ councilId: a.id }, everything);
      expect(
        items.rows.map((item) => [item.title, item.deleted, item.modifiedAt.toISOString()]),
      ).toEqual([
        ['Otwarcie', false, created.toISOString()],
        [null, true, removedAt.toISOString()],
        ['Zamknięcie', false, removedAt.toISOString()],
      ]);
      expect(items.total).toBe(3);
      const gone = items.rows[1]!;
      expect(gone).toMatchObject({ id: withdrawn.id, kind: 'draft_resolution', position: 1 });
      expect(gone.createdAt.toISOString()).toBe(created.toISOString());
      // Only what changed since the removal: the tombstone and the item that moved up.
      const since = await repos.oparl.agendaItems(
        { councilId: a.id },
        { ...everything, modifiedSince: removedAt },
      );
      expect(since.rows.map((item) => item.id)).toEqual([withdrawn.id, closing.id]);
      const papers = await repos.oparl.agendaItems(
        { id: withdrawn.id },
        everything,
        'draft_resolution',
      );
      expect(papers.rows.map((item) => item.deleted)).toEqual([true]);
      expect((await repos.oparl.agendaItems({ id: draftItem.id }, everything)).rows).toEqual([]);
    });

    it('shows only what the public may see: no drafts, no private documents, no persons without a seat', async () => {
      const a = await council();
      const { body, term } = await plenary(a.id);
      const convened = await sitting(a.id, body.id, term.id);
      const draft = await sitting(a.id, body.id, term.id, { status: 'draft' });
      const document = (sittingId: string, title: string, isPublic: boolean) =>
        repos.documents.create({
          councilId: a.id,
          sittingId,
          agendaItemId: null,
          title,
          fileName: 'a.pdf',
          mediaType: 'application/pdf',
          sizeBytes: 1,
          sha256: 'b'.repeat(64),
          isPublic,
          createdByUserId: null,
        });
      await document(convened.id, 'Jawny', true);
      await document(convened.id, 'Poufny', false);
      await document(draft.id, 'Ze szkicu', true);
      const seated = await repos.persons.create({
        councilId: a.id,
        givenName: 'Anna',
        familyName: 'Nowak',
        email: 'anna@example.pl',
      });
      await repos.persons.addMembership({
        councilId: a.id,
        personId: seated.id,
        bodyId: body.id,
        termId: term.id,
        role: 'member',
        startsOn: '2024-05-07',
      });
      await repos.persons.create({ councilId: a.id, givenName: 'Jan', familyName: 'Biuro' });

      const meetings = await repos.oparl.meetings({ councilId: a.id }, everything);
      expect(meetings.rows.map((row) => row.id)).toEqual([convened.id]);
      expect(meetings.total).toBe(1);
      const files = await repos.oparl.files({ councilId: a.id }, everything);
      expect(files.rows.map((row) => row.title)).toEqual(['Jawny']);
      const persons = await repos.oparl.persons({ councilId: a.id }, everything);
      expect(persons.rows.map((row) => row.familyName)).toEqual(['Nowak']);
      expect(Object.keys(persons.rows[0]!)).not.toContain('email');
      // A page of one still counts them all.
      const page = await repos.oparl.memberships({ councilId: a.id }, { offset: 0, limit: 1 });
      expect([page.rows.length, page.total]).toEqual([1, 1]);
    });
  });

  describe('notices to members', () => {
    it('gathers changes into one waiting notice, keeps a convening one, and hands out what is due', async () => {
      const { id } = await council();
      const { body, term } = await plenary(id);
      const s = await sitting(id, body.id, term.id);
      const base = { councilId: id, sittingId: s.id, origin: 'https://rada.example' };
      await repos.notices.queue({ ...base, kind: 'convened', changes: [], dueAt: clock() });
      await repos.notices.queue({
        ...base,
        kind: 'changed',
        changes: [{ kind: 'document_added', title: 'A' }],
        dueAt: new Date(clock().getTime() + 60_000),
      });
      await repos.notices.queue({
        ...base,
        kind: 'changed',
        changes: [{ kind: 'document_added', title: 'B' }],
        dueAt: new Date(clock().getTime() + 120_000),
      });
      expect(await inTransaction(context, (tx) => tx.notices.lockDue(10))).toEqual([]);
      clock.advance(120_000);
      const [due] = await inTransaction(context, (tx) => tx.notices.lockDue(10));
      expect(due).toMatchObject({ kind: 'convened', changes: [{ title: 'A' }, { title: 'B' }] });
      await repos.notices.remove(s.id);
      expect(await inTransaction(context, (tx) => tx.notices.lockDue(10))).toEqual([]);
    });

    it('keeps each user’s notifications, newest first, until read', async () => {
      const { id } = await council();
      const { body, term } = await plenary(id);
      const s = await sitting(id, body.id, term.id);
      const user = await repos.users.create({
        councilId: id,
        email: 'anna@example.pl',
        passwordHash: 'x',
        displayName: 'Anna',
        language: 'pl',
      });
      const row = { councilId: id, userId: user.id, sittingId: s.id, changes: [] };
      await repos.notices.notify([{ ...row, kind: 'convened' }]);
      clock.advance(1_000);
      await repos.notices.notify([{ ...row, kind: 'changed' }]);
      const listed = await repos.notices.forUser(user.id, 10);
      expect(listed.map((n) => [n.kind, n.readAt])).toEqual([
        ['changed', null],
        ['convened', null],
      ]);
      await repos.notices.markRead(user.id, [listed[1]!.id]);
      expect((await repos.notices.forUser(user.id, 10)).map((n) => n.readAt !== null)).toEqual([
        false,
        true,
      ]);
      await repos.notices.markRead(user.id, null);
      expect((await repos.notices.forUser(user.id, 10)).every((n) => n.readAt !== null)).toBe(true);
    });
  });

  describe('sitting event log', () => {
    async function openSitting() {
      const { id } = await council();
      const { body, term } = await plenary(id);
      return { councilId: id, sitting: await sitting(id, body.id, term.id) };
    }
    const event = (type: string, payload: unknown = {}) => ({
      type,
      payload,
      actorUserId: null,
      at: new Date('2026-12-01T09:00:00Z'),
    });

    it('appends events with consecutive numbers and a hash chain that verifies', async () => {
      const { councilId, sitting: s } = await openSitting();
      await repos.sittingEvents.append(councilId, s.id, 0, [
        event('sitting.opened'),
        event('quorum.check_started', { seconds: 120 }),
      ]);
      await repos.sittingEvents.append(councilId, s.id, 2, [
        event('presence.confirmed', { memberId: 'm1', note: 'Łódź – тест' }),
      ]);
      const log = await repos.sittingEvents.listAfter(councilId, s.id);
      expect(log.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(log[1]!.prevHash).toBe(log[0]!.hash);
      expect(verifyChain(s.id, log)).toEqual({ ok: true, count: 3 });
      expect((await repos.sittingEvents.listAfter(councilId, s.id, 2)).map((e) => e.seq)).toEqual([
        3,
      ]);
    });

    it('refuses an append on a stale sequence number and writes nothing', async () => {
      const { councilId, sitting: s } = await openSitting();
      await repos.sittingEvents.append(councilId, s.id, 0, [event('sitting.opened')]);
      await expect(
        repos.sittingEvents.append(councilId, s.id, 0, [event('sitting.closed'), event('x')]),
      ).rejects.toBeInstanceOf(SequenceConflictError);
      expect(await repos.sittingEvents.listAfter(councilId, s.id)).toHaveLength(1);
    });

    it('lets exactly one of two concurrent appends at the same position win', async () => {
      const { councilId, sitting: s } = await openSitting();
      const results = await Promise.allSettled([
        repos.sittingEvents.append(councilId, s.id, 0, [event('a')]),
        repos.sittingEvents.append(councilId, s.id, 0, [event('b')]),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.reason).toBeInstanceOf(SequenceConflictError);
      expect(await repos.sittingEvents.listAfter(councilId, s.id)).toHaveLength(1);
    });

    it('reports the first event whose stored content was changed afterwards', async () => {
      const { councilId, sitting: s } = await openSitting();
      await repos.sittingEvents.append(councilId, s.id, 0, [
        event('sitting.opened'),
        event('vote.closed', { for: 14, against: 3 }),
        event('sitting.closed'),
      ]);
      await database().db.execute(
        sql`update sitting_events set payload = '{"for": 15, "against": 3}' where seq = 2`,
      );
      const log = await repos.sittingEvents.listAfter(councilId, s.id);
      expect(verifyChain(s.id, log)).toMatchObject({ ok: false, brokenAtSeq: 2 });
    });
  });

  describe('the public portal', () => {
    const event = (type: string, payload: unknown = {}) => ({
      type,
      payload,
      actorUserId: null,
      at: new Date('2026-12-01T09:00:00Z'),
    });
    const file = {
      agendaItemId: null,
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 10,
      sha256: 'a'.repeat(64),
      createdByUserId: null,
    };

    it('searches public agenda items and documents with diacritics, never drafts or private files', async () => {
      const { id: councilId } = await council();
      const { body, term } = await plenary(councilId);
      const held = await sitting(councilId, body.id, term.id, { status: 'closed' });
      const draft = await sitting(councilId, body.id, term.id, { status: 'draft' });
      const add = (sittingId: string, title: string, position = 0) =>
        repos.sittings.addAgendaItem({ councilId, sittingId, position, title });
      const item = await add(held.id, 'Uchwała w sprawie źródeł finansowania');
      await add(held.id, 'Zamknięcie sesji', 1);
      await add(draft.id, 'Szkic: źródeł finansowania');
      const shown = await repos.documents.create({
        ...file,
        councilId,
        sittingId: held.id,
        title: 'Projekt – źródeł',
        isPublic: true,
      });
      await repos.documents.create({
        ...file,
        councilId,
        sittingId: held.id,
        title: 'Notatka źródeł (wewnętrzna)',
        isPublic: false,
      });
      const [adopted] = await repos.resolutions.record([
        {
          councilId,
          sittingId: held.id,
          bodyId: body.id,
          termId: term.id,
          agendaItemId: item.id,
          voteId: 'v1',
          title: 'Uchwała w sprawie źródeł finansowania',
          adopted: true,
          seq: 1,
          number: 'I/1/2026',
          year: 2026,
          decidedAt: new Date('2026-12-01T10:00:00Z'),
        },
      ]);
      const hits = await repos.portal.search(councilId, 'źródeł', 10);
      expect(hits.map((hit) => [hit.source, hit.id, hit.itemId]).sort()).toEqual(
        [
          ['agenda_item', item.id, item.id],
          ['document', shown.id, null],
          ['resolution', adopted!.id, item.id],
        ].sort(),
      );
      expect(hits.find((hit) => hit.source === 'resolution')?.title).toBe(
        'I/1/2026 – Uchwała w sprawie źródeł finansowania',
      );
      // A resolution is found by its number too.
      expect((await repos.portal.search(councilId, 'I/1/2026', 10)).map((hit) => hit.id)).toEqual([
        adopted!.id,
      ]);
      expect(hits[0]!.startsAt).toEqual(held.startsAt);
      expect(hits[0]!.sittingId).toBe(held.id);
      // Case does not matter, the web search syntax works, and another council finds nothing.
      expect(await repos.portal.search(councilId, 'UCHWAŁA', 10)).toHaveLength(2);
      expect(await repos.portal.search(councilId, 'źródeł -projekt', 10)).toHaveLength(2);
      expect(await repos.portal.search(councilId, '"sesji zamknięcie"', 10)).toHaveLength(0);
      const other = await council('Rada Gminy Inna');
      expect(await repos.portal.search(other.id, 'źródeł', 10)).toEqual([]);
    });

    it('counts councils, active users, sittings, votes held and ballots cast', async () => {
      const { id: councilId } = await council();
      const { body, term } = await plenary(councilId);
      const held = await sitting(councilId, body.id, term.id);
      await sitting(councilId, body.id, term.id, { status: 'draft' });
      await repos.sittingEvents.append(councilId, held.id, 0, [
        event('sitting.opened'),
        event('vote.closed', { voteId: 'v1' }),
        event('vote.closed', { voteId: 'v2' }),
      ]);
      const ballot = { councilId, sittingId: held.id, enteredByUserId: null, proxyReason: null };
      await repos.ballots.insertMany([
        { ...ballot, voteId: 'v1', memberId: 'a', choice: 'for', castAt: clock() },
        { ...ballot, voteId: 'v1', memberId: 'b', choice: 'against', castAt: clock() },
      ]);
      await repos.ballots.insertSecretMany([
        { councilId, sittingId: held.id, voteId: 'v2', memberId: 'a', choice: 'for' },
      ]);
      const user = (email: string) =>
        repos.users.create({
          councilId,
          email,
          passwordHash: 'x',
          displayName: email,
          language: 'pl',
        });
      await user('a@wierzbow.example');
      const gone = await user('b@wierzbow.example');
      await repos.users.setDeactivated(councilId, gone.id, clock());
      expect(await repos.portal.statistics()).toEqual({
        councils: 1,
        users: 1,
        sittings: 1,
        votes: 2,
        ballots: 3,
      });
    });

    it('lists upcoming sittings of every council, not drafts nor closed ones', async () => {
      const { id: councilId } = await council();
      const { body, term } = await plenary(councilId);
      const soon = await sitting(councilId, body.id, term.id);
      await sitting(councilId, body.id, term.id, { status: 'draft' });
      await sitting(councilId, body.id, term.id, { status: 'closed' });
      const live = await sitting(councilId, body.id, term.id, {
        status: 'open',
        startsAt: new Date('2026-11-01T09:00:00Z'),
      });
      const upcoming = await repos.portal.upcomingSittings(clock(), 10);
      expect(upcoming.map((row) => row.id)).toEqual([live.id, soon.id]);
      expect(upcoming[0]).toMatchObject({ bodyName: 'Rada Miejska', timeZone: 'Europe/Warsaw' });
    });

    it('finds the logged sittings a person was a member of, and those they attended', async () => {
      const { id: councilId } = await council();
      const { body, term } = await plenary(councilId);
      const anna = await repos.persons.create({
        councilId,
        givenName: 'Anna',
        familyName: 'Nowak',
      });
      await repos.persons.addMembership({
        councilId,
        personId: anna.id,
        bodyId: body.id,
        role: 'member',
        startsOn: '2024-05-07',
      });
      const setup = (ids: string[]) => ({ members: ids.map((id) => ({ id, name: id })) });
      const attended = await sitting(councilId, body.id, term.id);
      const missed = await sitting(councilId, body.id, term.id, {
        startsAt: new Date('2026-12-08T09:00:00Z'),
      });
      const notMember = await sitting(councilId, body.id, term.id);
      const noLog = await sitting(councilId, body.id, term.id);
      await repos.sittings.freezeLogSetup(councilId, attended.id, setup([anna.id, 'x']));
      await repos.sittings.freezeLogSetup(councilId, missed.id, setup([anna.id]));
      await repos.sittings.freezeLogSetup(councilId, notMember.id, setup(['x']));
      await repos.sittings.freezeLogSetup(councilId, noLog.id, setup([anna.id]));
      await repos.sittingEvents.append(councilId, attended.id, 0, [
        event('presence.marked', { memberId: anna.id, present: true }),
      ]);
      await repos.sittingEvents.append(councilId, missed.id, 0, [
        event('presence.marked', { memberId: anna.id, present: false }),
        event('presence.confirmed', { memberId: 'x' }),
      ]);
      await repos.sittingEvents.append(councilId, notMember.id, 0, [event('sitting.opened')]);
      const logged = await repos.portal.loggedSittingsOfMember(councilId, anna.id);
      expect(logged.map((row) => row.id)).toEqual([attended.id, missed.id]);
      expect(
        await repos.portal.sittingsAttended(
          logged.map((row) => row.id),
          anna.id,
        ),
      ).toEqual(new Set([attended.id]));
      expect(await repos.portal.membershipsOf(councilId, anna.id)).toEqual([
        {
          bodyId: body.id,
          bodyName: 'Rada Miejska',
          role: 'member',
          startsOn: '2024-05-07',
          endsOn: null,
        },
      ]);
      expect((await repos.portal.councillors(councilId)).map((person) => person.id)).toEqual([
        anna.id,
      ]);
      expect(await repos.portal.person(anna.id)).toMatchObject({ councilId, familyName: 'Nowak' });
    });
  });

  describe('command ids', () => {
    it('records several outcomes at once, or none when one id was taken meanwhile', async () => {
      const { id: councilId } = await council();
      const { body, term } = await plenary(councilId);
      const { id: sittingId } = await sitting(councilId, body.id, term.id);
      const record = (commandId: string, outcome: unknown) => ({
        councilId,
        sittingId,
        commandId,
        actorUserId: null,
        type: 'presence.confirm',
        outcome,
      });
      await repos.sittingCommands.recordAll([record('c-1', { seq: 1 }), record('c-2', { seq: 2 })]);
      await expect(
        repos.sittingCommands.recordAll([record('c-3', { seq: 3 }), record('c-2', { seq: 9 })]),
      ).rejects.toSatisfy((error: unknown) => hasPgCode(error, UNIQUE_VIOLATION));
      const found = await repos.sittingCommands.findMany(sittingId, ['c-1', 'c-2', 'c-3']);
      expect(
        found
          .map((row) => [row.commandId, row.outcome])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      ).toEqual([
        ['c-1', { seq: 1 }],
        ['c-2', { seq: 2 }],
      ]);
      expect(await repos.sittingCommands.findMany(sittingId, [])).toEqual([]);
    });
  });

  describe('council administration', () => {
    const settings = {
      name: 'Rada Gminy Nowa',
      country: 'PL' as const,
      languages: ['pl' as const],
      defaultLanguage: 'pl' as const,
      timeZone: 'Europe/Warsaw',
      quorumRule: 'more_than_half' as const,
      majorityPreset: 'pl.absolute_valid',
      resolutionNumberPattern: '{seq}/{year}',
      ballotChangeAllowed: true,
      speechRequestDeadlineDays: 7,
    };

    it('saves settings only over the version read, moving to the next', async () => {
      const created = await council();
      expect(created.version).toBe(1);
      clock.advance(1000);
      const saved = await repos.councils.updateSettings(created.id, 1, settings);
      expect(saved).toMatchObject({ ...settings, version: 2 });
      expect(saved!.updatedAt.getTime()).toBe(created.updatedAt.getTime() + 1000);
      expect(
        await repos.councils.updateSettings(created.id, 1, { ...settings, name: 'Stale' }),
      ).toBeUndefined();
      expect(await repos.councils.findById(created.id)).toMatchObject({ name: settings.name });
    });

    it('changes bodies, terms, persons and seats of one council only', async () => {
      const a = await council('Alfa');
      const b = await council('Beta');
      const { body, term } = await plenary(a.id);
      const person = await repos.persons.create({
        councilId: a.id,
        givenName: 'A',
        familyName: 'Z',
      });
      const seat = await repos.persons.addMembership({
        councilId: a.id,
        personId: person.id,
        bodyId: body.id,
        termId: term.id,
        role: 'member',
        startsOn: '2024-05-07',
      });
      const bodyInput = {
        name: 'X',
        kind: 'committee' as const,
        statutorySize: 3,
        quorumRule: 'more_than_half' as const,
      };
      expect(await repos.bodies.update(b.id, body.id, bodyInput)).toBeUndefined();
      expect(
        await repos.terms.update(b.id, term.id, { name: 'X', startsOn: '2020-01-01' }),
      ).toBeUndefined();
      expect(
        await repos.persons.update(b.id, person.id, { givenName: 'X', familyName: 'X' }),
      ).toBeUndefined();
      const seatChange = { role: 'chair' as const, startsOn: '2024-05-07', endsOn: '2025-01-01' };
      expect(await repos.persons.updateMembership(b.id, seat.id, seatChange)).toBeUndefined();
      expect(await repos.terms.findById(b.id, term.id)).toBeUndefined();
      expect(await repos.persons.findById(b.id, person.id)).toBeUndefined();
      expect(await repos.persons.findMembership(b.id, seat.id)).toBeUndefined();
      expect(await repos.terms.listForCouncil(b.id)).toEqual([]);
      expect(await repos.persons.listForCouncil(b.id)).toEqual([]);
      expect(await repos.persons.membershipsOfCouncil(b.id)).toEqual([]);

      expect(await repos.bodies.update(a.id, body.id, bodyInput)).toMatchObject(bodyInput);
      expect(
        await repos.terms.update(a.id, term.id, {
          name: 'T',
          startsOn: '2024-05-01',
          endsOn: '2029-04-30',
        }),
      ).toMatchObject({ startsOn: '2024-05-01', endsOn: '2029-04-30' });
      expect(
        await repos.persons.update(a.id, person.id, {
          givenName: 'Anna',
          familyName: 'Nowak',
          email: 'anna@example.org',
        }),
      ).toMatchObject({ email: 'anna@example.org' });
      const ended = await repos.persons.updateMembership(a.id, seat.id, seatChange);
      expect(ended).toMatchObject({ id: seat.id, role: 'chair', endsOn: '2025-01-01' });
      expect(await repos.persons.membershipsOfBody(a.id, body.id)).toEqual([ended]);
      expect(await repos.persons.membershipsOfCouncil(a.id)).toEqual([ended]);
    });

    it('refuses a seat that ends before it starts', async () => {
      const a = await council();
      const { body, term } = await plenary(a.id);
      const person = await repos.persons.create({
        councilId: a.id,
        givenName: 'A',
        familyName: 'Z',
      });
      const seat = await repos.persons.addMembership({
        councilId: a.id,
        personId: person.id,
        bodyId: body.id,
        termId: term.id,
        role: 'member',
        startsOn: '2024-05-07',
      });
      await expect(
        repos.persons.updateMembership(a.id, seat.id, {
          role: 'member',
          startsOn: '2024-05-07',
          endsOn: '2024-05-06',
        }),
      ).rejects.toSatisfy((error: unknown) => hasPgCode(error, CHECK_VIOLATION));
    });

    it('holds a council’s lock until the transaction ends', async () => {
      const a = await council();
      const order: string[] = [];
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = inTransaction(context, async (tx) => {
        expect((await tx.councils.lock(a.id))?.id).toBe(a.id);
        order.push('first locked');
        await held;
        order.push('first done');
      });
      // Let the first take its lock before the second asks for it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const second = inTransaction(context, async (tx) => {
        await tx.councils.lock(a.id);
        order.push('second locked');
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['first locked', 'first done', 'second locked']);
      expect(await repos.councils.lock('00000000-0000-4000-8000-00000000ffff')).toBeUndefined();
    });
  });

  describe('transactions', () => {
    it('rolls back every write of a failed unit of work', async () => {
      const attempt = inTransaction(context, async (tx) => {
        await tx.councils.create({
          name: 'Temp',
          country: 'BG',
          languages: ['bg'],
          defaultLanguage: 'bg',
          timeZone: 'Europe/Sofia',
          quorumRule: 'more_than_half',
          majorityPreset: 'bg.majority_present',
          resolutionNumberPattern: '{seq}',
        });
        throw new Error('abort');
      });
      await expect(attempt).rejects.toThrow('abort');
      expect(await repos.councils.list()).toEqual([]);
    });
  });

  describe('account administration', () => {
    async function invited(councilId: string, email: string) {
      return repos.users.create({
        councilId,
        email,
        passwordHash: NO_PASSWORD,
        displayName: email.split('@')[0]!,
        language: 'pl',
      });
    }

    it('lists a council’s accounts with their roles there, never another council’s', async () => {
      const a = await council('Alfa');
      const b = await council('Beta');
      const zofia = await invited(a.id, 'zofia@example.org');
      const adam = await invited(a.id, 'adam@example.org');
      const other = await invited(b.id, 'other@example.org');
      await repos.users.setRoles(a.id, zofia.id, ['operator', 'chair']);
      await repos.users.grantRole(b.id, zofia.id, 'councillor');
      await repos.users.setRoles(b.id, other.id, ['council_admin']);
      const listed = await repos.users.listForCouncil(a.id);
      expect(listed.map(({ user, roles }) => [user.email, roles])).toEqual([
        ['adam@example.org', []],
        ['zofia@example.org', ['chair', 'operator']],
      ]);
      // Roles are replaced, and only in the council named.
      await repos.users.setRoles(a.id, zofia.id, ['councillor']);
      expect(await repos.users.councilsOf(zofia.id)).toEqual([
        { councilId: a.id, councilName: 'Alfa', roles: ['councillor'] },
        { councilId: b.id, councilName: 'Beta', roles: ['councillor'] },
      ]);
      expect(await repos.users.findInCouncil(b.id, adam.id)).toBeUndefined();
      expect((await repos.users.findInCouncil(a.id, adam.id))?.email).toBe('adam@example.org');
    });

    it('deactivates only within the council, sets a password, and ends a user’s sessions', async () => {
      const a = await council('Alfa');
      const b = await council('Beta');
      const user = await invited(a.id, 'zofia@example.org');
      expect(hasPassword(user)).toBe(false);
      await repos.users.setPassword(user.id, '$argon2id$v=19$fake');
      expect(hasPassword((await repos.users.findById(user.id))!)).toBe(true);

      await repos.users.setDeactivated(b.id, user.id, clock());
      expect((await repos.users.findById(user.id))?.deactivatedAt).toBeNull();
      await repos.users.setDeactivated(a.id, user.id, clock());
      expect((await repos.users.findById(user.id))?.deactivatedAt).toEqual(clock());
      await repos.users.setDeactivated(a.id, user.id, null);
      expect((await repos.users.findById(user.id))?.deactivatedAt).toBeNull();

      const expiresAt = new Date(clock().getTime() + 3_600_000);
      const one = await repos.loginSessions.create({
        userId: user.id,
        councilId: a.id,
        tokenHash: 'h1',
        expiresAt,
      });
      const two = await repos.loginSessions.create({
        userId: user.id,
        councilId: a.id,
        tokenHash: 'h2',
        expiresAt,
      });
      expect((await repos.loginSessions.deleteForUser(user.id)).sort()).toEqual(
        [one.id, two.id].sort(),
      );
      expect(await repos.loginSessions.findActive('h1')).toBeUndefined();
    });

    it('keeps one working password link per user and purpose, used once, before it expires', async () => {
      const a = await council('Alfa');
      const user = await invited(a.id, 'zofia@example.org');
      const link = (tokenHash: string) => ({
        councilId: a.id,
        userId: user.id,
        purpose: 'invitation' as const,
        tokenHash,
        createdByUserId: null,
        expiresAt: new Date(clock().getTime() + 60_000),
      });
      await repos.passwordTokens.replace(link('first'));
      const second = await repos.passwordTokens.replace(link('second'));
      expect(await repos.passwordTokens.consume('first')).toBeUndefined();
      expect((await repos.passwordTokens.openOf(a.id, 'invitation')).get(user.id)).toEqual(
        second.expiresAt,
      );
      expect((await repos.passwordTokens.consume('second'))?.userId).toBe(user.id);
      expect(await repos.passwordTokens.consume('second')).toBeUndefined();
      expect((await repos.passwordTokens.openOf(a.id, 'invitation')).size).toBe(0);

      await repos.passwordTokens.replace(link('third'));
      clock.advance(60_000);
      expect(await repos.passwordTokens.consume('third')).toBeUndefined();
      const badPurpose = repos.passwordTokens.replace({
        ...link('fourth'),
        purpose: 'welcome' as 'invitation',
      });
      await expect(badPurpose).rejects.toSatisfy((error: unknown) =>
        hasPgCode(error, CHECK_VIOLATION),
      );
    });

    it('lists the public sittings of a council or of one body, never a draft or another council’s', async () => {
      const a = await council('Alfa');
      const b = await council('Beta');
      const { body, term } = await plenary(a.id);
      const committee = await repos.bodies.create({
        councilId: a.id,
        name: 'Komisja Budżetu',
        kind: 'committee',
        statutorySize: 5,
        quorumRule: 'at_least_half',
      });
      const other = await plenary(b.id);
      const later = await sitting(a.id, body.id, term.id, {
        startsAt: new Date('2026-12-08T09:00:00Z'),
      });
      const sooner = await sitting(a.id, committee.id, term.id);
      await sitting(a.id, body.id, term.id, { status: 'draft' });
      await sitting(b.id, other.body.id, other.term.id);
      const all = await repos.sittings.publicOfCouncil(a.id);
      expect(all.map((row) => [row.id, row.bodyName, row.councilName])).toEqual([
        [sooner.id, 'Komisja Budżetu', 'Alfa'],
        [later.id, 'Rada Miejska', 'Alfa'],
      ]);
      expect(
        (await repos.sittings.publicOfCouncil(a.id, committee.id)).map((row) => row.id),
      ).toEqual([sooner.id]);
      // Another council's body through this council's scope: nothing.
      expect(await repos.sittings.publicOfCouncil(a.id, other.body.id)).toEqual([]);
      expect((await repos.bodies.locate(committee.id))?.councilId).toBe(a.id);
      const person = await repos.persons.create({
        councilId: a.id,
        givenName: 'E',
        familyName: 'L',
      });
      expect((await repos.persons.findById(a.id, person.id))?.givenName).toBe('E');
      expect(await repos.persons.findById(b.id, person.id)).toBeUndefined();
    });
  });

  describe('interpellations', () => {
    async function filing(councilId: string, personId: string, year = 2026) {
      return repos.interpellations.create({
        councilId,
        year,
        kind: 'interpellation',
        authorPersonId: personId,
        filedByUserId: null,
        addressee: 'Burmistrz',
        subject: 'Oświetlenie ulicy Lipowej',
        text: 'Proszę o informację.',
        filedOn: '2026-11-20',
        deadline: '2026-12-04',
      });
    }

    it('numbers per council and year, lists with the author, answers at a version only', async () => {
      const { id: councilId } = await council();
      const author = await repos.persons.create({
        councilId,
        givenName: 'Anna',
        familyName: 'Nowak',
      });
      const first = await filing(councilId, author.id);
      const second = await filing(councilId, author.id);
      const nextYear = await filing(councilId, author.id, 2027);
      expect([first.seq, second.seq, nextYear.seq]).toEqual([1, 2, 1]);
      const listed = await repos.interpellations.listForCouncil(councilId, { year: 2026 });
      expect(listed.map((row) => row.seq)).toEqual([2, 1]);
      expect(listed[0]?.authorFamilyName).toBe('Nowak');
      expect(
        await repos.interpellations.listForCouncil(councilId, { authorPersonId: councilId }),
      ).toEqual([]);

      const office = await repos.users.create({
        councilId,
        email: 'biuro@wierzbow.example',
        passwordHash: NO_PASSWORD,
        displayName: 'Biuro',
        language: 'pl',
      });
      const answer = {
        answerText: 'Odpowiedź',
        answeredOn: '2026-11-21',
        answeredByUserId: office.id,
      };
      const answered = await repos.interpellations.answer(councilId, first.id, 1, answer);
      expect(answered?.version).toBe(2);
      expect(answered?.answerText).toBe('Odpowiedź');
      // A stale version writes nothing.
      expect(
        await repos.interpellations.answer(councilId, first.id, 1, {
          ...answer,
          answerText: 'Nadpisana',
        }),
      ).toBeUndefined();
      expect((await repos.interpellations.findInCouncil(councilId, first.id))?.answerText).toBe(
        'Odpowiedź',
      );
    });

    it('never shows or answers another council’s, and keeps files per council', async () => {
      const { id: councilId } = await council();
      const other = await council('Rada Gminy Inna');
      const author = await repos.persons.create({
        councilId,
        givenName: 'Anna',
        familyName: 'Nowak',
      });
      const row = await filing(councilId, author.id);
      expect(await repos.interpellations.listForCouncil(other.id)).toEqual([]);
      expect(await repos.interpellations.findInCouncil(other.id, row.id)).toBeUndefined();
      expect(await repos.interpellations.locate(row.id)).toEqual({ councilId });
      // An author who is not a person of the council is refused by the database itself.
      const stranger = await repos.persons.create({
        councilId: other.id,
        givenName: 'X',
        familyName: 'Y',
      });
      await expect(filing(councilId, stranger.id)).rejects.toSatisfy((error) =>
        hasPgCode(error, FOREIGN_KEY_VIOLATION),
      );
      const file = {
        councilId,
        interpellationId: row.id,
        role: 'question' as const,
        title: 'Zdjęcie',
        fileName: 'a.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 10,
        sha256: 'b'.repeat(64),
        createdByUserId: null,
      };
      const added = await repos.interpellations.addFile(file);
      expect((await repos.interpellations.filesOf(councilId, [row.id])).map((f) => f.id)).toEqual([
        added.id,
      ]);
      expect(await repos.interpellations.filesOf(other.id, [row.id])).toEqual([]);
      expect((await repos.interpellations.findFile(added.id))?.title).toBe('Zdjęcie');
      await expect(
        repos.interpellations.addFile({ ...file, councilId: other.id }),
      ).rejects.toSatisfy((error) => hasPgCode(error, FOREIGN_KEY_VIOLATION));
      await expect(repos.interpellations.addFile({ ...file, sha256: 'bad' })).rejects.toSatisfy(
        (error) => hasPgCode(error, CHECK_VIOLATION),
      );
      await expect(
        repos.interpellations.create({
          councilId,
          year: 2026,
          kind: 'petition' as 'question',
          authorPersonId: author.id,
          filedByUserId: null,
          addressee: 'Burmistrz',
          subject: 'S',
          text: 'T',
          filedOn: '2026-11-20',
          deadline: '2026-11-20',
        }),
      ).rejects.toSatisfy((error) => hasPgCode(error, CHECK_VIOLATION));
    });
  });

  describe('resolutions register', () => {
    it('numbers per body and term, lists with names by filter and words, never another council’s', async () => {
      const { id: councilId } = await council();
      const { body, term } = await plenary(councilId);
      const held = await sitting(councilId, body.id, term.id, { status: 'closed' });
      const items = [];
      for (const [position, title] of [
        'Projekt uchwały w sprawie zmian w budżecie gminy',
        'Projekt uchwały w sprawie nadania nazwy ulicy Źródlanej',
      ].entries()) {
        items.push(
          await repos.sittings.addAgendaItem({
            councilId,
            sittingId: held.id,
            position,
            title,
            kind: 'draft_resolution',
          }),
        );
      }
      expect(await repos.resolutions.nextSeq(councilId, body.id, term.id)).toBe(1);
      const common = {
        councilId,
        sittingId: held.id,
        bodyId: body.id,
        termId: term.id,
        year: 2026,
        decidedAt: new Date('2026-12-01T10:00:00Z'),
      };
      await repos.resolutions.record([
        {
          ...common,
          agendaItemId: items[0]!.id,
          voteId: 'v1',
          title: items[0]!.title,
          adopted: true,
          seq: 1,
          number: 'I/1/2026',
        },
        {
          ...common,
          agendaItemId: items[1]!.id,
          voteId: 'v2',
          title: items[1]!.title,
          adopted: false,
          seq: null,
          number: null,
        },
      ]);
      expect(await repos.resolutions.nextSeq(councilId, body.id, term.id)).toBe(2);
      const page = { limit: 50, offset: 0 };
      const all = await repos.resolutions.list(councilId, page);
      expect(all.total).toBe(2);
      expect(all.rows[0]).toMatchObject({ bodyName: 'Rada Miejska', termName: '2024-2029' });
      const found = await repos.resolutions.list(councilId, { ...page, query: 'budżecie' });
      expect(found.rows.map((row) => row.voteId)).toEqual(['v1']);
      const byNumber = await repos.resolutions.list(councilId, { ...page, query: 'I/1/2026' });
      expect(byNumber.rows.map((row) => row.voteId)).toEqual(['v1']);
      const rejected = await repos.resolutions.list(councilId, { ...page, adopted: false });
      expect(rejected.rows.map((row) => row.voteId)).toEqual(['v2']);
      expect((await repos.resolutions.list(councilId, { ...page, year: 2025 })).total).toBe(0);

      const other = await council('Общински съвет');
      expect((await repos.resolutions.list(other.id, page)).total).toBe(0);
      // A number for a rejected draft, or none for an adopted one, is refused; so is a second
      // entry for one agenda item.
      await expect(
        repos.resolutions.record([
          {
            ...common,
            agendaItemId: items[1]!.id,
            voteId: 'v3',
            title: 't',
            adopted: true,
            seq: null,
            number: null,
          },
        ]),
      ).rejects.toSatisfy(
        (error) => hasPgCode(error, CHECK_VIOLATION) || hasPgCode(error, UNIQUE_VIOLATION),
      );
      await expect(
        repos.resolutions.record([
          {
            ...common,
            agendaItemId: items[0]!.id,
            voteId: 'v4',
            title: 't',
            adopted: true,
            seq: 2,
            number: 'I/2/2026',
          },
        ]),
      ).rejects.toSatisfy((error) => hasPgCode(error, UNIQUE_VIOLATION));
    });
  });

  describe('residents’ requests to speak', () => {
    async function convened() {
      const { id: councilId } = await council();
      const { body, term } = await plenary(councilId);
      const held = await sitting(councilId, body.id, term.id);
      const item = await repos.sittings.addAgendaItem({
        councilId,
        sittingId: held.id,
        position: 0,
        title: 'Wolne wnioski mieszkańców',
        kind: 'residents_speeches',
      });
      return { councilId, sittingId: held.id, itemId: item.id };
    }
    const filing = (
      at: { councilId: string; sittingId: string; itemId: string },
      email: string,
      token: string,
    ) => ({
      councilId: at.councilId,
      sittingId: at.sittingId,
      agendaItemId: at.itemId,
      itemTitle: 'Wolne wnioski mieszkańców',
      name: 'Anna Nowak',
      email,
      emailNormalized: email.toLowerCase(),
      language: 'pl',
      summary: 'O remoncie ulicy Źródlanej',
      attachment: null,
      verificationTokenHash: token.repeat(64),
    });

    it('keeps one request per address and item, verifies once, and is decided once', async () => {
      const at = await convened();
      const filed = await repos.speechRequests.create(filing(at, 'Anna@Example.PL', 'a'));
      expect(filed).toMatchObject({ status: 'unverified', verifiedAt: null, reviewedAt: null });
      await expect(
        repos.speechRequests.create(filing(at, 'anna@example.pl', 'b')),
      ).rejects.toSatisfy((error) => hasPgCode(error, UNIQUE_VIOLATION));
      expect(
        (await repos.speechRequests.findSame(at.sittingId, at.itemId, 'anna@example.pl'))?.id,
      ).toBe(filed.id);
      expect((await repos.speechRequests.findByTokenHash('a'.repeat(64)))?.id).toBe(filed.id);
      expect(await repos.speechRequests.countByAddressSince('anna@example.pl', clock())).toBe(1);

      // Not yet verified: the office cannot decide on it.
      expect(await repos.speechRequests.markVerified(filed.id)).toBe(true);
      expect(await repos.speechRequests.markVerified(filed.id)).toBe(false);
      const user = await repos.users.create({
        councilId: at.councilId,
        email: 'biuro@wierzbow.example',
        displayName: 'Biuro Rady',
        passwordHash: NO_PASSWORD,
        language: 'pl',
      });
      const review = {
        status: 'approved' as const,
        rejectionReason: null,
        reviewedByUserId: user.id,
      };
      const approved = await repos.speechRequests.review(at.councilId, filed.id, review);
      expect(approved).toMatchObject({ status: 'approved', rejectionReason: null });
      expect(
        await repos.speechRequests.review(at.councilId, filed.id, {
          status: 'rejected',
          rejectionReason: 'Za późno',
          reviewedByUserId: user.id,
        }),
      ).toBeUndefined();
      expect(
        (await repos.speechRequests.approvedForItems(at.councilId, at.sittingId, [at.itemId])).map(
          (row) => row.id,
        ),
      ).toEqual([filed.id]);
      // Never another council's.
      const other = await council('Общински съвет Кюстендил');
      expect(await repos.speechRequests.listForSitting(other.id, at.sittingId)).toEqual([]);
      expect(await repos.speechRequests.review(other.id, filed.id, review)).toBeUndefined();
    });

    it('refuses a rejection without its reason and a decision on an unverified request', async () => {
      const at = await convened();
      const filed = await repos.speechRequests.create(filing(at, 'jan@example.pl', 'c'));
      await expect(
        database().db.execute(
          sql`update speech_requests set status = 'rejected', reviewed_at = now() where id = ${filed.id}`,
        ),
      ).rejects.toSatisfy((error) => hasPgCode(error, CHECK_VIOLATION));
      await expect(
        database().db.execute(
          sql`update speech_requests set status = 'pending' where id = ${filed.id}`,
        ),
      ).rejects.toSatisfy((error) => hasPgCode(error, CHECK_VIOLATION));
    });

    it('keeps the request with its title when the office removes the item', async () => {
      const at = await convened();
      const filed = await repos.speechRequests.create(filing(at, 'ewa@example.pl', 'd'));
      await repos.sittings.replaceAgenda(at.councilId, at.sittingId, []);
      const [kept] = await repos.speechRequests.listForSitting(at.councilId, at.sittingId);
      expect(kept).toMatchObject({ id: filed.id, agendaItemId: null });
      expect(kept?.itemTitle).toBe('Wolne wnioski mieszkańców');
    });
  });

  describe('consultations', () => {
    const SURVEY = {
      questions: [{ id: 'q', kind: 'scale', prompt: 'Q', required: true, min: 1, max: 5 }],
    };
    async function consultation(councilId: string) {
      return repos.consultations.create(
        councilId,
        {
          subject: 'Park na Rynku',
          description: 'Projekt uchwały',
          startsAt: new Date('2026-12-01T08:00:00Z'),
          endsAt: new Date('2026-12-31T16:00:00Z'),
          agendaItemId: null,
          survey: SURVEY,
        },
        null,
      );
    }
    const resident = (councilId: string, consultationId: string, email: string, token: string) => ({
      councilId,
      consultationId,
      name: 'Ana Kowal',
      email,
      emailNormalized: email.trim().toLowerCase(),
      consentToPublishName: false,
      language: 'pl' as const,
      tokenHash: token,
    });

    it('keeps a council\u2019s retention days: 90 by default, a save that leaves them out keeps them', async () => {
      const created = await council();
      expect(created.consultationRetentionDays).toBe(90);
      const { id, version } = created;
      const settings = {
        name: created.name,
        country: 'PL' as const,
        languages: ['pl' as const],
        defaultLanguage: 'pl' as const,
        timeZone: created.timeZone,
        quorumRule: 'at_least_half' as const,
        majorityPreset: created.majorityPreset,
        resolutionNumberPattern: created.resolutionNumberPattern,
        ballotChangeAllowed: false,
        speechRequestDeadlineDays: 3,
      };
      const saved = await repos.councils.updateSettings(id, version, {
        ...settings,
        consultationRetentionDays: 30,
      });
      expect(saved?.consultationRetentionDays).toBe(30);
      const kept = await repos.councils.updateSettings(id, version + 1, {
        ...settings,
        consultationRetentionDays: undefined,
      });
      expect(kept?.consultationRetentionDays).toBe(30);
      await expect(
        repos.councils.updateSettings(id, version + 2, {
          ...settings,
          consultationRetentionDays: 4000,
        }),
      ).rejects.toSatisfy((error) => hasPgCode(error, CHECK_VIOLATION));
    });

    it('saves at a version only, publishes once, lists the published for the public', async () => {
      const { id: councilId } = await council();
      const draft = await consultation(councilId);
      expect(draft.version).toBe(1);
      expect(await repos.consultations.listForCouncil(councilId, true)).toEqual([]);
      const fields = {
        subject: 'Park',
        description: '',
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        agendaItemId: null,
        survey: SURVEY,
      };
      const saved = await repos.consultations.update(councilId, draft.id, 1, fields);
      expect(saved?.version).toBe(2);
      expect(await repos.consultations.update(councilId, draft.id, 1, fields)).toBeNull();
      const published = await repos.consultations.publish(councilId, draft.id, 2);
      expect(published?.publishedAt?.toISOString()).toBe('2026-11-20T09:00:00.000Z');
      expect((await repos.consultations.listForCouncil(councilId, true)).map((c) => c.id)).toEqual([
        draft.id,
      ]);
      const other = await council('Rada Gminy Lipno');
      expect(await repos.consultations.findById(other.id, draft.id)).toBeUndefined();
      // The database keeps the period in order.
      await expect(
        repos.consultations.update(councilId, draft.id, 3, { ...fields, endsAt: draft.startsAt }),
      ).rejects.toSatisfy((error) => hasPgCode(error, CHECK_VIOLATION));
    });

    it('keeps one response per resident: the same address in another case is refused by the database', async () => {
      const { id: councilId } = await council();
      const { id } = await consultation(councilId);
      await repos.consultations.createResponse({
        ...resident(councilId, id, 'Ana@Example.org', 'a'.repeat(64)),
        answers: { q: 4 },
      });
      await expect(
        repos.consultations.createResponse({
          ...resident(councilId, id, ' ana@example.ORG', 'b'.repeat(64)),
          answers: { q: 1 },
        }),
      ).rejects.toSatisfy((error) => hasPgCode(error, UNIQUE_VIOLATION));
      // Even when the code forgets to normalise, the same stored form collides.
      await expect(
        database().db.execute(
          sql`insert into consultation_responses (id, council_id, consultation_id, name, email, email_normalized, answers, language, created_at, updated_at)
              values (gen_random_uuid(), ${councilId}, ${id}, 'X', 'x', 'ana@example.org', '{}', 'pl', now(), now())`,
        ),
      ).rejects.toSatisfy((error) => hasPgCode(error, UNIQUE_VIOLATION));
      const second = await consultation(councilId);
      await repos.consultations.createResponse({
        ...resident(councilId, second.id, 'ana@example.org', 'c'.repeat(64)),
        answers: { q: 2 },
      });
      expect((await repos.consultations.countsFor([id, second.id])).get(id)).toEqual({
        responses: 0,
        opinions: 0,
      });
    });

    it('verifies by link, counts verified ones, hides an opinion with its reason on record', async () => {
      const { id: councilId } = await council();
      const { id } = await consultation(councilId);
      const response = await repos.consultations.createResponse({
        ...resident(councilId, id, 'ana@example.org', 'a'.repeat(64)),
        answers: { q: 4 },
      });
      expect((await repos.consultations.findResponseByToken('a'.repeat(64)))?.id).toBe(response.id);
      clock.advance(60_000);
      const verified = await repos.consultations.verifyResponse(response.id);
      clock.advance(60_000);
      await repos.consultations.verifyResponse(response.id);
      expect((await repos.consultations.findResponseByToken('a'.repeat(64)))?.verifiedAt).toEqual(
        verified?.verifiedAt,
      );
      const opinion = await repos.consultations.createOpinion({
        ...resident(councilId, id, 'ana@example.org', 'd'.repeat(64)),
        text: 'Więcej drzew',
        attachment: null,
      });
      await repos.consultations.verifyOpinion(opinion.id);
      expect((await repos.consultations.countsFor([id])).get(id)).toEqual({
        responses: 1,
        opinions: 1,
      });
      const office = await repos.users.create({
        councilId,
        email: 'biuro@wierzbow.example',
        passwordHash: NO_PASSWORD,
        displayName: 'Biuro',
        language: 'pl',
      });
      const hidden = await repos.consultations.hideOpinion(
        councilId,
        opinion.id,
        office.id,
        'Obraźliwe',
      );
      expect(hidden).toMatchObject({ hiddenReason: 'Obraźliwe', hiddenByUserId: office.id });
      const again = await repos.consultations.hideOpinion(councilId, opinion.id, office.id, 'Inny');
      expect(again?.hiddenReason).toBe('Obraźliwe');
    });

    it('erases names and e-mails after the retention period, keeping the answers', async () => {
      const { id: councilId } = await council();
      const { id } = await consultation(councilId);
      await repos.consultations.createResponse({
        ...resident(councilId, id, 'ana@example.org', 'a'.repeat(64)),
        answers: { q: 4 },
      });
      await repos.consultations.createOpinion({
        ...resident(councilId, id, 'ana@example.org', 'd'.repeat(64)),
        text: 'Więcej drzew',
        attachment: null,
      });
      // Ends 2026-12-31T16:00Z; the council keeps data 90 days by default.
      expect(await repos.consultations.dueForErasure(new Date('2027-03-31T15:59:59Z'))).toEqual([]);
      const due = await repos.consultations.dueForErasure(new Date('2027-03-31T16:00:00Z'));
      expect(due.map((c) => c.id)).toEqual([id]);
      expect(await repos.consultations.erasePersonalData(councilId, id)).toEqual({
        responses: 1,
        opinions: 1,
      });
      const [response] = await repos.consultations.listResponses(councilId, id);
      expect(response).toMatchObject({
        name: null,
        email: null,
        emailNormalized: null,
        tokenHash: null,
        answers: { q: 4 },
      });
      const [opinion] = await repos.consultations.listOpinions(councilId, id);
      expect(opinion).toMatchObject({ name: null, email: null, text: 'Więcej drzew' });
      expect(await repos.consultations.dueForErasure(new Date('2028-01-01T00:00:00Z'))).toEqual([]);
      // The address is free again: an erased row no longer holds it.
      await repos.consultations.createResponse({
        ...resident(councilId, id, 'ana@example.org', 'e'.repeat(64)),
        answers: { q: 1 },
      });
    });

    it('finds what an address has in one council and honours a data request only until it expires', async () => {
      const { id: councilId } = await council();
      const { id } = await consultation(councilId);
      await repos.consultations.createResponse({
        ...resident(councilId, id, 'Ana@example.org', 'a'.repeat(64)),
        answers: { q: 4 },
      });
      const other = await council('Rada Gminy Lipno');
      const entries = await repos.consultations.residentEntries(councilId, 'ana@example.org');
      expect(entries.responses.map((r) => r.consultationSubject)).toEqual(['Park na Rynku']);
      expect(
        (await repos.consultations.residentEntries(other.id, 'ana@example.org')).responses,
      ).toEqual([]);
      await repos.consultations.createDataRequest({
        councilId,
        emailNormalized: 'ana@example.org',
        tokenHash: 'f'.repeat(64),
        expiresAt: new Date('2026-11-20T10:00:00Z'),
      });
      expect(await repos.consultations.findDataRequest('f'.repeat(64))).toEqual({
        councilId,
        emailNormalized: 'ana@example.org',
      });
      expect(await repos.consultations.deleteExpiredDataRequests(clock())).toBe(0);
      clock.advance(3_600_000);
      expect(await repos.consultations.findDataRequest('f'.repeat(64))).toBeUndefined();
      expect(await repos.consultations.deleteExpiredDataRequests(clock())).toBe(1);
    });
  });
}
