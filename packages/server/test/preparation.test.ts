import { rmSync } from 'node:fs';
import {
  apiErrorSchema,
  preparationOptionsSchema,
  sittingPreparationSchema,
  type AgendaDraftItemInput,
  type PreparedAgendaItem,
  type SittingPreparation,
} from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient, type JsonResponse } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';
import { addBulgarianCouncil, type SecondCouncil } from './support/second-council.js';

/*
 * The council office prepares sittings against the running server: a new sitting numbered next in
 * its term, its agenda edited as a tree with optimistic concurrency (the second of two saves from
 * the same version is refused with the current version, nothing overwritten), templates,
 * convening; bad input names the field and changes nothing; members and other councils see
 * nothing they should not.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const ANNA = DEMO_COUNCILLORS[1]!;
const DAY = 24 * 3600_000;

let veche: RunningVeche;
let dataDir: string;
let bulgarian: SecondCouncil;
let operator: TestClient;
let secondOperator: TestClient;
let anna: TestClient;
let councilId: string;
let plenaryId: string;
let demoSittingId: string;

async function signedIn(email: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const client = new TestClient(veche.url);
  expect((await client.post('/api/auth/login', { email, password })).status).toBe(200);
  return client;
}

const errorOf = (response: JsonResponse) => apiErrorSchema.parse(response.body).error;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const item = (title: string, children: AgendaDraftItemInput[] = []): AgendaDraftItemInput => ({
  title,
  kind: 'procedural',
  children,
});
/** The tree as numbered titles: ["1 Opening", "2 Budget", "2.1 Debate"]. */
const outline = (items: readonly PreparedAgendaItem[]): string[] =>
  items.flatMap((entry) => [`${entry.number} ${entry.title}`, ...outline(entry.children)]);
/** The stored tree as the editor sends it back: ids kept. */
const asDraft = (items: readonly PreparedAgendaItem[]): AgendaDraftItemInput[] =>
  items.map((entry) => ({
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    description: entry.description,
    children: asDraft(entry.children),
  }));

async function prepared(sittingId: string, client = operator): Promise<SittingPreparation> {
  const response = await client.get(`/api/sittings/${sittingId}/preparation`);
  expect(response.status).toBe(200);
  return sittingPreparationSchema.parse(response.body);
}

async function createSitting(body: Record<string, unknown>) {
  return operator.post(`/api/councils/${councilId}/sittings`, {
    bodyId: plenaryId,
    title: 'Sesja zwyczajna',
    startsAt: inDays(14),
    ...body,
  });
}

async function sittingCount(): Promise<number> {
  const list = await operator.get<{ sittings: unknown[] }>('/api/sittings/upcoming');
  return list.body.sittings.length;
}

beforeAll(async () => {
  const first = await startVeche();
  dataDir = first.dataDir;
  await first.stop({ keepData: true });
  bulgarian = await addBulgarianCouncil(dataDir);
  veche = await startVeche({ dataDir });
  operator = await signedIn(OPERATOR);
  secondOperator = await signedIn(OPERATOR);
  anna = await signedIn(ANNA.email);
  const upcoming = await operator.get<{ sittings: { id: string; councilId: string }[] }>(
    '/api/sittings/upcoming',
  );
  demoSittingId = upcoming.body.sittings[0]!.id;
  councilId = upcoming.body.sittings[0]!.councilId;
  const options = preparationOptionsSchema.parse(
    (await operator.get(`/api/councils/${councilId}/preparation`)).body,
  );
  plenaryId = options.bodies.find((body) => body.kind === 'plenary')!.id;
});

afterAll(async () => {
  await veche?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('a new sitting', () => {
  it('offers the council’s bodies and terms to the office, and nothing to a councillor', async () => {
    const options = preparationOptionsSchema.parse(
      (await operator.get(`/api/councils/${councilId}/preparation`)).body,
    );
    expect(options.bodies.map((body) => body.kind).sort()).toEqual(['committee', 'plenary']);
    expect(options.terms.map((term) => term.name)).toEqual(['2024–2029']);
    expect(options.timeZone).toBe('Europe/Warsaw');
    const refused = await anna.get(`/api/councils/${councilId}/preparation`);
    expect(refused.status).toBe(403);
    expect(errorOf(refused).code).toBe('forbidden');
    const stranger = await operator.get(`/api/councils/${bulgarian.councilId}/preparation`);
    expect(stranger.status).toBe(404);
  });

  it('is a draft numbered next in the body’s term, found in the term of its date', async () => {
    const created = await createSitting({ mode: 'remote', meetingUrl: 'https://meet.example/r' });
    expect(created.status).toBe(201);
    const sitting = sittingPreparationSchema.parse(created.body);
    expect(sitting).toMatchObject({
      status: 'draft',
      number: 25,
      numberRoman: 'XXV',
      termName: '2024–2029',
      mode: 'remote',
      meetingUrl: 'https://meet.example/r',
      version: 1,
      editable: true,
      renumberable: true,
      agenda: [],
    });
    // A draft is for the office alone: a councillor is told it does not exist.
    expect((await anna.get(`/api/sittings/${sitting.id}/preparation`)).status).toBe(404);
  });

  it('reads a start without an offset on the council’s clock', async () => {
    const created = await createSitting({ startsAt: '2030-07-01T10:00' });
    const sitting = sittingPreparationSchema.parse(created.body);
    // Warsaw is two hours ahead of UTC in summer.
    expect(sitting.startsAt).toBe('2030-07-01T08:00:00.000Z');
    expect(sitting.startsAtLocal).toBe('2030-07-01T10:00');
  });

  it('refuses a start in the past, another council’s body, a bad address; writes nothing', async () => {
    const before = await sittingCount();
    const past = await createSitting({ startsAt: inDays(-1) });
    expect(past.status).toBe(422);
    expect(errorOf(past)).toMatchObject({ code: 'date_in_past', field: 'startsAt' });
    const foreign = await createSitting({ bodyId: bulgarian.councilId });
    expect(foreign.status).toBe(422);
    expect(errorOf(foreign)).toMatchObject({ code: 'unknown_reference', field: 'bodyId' });
    const badUrl = await createSitting({ streamUrl: 'javascript:alert(1)' });
    expect(badUrl.status).toBe(400);
    expect(errorOf(badUrl).field).toBe('streamUrl');
    const noTitle = await createSitting({ title: '  ' });
    expect(errorOf(noTitle).field).toBe('title');
    const beforeTerm = await createSitting({ startsAt: '2020-01-01T10:00:00Z' });
    expect(errorOf(beforeTerm).field).toBe('startsAt');
    expect(await sittingCount()).toBe(before);
  });

  it('starts its agenda from a template of the council', async () => {
    const template = await operator.post(`/api/councils/${councilId}/agenda-templates`, {
      name: 'Sesja zwyczajna',
      items: [item('Otwarcie sesji'), item('Interpelacje', [item('Odpowiedzi')])],
    });
    expect(template.status).toBe(201);
    const duplicate = await operator.post(`/api/councils/${councilId}/agenda-templates`, {
      name: 'Sesja zwyczajna',
      items: [item('Otwarcie')],
    });
    expect(errorOf(duplicate)).toMatchObject({ code: 'name_taken', field: 'name' });
    const created = await createSitting({ templateId: (template.body as { id: string }).id });
    const sitting = sittingPreparationSchema.parse(created.body);
    expect(outline(sitting.agenda)).toEqual([
      '1 Otwarcie sesji',
      '2 Interpelacje',
      '2.1 Odpowiedzi',
    ]);
  });
});

describe('the agenda editor', () => {
  let sittingId: string;

  beforeAll(async () => {
    sittingId = sittingPreparationSchema.parse((await createSitting({})).body).id;
  });

  it('saves a tree, numbers it, and keeps ids of items moved', async () => {
    const first = await operator.put(`/api/sittings/${sittingId}/agenda`, {
      version: 1,
      items: [
        item('Otwarcie'),
        item('Uchwały', [item('Budżet'), item('Drogi')]),
        item('Zamknięcie'),
      ],
    });
    expect(first.status).toBe(200);
    const saved = sittingPreparationSchema.parse(first.body);
    expect(saved.version).toBe(2);
    expect(outline(saved.agenda)).toEqual([
      '1 Otwarcie',
      '2 Uchwały',
      '2.1 Budżet',
      '2.2 Drogi',
      '3 Zamknięcie',
    ]);
    // Move "Drogi" to the top level before "Uchwały".
    const [opening, resolutions, closing] = asDraft(saved.agenda);
    const [budget, roads] = resolutions!.children!;
    const moved = await operator.put(`/api/sittings/${sittingId}/agenda`, {
      version: 2,
      items: [opening, roads, { ...resolutions, children: [budget] }, closing],
    });
    const after = sittingPreparationSchema.parse(moved.body);
    expect(outline(after.agenda)).toEqual([
      '1 Otwarcie',
      '2 Drogi',
      '3 Uchwały',
      '3.1 Budżet',
      '4 Zamknięcie',
    ]);
    expect(after.agenda[1]!.id).toBe(roads!.id);
  });

  it('refuses the second of two saves from the same version, with the current one', async () => {
    const loaded = await prepared(sittingId);
    const mine = await operator.put(`/api/sittings/${sittingId}/agenda`, {
      version: loaded.version,
      items: [...asDraft(loaded.agenda), item('Wolne wnioski')],
    });
    expect(mine.status).toBe(200);
    const theirs = await secondOperator.put(`/api/sittings/${sittingId}/agenda`, {
      version: loaded.version,
      items: [item('Tylko to')],
    });
    expect(theirs.status).toBe(409);
    const error = errorOf(theirs);
    expect(error).toMatchObject({ code: 'stale_version', field: 'version' });
    const current = sittingPreparationSchema.parse(error.facts?.current);
    expect(current.version).toBe(loaded.version + 1);
    expect(outline(current.agenda).at(-1)).toBe('5 Wolne wnioski');
    // Nothing of the refused save was written.
    expect(outline((await prepared(sittingId)).agenda)).toEqual(outline(current.agenda));
  });

  it('names the item nested too deep, a blank title and an id not on the agenda', async () => {
    const { version, agenda } = await prepared(sittingId);
    const deep = await operator.put(`/api/sittings/${sittingId}/agenda`, {
      version,
      items: [item('A', [item('B', [item('C', [item('D')])])])],
    });
    expect(deep.status).toBe(400);
    expect(errorOf(deep)).toMatchObject({
      code: 'validation_failed',
      field: 'items.0.children.0.children.0.children.0',
    });
    const blank = await operator.put(`/api/sittings/${sittingId}/agenda`, {
      version,
      items: [item('A'), item(' ')],
    });
    expect(errorOf(blank).field).toBe('items.1.title');
    const stranger = await operator.put(`/api/sittings/${sittingId}/agenda`, {
      version,
      items: [{ ...item('A'), id: bulgarian.sittingId }],
    });
    expect(stranger.status).toBe(422);
    expect(errorOf(stranger)).toMatchObject({ code: 'unknown_item', field: 'items.0.id' });
    const unchanged = await prepared(sittingId);
    expect(unchanged.version).toBe(version);
    expect(outline(unchanged.agenda)).toEqual(outline(agenda));
  });

  it('renumbers a draft only to a free number, and a convened sitting never', async () => {
    const sitting = await prepared(sittingId);
    const details = {
      version: sitting.version,
      title: sitting.title,
      kind: sitting.kind,
      mode: sitting.mode,
      startsAt: sitting.startsAt,
      place: 'Sala sesyjna',
    };
    const taken = await operator.put(`/api/sittings/${sittingId}`, { ...details, number: 24 });
    expect(taken.status).toBe(409);
    expect(errorOf(taken)).toMatchObject({ code: 'number_taken', field: 'number' });
    const renumbered = await operator.put(`/api/sittings/${sittingId}`, { ...details, number: 30 });
    expect(sittingPreparationSchema.parse(renumbered.body)).toMatchObject({
      number: 30,
      numberRoman: 'XXX',
      place: 'Sala sesyjna',
    });
    const convened = await operator.post(`/api/sittings/${sittingId}/convene`, {
      version: sitting.version + 1,
    });
    expect(convened.status).toBe(200);
    const after = sittingPreparationSchema.parse(convened.body);
    expect(after).toMatchObject({ status: 'convened', renumberable: false, editable: true });
    const refused = await operator.put(`/api/sittings/${sittingId}`, {
      ...details,
      version: after.version,
      number: 31,
    });
    expect(errorOf(refused)).toMatchObject({ code: 'renumbering_closed', field: 'number' });
    // Convened, it is the members' to read.
    const seen = await anna.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming');
    expect(seen.body.sittings.map((listed) => listed.id)).toContain(sittingId);
  });

  it('convenes only with an agenda', async () => {
    const empty = sittingPreparationSchema.parse((await createSitting({})).body);
    const refused = await operator.post(`/api/sittings/${empty.id}/convene`, { version: 1 });
    expect(refused.status).toBe(422);
    expect(errorOf(refused)).toMatchObject({ code: 'agenda_empty', field: 'items' });
    expect((await prepared(empty.id)).status).toBe('draft');
  });

  it('brings a change made after the log started (a chat message) into the live sitting', async () => {
    const chat = await operator.post(`/api/sittings/${sittingId}/commands`, {
      commandId: crypto.randomUUID(),
      command: {
        type: 'chat.send',
        messageId: crypto.randomUUID(),
        to: 'members',
        text: 'Materiały są w systemie.',
      },
    });
    expect(chat.status).toBe(200);
    const loaded = await prepared(sittingId);
    const saved = await operator.put(`/api/sittings/${sittingId}/agenda`, {
      version: loaded.version,
      items: [...asDraft(loaded.agenda), item('Sprawy różne')],
    });
    expect(saved.status).toBe(200);
    const live = await operator.get<{ state: { agenda: { title: string }[] } }>(
      `/api/sittings/${sittingId}/state`,
    );
    expect(live.body.state.agenda.at(-1)?.title).toBe('Sprawy różne');
  });
});

describe('the demo sitting', () => {
  it('keeps an item that holds documents', async () => {
    const sitting = await prepared(demoSittingId);
    const withDocuments = sitting.agenda.filter((entry) => entry.documentCount > 0);
    expect(withDocuments.length).toBe(2);
    const refused = await operator.put(`/api/sittings/${demoSittingId}/agenda`, {
      version: sitting.version,
      items: asDraft(sitting.agenda.filter((entry) => entry.documentCount === 0)),
    });
    expect(refused.status).toBe(409);
    expect(errorOf(refused)).toMatchObject({ code: 'item_has_documents', field: 'items' });
    expect(errorOf(refused).facts?.titles).toEqual(withDocuments.map((entry) => entry.title));
    expect((await prepared(demoSittingId)).agenda.length).toBe(sitting.agenda.length);
  });

  it('is edited in the console, not here, once it has opened', async () => {
    const opened = await operator.post(`/api/sittings/${demoSittingId}/commands`, {
      commandId: crypto.randomUUID(),
      command: { type: 'sitting.open' },
    });
    expect(opened.status).toBe(200);
    const sitting = await prepared(demoSittingId);
    expect(sitting.editable).toBe(false);
    const refused = await operator.put(`/api/sittings/${demoSittingId}/agenda`, {
      version: sitting.version,
      items: asDraft(sitting.agenda),
    });
    expect(refused.status).toBe(409);
    expect(errorOf(refused).code).toBe('preparation_closed');
  });

  it('is another council’s business for the Bulgarian operator', async () => {
    const stranger = await signedIn(bulgarian.operatorEmail, bulgarian.password);
    expect((await stranger.get(`/api/sittings/${demoSittingId}/preparation`)).status).toBe(404);
    const write = await stranger.put(`/api/sittings/${demoSittingId}/agenda`, {
      version: 1,
      items: [item('X')],
    });
    expect(write.status).toBe(404);
  });
});
