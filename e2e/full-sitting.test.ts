import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS } from '../packages/server/src/demo/demo-council';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import {
  axeViolations,
  launchChromium,
  overflowsHorizontally,
  screenshot,
} from './support/browser';
import { Actor } from './support/actor';

/*
 * A full sitting, every actor in a browser of their own against the real, built server with the
 * demo council: the operator at the console (1280 px), three councillors on a phone (360 px), a
 * tablet (820 px) and a desktop (1280 px, in English), a resident on the public page (360 px) and
 * the hall display (1920x1080). Everything is done through the pages; the server is only asked,
 * at the end of the vote, to confirm what was sealed.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const PASSWORD = 'veche-demo';

/** Waits on something the page shows; generous, as the machine is small and busy. */
const POLL = { timeout: 30_000, interval: 100 };

type Lang = 'pl' | 'en';
type Choice = 'for' | 'against';

/** The words of the councillor's live page, in the two languages of the test. */
const WORDS = {
  pl: {
    upcoming: 'Najbliższe sesje',
    join: 'Otwórz sesję na żywo',
    live: 'Na żywo',
    offline: 'Brak sieci. Oczekiwanie na połączenie…',
    convened: 'Zwołana',
    open: 'Trwa',
    present: 'Potwierdzam obecność',
    confirmed: 'Obecność potwierdzona.',
    quorumMet: 'Kworum jest',
    progress: (voted: number, entitled: number) => `Oddane głosy: ${voted} z ${entitled}`,
    option: { for: 'Za', against: 'Przeciw' },
    recorded: (choice: string) => `Twój głos został zapisany: ${choice}.`,
    result: 'Wynik głosowania',
    passed: 'Przyjęto',
    yourVote: (choice: string) => `Twój głos: ${choice}`,
  },
  en: {
    upcoming: 'Upcoming sittings',
    join: 'Open the live sitting',
    live: 'Live',
    offline: 'Offline. Waiting for the network…',
    convened: 'Convened',
    open: 'In progress',
    present: 'Present',
    confirmed: 'You are present. Confirmed.',
    quorumMet: 'Quorum present',
    progress: (voted: number, entitled: number) => `Votes cast: ${voted} of ${entitled}`,
    option: { for: 'For', against: 'Against' },
    recorded: (choice: string) => `Your vote is recorded: ${choice}.`,
    result: 'Result of the vote',
    passed: 'Passed',
    yourVote: (choice: string) => `Your vote: ${choice}`,
  },
} as const;

interface Councillor {
  name: string;
  email: string;
  lang: Lang;
  /** For screenshot names: the language and the width. */
  tag: string;
  viewport: { width: number; height: number };
  choice: Choice;
  context: BrowserContext;
  page: Page;
}

interface Member {
  id: string;
  name: string;
}

interface StateView {
  state: {
    setup: { members: Member[] };
    agenda: { id: string; title: string }[];
  };
}

let veche: RunningVeche;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** The operator's session over HTTP: used only to check what the server recorded. */
let server: Actor;
let sittingId: string;
let members: Member[];
let item: { id: string; title: string };
let itemNumber: number;

let consolePage: Page;
let publicPage: Page;
let hall: Page;
/** The phone (Polish), the tablet (Polish, goes offline during the vote), the desktop (English). */
let anna: Councillor;
let katarzyna: Councillor;
let piotr: Councillor;
let councillors: Councillor[];
/** How many members the vote counts as entitled: those present when it opened. */
let entitled: number;

/** The page types and languages axe-core has checked, to show the coverage at the end. */
const checked = new Set<string>();

async function newContext(
  locale: string,
  width: number,
  height: number,
  touch = false,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale,
    viewport: { width, height },
    hasTouch: touch,
  });
  contexts.push(context);
  return context;
}

function councillor(
  index: number,
  lang: Lang,
  viewport: { width: number; height: number },
  choice: Choice,
): Omit<Councillor, 'context' | 'page'> {
  const { name, email } = DEMO_COUNCILLORS[index]!;
  return { name, email, lang, viewport, choice, tag: `${lang}-${viewport.width}` };
}

beforeAll(async () => {
  // Four sign-ins through the form and one over HTTP within a minute.
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  server = await Actor.signIn(veche.url, OPERATOR);
  sittingId = await server.firstSitting();
  const { state } = await server.view<StateView>(sittingId);
  members = state.setup.members;
  itemNumber = 4;
  item = state.agenda[itemNumber - 1]!;

  const people = [
    // DEMO_COUNCILLORS[0] is the chair; the three after him are ordinary councillors.
    councillor(1, 'pl', { width: 360, height: 800 }, 'for'),
    councillor(2, 'pl', { width: 820, height: 1180 }, 'against'),
    councillor(3, 'en', { width: 1280, height: 800 }, 'for'),
  ];
  councillors = [];
  for (const person of people) {
    const locale = person.lang === 'pl' ? 'pl-PL' : 'en-GB';
    const touch = person.viewport.width < 1280;
    const context = await newContext(locale, person.viewport.width, person.viewport.height, touch);
    councillors.push({ ...person, context, page: await context.newPage() });
  }
  [anna, katarzyna, piotr] = councillors as [Councillor, Councillor, Councillor];
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await veche?.stop();
});

const heading = (p: Page) => p.getByRole('heading', { level: 1 });
const badge = (p: Page) => p.locator('.live__meta .badge');
const connection = (p: Page) => p.locator('.connection__state');
const votePanel = (c: Councillor) => c.page.locator('.live-panel--vote');
const memberIdOf = (name: string) => members.find((member) => member.name === name)!.id;
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

async function signInThroughForm(p: Page, email: string): Promise<void> {
  await p.locator('#login-email').fill(email);
  await p.locator('#login-password').fill(PASSWORD);
  await p.locator('form button[type="submit"]').click();
}

async function expectNoSeriousViolations(p: Page, page: string, lang: Lang): Promise<void> {
  const violations = (await axeViolations(p)).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(violations, `${page}, ${lang}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  checked.add(`${page}:${lang}`);
}

/** The console's count line of the running quorum check or vote. */
const consoleCount = () => consolePage.locator('.conduct-count').first().textContent();

describe('a full sitting, every actor in a browser of their own', () => {
  it('the operator signs in through the form and opens the console from the sitting card', async () => {
    const context = await newContext('pl-PL', 1280, 800);
    consolePage = await context.newPage();
    await consolePage.goto(veche.url);
    await expect.poll(() => heading(consolePage).textContent(), POLL).toBe('Logowanie');
    await expectNoSeriousViolations(consolePage, 'sign-in', 'pl');
    await screenshot(consolePage, 'full-sign-in-pl-1280');

    await signInThroughForm(consolePage, OPERATOR);
    await expect.poll(() => heading(consolePage).textContent(), POLL).toBe('Najbliższe sesje');
    await consolePage.getByRole('link', { name: 'Prowadź sesję' }).click();
    await expect.poll(() => consolePage.url(), POLL).toContain(`/sittings/${sittingId}/conduct`);
    await expect.poll(() => badge(consolePage).textContent(), POLL).toBe('Zwołana');
    await consolePage.getByRole('button', { name: 'Otwórz sesję', exact: true }).waitFor();
  });

  it('three councillors sign in on their own devices and open the live sitting', async () => {
    for (const c of councillors) {
      const words = WORDS[c.lang];
      await c.page.goto(veche.url);
      // A fresh device shows the sign-in page in the browser's language.
      const title = c.lang === 'pl' ? 'Logowanie' : 'Sign in';
      await expect.poll(() => heading(c.page).textContent(), POLL).toBe(title);
      if (c.lang === 'en') {
        await expectNoSeriousViolations(c.page, 'sign-in', 'en');
        await screenshot(c.page, `full-sign-in-${c.tag}`);
      }
      if (c.viewport.width === 360) await screenshot(c.page, `full-sign-in-${c.tag}`);
      await signInThroughForm(c.page, c.email);
      // The account's language (Polish) applies after the sign-in; the English reader switches.
      await expect.poll(() => heading(c.page).textContent(), POLL).toBe(WORDS.pl.upcoming);
      if (c.lang === 'en') {
        await c.page.locator('.language-switcher select').selectOption('en');
        await expect.poll(() => heading(c.page).textContent(), POLL).toBe(words.upcoming);
      }
      await c.page.getByRole('link', { name: words.join }).click();
      await expect
        .poll(() => new URL(c.page.url()).pathname, POLL)
        .toBe(`/sittings/${sittingId}/live`);
      await expect.poll(() => connection(c.page).textContent(), POLL).toContain(words.live);
      await expect.poll(() => badge(c.page).textContent(), POLL).toBe(words.convened);
    }
    expect(await piotr.page.locator('html').getAttribute('lang')).toBe('en');
    expect(await anna.page.locator('html').getAttribute('lang')).toBe('pl');
  });

  it('a resident opens the public page on a phone and the hall display shows the sitting, no sign-in', async () => {
    publicPage = await (await newContext('pl-PL', 360, 800, true)).newPage();
    await publicPage.goto(`${veche.url}/public/sittings/${sittingId}`);
    await expect.poll(() => connection(publicPage).textContent(), POLL).toContain('Na żywo');
    await expect.poll(() => badge(publicPage).textContent(), POLL).toBe('Zwołana');
    expect(await publicPage.locator('#login-email').count()).toBe(0);

    hall = await (await newContext('pl-PL', 1920, 1080)).newPage();
    await hall.goto(`${veche.url}/hall/sittings/${sittingId}`);
    await expect.poll(() => connection(hall).textContent(), POLL).toContain('Na żywo');
    await hall.locator('.hall__status').waitFor();
    expect(await hall.locator('.site-header').count()).toBe(0);
  });

  it('the operator opens the sitting and makes an item current; every screen follows', async () => {
    await consolePage.getByRole('button', { name: 'Otwórz sesję', exact: true }).click();
    await expect.poll(() => badge(consolePage).textContent(), POLL).toBe('Trwa');
    for (const c of councillors) {
      await expect.poll(() => badge(c.page).textContent(), POLL).toBe(WORDS[c.lang].open);
    }
    await expect.poll(() => badge(publicPage).textContent(), POLL).toBe('Trwa');
    await expect.poll(() => hall.locator('.hall__status').count(), POLL).toBe(0);

    await consolePage
      .getByRole('button', {
        name: `Ustaw jako bieżący: ${itemNumber}. ${item.title}`,
        exact: true,
      })
      .click();
    const numbered = `${itemNumber}. ${item.title}`;
    await expect.poll(() => hall.locator('.hall__item-title').textContent(), POLL).toBe(numbered);
    await expect
      .poll(async () => squash(await publicPage.locator('.public-now__item strong').textContent()))
      .toBe(numbered);
    for (const c of councillors) {
      const current = c.page.locator('.live-agenda__item[aria-current="true"]');
      await expect.poll(() => current.textContent(), POLL).toContain(item.title);
    }
    await screenshot(consolePage, 'full-console-open-pl-1280');
    await screenshot(hall, 'full-hall-item-pl-1920');
  });

  it('a quorum check: each councillor presses Present, the operator marks others up to the quorum', async () => {
    await consolePage.getByRole('button', { name: 'Rozpocznij sprawdzanie kworum' }).click();
    await expect.poll(consoleCount, POLL).toContain('Potwierdziło: 0 z 15');
    const required = Number(/wymagane: (\d+)\./.exec((await consoleCount()) ?? '')?.[1]);
    expect(required).toBeGreaterThan(councillors.length);

    for (const c of councillors) {
      const words = WORDS[c.lang];
      const present = c.page.getByRole('button', { name: words.present, exact: true });
      await present.click();
      await c.page.getByText(words.confirmed).waitFor();
      expect(await present.count()).toBe(0);
    }
    await screenshot(anna.page, `full-live-quorum-${anna.tag}`);
    await expect.poll(consoleCount, POLL).toContain(`Potwierdziło: 3 z 15; wymagane: ${required}.`);
    await screenshot(consolePage, 'full-console-quorum-count-pl-1280');

    // The others in the hall have no device: the operator marks them present in the console.
    const ours = new Set(councillors.map((c) => c.name));
    const inHall = members.filter((member) => !ours.has(member.name));
    for (const member of inHall.slice(0, required - councillors.length)) {
      await consolePage
        .getByRole('button', { name: `Oznacz obecność: ${member.name}`, exact: true })
        .click();
      await consolePage
        .getByRole('button', { name: `Oznacz nieobecność: ${member.name}`, exact: true })
        .waitFor();
    }
    await expect.poll(consoleCount, POLL).toContain(`Potwierdziło: ${required} z 15`);
    expect(await consoleCount()).toContain('Kworum jest');
    await consolePage.getByRole('button', { name: 'Zakończ sprawdzanie teraz' }).click();
    await consolePage.getByRole('heading', { name: 'Wynik sprawdzania kworum' }).waitFor();
    for (const c of councillors) await c.page.getByText(WORDS[c.lang].quorumMet).waitFor();
    entitled = required;
    await screenshot(consolePage, 'full-console-quorum-pl-1280');
  });

  it('the operator opens a named vote on the current item with the defaults; it reaches every device', async () => {
    expect(await consolePage.getByLabel('Przedmiot').inputValue()).toBe(item.title);
    expect(await consolePage.getByLabel('Rodzaj głosowania').inputValue()).toBe('named');
    expect(await consolePage.getByLabel('Wymagana większość').inputValue()).toBe('pl.simple');
    expect(await consolePage.getByLabel('Czas na głosowanie (sekundy)').inputValue()).toBe('60');
    await consolePage.getByRole('button', { name: 'Rozpocznij głosowanie' }).click();
    await consolePage.getByRole('heading', { name: 'Zagłosowali (0)' }).waitFor();
    await consolePage
      .getByRole('heading', { name: `Jeszcze nie głosowali (${entitled})` })
      .waitFor();

    for (const c of councillors) {
      const panel = votePanel(c);
      await panel.waitFor();
      expect(await panel.locator('.live-panel__subject').textContent()).toBe(item.title);
      await expect
        .poll(() => panel.locator('.live-panel__progress').textContent(), POLL)
        .toBe(WORDS[c.lang].progress(0, entitled));
    }
    await publicPage.getByRole('heading', { name: 'Trwa głosowanie' }).waitFor();
    await hall.getByRole('heading', { name: 'Trwa głosowanie' }).waitFor();
  });

  it('a councillor goes offline during the vote while the others vote; her page says so', async () => {
    await katarzyna.context.setOffline(true);
    await expect
      .poll(() => connection(katarzyna.page).textContent(), POLL)
      .toContain(WORDS.pl.offline);
    expect(await connection(katarzyna.page).getAttribute('class')).toContain(
      'connection__state--offline',
    );
    // The status is a live region: a screen reader hears that the page lost the network.
    expect(await connection(katarzyna.page).getAttribute('role')).toBe('status');
    await katarzyna.page.getByRole('button', { name: 'Połącz teraz' }).waitFor();

    for (const c of [anna, piotr]) {
      const words = WORDS[c.lang];
      const panel = votePanel(c);
      await panel.getByRole('button', { name: words.option[c.choice], exact: true }).click();
      await panel.getByText(words.recorded(words.option[c.choice])).waitFor();
    }
    await consolePage.getByRole('heading', { name: 'Zagłosowali (2)' }).waitFor();
    await expect
      .poll(() => publicPage.locator('.public-voted').textContent(), POLL)
      .toBe(`Głosowało: 2 z ${entitled}`);
    // Cut off, her page still shows the vote as it was when the network went.
    expect(await votePanel(katarzyna).locator('.live-panel__progress').textContent()).toBe(
      WORDS.pl.progress(0, entitled),
    );
    await expectNoSeriousViolations(anna.page, 'live', 'pl');
    expect(await overflowsHorizontally(anna.page)).toBe(false);
    await expectNoSeriousViolations(piotr.page, 'live', 'en');
    await expectNoSeriousViolations(consolePage, 'console', 'pl');
    await screenshot(anna.page, `full-live-vote-${anna.tag}`);
    await screenshot(piotr.page, `full-live-vote-${piotr.tag}`);
    await screenshot(katarzyna.page, `full-live-offline-${katarzyna.tag}`);
    await screenshot(consolePage, 'full-console-vote-pl-1280');
    await screenshot(publicPage, 'full-public-vote-pl-360');
    await screenshot(hall, 'full-hall-vote-pl-1920');
  });

  it('she comes back online, sees the vote as it stands now, and votes; the ballot is confirmed', async () => {
    const words = WORDS.pl;
    const panel = votePanel(katarzyna);
    await katarzyna.context.setOffline(false);
    await expect.poll(() => connection(katarzyna.page).textContent(), POLL).toContain(words.live);
    // The current state: the vote still open, the two ballots cast meanwhile, hers not yet.
    await expect
      .poll(() => panel.locator('.live-panel__progress').textContent(), POLL)
      .toBe(words.progress(2, entitled));
    expect(await panel.locator('.live-panel__subject').textContent()).toBe(item.title);
    const pressed = await panel
      .locator('.ballot-option')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-pressed')));
    expect(pressed).toEqual(['false', 'false', 'false']);
    expect(await panel.locator('.live-confirmed').count()).toBe(0);
    await expectNoSeriousViolations(katarzyna.page, 'live', 'pl');

    const against = panel.getByRole('button', { name: words.option.against, exact: true });
    await against.click();
    await panel.getByText(words.recorded(words.option.against)).waitFor();
    expect(
      await panel
        .getByRole('button', { name: new RegExp(`^${words.option.against}`) })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await expect
      .poll(() => panel.locator('.live-panel__progress').textContent(), POLL)
      .toBe(words.progress(3, entitled));
    await consolePage.getByRole('heading', { name: 'Zagłosowali (3)' }).waitFor();
    expect(await consolePage.locator('.conduct-names').first().textContent()).toContain(
      katarzyna.name,
    );
    await screenshot(katarzyna.page, `full-live-back-online-${katarzyna.tag}`);
  });

  it('the operator closes the vote: the outcome and the named list on the hall display and the public page', async () => {
    await consolePage.getByRole('button', { name: 'Zamknij głosowanie' }).click();
    const settled = consolePage.locator('.conduct-settled');
    await settled.getByRole('heading', { name: 'Wynik głosowania' }).waitFor();
    expect(await settled.locator('.verdict').textContent()).toContain('Przyjęto');

    const arithmetic = 'Za: 2; wymagane więcej niż 1,5 z 3. Osiągnięto wymaganą większość.';
    for (const p of [publicPage, hall]) {
      const result = p.locator('.live-panel--result');
      await result.getByRole('heading', { name: 'Wynik głosowania' }).waitFor();
      expect(await result.locator('.verdict').textContent()).toContain('Przyjęto');
      expect(squash(await result.locator('.arithmetic').textContent())).toBe(arithmetic);
      expect(await result.locator('.counts__row').allTextContents()).toEqual([
        'Za2',
        'Przeciw1',
        'Wstrzymuję się0',
      ]);
      expect(await result.textContent()).toContain(`Głosowało 3 z ${entitled} uprawnionych.`);
    }

    // The public page: a table, a row per voter with the name and the choice in words.
    const table = publicPage.getByRole('table');
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
    expect(rows).toHaveLength(3);
    // The hall display: a grid of name tiles.
    await hall.getByRole('heading', { name: 'Imienny wykaz głosowania' }).waitFor();
    expect(await hall.locator('.hall-named__cell').count()).toBe(3);
    for (const c of councillors) {
      const label = WORDS.pl.option[c.choice];
      expect(rows.some((row) => row.includes(c.name) && row.endsWith(label))).toBe(true);
      const cell = hall.locator('.hall-named__cell', { hasText: c.name });
      expect(await cell.locator('.hall-named__choice').textContent()).toContain(label);
    }

    // Each councillor sees the outcome with her own ballot, in her language.
    for (const c of councillors) {
      const words = WORDS[c.lang];
      const result = c.page.locator('.live-panel--result');
      await result.getByRole('heading', { name: words.result }).waitFor();
      expect(await result.locator('.verdict').textContent()).toContain(words.passed);
      expect(await result.textContent()).toContain(words.yourVote(words.option[c.choice]));
    }

    expect(await overflowsHorizontally(publicPage)).toBe(false);
    expect(await overflowsHorizontally(hall)).toBe(false);
    await expectNoSeriousViolations(publicPage, 'public', 'pl');
    await expectNoSeriousViolations(hall, 'hall', 'pl');
    await screenshot(publicPage, 'full-public-result-pl-360');
    await screenshot(hall, 'full-hall-result-pl-1920');
    await screenshot(consolePage, 'full-console-result-pl-1280');
    await screenshot(anna.page, `full-live-result-${anna.tag}`);
    await screenshot(piotr.page, `full-live-result-${piotr.tag}`);
  });

  it('the server sealed exactly 2 for and 1 against, with one ballot of the councillor who was offline', async () => {
    const log = await server.events(sittingId);
    const opened = log.filter((entry) => entry.type === 'vote.opened');
    expect(opened).toHaveLength(1);
    const voteId = opened[0]!.payload.voteId;
    const ofVote = (type: string) =>
      log.filter((entry) => entry.type === type && entry.payload.voteId === voteId);

    const closed = ofVote('vote.closed');
    expect(closed).toHaveLength(1);
    expect(closed[0]!.payload).toMatchObject({
      counts: { for: 2, against: 1, abstain: 0 },
      voted: 3,
      entitled,
    });
    const sealed = ofVote('vote.sealed');
    expect(sealed).toHaveLength(1);
    expect(sealed[0]!.payload.ballots).toBe(3);
    // Ballots are not in the log one by one: the seal carries them all, one entry per member.
    const named = sealed[0]!.payload.named as { memberId: string; choice: string }[];
    const ballotsOf = (c: Councillor) => named.filter((b) => b.memberId === memberIdOf(c.name));
    expect(named).toHaveLength(3);
    for (const c of councillors) expect(ballotsOf(c).map((b) => b.choice)).toEqual([c.choice]);
    expect(ballotsOf(katarzyna)).toHaveLength(1);
  });

  it('a councillor requests the floor from her phone; the operator grants it; the screens show her and her time', async () => {
    const floor = anna.page.locator('.live-floor');
    await floor.getByRole('button', { name: 'Zgłoś się do dyskusji' }).click();
    await floor.getByText('Miejsce w kolejce: 1').waitFor();
    await screenshot(anna.page, `full-live-floor-request-${anna.tag}`);

    await consolePage
      .getByRole('button', { name: `Udziel głosu: ${anna.name}`, exact: true })
      .click();
    await consolePage.getByText(`Głos ma: ${anna.name}`, { exact: false }).waitFor();
    await floor.getByText('Masz głos.').waitFor();
    await piotr.page.getByText(`Speaking now: ${anna.name}`).waitFor();

    const timePattern = /^\d+:\d\d$/;
    await hall.locator('.hall__speaker-name').getByText(anna.name).waitFor();
    await expect
      .poll(() => hall.locator('.hall__speaker [role="timer"]').textContent(), POLL)
      .toMatch(timePattern);
    // A new action clears the vote's result from the hall display.
    expect(await hall.locator('.hall-named__cell').count()).toBe(0);
    const speaker = publicPage.locator('.public-now__speaker');
    await speaker.getByText(anna.name).waitFor();
    await expect
      .poll(() => speaker.locator('[role="timer"]').textContent(), POLL)
      .toMatch(timePattern);
    await expect
      .poll(() => consolePage.locator('.conduct-speaker [role="timer"]').textContent(), POLL)
      .toMatch(timePattern);
    await screenshot(hall, 'full-hall-speaker-pl-1920');
    await screenshot(publicPage, 'full-public-speaker-pl-360');
    await screenshot(anna.page, `full-live-speaking-${anna.tag}`);
    await screenshot(consolePage, 'full-console-speaker-pl-1280');

    await consolePage.getByRole('button', { name: 'Zakończ wystąpienie' }).click();
    await consolePage.getByText('Nikt nie ma głosu.').waitFor();
    await expect.poll(() => hall.locator('.hall__speaker').count(), POLL).toBe(0);
    await publicPage.getByText('Nikt nie zabiera głosu.').waitFor();
    await expect.poll(() => floor.getByText('Masz głos.').count(), POLL).toBe(0);
  });

  it('a councillor writes to the conductors from her device; the operator reads it in the chat inbox', async () => {
    const text = 'Could the annex to the budget be shown on the hall screen?';
    const chat = piotr.page.locator('.chat');
    await chat.getByRole('heading', { name: 'Chat with the chair and the operator' }).waitFor();
    expect(await chat.getByLabel('To', { exact: true }).inputValue()).toBe('conductors');
    await chat.getByLabel('Message', { exact: true }).fill(text);
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.getByText(text).waitFor();
    expect(await chat.getByLabel('Message', { exact: true }).inputValue()).toBe('');

    const inbox = consolePage.locator('.chat');
    await inbox.getByText(text).waitFor();
    const message = inbox.locator('.chat__message', { hasText: text });
    expect(squash(await message.locator('.chat__meta').textContent())).toContain(
      `${piotr.name} → przewodniczącego i operatora`,
    );
    await message
      .getByRole('button', { name: `Odpowiedz prywatnie: ${piotr.name}`, exact: true })
      .waitFor();
    // Sent to the conductors only: another councillor does not see it.
    expect(await anna.page.locator('.chat').getByText(text).count()).toBe(0);
    await screenshot(piotr.page, `full-live-chat-${piotr.tag}`);
    await screenshot(consolePage, 'full-console-chat-pl-1280');
  });

  it('reads in a second language on the console, the public page and the hall display, with no serious axe violations', async () => {
    await consolePage.locator('.language-switcher select').selectOption('en');
    await consolePage.getByRole('heading', { name: 'Chat inbox' }).waitFor();
    await expect.poll(() => badge(consolePage).textContent(), POLL).toBe('In progress');
    await expectNoSeriousViolations(consolePage, 'console', 'en');
    await screenshot(consolePage, 'full-console-en-1280');

    await publicPage.locator('.language-switcher select').selectOption('en');
    await publicPage.getByRole('heading', { name: 'Now' }).waitFor();
    await expectNoSeriousViolations(publicPage, 'public', 'en');
    expect(await overflowsHorizontally(publicPage)).toBe(false);
    await screenshot(publicPage, 'full-public-en-360');

    // The hall display has no language menu: a second screen set up in English.
    const englishHall = await (await newContext('en-GB', 1920, 1080)).newPage();
    await englishHall.goto(`${veche.url}/hall/sittings/${sittingId}`);
    await englishHall.getByRole('heading', { name: 'Current item' }).waitFor();
    await expect
      .poll(() => englishHall.locator('.hall__item-title').textContent(), POLL)
      .toBe(`${itemNumber}. ${item.title}`);
    await expectNoSeriousViolations(englishHall, 'hall', 'en');
    await screenshot(englishHall, 'full-hall-en-1920');

    expect([...checked].sort()).toEqual(
      ['console', 'hall', 'live', 'public', 'sign-in'].flatMap((p) => [`${p}:en`, `${p}:pl`]),
    );
  });
});
