import { consultationSchema, type Consultation } from '@veche/protocol';
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
 * The consultation story (issue 7, section 3) in Chromium on phones: two residents
 * answer a survey on the portal, one in Polish and one in Bulgarian, each confirming from the
 * e-mail caught by a real SMTP server; the first tries to answer again (the address in other
 * capitals) and is refused; the consultation ends (it was published to last one minute) and its
 * results page and PDF report count the two answers right. axe checks every page on the way.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const LASTS_MS = 60_000;

let smtp: SmtpCapture;
let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let consultation: Consultation;

async function phone(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 360, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

async function expectAccessible(page: Page, language: string, label: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang'), label).toBe(language);
  expect(await overflowsHorizontally(page), `${label}: scrolls sideways`).toBe(false);
  await expectNoSeriousViolations(page, `${language} ${label}`);
  await screenshot(page, `consultation-${language}-${label.replaceAll(' ', '-')}`);
}

/** A resident answers on the portal's page, then confirms from the e-mail's link. */
async function answer(
  page: Page,
  language: 'pl' | 'bg',
  who: { name: string; email: string; choice: string; scale: string },
): Promise<void> {
  const words =
    language === 'pl'
      ? {
          submit: 'Wyślij odpowiedzi',
          confirm: 'Potwierdź mój adres',
          confirmed: 'Dziękujemy: adres został potwierdzony.',
        }
      : {
          submit: 'Изпрати отговорите',
          confirm: 'Потвърди адреса ми',
          confirmed: 'Благодарим: адресът ви е потвърден.',
        };
  await page.goto(`${veche.url}/portal/consultations/${consultation.id}?lang=${language}`);
  await expectAccessible(page, language, 'survey');
  await page.getByRole('radio', { name: who.choice }).check();
  await page.getByRole('radio', { name: who.scale }).check();
  await page.locator('#c-name').fill(who.name);
  await page.locator('#c-email').fill(who.email);
  await page.getByRole('button', { name: words.submit }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain(who.email);
  await expectAccessible(page, language, 'sent');
  const mail = await smtp.waitFor((message) => message.envelopeTo.includes(who.email));
  const link = linksIn(mail.text ?? '').find((found) =>
    found.includes('/portal/consultation-responses/'),
  );
  await page.goto(link!);
  await expectAccessible(page, language, 'link');
  await page.getByRole('button', { name: words.confirm }).click();
  await expect
    .poll(() => page.getByRole('status').allTextContents())
    .toContainEqual(expect.stringContaining(words.confirmed));
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  veche = await startVeche({ env: { SMTP_URL: smtp.url, LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  const operator = new TestClient(veche.url);
  expect(
    (await operator.post('/api/auth/login', { email: OPERATOR, password: DEMO_PASSWORD })).status,
  ).toBe(200);
  const upcoming = await operator.get<{ sittings: { councilId: string }[] }>(
    '/api/sittings/upcoming',
  );
  const councilId = upcoming.body.sittings[0]!.councilId;
  const created = await operator.post(`/api/councils/${councilId}/consultations`, {
    subject: 'Ścieżka rowerowa nad Stawem',
    description: 'Czy i jak poprowadzić ścieżkę rowerową wokół stawu.',
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + LASTS_MS).toISOString(),
    survey: {
      questions: [
        {
          id: 'route',
          kind: 'single_choice',
          prompt: 'Którędy ma prowadzić ścieżka?',
          required: true,
          options: [
            { id: 'north', label: 'Brzegiem północnym' },
            { id: 'south', label: 'Brzegiem południowym' },
          ],
        },
        { id: 'need', kind: 'scale', prompt: 'Jak potrzebna?', required: true, min: 1, max: 3 },
      ],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const draft = consultationSchema.parse(created.body);
  const published = await operator.post(`/api/consultations/${draft.id}/publish`, {
    version: draft.version,
  });
  consultation = consultationSchema.parse(published.body);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
  await smtp?.close();
});

describe('residents answer a survey', () => {
  it('two residents answer and confirm, in Polish and in Bulgarian', async () => {
    await answer(await phone('pl'), 'pl', {
      name: 'Anna Rowerowa',
      email: 'anna@example.org',
      choice: 'Brzegiem północnym',
      scale: '3',
    });
    await answer(await phone('bg'), 'bg', {
      name: 'Мария Петрова',
      email: 'maria@example.bg',
      choice: 'Brzegiem północnym',
      scale: '1',
    });
  });

  it('refuses a second answer from the same address, saying why at the e-mail field', async () => {
    const page = await phone('pl');
    await page.goto(`${veche.url}/portal/consultations/${consultation.id}?lang=pl`);
    await page.getByRole('radio', { name: 'Brzegiem południowym' }).check();
    await page.getByRole('radio', { name: '2' }).check();
    await page.locator('#c-name').fill('Anna Rowerowa');
    await page.locator('#c-email').fill('ANNA@example.org');
    await page.getByRole('button', { name: 'Wyślij odpowiedzi' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Z tego adresu wysłano już odpowiedź');
    expect(await page.locator('#c-email').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'pl', 'refused');
  });

  it('counts the two answers once the consultation ends, on the page and in the report', async () => {
    await expect
      .poll(() => Date.now() > Date.parse(consultation.endsAt) + 500, {
        timeout: LASTS_MS + 10_000,
        interval: 1_000,
      })
      .toBe(true);
    for (const language of ['pl', 'bg'] as const) {
      const page = await phone(language);
      await page.goto(
        `${veche.url}/portal/consultations/${consultation.id}/results?lang=${language}`,
      );
      await expect.poll(() => page.locator('table.results').count()).toBeGreaterThan(0);
      const facts = await page.locator('dl.facts').textContent();
      const counted = language === 'pl' ? 'Potwierdzone odpowiedzi' : 'Потвърдени отговори';
      expect(facts).toMatch(new RegExp(`${counted}\\s*2(?!\\d)`));
      const rows = await page
        .locator('table.results')
        .first()
        .locator('tbody tr')
        .allTextContents();
      expect(rows[0]).toContain('Brzegiem północnym');
      expect(rows[0]).toContain('2 (100');
      expect(rows[1]).toContain('Brzegiem południowym');
      expect(rows[1]).toContain('0 (0');
      await expectAccessible(page, language, 'results');
    }
    const report = await fetch(
      `${veche.url}/api/public/consultations/${consultation.id}/report.pdf`,
    );
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('application/pdf');
  });
});
