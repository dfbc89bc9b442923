import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Screenshots land here for people to look at; the folder is ignored by git. */
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** The system Chromium; browsers are never downloaded through npm. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: `${RESULTS_DIR}${name}.png`, fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** The WCAG 2.1 A and AA rules of axe-core, run on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, so a Content-Security-Policy cannot block it.
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const { axe: injected } = window as unknown as { axe: typeof axe };
    const result = await injected.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/** Fails the test, naming each rule and element, if axe finds a serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const violations = (await axeViolations(page)).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(violations, `${label}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** True when the page is wider than the window, i.e. the reader has to scroll sideways. */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

/** Signs in through the sign-in form of the page at `url` and waits for the upcoming sittings. */
export async function signInOnPage(
  page: Page,
  url: string,
  email: string,
  password = 'veche-demo',
): Promise<void> {
  await page.goto(url);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.locator('.sittings h1').waitFor();
}

/**
 * A page in a new browser profile that chose this language on this device (over the user's
 * own), added to `contexts` for closing. Reduced motion: the app scrolls smoothly otherwise, and
 * a drag would start mid-scroll.
 */
export async function pageIn(
  browser: Browser,
  contexts: BrowserContext[],
  locale: string,
  width: number,
): Promise<Page> {
  const context = await browser.newContext({
    locale,
    viewport: { width, height: 900 },
    reducedMotion: 'reduce',
  });
  contexts.push(context);
  await context.addInitScript(
    (chosen) => {
      window.localStorage.setItem('veche.language', chosen);
    },
    locale.slice(0, 2),
  );
  return context.newPage();
}

/** A date `daysAhead` from today as a date input takes it (YYYY-MM-DD). */
export const isoDate = (daysAhead: number): string =>
  new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

/** The agenda editor's tree as numbered titles ("2.1 Dyskusja"), read from its fields. */
export async function agendaOutline(on: Page): Promise<string[]> {
  return on.locator('.agenda-editor__item').evaluateAll((items) =>
    items.map((item) => {
      const number = item.querySelector('.agenda-editor__number')?.textContent ?? '';
      const title = item.querySelector<HTMLInputElement>('input[type="text"]')?.value;
      return `${number} ${title ?? ''}`;
    }),
  );
}
