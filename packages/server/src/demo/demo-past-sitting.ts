import type { SittingActor, SittingCommand } from '@veche/domain';
import { inProcessBus } from '../realtime/event-bus.js';
import { liveSittingService } from '../sittings/live-sitting.service.js';
import type { Repositories } from '../storage/repositories.js';
import { createRepositories } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';
import { instantOf, wallClockIn } from '../time/zoned-time.js';
import { DEMO_COUNCIL_NAME } from './demo-council.js';

/*
 * The demo council's last sitting, four weeks ago and closed, so that minutes, named vote lists,
 * the register, the portal and the open data have something to show from the first start. It is
 * run through the live sitting service, command by command, on a clock that this script moves
 * forward: the log, its hashes, the ballot box and the seals are exactly what a real sitting
 * leaves behind.
 */

const TIME_ZONE = 'Europe/Warsaw';
const MINUTE = 60_000;

const AGENDA: ReadonlyArray<{ title: string; kind: 'procedural' | 'draft_resolution' }> = [
  { title: 'Otwarcie sesji i stwierdzenie prawomocności obrad', kind: 'procedural' },
  { title: 'Przyjęcie porządku obrad', kind: 'procedural' },
  {
    title: 'Projekt uchwały w sprawie zmian w budżecie Gminy Wierzbów na 2026 rok',
    kind: 'draft_resolution',
  },
  {
    title: 'Projekt uchwały w sprawie nadania nazwy ulicy „Źródlana” w Wierzbowie',
    kind: 'draft_resolution',
  },
  {
    title: 'Projekt uchwały w sprawie wyboru ławników do Sądu Rejonowego w Wierzbowie',
    kind: 'draft_resolution',
  },
  { title: 'Interpelacje i zapytania radnych', kind: 'procedural' },
  { title: 'Zamknięcie sesji', kind: 'procedural' },
];

/** The item the council added to the agenda during the sitting (ids of new items come with the command). */
export const MAYOR_REPORT_ITEM = '4c9e7a31-2f5d-4b8e-9a61-3d7f0c2b5e18';

/** Councillors (by their place in the demo list) who never came, and who came late. */
const ABSENT = [14];
const LATE = 12;
/** Leaves during the break. */
const LEAVES = 13;

/**
 * Runs the demo's closed sitting (number 23 of the plenary, four weeks before `now`, 10:00 on the
 * council's clock). Needs the demo council; does nothing without it.
 */
export async function createDemoPastSitting(storage: StorageContext, now: Date): Promise<void> {
  const setupRepos = createRepositories(storage);
  const council = (await setupRepos.councils.list()).find((c) => c.name === DEMO_COUNCIL_NAME);
  if (council === undefined) return;
  const plenary = (await setupRepos.bodies.listForCouncil(council.id)).find(
    (body) => body.kind === 'plenary',
  );
  const term = (await setupRepos.terms.listForCouncil(council.id))[0];
  if (plenary === undefined || term === undefined) return;

  const today = wallClockIn(now, TIME_ZONE);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day - 28));
  const startsAt = instantOf(
    {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: 10,
      minute: 0,
    },
    TIME_ZONE,
  );

  // The sitting's own clock: each step below moves it on by the time the step took in the hall.
  let time = startsAt.getTime() - 5 * MINUTE;
  const clocked: StorageContext = { ...storage, clock: () => new Date(time) };
  const repos: Repositories = createRepositories(clocked);
  const sitting = await repos.sittings.create({
    councilId: council.id,
    bodyId: plenary.id,
    termId: term.id,
    number: 23,
    title: 'Sesja zwyczajna',
    kind: 'ordinary',
    mode: 'hall',
    status: 'convened',
    startsAt,
    place: 'Sala obrad Urzędu Miejskiego, Rynek 1, Wierzbów',
    streamUrl: 'https://media.wierzbow.example/sesja-xxiii.mp4',
  });
  for (const [position, item] of AGENDA.entries()) {
    await repos.sittings.addAgendaItem({
      councilId: council.id,
      sittingId: sitting.id,
      position,
      title: item.title,
      kind: item.kind,
    });
  }

  const live = liveSittingService(clocked, repos, inProcessBus());
  const setup = await live.setup(sitting);
  const members = setup.members.map((member) => member.id);
  const itemIds = (setup.agenda ?? []).map((item) => item.id);
  const operator = await repos.users.findByEmail('biuro.rady@wierzbow.example');
  if (operator === undefined) throw new Error('the demo operator is missing');
  const conductor: SittingActor = { userId: operator.id, roles: ['operator'], memberId: null };
  const memberActors = new Map<string, SittingActor>();
  for (const person of await repos.persons.listForCouncil(council.id)) {
    const user = await repos.users.findByEmail(person.email ?? '');
    if (user !== undefined) {
      memberActors.set(person.id, { userId: user.id, roles: ['councillor'], memberId: person.id });
    }
  }
  const demoPlace = (index: number): string => {
    const id = members[index];
    if (id === undefined) throw new Error(`the demo body has no member ${String(index)}`);
    return id;
  };

  let commandNumber = 0;
  const run = async (actor: SittingActor, command: SittingCommand, minutes = 1) => {
    commandNumber++;
    const result = await live.execute(sitting, `demo-${String(commandNumber)}`, actor, command);
    if (result.kind !== 'done' || !result.outcome.accepted) {
      throw new Error(`the demo sitting refused ${command.type}: ${JSON.stringify(result)}`);
    }
    time += minutes * MINUTE;
  };
  const asMember = (index: number): SittingActor => {
    const actor = memberActors.get(demoPlace(index));
    if (actor === undefined) throw new Error(`the demo member ${String(index)} has no account`);
    return actor;
  };
  const cast = async (voteId: string, choices: Readonly<Record<number, string>>) => {
    for (const [index, choice] of Object.entries(choices)) {
      await run(
        asMember(Number(index)),
        { type: 'vote.cast', voteId, memberId: demoPlace(Number(index)), choice },
        0,
      );
      time += 2_000;
    }
  };
  /** Everyone present but `exceptions` votes `usual`; the exceptions as given. */
  const present = new Set<number>();
  const choicesOf = (usual: string, exceptions: Readonly<Record<number, string>>) =>
    Object.fromEntries([...present].map((index) => [index, exceptions[index] ?? usual]));
  const speak = async (index: number, requestId: string, itemId: string, minutes: number) => {
    await run(
      asMember(index),
      {
        type: 'speaker.request',
        requestId,
        speaker: { kind: 'member', memberId: demoPlace(index) },
        speechType: 'normal',
        itemId,
      },
      0.5,
    );
    await run(conductor, { type: 'speaker.grant', requestId }, minutes);
    await run(conductor, { type: 'speaker.end' }, 0.5);
  };
  const item = (index: number): string => {
    const id = itemIds[index];
    if (id === undefined) throw new Error(`the demo agenda has no item ${String(index)}`);
    return id;
  };

  // Opening and the quorum.
  time = startsAt.getTime() + 2 * MINUTE;
  await run(conductor, { type: 'sitting.open' });
  await run(conductor, { type: 'agenda.set_current', itemId: item(0) }, 0.5);
  await run(
    conductor,
    { type: 'quorum.start', checkId: 'demo-quorum-1', durationMs: 2 * MINUTE },
    0,
  );
  for (const [index] of members.entries()) {
    if (ABSENT.includes(index) || index === LATE) continue;
    await run(asMember(index), { type: 'presence.confirm', memberId: demoPlace(index) }, 0);
    present.add(index);
    time += 3_000;
  }
  await run(conductor, { type: 'quorum.close', by: 'operator' });

  // The agenda: the mayor's report added on a motion, then the agenda adopted.
  await run(conductor, { type: 'agenda.set_current', itemId: item(1) });
  await run(
    conductor,
    {
      type: 'vote.open',
      voteId: 'demo-vote-agenda-change',
      subject:
        'Wniosek o wprowadzenie do porządku obrad punktu „Informacja Burmistrza o pracy między sesjami”',
      itemId: item(1),
      kind: 'named',
      majority: 'pl.absolute_statutory',
      durationMs: 2 * MINUTE,
    },
    0,
  );
  await cast('demo-vote-agenda-change', choicesOf('for', { 9: 'against', 11: 'abstain' }));
  await run(conductor, { type: 'vote.close', voteId: 'demo-vote-agenda-change', by: 'operator' });
  await run(conductor, {
    type: 'agenda.amend',
    change: {
      op: 'insert',
      parentId: null,
      position: 5,
      item: { id: MAYOR_REPORT_ITEM, title: 'Informacja Burmistrza o pracy między sesjami' },
    },
    basisVoteId: 'demo-vote-agenda-change',
  });
  await run(
    conductor,
    {
      type: 'vote.open',
      voteId: 'demo-vote-agenda',
      subject: 'Przyjęcie porządku obrad',
      itemId: item(1),
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 2 * MINUTE,
    },
    0,
  );
  await cast('demo-vote-agenda', choicesOf('for', { 9: 'abstain' }));
  await run(conductor, { type: 'vote.close', voteId: 'demo-vote-agenda', by: 'operator' });

  // The budget: a debate, a late arrival, a named vote by an absolute majority of those voting.
  await run(conductor, { type: 'agenda.set_current', itemId: item(2) });
  await speak(3, 'demo-speech-1', item(2), 6);
  await run(
    conductor,
    {
      type: 'presence.mark',
      memberId: demoPlace(LATE),
      present: true,
    },
    0.5,
  );
  present.add(LATE);
  await speak(7, 'demo-speech-2', item(2), 4);
  await speak(10, 'demo-speech-3', item(2), 3);
  await run(
    conductor,
    {
      type: 'vote.open',
      voteId: 'demo-vote-budget',
      subject: 'Projekt uchwały w sprawie zmian w budżecie Gminy Wierzbów na 2026 rok',
      itemId: item(2),
      kind: 'named',
      majority: 'pl.absolute_valid',
      durationMs: 2 * MINUTE,
    },
    0,
  );
  await cast('demo-vote-budget', choicesOf('for', { 7: 'against', 10: 'against', 11: 'abstain' }));
  await run(conductor, { type: 'vote.close', voteId: 'demo-vote-budget', by: 'operator' });

  // A break; one councillor leaves during it.
  await run(conductor, { type: 'sitting.suspend', reason: 'Przerwa' }, 15);
  await run(conductor, { type: 'sitting.resume' }, 0.5);
  await run(conductor, { type: 'presence.mark', memberId: demoPlace(LEAVES), present: false }, 0.5);
  present.delete(LEAVES);

  // The street name: one speech, a named vote that is rejected.
  await run(conductor, { type: 'agenda.set_current', itemId: item(3) });
  await speak(5, 'demo-speech-4', item(3), 5);
  await run(
    conductor,
    {
      type: 'vote.open',
      voteId: 'demo-vote-street',
      subject: 'Projekt uchwały w sprawie nadania nazwy ulicy „Źródlana” w Wierzbowie',
      itemId: item(3),
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 2 * MINUTE,
    },
    0,
  );
  await cast(
    'demo-vote-street',
    choicesOf('against', { 0: 'for', 1: 'for', 2: 'abstain', 4: 'for', 5: 'for', 6: 'abstain' }),
  );
  await run(conductor, { type: 'vote.close', voteId: 'demo-vote-street', by: 'operator' });

  // Lay judges: a secret vote.
  await run(conductor, { type: 'agenda.set_current', itemId: item(4) });
  await run(
    conductor,
    {
      type: 'vote.open',
      voteId: 'demo-vote-judges',
      subject: 'Wybór ławników do Sądu Rejonowego w Wierzbowie',
      itemId: item(4),
      kind: 'secret',
      majority: 'pl.simple',
      durationMs: 3 * MINUTE,
    },
    0,
  );
  await cast('demo-vote-judges', choicesOf('for', { 2: 'against', 8: 'abstain' }));
  await run(conductor, { type: 'vote.close', voteId: 'demo-vote-judges', by: 'operator' });

  // The mayor's report, interpellations, then the close.
  await run(conductor, { type: 'agenda.set_current', itemId: MAYOR_REPORT_ITEM });
  await speak(6, 'demo-speech-6', MAYOR_REPORT_ITEM, 2);
  await run(conductor, { type: 'agenda.set_current', itemId: item(5) });
  await speak(1, 'demo-speech-5', item(5), 3);
  await run(conductor, { type: 'agenda.set_current', itemId: item(6) });
  await run(conductor, { type: 'sitting.close' });
  await live.drain();
}
