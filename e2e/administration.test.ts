import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../packages/server/test/support/http-client';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import {
  expectNoSeriousViolations,
  launchChromium,
  overflowsHorizontally,
  screenshot,
} from './support/browser';

/*
 * Administration in a real Chromium against the built server with the demo council: its
 * administrator adds a committee, a person and a seat through the forms, imports a member list
 * with a bad row, reads the row's error, fixes the file and imports it; the platform
 * administrator creates a council. Every page is checked with axe in Polish and in English.
 */

const PASSWORD = 'veche-demo';
const COUNCIL_ADMIN = 'admin@wierzbow.example';
const PLATFORM_ADMIN = 'platforma@veche.example';

let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

/** A fresh profile, signed in; the app takes the account's language (Polish). */
async function signedInPage(email: string, width = 1024): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(veche.url);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.locator('.site-header__account').waitFor();
  return page;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const toEnglish = (page: Page) => page.locator('.language-switcher select').selectOption('en');

/** A CSV file as a browser's file input hands it over. */
const csvFile = (name: string, lines: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
});

describe('the council administrator', () => {
  it('adds a committee, a person with a seat, and imports a member list', async () => {
    const page = await signedInPage(COUNCIL_ADMIN);
    await page.getByRole('link', { name: 'Administracja rady' }).click();
    await expect
      .poll(() => heading(page).textContent())
      .toBe('Administracja: Rada Miejska w Wierzbowie');
    await page.getByRole('heading', { name: 'Organy' }).waitFor();
    await expectNoSeriousViolations(page, 'council administration, pl');

    await toEnglish(page);
    await page.getByRole('heading', { name: 'Bodies' }).waitFor();
    await expectNoSeriousViolations(page, 'council administration, en');

    // A committee: first without a name, which the form refuses and names.
    await page.getByRole('button', { name: 'Add a body' }).click();
    await page.locator('#body-kind').selectOption('committee');
    await page.locator('#body-statutorySize').fill('3');
    await page.getByRole('button', { name: 'Save' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe('error-summary');
    expect(await page.locator('#body-name-error').textContent()).toContain('Fill this in.');
    expect(await page.locator('#body-name').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#body-name').fill('Komisja Skarg, Wniosków i Petycji');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: Komisja Skarg, Wniosków i Petycji.').waitFor();
    await page.getByRole('rowheader', { name: 'Komisja Skarg, Wniosków i Petycji' }).waitFor();

    // A person, then a seat for them in the new committee.
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.locator('#person-givenName').fill('Ewa');
    await page.locator('#person-familyName').fill('Zielińska');
    await page.locator('#person-email').fill('ewa.zielinska@wierzbow');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#person-email-error').waitFor();
    await page.locator('#person-email').fill('ewa.zielinska@wierzbow.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: Ewa Zielińska.').waitFor();
    await page.getByRole('button', { name: 'Add a seat Ewa Zielińska' }).click();
    await page.locator('#seat-bodyId').selectOption({ label: 'Komisja Skarg, Wniosków i Petycji' });
    await page.locator('#seat-role').selectOption('chair');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Seat added for Ewa Zielińska.').waitFor();
    await page
      .getByText('Komisja Skarg, Wniosków i Petycji: Chair, 2024-05-07 – open-ended')
      .waitFor();
    await screenshot(page, 'administration-council');

    // A member list with one bad row: the preview names the row's problem, nothing is written.
    await page.getByRole('link', { name: 'Import members' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Import members');
    await expectNoSeriousViolations(page, 'member import, en');
    const header = 'Imię;Nazwisko;E-mail;Organ;Funkcja;Od';
    const good =
      'Tomasz;Bąk;tomasz.bak@wierzbow.example;Komisja Budżetu i Finansów;członek;2024-06-01';
    const bad = 'Julia;Sowa;;Komisja Kultury;członek;2024-06-01';
    await page
      .locator('#import-file')
      .setInputFiles(csvFile('czlonkowie.csv', [header, good, bad]));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page
      .getByRole('heading', { name: '1 row has a problem. Nothing was imported.' })
      .waitFor();
    const badRow = page.getByRole('row', { name: /^3 Julia Sowa/ });
    expect(await badRow.textContent()).toContain('Body: no body of this council has this name');
    expect(await page.getByRole('button', { name: /^Import \d+ rows?$/ }).count()).toBe(0);
    await expectNoSeriousViolations(page, 'member import preview, en');
    await screenshot(page, 'administration-import-errors');

    await page.locator('.language-switcher select').selectOption('pl');
    await page
      .getByRole('heading', { name: '1 wiersz ma błąd. Niczego nie zaimportowano.' })
      .waitFor();
    expect(await badRow.textContent()).toContain('Organ: rada nie ma organu o tej nazwie');
    await expectNoSeriousViolations(page, 'member import preview, pl');
    await toEnglish(page);

    // The file fixed: checked again, then imported whole.
    const fixed = bad.replace('Komisja Kultury', 'Komisja Skarg, Wniosków i Petycji');
    await page
      .locator('#import-file')
      .setInputFiles(csvFile('czlonkowie.csv', [header, good, fixed]));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page
      .getByRole('heading', { name: 'The file is correct: 2 rows are ready to import.' })
      .waitFor();
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await page.getByRole('heading', { name: 'Imported 2 seats.' }).waitFor();
    await screenshot(page, 'administration-import-done');

    const api = new TestClient(veche.url);
    await api.post('/api/auth/login', { email: COUNCIL_ADMIN, password: PASSWORD });
    const me = await api.get<{ councils: { councilId: string }[] }>('/api/me');
    const persons = await api.get<{ persons: { givenName: string; memberships: unknown[] }[] }>(
      `/api/councils/${me.body.councils[0]!.councilId}/persons`,
    );
    const names = persons.body.persons.map((person) => person.givenName);
    expect(names).toEqual(expect.arrayContaining(['Ewa', 'Tomasz', 'Julia']));
  });

  it('fits a phone’s 360 px without sideways scrolling', async () => {
    const page = await signedInPage(COUNCIL_ADMIN, 360);
    // The journey above chose English for this account; either language will do here.
    await page.getByRole('link', { name: /^(Administracja rady|Council administration)$/ }).click();
    await page.getByRole('heading', { name: /^(Osoby|People)$/ }).waitFor();
    // Tables wider than a phone scroll inside their own frame, never the page.
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'administration-council-360');
  });
});

describe('the platform administrator', () => {
  it('creates a council with its plenary body and first term', async () => {
    const page = await signedInPage(PLATFORM_ADMIN);
    await page.getByRole('link', { name: 'Rady' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Rady');
    await page.getByRole('rowheader', { name: 'Rada Miejska w Wierzbowie' }).waitFor();
    await expectNoSeriousViolations(page, 'councils, pl');

    await toEnglish(page);
    await expect.poll(() => heading(page).textContent()).toBe('Councils');
    await page.getByRole('button', { name: 'New council' }).click();
    await page.locator('#council-name').fill('Общински съвет – Кюстендил');
    await page.locator('#council-country').selectOption('BG');
    expect(await page.locator('#council-timeZone').inputValue()).toBe('Europe/Sofia');
    await page.locator('#council-timeZone').fill('Europe/Kyustendil');
    await page.locator('#council-plenaryName').fill('Общински съвет – Кюстендил');
    await page.locator('#council-plenarySize').fill('37');
    await page.locator('#council-termName').fill('2023–2027');
    await page.locator('#council-termStartsOn').fill('2023-11-06');
    await expectNoSeriousViolations(page, 'council form, en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#council-timeZone-error').waitFor();
    expect(await page.locator('#council-timeZone-error').textContent()).toContain(
      'Not a known time zone',
    );
    await screenshot(page, 'administration-council-form-error');

    await page.locator('#council-timeZone').fill('Europe/Sofia');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: Общински съвет – Кюстендил.').waitFor();
    await page.getByRole('rowheader', { name: 'Общински съвет – Кюстендил' }).waitFor();
    await expectNoSeriousViolations(page, 'councils, en');
    await screenshot(page, 'administration-councils');

    // Its administration page, reached from the list, shows the plenary and the term.
    await page.getByRole('link', { name: 'Bodies and people Общински съвет – Кюстендил' }).click();
    await page.getByRole('rowheader', { name: 'Общински съвет – Кюстендил' }).waitFor();
    await page.getByRole('rowheader', { name: '2023–2027' }).waitFor();
  });
});
