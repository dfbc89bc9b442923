import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS } from '../packages/server/src/demo/demo-council';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import {
  launchChromium,
  overflowsHorizontally,
  screenshot,
  expectNoSeriousViolations,
} from './support/browser';
import { Actor } from './support/actor';

/*
 * The public live page on a 360 px phone, with no sign-in, and the hall display on a 1920x1080
 * screen, in a real Chromium against the built server with the demo council. The operator and
 * three councillors act over HTTP; both pages follow over the WebSocket as the public.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';

interface Member {
  id: string;
  name: string;
}

interface StateView {
  state: { setup: { members: Member[] }; agenda: { id: string; title: string }[] };
}

let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
let publicPage: Page;
let hall: Page;
let operator: Actor;
let sittingId: string;
let members: Member[];
let item: { id: string; title: string };
let voters: { actor: Actor; name: string; choice: 'for' | 'against' }[];

async function newPage(locale: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width, height } });
  contexts.push(context);
  return context.newPage();
}

const text = async (p: Page, selector: string) =>
  (await p.locator(selector).first().textContent()) ?? '';

/** How the Polish pages name a choice. */
const labelOf = (choice: 'for' | 'against') => (choice === 'for' ? 'Za' : 'Przeciw');

/** The page's named list is a table with a row per voter: their name and their choice. */
async function expectNamedTable(p: Page): Promise<void> {
  const table = p.getByRole('table');
  await table.waitFor();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.textContent?.replace(/\s+/g, ' ').trim()));
  expect(rows).toHaveLength(voters.length);
  for (const voter of voters) {
    const label = labelOf(voter.choice);
    expect(rows.some((row) => row?.includes(voter.name) && row.endsWith(label))).toBe(true);
  }
}

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  operator = await Actor.signIn(veche.url, OPERATOR);
  sittingId = await operator.firstSitting();
  const { state } = await operator.view<StateView>(sittingId);
  members = state.setup.members;
  item = state.agenda[1]!;
  const chosen = DEMO_COUNCILLORS.slice(0, 3);
  voters = await Promise.all(
    chosen.map(async (councillor, index) => ({
      actor: await Actor.signIn(veche.url, councillor.email),
      name: councillor.name,
      choice: index < 2 ? ('for' as const) : ('against' as const),
    })),
  );
  // Ten present, the three voters among them.
  const voterIds = voters.map((voter) => memberIdOf(voter.name));
  await operator.openWithPresent(
    sittingId,
    [
      ...voterIds,
      ...members.map((member) => member.id).filter((id) => !voterIds.includes(id)),
    ].slice(0, 10),
  );
  await operator.command(sittingId, { type: 'agenda.set_current', itemId: item.id });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

const memberIdOf = (name: string) => members.find((member) => member.name === name)!.id;

describe('the public live page and the hall display', () => {
  it('show the current item without a sign-in', async () => {
    publicPage = await newPage('pl-PL', 360, 800);
    await publicPage.goto(`${veche.url}/public/sittings/${sittingId}`);
    await publicPage.locator('.public-now__item').getByText(`2. ${item.title}`).waitFor();
    expect(await publicPage.getByRole('heading', { level: 1 }).textContent()).toContain('sesja');
    expect(await text(publicPage, '.public-stream')).toContain('nie ma transmisji wideo');
    expect(await publicPage.locator('#login-email').count()).toBe(0);

    hall = await newPage('pl-PL', 1920, 1080);
    await hall.goto(`${veche.url}/hall/sittings/${sittingId}`);
    await hall.locator('.hall__item-title').getByText(`2. ${item.title}`).waitFor();
    expect(await hall.locator('.site-header').count()).toBe(0);
  });

  it('show the speaker given the floor with a timer', async () => {
    const speaker = voters[0]!;
    await operator.command(sittingId, {
      type: 'speaker.request',
      requestId: 'public-floor-1',
      speechType: 'normal',
      memberId: memberIdOf(speaker.name),
    });
    await operator.command(sittingId, { type: 'speaker.grant', requestId: null });
    await publicPage.locator('.public-now__speaker').getByText(speaker.name).waitFor();
    await hall.locator('.hall__speaker-name').getByText(speaker.name).waitFor();
    for (const p of [publicPage, hall]) {
      expect(await p.getByRole('timer').first().textContent()).toMatch(/^\d+:\d\d$/);
    }
    await screenshot(publicPage, 'public-speaker-pl-360');
    await screenshot(hall, 'hall-speaker-pl-1920');
    await operator.command(sittingId, { type: 'speaker.end' });
  });

  it('show live counts of a named vote, then the outcome with its arithmetic and named list', async () => {
    const voteId = 'public-vote-1';
    await operator.openNamedVote(sittingId, voteId, item, 120_000);
    await publicPage.getByRole('heading', { name: 'Trwa głosowanie' }).waitFor();
    await hall.getByRole('heading', { name: 'Trwa głosowanie' }).waitFor();
    for (const voter of voters) {
      await voter.actor.command(sittingId, { type: 'vote.cast', voteId, choice: voter.choice });
    }
    const counts = () =>
      publicPage
        .locator('.live-panel--vote .counts__row')
        .evaluateAll((rows) => rows.map((row) => row.textContent));
    await expect.poll(counts).toEqual(['Za2', 'Przeciw1', 'Wstrzymuję się0']);
    await expect.poll(() => text(publicPage, '.public-voted')).toBe('Głosowało: 3 z 10');
    await screenshot(publicPage, 'public-vote-pl-360');

    await operator.command(sittingId, { type: 'vote.close', voteId });
    for (const p of [publicPage, hall]) {
      await p.getByRole('heading', { name: 'Wynik głosowania' }).waitFor();
      expect(await text(p, '.verdict')).toContain('Przyjęto');
      expect(await text(p, '.arithmetic')).not.toBe('');
    }
    // The named list: a table on the public page, a grid on the hall display.
    await expectNamedTable(publicPage);
    for (const voter of voters) {
      const cell = hall.locator('.hall-named__cell', { hasText: voter.name });
      expect(await cell.textContent()).toContain(labelOf(voter.choice));
    }
    expect(await overflowsHorizontally(publicPage)).toBe(false);
    expect(await overflowsHorizontally(hall)).toBe(false);
    await screenshot(publicPage, 'public-result-pl-360');
    await screenshot(hall, 'hall-result-pl-1920');
    await expectNoSeriousViolations(publicPage, 'public page, pl');
    await expectNoSeriousViolations(hall, 'hall display, pl');
  });

  it('shows the named list to a resident who opens the page after the close', async () => {
    const late = await newPage('pl-PL', 360, 800);
    await late.goto(`${veche.url}/public/sittings/${sittingId}`);
    await expectNamedTable(late);
  });

  it('keeps the result on the hall display until the next action', async () => {
    await operator.command(sittingId, {
      type: 'speaker.request',
      requestId: 'public-floor-2',
      speechType: 'normal',
      memberId: memberIdOf(voters[2]!.name),
    });
    await hall.waitForTimeout(1_500);
    expect(await hall.locator('.hall-named__cell').count()).toBe(3);
    await operator.command(sittingId, { type: 'speaker.grant', requestId: null });
    await hall.locator('.hall__speaker-name').getByText(voters[2]!.name).waitFor();
    expect(await hall.locator('.hall-named__cell').count()).toBe(0);
  });

  it('reads well in English and holds at smaller sizes, with no serious axe violations', async () => {
    const englishPublic = await newPage('en-US', 360, 800);
    await englishPublic.goto(`${veche.url}/public/sittings/${sittingId}`);
    await englishPublic.getByRole('heading', { name: 'Now' }).waitFor();
    await englishPublic.getByRole('heading', { name: 'How each councillor voted' }).count();
    await expectNoSeriousViolations(englishPublic, 'public page, en');
    expect(await overflowsHorizontally(englishPublic)).toBe(false);
    await screenshot(englishPublic, 'public-en-360');

    const englishHall = await newPage('en-US', 1024, 600);
    await englishHall.goto(`${veche.url}/hall/sittings/${sittingId}`);
    await englishHall.getByRole('heading', { name: 'Current item' }).waitFor();
    await englishHall.locator('.hall__speaker-name').getByText(voters[2]!.name).waitFor();
    await expectNoSeriousViolations(englishHall, 'hall display, en');
    expect(await overflowsHorizontally(englishHall)).toBe(false);
    await screenshot(englishHall, 'hall-en-1024');
  });
});

/** Where the hall display stands after a vote: does it scroll, and how large are the names. */
async function hallFit(p: Page) {
  return p.evaluate(() => {
    const cells = [...document.querySelectorAll<HTMLElement>('.hall-named__cell')];
    const names = cells.map((cell) => cell.querySelector('.hall-named__name')!);
    return {
      scrolls:
        document.documentElement.scrollHeight > window.innerHeight ||
        document.documentElement.scrollWidth > window.innerWidth,
      cells: cells.length,
      lowestBottom: Math.max(...cells.map((cell) => cell.getBoundingClientRect().bottom)),
      smallestName: Math.min(...names.map((name) => parseFloat(getComputedStyle(name).fontSize))),
      texts: cells.map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    };
  });
}

describe('the hall display with every member voting', () => {
  it('fits all 15 names of the demo council on a 1920x1080 screen, in large type, without scrolling', async () => {
    // Everyone is present, and everyone votes: two ballots entered by the operator.
    for (const member of members) {
      const present =
        (
          await operator.view<{ state: { presence: Record<string, { present: boolean }> } }>(
            sittingId,
          )
        ).state.presence[member.id]?.present === true;
      if (!present) {
        await operator.command(sittingId, {
          type: 'presence.mark',
          memberId: member.id,
          present: true,
        });
      }
    }
    const voteId = 'public-vote-all';
    await operator.openNamedVote(sittingId, voteId, item, 120_000);
    const choices = ['for', 'against', 'abstain'] as const;
    for (const [index, councillor] of DEMO_COUNCILLORS.entries()) {
      const choice = choices[index % 3]!;
      if (index >= DEMO_COUNCILLORS.length - 2) {
        await operator.command(sittingId, {
          type: 'vote.cast',
          voteId,
          choice,
          memberId: memberIdOf(councillor.name),
          proxyReason: 'awaria tabletu',
        });
      } else {
        const actor = await Actor.signIn(veche.url, councillor.email);
        await actor.command(sittingId, { type: 'vote.cast', voteId, choice });
      }
    }
    await operator.command(sittingId, { type: 'vote.close', voteId });
    const screen = await newPage('pl-PL', 1920, 1080);
    await screen.goto(`${veche.url}/hall/sittings/${sittingId}`);
    await expect.poll(async () => (await hallFit(screen)).cells).toBe(members.length);
    const fit = await hallFit(screen);
    expect(fit.scrolls).toBe(false);
    expect(fit.lowestBottom).toBeLessThanOrEqual(1080);
    // Large type for 15 names: read from the back of the room.
    expect(fit.smallestName).toBeGreaterThanOrEqual(24);
    // Every tile says its choice in words (and a sign), never by colour alone.
    for (const tile of fit.texts) expect(tile).toMatch(/(✓ Za|✗ Przeciw|– Wstrzymuję się)/);
    expect(fit.texts.filter((tile) => tile.includes('(wprowadzony przez operatora)'))).toHaveLength(
      2,
    );
    await screenshot(screen, 'hall-result-15-pl-1920');
    await expectNoSeriousViolations(screen, 'hall display, 15 names');
  });
});
