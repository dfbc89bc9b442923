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
 * The public portal as a resident reads it on a phone with JavaScript turned off: from the
 * landing page to the council, the demo's closed sitting (XXIII), its budget vote's named list
 * and a councillor who voted against, by following links only, in Polish and in Bulgarian, each page checked by axe-core (WCAG 2.1 A
 * and AA) and for sideways scrolling at 360 px.
 */

let veche: RunningVeche;
let browser: Browser;
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
  veche = await startVeche();
  browser = await launchChromium();
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
    attendance: 'Obecność na 1 z 1 sesji z zapisem przebiegu (100%)',
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

    await page.getByRole('link', { name: /XXIII/ }).first().click();
    await page.waitForURL(/\/portal\/sittings\/[0-9a-f-]+$/);
    await expectReadable(page, language, 'sitting');
    expect(await page.locator('[aria-labelledby="votes"] li.card').count()).toBe(5);
    expect(await page.locator('#minutes').count()).toBe(1);
    expect(await page.locator('#recording').count()).toBe(1);
    expect(await page.locator('#vote-demo-vote-budget .verdict').textContent()).toContain(
      texts.passed,
    );

    await page.locator('a[href$="/votes/demo-vote-budget"]').click();
    await page.waitForURL(/\/votes\/demo-vote-budget$/);
    await expectReadable(page, language, 'vote list');
    expect(await page.getByRole('heading', { name: texts.namedList }).count()).toBe(1);
    expect(await page.locator('tr[data-choice]').count()).toBe(14);
    expect(await page.locator('tr[data-choice="for"]').count()).toBe(11);

    await page.locator('tr[data-choice="against"] a').first().click();
    await page.waitForURL(/\/portal\/persons\//);
    await expectReadable(page, language, 'councillor');
    expect(await page.locator('#attendance-rate').textContent()).toContain(texts.attendance);
    // Against the budget and against the street's name.
    expect(await page.locator('tr[data-choice="against"]').count()).toBe(2);

    // The filter is a plain GET form: it works without a script.
    await page.locator('select[name="choice"]').selectOption('for');
    await page.locator('form.filters button[type="submit"]').click();
    await page.waitForURL(/choice=for/);
    // For the change of the agenda and for the agenda itself; nothing else is listed.
    expect(await page.locator('tr[data-choice]').count()).toBe(2);
    expect(await page.locator('tr[data-choice="for"]').count()).toBe(2);
    expect(await page.locator('select[name="choice"] option[selected]').getAttribute('value')).toBe(
      'for',
    );
    await expectReadable(page, language, 'councillor filtered');
  });

  it('reads the council’s register, interpellations and search', async () => {
    const { language } = texts;
    const page = await phone(language);
    await page.goto(`${veche.url}/portal`);
    await page.getByRole('link', { name: 'Rada Miejska w Wierzbowie' }).first().click();
    await page.waitForURL(/\/portal\/councils\/[0-9a-f-]+$/);
    const council = page.url();
    await page.locator('a[href$="/resolutions"]').click();
    await page.waitForURL(/\/resolutions$/);
    await expectReadable(page, language, 'register');
    expect(await page.locator('tr[data-adopted]').count()).toBe(3);
    await page.goto(council);
    await page.locator('a[href$="/interpellations"]').click();
    await page.waitForURL(/\/interpellations$/);
    await expectReadable(page, language, 'interpellations');
    await page.goto(council);
    await page.locator('a[href$="/search"]').click();
    await page.locator('#q').fill('budżecie');
    await page.locator('form[role="search"] button[type="submit"]').click();
    await page.waitForURL(/q=bud/);
    await expectReadable(page, language, 'search');
    expect(await page.locator('[data-source]').count()).toBeGreaterThan(2);
  });
});

it('switches the language with a plain link and keeps it on the next page', async () => {
  const page = await phone('pl');
  await page.goto(`${veche.url}/portal`);
  await page.getByRole('link', { name: 'Српски (ћирилица)' }).click();
  await page.waitForURL(/lang=sr-Cyrl/);
  expect(await page.locator('html').getAttribute('lang')).toBe('sr-Cyrl');
  await page.getByRole('link', { name: 'Rada Miejska w Wierzbowie' }).first().click();
  await page.waitForURL(/\/portal\/councils\/[0-9a-f-]+$/);
  await expectReadable(page, 'sr-Cyrl', 'council after switching');
});

it('is one link away from the app’s sign-in page', async () => {
  const page = await phone('pl', true);
  await page.goto(veche.url);
  await page.locator('#login-email').waitFor();
  await page.getByRole('link', { name: /Portal publiczny/ }).click();
  await page.waitForURL(/\/portal$/);
  expect(await page.locator('h1').textContent()).toBe('Rady, ich sesje i głosowania');
});

describe('the portal where JavaScript runs', () => {
  /** The operator, over the API: sets the closed sitting's recording, opens the next sitting. */
  async function operator(): Promise<TestClient> {
    const client = new TestClient(veche.url);
    const login = await client.post('/api/auth/login', {
      email: 'biuro.rady@wierzbow.example',
      password: 'veche-demo',
    });
    expect(login.status).toBe(200);
    return client;
  }

  async function sittingIds(page: Page): Promise<{ past: string; next: string }> {
    await page.goto(`${veche.url}/portal`);
    await page.getByRole('link', { name: 'Rada Miejska w Wierzbowie' }).first().click();
    await page.waitForURL(/\/portal\/councils\//);
    const href = async (number: string) =>
      (await page.locator(`a:text-matches("^${number} sesja")`).first().getAttribute('href'))!;
    const id = (path: string) => path.split('/').pop()!;
    return { past: id(await href('XXIII')), next: id(await href('XXIV')) };
  }

  it('moves the player to a chapter instead of leaving the page', async () => {
    const page = await phone('pl', true);
    const { past } = await sittingIds(page);
    const office = await operator();
    // Any start before the sitting will do: what matters is that the chapter's time is used.
    const saved = await office.put(`/api/sittings/${past}/recording`, {
      recordingUrl: 'https://media.wierzbow.example/sesje/xxiii.mp4',
      recordingStartedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
    });
    expect(saved.status).toBe(200);
    await page.goto(`${veche.url}/portal/sittings/${past}`);
    const chapter = page.locator('ol.chapters a[data-seconds]').nth(2);
    const seconds = Number(await chapter.getAttribute('data-seconds'));
    expect(seconds).toBeGreaterThan(0);
    const address = page.url();
    await chapter.click();
    expect(page.url()).toBe(address);
    await expect
      .poll(() =>
        page.locator('video.recording').evaluate((video: HTMLVideoElement) => video.currentTime),
      )
      .toBe(seconds);
    await expectNoSeriousViolations(page, 'pl sitting with a recording');
  });

  it('says when the sitting being read has moved on', async () => {
    const page = await phone('pl', true);
    const { next } = await sittingIds(page);
    await page.goto(`${veche.url}/portal/sittings/${next}`);
    const notice = page.locator('#live-notice');
    expect(await notice.isHidden()).toBe(true);
    const office = await operator();
    const opened = await office.post(`/api/sittings/${next}/commands`, {
      commandId: 'portal-open',
      command: { type: 'sitting.open' },
    });
    expect(opened.status).toBe(200);
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.textContent()).toContain('Od wyświetlenia tej strony sesja się zmieniła.');
    await notice.getByRole('link').click();
    expect(await page.locator('#sitting-status').textContent()).toBe('Trwa');
  }, 60_000);
});
