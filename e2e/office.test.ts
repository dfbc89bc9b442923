import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * The council office's screens in a real Chromium against the built server with the demo council:
 * the council administrator invites a person (the e-mail with its set-password link lands in the
 * outbox folder), sees the account as invited, deactivates and reactivates another account after
 * confirming; the operator builds an agenda template with a sub-item, creates a sitting from it,
 * and in the sitting's editor uploads a PDF to an item as public, while a text file named .pdf is
 * refused in words. axe on each new screen in Polish and in English; the documents at 360 px.
 */

const COUNCIL_ADMIN = 'admin@wierzbow.example';
const OPERATOR = 'biuro.rady@wierzbow.example';
const PDF = fileURLToPath(
  new URL('../packages/server/demo-assets/uzasadnienie-budzet-2026.pdf', import.meta.url),
);
const TEMPLATE = 'Sesja zwyczajna';

let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let adminUrl: string;
let templatesUrl: string;
let editorUrl: string;

const newPage = (locale: string, width: number) => pageIn(browser, contexts, locale, width);
const outline = agendaOutline;

/** The outbox's messages, decoded from quoted-printable enough to read a link. */
async function outboxMessages(): Promise<string[]> {
  const folder = join(veche.dataDir, 'outbox');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) =>
    name.endsWith('.eml'),
  );
  return Promise.all(
    names.map(async (name) =>
      (await readFile(join(folder, name), 'utf8')).replace(/=\r?\n/g, '').replace(/=3D/g, '='),
    ),
  );
}

const account = (page: Page, name: string) =>
  page.locator('.accounts__item').filter({ hasText: name });

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

describe('the council administrator’s accounts', () => {
  it('invites a person by e-mail, with the refusals in words, and sees them as invited', async () => {
    const page = await newPage('pl-PL', 1280);
    await signInOnPage(page, veche.url, COUNCIL_ADMIN);
    await page.getByRole('link', { name: 'Administracja rady' }).click();
    await page.getByRole('heading', { name: 'Konta', level: 2 }).waitFor();
    adminUrl = page.url();
    await account(page, 'Zofia Kwiatkowska').waitFor();
    expect(await account(page, 'Zofia Kwiatkowska').textContent()).toContain('Aktywne');
    await expectNoSeriousViolations(page, 'accounts, pl');

    // A councillor's address is taken, and so is the councillor: each refused in words, by field.
    await page.getByRole('button', { name: 'Zaproś osobę' }).click();
    await page.locator('#invite-personId').selectOption({ label: 'Jan Kowalski' });
    expect(await page.locator('#invite-email').inputValue()).toBe('jan.kowalski@wierzbow.example');
    await page.getByLabel('Radny', { exact: true }).check();
    await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Istnieje już konto z tym adresem e-mail.');
    expect(await page.locator('#invite-email-error').textContent()).toContain(
      'Istnieje już konto z tym adresem e-mail.',
    );
    await expectNoSeriousViolations(page, 'invitation with an error, pl');
    await page.locator('#invite-email').fill('jan.kowalski.drugi@wierzbow.example');
    await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
    await expect
      .poll(() => page.locator('#invite-personId-error').textContent())
      .toContain('Ta osoba ma już konto.');

    // A new member of the office, without a person; no role chosen first.
    await page.locator('#invite-personId').selectOption('');
    await page.locator('#invite-email').fill('sekretariat@wierzbow.example');
    await page.locator('#invite-displayName').fill('Irena Sekretarz');
    await page.locator('#invite-language').selectOption('en');
    await page.getByLabel('Radny', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
    await expect.poll(() => summary.textContent()).toContain('Wybierz co najmniej jedną rolę.');
    const before = (await outboxMessages()).length;

    await page.getByLabel('Operator (biuro rady)').check();
    await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
    await page.getByText('Zaproszono: Irena Sekretarz').waitFor();
    const invited = account(page, 'Irena Sekretarz');
    await invited.waitFor();
    expect(await invited.textContent()).toContain('Zaproszone: link działa do');
    expect(await invited.textContent()).toContain('Role: Operator (biuro rady)');

    const messages = await outboxMessages();
    expect(messages).toHaveLength(before + 1);
    const invitation = messages.find((text) => text.includes('sekretariat@wierzbow.example'));
    expect(invitation).toMatch(/\/set-password\/[A-Za-z0-9_-]{20,}/);
    await screenshot(page, 'office-accounts-invited');
  });

  it('deactivates and reactivates another account after confirming', async () => {
    const page = await newPage('pl-PL', 1280);
    await signInOnPage(page, veche.url, COUNCIL_ADMIN);
    await page.goto(adminUrl);
    const zofia = account(page, 'Zofia Kwiatkowska');
    await zofia.getByRole('button', { name: 'Wyłącz Zofia Kwiatkowska' }).click();
    // The question first, with the focus on it; nothing has changed yet.
    const question = zofia.getByText('Wyłączyć konto: Zofia Kwiatkowska?');
    await question.waitFor();
    expect(await question.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await zofia.textContent()).toContain('Aktywne');
    await expectNoSeriousViolations(page, 'deactivation confirmation, pl');
    await zofia.getByRole('button', { name: 'Tak, wyłącz' }).click();
    await page.getByText('Konto Zofia Kwiatkowska jest wyłączone.').waitFor();
    await expect.poll(() => zofia.textContent()).toContain('Wyłączone od');
    await screenshot(page, 'office-accounts-deactivated');

    // Deactivated means signed out and kept out.
    const login = await fetch(`${veche.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'zofia.kwiatkowska@wierzbow.example', password: 'veche-demo' }),
    });
    expect(login.ok).toBe(false);

    await zofia.getByRole('button', { name: 'Włącz ponownie Zofia Kwiatkowska' }).click();
    await zofia.getByRole('button', { name: 'Tak, włącz ponownie' }).click();
    await page.getByText('Konto Zofia Kwiatkowska jest znów aktywne.').waitFor();
    await expect.poll(() => zofia.textContent()).toContain('Aktywne');
  });

  it('passes axe in English', async () => {
    const page = await newPage('en-GB', 1280);
    await signInOnPage(page, veche.url, COUNCIL_ADMIN);
    await page.goto(adminUrl);
    await page.getByRole('heading', { name: 'Accounts', level: 2 }).waitFor();
    await account(page, 'Irena Sekretarz').waitFor();
    expect(await account(page, 'Irena Sekretarz').textContent()).toContain(
      'Invited: the link works until',
    );
    await page.getByRole('button', { name: 'Invite a person' }).click();
    await expectNoSeriousViolations(page, 'accounts, en');
  });
});

describe('the office’s agenda templates and documents', () => {
  it('creates a template with two items and a sub-item', async () => {
    const page = await newPage('pl-PL', 1280);
    await signInOnPage(page, veche.url, OPERATOR);
    await page.getByRole('link', { name: 'Szablony porządku obrad' }).click();
    await page.getByRole('heading', { name: 'Szablony porządku obrad', level: 1 }).waitFor();
    templatesUrl = page.url();
    expect(templatesUrl).toMatch(/\/councils\/[0-9a-f-]{36}\/agenda-templates$/);
    await expectNoSeriousViolations(page, 'agenda templates, pl');

    await page.getByRole('button', { name: 'Nowy szablon' }).click();
    // Without a name and items: refused, and said.
    await page.getByRole('button', { name: 'Zapisz szablon' }).click();
    await page.locator('.error-summary').waitFor();
    await page.getByLabel('Nazwa szablonu').fill(TEMPLATE);
    for (const [index, title] of ['Otwarcie sesji', 'Sprawy bieżące'].entries()) {
      await page.getByRole('button', { name: 'Dodaj punkt', exact: true }).click();
      await page.getByLabel(`Tytuł punktu ${String(index + 1)}`, { exact: true }).fill(title);
    }
    await page.getByRole('button', { name: 'Dodaj podpunkt do punktu 2' }).click();
    await page.getByLabel('Tytuł punktu 2.1', { exact: true }).fill('Informacja burmistrza');
    expect(await outline(page)).toEqual([
      '1 Otwarcie sesji',
      '2 Sprawy bieżące',
      '2.1 Informacja burmistrza',
    ]);
    await expectNoSeriousViolations(page, 'agenda template editor, pl');
    await page.getByRole('button', { name: 'Zapisz szablon' }).click();
    await page.getByText(`Szablon „${TEMPLATE}” został zapisany.`).waitFor();
    const item = page.locator('.templates__item').filter({ hasText: TEMPLATE });
    expect(await item.textContent()).toContain('3 punkty');
    await screenshot(page, 'office-agenda-templates');

    // A second template of the same name is refused in words, next to the name.
    await page.getByRole('button', { name: 'Nowy szablon' }).click();
    await page.getByLabel('Nazwa szablonu').fill(TEMPLATE);
    await page.getByRole('button', { name: 'Dodaj punkt', exact: true }).click();
    await page.getByLabel('Tytuł punktu 1', { exact: true }).fill('Otwarcie');
    await page.getByRole('button', { name: 'Zapisz szablon' }).click();
    await expect
      .poll(() => page.locator('#template-name-error').textContent())
      .toContain('Rada ma już szablon o tej nazwie.');
    await page.getByRole('button', { name: 'Anuluj' }).click();
  });

  it('shows a save from an older version of a template with the saved version', async () => {
    const page = await newPage('pl-PL', 1280);
    await signInOnPage(page, veche.url, OPERATOR);
    await page.goto(templatesUrl);
    const other = await newPage('pl-PL', 1280);
    await signInOnPage(other, veche.url, OPERATOR);
    await other.goto(templatesUrl);
    for (const on of [page, other]) {
      await on.getByRole('button', { name: `Edytuj ${TEMPLATE}` }).click();
      await on.getByLabel('Tytuł punktu 1', { exact: true }).waitFor();
    }
    await other.getByLabel('Tytuł punktu 1', { exact: true }).fill('Otwarcie obrad');
    await other.getByRole('button', { name: 'Zapisz szablon' }).click();
    await other.getByText(`Szablon „${TEMPLATE}” został zapisany.`).waitFor();

    await page.getByLabel('Tytuł punktu 2', { exact: true }).fill('Sprawy różne');
    await page.getByRole('button', { name: 'Zapisz szablon' }).click();
    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'Ktoś inny zapisał ten szablon wcześniej' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Otwarcie obrad');
    await page.getByRole('button', { name: 'Wczytaj zapisaną wersję' }).click();
    expect((await outline(page))[0]).toBe('1 Otwarcie obrad');
    // Back to the names the next test expects.
    await page.getByLabel('Tytuł punktu 1', { exact: true }).fill('Otwarcie sesji');
    await page.getByRole('button', { name: 'Zapisz szablon' }).click();
    await page.getByText(`Szablon „${TEMPLATE}” został zapisany.`).waitFor();
  });

  it('creates a sitting from the template and attaches a public PDF to an item', async () => {
    const page = await newPage('pl-PL', 1280);
    await signInOnPage(page, veche.url, OPERATOR);
    await page.getByRole('link', { name: 'Nowa sesja' }).click();
    await page.getByRole('heading', { name: 'Nowa sesja', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Zarządzaj szablonami porządku obrad' }).waitFor();
    await page.getByLabel('Tytuł', { exact: true }).fill('Sesja z szablonu');
    await page.getByLabel('Data').fill(isoDate(30));
    await page.getByLabel('Godzina (Europe/Warsaw)').fill('10:00');
    await page.locator('#sitting-template').selectOption({ label: `Z szablonu „${TEMPLATE}”` });
    await page.getByRole('button', { name: 'Utwórz projekt' }).click();
    await page.getByText('Przygotowanie sesji').waitFor();
    editorUrl = page.url();
    await page.getByLabel('Tytuł punktu 1', { exact: true }).waitFor();
    expect(await outline(page)).toEqual([
      '1 Otwarcie sesji',
      '2 Sprawy bieżące',
      '2.1 Informacja burmistrza',
    ]);

    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Dokumenty', level: 2 }),
    });
    await section.getByText('Nie ma jeszcze dokumentów.').waitFor();
    await expectNoSeriousViolations(page, 'sitting documents, pl');

    // A text file named .pdf: the server reads the content, and the page says why in Polish.
    await page.getByLabel('Plik', { exact: true }).setInputFiles({
      name: 'uchwala.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('To nie jest PDF, tylko zwykły tekst.\n', 'utf8'),
    });
    await page.getByRole('button', { name: 'Dodaj dokument' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      'Zawartość pliku nie jest w żadnym z dozwolonych formatów',
    );
    expect(await page.locator('#document-file-error').count()).toBe(1);
    await expectNoSeriousViolations(page, 'sitting documents with an error, pl');

    await page.getByLabel('Plik', { exact: true }).setInputFiles(PDF);
    await page.getByLabel('Tytuł (opcjonalnie)').fill('Informacja o stanie gminy');
    await page.getByLabel('Dotyczy').selectOption({ label: '2.1. Informacja burmistrza' });
    await page.getByLabel(/^Publiczny/).check();
    await page.getByRole('button', { name: 'Dodaj dokument' }).click();
    await page.getByText('Dodano „Informacja o stanie gminy”.').waitFor();
    const group = section.getByRole('list', { name: 'Punkt 2.1: Informacja burmistrza' });
    await group.waitFor();
    const listed = await group.textContent();
    expect(listed).toContain('Informacja o stanie gminy');
    expect(listed).toContain('PDF');
    expect(listed).toMatch(/\d+(,\d+)?\s*(KB|kB|B|MB)/);
    expect(listed).toContain('publiczny');
    // The editor's item counts its document (and so may not be removed unsaved).
    await page.getByText('1 dokument', { exact: true }).waitFor();
    const href = await group.getByRole('link').getAttribute('href');
    const file = await page.request.get(`${veche.url}${href ?? ''}`);
    expect(file.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, 'office-sitting-documents');
  });

  it('passes axe in English, and the documents fit a 360 px phone', async () => {
    const page = await newPage('en-GB', 1280);
    await signInOnPage(page, veche.url, OPERATOR);
    await page.goto(templatesUrl);
    await page.getByRole('heading', { name: 'Agenda templates', level: 1 }).waitFor();
    await page.locator('.templates__item').first().waitFor();
    await expectNoSeriousViolations(page, 'agenda templates, en');
    await page.getByRole('button', { name: `Delete ${TEMPLATE}` }).click();
    await page.getByText(`Delete the template “${TEMPLATE}”?`).waitFor();
    await expectNoSeriousViolations(page, 'template deletion confirmation, en');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.goto(editorUrl);
    await page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor();
    await page.getByText('Informacja o stanie gminy').first().waitFor();
    await expectNoSeriousViolations(page, 'sitting documents, en');

    const phone = await newPage('pl-PL', 360);
    await signInOnPage(phone, veche.url, OPERATOR);
    await phone.goto(editorUrl);
    const heading = phone.getByRole('heading', { name: 'Dokumenty', level: 2 });
    await heading.waitFor();
    await phone.getByText('Informacja o stanie gminy').first().waitFor();
    await heading.scrollIntoViewIfNeeded();
    expect(await overflowsHorizontally(phone)).toBe(false);
    await screenshot(phone, 'office-sitting-documents-360');
  });

  it('deletes a template after confirming', async () => {
    const page = await newPage('pl-PL', 1280);
    await signInOnPage(page, veche.url, OPERATOR);
    await page.goto(templatesUrl);
    await page.getByRole('button', { name: `Usuń ${TEMPLATE}` }).click();
    await page.getByRole('button', { name: 'Tak, usuń' }).click();
    await page.getByText(`Szablon „${TEMPLATE}” został usunięty.`).waitFor();
    await page.getByText('Nie ma jeszcze szablonów.').waitFor();
  });
});
