import { consultationSchema, type Consultation, type SurveyMessage } from '@veche/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../packages/server/src/demo/demo-council';
import { TestClient } from '../packages/server/test/support/http-client';
import { linksIn } from '../packages/server/test/support/mail-message';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import { startSmtpCapture, type SmtpCapture } from '../packages/server/test/support/smtp-capture';
import {
  expectNoSeriousViolations,
  launchChromium,
  overflowsHorizontally,
  screenshot,
} from './support/browser';

/*
 * The residents' pages of consultations (issue 7, section 2) in Chromium on a phone, in Polish
 * and Bulgarian: the calendar, a consultation's survey (sent wrong, then right), the e-mailed
 * link's page and its button, and the results of a consultation that has ended. axe checks
 * each page. (The issue's whole story, with the office's side, is another test.)
 */

const OPERATOR = 'biuro.rady@wierzbow.example';

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
      ],
    },
    {
      id: 'importance',
      kind: 'scale',
      prompt: 'Jak ważna jest ta sprawa?',
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
      ],
    },
    { id: 'why', kind: 'long_text', prompt: 'Dlaczego?', required: false },
  ],
};

let smtp: SmtpCapture;
let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let operator: TestClient;
let councilId: string;
let park: Consultation;
let short: Consultation;

async function phone(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 360, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

async function expectAccessible(page: Page, language: string, label: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang'), label).toBe(language);
  expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
  expect(await overflowsHorizontally(page), `${label}: scrolls sideways`).toBe(false);
  await expectNoSeriousViolations(page, `${language} ${label}`);
  await screenshot(page, `consultation-${language}-${label.replaceAll(' ', '-')}`);
}

async function published(subject: string, endsInMs: number): Promise<Consultation> {
  const created = await operator.post(`/api/councils/${councilId}/consultations`, {
    subject,
    description: 'Projekt uchwały w sprawie zagospodarowania Rynku.',
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + endsInMs).toISOString(),
    survey: SURVEY,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const draft = consultationSchema.parse(created.body);
  const done = await operator.post(`/api/consultations/${draft.id}/publish`, {
    version: draft.version,
  });
  return consultationSchema.parse(done.body);
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  veche = await startVeche({ env: { SMTP_URL: smtp.url, LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  operator = new TestClient(veche.url);
  expect(
    (await operator.post('/api/auth/login', { email: OPERATOR, password: DEMO_PASSWORD })).status,
  ).toBe(200);
  const upcoming = await operator.get<{ sittings: { councilId: string }[] }>(
    '/api/sittings/upcoming',
  );
  councilId = upcoming.body.sittings[0]!.councilId;
  park = await published('Park na Rynku', 3_600_000);
  short = await published('Ławki na Rynku', 20_000);
  // One response to the short one, through the JSON API, confirmed by its link.
  const answered = await new TestClient(veche.url).post(
    `/api/public/consultations/${short.id}/responses`,
    {
      name: 'Jan',
      email: 'jan@example.org',
      answers: { park: 'yes', uses: ['trees'], importance: 4, order: ['green', 'parking'] },
    },
  );
  expect(answered.status).toBe(202);
  const mail = await smtp.waitFor((m) => m.envelopeTo.includes('jan@example.org'));
  const token = /consultation-responses\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')![1]!;
  await new TestClient(veche.url).post(`/api/public/consultation-responses/${token}/verify`, {});
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
  await smtp?.close();
});

describe('a resident in a consultation', () => {
  it('finds it in the calendar and sees a wrong survey named, in Bulgarian', async () => {
    const page = await phone('bg');
    await page.goto(`${veche.url}/portal/councils/${councilId}?lang=bg`);
    await page.getByRole('link', { name: 'Обществени консултации' }).click();
    await expect.poll(() => page.locator('table caption').count()).toBe(1);
    await expectAccessible(page, 'bg', 'calendar');
    await page.getByRole('link', { name: 'Park na Rynku' }).first().click();
    await expectAccessible(page, 'bg', 'consultation');
    await page.locator('#c-form').evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Изпрати отговорите' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Нищо не е изпратено');
    expect(await page.locator('#c-q0-0').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'bg', 'survey with problems');
  });

  it('answers in Polish, confirms from the e-mail, and reads the results of another', async () => {
    const page = await phone('pl');
    await page.goto(`${veche.url}/portal/consultations/${park.id}?lang=pl`);
    await page.getByRole('radio', { name: 'Tak' }).check();
    await page.getByRole('checkbox', { name: 'Drzewa' }).check();
    await page.getByRole('radio', { name: '5 (Bardzo)' }).check();
    await page.getByRole('combobox', { name: 'Zieleń' }).selectOption('2');
    await page.getByRole('combobox', { name: 'Parking' }).selectOption('1');
    await page.locator('#c-name').fill('Zofia Mieszkańska');
    await page.locator('#c-email').fill('zofia@example.org');
    await page.getByRole('button', { name: 'Wyślij odpowiedzi' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('zofia@example.org');
    await expectAccessible(page, 'pl', 'sent');

    const mail = await smtp.waitFor((m) => m.envelopeTo.includes('zofia@example.org'));
    const link = linksIn(mail.text ?? '').find((l) =>
      l.includes('/portal/consultation-responses/'),
    );
    await page.goto(link!);
    await expectAccessible(page, 'pl', 'link');
    await page.getByRole('button', { name: 'Potwierdź mój adres' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('adres został potwierdzony');
    await expectAccessible(page, 'pl', 'confirmed');

    await expect
      .poll(() => Date.now() > Date.parse(short.endsAt) + 500, { timeout: 30_000, interval: 500 })
      .toBe(true);
    await page.goto(`${veche.url}/portal/consultations/${short.id}?lang=pl`);
    await page.getByRole('link', { name: 'Zobacz wyniki' }).click();
    await expect.poll(() => page.locator('table.results').count()).toBeGreaterThan(0);
    expect(await page.locator('main').textContent()).toContain('1 (100%)');
    await expectAccessible(page, 'pl', 'results');
  });
});
