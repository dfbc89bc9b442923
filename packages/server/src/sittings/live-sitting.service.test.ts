import type { SittingActor } from '@veche/domain';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoCouncil, DEMO_COUNCILLORS } from '../demo/demo-council.js';
import { inProcessBus, type BusMessage } from '../realtime/event-bus.js';
import { verifyChain } from '../storage/event-chain.js';
import type { OpenDatabase } from '../storage/database.js';
import { createRepositories, inTransaction, type Repositories } from '../storage/repositories.js';
import type { SittingRow } from '../storage/repositories/sittings.repository.js';
import type { StorageContext } from '../storage/storage-context.js';
import { openTestPglite } from '../../test/support/test-databases.js';
import { liveSittingService, type CommandResult } from './live-sitting.service.js';
import { PUBLIC_VIEWER, viewOf } from './state-view.js';

/**
 * The demo council on a fresh in-process PGlite: its convened sitting, its operator and its
 * councillors as the domain sees them; with `majorityPreset`, the council's preset changed.
 */
async function demoSitting(majorityPreset?: string) {
  const database = await openTestPglite();
  const storage: StorageContext = { db: database.db, clock: () => new Date(), newId: randomUUID };
  const repos = createRepositories(storage);
  await inTransaction(storage, (tx) => createDemoCouncil(tx, new Date()));
  if (majorityPreset !== undefined) {
    await database.db.execute(sql`update councils set majority_preset = ${majorityPreset}`);
  }
  const result: unknown = await database.db.execute(
    sql.raw(`select id from sittings where status = 'convened' limit 1`),
  );
  const id = (result as { rows: { id: string }[] }).rows[0]!.id;
  const sitting: SittingRow = (await repos.sittings.locate(id))!;
  const operatorUser = await repos.users.findByEmail('biuro.rady@wierzbow.example');
  const operator: SittingActor = { userId: operatorUser!.id, roles: ['operator'], memberId: null };
  const councillors: SittingActor[] = [];
  for (const { email } of DEMO_COUNCILLORS) {
    const user = (await repos.users.findByEmail(email))!;
    councillors.push({ userId: user.id, roles: ['councillor'], memberId: user.personId });
  }
  return { database, storage, repos, sitting, operator, councillors };
}

/*
 * The live-sitting service in-process on PGlite, for what a running server cannot show
 * deterministically: commands that arrive together are decided one after another and appended
 * together, each still answered as if it had come alone.
 */
describe('commands that arrive together', () => {
  let database: OpenDatabase;
  let storage: StorageContext;
  let repos: Repositories;
  let sitting: SittingRow;
  let operator: SittingActor;
  let councillors: SittingActor[];
  const published: BusMessage[] = [];

  beforeAll(async () => {
    ({ database, storage, repos, sitting, operator, councillors } = await demoSitting());
  });
  afterAll(async () => {
    await database.close();
  });

  const outcomeOf = (result: CommandResult) =>
    result.kind !== 'done'
      ? result.kind
      : result.outcome.accepted
        ? `accepted${result.replayed ? ' again' : ''}`
        : result.outcome.rejection.code;

  it('appends a burst of presence confirmations in one go, each answered on its own', async () => {
    const bus = inProcessBus();
    bus.subscribe((message) => published.push(message));
    const live = liveSittingService(storage, repos, bus);
    const start = async (commandId: string, command: Parameters<typeof live.execute>[3]) =>
      outcomeOf(await live.execute(sitting, commandId, operator, command));
    expect(await start('open-1', { type: 'sitting.open' })).toBe('accepted');
    expect(
      await start('check-1', { type: 'quorum.start', checkId: 'check-1', durationMs: 60_000 }),
    ).toBe('accepted');
    const before = published.length;

    const confirm = (commandId: string, actor: SittingActor, memberId = actor.memberId!) =>
      live.execute(sitting, commandId, actor, { type: 'presence.confirm', memberId });
    const [first, second] = councillors as [SittingActor, SittingActor];
    // Everyone at once, sent without waiting: the first runs alone, the rest wait together.
    const burst = await Promise.all([
      ...councillors.map((actor, index) => confirm(`confirm-${String(index)}`, actor)),
      confirm('confirm-0', first), // a retry of the first, in the same burst
      confirm('confirm-again', second), // a second confirmation of a member already present
      confirm('confirm-for-other', first, second.memberId!), // for someone else
      live.execute(sitting, 'confirm-1', first, {
        type: 'presence.confirm',
        memberId: first.memberId!,
      }), // someone else's command id
    ]);
    const n = councillors.length;
    expect(burst.slice(0, n).map(outcomeOf)).toEqual(councillors.map(() => 'accepted'));
    expect(burst.slice(n).map(outcomeOf)).toEqual([
      'accepted again',
      'already_confirmed',
      'forbidden',
      'id_reused',
    ]);
    // The retry got the first answer: the same position in the log.
    const seqOf = (result: CommandResult) =>
      result.kind === 'done' && result.outcome.accepted ? result.outcome.seq : -1;
    expect(seqOf(burst[n]!)).toBe(seqOf(burst[0]));

    const rows = await repos.sittingEvents.listAfter(sitting.councilId, sitting.id, 0);
    const confirmations = rows.filter((row) => row.type === 'presence.confirmed');
    expect(confirmations).toHaveLength(n);
    expect(new Set(burst.slice(0, n).map(seqOf))).toEqual(
      new Set(confirmations.map((row) => row.seq)),
    );
    expect(verifyChain(sitting.id, rows)).toEqual({ ok: true, count: rows.length });
    // Far fewer transactions than confirmations: rows written together share their xmin.
    const transactions: unknown = await database.db.execute(
      sql.raw(
        `select count(distinct xmin::text) as n from sitting_events where type = 'presence.confirmed'`,
      ),
    );
    expect(Number((transactions as { rows: { n: string }[] }).rows[0]!.n)).toBeLessThanOrEqual(3);
    // Subscribers heard every event once, in order, without gaps.
    const heard = published
      .slice(before)
      .flatMap((message) => (message.kind === 'appended' ? message.events : []))
      .map((entry) => entry.seq);
    expect(heard).toEqual(rows.slice(-heard.length).map((row) => row.seq));
    expect(heard).toHaveLength(n);

    // Refusals are recorded like accepted commands: retrying one answers the same.
    expect(outcomeOf(await confirm('confirm-again', second))).toBe('already_confirmed');
    // Another process (a fresh service) folds the same state from the log.
    const other = liveSittingService(storage, repos, inProcessBus());
    const { state } = await other.current(sitting);
    expect(state.quorumCheck?.confirmed).toHaveLength(n);
  });
});

/*
 * What a console that loads late reads from the service: the council's own settings in the
 * setup, and whose ballot the operator entered, while the vote runs and after its close.
 */
describe('a console loading late', () => {
  let database: OpenDatabase;
  let storage: StorageContext;
  let repos: Repositories;
  let sitting: SittingRow;
  let operator: SittingActor;
  let councillors: SittingActor[];

  beforeAll(async () => {
    // The council's preset is not the demo's: the setup must carry the council's own.
    ({ database, storage, repos, sitting, operator, councillors } =
      await demoSitting('pl.absolute_valid'));
  });
  afterAll(async () => {
    await database.close();
  });

  it('gets the council’s majority preset and the operator’s proxy ballots from the state', async () => {
    const live = liveSittingService(storage, repos, inProcessBus());
    expect((await live.setup(sitting)).majorityPresetId).toBe('pl.absolute_valid');

    const run = async (actor: SittingActor, command: Parameters<typeof live.execute>[3]) => {
      const result = await live.execute(sitting, randomUUID(), actor, command);
      expect(result.kind === 'done' && result.outcome.accepted, command.type).toBe(true);
    };
    await run(operator, { type: 'sitting.open' });
    await run(operator, { type: 'quorum.start', checkId: 'q1', durationMs: 60_000 });
    for (const actor of councillors) {
      await run(actor, { type: 'presence.confirm', memberId: actor.memberId! });
    }
    await run(operator, { type: 'quorum.close', by: 'operator' });
    await run(operator, {
      type: 'vote.open',
      voteId: 'v-late',
      subject: 'Budget',
      itemId: null,
      kind: 'named',
      majority: 'pl.simple',
      options: null,
      durationMs: 60_000,
    });
    const [own, failed] = councillors as [SittingActor, SittingActor];
    await run(own, { type: 'vote.cast', voteId: 'v-late', memberId: own.memberId!, choice: 'for' });
    await run(operator, {
      type: 'vote.cast',
      voteId: 'v-late',
      memberId: failed.memberId!,
      choice: 'against',
      enteredBy: { operatorId: operator.userId, reason: 'The tablet failed' },
    });

    // Another process (a page reloaded elsewhere) folds it from the log and the ballot box.
    const conductor = { kind: 'conductor', userId: operator.userId, memberId: null } as const;
    const member = { kind: 'member', userId: own.userId, memberId: own.memberId } as const;
    const running = await liveSittingService(storage, repos, inProcessBus()).current(sitting);
    expect(running.state.setup.majorityPresetId).toBe('pl.absolute_valid');
    expect(viewOf(running.state, conductor).setup.majorityPresetId).toBe('pl.absolute_valid');
    expect(viewOf(running.state, conductor).votes['v-late']!.tally.proxied).toEqual([
      failed.memberId,
    ]);
    expect(viewOf(running.state, member).votes['v-late']!.tally.proxied).toBeNull();

    await run(operator, { type: 'vote.close', voteId: 'v-late', by: 'operator' });
    const closed = await liveSittingService(storage, repos, inProcessBus()).current(sitting);
    const { tally } = viewOf(closed.state, PUBLIC_VIEWER, closed.named).votes['v-late']!;
    expect(tally.choices).toEqual({ [own.memberId!]: 'for', [failed.memberId!]: 'against' });
    expect(tally.proxied).toEqual([failed.memberId]);
  });
});
