import { randomUUID } from 'node:crypto';
import {
  sittingPreparationSchema,
  speechRequestListSchema,
  speechRequestSchema,
  type SittingPreparation,
} from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient } from './support/http-client.js';
import { linksIn } from './support/mail-message.js';
import { startVeche, type RunningVeche } from './support/server-process.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from './support/smtp-capture.js';

/*
 * Residents' requests to speak (issue 7, section 1) against the built server: the portal's form
 * without JavaScript, the confirmation link through a real SMTP server, the office's decision
 * and its e-mail in the resident's language, the deadline, the abuse limits, and the approved
 * resident joining the speaker queue when the live sitting reaches the item.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const COUNCILLOR = DEMO_COUNCILLORS[5]!.email;
/** Forms an hour from one address: more than the tests before the last one send. */
const IP_LIMIT = 40;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

let smtp: SmtpCapture;
let veche: RunningVeche;
let operator: TestClient;
let councilId: string;
let plenaryId: string;

async function signedIn(email: string): Promise<TestClient> {
  const client = new TestClient(veche.url);
  expect((await client.post('/api/auth/login', { email, password: DEMO_PASSWORD })).status).toBe(
    200,
  );
  return client;
}

/** A convened sitting of the plenary `daysAhead` from now, with these items. */
async function convenedSitting(daysAhead: number, titles: string[]): Promise<SittingPreparation> {
  const created = await operator.post(`/api/councils/${councilId}/sittings`, {
    bodyId: plenaryId,
    title: `Sesja ${randomUUID().slice(0, 6)}`,
    startsAt: new Date(Date.now() + daysAhead * 86_400_000).toISOString(),
    place: 'Sala obrad',
  });
  let sitting = sittingPreparationSchema.parse(created.body);
  const saved = await operator.put(`/api/sittings/${sitting.id}/agenda`, {
    version: sitting.version,
    items: titles.map((title) => ({ title, kind: 'procedural' })),
  });
  sitting = sittingPreparationSchema.parse(saved.body);
  const convened = await operator.post(`/api/sittings/${sitting.id}/convene`, {
    version: sitting.version,
  });
  return sittingPreparationSchema.parse(convened.body);
}

interface Form {
  name?: string;
  email?: string;
  itemId?: string;
  summary?: string;
  website?: string;
  attachment?: { name: string; content: Buffer };
}

/** Sends the portal's form as a browser would, from `ip` (X-Forwarded-For is not trusted). */
async function file(sittingId: string, form: Form, lang = 'pl') {
  const body = new FormData();
  for (const [key, value] of Object.entries(form)) {
    if (key !== 'attachment' && value !== undefined) body.append(key, value as string);
  }
  if (form.attachment !== undefined) {
    body.append(
      'attachment',
      new Blob([new Uint8Array(form.attachment.content)]),
      form.attachment.name,
    );
  }
  const response = await fetch(`${veche.url}/portal/sittings/${sittingId}/speak?lang=${lang}`, {
    method: 'POST',
    body,
  });
  return { status: response.status, html: await response.text() };
}

async function mailTo(address: string, subjectWord: string): Promise<CapturedMail> {
  return smtp.waitFor(
    (mail) => mail.envelopeTo.includes(address) && mail.subject.includes(subjectWord),
  );
}

const confirmLinkIn = (mail: CapturedMail) =>
  linksIn(mail.text ?? '').find((link) => link.includes('/portal/speech-requests/confirm'))!;

/** Opens the confirmation link and presses its button, as a resident does. */
async function confirm(link: string) {
  const opened = await fetch(link);
  expect(opened.status).toBe(200);
  const token = new URL(link).searchParams.get('token')!;
  const body = new FormData();
  body.append('token', token);
  const confirmed = await fetch(`${veche.url}/portal/speech-requests/confirm`, {
    method: 'POST',
    body,
  });
  return { opened: await opened.text(), status: confirmed.status, html: await confirmed.text() };
}

async function requestsOf(sittingId: string) {
  const response = await operator.get(`/api/sittings/${sittingId}/speech-requests`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return speechRequestListSchema.parse(response.body);
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  veche = await startVeche({
    env: { SMTP_URL: smtp.url, LOGIN_RATE_LIMIT: '1000', PUBLIC_FORM_RATE_LIMIT: String(IP_LIMIT) },
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
});

afterAll(async () => {
  await veche?.stop();
  await smtp?.close();
});

describe('a resident’s request to speak', () => {
  let sitting: SittingPreparation;
  let itemId: string;

  beforeAll(async () => {
    sitting = await convenedSitting(20, ['Otwarcie sesji', 'Budżet na 2027 rok']);
    itemId = sitting.agenda[1]!.id;
  });

  it('is offered on the sitting page with the council’s deadline, and as a plain form', async () => {
    const page = await (await fetch(`${veche.url}/portal/sittings/${sitting.id}?lang=en`)).text();
    expect(page).toContain('Request to speak');
    expect(page).toContain(`/portal/sittings/${sitting.id}/speak`);
    const form = await (
      await fetch(`${veche.url}/portal/sittings/${sitting.id}/speak?lang=en`)
    ).text();
    expect(form).toMatch(/enctype="multipart\/form-data"/i);
    expect(form).toContain('2. Budżet na 2027 rok');
    // The honeypot is out of everyone's way, screen readers' included.
    expect(form).toMatch(/<div hidden=""><label for="speak-website">/);
  });

  it('counts only once the address is confirmed; the office approves and the resident is told', async () => {
    const sent = await file(sitting.id, {
      name: 'Anna Mieszkańska',
      email: 'Anna.Mieszkanska@example.org',
      itemId,
      summary: 'O remoncie ulicy Źródlanej i o budżecie obywatelskim.',
      attachment: { name: 'stanowisko.pdf', content: PDF },
    });
    expect(sent.status).toBe(201);
    expect(sent.html).toContain('Sprawdź pocztę');
    expect(sent.html).toContain('Anna.Mieszkanska@example.org');

    const mail = await mailTo('Anna.Mieszkanska@example.org', 'Potwierdź');
    expect(mail.text).toContain('Budżet na 2027 rok');
    let listed = await requestsOf(sitting.id);
    expect(listed.requests).toHaveLength(1);
    const [unconfirmed] = listed.requests;
    expect(unconfirmed).toMatchObject({ status: 'unverified', itemNumber: '2', language: 'pl' });
    expect(unconfirmed!.attachment).toMatchObject({ fileName: 'stanowisko.pdf' });

    // The office cannot decide on it yet.
    const early = await operator.post(`/api/speech-requests/${unconfirmed!.id}/review`, {
      decision: 'approve',
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: 'not_verified' } });

    const confirmed = await confirm(confirmLinkIn(mail));
    // Opening the link changes nothing; the button does.
    expect(confirmed.opened).toContain('Potwierdzam zgłoszenie');
    expect(confirmed.status).toBe(200);
    expect(confirmed.html).toContain('zgłoszenie zostało potwierdzone');
    listed = await requestsOf(sitting.id);
    expect(listed.requests[0]!.status).toBe('pending');

    const attachment = await fetch(`${veche.url}${unconfirmed!.attachment!.url}`, {
      headers: { cookie: operator.sessionCookie! },
    });
    expect(attachment.status).toBe(200);
    expect(attachment.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await attachment.arrayBuffer()).equals(PDF)).toBe(true);

    const approved = await operator.post(`/api/speech-requests/${unconfirmed!.id}/review`, {
      decision: 'approve',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(speechRequestSchema.parse(approved.body)).toMatchObject({
      status: 'approved',
      queued: false,
    });
    const told = await mailTo('Anna.Mieszkanska@example.org', 'Może Pan/Pani zabrać głos');
    expect(told.text).toContain('Budżet na 2027 rok');
    expect(told.text).toContain('Sala obrad');

    const twice = await operator.post(`/api/speech-requests/${unconfirmed!.id}/review`, {
      decision: 'reject',
      reason: 'Jednak nie',
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: { code: 'already_reviewed' } });
  });

  it('is rejected with a reason written to the resident in their language', async () => {
    await file(
      sitting.id,
      { name: 'Maria Petrova', email: 'maria@example.bg', itemId, summary: 'За бюджета.' },
      'bg',
    );
    const mail = await mailTo('maria@example.bg', 'Потвърдете');
    await confirm(confirmLinkIn(mail));
    const request = (await requestsOf(sitting.id)).requests.find(
      (r) => r.name === 'Maria Petrova',
    )!;
    const blank = await operator.post(`/api/speech-requests/${request.id}/review`, {
      decision: 'reject',
      reason: '   ',
    });
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ error: { field: 'reason' } });
    const rejected = await operator.post(`/api/speech-requests/${request.id}/review`, {
      decision: 'reject',
      reason: 'Точката не предвижда изказвания на граждани.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected' });
    const told = await mailTo('maria@example.bg', 'Искането ви за изказване');
    expect(told.text).toContain('Точката не предвижда изказвания на граждани.');
  });

  it('names each wrong field in the reader’s language, keeps what was typed, and files nothing', async () => {
    const before = (await requestsOf(sitting.id)).requests.length;
    const bad = await file(
      sitting.id,
      { name: ' ', email: 'not-an-address', itemId, summary: 'x'.repeat(1001) },
      'en',
    );
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('The request was not sent');
    expect(bad.html).toContain('Fill in this field.');
    expect(bad.html).toContain('Enter an e-mail address such as name@example.com.');
    expect(bad.html).toContain('at most 1,000 characters');
    expect(bad.html).toContain('value="not-an-address"');
    expect(bad.html).toContain('aria-invalid="true"');

    const foreignItem = await file(sitting.id, {
      name: 'Jan',
      email: 'jan@example.org',
      itemId: randomUUID(),
      summary: 'Tak',
    });
    expect(foreignItem.status).toBe(422);
    expect(foreignItem.html).toContain('Wybierz punkt porządku obrad.');

    const notPdf = await file(sitting.id, {
      name: 'Jan',
      email: 'jan@example.org',
      itemId,
      summary: 'Tak',
      attachment: { name: 'x.exe', content: Buffer.from('MZ\u0090\u0000 not a document') },
    });
    expect(notPdf.status).toBe(422);
    expect(notPdf.html).toContain('Ten rodzaj pliku nie jest przyjmowany');

    const tooLarge = await file(sitting.id, {
      name: 'Jan',
      email: 'jan@example.org',
      itemId,
      summary: 'Tak',
      attachment: { name: 'big.pdf', content: Buffer.alloc(5 * 1024 * 1024 + 1, 0x25) },
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.html).toContain('Plik jest za duży');
    expect((await requestsOf(sitting.id)).requests).toHaveLength(before);
  });

  it('takes the honeypot’s filler for a success and keeps nothing', async () => {
    const bot = await file(sitting.id, {
      name: 'Bot',
      email: 'bot@example.org',
      itemId,
      summary: 'Buy now',
      website: 'https://spam.example',
    });
    expect(bot.status).toBe(201);
    expect((await requestsOf(sitting.id)).requests.some((r) => r.name === 'Bot')).toBe(false);
    // No confirmation goes to the address (other tests' mail may still be arriving meanwhile).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.filter((mail) => mail.envelopeTo.includes('bot@example.org'))).toEqual([]);
  });

  it('finds the first request when the same address asks again for the item', async () => {
    const form = { name: 'Ewa', email: 'ewa@example.org', itemId, summary: 'Chodniki' };
    expect((await file(sitting.id, form)).status).toBe(201);
    const first = await mailTo('ewa@example.org', 'Potwierdź');
    const again = await file(sitting.id, { ...form, email: 'EWA@example.org' });
    expect(again.status).toBe(200);
    // A new link replaces the first one.
    const second = await smtp.waitFor(
      (mail) => mail.envelopeTo.includes('ewa@example.org') && mail !== first,
    );
    const stale = await fetch(confirmLinkIn(first));
    expect(stale.status).toBe(404);
    await confirm(confirmLinkIn(second));
    const third = await file(sitting.id, form);
    expect(third.status).toBe(200);
    expect(third.html).toContain('czeka na decyzję biura rady');
    expect((await requestsOf(sitting.id)).requests.filter((r) => r.name === 'Ewa')).toHaveLength(1);
  });

  it('is closed to anyone but the council office', async () => {
    const councillor = await signedIn(COUNCILLOR);
    const listed = await councillor.get(`/api/sittings/${sitting.id}/speech-requests`);
    expect(listed.status).toBe(403);
    const anonymous = new TestClient(veche.url);
    expect((await anonymous.get(`/api/sittings/${sitting.id}/speech-requests`)).status).toBe(401);
  });
});

describe('the deadline', () => {
  it('closes the form after the council’s last day, in its time zone', async () => {
    // The demo council takes requests until 3 days before; this sitting is in 2 days.
    const soon = await convenedSitting(2, ['Sprawy bieżące']);
    const page = await (
      await fetch(`${veche.url}/portal/sittings/${soon.id}/speak?lang=en`)
    ).text();
    expect(page).toContain('The deadline for requests to speak at this sitting passed');
    expect(page).not.toContain('<form id="speak-form"');
    const late = await file(soon.id, {
      name: 'Jan',
      email: 'late@example.org',
      itemId: soon.agenda[0]!.id,
      summary: 'Za późno',
    });
    expect(late.status).toBe(409);
    expect((await requestsOf(soon.id)).requests).toEqual([]);
  });
});

describe('abuse limits', () => {
  it('takes at most five requests a day from one address', async () => {
    const sitting = await convenedSitting(25, ['A', 'B', 'C', 'D', 'E', 'F']);
    const statuses: number[] = [];
    for (const item of sitting.agenda) {
      const sent = await file(sitting.id, {
        name: 'Many',
        email: 'many@example.org',
        itemId: item.id,
        summary: 'Again',
      });
      statuses.push(sent.status);
      if (sent.status === 429) expect(sent.html).toContain('zbyt wiele zgłoszeń');
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });
});

describe('an approved resident in the live sitting', () => {
  it('joins the speaker queue of the item when the sitting reaches it, once', async () => {
    const sitting = await convenedSitting(30, ['Otwarcie', 'Wolne wnioski']);
    const [opening, motions] = sitting.agenda;
    await file(sitting.id, {
      name: 'Piotr Mieszkaniec',
      email: 'piotr@example.org',
      itemId: motions!.id,
      summary: 'O parkingu',
    });
    await confirm(confirmLinkIn(await mailTo('piotr@example.org', 'Potwierdź')));
    const request = (await requestsOf(sitting.id)).requests[0]!;
    expect(
      (await operator.post(`/api/speech-requests/${request.id}/review`, { decision: 'approve' }))
        .status,
    ).toBe(200);

    const command = async (wire: Record<string, unknown>) => {
      const response = await operator.post(`/api/sittings/${sitting.id}/commands`, {
        commandId: randomUUID(),
        command: wire,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    };
    const queue = async () =>
      (
        await operator.get<{ state: { speakerQueue: { requestId: string; speaker: unknown }[] } }>(
          `/api/sittings/${sitting.id}/state`,
        )
      ).body.state.speakerQueue;
    const waitForQueue = async (length: number) => {
      const deadline = Date.now() + 10_000;
      let entries = await queue();
      while (entries.length !== length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        entries = await queue();
      }
      return entries;
    };

    await command({ type: 'sitting.open' });
    await command({ type: 'agenda.set_current', itemId: opening!.id });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await queue()).toEqual([]);
    await command({ type: 'agenda.set_current', itemId: motions!.id });
    const [entry] = await waitForQueue(1);
    expect(entry).toMatchObject({
      requestId: request.id,
      speaker: { kind: 'resident', requestId: request.id, name: 'Piotr Mieszkaniec' },
      type: 'normal',
      itemId: motions!.id,
    });
    const listed = (await requestsOf(sitting.id)).requests[0]!;
    expect(listed.queued).toBe(true);

    // The chair takes the request off the queue; returning to the item does not bring it back.
    await command({ type: 'speaker.withdraw', requestId: request.id });
    await command({ type: 'agenda.set_current', itemId: opening!.id });
    await command({ type: 'agenda.set_current', itemId: motions!.id });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await queue()).toEqual([]);
  });
});

describe('the limit per client address', () => {
  it('answers the form again, saying so, once an address has sent too many', async () => {
    const sitting = await convenedSitting(26, ['Sprawy różne']);
    let last = { status: 0, html: '' };
    for (let sent = 0; sent <= IP_LIMIT && last.status !== 429; sent++) {
      last = await file(sitting.id, { name: '', email: '', itemId: '', summary: '' });
    }
    expect(last.status).toBe(429);
    expect(last.html).toContain('Zbyt wiele zgłoszeń z Twojego połączenia');
    expect(last.html).toContain('<form id="speak-form"');
  });
});
