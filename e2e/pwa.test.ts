import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import { axeViolations, launchChromium, screenshot } from './support/browser';

/*
 * The councillor app as an installable PWA, in a real Chromium against the built server: the
 * manifest, the service worker's registration, the app opening offline from its cache, the API
 * never answered from a cache, a new build replacing the old cache, and the server gone.
 *
 * The server serves a copy of the built app (WEB_DIST), so that a test can stand in a new build
 * by changing the copy's sw.js without touching packages/web/dist. The tests run in order on one
 * page, as one visit after another.
 */

const COUNCILLOR = 'anna.nowak@wierzbow.example';
const PASSWORD = 'veche-demo';

let veche: RunningVeche;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let webDist: string;

beforeAll(async () => {
  const built = fileURLToPath(new URL('../packages/web/dist', import.meta.url));
  if (!existsSync(join(built, 'sw.js')))
    throw new Error(`${built} has no sw.js: run npm run build`);
  webDist = mkdtempSync(join(tmpdir(), 'veche-web-'));
  cpSync(built, webDist, { recursive: true });
  veche = await startVeche({ env: { WEB_DIST: webDist } });
  browser = await launchChromium();
  // Service workers are allowed by default; said here because this file depends on them.
  context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: 360, height: 740 },
    serviceWorkers: 'allow',
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await veche?.stop();
  if (webDist) rmSync(webDist, { recursive: true, force: true });
});

const heading = (target: Page) => target.getByRole('heading', { level: 1 });

/** Every URL held in the origin's caches. */
function cachedUrls(target: Page): Promise<string[]> {
  return target.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls.sort();
  });
}

describe('the installable app', () => {
  it('links its manifest and installs a service worker that controls the page', async () => {
    await page.goto(veche.url);
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe(
      '/manifest.webmanifest',
    );
    const manifest = await page.evaluate(async () => {
      const response = await fetch('/manifest.webmanifest');
      return (await response.json()) as { name: string; display: string };
    });
    expect(manifest).toMatchObject({ name: 'Veche', display: 'standalone' });

    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      // ready: there is an active worker, which may still be activating (deleting old caches).
      const active = registration.active;
      if (active && active.state !== 'activated') {
        await new Promise<void>((resolve) => {
          active.addEventListener('statechange', () => {
            if (active.state === 'activated') resolve();
          });
        });
      }
      return {
        scope: registration.scope,
        script: registration.active?.scriptURL ?? null,
        state: registration.active?.state ?? null,
      };
    });
    expect(worker).toEqual({
      scope: `${veche.url}/`,
      script: `${veche.url}/sw.js`,
      state: 'activated',
    });
    // clients.claim(): the page that registered it is controlled without a reload.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    const cached = await cachedUrls(page);
    expect(cached).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest']));
    expect(cached.some((path) => path.startsWith('/assets/'))).toBe(true);
    // A first visit shows no update notice: the first worker taking over is no news.
    expect(await page.locator('.notice--update').count()).toBe(0);
  });

  it('opens offline from its cache and says the server cannot be reached', async () => {
    // Signed in, so that /api/me has something a cache could have kept.
    await page.locator('#login-email').fill(COUNCILLOR);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.locator('article.sitting').waitFor();
    const online = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(online).toBe(200);

    await context.setOffline(true);
    try {
      const response = await page.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      expect(page.url()).toBe(`${veche.url}/`);
      // The app, not Chromium's offline page: its header, and the sign-in form it falls back to
      // when it cannot learn who is signed in, with the reason.
      await expect.poll(() => heading(page).textContent()).toBe('Sign in');
      expect(await page.locator('header .brand').textContent()).toContain('Veche');
      expect(await page.locator('main').textContent()).toContain('Cannot reach the server.');
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      await screenshot(page, 'pwa-offline-360');

      // A deep link opens offline too: every page of the app is the same shell.
      await page.goto(`${veche.url}/public/sittings/00000000-0000-4000-8000-000000000000`);
      expect(await page.locator('header .brand').textContent()).toContain('Veche');

      // The API is never answered from a cache: offline, it fails.
      const me = await page.evaluate(() =>
        fetch('/api/me').then(
          (answer) => `answered ${String(answer.status)}`,
          () => 'failed',
        ),
      );
      expect(me).toBe('failed');
      expect((await cachedUrls(page)).filter((path) => path.startsWith('/api'))).toEqual([]);
    } finally {
      await context.setOffline(false);
    }

    // Back online, pages come from the network again: the session is still there.
    await page.goto(veche.url);
    await page.locator('article.sitting').waitFor();
    expect(await page.locator('header').textContent()).toContain('Anna Nowak');
  });

  it('replaces the cache when a new build is deployed, and offers to load it', async () => {
    const before = await page.evaluate(() => caches.keys());
    expect(before).toHaveLength(1);
    const [oldCache = ''] = before;
    // A new build: its worker differs (another cache name), as after any change of a file.
    const workerFile = join(webDist, 'sw.js');
    const newCache = 'veche-shell-0123456789abcdef';
    expect(oldCache).not.toBe(newCache);
    writeFileSync(workerFile, readFileSync(workerFile, 'utf8').replace(oldCache, newCache));

    // Browsers check on navigations and at most daily; the test asks at once.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
    });
    const notice = page.locator('.notice--update');
    await notice.waitFor();
    // In Anna's own language (Polish), which the app adopted when she signed in.
    expect(await notice.textContent()).toContain('Nowa wersja Veche jest gotowa.');
    // The page carried on: still signed in, nothing reloaded by itself.
    expect(await page.locator('header').textContent()).toContain('Anna Nowak');
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([newCache]);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(page, 'pwa-update-360');

    await notice.getByRole('button', { name: 'Wczytaj nową wersję' }).click();
    await page.locator('article.sitting').waitFor();
    expect(await page.locator('.notice--update').count()).toBe(0);
  });

  it('still opens when the server itself is gone', async () => {
    await veche.stop();
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
    expect(await page.locator('main').textContent()).toContain('Cannot reach the server.');
  });
});
