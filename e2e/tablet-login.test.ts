import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../packages/server/src/demo/demo-council';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import { Actor } from './support/actor';
import { launchChromium, screenshot, expectNoSeriousViolations } from './support/browser';

/*
 * A tablet in the hall signed in by the QR code the operator shows in the console: the code is
 * read back from the screen with a real QR decoder (jsQR), opened on an 820 px tablet, and used
 * once. In a real Chromium against the built server with the demo council.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const ANNA = DEMO_COUNCILLORS[1]!; // [0] is the chair
const jsqrSource = readFileSync(
  createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'),
  'utf8',
);

let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let console: Page;
let sittingId: string;
let codeUrl: string;

async function newPage(locale: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width, height } });
  contexts.push(context);
  return context.newPage();
}

/**
 * What the QR code on the page says, as a phone's camera would read it: a screenshot of the
 * code, decoded by jsQR on a blank page (no Content-Security-Policy in the way).
 */
async function decodeQr(p: Page): Promise<string> {
  const png = await p.locator('.conduct-tablet__code').screenshot();
  const blank = await browser.newPage();
  try {
    await blank.evaluate(jsqrSource);
    return await blank.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height);
      const { jsQR } = window as unknown as {
        jsQR: (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
      };
      return jsQR(pixels.data, pixels.width, pixels.height)?.data ?? '';
    }, png.toString('base64'));
  } finally {
    await blank.close();
  }
}

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  sittingId = await (await Actor.signIn(veche.url, OPERATOR)).firstSitting();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

describe('a tablet signed in by the operator’s QR code', () => {
  it('shows a code for the chosen member in the console', async () => {
    console = await newPage('pl-PL', 1280, 900);
    await console.goto(veche.url);
    await console.locator('#login-email').fill(OPERATOR);
    await console.locator('#login-password').fill(DEMO_PASSWORD);
    await console.locator('form button[type="submit"]').click();
    await console.getByRole('heading', { name: 'Najbliższe sesje' }).waitFor();
    await console.goto(`${veche.url}/sittings/${sittingId}/conduct`);
    const panel = console.getByRole('region', { name: 'Logowanie tabletu' });
    await panel.getByLabel('Radny').selectOption({ label: ANNA.name });
    await panel.getByRole('button', { name: 'Pokaż kod' }).click();
    await panel.getByRole('img', { name: `Kod QR logujący tablet jako ${ANNA.name}` }).waitFor();
    expect(await panel.getByRole('timer').textContent()).toMatch(/^[12]:\d\d$/);
    codeUrl = await decodeQr(console);
    expect(codeUrl).toMatch(new RegExp(`^${veche.url}/tablet/[A-Za-z0-9_-]{43}$`));
    // The address under the code is the one in it, for a tablet without a camera.
    expect(await panel.locator('.conduct-tablet__url').textContent()).toBe(codeUrl);
    await screenshot(console, 'conduct-tablet-code-pl-1280');
    await expectNoSeriousViolations(console, 'console with a tablet code (pl)');
  });

  it('signs the tablet in as the member and opens the sitting in place of the code', async () => {
    const tablet = await newPage('pl-PL', 820, 1180);
    await tablet.goto(`${veche.url}/`);
    await tablet.goto(codeUrl);
    await tablet.waitForURL(`${veche.url}/sittings/${sittingId}/live`);
    await tablet.locator('.live__header h1').waitFor();
    expect(await tablet.locator('.site-header').textContent()).toContain(ANNA.name);
    // Back leads to where the tablet was before, not to the spent code.
    await tablet.goBack();
    await tablet.waitForURL(`${veche.url}/`);
    await screenshot(tablet, 'tablet-signed-in-pl-820');
  });

  it('refuses the same code on a second tablet, in its language, with a way to sign in', async () => {
    const second = await newPage('en-GB', 820, 1180);
    await second.goto(codeUrl);
    await second.getByRole('heading', { name: 'This tablet could not be signed in' }).waitFor();
    expect(await second.getByRole('alert').textContent()).toContain('already been used');
    await second.getByRole('link', { name: 'Sign in with e-mail and password instead' }).click();
    await second.locator('#login-email').waitFor();
    await second.goBack();
    await second.getByRole('heading', { name: 'This tablet could not be signed in' }).waitFor();
    await screenshot(second, 'tablet-code-used-en-820');
    await expectNoSeriousViolations(second, 'spent tablet code (en)');
  });
});
