import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  bodiesResponseSchema,
  councilSchema,
  councilsResponseSchema,
  memberImportPreviewSchema,
  personsResponseSchema,
  termsResponseSchema,
  type Council,
  type CouncilCreateRequest,
} from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_COUNCILLORS,
  DEMO_PASSWORD,
  DEMO_PLATFORM_ADMIN_EMAIL,
} from '../src/demo/demo-council.js';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { createRepositories } from '../src/storage/repositories.js';
import { TestClient } from './support/http-client.js';
import { addBulgarianCouncil, type SecondCouncil } from './support/second-council.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * Administration against the running server: the platform administrator creates and edits
 * councils (every bad setting named, a stale save refused); the demo council's administrator
 * manages its bodies, terms, people and seats and imports a member list; a councillor may not,
 * and the Bulgarian council's administrator does not even find the demo council.
 */

const ENV = { LOGIN_RATE_LIMIT: '1000' };
const COUNCIL_ADMIN = 'admin@wierzbow.example';

let veche: RunningVeche;
let dataDir: string;
let bulgarian: SecondCouncil;
let platform: TestClient;
let admin: TestClient;
let councillor: TestClient;
let bulgarianAdmin: TestClient;
let demoCouncilId: string;

async function signedIn(email: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const client = new TestClient(veche.url);
  expect((await client.post('/api/auth/login', { email, password })).status, email).toBe(200);
  return client;
}

/** Sends a CSV file as the web client does: the bytes as they are, as text/csv. */
async function postCsv(
  client: TestClient,
  councilId: string,
  csv: string | Buffer,
  dryRun: boolean,
) {
  const response = await fetch(
    `${veche.url}/api/councils/${councilId}/imports/members?dryRun=${String(dryRun)}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        cookie: client.sessionCookie ?? '',
        origin: veche.url,
      },
      body: typeof csv === 'string' ? csv : new Uint8Array(csv),
    },
  );
  return { status: response.status, body: (await response.json()) as unknown };
}

const persons = async (client: TestClient, councilId = demoCouncilId) => {
  const response = await client.get(`/api/councils/${councilId}/persons`);
  expect(response.status).toBe(200);
  return personsResponseSchema.parse(response.body).persons;
};
const bodies = async (client: TestClient, councilId = demoCouncilId) =>
  bodiesResponseSchema.parse((await client.get(`/api/councils/${councilId}/bodies`)).body).bodies;
const terms = async (client: TestClient, councilId = demoCouncilId) =>
  termsResponseSchema.parse((await client.get(`/api/councils/${councilId}/terms`)).body).terms;
const councils = async () =>
  councilsResponseSchema.parse((await platform.get('/api/platform/councils')).body).councils;

const NEW_COUNCIL: CouncilCreateRequest = {
  name: 'Скупштина општине Тестоград',
  country: 'RS',
  languages: ['sr-Cyrl', 'sr-Latn', 'en'],
  defaultLanguage: 'sr-Cyrl',
  timeZone: 'Europe/Belgrade',
  quorumRule: 'more_than_half',
  majorityPreset: 'rs.majority_present',
  resolutionNumberPattern: '{seq}-{year}',
  ballotChangeAllowed: false,
  speechRequestDeadlineDays: 5,
  plenary: { name: 'Скупштина општине Тестоград', statutorySize: 31 },
  term: { name: '2024–2028', startsOn: '2024-06-01', endsOn: null },
};

beforeAll(async () => {
  const first = await startVeche({ env: ENV });
  dataDir = first.dataDir;
  await first.stop({ keepData: true });
  bulgarian = await addBulgarianCouncil(dataDir);
  // The Bulgarian operator also administers that council, so that an administrator of another
  // council can try the demo council's rows.
  const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
  try {
    const repos = createRepositories({
      db: database.db,
      clock: () => new Date(),
      newId: randomUUID,
    });
    const operator = await repos.users.findByEmail(bulgarian.operatorEmail);
    await repos.users.grantRole(bulgarian.councilId, operator!.id, 'council_admin');
  } finally {
    await database.close();
  }
  veche = await startVeche({ env: ENV, dataDir });
  platform = await signedIn(DEMO_PLATFORM_ADMIN_EMAIL);
  admin = await signedIn(COUNCIL_ADMIN);
  councillor = await signedIn(DEMO_COUNCILLORS[1]!.email);
  bulgarianAdmin = await signedIn(bulgarian.operatorEmail, bulgarian.password);
  const me = await admin.get<{ councils: { councilId: string }[] }>('/api/me');
  demoCouncilId = me.body.councils[0]!.councilId;
});

afterAll(async () => {
  await veche?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('the platform administrator', () => {
  it('is told so by /api/me, and others are not', async () => {
    expect((await platform.get<{ isPlatformAdmin: boolean }>('/api/me')).body.isPlatformAdmin).toBe(
      true,
    );
    expect((await admin.get<{ isPlatformAdmin: boolean }>('/api/me')).body.isPlatformAdmin).toBe(
      false,
    );
  });

  it('creates a council with its plenary body and first term', async () => {
    const before = await councils();
    const response = await platform.post('/api/platform/councils', NEW_COUNCIL);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const council = councilSchema.parse(response.body);
    expect(council).toMatchObject({
      name: NEW_COUNCIL.name,
      version: 1,
      timeZone: 'Europe/Belgrade',
    });
    expect((await councils()).length).toBe(before.length + 1);
    expect(await bodies(platform, council.id)).toEqual([
      expect.objectContaining({ kind: 'plenary', statutorySize: 31, quorumRule: 'more_than_half' }),
    ]);
    expect(await terms(platform, council.id)).toEqual([
      expect.objectContaining({ name: '2024–2028', startsOn: '2024-06-01', endsOn: null }),
    ]);
    const read = await platform.get(`/api/platform/councils/${council.id}`);
    expect(councilSchema.parse(read.body)).toEqual(council);
  });

  it.each([
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }],
    ['resolutionNumberPattern', { resolutionNumberPattern: '{year}/{sesja}' }],
    ['resolutionNumberPattern', { resolutionNumberPattern: '' }],
    ['languages', { languages: [] }],
    ['defaultLanguage', { languages: ['en'], defaultLanguage: 'sr-Cyrl' }],
    ['majorityPreset', { majorityPreset: 'pl.simple' }],
    ['speechRequestDeadlineDays', { speechRequestDeadlineDays: 31 }],
    ['country', { country: 'DE' }],
    ['term.endsOn', { term: { name: 'x', startsOn: '2024-06-01', endsOn: '2024-05-31' } }],
  ])('names %s when it is wrong, and creates nothing', async (field, change) => {
    const before = await councils();
    const response = await platform.post('/api/platform/councils', { ...NEW_COUNCIL, ...change });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'validation_failed' } });
    const issues = (response.body as { error: { issues: { field: string }[] } }).error.issues;
    expect(issues.map((issue) => issue.field)).toContain(field);
    expect(await councils()).toEqual(before);
  });

  it('refuses a stale save with 409 and the council as it is, never overwriting', async () => {
    const [council] = (await councils()).filter((c) => c.name === NEW_COUNCIL.name);
    const { id, updatedAt: _updatedAt, ...settings } = council!;
    const first = await platform.put(`/api/platform/councils/${id}`, {
      ...settings,
      name: 'Скупштина града Тестоград',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(councilSchema.parse(first.body).version).toBe(2);
    // A second form, opened before the first save, still carries version 1.
    const stale = await platform.put(`/api/platform/councils/${id}`, {
      ...settings,
      name: 'Општина Тестоград',
      speechRequestDeadlineDays: 0,
    });
    expect(stale.status).toBe(409);
    const error = (
      stale.body as { error: { code: string; field: string; facts: { current: Council } } }
    ).error;
    expect(error.code).toBe('stale_version');
    expect(error.field).toBe('version');
    expect(councilSchema.parse(error.facts.current)).toMatchObject({
      name: 'Скупштина града Тестоград',
      version: 2,
      speechRequestDeadlineDays: 5,
    });
    const now = councilSchema.parse((await platform.get(`/api/platform/councils/${id}`)).body);
    expect(now).toMatchObject({ name: 'Скупштина града Тестоград', version: 2 });
  });

  it('is the only one who manages councils', async () => {
    for (const client of [admin, councillor]) {
      expect((await client.get('/api/platform/councils')).status).toBe(403);
      const create = await client.post('/api/platform/councils', NEW_COUNCIL);
      expect(create.status).toBe(403);
    }
    expect(await councils()).toHaveLength(3);
  });
});

describe('the council administrator', () => {
  it('adds and changes a committee', async () => {
    const created = await admin.post(`/api/councils/${demoCouncilId}/bodies`, {
      name: 'Komisja Rewizyjna',
      kind: 'committee',
      statutorySize: 3,
      quorumRule: 'at_least_half',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = (created.body as { id: string }).id;
    const changed = await admin.put(`/api/councils/${demoCouncilId}/bodies/${id}`, {
      name: 'Komisja Rewizyjna',
      kind: 'committee',
      statutorySize: 5,
      quorumRule: 'more_than_half',
    });
    expect(changed.body).toMatchObject({ id, statutorySize: 5, quorumRule: 'more_than_half' });
    const bad = await admin.put(`/api/councils/${demoCouncilId}/bodies/${id}`, {
      name: '',
      kind: 'board',
      statutorySize: 0,
      quorumRule: 'at_least_half',
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body as { error: { issues: { field: string }[] } }).error.issues.map(
      (issue) => issue.field,
    );
    expect(fields).toEqual(['name', 'kind', 'statutorySize']);
    expect((await bodies(admin)).find((body) => body.id === id)?.statutorySize).toBe(5);
  });

  it('adds a term before the current one and refuses one that overlaps it', async () => {
    const before = await terms(admin);
    const overlap = await admin.post(`/api/councils/${demoCouncilId}/terms`, {
      name: '2029–2034',
      startsOn: '2029-05-01',
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body).toMatchObject({ error: { code: 'term_overlap', field: 'startsOn' } });
    const ending = await admin.post(`/api/councils/${demoCouncilId}/terms`, {
      name: '2018–2024',
      startsOn: '2018-11-21',
      endsOn: '2024-05-07',
    });
    expect(ending.body).toMatchObject({ error: { code: 'term_overlap', field: 'endsOn' } });
    const backwards = await admin.post(`/api/councils/${demoCouncilId}/terms`, {
      name: 'x',
      startsOn: '2018-11-21',
      endsOn: '2018-11-20',
    });
    expect(backwards.body).toMatchObject({ error: { code: 'validation_failed', field: 'endsOn' } });
    expect(await terms(admin)).toEqual(before);
    const earlier = await admin.post(`/api/councils/${demoCouncilId}/terms`, {
      name: '2018–2024',
      startsOn: '2018-11-21',
      endsOn: '2024-05-06',
    });
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(201);
    expect((await terms(admin)).map((term) => term.name)).toEqual(['2018–2024', '2024–2029']);
  });

  it('adds a person with a seat, refuses a second chair, and ends the seat keeping it', async () => {
    const badEmail = await admin.post(`/api/councils/${demoCouncilId}/persons`, {
      givenName: 'Zofia',
      familyName: 'Mazur',
      email: 'zofia@',
    });
    expect(badEmail.body).toMatchObject({ error: { code: 'validation_failed', field: 'email' } });
    const created = await admin.post(`/api/councils/${demoCouncilId}/persons`, {
      givenName: 'Zofia',
      familyName: 'Mazur',
      email: ' Zofia.Mazur@Wierzbow.example ',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const person = created.body as { id: string; email: string };
    expect(person.email).toBe('zofia.mazur@wierzbow.example');
    const taken = await admin.post(`/api/councils/${demoCouncilId}/persons`, {
      givenName: 'Zofia',
      familyName: 'Mazur-Nowak',
      email: 'zofia.mazur@wierzbow.example',
    });
    expect(taken.body).toMatchObject({ error: { code: 'email_taken', field: 'email' } });

    const plenary = (await bodies(admin)).find((body) => body.kind === 'plenary')!;
    const term = (await terms(admin)).find((t) => t.name === '2024–2029')!;
    const seat = { personId: person.id, bodyId: plenary.id, termId: term.id };
    const secondChair = await admin.post(`/api/councils/${demoCouncilId}/memberships`, {
      ...seat,
      role: 'chair',
      startsOn: '2026-01-01',
    });
    expect(secondChair.status).toBe(409);
    expect(secondChair.body).toMatchObject({ error: { code: 'chair_taken', field: 'role' } });
    const beforeTerm = await admin.post(`/api/councils/${demoCouncilId}/memberships`, {
      ...seat,
      role: 'member',
      startsOn: '2024-01-01',
    });
    expect(beforeTerm.body).toMatchObject({ error: { code: 'outside_term', field: 'startsOn' } });
    const foreignBody = await admin.post(`/api/councils/${demoCouncilId}/memberships`, {
      ...seat,
      bodyId: randomUUID(),
      role: 'member',
      startsOn: '2026-01-01',
    });
    expect(foreignBody.body).toMatchObject({
      error: { code: 'unknown_reference', field: 'bodyId' },
    });
    expect((await persons(admin)).find((p) => p.id === person.id)?.memberships).toEqual([]);

    const member = await admin.post(`/api/councils/${demoCouncilId}/memberships`, {
      ...seat,
      role: 'member',
      startsOn: '2026-01-01',
    });
    expect(member.status, JSON.stringify(member.body)).toBe(201);
    const membershipId = (member.body as { id: string }).id;
    const again = await admin.post(`/api/councils/${demoCouncilId}/memberships`, {
      ...seat,
      role: 'member',
      startsOn: '2026-02-01',
    });
    expect(again.body).toMatchObject({ error: { code: 'already_member' } });
    const promoted = await admin.put(`/api/councils/${demoCouncilId}/memberships/${membershipId}`, {
      role: 'chair',
      startsOn: '2026-01-01',
    });
    expect(promoted.body).toMatchObject({ error: { code: 'chair_taken', field: 'role' } });

    const ended = await admin.post(
      `/api/councils/${demoCouncilId}/memberships/${membershipId}/end`,
      { endsOn: '2026-06-30' },
    );
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ id: membershipId, endsOn: '2026-06-30' });
    const twice = await admin.post(
      `/api/councils/${demoCouncilId}/memberships/${membershipId}/end`,
      { endsOn: '2026-07-30' },
    );
    expect(twice.body).toMatchObject({ error: { code: 'already_ended' } });
    expect((await persons(admin)).find((p) => p.id === person.id)?.memberships).toEqual([
      expect.objectContaining({ id: membershipId, startsOn: '2026-01-01', endsOn: '2026-06-30' }),
    ]);
  });

  it('is not a councillor: a councillor of the council gets 403', async () => {
    expect((await councillor.get(`/api/councils/${demoCouncilId}/persons`)).status).toBe(403);
    const post = await councillor.post(`/api/councils/${demoCouncilId}/bodies`, {
      name: 'Komisja',
      kind: 'committee',
      statutorySize: 3,
      quorumRule: 'at_least_half',
    });
    expect(post.status).toBe(403);
  });

  it('of another council finds nothing of this one: 404, as for a council that does not exist', async () => {
    const plenary = (await bodies(admin)).find((body) => body.kind === 'plenary')!;
    for (const councilId of [demoCouncilId, randomUUID()]) {
      for (const path of ['bodies', 'terms', 'persons']) {
        const response = await bulgarianAdmin.get(`/api/councils/${councilId}/${path}`);
        expect(response.status, path).toBe(404);
        expect(response.body).toMatchObject({ error: { code: 'not_found' } });
      }
    }
    const change = await bulgarianAdmin.put(`/api/councils/${demoCouncilId}/bodies/${plenary.id}`, {
      name: 'Хакнато',
      kind: 'plenary',
      statutorySize: 1,
      quorumRule: 'more_than_half',
    });
    expect(change.status).toBe(404);
    // Its own council's address with this council's body: not found either.
    const crossed = await bulgarianAdmin.put(
      `/api/councils/${bulgarian.councilId}/bodies/${plenary.id}`,
      { name: 'Хакнато', kind: 'plenary', statutorySize: 1, quorumRule: 'more_than_half' },
    );
    expect(crossed.status).toBe(404);
    const csv = await postCsv(
      bulgarianAdmin,
      demoCouncilId,
      'given_name,family_name,body,starts_on\n',
      true,
    );
    expect(csv.status).toBe(404);
    expect((await bodies(admin)).find((body) => body.id === plenary.id)?.statutorySize).toBe(15);
    expect((await admin.get(`/api/councils/${bulgarian.councilId}/persons`)).status).toBe(404);
    expect((await persons(bulgarianAdmin, bulgarian.councilId)).length).toBe(5);
  });
});

describe('importing members from CSV', () => {
  const header = 'Imię;Nazwisko;E-mail;Organ;Funkcja;Od';
  const good = [
    'Wiktor;Zając;wiktor.zajac@wierzbow.example;Komisja Rewizyjna;członek;1.03.2026',
    'Wiktor;Zając;wiktor.zajac@wierzbow.example;Komisja Budżetu i Finansów;członek;2026-03-01',
    'Alicja;Kubiak;;Komisja Rewizyjna;przewodnicząca;2026-03-01',
  ];
  const bad = 'Piotr;;piotr@;Komisja Nieistniejąca;szef;2017-01-01';

  it('shows each bad row’s errors on a dry run and writes nothing', async () => {
    const before = await persons(admin);
    const csv = `\uFEFF${[header, good[0], bad, '', good[2]].join('\r\n')}\r\n`;
    const response = await postCsv(admin, demoCouncilId, csv, true);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const preview = memberImportPreviewSchema.parse(response.body);
    expect(preview).toMatchObject({ dryRun: true, imported: false });
    expect(preview.rows.map((row) => [row.rowNumber, row.errors])).toEqual([
      [2, []],
      [
        3,
        [
          { column: 'family_name', code: 'required' },
          { column: 'email', code: 'invalid_email' },
          { column: 'body', code: 'unknown_body' },
          { column: 'role', code: 'invalid_role' },
          { column: 'starts_on', code: 'no_term' },
        ],
      ],
      [5, []],
    ]);
    expect(preview.summary).toEqual({ rows: 3, rowsWithErrors: 1, newPersons: 3, memberships: 3 });
    expect(await persons(admin)).toEqual(before);
  });

  it('refuses the whole file when one row is bad, with the same preview', async () => {
    const before = await persons(admin);
    const response = await postCsv(admin, demoCouncilId, [header, ...good, bad].join('\n'), false);
    expect(response.status).toBe(422);
    const error = (response.body as { error: { code: string; facts: { preview: unknown } } }).error;
    expect(error.code).toBe('import_invalid');
    const preview = memberImportPreviewSchema.parse(error.facts.preview);
    expect(preview.rows.filter((row) => row.errors.length > 0).map((row) => row.rowNumber)).toEqual(
      [5],
    );
    expect(await persons(admin)).toEqual(before);
  });

  it('imports a good file whole, matching people by e-mail', async () => {
    const before = await persons(admin);
    const annaEmail = DEMO_COUNCILLORS[1]!.email;
    const rows = [
      ...good,
      `Anna;Nowak-Inna;${annaEmail.toUpperCase()};Komisja Rewizyjna;członek;2026-03-01`,
    ];
    const dry = memberImportPreviewSchema.parse(
      (await postCsv(admin, demoCouncilId, [header, ...rows].join('\n'), true)).body,
    );
    expect(dry.rows[3]!.existingPersonId).toBe(before.find((p) => p.email === annaEmail)!.id);
    const response = await postCsv(admin, demoCouncilId, [header, ...rows].join('\n'), false);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(memberImportPreviewSchema.parse(response.body)).toMatchObject({
      imported: true,
      summary: { rows: 4, rowsWithErrors: 0, newPersons: 2, memberships: 4 },
    });
    const after = await persons(admin);
    expect(after.length).toBe(before.length + 2);
    const wiktor = after.find((p) => p.email === 'wiktor.zajac@wierzbow.example')!;
    expect(wiktor.memberships.map((m) => [m.role, m.startsOn])).toEqual([
      ['member', '2026-03-01'],
      ['member', '2026-03-01'],
    ]);
    const anna = after.find((p) => p.email === annaEmail)!;
    expect(anna.familyName).toBe('Nowak');
    expect(anna.memberships).toHaveLength(2);
    // The same file again: every seat is held already, so nothing more is written.
    const repeat = await postCsv(admin, demoCouncilId, [header, ...rows].join('\n'), false);
    expect(repeat.status).toBe(422);
    expect((await persons(admin)).length).toBe(after.length);
  });

  it('refuses a file without the needed columns, too long, or not UTF-8, naming why', async () => {
    const headerless = await postCsv(admin, demoCouncilId, 'name,email\nAnna,a@b.pl\n', true);
    expect(headerless.status).toBe(422);
    expect(headerless.body).toMatchObject({
      error: {
        code: 'import_header_invalid',
        facts: { missingColumns: ['given_name', 'family_name', 'body', 'starts_on'] },
      },
    });
    const manyRows = [header, ...Array.from({ length: 2001 }, () => good[2])].join('\n');
    const tooMany = await postCsv(admin, demoCouncilId, manyRows, true);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({
      error: { code: 'import_too_large', facts: { maxRows: 2000 } },
    });
    const huge = `${header}\n${'x'.repeat(1_100_000)}\n`;
    const tooBig = await postCsv(admin, demoCouncilId, huge, true);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ error: { code: 'import_too_large' } });
    const latin2 = Buffer.from([
      ...Buffer.from(`${header}\nJ`),
      0xf3,
      ...Buffer.from('zef;Lis;;Rada;;2026-01-01\n'),
    ]);
    const notUtf8 = await postCsv(admin, demoCouncilId, latin2, true);
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body).toMatchObject({ error: { code: 'validation_failed', field: '(body)' } });
    const json = await admin.post(`/api/councils/${demoCouncilId}/imports/members`, { rows: [] });
    expect(json.status).toBe(415);
  });
});
