import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import { Actor } from './support/actor';
import {
  expectNoSeriousViolations,
  launchChromium,
  overflowsHorizontally,
  screenshot,
} from './support/browser';

/*
 * The public portal as a resident reads it on a phone with JavaScript turned off: from the
 * landing page to the council, the sitting, a named vote's list and a councillor's page, by
 * following links only, in Polish and in Bulgarian, each page checked by axe-core (WCAG 2.1 A
 * and AA) and for sideways scrolling at 360 px.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const SUBJECT = 'Uchwała w sprawie zmian w budżecie gminy na 2026 rok';
const CHOICES = ['for', 'for', 'for', 'for', 'against', 'abstain'];

let veche: RunningVeche;
let browser: Browser;
let sittingId: string;
/** The member who voted against. */
let againstName: string;
const contexts: BrowserContext[] = [];

/** A phone's browser reading in `language`: with scripts off, or on (to run axe-core). */
async function phone(language: string, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: language,
    viewport: { width: 360, height: 800 },
  });
  contexts.push(context);
  return context.newPage();
}

/**
 * The page speaks `language` and has one h1; then axe-core and the width check run on the same
 * address (and cookies) in a phone with scripts on (axe needs them: it never finishes in a page without). The
 * portal's pages carry no script, so both phones are given the very same page.
 */
async function expectReadable(page: Page, language: string, label: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang'), label).toBe(language);
  expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
  expect(await overflowsHorizontally(page), `${label}: scrolls sideways`).toBe(false);
  const checker = await phone(language, true);
  await checker.context().addCookies(await page.context().cookies());
  await checker.goto(page.url());
  expect(await checker.content()).toBe(await page.content());
  await expectNoSeriousViolations(checker, `${language} ${label}`);
  await screenshot(page, `portal-${language}-${label.replaceAll(' ', '-')}`);
  await checker.close();
}

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '1000' } });
  browser = await launchChromium();
  // A named vote held in the demo sitting: six of the first eight present vote, by the operator's
  // hand (their devices "failed"), the other two present do not.
  const operator = await Actor.signIn(veche.url, OPERATOR);
  sittingId = await operator.firstSitting();
  const { state } = await operator.view<{
    state: {
      setup: { members: { id: string; name: string }[] };
      agenda: { id: string; title: string }[];
    };
  }>(sittingId);
  const present = state.setup.members.slice(0, 8).map((member) => member.id);
  againstName = state.setup.members[CHOICES.indexOf('against')]!.name;
  await operator.openWithPresent(sittingId, present);
  await operator.openNamedVote(
    sittingId,
    'v-portal',
    { id: state.agenda[3]!.id, title: SUBJECT },
    600_000,
  );
  for (const [index, choice] of CHOICES.entries()) {
    await operator.command(sittingId, {
      type: 'vote.cast',
      voteId: 'v-portal',
      choice,
      memberId: present[index],
      proxyReason: 'the tablet failed',
    });
  }
  await operator.command(sittingId, { type: 'vote.close', voteId: 'v-portal' });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

describe.each([
  {
    language: 'pl',
    councillors: 'Radni',
    passed: 'Przyjęto',
    namedList: 'Jak głosował każdy radny',
    attendance: 'Obecność na 1 z 1 sesji z zapisem przebiegu',
  },
  {
    language: 'bg',
    councillors: 'Общински съветници',
    passed: 'Прието',
    namedList: 'Как гласува всеки съветник',
    attendance: 'Присъствал(а) на 1 от 1 заседания със запис',
  },
])('the portal in $language, without JavaScript, at 360 px', (texts) => {
  it('walks from the landing page to a councillor by links alone', async () => {
    const { language } = texts;
    const page = await phone(language);
    // The browser's Accept-Language chooses the language; nothing else is needed.
    await page.goto(`${veche.url}/portal`);
    await expectReadable(page, language, 'landing');
    // The skip link is the first thing a keyboard reaches, and it leads to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');

    await page.getByRole('link', { name: 'Rada Miejska w Wierzbowie' }).first().click();
    await page.waitForURL(/\/portal\/councils\//);
    await expectReadable(page, language, 'council');
    await expect.poll(() => page.getByRole('heading', { name: texts.councillors }).count()).toBe(1);

    await page.getByRole('link', { name: /XXIV/ }).first().click();
    await page.waitForURL(/\/portal\/sittings\/[0-9a-f-]+$/);
    await expectReadable(page, language, 'sitting');
    expect(await page.locator('#votes').count()).toBe(1);
    expect(await page.locator('#minutes').count()).toBe(1);
    expect(await page.locator('#recording').count()).toBe(1);
    expect(await page.locator('.verdict').first().textContent()).toContain(texts.passed);

    await page.locator(`a[href$="/votes/v-portal"]`).click();
    await page.waitForURL(/\/votes\/v-portal$/);
    await expectReadable(page, language, 'vote list');
    expect(await page.getByRole('heading', { name: texts.namedList }).count()).toBe(1);
    expect(await page.locator('tr[data-choice]').count()).toBe(8);
    expect(await page.locator('tr[data-choice="for"]').count()).toBe(4);

    await page.getByRole('link', { name: againstName }).first().click();
    await page.waitForURL(/\/portal\/persons\//);
    await expectReadable(page, language, 'councillor');
    expect(await page.locator('#attendance-rate').textContent()).toContain(texts.attendance);
    expect(await page.locator('tr[data-choice="against"]').count()).toBe(1);

    // The filter is a plain GET form: it works without a script.
    await page.locator('select[name="choice"]').selectOption('for');
    await page.locator('form.filters button[type="submit"]').click();
    await page.waitForURL(/choice=for/);
    expect(await page.locator('tr[data-choice]').count()).toBe(0);
    await expectReadable(page, language, 'councillor filtered');
  });
});

it('switches the language with a plain link and keeps it on the next page', async () => {
  const page = await phone('pl');
  await page.goto(`${veche.url}/portal/sittings/${sittingId}`);
  await page.getByRole('link', { name: 'Српски (ћирилица)' }).click();
  await page.waitForURL(/lang=sr-Cyrl/);
  expect(await page.locator('html').getAttribute('lang')).toBe('sr-Cyrl');
  await page.locator('.way-back a').first().click();
  await page.waitForURL(/\/portal$/);
  await expectReadable(page, 'sr-Cyrl', 'landing after switching');
});
