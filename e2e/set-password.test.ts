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
 * An invited person sets a password from the link in the invitation e-mail: the council
 * administrator invites over HTTP, the e-mail arrives at a real SMTP server in this process, and
 * its link is opened in Chromium against the built server.
 */

const ADMIN = 'admin@wierzbow.example';
const PASSWORD = 'jesienne liście nad stawem';

let smtp: SmtpCapture;
let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let councilId: string;
let firstLink: string;

async function newPage(locale: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width, height } });
  contexts.push(context);
  return context.newPage();
}

/** Invites a councillor and returns the set-password link of the e-mail they receive. */
async function invite(email: string, displayName: string, language: string): Promise<string> {
  const admin = new TestClient(veche.url);
  expect(
    (await admin.post('/api/auth/login', { email: ADMIN, password: DEMO_PASSWORD })).status,
  ).toBe(200);
  const answer = await admin.post(`/api/councils/${councilId}/invitations`, {
    email,
    displayName,
    language,
    roles: ['councillor'],
  });
  expect(answer.status).toBe(201);
  const mail = await smtp.waitFor((message) => message.envelopeTo.includes(email));
  const link = linksIn(mail.text ?? '').find((found) => found.includes('/set-password/'));
  expect(link).toMatch(new RegExp(`^${veche.url}/set-password/[A-Za-z0-9_-]{43}$`));
  return link!;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

beforeAll(async () => {
  smtp = await startSmtpCapture();
  veche = await startVeche({ env: { SMTP_URL: smtp.url, LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  const admin = new TestClient(veche.url);
  await admin.post('/api/auth/login', { email: ADMIN, password: DEMO_PASSWORD });
  councilId = (await admin.get<{ councils: { councilId: string }[] }>('/api/me')).body.councils[0]!
    .councilId;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
  await smtp?.close();
});

describe('setting a password from an invitation', () => {
  it('explains the rules, names each problem, and signs the person in', async () => {
    firstLink = await invite('ewa.lis@example.org', 'Ewa Lis', 'pl');
    const page = await newPage('pl-PL', 1280, 900);
    await page.goto(firstLink);
    await expect.poll(() => heading(page).textContent()).toBe('Ustaw hasło');
    const field = page.locator('#set-password-new');
    const rules = page.locator(`#${(await field.getAttribute('aria-describedby'))!}`);
    expect(await rules.textContent()).toContain('co najmniej 12');
    await expectNoSeriousViolations(page, 'set-password page, Polish');

    await page.locator('form button[type="submit"]').click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    // The summary takes the focus, so a screen reader reads it at once.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    expect(await summary.textContent()).toContain('Podaj nowe hasło.');
    expect(await summary.textContent()).toContain('Powtórz hasło.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousViolations(page, 'set-password errors, Polish');

    await field.fill('krótkie');
    await page.locator('#set-password-confirm').fill('krótkie');
    await page.locator('form button[type="submit"]').click();
    await expect
      .poll(() => summary.textContent())
      .toContain('Hasło jest za krótkie (minimum: 12).');

    await field.fill(PASSWORD);
    await page.locator('#set-password-confirm').fill(`${PASSWORD}!`);
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => summary.textContent()).toContain('Hasła nie są takie same.');

    await page.locator('#set-password-confirm').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(`${veche.url}/`);
    await expect.poll(() => heading(page).textContent()).toBe('Najbliższe sesje');
    expect(await page.locator('header').textContent()).toContain('Ewa Lis');
    await screenshot(page, 'set-password-signed-in-pl-1280');

    // Signed in for real: the password works on the sign-in form too.
    const check = new TestClient(veche.url);
    expect(
      (await check.post('/api/auth/login', { email: 'ewa.lis@example.org', password: PASSWORD }))
        .status,
    ).toBe(200);
  });

  it('says when the link was already used, and leads to the sign-in', async () => {
    const page = await newPage('en-GB', 1280, 900);
    await page.goto(firstLink);
    await page.locator('#set-password-new').fill(PASSWORD);
    await page.locator('#set-password-confirm').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('This link has expired or was already used.');
    await page.getByRole('link', { name: 'Go to sign-in' }).click();
    await page.locator('#login-email').waitFor();
  });

  it('works in Bulgarian on a phone', async () => {
    const link = await invite('ivan.petrov@example.org', 'Иван Петров', 'bg');
    const page = await newPage('bg-BG', 360, 740);
    await page.goto(link);
    await expect.poll(() => heading(page).textContent()).toBe('Задайте парола');
    expect(await overflowsHorizontally(page)).toBe(false);
    const submit = await page.locator('form button[type="submit"]').boundingBox();
    expect(submit!.height).toBeGreaterThanOrEqual(44);
    await expectNoSeriousViolations(page, 'set-password page, Bulgarian, 360 px');
    await screenshot(page, 'set-password-bg-360');
    await page.locator('#set-password-new').fill(PASSWORD);
    await page.locator('#set-password-confirm').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(`${veche.url}/`);
    await expect.poll(() => heading(page).textContent()).toBe('Предстоящи заседания');
  });
});
