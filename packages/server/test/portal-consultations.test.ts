import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  consultationSchema,
  sittingPreparationSchema,
  residentResponseSchema,
  type Consultation,
  type SurveyMessage,
} from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient } from './support/http-client.js';
import { linksIn } from './support/mail-message.js';
import { startVeche, type RunningVeche } from './support/server-process.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from './support/smtp-capture.js';

/*
 * The residents' side of consultations on the public portal (issue 7, section 2), against the
 * built server with e-mails caught by a real SMTP server: the calendar lists a published
 * consultation, its page carries the survey as a plain form, a response sent through it is
 * confirmed with the button of the e-mailed link's page (opening the link alone changes
 * nothing) and edited there, a refused form names the question, a second response from the
 * same address is refused on the e-mail field, and once a short consultation has ended its
 * results page shows the counts and the opinions.
 */

const PDF = readFileSync(
  new URL('../demo-assets/projekt-uchwaly-budzet-2026.pdf', import.meta.url),
);
const OPERATOR = DEMO_LOGINS.find((login) => login.role === 'operator')!.email;
const LINK =
  /\/portal\/(consultation-responses|consultation-opinions|resident-data)\/([A-Za-z0-9_-]{43})$/;

const SURVEY: SurveyMessage = {
  questions: [
    {
      id: 'park',
      kind: 'single_choice',
      prompt: 'Should the square become a park?',
      required: true,
      options: [
        { id: 'yes', label: 'Yes' },
        { id: 'no', label: 'No' },
      ],
    },
    {
      id: 'uses',
      kind: 'multiple_choice',
      prompt: 'What should be there?',
      required: false,
      options: [
        { id: 'trees', label: 'Trees' },
        { id: 'benches', label: 'Benches' },
        { id: 'fountain', label: 'A fountain' },
      ],
      maxSelections: 2,
    },
    { id: 'idea', kind: 'short_text', prompt: 'A name for it?', required: false },
    {
      id: 'importance',
      kind: 'scale',
      prompt: 'How important is it?',
      required: true,
      min: 1,
      max: 5,
      minLabel: 'Not at all',
      maxLabel: 'Very',
    },
    {
      id: 'order',
      kind: 'ranking',
      prompt: 'Order of priorities',
      required: false,
      options: [
        { id: 'green', label: 'Greenery' },
        { id: 'parking', label: 'Parking' },
        { id: 'market', label: 'Market' },
      ],
    },
    { id: 'why', kind: 'long_text', prompt: 'Why?', required: false },
  ],
};

let smtp: SmtpCapture;
let veche: RunningVeche;
let operator: TestClient;
let councilId: string;
let park: Consultation;

async function signedIn(email: string): Promise<TestClient> {
  const client = new TestClient(veche.url);
  expect((await client.post('/api/auth/login', { email, password: DEMO_PASSWORD })).status).toBe(
    200,
  );
  return client;
}

/** A published consultation running from a minute ago until `endsInMs` from now. */
async function publishedConsultation(subject: string, endsInMs: number): Promise<Consultation> {
  const created = await operator.post(`/api/councils/${councilId}/consultations`, {
    subject,
    description: 'The draft plan for the market square.',
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + endsInMs).toISOString(),
    survey: SURVEY,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const draft = consultationSchema.parse(created.body);
  const published = await operator.post(`/api/consultations/${draft.id}/publish`, {
    version: draft.version,
  });
  expect(published.status).toBe(200);
  return consultationSchema.parse(published.body);
}

async function page(path: string) {
  const response = await fetch(`${veche.url}${path}`);
  return { status: response.status, html: await response.text() };
}

/** Sends a portal form as a browser would (multipart/form-data). */
async function post(path: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  const response = await fetch(`${veche.url}${path}`, { method: 'POST', body });
  return { status: response.status, html: await response.text() };
}

/** The survey's answers as the form's fields (question by place, options by place). */
const answers = (overrides: Record<string, string> = {}) => ({
  q0: 'yes',
  'q1-0': 'on',
  'q1-1': 'on',
  q2: 'Green square',
  q3: '4',
  'q4-0': '1',
  'q4-1': '3',
  'q4-2': '2',
  q5: '',
  ...overrides,
});

const resident = (email: string, name = 'Anna Nowak') => ({ name, email, consent: 'yes' });

function mailTo(email: string, after: number): Promise<CapturedMail> {
  return smtp.waitFor(
    (mail) => mail.envelopeTo.includes(email) && smtp.messages.indexOf(mail) >= after,
  );
}

function tokenOf(mail: CapturedMail, kind: string): string {
  const link = linksIn(mail.text ?? '').find((candidate) => LINK.test(candidate));
  expect(link).toBeDefined();
  const [, linkKind, token] = LINK.exec(link!)!;
  expect(linkKind).toBe(kind);
  return token!;
}

async function responseOf(token: string) {
  const answer = await new TestClient(veche.url).get(`/api/public/consultation-responses/${token}`);
  expect(answer.status).toBe(200);
  return residentResponseSchema.parse(answer.body);
}

/** Sends the survey through the portal and returns the e-mailed link's token. */
async function respond(consultationId: string, email: string, fields = answers()) {
  const before = smtp.messages.length;
  const sent = await post(`/portal/consultations/${consultationId}/response?lang=en`, {
    ...fields,
    ...resident(email),
  });
  expect(sent.status, sent.html).toBe(200);
  expect(sent.html).toContain(`We sent a link to ${email}`);
  return tokenOf(await mailTo(email, before), 'consultation-responses');
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  veche = await startVeche({
    env: { SMTP_URL: smtp.url, LOGIN_RATE_LIMIT: '1000', PUBLIC_FORM_RATE_LIMIT: '100' },
  });
  operator = await signedIn(OPERATOR);
  const upcoming = await operator.get<{ sittings: { councilId: string }[] }>(
    '/api/sittings/upcoming',
  );
  councilId = upcoming.body.sittings[0]!.councilId;
  park = await publishedConsultation('Park on the market square', 3_600_000);
}, 120_000);

afterAll(async () => {
  await veche?.stop();
  await smtp?.close();
});

describe('the consultations calendar', () => {
  it('lists the consultation by status, draws the month as a table, and links the feed', async () => {
    const council = await page(`/portal/councils/${councilId}?lang=en`);
    expect(council.html).toContain(`href="/portal/councils/${councilId}/consultations"`);

    const calendar = await page(`/portal/councils/${councilId}/consultations?lang=en`);
    expect(calendar.status).toBe(200);
    expect(calendar.html).toContain(`href="/portal/consultations/${park.id}"`);
    expect(calendar.html).toContain('Park on the market square');
    expect(calendar.html).toContain('ongoing: open for answers');
    expect(calendar.html).toContain(`/api/public/councils/${councilId}/consultations.ics`);
    expect(calendar.html).toMatch(/<caption>Consultations in \w+ \d{4}, day by day<\/caption>/);
    expect(calendar.html).toContain('<th scope="col"><abbr title="Monday">');
    expect(calendar.html).toContain('aria-current="date"');

    const month = new Date(Date.now() + 62 * 86_400_000).toISOString().slice(0, 7);
    const later = await page(`/portal/councils/${councilId}/consultations?lang=en&month=${month}`);
    expect(later.status).toBe(200);
    // Two months on, the month's table shows no consultation (the lists still do).
    expect(later.html.split('<table')[1]).not.toContain('Park on the market square');

    expect((await page(`/portal/councils/${councilId}/consultations?month=2026-13`)).status).toBe(
      400,
    );
    expect((await page(`/portal/councils/${randomUUID()}/consultations`)).status).toBe(404);
  });
});

describe('a consultation’s page', () => {
  it('shows the survey as a form working without script, every kind of question', async () => {
    const shown = await page(`/portal/consultations/${park.id}?lang=en`);
    expect(shown.status).toBe(200);
    const html = shown.html;
    expect(html).toContain('<legend>Should the square become a park?');
    expect(html).toContain('(required)');
    expect(html).toContain('(optional)');
    expect(html).toMatch(/id="c-q0-0" type="radio"[^>]*name="q0"[^>]*value="yes"/);
    expect(html).toMatch(/type="checkbox" name="q1-0"/);
    expect(html).toMatch(/<input type="text" id="c-q2"[^>]*name="q2"/);
    expect(html).toContain('1 means “Not at all”, 5 means “Very”.');
    expect(html).toMatch(/<select id="c-q4-0" name="q4-0"/);
    expect(html).toMatch(/<textarea[^>]*name="q5"/);
    expect(html).toContain('name="text"');
    expect(html).toMatch(/<div hidden=""><label for="c-website">/);
    expect(html).not.toContain('<script');
    expect((await page(`/portal/consultations/${randomUUID()}`)).status).toBe(404);
  });

  it('sends a refused form back with what was typed, naming the question', async () => {
    const refused = await post(`/portal/consultations/${park.id}/response?lang=en`, {
      ...answers({ q0: '', 'q4-1': '1' }),
      ...resident('refused@example.org'),
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Nothing was sent. Please correct:');
    expect(refused.html).toContain(
      'Question 5, “Order of priorities”: Give every option a place, each place once.',
    );
    expect(refused.html).toMatch(/aria-invalid="true"/);
    expect(refused.html).toContain('value="Green square"');
    expect(refused.html).toContain('value="refused@example.org"');

    const domain = await post(`/portal/consultations/${park.id}/response?lang=en`, {
      ...answers({ q0: '' }),
      ...resident('refused@example.org'),
    });
    expect(domain.status).toBe(422);
    expect(domain.html).toContain(
      'Question 1, “Should the square become a park?”: Answer this question: it is required.',
    );
    expect(domain.html).toContain('href="#c-q0-0"');
    expect(domain.html).toContain('aria-describedby="c-q0-error"');
  });
});

describe('a consultation on a draft resolution', () => {
  it('links the agenda item on its public sitting', async () => {
    const options = await operator.get<{ bodies: { id: string; kind: string }[] }>(
      `/api/councils/${councilId}/preparation`,
    );
    const plenaryId = options.body.bodies.find((body) => body.kind === 'plenary')!.id;
    const created = await operator.post(`/api/councils/${councilId}/sittings`, {
      bodyId: plenaryId,
      title: `Sesja ${randomUUID().slice(0, 6)}`,
      startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      place: 'Sala obrad',
    });
    let sitting = sittingPreparationSchema.parse(created.body);
    const saved = await operator.put(`/api/sittings/${sitting.id}/agenda`, {
      version: sitting.version,
      items: [{ title: 'Projekt uchwały o parku na Rynku', kind: 'draft_resolution' }],
    });
    sitting = sittingPreparationSchema.parse(saved.body);
    const itemId = sitting.agenda[0]!.id;
    const draft = consultationSchema.parse(
      (
        await operator.post(`/api/councils/${councilId}/consultations`, {
          subject: 'Park, the draft',
          description: '',
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
          agendaItemId: itemId,
          survey: { questions: [] },
        })
      ).body,
    );
    const published = await operator.post(`/api/consultations/${draft.id}/publish`, {
      version: draft.version,
    });
    expect(published.status).toBe(200);
    // The sitting is not public yet: no link to it.
    const before = await page(`/portal/consultations/${draft.id}?lang=en`);
    expect(before.html).not.toContain(`/portal/sittings/${sitting.id}`);
    // Without questions the page offers the opinion form alone.
    expect(before.html).not.toContain('id="c-form"');
    expect(before.html).toContain('id="o-form"');
    const convened = await operator.post(`/api/sittings/${sitting.id}/convene`, {
      version: sitting.version,
    });
    expect(convened.status).toBe(200);
    const after = await page(`/portal/consultations/${draft.id}?lang=en`);
    expect(after.html).toContain(`href="/portal/sittings/${sitting.id}"`);
    expect(after.html).toContain('“Projekt uchwały o parku na Rynku” on the agenda of');
  });

  it('lists its documents, each at its public address', async () => {
    const form = new FormData();
    form.append('title', 'Mapa terenu');
    form.append('file', new Blob([new Uint8Array(PDF)]), 'mapa.pdf');
    const uploaded = await fetch(`${veche.url}/api/consultations/${park.id}/documents`, {
      method: 'POST',
      body: form,
      headers: { cookie: operator.sessionCookie ?? '', origin: veche.url },
    });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    const shown = await page(`/portal/consultations/${park.id}?lang=en`);
    const href = `/api/public/consultation-documents/${id}`;
    expect(shown.html).toContain(`href="${href}"`);
    expect(shown.html).toContain('Mapa terenu');
    const file = await fetch(`${veche.url}${href}`);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
  });
});

describe('a response through the portal', () => {
  it('is confirmed with the link page’s button, not by opening the link, and edited there', async () => {
    const token = await respond(park.id, 'anna@example.org');
    const opened = await page(`/portal/consultation-responses/${token}?lang=en`);
    expect(opened.status).toBe(200);
    expect(opened.html).toContain('It does not count yet');
    expect(opened.html).toContain(
      `action="/portal/consultation-responses/${token}/confirm?lang=en"`,
    );
    // The survey comes back filled in.
    expect(opened.html).toMatch(/name="q0" checked="" value="yes"/);
    expect(opened.html).toMatch(
      /name="q4-1"><option value="">[^<]*<\/option><option value="1">[^<]*<\/option><option value="2">[^<]*<\/option><option value="3" selected="">/,
    );
    expect((await responseOf(token)).verified).toBe(false);

    const confirmed = await post(`/portal/consultation-responses/${token}/confirm?lang=en`, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.html).toContain('Thank you: your address is confirmed.');
    expect(confirmed.html).toContain('your response counts');
    expect((await responseOf(token)).verified).toBe(true);

    const saved = await post(`/portal/consultation-responses/${token}?lang=en`, {
      ...answers({ q3: '5', 'q1-1': '' }),
      name: 'Anna Nowak',
    });
    expect(saved.status, saved.html).toBe(200);
    expect(saved.html).toContain('Your changes are saved.');
    const edited = await responseOf(token);
    expect(edited.answers).toMatchObject({ importance: 5, order: ['green', 'market', 'parking'] });
    expect((await page(`/portal/consultation-responses/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('refuses a second response from the same address on the e-mail field, and mails a link', async () => {
    await respond(park.id, 'twice@example.org');
    const before = smtp.messages.length;
    const again = await post(`/portal/consultations/${park.id}/response?lang=en`, {
      ...answers({ q0: 'no' }),
      ...resident('Twice@Example.org'),
    });
    expect(again.status).toBe(409);
    expect(again.html).toContain(
      'A response from this address exists already; we e-mailed you a link to edit it.',
    );
    expect(again.html).toMatch(
      /id="c-email"[^>]*aria-invalid="true"[^>]*aria-describedby="c-email-hint c-email-error"/,
    );
    tokenOf(await mailTo('twice@example.org', before), 'consultation-responses');
  });
});

describe('a resident’s data', () => {
  it('is shown through the e-mailed link, and deleted only by its button', async () => {
    const form = await page(`/portal/councils/${councilId}/resident-data?lang=en`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="email"');
    const refused = await post(`/portal/councils/${councilId}/resident-data?lang=en`, {
      email: 'not an address',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('aria-invalid="true"');

    const before = smtp.messages.length;
    const sent = await post(`/portal/councils/${councilId}/resident-data?lang=en`, {
      email: 'data@example.org',
    });
    expect(sent.status).toBe(200);
    const nobody = await post(`/portal/councils/${councilId}/resident-data?lang=en`, {
      email: 'nobody@example.org',
    });
    // The same words whether or not anything is kept.
    expect(nobody.html.replace('nobody@example.org', 'data@example.org')).toBe(sent.html);
    // data@example.org has not answered anything yet: it gets no link either.
    const kept = await respond(park.id, 'data@example.org');
    const asked = smtp.messages.length;
    await post(`/portal/councils/${councilId}/resident-data?lang=en`, {
      email: 'data@example.org',
    });
    expect(
      smtp.messages.slice(before, asked).some((m) => m.envelopeTo.includes('nobody@example.org')),
    ).toBe(false);
    const token = tokenOf(await mailTo('data@example.org', asked), 'resident-data');

    const shown = await page(`/portal/resident-data/${token}?lang=en`);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('Park on the market square');
    expect(shown.html).toContain('Name: Anna Nowak');
    expect((await responseOf(kept)).email).toBe('data@example.org');

    const deleted = await post(`/portal/resident-data/${token}?lang=en`, {});
    expect(deleted.status).toBe(200);
    expect(deleted.html).toContain(
      'Done: 1 entries deleted, 0 kept without your name and address.',
    );
    expect(deleted.html).toContain('Nothing is kept about this address.');
    expect((await page(`/portal/consultation-responses/${kept}`)).status).toBe(404);
  });
});

describe('the results page', () => {
  it('says when results come, then shows the counts, bars, texts and opinions', async () => {
    const short = await publishedConsultation('Benches for the square', 30_000);
    const endsAt = Date.parse(short.endsAt);
    const first = await respond(short.id, 'one@example.org');
    const second = await respond(
      short.id,
      'two@example.org',
      answers({ q0: 'no', 'q1-1': '', 'q1-2': 'on', q3: '2', q5: 'Because.' }),
    );
    const unconfirmed = await respond(short.id, 'three@example.org', answers({ q0: 'no' }));
    for (const token of [first, second]) {
      expect((await post(`/portal/consultation-responses/${token}/confirm`, {})).status).toBe(200);
    }
    expect((await responseOf(unconfirmed)).verified).toBe(false);

    const before = smtp.messages.length;
    const opinion = await post(`/portal/consultations/${short.id}/opinion?lang=en`, {
      text: 'Please keep the old trees.',
      ...resident('opinion@example.org', 'Jan Kowalski'),
    });
    expect(opinion.status, opinion.html).toBe(200);
    const opinionToken = tokenOf(
      await mailTo('opinion@example.org', before),
      'consultation-opinions',
    );
    const opinionPage = await page(`/portal/consultation-opinions/${opinionToken}?lang=en`);
    expect(opinionPage.html).toContain('It does not count yet');
    const opinionConfirmed = await post(
      `/portal/consultation-opinions/${opinionToken}?lang=en`,
      {},
    );
    expect(opinionConfirmed.html).toContain('the opinion has reached the office');

    const early = await page(`/portal/consultations/${short.id}/results?lang=en`);
    expect(early.status).toBe(409);
    expect(early.html).toContain('The results are published when the consultation ends.');

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, endsAt - Date.now() + 500)));
    const closed = await page(`/portal/consultations/${short.id}?lang=en`);
    expect(closed.html).toContain(`href="/portal/consultations/${short.id}/results"`);
    expect(closed.html).not.toContain('name="q0"');
    const late = await post(`/portal/consultation-responses/${unconfirmed}/confirm?lang=en`, {});
    expect(late.status).toBe(409);

    const results = await page(`/portal/consultations/${short.id}/results?lang=en`);
    expect(results.status).toBe(200);
    const html = results.html;
    expect(html).toMatch(/Confirmed responses<\/dt><dd>2<\/dd>/);
    // Single choice: one yes, one no, of two; the bar is drawn, the number is the text.
    expect(html).toMatch(/<th scope="row">Yes<\/th><td>1 \(50%\)<\/td>/);
    expect(html).toMatch(/<th scope="row">Trees<\/th><td>2 \(100%\)<\/td>/);
    expect(html).toMatch(/<svg class="bar" aria-hidden="true"/);
    expect(html).toContain('Mean: 3 on a scale from 1 to 5.');
    expect(html).toContain('Because.');
    expect(html).toContain('Jan Kowalski');
    expect(html).toContain('Please keep the old trees.');
    expect(html).toContain(`/api/public/consultations/${short.id}/results.csv`);
    const report = html.match(/href="([^"]*report\.pdf)"/)?.[1];
    expect(report).toBe(`/api/public/consultations/${short.id}/report.pdf`);
    const pdf = await fetch(`${veche.url}${report!}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  }, 90_000);
});
