import { readFileSync } from 'node:fs';
import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import {
  expectNoSeriousViolations,
  launchChromium,
  overflowsHorizontally,
  screenshot,
} from './support/browser';

/*
 * The TOTP second factor in Chromium: the demo operator enrols from the account page (reading
 * the key off the screen, as someone without a camera would), keeps her recovery codes, and
 * signs in with the password and a code computed here with otpauth, then with a recovery code.
 * This file starts its own server on a fresh data folder, so the operator's second factor never
 * reaches another test file; the last test turns it off all the same.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const PASSWORD = 'veche-demo';

let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let totp: TOTP;
let recoveryCodes: string[] = [];

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

async function openPage(width = 1024): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width, height: 800 },
    acceptDownloads: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(veche.url);
  // The operator's profile says Polish; this device's own choice of English comes first.
  await page.locator('.language-switcher select').selectOption('en');
  return page;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function passwordStep(page: Page): Promise<void> {
  await page.locator('#login-email').fill(OPERATOR);
  await page.locator('#login-password').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
}

/** The code of the step `steps` from now (the server takes one step either side). */
function codeAt(steps = 0): string {
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

function wrongCode(): string {
  const near = new Set([-1, 0, 1].map(codeAt));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

describe('the second factor', () => {
  it('is set up from the account page the staff notice links to', async () => {
    const page = await openPage();
    await passwordStep(page);
    await expect.poll(() => heading(page).textContent()).toBe('Upcoming sittings');
    const notice = page.locator('.second-factor-notice');
    expect(await notice.textContent()).toContain('please protect your account');
    await notice.getByRole('link').click();
    await expect.poll(() => heading(page).textContent()).toBe('Account security');
    expect(new URL(page.url()).pathname).toBe('/account/security');
    const navLink = page.getByRole('navigation').getByRole('link', { name: 'Account security' });
    expect(await navLink.getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.locator('.account-state').textContent()).toContain('is off');
    await expectNoSeriousViolations(page, 'account security, off, English');

    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await page.locator('.second-factor-qr svg').waitFor();
    expect(await page.getByRole('img', { name: /QR code/ }).count()).toBe(1);
    const secret = ((await page.locator('.second-factor-secret').textContent()) ?? '').replace(
      /\s/g,
      '',
    );
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    totp = new TOTP({ secret: Secret.fromBase32(secret) });
    const field = page.getByLabel('6-digit code');
    expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    await expectNoSeriousViolations(page, 'account security, setup, English');
    await screenshot(page, 'second-factor-setup');

    await field.fill(wrongCode());
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect
      .poll(() => page.locator('.field__error').textContent())
      .toContain('This code is wrong');
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await field.fill(codeAt());
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    recoveryCodes = await page.locator('.recovery-codes code').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
    expect(await page.locator('.account-security [role="status"]').textContent()).toContain(
      'Two-step sign-in is now on',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as a text file' }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    for (const code of recoveryCodes) expect(text).toContain(code);
    expect(text).toContain(OPERATOR);
    await expectNoSeriousViolations(page, 'account security, recovery codes, English');
    await screenshot(page, 'second-factor-codes');

    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expect.poll(() => page.locator('.account-state').textContent()).toContain('is on');
    expect(await page.locator('.account-panel').first().textContent()).toContain(
      'You have 10 unused recovery codes.',
    );
    // The codes are gone from the page for good.
    expect(await page.locator('.recovery-codes').count()).toBe(0);

    await page.getByRole('navigation').getByRole('link', { name: 'Upcoming sittings' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Upcoming sittings');
    expect(await page.locator('.second-factor-notice').count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
  });

  it('asks for the code after the password, accessibly in two languages', async () => {
    const page = await openPage();
    await passwordStep(page);
    await expect.poll(() => heading(page).textContent()).toBe('Enter your code');
    // The password alone opened nothing.
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    const field = page.locator('#login-code');
    expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    await expectNoSeriousViolations(page, 'code step, English');

    await page.locator('.language-switcher select').selectOption('pl');
    await expect.poll(() => heading(page).textContent()).toBe('Wpisz kod');
    await field.fill(wrongCode());
    await page.getByRole('button', { name: 'Dalej' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('Ten kod jest błędny');
    expect(await summary.textContent()).toContain('Pozostały 4 próby.');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await expectNoSeriousViolations(page, 'code step with an error, Polish');
    await screenshot(page, 'second-factor-step-pl');

    // The setup used the current step's code: the next step's is still accepted, and new.
    await field.fill(codeAt(1));
    await page.getByRole('button', { name: 'Dalej' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Najbliższe sesje');
    await page.locator('header button').click();
    await expect.poll(() => heading(page).textContent()).toBe('Logowanie');
  });

  it('takes a recovery code once, on a 360 px phone', async () => {
    const page = await openPage(360);
    await passwordStep(page);
    await expect.poll(() => heading(page).textContent()).toBe('Enter your code');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    const field = page.getByLabel('Recovery code');
    await field.waitFor();
    expect(await field.getAttribute('autocomplete')).toBe('off');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-code');
    await field.fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Upcoming sittings');
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.getByRole('navigation').getByRole('link', { name: 'Account security' }).click();
    await expect.poll(() => page.locator('.account-state').textContent()).toContain('is on');
    expect(await page.locator('.account-panel').first().textContent()).toContain(
      'You have 9 unused recovery codes.',
    );
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'second-factor-security-360');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');

    await passwordStep(page);
    await expect.poll(() => heading(page).textContent()).toBe('Enter your code');
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => page.locator('.error-summary').textContent())
      .toContain('This code is wrong');
    expect(await heading(page).textContent()).toBe('Enter your code');
    expect(await overflowsHorizontally(page)).toBe(false);
  });

  it('is turned off from the account page with a recovery code', async () => {
    const page = await openPage();
    await passwordStep(page);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[1]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Upcoming sittings');
    await page.getByRole('navigation').getByRole('link', { name: 'Account security' }).click();
    await expect.poll(() => page.locator('.account-state').textContent()).toContain('is on');
    await expectNoSeriousViolations(page, 'account security, on, English');

    const turnOff = page.getByRole('region', { name: 'Turn off two-step sign-in' });
    await turnOff.getByLabel('Code from the app or a recovery code').fill(recoveryCodes[2]!);
    await turnOff.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => page.locator('.account-state').textContent()).toContain('is off');
    expect(await page.locator('.account-security [role="status"]').textContent()).toContain(
      'Two-step sign-in is now off',
    );
    // Staff again without a second factor: the home page asks once more.
    await page.getByRole('navigation').getByRole('link', { name: 'Upcoming sittings' }).click();
    await page.locator('.second-factor-notice').waitFor();
  });
});
