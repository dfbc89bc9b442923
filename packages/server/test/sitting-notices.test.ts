import {
  notificationsResponseSchema,
  sittingPreparationSchema,
  type AgendaDraftItemInput,
  type PreparedAgendaItem,
  type SittingPreparation,
} from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { linksIn } from './support/mail-message.js';
import { TestClient } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from './support/smtp-capture.js';

/*
 * Members are told when a sitting is convened and, later, what changed: by e-mail through a real
 * SMTP server in this process, each in their own language, and in the app. Changes made within
 * the delay (one second here) arrive as one message; a draft's edits tell nobody.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const ANNA = DEMO_COUNCILLORS[1]!;
const MARIA = DEMO_COUNCILLORS[2]!;

let smtp: SmtpCapture;
let veche: RunningVeche;
let operator: TestClient;
let councilId: string;
let plenaryId: string;
let sitting: SittingPreparation;

async function signedIn(email: string): Promise<TestClient> {
  const client = new TestClient(veche.url);
  expect((await client.post('/api/auth/login', { email, password: DEMO_PASSWORD })).status).toBe(
    200,
  );
  return client;
}

const item = (title: string): AgendaDraftItemInput => ({ title, kind: 'procedural' });
const asDraft = (items: readonly PreparedAgendaItem[]): AgendaDraftItemInput[] =>
  items.map(({ id, title, kind, children }) => ({ id, title, kind, children: asDraft(children) }));

/** Messages about this test's sitting, by the words of their subject. */
const about = (word: string) =>
  smtp.messages.filter((mail) => mail.subject.startsWith(word) && mail.subject.includes('XXV'));

async function waitForCount(word: string, count: number): Promise<CapturedMail[]> {
  const deadline = Date.now() + 15_000;
  while (about(word).length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return about(word);
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  veche = await startVeche({
    env: { SMTP_URL: smtp.url, CHANGE_NOTICE_DELAY_SECONDS: '1', LOGIN_RATE_LIMIT: '1000' },
  });
  operator = await signedIn(OPERATOR);
  const upcoming = await operator.get<{ sittings: { councilId: string }[] }>(
    '/api/sittings/upcoming',
  );
  councilId = upcoming.body.sittings[0]!.councilId;
  const options = await operator.get<{ bodies: { id: string; kind: string }[] }>(
    `/api/councils/${councilId}/preparation`,
  );
  plenaryId = options.body.bodies.find((body) => body.kind === 'plenary')!.id;
  // Maria reads Veche in English.
  const maria = await signedIn(MARIA.email);
  expect((await maria.put('/api/me/preferences', { language: 'en' })).status).toBe(200);
});

afterAll(async () => {
  await veche?.stop();
  await smtp?.close();
});

describe('notices to members', () => {
  it('tells nobody while the sitting is a draft', async () => {
    const created = await operator.post(`/api/councils/${councilId}/sittings`, {
      bodyId: plenaryId,
      title: 'Sesja budżetowa',
      startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      place: 'Sala obrad',
    });
    sitting = sittingPreparationSchema.parse(created.body);
    const saved = await operator.put(`/api/sittings/${sitting.id}/agenda`, {
      version: sitting.version,
      items: [item('Otwarcie sesji'), item('Budżet na 2027 rok')],
    });
    sitting = sittingPreparationSchema.parse(saved.body);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(about('Zwołanie')).toEqual([]);
    expect(about('Zmiany')).toEqual([]);
  });

  it('e-mails every member with an account when it is convened, in their language', async () => {
    const convened = await operator.post(`/api/sittings/${sitting.id}/convene`, {
      version: sitting.version,
    });
    sitting = sittingPreparationSchema.parse(convened.body);
    const polish = await waitForCount('Zwołanie', DEMO_COUNCILLORS.length - 1);
    const english = await waitForCount('Convened', 1);
    expect(polish.length + english.length).toBe(DEMO_COUNCILLORS.length);
    const toAnna = polish.find((mail) => mail.envelopeTo.includes(ANNA.email))!;
    expect(toAnna.subject).toBe('Zwołanie: XXV sesja — Rada Miejska w Wierzbowie: Sesja budżetowa');
    expect(toAnna.text).toContain('1. Otwarcie sesji');
    expect(toAnna.text).toContain('2. Budżet na 2027 rok');
    expect(toAnna.text).toContain('Sala obrad');
    expect(linksIn(toAnna.text ?? '')).toContain(`${veche.url}/sittings/${sitting.id}/live`);
    const toMaria = english[0]!;
    expect(toMaria.envelopeTo).toEqual([MARIA.email]);
    expect(toMaria.text).toContain('Agenda:');
  });

  it('gathers the changes made within the delay into one message each', async () => {
    const before = smtp.messages.length;
    const added = await operator.put(`/api/sittings/${sitting.id}/agenda`, {
      version: sitting.version,
      items: [...asDraft(sitting.agenda), item('Wolne wnioski')],
    });
    sitting = sittingPreparationSchema.parse(added.body);
    const renamed = asDraft(sitting.agenda);
    renamed[1] = { ...renamed[1]!, title: 'Budżet gminy na 2027 rok' };
    const retitled = await operator.put(`/api/sittings/${sitting.id}/agenda`, {
      version: sitting.version,
      items: renamed,
    });
    sitting = sittingPreparationSchema.parse(retitled.body);
    const moved = await operator.put(`/api/sittings/${sitting.id}`, {
      version: sitting.version,
      title: sitting.title,
      kind: sitting.kind,
      mode: sitting.mode,
      startsAt: sitting.startsAt,
      place: 'Sala widowiskowa, Rynek 2',
    });
    expect(moved.status).toBe(200);
    const changed = await waitForCount('Zmiany', DEMO_COUNCILLORS.length - 1);
    expect(changed.length).toBe(DEMO_COUNCILLORS.length - 1);
    const toAnna = changed.find((mail) => mail.envelopeTo.includes(ANNA.email))!;
    expect(toAnna.text).toContain('Dodano punkt 3: Wolne wnioski');
    expect(toAnna.text).toContain(
      'Punkt 2 ma nowy tytuł: Budżet gminy na 2027 rok (wcześniej: Budżet na 2027 rok)',
    );
    expect(toAnna.text).toContain('Nowe miejsce: Sala widowiskowa, Rynek 2');
    // One message per member for the three saves, nothing else.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(smtp.messages.length - before).toBe(DEMO_COUNCILLORS.length);
  });

  it('shows the same in the app, in the language asked for, until read', async () => {
    const anna = await signedIn(ANNA.email);
    const listed = notificationsResponseSchema.parse(
      (await anna.get('/api/me/notifications?language=en')).body,
    );
    expect(listed.unread).toBe(2);
    expect(listed.notifications.map((notification) => notification.kind)).toEqual([
      'changed',
      'convened',
    ]);
    expect(listed.notifications[0]!.sittingName).toBe(
      'Sitting XXV — Rada Miejska w Wierzbowie: Sesja budżetowa',
    );
    expect(listed.notifications[0]!.changes).toContain('Item 3 added: Wolne wnioski');
    expect((await anna.post('/api/me/notifications/read', {})).status).toBe(204);
    const after = notificationsResponseSchema.parse((await anna.get('/api/me/notifications')).body);
    expect(after.unread).toBe(0);
    // The operator is not a member of the body: nothing for the office.
    const office = notificationsResponseSchema.parse(
      (await operator.get('/api/me/notifications')).body,
    );
    expect(office.notifications).toEqual([]);
    expect((await anna.get('/api/me/notifications?language=xx')).status).toBe(400);
  });
});
