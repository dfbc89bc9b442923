import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationSchema, type Consultation } from '@veche/protocol';
import { DEMO_PASSWORD } from '../packages/server/src/demo/demo-council';
import { TestClient } from '../packages/server/test/support/http-client';
import { linksIn } from '../packages/server/test/support/mail-message';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import { startSmtpCapture, type SmtpCapture } from '../packages/server/test/support/smtp-capture';
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
const PDF = fileURLToPath(
  new URL('../packages/server/demo-assets/projekt-uchwaly-budzet-2026.pdf', import.meta.url),
);

let smtp: SmtpCapture;
let veche: RunningVeche;
let operator: TestClient;
let browser: Browser;
const contexts: BrowserContext[] = [];
let page: Page;
let editorUrl: string;

const focusedId = (on: Page) => on.evaluate(() => document.activeElement?.id ?? '');

beforeAll(async () => {
  smtp = await startSmtpCapture();
  veche = await startVeche({ env: { SMTP_URL: smtp.url, LOGIN_RATE_LIMIT: '100' } });
  operator = new TestClient(veche.url);
  expect(
    (await operator.post('/api/auth/login', { email: OPERATOR, password: DEMO_PASSWORD })).status,
  ).toBe(200);
  browser = await launchChromium();
  page = await pageIn(browser, contexts, 'pl-PL', 1280);
  await signInOnPage(page, veche.url, OPERATOR);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
  await smtp?.close();
});

const write = { origin: '' };
const consultationAt = async (url: string): Promise<Consultation> => {
  const id = /\/consultations\/([0-9a-f-]{36})$/.exec(url)![1]!;
  return consultationSchema.parse((await operator.get(`/api/consultations/${id}`)).body);
};

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
    // The consultation concerns a draft resolution of the coming sitting.
    const picker = page.getByLabel('Projekt uchwały, którego dotyczą konsultacje (nieobowiązkowo)');
    const offered = await picker.locator('option').allTextContents();
    expect(offered[0]).toBe('Brak');
    expect(offered.length).toBeGreaterThan(1);
    await picker.selectOption({ index: 1 });
    const chosen = await picker.inputValue();
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
    expect(
      await page
        .getByLabel('Projekt uchwały, którego dotyczą konsultacje (nieobowiązkowo)')
        .inputValue(),
    ).toBe(chosen);
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

describe('the office keeps a consultation', () => {
  it('offers the version someone saved first, and loads it', async () => {
    write.origin = veche.url;
    const rest = await consultationAt(editorUrl);
    const theirs = await operator.put(
      `/api/consultations/${rest.id}`,
      {
        subject: 'Park przy ulicy Kościuszki (poprawiony)',
        description: rest.description,
        startsAt: rest.startsAt,
        endsAt: rest.endsAt,
        agendaItemId: rest.agendaItemId,
        survey: rest.survey,
        version: rest.version,
      },
      write,
    );
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(200);

    await page.getByLabel('Opis', { exact: true }).fill('Moja zmiana');
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByRole('heading', { name: 'Zapisane przez kogoś innego' }).waitFor();
    await page.getByRole('button', { name: 'Wczytaj jego wersję' }).click();
    expect(await page.getByLabel('Temat').inputValue()).toBe(
      'Park przy ulicy Kościuszki (poprawiony)',
    );
    expect(await page.getByLabel('Opis', { exact: true }).inputValue()).toBe(
      'Jak ma wyglądać nowy park?',
    );
    await page.getByRole('button', { name: 'Zapisz', exact: true }).click();
    await page.getByText('Konsultacje zostały zapisane.').waitFor();
  });

  it('uploads a document and removes it', async () => {
    await page.getByLabel('Plik', { exact: true }).setInputFiles(PDF);
    await page.getByLabel('Tytuł', { exact: true }).fill('Koncepcja parku');
    await page.getByRole('button', { name: 'Wyślij' }).click();
    await page.getByText('Dokument Koncepcja parku został dodany.').waitFor();
    expect(await page.getByRole('link', { name: 'Koncepcja parku' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Usuń dokument Koncepcja parku' }).click();
    await page.getByText('Dokument Koncepcja parku został usunięty.').waitFor();
    expect(await page.getByRole('link', { name: 'Koncepcja parku' }).count()).toBe(0);
  });

  it('shows a started survey read only and hides an opinion with its reason on record', async () => {
    const councilId = (await consultationAt(editorUrl)).councilId;
    const created = await operator.post<Consultation>(
      `/api/councils/${councilId}/consultations`,
      {
        subject: 'Rozkład jazdy autobusów',
        description: '',
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        survey: {
          questions: [
            { id: 'q1', kind: 'short_text', prompt: 'Którą linią jeździsz?', required: true },
          ],
        },
      },
      write,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const bus = created.body;
    expect(
      (await operator.post(`/api/consultations/${bus.id}/publish`, { version: bus.version }, write))
        .status,
    ).toBe(200);
    const before = smtp.messages.length;
    const sent = await fetch(`${veche.url}/api/public/consultations/${bus.id}/opinions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: veche.url },
      body: JSON.stringify({
        name: 'Jan Trolski',
        email: 'troll@example.org',
        text: 'Obraźliwy wpis',
        language: 'pl',
      }),
    });
    expect(sent.status).toBe(202);
    const mail = await smtp.waitFor(
      (message) =>
        message.envelopeTo.includes('troll@example.org') &&
        smtp.messages.indexOf(message) >= before,
    );
    const link = linksIn(mail.text ?? '').find((found) =>
      found.includes('/consultation-opinions/'),
    )!;
    const token = link.split('/').at(-1)!;
    const verified = await fetch(`${veche.url}/api/public/consultation-opinions/${token}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: veche.url },
      body: '{}',
    });
    expect(verified.status).toBe(200);

    await page.goto(`${veche.url}/consultations/${bus.id}`);
    await page.getByRole('heading', { name: 'Rozkład jazdy autobusów', level: 1 }).waitFor();
    expect(await page.locator('.consultation-status').textContent()).toContain('Trwają');
    await page.getByText('ankiety nie można już zmienić').waitFor();
    expect(await page.getByRole('button', { name: 'Dodaj pytanie' }).count()).toBe(0);
    const preview = page.getByRole('form', { name: 'Podgląd ankiety (tylko do odczytu)' });
    expect(await preview.locator('legend, label').first().textContent()).toContain(
      'Którą linią jeździsz?',
    );
    await page.getByText('1 potwierdzona opinia.').first().waitFor();

    await page.getByRole('button', { name: 'Ukryj opinię: Jan Trolski' }).click();
    const reason = page.getByLabel('Powód ukrycia opinii: Jan Trolski');
    expect(await focusedId(page)).toBe(await reason.getAttribute('id'));
    await page.getByRole('button', { name: 'Ukryj opinię z tym powodem: Jan Trolski' }).click();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Obraźliwe słowa');
    await page.getByRole('button', { name: 'Ukryj opinię z tym powodem: Jan Trolski' }).click();
    await page.getByText('Ukryta przez biuro. Powód: Obraźliwe słowa').waitFor();
    expect(await page.getByText('Opinia została ukryta: Jan Trolski.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Ukryj opinię: Jan Trolski' }).count()).toBe(0);
    // The results count it as hidden at once.
    await page.getByText('1 opinia ukryta.').waitFor();
    await expectNoSeriousViolations(page, 'ongoing consultation with a hidden opinion, pl');
    await screenshot(page, 'consultation-hidden-opinion');
  });
});
