import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consultationSchema, type Consultation } from '@veche/protocol';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { TestClient } from './support/http-client.js';
import { linksIn } from './support/mail-message.js';
import { HAVE_PDFTOTEXT, pdfText, requirePdfToText } from './support/pdf-text.js';
import { startVeche, type RunningVeche } from './support/server-process.js';
import { startSmtpCapture, type SmtpCapture } from './support/smtp-capture.js';

/*
 * A finished consultation's report (issue 7, section 2): two residents answer and confirm, the
 * consultation ends (its period moved into the past while the server is stopped: the server has
 * no clock to set), and at start the report is attached, once, as a public PDF to the agenda item
 * of the draft resolution it concerns, where councillors read it during the sitting. The PDF's
 * text is read back with pdftotext.
 */

const OPERATOR = DEMO_LOGINS.find((login) => login.role === 'operator')!.email;
const COUNCILLOR = DEMO_LOGINS.find((login) => login.role === 'councillor')!.email;

requirePdfToText('the consultation report tests');

let smtp: SmtpCapture;
let veche: RunningVeche;
let operator: TestClient;
let scratch: string;
let sittingId: string;
let itemId: string;
let consultation: Consultation;

const env = (smtpUrl: string) => ({ SMTP_URL: smtpUrl, LOGIN_RATE_LIMIT: '1000' });

async function signedIn(email: string): Promise<TestClient> {
  const client = new TestClient(veche.url);
  expect((await client.post('/api/auth/login', { email, password: DEMO_PASSWORD })).status).toBe(
    200,
  );
  return client;
}

interface ListedDocument {
  id: string;
  title: string;
  itemId: string | null;
  isPublic: boolean;
}

async function reportsOnItem(client: TestClient): Promise<ListedDocument[]> {
  const listed = await client.get<{ documents: ListedDocument[] }>(
    `/api/sittings/${sittingId}/documents`,
  );
  expect(listed.status).toBe(200);
  return listed.body.documents.filter((document) => document.title.startsWith('Raport'));
}

async function answerAndConfirm(name: string, email: string, answers: object): Promise<void> {
  const mark = smtp.messages.length;
  const sent = await new TestClient(veche.url).post(
    `/api/public/consultations/${consultation.id}/responses`,
    { name, email, answers, consentToPublishName: false },
  );
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  const mail = await smtp.waitFor(
    (message) => message.envelopeTo.includes(email) && smtp.messages.indexOf(message) >= mark,
  );
  const token = linksIn(mail.text ?? '')
    .find((link) => link.includes('/portal/consultation-responses/'))!
    .split('/')
    .pop()!;
  const verified = await new TestClient(veche.url).post(
    `/api/public/consultation-responses/${token}/verify`,
  );
  expect(verified.status).toBe(200);
}

async function restartWith(
  change: (db: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }) => Promise<void>,
) {
  const dataDir = veche.dataDir;
  await veche.stop({ keepData: true });
  const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
  try {
    await change(database.db);
  } finally {
    await database.close();
  }
  veche = await startVeche({ env: env(smtp.url), dataDir });
  operator = await signedIn(OPERATOR);
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'veche-report-'));
  smtp = await startSmtpCapture();
  veche = await startVeche({ env: env(smtp.url) });
  operator = await signedIn(OPERATOR);
  const upcoming = await operator.get<{ sittings: { id: string; councilId: string }[] }>(
    '/api/sittings/upcoming',
  );
  const [next] = upcoming.body.sittings;
  sittingId = next!.id;
  const preparation = await operator.get<{ agenda: { id: string; kind: string }[] }>(
    `/api/sittings/${sittingId}/preparation`,
  );
  expect(preparation.status, JSON.stringify(preparation.body)).toBe(200);
  itemId = preparation.body.agenda.find((item) => item.kind === 'draft_resolution')!.id;
  const created = await operator.post(`/api/councils/${next!.councilId}/consultations`, {
    subject: 'Budżet obywatelski 2027',
    description: 'Projekt uchwały w sprawie budżetu obywatelskiego.',
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    agendaItemId: itemId,
    survey: {
      questions: [
        {
          id: 'wybor',
          kind: 'single_choice',
          prompt: 'Który projekt wybrać?',
          required: true,
          options: [
            { id: 'park', label: 'Park kieszonkowy' },
            { id: 'droga', label: 'Droga rowerowa' },
          ],
        },
        {
          id: 'ocena',
          kind: 'scale',
          prompt: 'Jak oceniasz budżet?',
          required: true,
          min: 1,
          max: 5,
        },
        { id: 'uwagi', kind: 'long_text', prompt: 'Uwagi', required: false },
      ],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const draft = consultationSchema.parse(created.body);
  const published = await operator.post(`/api/consultations/${draft.id}/publish`, {
    version: draft.version,
  });
  expect(published.status).toBe(200);
  consultation = consultationSchema.parse(published.body);
}, 120_000);

afterAll(async () => {
  await veche?.stop();
  await smtp?.close();
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!HAVE_PDFTOTEXT)('the report of a finished consultation', () => {
  it('is not published, nor attached, while the consultation runs', async () => {
    await answerAndConfirm('Ala', 'ala@example.org', { wybor: 'park', ocena: 4 });
    await answerAndConfirm('Olek', 'olek@example.org', {
      wybor: 'park',
      ocena: 2,
      uwagi: 'Więcej ławek przy parku',
    });
    const early = await fetch(
      `${veche.url}/api/public/consultations/${consultation.id}/report.pdf`,
    );
    expect(early.status).toBe(409);
    expect(await reportsOnItem(operator)).toEqual([]);
  });

  it('is attached once, as a public PDF, to the draft resolution’s agenda item when it ends', async () => {
    await restartWith(async (db) => {
      await db.execute(
        sql`update consultations set starts_at = now() - interval '2 days', ends_at = now() - interval '1 hour' where id = ${consultation.id}`,
      );
    });
    // The sweep runs at start: councillors see the report on the item.
    const councillor = await signedIn(COUNCILLOR);
    let attached: ListedDocument[] = [];
    for (let attempt = 0; attempt < 50 && attached.length === 0; attempt++) {
      attached = await reportsOnItem(councillor);
      if (attached.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(attached).toEqual([
      expect.objectContaining({
        title: 'Raport z konsultacji: Budżet obywatelski 2027',
        itemId,
        isPublic: true,
      }),
    ]);
    const file = await fetch(`${veche.url}/api/documents/${attached[0]!.id}`, {
      headers: { cookie: councillor.sessionCookie! },
    });
    expect(file.status).toBe(200);
    const text = pdfText(Buffer.from(await file.arrayBuffer()), scratch);
    expect(text).toContain('Raport z konsultacji: Budżet obywatelski 2027');
    expect(text).toContain('Uwzględnione potwierdzone odpowiedzi: 2');
    expect(text).toContain('Pytanie 1: Który projekt wybrać?');
    expect(text).toMatch(/Park kieszonkowy 2 100\s?%/);
    expect(text).toMatch(/Droga rowerowa 0 0\s?%/);
    expect(text).toContain('Średnia: 3');
    expect(text).toContain('Więcej ławek przy parku');
    // Names were not agreed to: none is printed.
    expect(text).not.toContain('Olek');

    const published = await fetch(
      `${veche.url}/api/public/consultations/${consultation.id}/report.pdf`,
    );
    expect(published.status).toBe(200);
    expect(published.headers.get('content-type')).toBe('application/pdf');
    expect(pdfText(Buffer.from(await published.arrayBuffer()), scratch)).toContain(
      'Pytanie 2: Jak oceniasz budżet?',
    );
  });

  it('is not attached again after another start, even once the office removed it', async () => {
    await restartWith(async (db) => {
      await db.execute(sql`delete from documents where title like 'Raport z konsultacji%'`);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await reportsOnItem(operator)).toEqual([]);
  });
});
