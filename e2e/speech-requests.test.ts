import { randomUUID } from 'node:crypto';
import { sittingPreparationSchema, type SittingPreparation } from '@veche/protocol';
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
 * A resident asks to speak at a sitting (issue 7, section 1, and its test): the portal's form in
 * Chromium on a phone, the confirmation e-mail caught by a real SMTP server in this process, the
 * council office's decision, and the resident in the speaker queue of the operator's console when
 * the sitting reaches the item. axe checks every public page on the way, in Polish and Bulgarian.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const RESIDENT = 'Zofia Mieszkańska';
const RESIDENT_EMAIL = 'zofia@example.org';

let smtp: SmtpCapture;
let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let operator: TestClient;
let sitting: SittingPreparation;

async function phone(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 360, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

/** One h1, the page's language, no sideways scrolling, and no serious axe finding. */
async function expectAccessible(page: Page, language: string, label: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang'), label).toBe(language);
  expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
  expect(await overflowsHorizontally(page), `${label}: scrolls sideways`).toBe(false);
  await expectNoSeriousViolations(page, `${language} ${label}`);
  await screenshot(page, `speak-${language}-${label.replaceAll(' ', '-')}`);
}

async function command(wire: Record<string, unknown>): Promise<void> {
  const answer = await operator.post(
    `/api/sittings/${sitting.id}/commands`,
    { commandId: randomUUID(), command: wire },
    { origin: veche.url },
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
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
  const councilId = upcoming.body.sittings[0]!.councilId;
  const options = await operator.get<{ bodies: { id: string; kind: string }[] }>(
    `/api/councils/${councilId}/preparation`,
  );
  const plenaryId = options.body.bodies.find((body) => body.kind === 'plenary')!.id;
  const created = await operator.post(
    `/api/councils/${councilId}/sittings`,
    {
      bodyId: plenaryId,
      title: 'Sesja o komunikacji',
      startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      place: 'Sala obrad',
    },
    { origin: veche.url },
  );
  sitting = sittingPreparationSchema.parse(created.body);
  const saved = await operator.put(
    `/api/sittings/${sitting.id}/agenda`,
    {
      version: sitting.version,
      items: [
        { title: 'Otwarcie sesji', kind: 'procedural' },
        { title: 'Wystąpienia mieszkańców', kind: 'residents_speeches' },
      ],
    },
    { origin: veche.url },
  );
  sitting = sittingPreparationSchema.parse(saved.body);
  const convened = await operator.post(
    `/api/sittings/${sitting.id}/convene`,
    { version: sitting.version },
    { origin: veche.url },
  );
  sitting = sittingPreparationSchema.parse(convened.body);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
  await smtp?.close();
});

describe('a resident’s request to speak', () => {
  it('is offered, readable and accessible in Bulgarian too', async () => {
    const page = await phone('bg');
    await page.goto(`${veche.url}/portal/sittings/${sitting.id}?lang=bg`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Искане за изказване' }).count())
      .toBe(1);
    await expectAccessible(page, 'bg', 'sitting');
    await page.getByRole('link', { name: 'Поискайте да се изкажете на това заседание' }).click();
    await expectAccessible(page, 'bg', 'form');
    // Sent empty (the browser's own checks off): every field is named in Bulgarian.
    await page.locator('#speak-form').evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Изпратете искането' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Искането не е изпратено');
    expect(await page.locator('#speak-name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'bg', 'form with problems');
  });

  it('is filed from the portal and confirmed from the e-mail', async () => {
    const page = await phone('pl');
    await page.goto(`${veche.url}/portal/sittings/${sitting.id}?lang=pl`);
    await expectAccessible(page, 'pl', 'sitting');
    await page.getByRole('link', { name: 'Zgłoś się do głosu na tej sesji' }).click();
    await expectAccessible(page, 'pl', 'form');
    await page.getByLabel('Imię i nazwisko').fill(RESIDENT);
    await page.getByLabel('Adres e-mail').fill(RESIDENT_EMAIL);
    await page
      .getByLabel('Punkt porządku obrad, w którym chcesz zabrać głos')
      .selectOption({ label: '2. Wystąpienia mieszkańców' });
    await page.getByLabel('Czego dotyczy wystąpienie').fill('O nowym rozkładzie autobusów.');
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sprawdź pocztę');
    await expectAccessible(page, 'pl', 'sent');

    const mail = await smtp.waitFor((message) => message.envelopeTo.includes(RESIDENT_EMAIL));
    const link = linksIn(mail.text ?? '').find((found) => found.includes('/confirm?token='))!;
    await page.goto(link);
    await expectAccessible(page, 'pl', 'confirm');
    await page.getByRole('button', { name: 'Potwierdzam zgłoszenie' }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContain('Dziękujemy: zgłoszenie zostało potwierdzone. Biuro rady rozpatrzy je i odpowie.');
    await expectAccessible(page, 'pl', 'confirmed');
  });

  it('is approved by the office, and the resident joins the queue when the sitting reaches the item', async () => {
    const office = await browser.newContext({
      locale: 'pl',
      viewport: { width: 1280, height: 900 },
    });
    contexts.push(office);
    const page = await office.newPage();
    await page.goto(veche.url);
    await page.locator('#login-email').fill(OPERATOR);
    await page.locator('#login-password').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.locator('.sittings h1').waitFor();
    await page.goto(`${veche.url}/sittings/${sitting.id}/prepare`);
    const approve = page.getByRole('button', { name: `Przyjmij wniosek: ${RESIDENT}` });
    await approve.waitFor();
    await expectNoSeriousViolations(page, 'pl office requests');
    await screenshot(page, 'speak-office-requests');
    await approve.click();
    await page.getByText(`Wniosek (${RESIDENT}) został przyjęty.`).first().waitFor();
    const told = await smtp.waitFor(
      (message) =>
        message.envelopeTo.includes(RESIDENT_EMAIL) && message.subject.startsWith('Może'),
    );
    expect(told.text).toContain('Wystąpienia mieszkańców');

    await command({ type: 'sitting.open' });
    await command({ type: 'agenda.set_current', itemId: sitting.agenda[1]!.id });
    await page.goto(`${veche.url}/sittings/${sitting.id}/conduct`);
    const grant = page.getByRole('button', { name: `Udziel głosu: ${RESIDENT}` });
    await grant.waitFor({ timeout: 10_000 });
    expect(await page.locator('.conduct-list__row', { has: grant }).textContent()).toContain(
      'mieszkaniec',
    );
    await screenshot(page, 'speak-console-queue');
    await grant.click();
    await expect.poll(() => page.locator('.conduct-speaker').textContent()).toContain(RESIDENT);
  });
});
