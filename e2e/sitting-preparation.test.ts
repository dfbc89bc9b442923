import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import {
  expectNoSeriousViolations,
  launchChromium,
  overflowsHorizontally,
  screenshot,
  signInOnPage,
  agendaOutline,
  isoDate,
  pageIn,
} from './support/browser';

/*
 * The council office prepares a sitting in the browser: a new draft from the form (a start in the
 * past refused in Polish, nothing created), the agenda built as a tree, reordered by keyboard and
 * by drag and drop, saved; a second operator's save from the old version is refused with the saved
 * version shown, and loaded; the sitting convened; its recording set (a bad address named, then
 * saved on the council's clock and its chapters linked). axe on both pages in two languages; the
 * editor at 360 px does not scroll sideways.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';

let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let page: Page;
let editorUrl: string;

const newPage = (locale: string, width: number) => pageIn(browser, contexts, locale, width);
const outline = agendaOutline;

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  page = await newPage('pl-PL', 1280);
  await signInOnPage(page, veche.url, OPERATOR);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

describe('preparing a sitting', () => {
  it('refuses a start in the past in Polish, then creates the draft', async () => {
    await page.getByRole('link', { name: 'Nowa sesja' }).click();
    await page.getByRole('heading', { name: 'Nowa sesja', level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'new sitting, pl');
    await page.getByLabel('Tytuł', { exact: true }).fill('Sesja budżetowa');
    await page.getByLabel('Forma').selectOption('hybrid');
    await page.getByLabel('Data').fill(isoDate(-3));
    await page.getByLabel('Godzina (Europe/Warsaw)').fill('10:00');
    await page.getByLabel('Miejsce').fill('Sala obrad, Rynek 1');
    await page.getByRole('button', { name: 'Utwórz projekt' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Sesja musi rozpocząć się w przyszłości.');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await expectNoSeriousViolations(page, 'new sitting with an error, pl');
    await screenshot(page, 'preparation-new-sitting-error');

    await page.getByLabel('Data').fill(isoDate(30));
    await page.getByRole('button', { name: 'Utwórz projekt' }).click();
    await page.getByText('Przygotowanie sesji').waitFor();
    editorUrl = page.url();
    expect(editorUrl).toMatch(/\/sittings\/[0-9a-f-]{36}\/prepare$/);
    expect(await page.locator('h1').textContent()).toBe('XXV sesja — Rada Miejska w Wierzbowie');
    expect(await page.locator('.badge').textContent()).toBe('Projekt');
  });

  it('builds the agenda as a tree, reorders it by keyboard and by dragging, and saves it', async () => {
    for (const [index, title] of ['Otwarcie sesji', 'Budżet na 2027 rok', 'Zamknięcie'].entries()) {
      await page.getByRole('button', { name: 'Dodaj punkt', exact: true }).click();
      const field = page.getByLabel(`Tytuł punktu ${String(index + 1)}`, { exact: true });
      // The new item's title takes the focus, ready to type.
      expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
      await field.fill(title);
    }
    await page.getByLabel('Rodzaj punktu 2').selectOption('draft_resolution');
    await page.getByRole('button', { name: 'Dodaj podpunkt do punktu 2' }).click();
    await page.getByLabel('Tytuł punktu 2.1', { exact: true }).fill('Dyskusja');
    expect(await outline(page)).toEqual([
      '1 Otwarcie sesji',
      '2 Budżet na 2027 rok',
      '2.1 Dyskusja',
      '3 Zamknięcie',
    ]);

    // By keyboard: "Zamknięcie" up, then back down; the focus stays on the moved item's button.
    await page.getByRole('button', { name: 'Przesuń punkt 3 w górę' }).focus();
    await page.keyboard.press('Enter');
    expect(await outline(page)).toEqual([
      '1 Otwarcie sesji',
      '2 Zamknięcie',
      '3 Budżet na 2027 rok',
      '3.1 Dyskusja',
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Przesuń punkt 2 w górę',
    );
    expect(
      await page.getByRole('status').filter({ hasText: 'teraz jest to punkt 2' }).count(),
    ).toBe(1);
    await page.getByRole('button', { name: 'Przesuń punkt 2 w dół' }).press('Enter');
    // "Dyskusja" out of 3 and back in, by keyboard.
    await page
      .getByRole('button', { name: 'Punkt główny: punkt 2.1 z powrotem poziom wyżej' })
      .press('Enter');
    expect((await outline(page)).at(2)).toBe('3 Dyskusja');
    await page
      .getByRole('button', { name: 'Podpunkt: punkt 3 pod punktem powyżej' })
      .press('Enter');
    expect(await outline(page)).toEqual([
      '1 Otwarcie sesji',
      '2 Budżet na 2027 rok',
      '2.1 Dyskusja',
      '3 Zamknięcie',
    ]);

    // By dragging: "Zamknięcie" onto "Budżet" puts it before.
    await page
      .getByRole('button', { name: 'Przeciągnij punkt 3' })
      .dragTo(page.locator('.agenda-editor__number').nth(1));
    expect(await outline(page)).toEqual([
      '1 Otwarcie sesji',
      '2 Zamknięcie',
      '3 Budżet na 2027 rok',
      '3.1 Dyskusja',
    ]);
    await page
      .getByRole('button', { name: 'Przeciągnij punkt 2' })
      .dragTo(page.locator('.agenda-editor__number').nth(3));
    expect(await outline(page)).toEqual([
      '1 Otwarcie sesji',
      '2 Budżet na 2027 rok',
      '2.1 Zamknięcie',
      '2.2 Dyskusja',
    ]);
    await page
      .getByRole('button', { name: 'Punkt główny: punkt 2.1 z powrotem poziom wyżej' })
      .click();
    expect(await outline(page)).toEqual([
      '1 Otwarcie sesji',
      '2 Budżet na 2027 rok',
      '2.1 Dyskusja',
      '3 Zamknięcie',
    ]);
    expect(await page.getByText('Są niezapisane zmiany.').count()).toBe(1);
    await page.getByRole('button', { name: 'Zapisz porządek obrad' }).click();
    await page.getByText('Porządek obrad został zapisany.').waitFor();
    await expectNoSeriousViolations(page, 'sitting editor, pl');
    await screenshot(page, 'preparation-editor');
  });

  it('refuses a second operator’s save from the old version, shows the saved one, and loads it', async () => {
    const other = await newPage('pl-PL', 1280);
    await signInOnPage(other, veche.url, OPERATOR);
    await other.goto(editorUrl);
    await other.getByLabel('Tytuł punktu 3', { exact: true }).waitFor();

    // Meanwhile the first operator saves a new item.
    await page.getByRole('button', { name: 'Dodaj punkt', exact: true }).click();
    await page.getByLabel('Tytuł punktu 4', { exact: true }).fill('Wolne wnioski');
    await page.getByRole('button', { name: 'Zapisz porządek obrad' }).click();
    await page.getByText('Porządek obrad został zapisany.').waitFor();

    await other.getByLabel('Tytuł punktu 1', { exact: true }).fill('Otwarcie');
    await other.getByRole('button', { name: 'Zapisz porządek obrad' }).click();
    const conflict = other
      .getByRole('alert')
      .filter({ hasText: 'Ktoś inny zapisał tę sesję wcześniej' });
    await conflict.waitFor();
    expect(await conflict.locator('li').allTextContents()).toEqual([
      '1 Otwarcie sesji',
      '2 Budżet na 2027 rok',
      '2.1 Dyskusja',
      '3 Zamknięcie',
      '4 Wolne wnioski',
    ]);
    await screenshot(other, 'preparation-conflict');
    await other.getByRole('button', { name: 'Wczytaj zapisaną wersję' }).click();
    expect((await outline(other)).at(-1)).toBe('4 Wolne wnioski');
    expect((await outline(other))[0]).toBe('1 Otwarcie sesji');
  });

  it('reads in Bulgarian with no serious axe violations, and fits a phone', async () => {
    const phone = await newPage('bg-BG', 360);
    await signInOnPage(phone, veche.url, OPERATOR);
    await phone.goto(editorUrl);
    await phone.getByRole('heading', { name: 'Дневен ред' }).waitFor();
    await expectNoSeriousViolations(phone, 'sitting editor, bg');
    expect(await overflowsHorizontally(phone)).toBe(false);
    await screenshot(phone, 'preparation-editor-phone-bg');
  });

  it('convenes the sitting: its number stays, and the members see it', async () => {
    await page.getByRole('button', { name: 'Zwołaj sesję' }).click();
    await page.getByText('Sesja została zwołana.').waitFor();
    expect(await page.locator('.badge').textContent()).toBe('Zwołana');
    expect(await page.getByLabel('Numer').getAttribute('readonly')).not.toBeNull();
  });

  it('sets the recording: a bad address is named and nothing saved, then saved with its chapters linked', async () => {
    const section = page.getByRole('region', { name: 'Nagranie' });
    await section.getByLabel('Adres nagrania').fill('javascript:alert(1)');
    await section.getByLabel('Dzień początku nagrania').fill(isoDate(30));
    await section.getByLabel('Godzina początku nagrania (Europe/Warsaw)').fill('10:02:30');
    await section.getByRole('button', { name: 'Zapisz nagranie' }).click();
    const summary = section.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      'Podaj adres zaczynający się od http:// lub https://.',
    );
    expect(await section.getByRole('link', { name: 'Rozdziały nagrania' }).count()).toBe(0);
    await expectNoSeriousViolations(page, 'sitting editor, recording refused, pl');

    await section.getByLabel('Adres nagrania').fill('https://media.wierzbow.example/sesja.mp4');
    await section.getByRole('button', { name: 'Zapisz nagranie' }).click();
    await section.getByText('Nagranie zostało zapisane.').waitFor();
    const href = await section
      .getByRole('link', { name: 'Rozdziały nagrania' })
      .getAttribute('href');
    const chapters = await fetch(`${veche.url}${href!}`);
    expect(chapters.status).toBe(200);
    expect(await chapters.text()).toMatch(/^WEBVTT\n/);
    // Read back after a reload, on the council's clock to the second.
    await page.reload();
    const again = page.getByRole('region', { name: 'Nagranie' });
    expect(await again.getByLabel('Adres nagrania').inputValue()).toBe(
      'https://media.wierzbow.example/sesja.mp4',
    );
    expect(await again.getByLabel('Godzina początku nagrania (Europe/Warsaw)').inputValue()).toBe(
      '10:02:30',
    );
  });

  it('tells a councillor in the app that it was convened', async () => {
    const councillor = await newPage('pl-PL', 360);
    await signInOnPage(councillor, veche.url, 'anna.nowak@wierzbow.example');
    const news = councillor.getByRole('region', { name: /Co nowego/ });
    // The notice goes out at the server's next sweep (every two seconds).
    for (let attempt = 0; attempt < 10 && (await news.count()) === 0; attempt++) {
      await councillor.waitForTimeout(1_000);
      await councillor.reload();
      await councillor.locator('.sittings h1').waitFor();
    }
    expect(await news.getByText('Zwołano:').count()).toBe(1);
    expect(
      await news.getByRole('link', { name: /^XXV sesja — Rada Miejska w Wierzbowie/ }).count(),
    ).toBe(1);
    await expectNoSeriousViolations(councillor, 'upcoming sittings with news, pl');
    expect(await overflowsHorizontally(councillor)).toBe(false);
    await news.getByRole('button', { name: 'Oznacz wszystkie jako przeczytane' }).click();
    await news.getByRole('button').waitFor({ state: 'detached' });
    await screenshot(councillor, 'notifications-phone-pl');
  });
});
