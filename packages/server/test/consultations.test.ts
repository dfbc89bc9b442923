import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  agendaItemConsultationsSchema,
  councilSchema,
  consultationResultsSchema,
  consultationSchema,
  officeOpinionsSchema,
  officeResponsesSchema,
  publicConsultationSchema,
  residentDataSchema,
  residentResponseSchema,
  type Consultation,
  type SurveyMessage,
  draftResolutionChoicesSchema,
} from '@veche/protocol';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCIL_NAME, DEMO_LOGINS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { createRepositories } from '../src/storage/repositories.js';
import { TestClient } from './support/http-client.js';
import { linksIn } from './support/mail-message.js';
import { addBulgarianCouncil, type SecondCouncil } from './support/second-council.js';
import { startVeche, type RunningVeche } from './support/server-process.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from './support/smtp-capture.js';

/*
 * Public consultations over HTTP (issue 7, section 2), with e-mails caught by a real SMTP server
 * in this process: the office builds and publishes a consultation; two residents answer and
 * confirm their addresses by the e-mailed links, one tries twice with the same address (another
 * case) and is refused; a response is edited through its link; opinions are sent, one hidden by
 * the office with a reason. The server is then stopped and the consultation's period moved into
 * the past in its database (the server has no clock to set), and a second one's far enough back
 * for the retention sweep: results and CSV count right, names are shown only with consent, the
 * old one's names and e-mails are erased at start with its answers kept. Last, a resident asks
 * for their data and deletes it.
 */

const OPERATOR = DEMO_LOGINS.find((login) => login.role === 'operator')!.email;
const COUNCILLOR = DEMO_LOGINS.find((login) => login.role === 'councillor')!.email;
const PDF = readFileSync(
  new URL('../demo-assets/projekt-uchwaly-budzet-2026.pdf', import.meta.url),
);
const LINK =
  /\/portal\/(consultation-responses|consultation-opinions|resident-data)\/([A-Za-z0-9_-]{43})$/;

const SURVEY: SurveyMessage = {
  questions: [
    {
      id: 'park',
      kind: 'single_choice',
      prompt: 'Czy Rynek ma być parkiem?',
      required: true,
      options: [
        { id: 'yes', label: 'Tak' },
        { id: 'no', label: 'Nie' },
      ],
    },
    {
      id: 'uses',
      kind: 'multiple_choice',
      prompt: 'Co powinno się tam znaleźć?',
      required: false,
      options: [
        { id: 'trees', label: 'Drzewa' },
        { id: 'benches', label: 'Ławki' },
        { id: 'fountain', label: 'Fontanna' },
      ],
      maxSelections: 2,
    },
    { id: 'idea', kind: 'short_text', prompt: 'Nazwa?', required: false },
    {
      id: 'importance',
      kind: 'scale',
      prompt: 'Jak ważne?',
      required: true,
      min: 1,
      max: 5,
      minLabel: 'Wcale',
      maxLabel: 'Bardzo',
    },
    {
      id: 'order',
      kind: 'ranking',
      prompt: 'Kolejność',
      required: false,
      options: [
        { id: 'green', label: 'Zieleń' },
        { id: 'parking', label: 'Parking' },
        { id: 'market', label: 'Targ' },
      ],
    },
  ],
};

let smtp: SmtpCapture;
let veche: RunningVeche;
let dataDir: string;
let bulgarian: SecondCouncil;
let councilId: string;
let draftResolutionItemId: string;
let proceduralItemId: string;
let operator: TestClient;
let park: Consultation;
let old: Consultation;
const env = (smtpUrl: string) => ({
  SMTP_URL: smtpUrl,
  LOGIN_RATE_LIMIT: '1000',
  DOCUMENT_MAX_MB: '1',
});

async function signedIn(email: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const client = new TestClient(veche.url);
  expect((await client.post('/api/auth/login', { email, password })).status).toBe(200);
  return client;
}

const anyone = () => new TestClient(veche.url);

function mailTo(email: string, after: number): Promise<CapturedMail> {
  return smtp.waitFor(
    (mail) =>
      mail.envelopeTo.some((to) => to.toLowerCase() === email.trim().toLowerCase()) &&
      smtp.messages.indexOf(mail) >= after,
  );
}

/** The token of the one resident link in a message, the same in its text and HTML. */
function tokenOf(mail: CapturedMail, kind: string): string {
  const links = linksIn(mail.text ?? '').filter((link) => LINK.test(link));
  expect(links).toHaveLength(1);
  const [, linkKind, token] = LINK.exec(links[0]!)!;
  expect(linkKind).toBe(kind);
  expect(mail.html).toContain(`href="${links[0]!}"`);
  return token!;
}

const period = (startOffsetMs: number, endOffsetMs: number) => ({
  startsAt: new Date(Date.now() + startOffsetMs).toISOString(),
  endsAt: new Date(Date.now() + endOffsetMs).toISOString(),
});

async function create(body: object) {
  return operator.post(`/api/councils/${councilId}/consultations`, body);
}

async function publish(consultation: Consultation): Promise<Consultation> {
  const answer = await operator.post(`/api/consultations/${consultation.id}/publish`, {
    version: consultation.version,
  });
  expect(answer.status).toBe(200);
  return consultationSchema.parse(answer.body);
}

function respond(consultationId: string, body: object) {
  return anyone().post(`/api/public/consultations/${consultationId}/responses`, body);
}

async function results(path: string, client = anyone()) {
  const answer = await client.get(path);
  expect(answer.status).toBe(200);
  return consultationResultsSchema.parse(answer.body);
}

async function withDatabase(
  work: (db: Awaited<ReturnType<typeof openEmbeddedDatabase>>) => Promise<void>,
) {
  const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  const first = await startVeche({ env: env(smtp.url) });
  dataDir = first.dataDir;
  await first.stop({ keepData: true });
  bulgarian = await addBulgarianCouncil(dataDir);
  await withDatabase(async (database) => {
    const repos = createRepositories({
      db: database.db,
      clock: () => new Date(),
      newId: randomUUID,
    });
    const council = (await repos.councils.list()).find((c) => c.name === DEMO_COUNCIL_NAME)!;
    councilId = council.id;
    const sittings = await repos.sittings.listForCouncil(councilId);
    const items = await repos.sittings.agendaOf(
      councilId,
      sittings.map((s) => s.id),
    );
    draftResolutionItemId = items.find((item) => item.kind === 'draft_resolution')!.id;
    proceduralItemId = items.find((item) => item.kind === 'procedural')!.id;
  });
  veche = await startVeche({ env: env(smtp.url), dataDir });
  operator = await signedIn(OPERATOR);
}, 120_000);

afterAll(async () => {
  await veche?.stop();
  await smtp?.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('the office', () => {
  const valid = () => ({
    subject: 'Park na Rynku',
    description: 'Projekt uchwały w sprawie zagospodarowania Rynku.',
    ...period(-60_000, 3_600_000),
    agendaItemId: draftResolutionItemId,
    survey: SURVEY,
  });

  it('alone creates consultations; every refusal names its field and creates nothing', async () => {
    const councillor = await signedIn(COUNCILLOR);
    expect(
      (await councillor.post(`/api/councils/${councilId}/consultations`, valid())).status,
    ).toBe(403);
    const stranger = await signedIn(bulgarian.operatorEmail, bulgarian.password);
    expect((await stranger.post(`/api/councils/${councilId}/consultations`, valid())).status).toBe(
      404,
    );
    expect((await anyone().post(`/api/councils/${councilId}/consultations`, valid())).status).toBe(
      401,
    );

    const oneOption = {
      ...valid(),
      survey: {
        questions: [{ ...SURVEY.questions[0]!, options: [{ id: 'yes', label: 'Tak' }] }],
      },
    };
    const refusals: [object, number, string, string][] = [
      [oneOption, 422, 'survey_invalid', 'survey.questions.0.options'],
      [{ ...valid(), ...period(60_000, 0) }, 422, 'period_invalid', 'endsAt'],
      [{ ...valid(), ...period(-120_000, -60_000) }, 422, 'period_invalid', 'endsAt'],
      [
        { ...valid(), agendaItemId: proceduralItemId },
        422,
        'not_a_draft_resolution',
        'agendaItemId',
      ],
      [{ ...valid(), agendaItemId: randomUUID() }, 422, 'not_a_draft_resolution', 'agendaItemId'],
      [{ ...valid(), subject: ' ' }, 400, 'validation_failed', 'subject'],
      [
        {
          ...valid(),
          survey: { questions: [{ id: 'x', kind: 'essay', prompt: 'Q', required: true }] },
        },
        400,
        'validation_failed',
        'survey.questions.0.kind',
      ],
    ];
    for (const [body, status, code, field] of refusals) {
      const answer = await create(body);
      expect(answer.status, code).toBe(status);
      expect(answer.body).toMatchObject({ error: { code, field } });
    }
    const listed = await operator.get(`/api/councils/${councilId}/consultations`);
    expect(listed.body).toEqual({ consultations: [] });
  });

  it('creates a draft, edits it at its version, publishes it, and then keeps its survey', async () => {
    const created = await create({ ...valid(), survey: { questions: [] } });
    expect(created.status).toBe(201);
    const draft = consultationSchema.parse(created.body);
    expect(draft).toMatchObject({
      status: 'draft',
      published: false,
      version: 1,
      responseCount: 0,
    });
    expect((await anyone().get(`/api/public/consultations/${draft.id}`)).status).toBe(404);
    expect((await anyone().get(`/api/public/councils/${councilId}/consultations`)).body).toEqual({
      consultations: [],
    });

    const saved = await operator.put(`/api/consultations/${draft.id}`, { ...valid(), version: 1 });
    expect(saved.status).toBe(200);
    const edited = consultationSchema.parse(saved.body);
    expect(edited.version).toBe(2);
    expect(edited.survey).toEqual(SURVEY);
    const stale = await operator.put(`/api/consultations/${draft.id}`, { ...valid(), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: { code: 'stale_version', facts: { current: { version: 2 } } },
    });

    park = await publish(edited);
    expect(park).toMatchObject({ status: 'ongoing', published: true, version: 3 });

    const changed = await operator.put(`/api/consultations/${park.id}`, {
      ...valid(),
      startsAt: park.startsAt,
      endsAt: park.endsAt,
      survey: { questions: SURVEY.questions.slice(0, 2) },
      version: 3,
    });
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({
      error: { code: 'consultation_started', field: 'survey' },
    });
    // The same survey again is no change: the description and the end still move.
    const unchanged = await operator.put(`/api/consultations/${park.id}`, {
      ...valid(),
      startsAt: park.startsAt,
      endsAt: new Date(Date.parse(park.endsAt) + 60_000).toISOString(),
      description: 'Projekt uchwały (wersja 2).',
      version: 3,
    });
    expect(unchanged.status).toBe(200);
    park = consultationSchema.parse(unchanged.body);
    expect(park).toMatchObject({ version: 4, description: 'Projekt uchwały (wersja 2).' });
  });

  it('keeps personal data for the council\u2019s retention days, which the platform administrator sets', async () => {
    const platform = await signedIn(
      DEMO_LOGINS.find((login) => login.role === 'platform administrator')!.email,
    );
    const read = await platform.get(`/api/platform/councils/${councilId}`);
    const council = councilSchema.parse(read.body);
    expect(council.consultationRetentionDays).toBe(90);
    const { id: _id, updatedAt: _updated, ...settings } = council;
    const saved = await platform.put(`/api/platform/councils/${councilId}`, {
      ...settings,
      consultationRetentionDays: 30,
    });
    expect(saved.status).toBe(200);
    // A save that leaves the retention out (an older form) keeps it.
    const { consultationRetentionDays: _days, ...withoutRetention } = settings;
    const kept = await platform.put(`/api/platform/councils/${councilId}`, {
      ...withoutRetention,
      version: council.version + 1,
    });
    expect(councilSchema.parse(kept.body).consultationRetentionDays).toBe(30);
    const shown = consultationSchema.parse(
      (await operator.get(`/api/consultations/${park.id}`)).body,
    );
    expect(Date.parse(shown.personalDataErasureDueAt) - Date.parse(shown.endsAt)).toBe(
      30 * 86_400_000,
    );
  });

  it('attaches a document that the public can read once published', async () => {
    const form = new FormData();
    form.append('title', 'Projekt uchwały');
    form.append('file', new Blob([new Uint8Array(PDF)]), 'projekt.pdf');
    const response = await fetch(`${veche.url}/api/consultations/${park.id}/documents`, {
      method: 'POST',
      body: form,
      headers: { cookie: operator.sessionCookie ?? '', origin: veche.url },
    });
    expect(response.status).toBe(201);
    const document = (await response.json()) as { id: string; url: string; title: string };
    expect(document.title).toBe('Projekt uchwały');
    // The office reads it at its own address; the public at the public one.
    expect(document.url).toBe(`/api/consultations/${park.id}/documents/${document.id}`);
    const own = await fetch(`${veche.url}${document.url}`, {
      headers: { cookie: operator.sessionCookie ?? '' },
    });
    expect(own.status).toBe(200);
    expect((await anyone().get(document.url)).status).toBe(401);

    const shown = publicConsultationSchema.parse(
      (await anyone().get(`/api/public/consultations/${park.id}`)).body,
    );
    expect(shown).toMatchObject({ status: 'ongoing', survey: SURVEY });
    expect(shown.documents.map((d) => d.url)).toEqual([
      `/api/public/consultation-documents/${document.id}`,
    ]);
    const file = await fetch(`${veche.url}${shown.documents[0]!.url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
  });
});

describe('the calendar', () => {
  it('lists published consultations over their periods, drafts never', async () => {
    const draft = await create({
      subject: 'Szkic',
      description: '',
      ...period(60_000, 3_600_000),
      survey: { questions: [] },
    });
    expect(draft.status).toBe(201);
    const answer = await anyone().get<string>(
      `/api/public/councils/${councilId}/consultations.ics`,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(answer.body) as unknown[]);
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component));
    expect(events.map((event) => event.summary)).toEqual(['Konsultacje: Park na Rynku']);
    expect(events[0]!.uid).toBe(`consultation-${park.id}@${new URL(veche.url).host}`);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe(
      new Date(Math.floor(Date.parse(park.startsAt) / 1000) * 1000).toISOString(),
    );
    expect(
      (await anyone().get(`/api/public/councils/${randomUUID()}/consultations.ics`)).status,
    ).toBe(404);
  });
});

describe('residents', () => {
  let anaToken: string;
  let benToken: string;

  it('answer once each: the same address in another case is refused naming the e-mail and gets its link again', async () => {
    let mark = smtp.messages.length;
    const ana = {
      name: 'Ana Kowal',
      email: 'ana@example.org',
      language: 'pl',
      answers: {
        park: 'yes',
        uses: ['trees', 'benches'],
        importance: 5,
        order: ['green', 'market', 'parking'],
      },
    };
    expect((await respond(park.id, ana)).status).toBe(202);
    const first = await mailTo('ana@example.org', mark);
    expect(first.subject).toBe('Potwierdź swoje odpowiedzi: Park na Rynku');
    const firstToken = tokenOf(first, 'consultation-responses');

    mark = smtp.messages.length;
    const ben = {
      name: 'Ben Smith',
      email: 'Ben@Example.org',
      language: 'en',
      answers: { park: 'no', importance: 2, idea: 'Green Square' },
    };
    expect((await respond(park.id, ben)).status).toBe(202);
    const benMail = await mailTo('Ben@Example.org', mark);
    expect(benMail.subject).toBe('Confirm your answers: Park na Rynku');
    benToken = tokenOf(benMail, 'consultation-responses');

    mark = smtp.messages.length;
    const twice = await respond(park.id, {
      ...ana,
      email: ' ANA@Example.ORG ',
      answers: { park: 'no', importance: 1 },
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: { code: 'already_responded', field: 'email' } });
    const again = await mailTo('ana@example.org', mark);
    expect(again.subject).toBe('Już udzielono odpowiedzi: Park na Rynku');
    anaToken = tokenOf(again, 'consultation-responses');
    // The fresh link replaces the first one.
    expect((await anyone().get(`/api/public/consultation-responses/${firstToken}`)).status).toBe(
      404,
    );
  });

  it('refuses an answer that does not fit the survey, naming the question, and a filled honeypot silently', async () => {
    const bad = await respond(park.id, {
      name: 'Cyd',
      email: 'cyd@example.org',
      answers: { park: 'yes', importance: 9, order: ['green', 'green', 'market'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({
      error: {
        code: 'response_invalid',
        field: 'answers.importance',
        issues: [
          { field: 'answers.importance', code: 'out_of_range' },
          { field: 'answers.order', code: 'not_a_ranking' },
        ],
      },
    });
    const mark = smtp.messages.length;
    const robot = await respond(park.id, {
      name: 'Robot',
      email: 'robot@example.org',
      answers: { park: 'yes', importance: 3 },
      website: 'http://spam.example',
    });
    expect(robot.status).toBe(202);
    expect(robot.body).toEqual({ status: 'verification_sent' });
    const stored = officeResponsesSchema.parse(
      (await operator.get(`/api/consultations/${park.id}/responses`)).body,
    );
    expect(stored.responses.map((r) => r.email).sort()).toEqual([
      'Ben@Example.org',
      'ana@example.org',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.slice(mark).some((m) => m.envelopeTo.includes('robot@example.org'))).toBe(
      false,
    );
  });

  it('count once confirmed, and change their answers through the link', async () => {
    const office = () => results(`/api/consultations/${park.id}/results`, operator);
    expect((await office()).responses).toBe(0);
    const viewed = residentResponseSchema.parse(
      (await anyone().get(`/api/public/consultation-responses/${anaToken}`)).body,
    );
    expect(viewed).toMatchObject({ verified: false, editable: true, name: 'Ana Kowal' });
    const verified = await anyone().post(`/api/public/consultation-responses/${anaToken}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ verified: true });
    expect(
      (await anyone().post(`/api/public/consultation-responses/${benToken}/verify`)).status,
    ).toBe(200);
    expect((await office()).responses).toBe(2);

    const badEdit = await anyone().put(`/api/public/consultation-responses/${anaToken}`, {
      answers: { park: 'maybe', importance: 4 },
    });
    expect(badEdit.status).toBe(422);
    expect(badEdit.body).toMatchObject({
      error: { code: 'response_invalid', field: 'answers.park' },
    });
    const edit = await anyone().put(`/api/public/consultation-responses/${anaToken}`, {
      answers: {
        park: 'yes',
        uses: ['trees'],
        importance: 4,
        order: ['green', 'parking', 'market'],
      },
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ answers: { importance: 4, uses: ['trees'] } });

    const importance = (await office()).questions.find((q) => q.questionId === 'importance');
    expect(importance).toMatchObject({ answered: 2, mean: 3 });
    const onItem = agendaItemConsultationsSchema.parse(
      (await anyone().get(`/api/public/agenda-items/${draftResolutionItemId}/consultations`)).body,
    );
    expect(onItem.consultations.map((c) => [c.consultation.status, c.results])).toEqual([
      ['ongoing', null],
    ]);
    const publicEarly = await anyone().get(`/api/public/consultations/${park.id}/results`);
    expect(publicEarly.status).toBe(409);
    expect(publicEarly.body).toMatchObject({ error: { code: 'consultation_not_finished' } });
  });

  it('send opinions, confirmed by link; the office hides an abusive one with a reason', async () => {
    const send = async (fields: Record<string, string>, file?: Buffer) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      if (file !== undefined) form.append('file', new Blob([new Uint8Array(file)]), 'uwagi.pdf');
      const mark = smtp.messages.length;
      const response = await fetch(`${veche.url}/api/public/consultations/${park.id}/opinions`, {
        method: 'POST',
        body: form,
        headers: { origin: veche.url },
      });
      expect(response.status).toBe(202);
      const mail = await mailTo(fields.email!, mark);
      const token = tokenOf(mail, 'consultation-opinions');
      expect(
        (await anyone().post(`/api/public/consultation-opinions/${token}/verify`)).status,
      ).toBe(200);
      return token;
    };
    await send(
      {
        name: 'Ana Kowal',
        email: 'ana@example.org',
        text: 'Więcej drzew, proszę.',
        consentToPublishName: 'true',
        language: 'pl',
      },
      PDF,
    );
    const beforeBen = smtp.messages.length;
    const benOpinion = await anyone().post(`/api/public/consultations/${park.id}/opinions`, {
      name: 'Ben Smith',
      email: 'ben@example.org',
      text: 'Keep some parking.',
      language: 'en',
    });
    expect(benOpinion.status).toBe(202);
    const benToken = tokenOf(await mailTo('ben@example.org', beforeBen), 'consultation-opinions');
    expect(
      (await anyone().post(`/api/public/consultation-opinions/${benToken}/verify`)).status,
    ).toBe(200);
    await send({ name: 'Troll', email: 'troll@example.org', text: 'Obraźliwy wpis' });

    const opinions = officeOpinionsSchema.parse(
      (await operator.get(`/api/consultations/${park.id}/opinions`)).body,
    ).opinions;
    expect(opinions).toHaveLength(3);
    const withFile = opinions.find((o) => o.attachment !== null)!;
    const attachment = await fetch(`${veche.url}${withFile.attachment!.url}`, {
      headers: { cookie: operator.sessionCookie ?? '' },
    });
    expect(attachment.status).toBe(200);
    expect((await anyone().get(withFile.attachment!.url)).status).toBe(401);

    const troll = opinions.find((o) => o.email === 'troll@example.org')!;
    const councillor = await signedIn(COUNCILLOR);
    expect(
      (await councillor.post(`/api/consultation-opinions/${troll.id}/hide`, { reason: 'x' }))
        .status,
    ).toBe(403);
    expect(
      (await operator.post(`/api/consultation-opinions/${troll.id}/hide`, { reason: ' ' })).status,
    ).toBe(400);
    const hidden = await operator.post(`/api/consultation-opinions/${troll.id}/hide`, {
      reason: 'Obraźliwe treści',
    });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ hiddenReason: 'Obraźliwe treści', text: 'Obraźliwy wpis' });
    expect((hidden.body as { hiddenAt: string | null }).hiddenAt).not.toBeNull();
  });

  it('prepare a consultation that ended long ago, for the retention sweep', async () => {
    const created = await create({
      subject: 'Stary plan',
      description: '',
      ...period(-60_000, 3_600_000),
      survey: { questions: [SURVEY.questions[0]!] },
    });
    old = await publish(consultationSchema.parse(created.body));
    const mark = smtp.messages.length;
    expect(
      (await respond(old.id, { name: 'Dora', email: 'dora@example.org', answers: { park: 'no' } }))
        .status,
    ).toBe(202);
    const token = tokenOf(await mailTo('dora@example.org', mark), 'consultation-responses');
    expect((await anyone().post(`/api/public/consultation-responses/${token}/verify`)).status).toBe(
      200,
    );
  });
});

describe('after the end', () => {
  beforeAll(async () => {
    await veche.stop({ keepData: true });
    // The server has no clock to set: the periods move into the past instead.
    await withDatabase(async (database) => {
      await database.db.execute(
        sql`update consultations set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = ${park.id}`,
      );
      await database.db.execute(
        sql`update consultations set starts_at = now() - interval '101 days', ends_at = now() - interval '100 days' where id = ${old.id}`,
      );
    });
    veche = await startVeche({ env: env(smtp.url), dataDir });
    operator = await signedIn(OPERATOR);
  }, 120_000);

  it('publishes results with the right counts, names only with consent, hidden opinions counted', async () => {
    const report = await results(`/api/public/consultations/${park.id}/results`);
    expect(report).toMatchObject({ status: 'finished', responses: 2, hiddenOpinions: 1 });
    const question = (id: string) => report.questions.find((q) => q.questionId === id)!;
    expect(question('park')).toMatchObject({
      answered: 2,
      options: [
        { optionId: 'yes', count: 1 },
        { optionId: 'no', count: 1 },
      ],
    });
    expect(question('uses')).toMatchObject({
      answered: 1,
      options: [{ count: 1 }, { count: 0 }, { count: 0 }],
    });
    expect(question('importance')).toMatchObject({
      mean: 3,
      distribution: [
        { value: 1, count: 0 },
        { value: 2, count: 1 },
        {},
        { value: 4, count: 1 },
        {},
      ],
    });
    expect(question('order')).toMatchObject({
      answered: 1,
      options: [{ optionId: 'green', bordaPoints: 2 }, {}, {}],
    });
    expect(question('idea')).toMatchObject({ texts: ['Green Square'] });
    expect(report.opinions.map((o) => [o.name, o.text, o.hasAttachment])).toEqual([
      ['Ana Kowal', 'Więcej drzew, proszę.', true],
      [null, 'Keep some parking.', false],
    ]);
    expect(JSON.stringify(report)).not.toContain('example.org');

    const csv = await fetch(`${veche.url}/api/public/consultations/${park.id}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
    expect(rows.filter((r) => r.question_id === 'park').map((r) => [r.option_id, r.count])).toEqual(
      [
        ['yes', '1'],
        ['no', '1'],
      ],
    );
    expect(rows.find((r) => r.question_id === 'idea')?.text).toBe('Green Square');
    expect(bytes.toString('utf8')).toContain('\r\n');

    // The report on the draft resolution's agenda item, as councillors see it in the sitting.
    const onItem = agendaItemConsultationsSchema.parse(
      (await anyone().get(`/api/public/agenda-items/${draftResolutionItemId}/consultations`)).body,
    );
    expect(onItem.consultations.map((c) => [c.consultation.id, c.results?.responses])).toEqual([
      [park.id, 2],
    ]);
    expect(
      (await anyone().get(`/api/public/agenda-items/${proceduralItemId}/consultations`)).body,
    ).toEqual({ consultations: [] });

    const late = await respond(park.id, {
      name: 'Eve',
      email: 'eve@example.org',
      answers: { park: 'yes', importance: 3 },
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'consultation_not_open' } });
  });

  it('erases names and e-mails once the retention period has passed, keeping the answers', async () => {
    let erased: Consultation | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      erased = consultationSchema.parse((await operator.get(`/api/consultations/${old.id}`)).body);
      if (erased.personalDataErasedAt !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(erased?.personalDataErasedAt).not.toBeNull();
    const responses = officeResponsesSchema.parse(
      (await operator.get(`/api/consultations/${old.id}/responses`)).body,
    ).responses;
    expect(responses).toEqual([
      expect.objectContaining({ name: null, email: null, answers: { park: 'no' } }),
    ]);
    expect((await results(`/api/public/consultations/${old.id}/results`)).responses).toBe(1);
    // The recent one keeps them for now.
    const recent = consultationSchema.parse(
      (await operator.get(`/api/consultations/${park.id}`)).body,
    );
    expect(recent.personalDataErasedAt).toBeNull();
    expect(recent.responseCount).toBe(2);
  });

  it('lets a resident see their data by an e-mailed link and delete it: removed while ongoing, anonymised after', async () => {
    const created = await create({
      subject: 'Ścieżki rowerowe',
      description: '',
      ...period(-60_000, 3_600_000),
      survey: { questions: [SURVEY.questions[0]!] },
    });
    const bikes = await publish(consultationSchema.parse(created.body));
    expect(
      (
        await respond(bikes.id, {
          name: 'Ana Kowal',
          email: 'ana@example.org',
          answers: { park: 'yes' },
        })
      ).status,
    ).toBe(202);

    const nothing = smtp.messages.length;
    const unknown = await anyone().post(
      `/api/public/councils/${councilId}/resident-data-requests`,
      {
        email: 'nobody@example.org',
      },
    );
    expect(unknown.status).toBe(202);
    const mark = smtp.messages.length;
    const asked = await anyone().post(`/api/public/councils/${councilId}/resident-data-requests`, {
      email: 'Ana@Example.org',
      language: 'pl',
    });
    expect(asked.status).toBe(202);
    const mail = await mailTo('Ana@Example.org', mark);
    expect(
      smtp.messages.slice(nothing).some((m) => m.envelopeTo.includes('nobody@example.org')),
    ).toBe(false);
    const token = tokenOf(mail, 'resident-data');

    const data = residentDataSchema.parse(
      (await anyone().get(`/api/public/resident-data/${token}`)).body,
    );
    expect(data.email).toBe('ana@example.org');
    expect(data.responses.map((r) => r.consultationSubject).sort()).toEqual([
      'Park na Rynku',
      'Ścieżki rowerowe',
    ]);
    expect(data.opinions.map((o) => o.text)).toEqual(['Więcej drzew, proszę.']);

    const deleted = await anyone().request('DELETE', `/api/public/resident-data/${token}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ deleted: 1, anonymised: 2 });
    const after = residentDataSchema.parse(
      (await anyone().get(`/api/public/resident-data/${token}`)).body,
    );
    expect(after).toMatchObject({ responses: [], opinions: [] });
    const report = await results(`/api/public/consultations/${park.id}/results`);
    expect(report.responses).toBe(2);
    expect(report.opinions.map((o) => o.name)).toEqual([null, null]);
    expect(
      officeResponsesSchema.parse(
        (await operator.get(`/api/consultations/${bikes.id}/responses`)).body,
      ).responses,
    ).toEqual([]);
  });

  it('limits requests per address', async () => {
    let status = 0;
    for (let attempt = 0; attempt < 25 && status !== 429; attempt++) {
      status = (
        await anyone().post(`/api/public/councils/${councilId}/resident-data-requests`, {
          email: `nobody${String(attempt)}@example.org`,
        })
      ).status;
    }
    expect(status).toBe(429);
  });
});

describe('the draft resolutions a consultation may concern', () => {
  it('lists those of sittings not yet closed, numbered, for the office only', async () => {
    const answer = await operator.get(`/api/councils/${councilId}/draft-resolutions`);
    expect(answer.status).toBe(200);
    const { items } = draftResolutionChoicesSchema.parse(answer.body);
    // The coming sitting XXIV's two draft resolutions; the closed sitting XXIII's are not offered.
    expect(items.map((item) => [item.sittingNumber, item.number])).toEqual([
      [24, '4'],
      [24, '5'],
    ]);
    expect(items.map((item) => item.id)).not.toContain(proceduralItemId);
    const councillor = await signedIn(COUNCILLOR);
    expect((await councillor.get(`/api/councils/${councilId}/draft-resolutions`)).status).toBe(403);
    expect((await anyone().get(`/api/councils/${councilId}/draft-resolutions`)).status).toBe(401);
  });
});
