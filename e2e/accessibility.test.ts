import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../packages/server/src/demo/demo-council';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import { Actor } from './support/actor';
import {
  expectNoSeriousViolations,
  launchChromium,
  overflowsHorizontally,
} from './support/browser';

/*
 * Every page of the app, in every language it speaks, checked by axe-core (WCAG 2.1 A and AA)
 * in one sweep, with a vote open so that the busiest state of each page is the one checked.
 * The journeys in the other browser tests check pages on the way; this makes sure none is left
 * out, the small ones (not found, a spent tablet code) included.
 */

const LANGUAGES = ['pl', 'bg', 'sr-Cyrl', 'sr-Latn', 'en'] as const;
const OPERATOR = 'biuro.rady@wierzbow.example';
const ANNA = DEMO_COUNCILLORS[1]!; // [0] is the chair
const SPENT_CODE = 'x'.repeat(43);

let veche: RunningVeche;
let browser: Browser;
let sittingId: string;
const contexts: BrowserContext[] = [];

/** A browser profile that chose this language on this device, signed in as `email` if given. */
async function pageIn(language: string, width: number, email?: string): Promise<Page> {
  const context = await browser.newContext({ locale: language, viewport: { width, height: 900 } });
  contexts.push(context);
  await context.addInitScript((chosen) => {
    window.localStorage.setItem('veche.language', chosen);
  }, language);
  if (email !== undefined) {
    const login = await context.request.post(`${veche.url}/api/auth/login`, {
      data: { email, password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
  }
  return context.newPage();
}

async function expectAccessible(page: Page, language: string, label: string): Promise<void> {
  // The page speaks the chosen language, and says so (screen readers pick their voice by it).
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await expectNoSeriousViolations(page, label);
  expect(await overflowsHorizontally(page), `${label}: scrolls sideways`).toBe(false);
}

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '1000' } });
  browser = await launchChromium();
  const operator = await Actor.signIn(veche.url, OPERATOR);
  sittingId = await operator.firstSitting();
  const { state } = await operator.view<{
    state: { setup: { members: { id: string }[] }; agenda: { id: string; title: string }[] };
  }>(sittingId);
  await operator.openWithPresent(
    sittingId,
    state.setup.members.slice(0, 10).map((member) => member.id),
  );
  const item = state.agenda[3]!;
  await operator.command(sittingId, { type: 'agenda.set_current', itemId: item.id });
  await operator.openNamedVote(sittingId, 'a11y-vote', item, 900_000);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

describe.each(LANGUAGES)('every page in %s', (language) => {
  it('passes axe when signed out: sign-in, a spent tablet code, the public page, the hall', async () => {
    const page = await pageIn(language, 360);
    await page.goto(veche.url);
    await page.locator('#login-email').waitFor();
    await expectAccessible(page, language, `${language} sign-in`);
    await page.goto(`${veche.url}/tablet/${SPENT_CODE}`);
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, language, `${language} spent tablet code`);
    await page.goto(`${veche.url}/public/sittings/${sittingId}`);
    await page.locator('.public-now').waitFor();
    await expectAccessible(page, language, `${language} public page`);

    const hall = await pageIn(language, 1920);
    await hall.goto(`${veche.url}/hall/sittings/${sittingId}`);
    await hall.locator('.hall__item-title').waitFor();
    await expectAccessible(hall, language, `${language} hall display`);
  });

  it('passes axe signed in: upcoming sittings, the live page, the console, not found', async () => {
    const councillor = await pageIn(language, 360, ANNA.email);
    await councillor.goto(veche.url);
    await councillor.locator('article.sitting').waitFor();
    await expectAccessible(councillor, language, `${language} upcoming sittings`);
    await councillor.goto(`${veche.url}/sittings/${sittingId}/live`);
    await councillor.locator('.live-agenda').waitFor();
    await councillor.getByRole('group').first().waitFor();
    await expectAccessible(councillor, language, `${language} live page with a vote`);

    const operator = await pageIn(language, 1280, OPERATOR);
    await operator.goto(`${veche.url}/sittings/${sittingId}/conduct`);
    await operator.locator('.conduct__grid').waitFor();
    await expectAccessible(operator, language, `${language} console with a vote`);
    await operator.goto(`${veche.url}/no-such-page`);
    await operator.locator('.not-found').waitFor();
    await expectAccessible(operator, language, `${language} not found`);
  });
});
