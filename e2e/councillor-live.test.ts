import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../packages/server/test/support/http-client';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import {
  axeViolations,
  launchChromium,
  overflowsHorizontally,
  screenshot,
} from './support/browser';

/*
 * The councillor's live sitting on a 360 px phone in a real Chromium, against the real, built
 * server with the demo council. The operator drives the sitting over HTTP, as the console will;
 * the councillor only looks and taps: everything she sees arrives by itself over the WebSocket.
 */

const COUNCILLOR = 'anna.nowak@wierzbow.example';
const OPERATOR = 'biuro.rady@wierzbow.example';
const PASSWORD = 'veche-demo';
const BODY = 'Rada Miejska w Wierzbowie';

interface Member {
  id: string;
  name: string;
}

interface OperatorView {
  seq: number;
  state: {
    setup: { members: Member[] };
    agenda: { id: string; title: string }[];
    speakerQueue: { requestId: string }[];
  };
}

/** The operator at the console: commands over HTTP with her cookie, from the server's origin. */
class Operator {
  private readonly http: TestClient;

  constructor(
    private readonly url: string,
    readonly sittingId: string,
    http: TestClient,
  ) {
    this.http = http;
  }

  static async signIn(url: string): Promise<Operator> {
    const http = new TestClient(url);
    const login = await http.post('/api/auth/login', { email: OPERATOR, password: PASSWORD });
    expect(login.status).toBe(200);
    const upcoming = await http.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming');
    return new Operator(url, upcoming.body.sittings[0]!.id, http);
  }

  async command(command: Record<string, unknown>): Promise<void> {
    const answer = await this.http.post(
      `/api/sittings/${this.sittingId}/commands`,
      { commandId: randomUUID().replaceAll('-', ''), command },
      { origin: this.url },
    );
    expect(answer.status, `${String(command['type'])}: ${JSON.stringify(answer.body)}`).toBe(200);
  }

  async view(): Promise<OperatorView> {
    const answer = await this.http.get<OperatorView>(`/api/sittings/${this.sittingId}/state`);
    expect(answer.status).toBe(200);
    return answer.body;
  }
}

/** A port free now, so that a restarted server comes back at the same address. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let env: Record<string, string>;
let veche: RunningVeche;
/** The data folder kept across the restart; removed at the end. */
let keptDataDir: string | null = null;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let operator: Operator;
let members: Member[];
let anna: Member;
let agenda: { id: string; title: string }[];

beforeAll(async () => {
  env = { LOGIN_RATE_LIMIT: '100', PORT: String(await freePort()) };
  veche = await startVeche({ env });
  browser = await launchChromium();
  operator = await Operator.signIn(veche.url);
  await operator.command({ type: 'sitting.open' });
  const { state } = await operator.view();
  members = state.setup.members;
  anna = members.find((member) => member.name === 'Anna Nowak')!;
  agenda = state.agenda;
  context = await browser.newContext({ locale: 'pl-PL', viewport: { width: 360, height: 780 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await veche?.stop();
  if (keptDataDir !== null) rmSync(keptDataDir, { recursive: true, force: true });
});

const heading = (p: Page) => p.getByRole('heading', { level: 1 });
const connection = (p: Page) => p.locator('.connection__state');
/** Marks the document; a reload would lose the mark. */
const markDocument = (p: Page) =>
  p.evaluate(() => {
    (window as unknown as { vecheMark?: string }).vecheMark = 'still here';
  });
const documentMark = (p: Page) =>
  p.evaluate(() => (window as unknown as { vecheMark?: string }).vecheMark ?? null);

async function expectNoViolations(p: Page, label: string): Promise<void> {
  const violations = await axeViolations(p);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

async function expectPhoneLayout(p: Page): Promise<void> {
  expect(await overflowsHorizontally(p)).toBe(false);
  const small = await p.evaluate(() =>
    [...document.querySelectorAll('main button, main a, header button, header select')]
      .filter((element) => element.getBoundingClientRect().width > 0)
      .map((element) => ({
        text: element.textContent?.trim() ?? element.tagName,
        height: element.getBoundingClientRect().height,
      }))
      .filter(({ height }) => height < 44),
  );
  expect(small).toEqual([]);
}

describe('the councillor’s live sitting on a phone', () => {
  it('opens from the upcoming sittings without a reload and shows the sitting live', async () => {
    await page.goto(veche.url);
    await page.locator('#login-email').fill(COUNCILLOR);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => heading(page).textContent()).toBe('Najbliższe sesje');
    await markDocument(page);

    await page.getByRole('link', { name: 'Otwórz sesję na żywo' }).click();
    await expect.poll(() => heading(page).textContent()).toBe(`XXIV sesja — ${BODY}`);
    expect(new URL(page.url()).pathname).toBe(`/sittings/${operator.sittingId}/live`);
    expect(await documentMark(page)).toBe('still here');
    await expect.poll(() => connection(page).textContent()).toContain('Na żywo');
    expect(await page.locator('.live__meta .badge').textContent()).toBe('Trwa');
    expect(await page.locator('.live-agenda__item').count()).toBe(6);
    expect(await page.title()).toBe('XXIV sesja na żywo — Veche');

    // The current item follows the chair.
    await operator.command({ type: 'agenda.set_current', itemId: agenda[1]!.id });
    const current = page.locator('.live-agenda__item[aria-current="true"]');
    await expect.poll(() => current.textContent()).toContain(agenda[1]!.title);
    expect(await current.textContent()).toContain('Teraz');
    await expectPhoneLayout(page);
  });

  it('shows the Present button by itself when a quorum check starts, then the confirmation', async () => {
    await operator.command({ type: 'quorum.start', checkId: 'check-1', durationMs: 120_000 });
    const present = page.getByRole('button', { name: 'Potwierdzam obecność' });
    await present.waitFor();
    // The countdown runs on the server's clock: two minutes, less the moments since.
    expect(await page.locator('.live-panel--quorum [role="timer"]').textContent()).toMatch(
      /^(2:00|1:[0-5]\d)$/,
    );
    await screenshot(page, 'live-quorum-pl-360');
    await present.click();
    await page.getByText('Obecność potwierdzona.').waitFor();
    expect(await present.count()).toBe(0);

    // Seven more members in the hall make a quorum (8 of 15).
    for (const member of members.filter((m) => m.id !== anna.id).slice(0, 7)) {
      await operator.command({ type: 'presence.mark', memberId: member.id, present: true });
    }
    await operator.command({ type: 'quorum.close' });
    await page.getByText('Kworum jest').waitFor();
    expect(await page.locator('main').textContent()).toContain('Odnotowano Twoją obecność.');
  });

  it('shows the vote by itself, takes her ballot, confirms it, and passes accessibility checks in two languages', async () => {
    await operator.command({
      type: 'vote.open',
      voteId: 'vote-1',
      subject: 'Uchwała w sprawie zmian w budżecie gminy na 2026 rok',
      itemId: agenda[3]!.id,
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 120_000,
    });
    const panel = page.locator('.live-panel--vote');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Uchwała w sprawie zmian w budżecie gminy');
    expect(await panel.textContent()).toContain('Zwykła większość głosów');
    // The focus moves to the vote's heading (not to a button: a stray tap must not vote).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Głosowanie');
    expect(await page.locator('[aria-live="polite"]').textContent()).toContain(
      'Rozpoczęto głosowanie',
    );
    await expectNoViolations(page, 'vote open, Polish');
    await expectPhoneLayout(page);
    await screenshot(page, 'live-vote-pl-360');

    await page.locator('.language-switcher select').selectOption('en');
    await panel.getByRole('heading', { name: 'Vote' }).waitFor();
    await expectNoViolations(page, 'vote open, English');
    await expectPhoneLayout(page);

    const against = panel.getByRole('button', { name: 'Against' });
    await against.click();
    await panel.getByText('Your vote is recorded: Against.').waitFor();
    expect(await against.getAttribute('aria-pressed')).toBe('true');
    expect(await against.textContent()).toContain('Your choice');
    // This council lets members change a ballot until the close.
    expect(await panel.textContent()).toContain('You can change your vote until the vote closes.');
    const votedFor = panel.getByRole('button', { name: /^For/ });
    await votedFor.click();
    await panel.getByText('Your vote is recorded: For.').waitFor();
    expect(await votedFor.getAttribute('aria-pressed')).toBe('true');
    expect(await against.getAttribute('aria-pressed')).toBe('false');
    // Checked with the pointer still over the chosen option, as a finger leaves it.
    await expectNoViolations(page, 'ballot recorded, English');
    await screenshot(page, 'live-vote-recorded-en-360');
  });

  it('shows the result with its arithmetic after the close', async () => {
    await operator.command({ type: 'vote.close', voteId: 'vote-1' });
    const result = page.locator('.live-panel--result');
    await result.getByRole('heading', { name: 'Result of the vote' }).waitFor();
    expect(await page.locator('.live-panel--vote').count()).toBe(0);
    const text = await result.innerText();
    expect(text).toContain('Passed');
    expect(text).toContain('1 for; more than 0.5 of 1 required.');
    expect(text).toContain('Your vote: For');
    expect(await result.locator('.counts__row').allInnerTexts()).toEqual([
      'For\n1',
      'Against\n0',
      'Abstain\n0',
    ]);
    await expectNoViolations(page, 'vote result, English');
    await screenshot(page, 'live-result-en-360');
  });

  it('requests the floor, sees her place in the queue move, and withdraws', async () => {
    const floor = page.locator('.live-floor');
    await floor.getByRole('button', { name: 'Speak in the debate' }).click();
    await floor.getByText('Number 1 in the queue').waitFor();
    // A formal motion from another member goes ahead of her.
    const other = members.find((m) => m.id !== anna.id)!;
    await operator.command({
      type: 'speaker.request',
      requestId: 'motion-1',
      speechType: 'formal_motion',
      memberId: other.id,
    });
    await floor.getByText('Number 2 in the queue').waitFor();
    expect(await floor.textContent()).toContain('Waiting to speak: 2');
    await expectPhoneLayout(page);
    await screenshot(page, 'live-floor-en-360');

    await floor.getByRole('button', { name: 'Withdraw: Speech in the debate' }).click();
    await expect.poll(() => floor.getByText(/in the queue$/).count()).toBe(0);
    expect((await operator.view()).state.speakerQueue.map((e) => e.requestId)).toEqual([
      'motion-1',
    ]);
  });

  it('survives losing the connection and resumes without a reload, with what it missed', async () => {
    await context.setOffline(true);
    await expect.poll(() => connection(page).textContent()).toContain('Offline');
    // While she is away, a vote opens.
    await operator.command({
      type: 'vote.open',
      voteId: 'vote-2',
      subject: 'Uchwała w sprawie miejscowego planu zagospodarowania przestrzennego',
      itemId: agenda[4]!.id,
      kind: 'open',
      majority: 'pl.simple',
      durationMs: 120_000,
    });
    await context.setOffline(false);
    await expect.poll(() => connection(page).textContent(), { timeout: 20_000 }).toContain('Live');
    const panel = page.locator('.live-panel--vote');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('miejscowego planu');
    expect(await documentMark(page)).toBe('still here');

    await panel.getByRole('button', { name: 'Abstain' }).click();
    await panel.getByText('Your vote is recorded: Abstain.').waitFor();
    await expectPhoneLayout(page);
  });

  it('survives the server going away: reconnects by itself and sends what she tapped meanwhile', async () => {
    keptDataDir = veche.dataDir;
    await veche.stop({ keepData: true });
    await expect.poll(() => connection(page).textContent()).toContain('Reconnecting');
    const floor = page.locator('.live-floor');
    await floor.getByRole('button', { name: 'Reply ad vocem' }).click();
    await floor.getByText('Not sent yet: no connection.', { exact: false }).waitFor();

    veche = await startVeche({ env, dataDir: keptDataDir });
    await expect.poll(() => connection(page).textContent(), { timeout: 30_000 }).toContain('Live');
    // The formal motion stays ahead of her reply.
    await floor.getByText('Number 2 in the queue').waitFor({ timeout: 15_000 });
    expect(await floor.textContent()).toContain('Reply ad vocem');
    expect(await documentMark(page)).toBe('still here');
    expect((await operator.view()).state.speakerQueue).toHaveLength(2);
    await expectNoViolations(page, 'after a restart, English');
  });
});
