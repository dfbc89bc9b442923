import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVeche, type RunningVeche } from '../packages/server/test/support/server-process';
import {
  axeViolations,
  launchChromium,
  overflowsHorizontally,
  screenshot,
} from './support/browser';
import { Actor } from './support/actor';

/*
 * The operator's console on a 1280 px desktop and the chair's view on an 820 px tablet, in a real
 * Chromium against the real, built server with the demo council. The councillor acts over HTTP
 * (as her phone would over the socket); everything the operator sees arrives over the WebSocket.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const CHAIR = 'jan.kowalski@wierzbow.example';
const COUNCILLOR = 'anna.nowak@wierzbow.example';
const PASSWORD = 'veche-demo';

interface Member {
  id: string;
  name: string;
}

interface StateView {
  seq: number;
  state: {
    status: string;
    setup: { members: Member[] };
    agenda: { id: string; title: string }[];
    openVoteId: string | null;
    votes: Record<
      string,
      { subject: string; itemId: string | null; kind: string; deadlineAt: number }
    >;
    chat: { text: string; to: { kind: string; memberId?: string } }[];
  };
}

let veche: RunningVeche;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let operator: Actor;
let anna: Actor;
let sittingId: string;
let members: Member[];
let annaMember: Member;
let agenda: { id: string; title: string }[];

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '100' } });
  browser = await launchChromium();
  operator = await Actor.signIn(veche.url, OPERATOR);
  anna = await Actor.signIn(veche.url, COUNCILLOR);
  sittingId = await operator.firstSitting();
  const { state } = await operator.view<StateView>(sittingId);
  members = state.setup.members;
  annaMember = members.find((member) => member.name === 'Anna Nowak')!;
  agenda = state.agenda;
  context = await browser.newContext({ locale: 'pl-PL', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await veche?.stop();
});

const heading = (p: Page) => p.getByRole('heading', { level: 1 });

/** What the console's polite live region says now (read out by screen readers). */
const announced = (p: Page) =>
  p.locator('.visually-hidden[aria-live="polite"]').first().textContent();

async function signIn(p: Page, email: string): Promise<void> {
  await p.goto(veche.url);
  await p.locator('#login-email').fill(email);
  await p.locator('#login-password').fill(PASSWORD);
  await p.locator('form button[type="submit"]').click();
  await expect.poll(() => heading(p).textContent()).toBe('Najbliższe sesje');
}

async function expectNoViolations(p: Page, label: string): Promise<void> {
  const violations = await axeViolations(p);
  expect(violations, `${label}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Buttons, links and fields smaller than 44 px high (WCAG 2.5.5, the project's bar). */
function smallTargets(p: Page) {
  return p.evaluate(() =>
    [...document.querySelectorAll('main button, main a, main input, main select')]
      .filter((element) => element.getBoundingClientRect().width > 0)
      .map((element) => ({
        text: element.textContent?.trim() ?? element.tagName,
        height: element.getBoundingClientRect().height,
      }))
      .filter(({ height }) => height < 44),
  );
}

describe('the operator’s console', () => {
  it('opens from the sitting card and opens the sitting', async () => {
    await signIn(page, OPERATOR);
    await page.getByRole('link', { name: 'Prowadź sesję' }).click();
    await expect.poll(() => page.url()).toContain(`/sittings/${sittingId}/conduct`);
    const open = page.getByRole('button', { name: 'Otwórz sesję', exact: true });
    await open.click();
    await expect.poll(() => page.locator('.live__meta .badge').textContent()).toBe('Trwa');
    expect((await operator.view<StateView>(sittingId)).state.status).toBe('open');
    expect(await page.title()).toBe('Prowadzenie sesji XXIV — Veche');
  });

  it('starts a quorum check, follows the count, and marks a member present by hand', async () => {
    await page.getByRole('button', { name: 'Rozpocznij sprawdzanie kworum' }).click();
    const count = page.locator('.conduct-count').first();
    await expect.poll(() => count.textContent()).toContain('Potwierdziło: 0 z 15; wymagane: 8.');
    expect(await page.locator('.conduct-panel [role="timer"]').first().textContent()).toMatch(
      /^(2:00|1:[0-5]\d)$/,
    );

    await anna.command(sittingId, { type: 'presence.confirm' });
    await expect.poll(() => count.textContent()).toContain('Potwierdziło: 1 z 15');

    const inHall = members.filter((m) => m.id !== annaMember.id);
    await page.getByRole('button', { name: `Oznacz obecność: ${inHall[0]!.name}` }).click();
    await expect.poll(() => count.textContent()).toContain('Potwierdziło: 2 z 15');
    await page.getByRole('button', { name: `Oznacz nieobecność: ${inHall[0]!.name}` }).waitFor();

    for (const member of inHall.slice(1, 7)) {
      await operator.command(sittingId, {
        type: 'presence.mark',
        memberId: member.id,
        present: true,
      });
    }
    await expect.poll(() => count.textContent()).toContain('Potwierdziło: 8 z 15');
    expect(await count.textContent()).toContain('Kworum jest');
    await page.getByRole('button', { name: 'Zakończ sprawdzanie teraz' }).click();
    await page.getByRole('heading', { name: 'Wynik sprawdzania kworum' }).waitFor();
    await expect
      .poll(() => announced(page))
      .toBe('Zakończono sprawdzanie kworum: jest kworum, obecnych 8 z 15 (wymagane 8).');
    await screenshot(page, 'conduct-quorum-pl-1280');
  });

  it('opens a vote on the current item with the defaults by its shortcut, follows who voted, closes it', async () => {
    const item = agenda[1]!;
    await page.getByRole('button', { name: `Ustaw jako bieżący: 2. ${item.title}` }).click();
    const subject = page.getByLabel('Przedmiot');
    await expect.poll(() => subject.inputValue()).toBe(item.title);
    expect(await page.getByLabel('Rodzaj głosowania').inputValue()).toBe('named');
    expect(await page.getByLabel('Wymagana większość').inputValue()).toBe('pl.simple');
    expect(await page.getByLabel('Czas na głosowanie (sekundy)').inputValue()).toBe('60');

    // A letter typed in a field is only a letter.
    await subject.press('End');
    await subject.press('v');
    expect((await operator.view<StateView>(sittingId)).state.openVoteId).toBeNull();
    await subject.press('Backspace');

    const open = page.getByRole('button', { name: 'Rozpocznij głosowanie' });
    expect(await open.getAttribute('aria-keyshortcuts')).toBe('V');
    await heading(page).click();
    await page.keyboard.press('v');
    const voted = page.locator('.conduct-names').first();
    await page.getByRole('heading', { name: 'Zagłosowali (0)' }).waitFor();
    const { state } = await operator.view<StateView>(sittingId);
    const voteId = state.openVoteId!;
    expect(state.votes[voteId]).toMatchObject({
      subject: item.title,
      itemId: item.id,
      kind: 'named',
    });

    await expect.poll(() => announced(page)).toBe(`Rozpoczęto głosowanie: ${item.title}`);

    await anna.command(sittingId, { type: 'vote.cast', voteId, choice: 'for' });
    await page.getByRole('heading', { name: 'Zagłosowali (1)' }).waitFor();
    expect(await voted.textContent()).toContain('Anna Nowak');
    expect(await page.locator('.conduct-names').nth(1).textContent()).not.toContain('Anna Nowak');
    await page.getByRole('heading', { name: 'Jeszcze nie głosowali (7)' }).waitFor();
    await screenshot(page, 'conduct-vote-pl-1280');
  });

  it('enters a ballot for a member whose device failed, marked as the operator’s after the close', async () => {
    const { state } = await operator.view<StateView>(sittingId);
    const voteId = state.openVoteId!;
    const failed = members.find((m) => m.id !== annaMember.id)!;
    await page.getByRole('button', { name: `Wprowadź głos za: ${failed.name}` }).click();
    const form = page.locator('.conduct-proxy');
    await form.getByRole('heading', { name: `Głos za: ${failed.name}`, exact: false }).waitFor();
    const reason = form.getByLabel('Powód wprowadzenia głosu');
    expect(await reason.inputValue()).toBe('awaria urządzenia');
    await reason.fill('awaria tabletu');
    await form.getByLabel('Za', { exact: true }).check();
    await form.getByRole('button', { name: 'Zatwierdź głos' }).click();
    await page.getByRole('heading', { name: 'Zagłosowali (2)' }).waitFor();
    expect(await page.locator('.conduct-names').first().textContent()).toContain(failed.name);
    expect(await form.count()).toBe(0);
    // A console loaded while the vote runs (the page reloaded) still marks the entered ballot.
    await page.reload();
    await page.getByRole('heading', { name: 'Zagłosowali (2)' }).waitFor();
    const votedNames = page.getByRole('list', { name: 'Radni, którzy zagłosowali', exact: true });
    await votedNames
      .getByRole('listitem')
      .filter({ hasText: failed.name })
      .getByText('(wprowadzony przez operatora)')
      .waitFor();
    expect(
      await votedNames.getByRole('listitem').filter({ hasText: 'Anna Nowak' }).textContent(),
    ).not.toContain('operatora');

    await page.getByRole('button', { name: 'Zamknij głosowanie' }).click();
    const result = page.locator('.conduct-settled');
    await result.getByRole('heading', { name: 'Wynik głosowania' }).waitFor();
    expect(await result.textContent()).toContain('Przyjęto');
    await expect
      .poll(() => announced(page))
      .toBe('Głosowanie zamknięte: przyjęto. Za: 2, Przeciw: 0, Wstrzymuję się: 0.');
    expect(await page.getByRole('button', { name: 'Unieważnij głosowanie' }).count()).toBe(1);
    // The named list says in words which ballot the operator entered.
    const row = result.getByRole('row', { name: failed.name, exact: false });
    expect(await row.textContent()).toContain('(wprowadzony przez operatora)');
    const anna = result.getByRole('row', { name: 'Anna Nowak', exact: false });
    expect(await anna.textContent()).not.toContain('operatora');
    // And so does a console loaded after the close: the mark comes with the state.
    await page.reload();
    await result.getByRole('heading', { name: 'Wynik głosowania' }).waitFor();
    await result
      .getByRole('row', { name: failed.name, exact: false })
      .getByText('(wprowadzony przez operatora)')
      .waitFor();
    expect(
      await result.getByRole('row', { name: 'Anna Nowak', exact: false }).textContent(),
    ).not.toContain('operatora');

    const sealed = (await operator.events(sittingId)).find(
      (entry) => entry.type === 'vote.sealed' && entry.payload.voteId === voteId,
    );
    const named = sealed?.payload.named as { memberId: string; enteredByUserId: string | null }[];
    expect(named.find((b) => b.memberId === failed.id)?.enteredByUserId).not.toBeNull();
    expect(named.find((b) => b.memberId === annaMember.id)?.enteredByUserId).toBeNull();
  });

  it('annuls the vote with a reason, repeats it, extends the repeat and closes it', async () => {
    await page.getByLabel('Powód unieważnienia głosowania').fill('Awaria systemu w sali');
    await page.getByRole('button', { name: 'Unieważnij głosowanie' }).click();
    const settled = page.locator('.conduct-settled');
    await settled.getByText('Awaria systemu w sali', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Powtórz głosowanie' }).click();
    await page.getByRole('heading', { name: 'Zagłosowali (0)' }).waitFor();
    const before = await operator.view<StateView>(sittingId);
    const repeatId = before.state.openVoteId!;
    const deadline = (view: StateView) => view.state.votes[repeatId]!.deadlineAt;

    await anna.command(sittingId, { type: 'vote.cast', voteId: repeatId, choice: 'for' });
    await page.getByRole('heading', { name: 'Zagłosowali (1)' }).waitFor();
    await page.getByRole('button', { name: 'Dodaj 30 sekund' }).click();
    await expect
      .poll(async () => deadline(await operator.view<StateView>(sittingId)))
      .toBe(deadline(before) + 30_000);
    await page.getByRole('button', { name: 'Zamknij głosowanie' }).click();
    await settled.getByRole('heading', { name: 'Wynik głosowania' }).waitFor();
    expect((await operator.view<StateView>(sittingId)).state.openVoteId).toBeNull();
  });

  it('gives the floor to the next in the queue and shows the speaking timer', async () => {
    await anna.command(sittingId, {
      type: 'speaker.request',
      requestId: 'floor-1',
      speechType: 'normal',
    });
    const grant = page.getByRole('button', { name: 'Udziel głosu następnej osobie' });
    await grant.click();
    await page.getByText('Głos ma: Anna Nowak', { exact: false }).waitFor();
    await expect.poll(() => announced(page)).toBe('Głos otrzymuje: Anna Nowak.');
    const timer = page.locator('.conduct-speaker [role="timer"]');
    await expect.poll(() => timer.textContent()).toMatch(/^\d+:\d\d$/);
    await page.getByRole('button', { name: 'Zakończ wystąpienie' }).waitFor();
  });

  it('amends the agenda: adds an item, moves it up and removes it after asking', async () => {
    const panel = page.locator('.conduct-panel', {
      has: page.getByRole('heading', { name: 'Porządek obrad', exact: true }),
    });
    expect(await panel.getByLabel('Miejsce').inputValue()).toBe('6');
    // The repeated vote, closed and passed, can be cited as the basis of the change.
    const basis = panel.getByLabel('Zmiany na podstawie głosowania');
    await basis.selectOption({ label: agenda[1]!.title });
    const basisVoteId = await basis.inputValue();
    await panel.getByLabel('Tytuł nowego punktu').fill('Sprawy pilne');
    await panel.getByRole('button', { name: 'Dodaj punkt' }).click();
    await panel.getByRole('button', { name: 'W górę: 7. Sprawy pilne' }).click();
    await panel.getByRole('button', { name: 'W dół: 6. Sprawy pilne' }).waitFor();
    const titles = async () =>
      (await operator.view<StateView>(sittingId)).state.agenda.map((i) => i.title);
    expect((await titles())[5]).toBe('Sprawy pilne');
    expect(await titles()).toHaveLength(7);
    const log = await operator.events(sittingId);
    const amended = log.filter((entry) => entry.type === 'agenda.amended');
    expect(amended.map((entry) => entry.payload.basisVoteId)).toEqual([basisVoteId, basisVoteId]);

    await panel.getByRole('button', { name: 'Usuń: 6. Sprawy pilne' }).click();
    await panel.getByText('Usunąć punkt 6?').waitFor();
    await panel.getByRole('button', { name: 'Tak, usuń' }).click();
    await expect.poll(titles).toEqual(agenda.map((item) => item.title));
    expect(await panel.getByText('Sprawy pilne').count()).toBe(0);
  });

  it('shows a councillor’s message to the conductors and replies to her privately', async () => {
    await anna.command(sittingId, {
      type: 'chat.send',
      messageId: 'chat-anna-1',
      text: 'Czy mogę zabrać głos po przerwie?',
      to: 'conductors',
    });
    const inbox = page.locator('.chat');
    await inbox.getByText('Czy mogę zabrać głos po przerwie?').waitFor();
    await expect
      .poll(() => announced(page))
      .toBe('Nowa wiadomość od: Anna Nowak. Czy mogę zabrać głos po przerwie?');
    await inbox.getByRole('button', { name: 'Odpowiedz prywatnie: Anna Nowak' }).click();
    expect(await inbox.getByLabel('Do', { exact: true }).inputValue()).toBe(
      `member:${annaMember.id}`,
    );
    await inbox.getByLabel('Wiadomość', { exact: true }).fill('Tak, po przerwie.');
    await inbox.getByRole('button', { name: 'Wyślij' }).click();
    await inbox.getByText('Tak, po przerwie.').waitFor();

    const hers = await anna.view<StateView>(sittingId);
    expect(hers.state.chat.map((message) => message.text)).toEqual([
      'Czy mogę zabrać głos po przerwie?',
      'Tak, po przerwie.',
    ]);
    expect(hers.state.chat[1]!.to).toEqual({ kind: 'member', memberId: annaMember.id });
  });

  it('shows the hall display on the operator’s signed-in computer as the public sees it', async () => {
    const hall = await context.newPage();
    const frames: string[] = [];
    hall.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => {
        if (typeof frame.payload === 'string') frames.push(frame.payload);
      });
    });
    await hall.goto(`${veche.url}/hall/sittings/${sittingId}`);
    await hall.locator('.hall__item-title').waitFor();
    await expect.poll(() => frames.some((frame) => frame.includes('"type":"snapshot"'))).toBe(true);
    const subscribed = frames
      .map((frame) => JSON.parse(frame) as { type: string; viewer?: { kind: string } })
      .find((message) => message.type === 'subscribed');
    // Signed in as the operator, yet followed as the public: no private chat reaches the screen.
    expect(subscribed?.viewer?.kind).toBe('public');
    const received = frames.join('\n');
    expect(received).not.toContain('Czy mogę zabrać głos po przerwie?');
    expect(received).not.toContain('Tak, po przerwie.');
    await hall.close();
  });

  it('lets the councillor read the reply and write to all members from her phone', async () => {
    const phone = await browser.newContext({
      locale: 'pl-PL',
      viewport: { width: 360, height: 780 },
    });
    try {
      const annaPage = await phone.newPage();
      await signIn(annaPage, COUNCILLOR);
      await annaPage.getByRole('link', { name: 'Otwórz sesję na żywo' }).click();
      const chat = annaPage.locator('.chat');
      await chat.getByText('Tak, po przerwie.').waitFor();
      expect(await chat.textContent()).toContain('Biuro rady');
      const to = chat.getByLabel('Do', { exact: true });
      expect(await to.inputValue()).toBe('conductors');
      await to.selectOption('members');
      await chat.getByLabel('Wiadomość', { exact: true }).fill('Dzień dobry wszystkim.');
      await chat.getByRole('button', { name: 'Wyślij' }).click();
      await chat.getByText('Dzień dobry wszystkim.').waitFor();
      expect(await chat.getByLabel('Wiadomość', { exact: true }).inputValue()).toBe('');
      await page.locator('.chat').getByText('Dzień dobry wszystkim.').waitFor();
      expect(await overflowsHorizontally(annaPage)).toBe(false);
      await expectNoViolations(annaPage, 'councillor chat, Polish, 360 px');
      await screenshot(annaPage, 'live-chat-pl-360');
    } finally {
      await phone.close();
    }
  });

  it('passes accessibility checks in two languages, with targets of 44 px', async () => {
    await expectNoViolations(page, 'console, Polish');
    expect(await smallTargets(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.locator('.language-switcher select').selectOption('en');
    await page.getByRole('heading', { name: 'Chat inbox' }).waitFor();
    await expectNoViolations(page, 'console, English');
    await screenshot(page, 'conduct-en-1280');
    await page.locator('.language-switcher select').selectOption('pl');
    await page.getByRole('heading', { name: 'Skrzynka czatu' }).waitFor();
  });
});

describe('the chair’s view on a tablet', () => {
  it('opens a vote from an 820 px tablet', async () => {
    const tablet = await browser.newContext({
      locale: 'pl-PL',
      viewport: { width: 820, height: 1180 },
      hasTouch: true,
    });
    try {
      const chairPage = await tablet.newPage();
      await signIn(chairPage, CHAIR);
      await chairPage.getByRole('link', { name: 'Prowadź sesję' }).click();
      const open = chairPage.getByRole('button', { name: 'Rozpocznij głosowanie' });
      await open.waitFor();
      expect(await overflowsHorizontally(chairPage)).toBe(false);
      expect(await smallTargets(chairPage)).toEqual([]);
      await open.click();
      await chairPage.getByRole('heading', { name: 'Zagłosowali (0)' }).waitFor();
      // Only the operator enters a ballot for a member; the chair has no such action.
      await page
        .getByRole('button', { name: /^Wprowadź głos za: / })
        .first()
        .waitFor();
      expect(await chairPage.getByRole('button', { name: /^Wprowadź głos/ }).count()).toBe(0);
      const { state } = await operator.view<StateView>(sittingId);
      expect(state.openVoteId).not.toBeNull();
      expect(state.votes[state.openVoteId!]?.subject).toBe(agenda[1]!.title);
      await expectNoViolations(chairPage, 'chair view, Polish, 820 px');
      await screenshot(chairPage, 'conduct-chair-pl-820');
    } finally {
      await tablet.close();
    }
  });
});

describe('the end of the sitting', () => {
  it('suspends, resumes, and closes the sitting only after asking', async () => {
    const badge = page.locator('.live__meta .badge');
    // A break must not cut the chair's vote short: the refusal is said in the console's words.
    await page.getByRole('button', { name: 'Ogłoś przerwę' }).click();
    const alert = page.locator('.conduct__problem[role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('Trwa głosowanie: najpierw je zamknij.');
    expect(await alert.textContent()).toContain('vote_in_progress');
    await page.getByRole('button', { name: 'Zamknij głosowanie' }).click();
    await expect
      .poll(async () => (await operator.view<StateView>(sittingId)).state.openVoteId)
      .toBeNull();
    await page.getByRole('button', { name: 'Ogłoś przerwę' }).click();
    await expect.poll(() => badge.textContent()).toBe('Przerwana');
    await page.getByRole('button', { name: 'Wznów sesję' }).click();
    await expect.poll(() => badge.textContent()).toBe('Trwa');

    await page.getByRole('button', { name: 'Zamknij sesję…' }).click();
    await page.getByText('Zamknąć sesję? Tego nie można cofnąć.').waitFor();
    await page.getByRole('button', { name: 'Anuluj' }).click();
    expect((await operator.view<StateView>(sittingId)).state.status).toBe('open');
    await page.getByRole('button', { name: 'Zamknij sesję…' }).click();
    await page.getByRole('button', { name: 'Tak, zamknij sesję' }).click();
    await expect.poll(() => badge.textContent()).toBe('Zamknięta');
    expect((await operator.view<StateView>(sittingId)).state.status).toBe('closed');
  });
});
