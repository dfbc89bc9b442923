import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  interpellationFileSchema,
  interpellationListResponseSchema,
  interpellationSchema,
  type Interpellation,
} from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { createRepositories } from '../src/storage/repositories.js';
import { TestClient } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';
import { addBulgarianCouncil, type SecondCouncil } from './support/second-council.js';

/*
 * Interpellations and questions against the running server: a demo councillor files one with a
 * PDF, the office answers and corrects the answer at its version, the public reads both; every
 * bad input names its field and changes nothing; another council sees and answers nothing.
 * The server has no settable clock, so the 14-day deadline is checked on a fresh filing, and
 * the overdue flag on two of last year's, written into the data folder before the server starts:
 * one never answered, one answered after its deadline.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const ANNA = 'anna.nowak@wierzbow.example';
const ENV = { DOCUMENT_MAX_MB: '1', LOGIN_RATE_LIMIT: '100' };
const PDF = readFileSync(
  new URL('../demo-assets/projekt-uchwaly-budzet-2026.pdf', import.meta.url),
);

let veche: RunningVeche;
let dataDir: string;
let bulgarian: SecondCouncil;
let operator: TestClient;
let anna: TestClient;
let councilId: string;
let filed: Interpellation;

async function signedIn(email: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const client = new TestClient(veche.url);
  expect((await client.post('/api/auth/login', { email, password })).status).toBe(200);
  return client;
}

/** POSTs multipart/form-data as a browser's FormData does, with the client's cookie. */
async function upload(
  client: TestClient,
  id: string,
  fields: Record<string, string>,
  file?: { name: string; content: Uint8Array },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file !== undefined) {
    form.append('file', new Blob([new Uint8Array(file.content)]), file.name);
  }
  const response = await fetch(`${veche.url}/api/interpellations/${id}/files`, {
    method: 'POST',
    body: form,
    headers: { cookie: client.sessionCookie ?? '', origin: veche.url },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function listed(client: TestClient, query = '') {
  const response = await client.get(`/api/councils/${councilId}/interpellations${query}`);
  expect(response.status).toBe(200);
  return interpellationListResponseSchema.parse(response.body).interpellations;
}

async function publicOne(id: string) {
  const response = await fetch(`${veche.url}/api/public/interpellations/${id}`);
  expect(response.status).toBe(200);
  return interpellationSchema.parse(await response.json());
}

const errorOf = (body: unknown) => (body as { error: { code: string; field?: string } }).error;

/** The calendar day in Warsaw now, and 14 days later, computed apart from the server's code. */
function warsawToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
}
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Two of 2025 by Anna, as if filed then: one unanswered, one answered five days late. */
async function seedLastYear(folder: string): Promise<void> {
  const database = await openEmbeddedDatabase(join(folder, 'pgdata'));
  try {
    const repos = createRepositories({
      db: database.db,
      clock: () => new Date(),
      newId: randomUUID,
    });
    const anna = (await repos.users.findByEmail(ANNA))!;
    const office = (await repos.users.findByEmail(OPERATOR))!;
    const base = {
      councilId: anna.councilId!,
      year: 2025,
      kind: 'question' as const,
      authorPersonId: anna.personId!,
      filedByUserId: anna.id,
      addressee: 'Burmistrz',
      text: 'Treść z zeszłego roku.',
    };
    await repos.interpellations.create({
      ...base,
      subject: 'Odpowiedziana po terminie',
      filedOn: '2025-11-01',
      deadline: '2025-11-15',
    });
    const late = await repos.interpellations.create({
      ...base,
      subject: 'Bez odpowiedzi',
      filedOn: '2025-12-01',
      deadline: '2025-12-15',
    });
    const answered = await repos.interpellations.listForCouncil(base.councilId, { year: 2025 });
    const first = answered.find((row) => row.id !== late.id)!;
    await repos.interpellations.answer(base.councilId, first.id, 1, {
      answerText: 'Odpowiedź spóźniona.',
      answeredOn: '2025-11-20',
      answeredByUserId: office.id,
    });
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  const first = await startVeche({ env: ENV });
  dataDir = first.dataDir;
  await first.stop({ keepData: true });
  bulgarian = await addBulgarianCouncil(dataDir);
  await seedLastYear(dataDir);
  veche = await startVeche({ env: ENV, dataDir });
  operator = await signedIn(OPERATOR);
  anna = await signedIn(ANNA);
  const me = await anna.get<{ councils: { councilId: string }[] }>('/api/me');
  councilId = me.body.councils[0]!.councilId;
});

afterAll(async () => {
  await veche?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('filing', () => {
  it('files an interpellation due 14 days later on the council’s calendar, not overdue', async () => {
    const response = await anna.post(`/api/councils/${councilId}/interpellations`, {
      kind: 'interpellation',
      subject: 'Oświetlenie ulicy Lipowej',
      text: 'Wnoszę o informację, kiedy zostanie naprawione oświetlenie ulicy Lipowej.',
    });
    expect(response.status).toBe(201);
    filed = interpellationSchema.parse(response.body);
    const today = warsawToday();
    expect(filed).toMatchObject({
      kind: 'interpellation',
      status: 'filed',
      authorName: 'Anna Nowak',
      addressee: 'Burmistrz',
      number: `1/${today.slice(0, 4)}`,
      filedOn: today,
      deadline: plusDays(today, 14),
      overdue: false,
      answerText: null,
      version: 1,
      files: [],
    });
    const second = await anna.post(`/api/councils/${councilId}/interpellations`, {
      kind: 'question',
      subject: 'Rozkład jazdy autobusów',
      text: 'Czy gmina planuje dodatkowy kurs?',
      addressee: 'Zastępca Burmistrza',
    });
    expect(second.status).toBe(201);
    expect(interpellationSchema.parse(second.body)).toMatchObject({
      number: `2/${today.slice(0, 4)}`,
      kind: 'question',
      addressee: 'Zastępca Burmistrza',
    });
  });

  it('flags last year’s unanswered one as overdue, and not the one answered late', async () => {
    const lastYear = await listed(operator, '?year=2025');
    expect(lastYear.map((row) => [row.number, row.status, row.overdue, row.answeredLate])).toEqual([
      ['2/2025', 'filed', true, false],
      ['1/2025', 'answered', false, true],
    ]);
    expect((await listed(operator, '?overdue=true')).map((row) => row.number)).toEqual(['2/2025']);
    expect((await listed(operator, '?overdue=false')).map((row) => row.overdue)).not.toContain(
      true,
    );
  });

  it('names the bad field and files nothing', async () => {
    const before = (await listed(operator)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'interpellation', subject: 'Temat', text: '   ' }, 'text'],
      [{ kind: 'interpellation', subject: 'x'.repeat(301), text: 'Treść' }, 'subject'],
      [{ kind: 'petition', subject: 'Temat', text: 'Treść' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const response = await anna.post(`/api/councils/${councilId}/interpellations`, body);
      expect(response.status).toBe(400);
      expect(errorOf(response.body)).toMatchObject({ code: 'validation_failed', field });
    }
    const byOperator = await operator.post(`/api/councils/${councilId}/interpellations`, {
      kind: 'question',
      subject: 'Temat',
      text: 'Treść',
    });
    expect(byOperator.status).toBe(403);
    const stranger = await signedIn(bulgarian.councillorEmail, bulgarian.password);
    const elsewhere = await stranger.post(`/api/councils/${councilId}/interpellations`, {
      kind: 'question',
      subject: 'Тема',
      text: 'Текст',
    });
    expect(elsewhere.status).toBe(404);
    expect((await listed(operator)).length).toBe(before);
  });
});

describe('files', () => {
  it('takes the author’s PDF and refuses an empty, forged or too large file, adding nothing', async () => {
    const added = await upload(
      anna,
      filed.id,
      { role: 'question' },
      { name: 'zdjęcia.pdf', content: PDF },
    );
    expect(added.status).toBe(201);
    expect(interpellationFileSchema.parse(added.body)).toMatchObject({
      role: 'question',
      title: 'zdjęcia',
      mediaType: 'application/pdf',
      sizeBytes: PDF.byteLength,
    });
    const refusals: [Uint8Array, number, string][] = [
      [new Uint8Array(0), 422, 'file_empty'],
      [Buffer.from('#!/bin/sh\necho pwned\n'), 422, 'file_type_unsupported'],
      [Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]), 413, 'file_too_large'],
    ];
    for (const [content, status, code] of refusals) {
      const response = await upload(
        anna,
        filed.id,
        { role: 'question' },
        { name: 'a.pdf', content },
      );
      expect(response.status).toBe(status);
      expect(errorOf(response.body)).toMatchObject({ code, field: 'file' });
    }
    const noRole = await upload(anna, filed.id, {}, { name: 'a.pdf', content: PDF });
    expect(noRole.status).toBe(400);
    expect(errorOf(noRole.body).field).toBe('role');
    const answerByAuthor = await upload(
      anna,
      filed.id,
      { role: 'answer' },
      { name: 'a.pdf', content: PDF },
    );
    expect(answerByAuthor.status).toBe(403);
    const [mine] = (await listed(anna, '?mine=true')).filter((row) => row.id === filed.id);
    expect(mine!.files.map((file) => file.fileName)).toEqual(['zdjęcia.pdf']);
  });
});

describe('answering', () => {
  it('refuses a councillor, another council’s office and a blank answer, changing nothing', async () => {
    const byCouncillor = await anna.put(`/api/interpellations/${filed.id}/answer`, {
      version: 1,
      answerText: 'Sama sobie odpowiadam.',
    });
    expect(byCouncillor.status).toBe(403);
    const other = await signedIn(bulgarian.operatorEmail, bulgarian.password);
    const elsewhere = await other.put(`/api/interpellations/${filed.id}/answer`, {
      version: 1,
      answerText: 'Отговор',
    });
    expect(elsewhere.status).toBe(404);
    expect((await other.get(`/api/councils/${councilId}/interpellations`)).status).toBe(404);
    const blank = await operator.put(`/api/interpellations/${filed.id}/answer`, {
      version: 1,
      answerText: ' ',
    });
    expect(blank.status).toBe(400);
    expect(errorOf(blank.body).field).toBe('answerText');
    expect((await publicOne(filed.id)).status).toBe('filed');
  });

  it('records the answer, refuses a stale save with the current record, and takes a correction', async () => {
    const answered = await operator.put(`/api/interpellations/${filed.id}/answer`, {
      version: 1,
      answerText: 'Oświetlenie zostanie naprawione do końca miesiąca.',
    });
    expect(answered.status).toBe(200);
    expect(interpellationSchema.parse(answered.body)).toMatchObject({
      status: 'answered',
      answeredOn: warsawToday(),
      answeredLate: false,
      overdue: false,
      version: 2,
    });
    const stale = await operator.put(`/api/interpellations/${filed.id}/answer`, {
      version: 1,
      answerText: 'Nadpisanie.',
    });
    expect(stale.status).toBe(409);
    const error = (stale.body as { error: { code: string; facts: { current: unknown } } }).error;
    expect(error.code).toBe('stale_version');
    expect(interpellationSchema.parse(error.facts.current)).toMatchObject({
      version: 2,
      answerText: 'Oświetlenie zostanie naprawione do końca miesiąca.',
    });
    const corrected = await operator.put(`/api/interpellations/${filed.id}/answer`, {
      version: 2,
      answerText: 'Oświetlenie zostanie naprawione do 15 grudnia.',
    });
    expect(corrected.status).toBe(200);
    expect(interpellationSchema.parse(corrected.body)).toMatchObject({
      status: 'answered',
      version: 3,
      answerText: 'Oświetlenie zostanie naprawione do 15 grudnia.',
    });
  });

  it('closes the question’s files once answered and takes the office’s answer file', async () => {
    const late = await upload(
      anna,
      filed.id,
      { role: 'question' },
      { name: 'b.pdf', content: PDF },
    );
    expect(late.status).toBe(409);
    expect(errorOf(late.body)).toMatchObject({ code: 'already_answered', field: 'role' });
    const answerFile = await upload(
      operator,
      filed.id,
      { role: 'answer', title: 'Pismo burmistrza' },
      { name: 'odpowiedz.pdf', content: PDF },
    );
    expect(answerFile.status).toBe(201);
  });

  it('filters the council’s list by status, overdue and author', async () => {
    const year = warsawToday().slice(0, 4);
    expect((await listed(operator, `?status=answered&year=${year}`)).map((row) => row.id)).toEqual([
      filed.id,
    ]);
    expect((await listed(operator, '?status=filed')).map((row) => row.number)).toEqual([
      `2/${year}`,
      '2/2025',
    ]);
    expect((await listed(operator, '?overdue=true')).map((row) => row.number)).toEqual(['2/2025']);
    expect((await listed(anna, '?mine=true')).length).toBe(4);
    expect(await listed(operator, '?mine=true')).toEqual([]);
    expect(await listed(operator, `?author=${filed.authorPersonId}&year=1999`)).toEqual([]);
    const bad = await operator.get(`/api/councils/${councilId}/interpellations?status=late`);
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).field).toBe('status');
  });
});

describe('publication', () => {
  it('shows filed and answered ones with their files to anyone, and no other council’s', async () => {
    const response = await fetch(`${veche.url}/api/public/councils/${councilId}/interpellations`);
    expect(response.status).toBe(200);
    const { interpellations } = interpellationListResponseSchema.parse(await response.json());
    expect(interpellations.map((row) => [row.status, row.overdue])).toEqual([
      ['filed', false],
      ['answered', false],
      ['filed', true],
      ['answered', false],
    ]);
    const answered = interpellations[1]!;
    expect(answered.answerText).toBe('Oświetlenie zostanie naprawione do 15 grudnia.');
    expect(answered.files.map((file) => [file.role, file.title])).toEqual([
      ['question', 'zdjęcia'],
      ['answer', 'Pismo burmistrza'],
    ]);
    const elsewhere = await fetch(
      `${veche.url}/api/public/councils/${bulgarian.councilId}/interpellations`,
    );
    expect(interpellationListResponseSchema.parse(await elsewhere.json()).interpellations).toEqual(
      [],
    );
    expect((await publicOne(filed.id)).files).toHaveLength(2);
  });

  it('sends a file inline with its type, an ETag, nosniff and a sandbox', async () => {
    const { files } = await publicOne(filed.id);
    const response = await fetch(`${veche.url}${files[0]!.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    const again = await fetch(`${veche.url}${files[0]!.url}`, {
      headers: { 'if-none-match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    const missing = await fetch(
      `${veche.url}/api/public/interpellation-files/00000000-0000-4000-8000-000000000000`,
    );
    expect(missing.status).toBe(404);
  });
});
