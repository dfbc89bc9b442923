import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../packages/server/src/accounts/password';
import { createDemoCouncil, DEMO_COUNCILLORS } from '../packages/server/src/demo/demo-council';
import { openEmbeddedDatabase } from '../packages/server/src/storage/database';
import { createRepositories, inTransaction } from '../packages/server/src/storage/repositories';
import {
  newDataDir,
  startVeche,
  type RunningVeche,
} from '../packages/server/test/support/server-process';
import { launchChromium, screenshot, expectNoSeriousViolations } from './support/browser';
import { Actor } from './support/actor';

/*
 * The hall display of a larger council: the demo council with 30 more seats (45, a city council),
 * seeded into the data folder before the real server starts on it. After a named vote in which
 * every member voted, the 1920x1080 hall display shows all 45 names, each with its choice in
 * words, on one screen: no scrolling.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const PASSWORD = 'veche-demo';
const SEATS = 45;
const GIVEN = ['Aleksandra', 'Bartłomiej', 'Dorota', 'Grzegorz', 'Helena', 'Jarosław'];
const FAMILY = ['Wiśniewska-Zielińska', 'Pawłowski', 'Michalska', 'Grabowski', 'Krajewska'];

let veche: RunningVeche;
let browser: Browser;
let operator: Actor;
let sittingId: string;
const extra: { name: string; email: string }[] = [];

async function seedLargerCouncil(dataDir: string): Promise<void> {
  const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
  try {
    await database.migrate();
    const storage = { db: database.db, clock: () => new Date(), newId: randomUUID };
    await inTransaction(storage, (tx) => createDemoCouncil(tx, new Date()));
    const repos = createRepositories(storage);
    const found: unknown = await database.db.execute(
      sql.raw(`select council_id, body_id, term_id from sittings where status = 'convened'`),
    );
    const row = (found as { rows: { council_id: string; body_id: string; term_id: string }[] })
      .rows[0]!;
    await database.db.execute(
      sql`update bodies set statutory_size = ${SEATS} where id = ${row.body_id}`,
    );
    const passwordHash = await hashPassword(PASSWORD);
    for (let index = 0; index < SEATS - DEMO_COUNCILLORS.length; index++) {
      // Thirty different names, one of them long and double-barrelled.
      const givenName = GIVEN[index % GIVEN.length]!;
      const familyName = FAMILY[Math.floor(index / GIVEN.length)]!;
      const email = `radny${String(index)}@wierzbow.example`;
      const person = await repos.persons.create({
        councilId: row.council_id,
        givenName,
        familyName,
        email,
      });
      await repos.persons.addMembership({
        councilId: row.council_id,
        personId: person.id,
        bodyId: row.body_id,
        termId: row.term_id,
        role: 'member',
        startsOn: '2024-05-07',
      });
      const user = await repos.users.create({
        councilId: row.council_id,
        personId: person.id,
        email,
        passwordHash,
        displayName: `${givenName} ${familyName}`,
        language: 'pl',
      });
      await repos.users.grantRole(row.council_id, user.id, 'councillor');
      extra.push({ name: `${givenName} ${familyName}`, email });
    }
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  const dataDir = newDataDir();
  await seedLargerCouncil(dataDir);
  veche = await startVeche({ dataDir, env: { DEMO: 'off', LOGIN_RATE_LIMIT: '1000' } });
  browser = await launchChromium();
  operator = await Actor.signIn(veche.url, OPERATOR);
  sittingId = await operator.firstSitting();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await veche?.stop();
});

interface StateView {
  state: {
    setup: { members: { id: string; name: string }[] };
    agenda: { id: string; title: string }[];
  };
}

describe('the hall display of a 45-seat council', () => {
  it('shows all 45 names with their choices on one 1920x1080 screen, without scrolling', async () => {
    const { state } = await operator.view<StateView>(sittingId);
    const members = state.setup.members;
    expect(members).toHaveLength(SEATS);
    const idOf = (name: string) => members.find((member) => member.name === name)!.id;
    await operator.openWithPresent(
      sittingId,
      members.map((member) => member.id),
    );
    const item = state.agenda[3]!;
    await operator.command(sittingId, { type: 'agenda.set_current', itemId: item.id });
    const voteId = 'large-vote';
    await operator.openNamedVote(sittingId, voteId, item, 300_000);
    const everyone = [...DEMO_COUNCILLORS, ...extra];
    const choices = ['for', 'for', 'against', 'abstain'] as const;
    await Promise.all(
      everyone.map(async (councillor, index) => {
        const choice = choices[index % choices.length]!;
        // Two devices failed: the operator enters their ballots.
        if (index < 2) {
          await operator.command(sittingId, {
            type: 'vote.cast',
            voteId,
            choice,
            memberId: idOf(councillor.name),
            proxyReason: 'awaria tabletu',
          });
          return;
        }
        const actor = await Actor.signIn(veche.url, councillor.email, PASSWORD);
        await actor.command(sittingId, { type: 'vote.cast', voteId, choice });
      }),
    );
    await operator.command(sittingId, { type: 'vote.close', voteId });

    const context = await browser.newContext({
      locale: 'pl-PL',
      viewport: { width: 1920, height: 1080 },
    });
    const hall: Page = await context.newPage();
    await hall.goto(`${veche.url}/hall/sittings/${sittingId}`);
    await hall.getByRole('heading', { name: 'Wynik głosowania' }).waitFor();
    await expect.poll(() => hall.locator('.hall-named__cell').count()).toBe(SEATS);
    const fit = await hall.evaluate(() => {
      const cells = [...document.querySelectorAll<HTMLElement>('.hall-named__cell')];
      return {
        scrollHeight: document.documentElement.scrollHeight,
        scrollWidth: document.documentElement.scrollWidth,
        lowestBottom: Math.max(...cells.map((cell) => cell.getBoundingClientRect().bottom)),
        columns: new Set(cells.map((cell) => Math.round(cell.getBoundingClientRect().left))).size,
        smallestName: Math.min(
          ...cells.map((cell) =>
            parseFloat(getComputedStyle(cell.querySelector('.hall-named__name')!).fontSize),
          ),
        ),
        texts: cells.map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
      };
    });
    await screenshot(hall, 'hall-result-45-pl-1920');
    expect(fit.scrollHeight).toBeLessThanOrEqual(1080);
    expect(fit.scrollWidth).toBeLessThanOrEqual(1920);
    expect(fit.lowestBottom).toBeLessThanOrEqual(1080);
    expect(fit.columns).toBe(4);
    // Smaller than for 15 seats, still large enough for the room.
    expect(fit.smallestName).toBeGreaterThanOrEqual(16);
    for (const tile of fit.texts) expect(tile).toMatch(/(✓ Za|✗ Przeciw|– Wstrzymuję się)/);
    expect(fit.texts.filter((tile) => tile.includes('(wprowadzony przez operatora)'))).toHaveLength(
      2,
    );
    await expectNoSeriousViolations(hall, 'hall display, 45 names');
    await context.close();
  });
});
