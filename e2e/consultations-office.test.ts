import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import {
  expectNoSeriousViolations,
  isoDate,
  launchChromium,
  overflowsHorizontally,
  pageIn,
  screenshot,
  signInOnPage,
} from './support/browser';

/*
 * The council office builds a consultation in the browser (issue 7, section 2): a survey of two
 * questions, a save refused with the problem at its field, a preview as residents will see it,
 * the draft created and published. axe on the list and the editor in Polish and English; the
 * editor at 360 px does not scroll sideways.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';

let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let page: Page;
let editorUrl: string;

const focusedId = (on: Page) => on.evaluate(() => document.activeElement?.id ?? '');

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  page = await pageIn(browser, contexts, 'pl-PL', 1280);
  await signInOnPage(page, veche.url, OPERATOR);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

describe('the office builds a consultation', () => {
  it('lists the consultations and opens the form', async () => {
    await page.getByRole('link', { name: 'Konsultacje', exact: true }).click();
    await page.getByRole('heading', { name: 'Konsultacje społeczne', level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'consultations list, pl');
    await page.getByRole('link', { name: 'Nowe konsultacje' }).click();
    await page.getByRole('heading', { name: 'Nowe konsultacje', level: 1 }).waitFor();
  });

  it('builds a survey of two questions, names a problem at its field, previews it', async () => {
    await page.getByLabel('Temat').fill('Park przy ulicy Kościuszki');
    await page.getByLabel('Opis').fill('Jak ma wyglądać nowy park?');
    await page.getByLabel('Data rozpoczęcia').fill(isoDate(2));
    await page.getByLabel('Godzina rozpoczęcia').fill('08:00');
    await page.getByLabel('Data zakończenia').fill(isoDate(20));
    await page.getByLabel('Godzina zakończenia').fill('20:00');

    await page.getByLabel('Rodzaj nowego pytania').selectOption('single_choice');
    await page.getByRole('button', { name: 'Dodaj pytanie' }).click();
    // The new question's text takes the focus.
    expect(await focusedId(page)).toBe('consultation-survey-questions-0-prompt');
    await page.getByLabel('Pytanie 1: treść').fill('Co ma powstać w parku?');
    await page.getByLabel('Odpowiedź 1 do pytania 1', { exact: true }).fill('Plac zabaw');
    await page.getByLabel('Odpowiedź 2 do pytania 1', { exact: true }).fill('Boisko');
    await page.getByRole('button', { name: 'Dodaj odpowiedź do pytania 1' }).click();
    expect(await focusedId(page)).toBe('consultation-survey-questions-0-options-2-label');
    await page.getByLabel('Odpowiedź 3 do pytania 1', { exact: true }).fill('Ogród');
    await page.getByRole('button', { name: 'Przesuń odpowiedź 3 pytania 1 w górę' }).click();
    expect(await page.getByLabel('Odpowiedź 2 do pytania 1', { exact: true }).inputValue()).toBe(
      'Ogród',
    );

    await page.getByLabel('Rodzaj nowego pytania').selectOption('scale');
    await page.getByRole('button', { name: 'Dodaj pytanie' }).click();
    await page.getByLabel('Pytanie 2 wymaga odpowiedzi').uncheck();
    await page.getByLabel('Pytanie 2: najwyższa wartość').fill('20');

    // The prompt of question 2 is empty and its scale too long: refused before sending.
    await page.getByRole('button', { name: 'Utwórz konsultacje' }).click();
    await page.getByText('Popraw pola oznaczone w formularzu.').waitFor();
    expect(await focusedId(page)).toBe('consultation-survey-questions-1-prompt');
    const prompt = page.getByLabel('Pytanie 2: treść');
    expect(await prompt.getAttribute('aria-invalid')).toBe('true');
    expect(
      await page.locator('#consultation-survey-questions-1-prompt-error').textContent(),
    ).toContain('Uzupełnij to pole.');
    expect(await page.getByLabel('Pytanie 2: najwyższa wartość').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await expectNoSeriousViolations(page, 'consultation editor with problems, pl');
    await screenshot(page, 'consultation-editor-problems');

    await prompt.fill('Jak oceniasz obecny stan terenu?');
    await page.getByLabel('Pytanie 2: najwyższa wartość').fill('5');
    await page.getByLabel('Pytanie 2: opis najniższej wartości').fill('Źle');
    await page.getByLabel('Pytanie 2: opis najwyższej wartości').fill('Dobrze');
    expect(await prompt.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('button', { name: 'Pokaż podgląd ankiety' }).click();
    const preview = page.getByRole('form', { name: 'Podgląd ankiety (tylko do odczytu)' });
    await preview.waitFor();
    expect(await preview.locator('legend').allTextContents()).toEqual([
      '1. Co ma powstać w parku? (wymagane)',
      '2. Jak oceniasz obecny stan terenu? (nieobowiązkowe)',
    ]);
    expect(await preview.getByRole('radio').count()).toBe(3 + 5);
    expect(await preview.getByRole('radio', { name: 'Ogród' }).isDisabled()).toBe(true);
    await expectNoSeriousViolations(page, 'consultation editor with preview, pl');
  });

  it('creates the draft, then publishes it', async () => {
    await page.getByRole('button', { name: 'Utwórz konsultacje' }).click();
    await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
    editorUrl = page.url();
    await page.getByRole('heading', { name: 'Park przy ulicy Kościuszki', level: 1 }).waitFor();
    expect(await page.locator('.consultation-status').textContent()).toContain(
      'Szkic (nieopublikowane)',
    );
    expect(await page.getByLabel('Pytanie 2: treść').inputValue()).toBe(
      'Jak oceniasz obecny stan terenu?',
    );
    await page.getByRole('button', { name: 'Opublikuj' }).click();
    await page.getByText('Konsultacje zostały opublikowane.').waitFor();
    expect(await page.locator('.consultation-status').textContent()).toContain(
      'Zaplanowane (opublikowane, nierozpoczęte)',
    );
    expect(await page.getByRole('button', { name: 'Opublikuj' }).count()).toBe(0);
    await expectNoSeriousViolations(page, 'consultation editor, published, pl');
  });

  it('lists it, and reads well in English on a phone', async () => {
    const phone = await pageIn(browser, contexts, 'en-GB', 360);
    await signInOnPage(phone, veche.url, OPERATOR);
    await phone.goto(editorUrl);
    await phone.getByRole('heading', { name: 'Park przy ulicy Kościuszki', level: 1 }).waitFor();
    await phone.getByRole('heading', { name: 'Responses and opinions' }).waitFor();
    await phone.getByRole('heading', { name: 'Results' }).waitFor();
    expect(await overflowsHorizontally(phone)).toBe(false);
    await expectNoSeriousViolations(phone, 'consultation editor, en, 360 px');
    await screenshot(phone, 'consultation-editor-en-360');
    await phone.getByRole('link', { name: 'Back to the consultations' }).click();
    await phone.getByRole('heading', { name: 'Public consultations', level: 1 }).waitFor();
    const card = phone.locator('.consultation-card').filter({ hasText: 'Park przy ulicy' });
    expect(await card.textContent()).toContain('Planned (published, not started)');
    expect(await overflowsHorizontally(phone)).toBe(false);
    await expectNoSeriousViolations(phone, 'consultations list, en, 360 px');
  });
});
