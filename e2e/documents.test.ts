import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../packages/server/src/demo/demo-council';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import { Actor } from './support/actor';
import {
  launchChromium,
  overflowsHorizontally,
  screenshot,
  expectNoSeriousViolations,
} from './support/browser';

/*
 * Each agenda item's documents on the councillor's phone and on the public page: listed under
 * their item with format and size, opened on the device in a tab of their own, members-only
 * ones kept from the public. The demo sitting's draft resolutions come with PDFs.
 */

const ANNA = DEMO_COUNCILLORS[1]!; // [0] is the chair
const BUDGET = 'Projekt uchwały w sprawie zmian w budżecie gminy na 2026 rok';
const PLAN = 'Projekt uchwały w sprawie planu „Osiedle nad Stawem”';

let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let sittingId: string;

async function newContext(locale: string, width: number): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
  contexts.push(context);
  return context;
}

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  sittingId = await (await Actor.signIn(veche.url, ANNA.email)).firstSitting();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

describe('the documents of the agenda items', () => {
  it('are listed under their item on the councillor’s phone and open on the device', async () => {
    const context = await newContext('pl-PL', 360);
    const page = await context.newPage();
    await page.goto(veche.url);
    await page.locator('#login-email').fill(ANNA.email);
    await page.locator('#login-password').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('heading', { name: 'Najbliższe sesje' }).waitFor();
    await page.goto(`${veche.url}/sittings/${sittingId}/live`);

    const ofItem4 = page.getByRole('list', { name: 'Dokumenty do punktu 4' });
    await ofItem4.waitFor();
    const link = ofItem4.getByRole('link', { name: new RegExp(`^${BUDGET} \\(PDF, \\d+ kB\\)`) });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await ofItem4.getByRole('link').count()).toBe(2);
    await page.getByRole('list', { name: 'Dokumenty do punktu 5' }).getByText(PLAN).waitFor();
    const box = await link.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(await overflowsHorizontally(page)).toBe(false);

    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    const answer = await tab.waitForResponse((response) =>
      response.url().includes('/api/documents/'),
    );
    expect(answer.status()).toBe(200);
    // Headless Chromium hands a PDF to its download manager, which hides the headers: the same
    // address, asked again with the tab's cookies, shows what the device's viewer got.
    const file = await context.request.get(tab.url());
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await tab.close();

    await screenshot(page, 'live-documents-pl-360');
    await expectNoSeriousViolations(page, 'live page with documents (pl)');
  });

  it('shows the public only the public ones, in English too', async () => {
    const context = await newContext('en-GB', 360);
    const page = await context.newPage();
    await page.goto(`${veche.url}/public/sittings/${sittingId}`);
    const ofItem4 = page.getByRole('list', { name: 'Documents of item 4' });
    await ofItem4.waitFor();
    expect(await ofItem4.getByRole('link').count()).toBe(2);
    expect(await page.getByText(PLAN).count()).toBe(0);
    // The members-only file is not to be had by its address either.
    const members = await (await Actor.signIn(veche.url, ANNA.email)).documents(sittingId);
    const closed = members.find((document) => !document.isPublic)!;
    expect((await page.request.get(`${veche.url}${closed.url}`)).status()).toBe(404);
    await screenshot(page, 'public-documents-en-360');
    await expectNoSeriousViolations(page, 'public page with documents (en)');
  });
});
