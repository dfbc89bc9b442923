import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../packages/server/src/storage/database';
import { sittings } from '../packages/server/src/storage/schema';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import { launchChromium, screenshot, expectNoSeriousViolations } from './support/browser';

/*
 * The stream embedded in the public live page. A stand-in stream player on another origin (a
 * local HTTP server: no internet here) reloads itself and tries to take the whole window away;
 * the public page keeps its own address whatever the stream does.
 */

let veche: RunningVeche;
let player: Server;
let playerOrigin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let sittingId: string;
let playerLoads = 0;

/** A "stream" that restarts itself once and then tries to navigate the page that embeds it. */
const playerPage = (
  origin: string,
) => `<!doctype html><html lang="pl"><head><title>Transmisja</title></head><body>
<p id="state">Transmisja trwa</p>
<script>
  if (!location.search.includes('restarted')) {
    setTimeout(() => { location.href = '/live?restarted=1'; }, 200);
  } else {
    setTimeout(() => {
      try { top.location.href = '${origin}/hijacked'; } catch (error) {}
      document.getElementById('state').textContent = 'Po restarcie';
    }, 200);
  }
</script></body></html>`;

beforeAll(async () => {
  player = createServer((request, response) => {
    playerLoads += 1;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(playerPage(playerOrigin));
  });
  await new Promise<void>((resolve) => player.listen(0, '127.0.0.1', resolve));
  // Another origin than the server's: "localhost" against Veche's 127.0.0.1.
  playerOrigin = `http://localhost:${String((player.address() as AddressInfo).port)}`;

  const first = await startVeche();
  const dataDir = first.dataDir;
  await first.stop({ keepData: true });
  const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
  try {
    const [demo] = await database.db.select().from(sittings).limit(1);
    sittingId = demo!.id;
    await database.db
      .update(sittings)
      .set({ streamUrl: `${playerOrigin}/live`, updatedAt: new Date() })
      .where(eq(sittings.id, sittingId));
  } finally {
    await database.close();
  }
  veche = await startVeche({ dataDir });
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'pl-PL', viewport: { width: 360, height: 800 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await veche?.stop();
  await new Promise((resolve) => player?.close(resolve));
});

describe('the stream on the public live page', () => {
  it('is embedded from its own address, titled, and the page keeps its address', async () => {
    const address = `${veche.url}/public/sittings/${sittingId}`;
    await page.goto(address);
    const frame = page.locator('.public-stream iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toBe(`${playerOrigin}/live`);
    expect(await frame.getAttribute('title')).toContain('Sesja zwyczajna');
    // The player restarts itself and then tries to send the whole page elsewhere.
    await page.frameLocator('.public-stream iframe').getByText('Po restarcie').waitFor();
    expect(playerLoads).toBeGreaterThanOrEqual(2);
    expect(page.url()).toBe(address);
    await page.locator('.public-now').waitFor();
    await screenshot(page, 'public-stream-pl-360');
    await expectNoSeriousViolations(page, 'public page with a stream');
  });
});
