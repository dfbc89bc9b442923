import { consultationSchema } from '@veche/protocol';
import type { Browser, BrowserContext } from 'playwright-core';
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
 * Every public page residents meet (issue 7, section 3: "axe checks on every public page, in two
 * languages"), in Polish and Bulgarian on a 360 px phone: the consultations' calendar (list and
 * month), a consultation with its forms, the pages of the e-mailed links (a response, an opinion,
 * a resident's data, a request to speak), the data request form, and the request to speak with
 * what follows it. The stories themselves are tested elsewhere; this sweeps the pages.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';

let smtp: SmtpCapture;
let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pages: { label: string; path: string }[] = [];

/** The link to `path` in the message to `email` that carries one. */
async function linkTo(email: string, path: string): Promise<string> {
  const mail = await smtp.waitFor(
    (message) => message.envelopeTo.includes(email) && (message.text ?? '').includes(path),
  );
  const link = linksIn(mail.text ?? '').find((found) => found.includes(path));
  expect(link, `${email}: ${path}`).toBeDefined();
  return new URL(link!).pathname + new URL(link!).search;
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  veche = await startVeche({ env: { SMTP_URL: smtp.url, LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  const operator = new TestClient(veche.url);
  expect(
    (await operator.post('/api/auth/login', { email: OPERATOR, password: DEMO_PASSWORD })).status,
  ).toBe(200);
  const upcoming = await operator.get<{ sittings: { id: string; councilId: string }[] }>(
    '/api/sittings/upcoming',
  );
  const { id: sittingId, councilId } = upcoming.body.sittings[0]!;
  const created = await operator.post(`/api/councils/${councilId}/consultations`, {
    subject: 'Plac zabaw przy szkole',
    description: 'Jaki plac zabaw zbudować przy szkole podstawowej.',
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    survey: {
      questions: [
        {
          id: 'kind',
          kind: 'single_choice',
          prompt: 'Jaki plac?',
          required: true,
          options: [
            { id: 'small', label: 'Dla małych dzieci' },
            { id: 'big', label: 'Dla starszych dzieci' },
          ],
        },
        { id: 'why', kind: 'long_text', prompt: 'Dlaczego?', required: false },
      ],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const draft = consultationSchema.parse(created.body);
  expect(
    (await operator.post(`/api/consultations/${draft.id}/publish`, { version: draft.version }))
      .status,
  ).toBe(200);

  const anyone = new TestClient(veche.url);
  const response = await anyone.post(`/api/public/consultations/${draft.id}/responses`, {
    name: 'Ola',
    email: 'ola@example.org',
    answers: { kind: 'small' },
  });
  expect(response.status).toBe(202);
  const opinion = await anyone.post(`/api/public/consultations/${draft.id}/opinions`, {
    name: 'Piotr',
    email: 'piotr@example.org',
    text: 'Proszę o cień i ławki dla rodziców.',
  });
  expect(opinion.status).toBe(202);
  const data = await anyone.post(`/api/public/councils/${councilId}/resident-data-requests`, {
    email: 'ola@example.org',
  });
  expect(data.status).toBe(202);
  const speak = new FormData();
  speak.append('name', 'Ewa');
  speak.append('email', 'ewa@example.org');
  const agenda = await operator.get<{ agenda: { id: string }[] }>(
    `/api/sittings/${sittingId}/preparation`,
  );
  speak.append('itemId', agenda.body.agenda[1]!.id);
  speak.append('summary', 'O placu zabaw.');
  expect(
    (
      await fetch(`${veche.url}/portal/sittings/${sittingId}/speak`, {
        method: 'POST',
        body: speak,
      })
    ).status,
  ).toBe(201);

  const month = new Date().toISOString().slice(0, 7);
  pages.push(
    { label: 'calendar', path: `/portal/councils/${councilId}/consultations` },
    { label: 'calendar month', path: `/portal/councils/${councilId}/consultations?month=${month}` },
    { label: 'consultation', path: `/portal/consultations/${draft.id}` },
    {
      label: 'response link',
      path: await linkTo('ola@example.org', '/portal/consultation-responses/'),
    },
    {
      label: 'opinion link',
      path: await linkTo('piotr@example.org', '/portal/consultation-opinions/'),
    },
    { label: 'data request', path: `/portal/councils/${councilId}/resident-data` },
    { label: 'data link', path: await linkTo('ola@example.org', '/portal/resident-data/') },
    { label: 'speak form', path: `/portal/sittings/${sittingId}/speak` },
    {
      label: 'speak link',
      path: await linkTo('ewa@example.org', '/portal/speech-requests/confirm'),
    },
  );
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
  await smtp?.close();
});

describe('residents’ public pages', () => {
  for (const language of ['pl', 'bg'] as const) {
    it(`pass axe, speak ${language} and fit a phone`, async () => {
      const context = await browser.newContext({
        locale: language,
        viewport: { width: 360, height: 800 },
      });
      contexts.push(context);
      const page = await context.newPage();
      for (const { label, path } of pages) {
        const separator = path.includes('?') ? '&' : '?';
        const answer = await page.goto(`${veche.url}${path}${separator}lang=${language}`);
        expect(answer?.status(), label).toBe(200);
        expect(await page.locator('html').getAttribute('lang'), label).toBe(language);
        expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
        expect(await overflowsHorizontally(page), `${label}: scrolls sideways`).toBe(false);
        await expectNoSeriousViolations(page, `${language} ${label}`);
        await screenshot(page, `residents-${language}-${label.replaceAll(' ', '-')}`);
      }
    });
  }
});
