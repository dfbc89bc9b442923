import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import { TestClient } from '../packages/server/test/support/http-client';
import {
  expectNoSeriousViolations,
  launchChromium,
  overflowsHorizontally,
  screenshot,
  signInOnPage,
} from './support/browser';

/*
 * Interpellations in the browser: a councillor on a 360 px phone files one with a PDF (a
 * missing subject named first, nothing filed), the office answers it with a PDF of its own, and
 * a signed-out reader sees both on the public page. Axe on each page in Polish and English.
 */

const ANNA = 'anna.nowak@wierzbow.example';
const OPERATOR = 'biuro.rady@wierzbow.example';
const PDF = fileURLToPath(
  new URL('../packages/server/demo-assets/projekt-uchwaly-budzet-2026.pdf', import.meta.url),
);
const SUBJECT = 'Oświetlenie ulicy Lipowej';
const ANSWER = 'Oświetlenie zostanie naprawione do 15 grudnia.';

let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let councilId: string;

async function newPage(locale: string, width: number): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

const languageSelect = (page: Page) => page.locator('.language-switcher select');

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  const client = new TestClient(veche.url);
  await client.post('/api/auth/login', { email: ANNA, password: 'veche-demo' });
  const me = await client.get<{ councils: { councilId: string }[] }>('/api/me');
  councilId = me.body.councils[0]!.councilId;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

describe('interpellations', () => {
  it('a councillor files one with a PDF on her phone', async () => {
    const page = await newPage('pl-PL', 360);
    await signInOnPage(page, veche.url, ANNA);
    await page.getByRole('link', { name: 'Moje interpelacje' }).click();
    await page.getByRole('heading', { level: 1, name: 'Moje interpelacje i zapytania' }).waitFor();
    await page.getByText('Nie ma jeszcze żadnych.').waitFor();

    // Nothing typed: the subject is named first, and nothing is filed.
    await page.getByRole('button', { name: 'Złóż', exact: true }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Wpisz przedmiot.' }).waitFor();
    expect(await page.locator('#interpellation-subject').getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousViolations(page, 'my interpellations with an error (pl)');

    await page.getByLabel('Zapytanie', { exact: true }).check();
    await page.getByLabel('Interpelacja', { exact: true }).check();
    await page.getByLabel('Przedmiot').fill(SUBJECT);
    await page
      .getByLabel('Treść')
      .fill('Proszę o informację, kiedy zostanie naprawione oświetlenie.');
    await page.getByLabel('Załącznik (nieobowiązkowy)').setInputFiles(PDF);
    await page.getByRole('button', { name: 'Złóż', exact: true }).click();
    await page.getByText(/Złożono pod numerem 1\/\d{4}\./).waitFor();
    const card = page.getByRole('article', { name: SUBJECT });
    await card.getByText('Czeka na odpowiedź').waitFor();
    await card.getByRole('link', { name: 'projekt-uchwaly-budzet-2026' }).waitFor();
    expect(await card.getByText('Po terminie', { exact: false }).count()).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'interpellations-mine-pl-360');
    await expectNoSeriousViolations(page, 'my interpellations (pl)');

    await languageSelect(page).selectOption('en');
    await page
      .getByRole('heading', { level: 1, name: 'My interpellations and questions' })
      .waitFor();
    await page.getByRole('article', { name: SUBJECT }).getByText('Awaiting an answer').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'interpellations-mine-en-360');
    await expectNoSeriousViolations(page, 'my interpellations (en)');
  });

  it('the office answers it with a PDF', async () => {
    const page = await newPage('en-US', 1280);
    await signInOnPage(page, veche.url, OPERATOR);
    await languageSelect(page).selectOption('en');
    await page.getByRole('link', { name: 'Interpellations', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Interpellations and questions' }).waitFor();
    await page.getByLabel('Awaiting an answer').check();
    const card = page.getByRole('article', { name: SUBJECT });
    await card.getByText('Awaiting an answer', { exact: true }).waitFor();
    await expectNoSeriousViolations(page, 'office interpellations (en)');

    // A blank answer is refused in words, next to its field.
    await card.getByRole('button', { name: 'Save the answer' }).click();
    await card.getByText('Enter the answer.').waitFor();

    await card.getByLabel('Answer', { exact: true }).fill(ANSWER);
    await card.getByLabel('Attachment to the answer (optional)').setInputFiles(PDF);
    await card.getByRole('button', { name: 'Save the answer' }).click();
    await card.getByText('The answer is saved and published.').waitFor();
    await card.getByText('Answered', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Save the correction' }).waitFor();
    await screenshot(page, 'interpellations-office-en');

    await languageSelect(page).selectOption('pl');
    await page.getByRole('heading', { level: 1, name: 'Interpelacje i zapytania' }).waitFor();
    await expectNoSeriousViolations(page, 'office interpellations (pl)');
  });

  it('the public page shows the interpellation and its answer to anyone', async () => {
    const page = await newPage('pl-PL', 360);
    await page.goto(`${veche.url}/public/councils/${councilId}/interpellations`);
    await languageSelect(page).selectOption('pl');
    await page
      .getByRole('heading', { level: 1, name: 'Interpelacje i zapytania radnych' })
      .waitFor();
    const card = page.getByRole('article', { name: SUBJECT });
    await card.getByText(ANSWER).waitFor();
    await card.getByText('Udzielono odpowiedzi').waitFor();
    expect(await card.getByRole('link').count()).toBe(2);
    const href = await card.getByRole('link').first().getAttribute('href');
    const file = await page.request.get(`${veche.url}${href!}`);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'interpellations-public-pl-360');
    await expectNoSeriousViolations(page, 'public interpellations (pl)');

    await languageSelect(page).selectOption('en');
    await page
      .getByRole('heading', { level: 1, name: 'Interpellations and questions of councillors' })
      .waitFor();
    await expectNoSeriousViolations(page, 'public interpellations (en)');
  });
});
