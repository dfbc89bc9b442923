import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import {
  axeViolations,
  launchChromium,
  overflowsHorizontally,
  screenshot,
} from './support/browser';

/*
 * The sign-in journey in a real Chromium against the real, built server on a fresh data folder
 * with the demo council (a Polish town council whose next sitting is the XXIV, six items).
 */

const COUNCILLOR = 'anna.nowak@wierzbow.example';
const PASSWORD = 'veche-demo';
const BODY = 'Rada Miejska w Wierzbowie';

let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // The journeys below sign in several times within a minute; the limit itself is the server's test.
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

/** A fresh browser profile (no cookie, no stored language) that prefers English. */
async function openPage(options: { width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: options.width ?? 1024, height: 800 },
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(veche.url);
  return page;
}

const languageSelect = (page: Page) => page.locator('.language-switcher select');
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function signIn(page: Page, password = PASSWORD, email = COUNCILLOR): Promise<void> {
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('form button[type="submit"]').click();
}

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

describe('signing in', () => {
  it('offers an accessible sign-in page in the browser’s language, with a working skip link', async () => {
    const page = await openPage();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Sign in — Veche');
    expect(await page.getByLabel('E-mail address').getAttribute('type')).toBe('email');
    expect(await page.getByLabel('Password').getAttribute('type')).toBe('password');
    expect(await languageSelect(page).locator('option').allTextContents()).toEqual([
      'Polski',
      'Български',
      'Српски (ћирилица)',
      'Srpski (latinica)',
      'English',
    ]);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to main content',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await expectNoViolations(page, 'sign-in page, English');
    await screenshot(page, 'sign-in-en');
  });

  it('explains a wrong password and an unknown e-mail the same way, in the current language', async () => {
    const page = await openPage();
    await languageSelect(page).selectOption('pl');
    await expect.poll(() => heading(page).textContent()).toBe('Logowanie');
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');

    await signIn(page, 'not-the-password');
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Nieprawidłowy adres e-mail lub hasło.');
    // The summary takes the focus, so a screen reader reads it at once.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.locator('form button[type="submit"]').isEnabled()).toBe(true);
    await expectNoViolations(page, 'sign-in error, Polish');
    await screenshot(page, 'sign-in-error-pl');
    const wrongPassword = await summary.innerText();

    await signIn(page, 'not-the-password', 'nobody@wierzbow.example');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe('error-summary');
    expect(await summary.innerText()).toBe(wrongPassword);

    // The message follows a change of language.
    await languageSelect(page).selectOption('sr-Latn');
    await expect
      .poll(() => summary.textContent())
      .toContain('Adresa e-pošte ili lozinka nisu ispravni.');
  });

  it('ties field errors to their fields before anything is sent', async () => {
    const page = await openPage();
    await page.locator('#login-email').fill('anna');
    await page.locator('form button[type="submit"]').click();
    const email = page.locator('#login-email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const described = await email.getAttribute('aria-describedby');
    expect(await page.locator(`#${described ?? 'none'}`).textContent()).toContain(
      'Enter an e-mail address in the form name@example.com.',
    );
    expect(await page.locator('#login-password-error').textContent()).toContain(
      'Enter your password.',
    );
    await expectNoViolations(page, 'sign-in field errors, English');
  });
});

describe('upcoming sittings', () => {
  it('shows the sitting in the councillor’s language, then in Bulgarian, and keeps the choice', async () => {
    const page = await openPage();
    await signIn(page);

    // No choice is stored on this device yet, so the councillor's own language (Polish) applies.
    await expect.poll(() => heading(page).textContent()).toBe('Najbliższe sesje');
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');
    const sitting = page.locator('article.sitting');
    expect(await sitting.getByRole('heading', { level: 2 }).textContent()).toBe(
      `XXIV sesja — ${BODY}`,
    );
    expect(await sitting.locator('.agenda__count').textContent()).toBe('6 punktów');
    expect(await page.locator('header').textContent()).toContain('Anna Nowak');
    await expectNoViolations(page, 'upcoming sittings, Polish');
    await screenshot(page, 'sittings-pl');

    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/me/preferences') && response.status() === 200,
    );
    await languageSelect(page).selectOption('bg');
    await saved;
    await expect.poll(() => heading(page).textContent()).toBe('Предстоящи заседания');
    await expectBulgarianSitting(page);
    await expectNoViolations(page, 'upcoming sittings, Bulgarian');
    await screenshot(page, 'sittings-bg');

    await page.reload();
    await expect.poll(() => heading(page).textContent()).toBe('Предстоящи заседания');
    await expectBulgarianSitting(page);
    const me = await page.evaluate(async () => {
      const response = await fetch('/api/me');
      return (await response.json()) as { language: string };
    });
    expect(me.language).toBe('bg');

    await page.locator('header button').click();
    await expect.poll(() => heading(page).textContent()).toBe('Вход');
    expect(await page.locator('main').textContent()).toContain('Излязохте от системата.');
    await page.reload();
    await expect.poll(() => heading(page).textContent()).toBe('Вход');
  });

  it('fits a 360 px wide phone, with touch targets of at least 44 px', async () => {
    const page = await openPage({ width: 360 });
    await heading(page).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'sign-in-360');

    await signIn(page);
    await page.locator('article.sitting').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, input, nav a')]
        .map((element) => ({
          text: element.textContent?.trim() ?? element.tagName,
          height: element.getBoundingClientRect().height,
        }))
        .filter(({ height }) => height < 44),
    );
    expect(small).toEqual([]);
    await screenshot(page, 'sittings-360');
  });
});

async function expectBulgarianSitting(page: Page): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe('bg');
  expect(await page.title()).toBe('Предстоящи заседания — Veche');
  const sitting = page.locator('article.sitting');
  expect(await sitting.getByRole('heading', { level: 2 }).textContent()).toBe(
    `XXIV заседание — ${BODY}`,
  );
  expect(await sitting.getByRole('heading', { level: 3 }).textContent()).toBe('Дневен ред');
  expect(await sitting.locator('.agenda__count').textContent()).toBe('6 точки');
  expect(await sitting.locator('.agenda__item').count()).toBe(6);
  const facts = await sitting.locator('.facts').innerText();
  expect(facts).toContain('Дата и час');
  expect(facts).toContain('Насрочено');
  // The date is written in Bulgarian.
  expect(await sitting.locator('time').textContent()).toMatch(/\p{Script=Cyrillic}/u);
}
