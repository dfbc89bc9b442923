import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCIL_NAME } from '../src/demo/demo-council.js';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { createRepositories } from '../src/storage/repositories.js';
import { addBulgarianCouncil } from './support/second-council.js';
import {
  oparlTypeOf,
  oparlValidators,
  OPARL_TYPES,
  type OparlType,
} from './support/oparl-schemas.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * The OParl 1.1 API, read as an OParl client would: a crawler starts at the System object and
 * follows every URL of every object and list (pagination links included), validating each object
 * against the OParl schemas. Beside the demo council (with its closed past sitting and its
 * convened one) the data hold a second council, a draft sitting with a public document, a person
 * without a seat, and agenda items the office removed from the convened sitting: none of the
 * private things may show, and the removed items must show as deleted.
 */

/** The public origin the server is told it is reached at; ids are built from it. */
const ORIGIN = 'https://rada.wierzbow.example';
const API = `${ORIGIN}/oparl/v1.1`;
/** The crawl must finish within this many requests. */
const MAX_REQUESTS = 1500;
/** A small page, so that the crawl walks through several pages of most lists. */
const CRAWL_LIMIT = 3;

const validators = oparlValidators();

let veche: RunningVeche;
/** Where the server listens (it prints its public URL, which no resolver knows). */
let address: string | undefined;
let dataDir: string;
let councilId: string;
let pastSittingId: string;
let convenedSittingId: string;
let draftSittingId: string;
let draftItemId: string;
let draftRemovedItemId: string;
let draftDocumentId: string;
let privateDocument: { id: string; title: string };
let removedProcedural: { id: string; title: string };
let removedDraftResolution: { id: string; title: string };
let personWithoutSeat: string;
let setupStarted: Date;
let removedAt: Date;

const DRAFT_TITLE = 'Sesja nadzwyczajna w przygotowaniu';
const DRAFT_ITEM_TITLE = 'Projekt uchwały jeszcze nieogłoszony';

/** Fetches an OParl URL from the running server (the public origin mapped to its address). */
async function get(url: string, init?: RequestInit): Promise<Response> {
  if (!url.startsWith(ORIGIN)) throw new Error(`not a URL of this server: ${url}`);
  return fetch(`${address!}${url.slice(ORIGIN.length)}`, init);
}

/** An OParl object as JSON; the checks read its fields by name. */
interface OparlJson {
  [field: string]: unknown;
  id: string;
  type: string;
}

interface ListJson {
  data: OparlJson[];
  pagination: {
    totalElements: number;
    elementsPerPage: number;
    currentPage: number;
    totalPages: number;
  };
  links: { first: string; prev?: string; next?: string; last: string; self: string };
}

interface ErrorJson {
  error: { code: string; field?: string };
}

/** Whatever a URL answers (an object, a list or an error), for the checks to read. */
type Answer = OparlJson & ListJson & ErrorJson;

interface MeetingJson extends OparlJson {
  meetingState: string;
  start: string;
  end: string;
  name: string;
  location: { description: string };
  agendaItem: (OparlJson & { number: string; consultation?: string; result?: string })[];
}

interface ConsultationJson extends OparlJson {
  meeting: string;
  agendaItem: string;
  paper: string;
  authoritative: boolean;
}

async function getJson(url: string): Promise<{ status: number; headers: Headers; body: Answer }> {
  const response = await get(url);
  const body = (await response.json()) as Answer;
  return { status: response.status, headers: response.headers, body };
}

function errorsOf(type: OparlType, object: unknown): string[] {
  const validate = validators[type];
  return validate(object)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

/** Every string in a value that looks like a URL, with where it was found. */
function urlsIn(value: unknown, at = ''): { url: string; at: string }[] {
  if (typeof value === 'string') return /^[a-z]+:\/\//i.test(value) ? [{ url: value, at }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => urlsIn(item, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    // `type` and `oparlVersion` are URLs that name a schema, not links.
    key === 'type' || key === 'oparlVersion' ? [] : urlsIn(inner, `${at}/${key}`),
  );
}

/** Every object with an OParl `type` in a value (embedded ones included). */
function objectsIn(value: unknown): OparlJson[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = oparlTypeOf(record.type) === null ? [] : [record as OparlJson];
  return [...own, ...Object.values(record).flatMap(objectsIn)];
}

/** A list's URL with a small page, so that the crawl follows pagination. */
const paged = (url: string) => `${url}?limit=${String(CRAWL_LIMIT)}`;

interface Crawl {
  requests: number;
  /** Each object by its id, as fetched from its own URL. */
  objects: Map<string, OparlJson>;
  /** Every object seen anywhere (lists, embedded), validated. */
  seen: OparlJson[];
  /** Every JSON and file answer's text, to search for what must not leak. */
  texts: string[];
  problems: string[];
  files: number;
}

/**
 * Follows every URL from the System object. A URL that answers anything but 2xx JSON (or, for a
 * File's `accessUrl`/`downloadUrl`, the file itself with the stated type, size and checksum)
 * is a problem, as is any object that fails its schema or a URL pointing elsewhere.
 */
async function crawl(start: string): Promise<Crawl> {
  const result: Crawl = {
    requests: 0,
    objects: new Map(),
    seen: [],
    texts: [],
    problems: [],
    files: 0,
  };
  const queue: string[] = [start];
  const queued = new Set(queue);
  /** Download URLs with the File that names them. */
  const downloads = new Map<string, OparlJson>();
  const enqueue = (url: string, from: string) => {
    if (!url.startsWith(`${ORIGIN}/`)) {
      result.problems.push(`${from}: ${url} points away from this server`);
      return;
    }
    if (!queued.has(url)) {
      queued.add(url);
      queue.push(url);
    }
  };
  while (queue.length > 0) {
    if (result.requests >= MAX_REQUESTS) {
      result.problems.push(`more than ${String(MAX_REQUESTS)} requests`);
      break;
    }
    const url = queue.shift()!;
    result.requests++;
    const response = await get(url);
    if (response.headers.get('access-control-allow-origin') !== '*') {
      result.problems.push(`${url}: no Access-Control-Allow-Origin: *`);
    }
    const file = downloads.get(url);
    if (file !== undefined) {
      const bytes = Buffer.from(await response.arrayBuffer());
      result.files++;
      if (response.status !== 200) result.problems.push(`${url}: ${String(response.status)}`);
      if (response.headers.get('content-type') !== file.mimeType) {
        result.problems.push(`${url}: type ${String(response.headers.get('content-type'))}`);
      }
      if (bytes.length !== file.size) result.problems.push(`${url}: ${String(bytes.length)} bytes`);
      if (createHash('sha256').update(bytes).digest('hex') !== file.sha256Checksum) {
        result.problems.push(`${url}: checksum differs`);
      }
      continue;
    }
    const type = response.headers.get('content-type') ?? '';
    if (response.status < 200 || response.status > 299 || !type.startsWith('application/json')) {
      result.problems.push(`${url}: ${String(response.status)} ${type}`);
      await response.arrayBuffer();
      continue;
    }
    const text = await response.text();
    result.texts.push(text);
    const body = JSON.parse(text) as Answer;
    const isList = Array.isArray(body.data);
    if (isList) {
      // Every list is also read a few objects a page at a time, to walk its pagination links.
      if (!url.includes('?')) enqueue(paged(url), url);
      const { pagination, links } = body as Partial<ListJson>;
      if (typeof pagination?.totalElements !== 'number' || typeof links?.self !== 'string') {
        result.problems.push(`${url}: a list without pagination or links`);
      }
      if (links?.self !== url) result.problems.push(`${url}: links.self is ${String(links?.self)}`);
    } else {
      if (body.id !== url) result.problems.push(`${url}: its id is ${String(body.id)}`);
      result.objects.set(url, body);
    }
    for (const object of objectsIn(isList ? body.data : body)) {
      const objectType = oparlTypeOf(object.type)!;
      result.seen.push(object);
      for (const error of errorsOf(objectType, object)) {
        result.problems.push(`${url}: ${objectType} ${String(object.id)}${error}`);
      }
      if (objectType === 'File') {
        for (const key of ['accessUrl', 'downloadUrl']) {
          if (typeof object[key] === 'string') downloads.set(object[key], object);
        }
      }
    }
    for (const found of urlsIn(body)) enqueue(found.url, `${url}${found.at}`);
  }
  return result;
}

beforeAll(async () => {
  const first = await startVeche();
  dataDir = first.dataDir;
  await first.stop({ keepData: true });
  await addBulgarianCouncil(dataDir);
  const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
  try {
    await new Promise((resolve) => setTimeout(resolve, 20));
    setupStarted = new Date();
    const repos = createRepositories({
      db: database.db,
      clock: () => new Date(),
      newId: randomUUID,
    });
    const council = (await repos.councils.list()).find((c) => c.name === DEMO_COUNCIL_NAME)!;
    councilId = council.id;
    const plenary = (await repos.bodies.listForCouncil(councilId)).find(
      (b) => b.kind === 'plenary',
    )!;
    const sittings = await repos.sittings.publicOfCouncil(councilId, plenary.id);
    pastSittingId = sittings.find((s) => s.status === 'closed')!.id;
    const convened = sittings.find((s) => s.status === 'convened')!;
    convenedSittingId = convened.id;
    const documents = await repos.documents.listForSitting(councilId, convenedSittingId);
    const secret = documents.find((document) => !document.isPublic)!;
    privateDocument = { id: secret.id, title: secret.title };

    // The office removes an item, and a draft resolution it had just added, from the convened
    // sitting's (public) agenda.
    const added = await repos.sittings.addAgendaItem({
      councilId,
      sittingId: convenedSittingId,
      position: 99,
      title: 'Projekt uchwały wycofany przez wnioskodawcę',
      kind: 'draft_resolution',
    });
    removedDraftResolution = { id: added.id, title: added.title };
    const agenda = await repos.sittings.agendaOf(councilId, [convenedSittingId]);
    // The last procedural item, so that the items before it keep their places.
    const procedural = agenda
      .filter(
        (item) =>
          item.kind === 'procedural' &&
          item.id !== added.id &&
          !documents.some((d) => d.agendaItemId === item.id),
      )
      .at(-1)!;
    removedProcedural = { id: procedural.id, title: procedural.title };
    await new Promise((resolve) => setTimeout(resolve, 20));
    removedAt = new Date();
    const kept = agenda.filter((item) => item.id !== added.id && item.id !== procedural.id);
    await repos.sittings.replaceAgenda(
      councilId,
      convenedSittingId,
      kept.map((item, position) => ({
        id: item.id,
        parentId: item.parentId,
        position,
        title: item.title,
        kind: item.kind,
        description: item.description,
      })),
    );

    // A draft sitting, with a public document and an item removed while it was a draft.
    const term = (await repos.terms.listForCouncil(councilId))[0]!;
    const draft = await repos.sittings.create({
      councilId,
      bodyId: plenary.id,
      termId: term.id,
      title: DRAFT_TITLE,
      kind: 'extraordinary',
      mode: 'hall',
      status: 'draft',
      startsAt: new Date(Date.now() + 20 * 86_400_000),
      place: 'Sala konferencyjna',
    });
    draftSittingId = draft.id;
    const draftItem = await repos.sittings.addAgendaItem({
      councilId,
      sittingId: draft.id,
      position: 0,
      title: DRAFT_ITEM_TITLE,
      kind: 'draft_resolution',
    });
    draftItemId = draftItem.id;
    const doomed = await repos.sittings.addAgendaItem({
      councilId,
      sittingId: draft.id,
      position: 1,
      title: 'Punkt usunięty z projektu',
    });
    draftRemovedItemId = doomed.id;
    await repos.sittings.replaceAgenda(councilId, draft.id, [
      {
        id: draftItem.id,
        parentId: null,
        position: 0,
        title: DRAFT_ITEM_TITLE,
        kind: 'draft_resolution',
      },
    ]);
    const draftDocument = await repos.documents.create({
      councilId,
      sittingId: draft.id,
      agendaItemId: draftItem.id,
      title: 'Załącznik do projektu',
      fileName: 'zalacznik.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 10,
      sha256: 'a'.repeat(64),
      isPublic: true,
      createdByUserId: null,
    });
    draftDocumentId = draftDocument.id;

    // A clerk known to the council, with no seat: not a public figure.
    const clerk = await repos.persons.create({
      councilId,
      givenName: 'Zofia',
      familyName: 'Bezmandatowa',
      email: 'zofia.bezmandatowa@wierzbow.example',
    });
    personWithoutSeat = clerk.id;
  } finally {
    await database.close();
  }
  veche = await startVeche({ dataDir, env: { PUBLIC_URL: ORIGIN } });
  // The log line with the listening address may come a moment after the banner.
  for (let attempt = 0; attempt < 100 && address === undefined; attempt++) {
    address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(veche.logs())?.[1];
    if (address === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (address === undefined) throw new Error(`no listening address in:\n${veche.logs()}`);
});

afterAll(async () => {
  await veche?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('the OParl 1.1 API', () => {
  let result: Crawl;

  beforeAll(async () => {
    result = await crawl(`${API}/system`);
  }, 120_000);

  it('resolves every URL of every object and list, within the bound on requests', () => {
    expect(result.problems).toEqual([]);
    // Two councils, so two bodies; every file of the demo's public documents downloaded.
    const bodies = [...result.objects.values()].filter((o) => oparlTypeOf(o.type) === 'Body');
    expect(bodies).toHaveLength(2);
    expect(result.files).toBeGreaterThanOrEqual(2);
  });

  it('serves objects of every OParl type, each valid against its schema', () => {
    const types = new Set(result.seen.map((object) => oparlTypeOf(object.type)));
    expect([...types].sort()).toEqual([...OPARL_TYPES].sort());
    const fetchedTypes = new Set(
      [...result.objects.values()].map((object) => oparlTypeOf(object.type)),
    );
    expect([...fetchedTypes].sort()).toEqual([...OPARL_TYPES].sort());
    for (const object of result.seen) {
      expect(errorsOf(oparlTypeOf(object.type)!, object), String(object.id)).toEqual([]);
      expect(object.created, String(object.id)).toEqual(expect.any(String));
      expect(object.modified, String(object.id)).toEqual(expect.any(String));
    }
  });

  it('holds the validator to the schemas (it refuses what they forbid)', () => {
    const meeting = result.objects.get(`${API}/meetings/${convenedSittingId}`)!;
    expect(errorsOf('Meeting', meeting)).toEqual([]);
    expect(errorsOf('Meeting', { ...meeting, start: 'next Tuesday' })).not.toEqual([]);
    expect(
      errorsOf('Meeting', { ...meeting, type: 'https://schema.oparl.org/1.1/Paper' }),
    ).not.toEqual([]);
    expect(errorsOf('Meeting', { ...meeting, id: 'not a url' })).not.toEqual([]);
    // An embedded object is held to its own type's schema.
    const [item] = meeting.agendaItem as Record<string, unknown>[];
    const { order: _order, ...withoutOrder } = item!;
    expect(errorsOf('Meeting', { ...meeting, agendaItem: [withoutOrder] })).not.toEqual([]);
    expect(
      errorsOf('System', { id: `${API}/system`, type: 'https://schema.oparl.org/1.1/System' }),
    ).not.toEqual([]);
  });

  it('builds ids from the public origin and answers each object at its id as in its lists', () => {
    for (const object of result.seen) {
      expect(String(object.id).startsWith(`${API}/`), String(object.id)).toBe(true);
      const fetched = result.objects.get(String(object.id));
      expect(fetched, String(object.id)).toBeDefined();
      expect(fetched, String(object.id)).toEqual(object);
    }
  });

  it('shows the closed past sitting with its agenda, papers and consultations', () => {
    const past = result.objects.get(`${API}/meetings/${pastSittingId}`) as MeetingJson;
    expect(past.meetingState).toBe('closed');
    // Closed about three hours after its start, by its log.
    const hours = (Date.parse(past.end) - Date.parse(past.start)) / 3_600_000;
    expect(hours).toBeGreaterThan(0.5);
    expect(hours).toBeLessThan(8);
    const convened = result.objects.get(`${API}/meetings/${convenedSittingId}`)!;
    expect(convened.end).toBeUndefined();
    expect(past.name).toMatch(/^XXIII sesja/);
    expect(past.location.description).toContain('Sala obrad');
    expect(past.agendaItem.map((item) => item.number)).toEqual(
      past.agendaItem.map((_, index) => String(index + 1)),
    );
    const drafts = past.agendaItem.filter((item) => item.consultation !== undefined);
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    // What the sitting resolved on each (the demo rejects one of them).
    const results = drafts.map((item) => item.result);
    expect(results.every((result) => result === 'adopted' || result === 'rejected')).toBe(true);
    expect(results).toContain('adopted');
    expect(results).toContain('rejected');
    const ahead = result.objects.get(`${API}/meetings/${convenedSittingId}`) as MeetingJson;
    expect(ahead.agendaItem.filter((item) => item.result !== undefined)).toEqual([]);
    for (const item of drafts) {
      const consultation = result.objects.get(item.consultation!) as ConsultationJson;
      expect(consultation.meeting).toBe(past.id);
      expect(consultation.agendaItem).toBe(item.id);
      expect(consultation.authoritative).toBe(true);
      const paper = result.objects.get(consultation.paper)!;
      expect(paper.consultation).toEqual([consultation]);
    }
  });

  it('never shows a draft sitting, a private document, an e-mail address or a person without a seat', () => {
    const all = result.texts.join('\n');
    for (const secret of [
      draftSittingId,
      DRAFT_TITLE,
      draftItemId,
      DRAFT_ITEM_TITLE,
      draftRemovedItemId,
      draftDocumentId,
      privateDocument.id,
      privateDocument.title,
      personWithoutSeat,
      'Bezmandatowa',
      '@',
    ]) {
      expect(all.includes(secret), secret).toBe(false);
    }
  });
});

describe('OParl lists', () => {
  const persons = () => `${API}/bodies/${councilId}/persons`;

  it('walks a list page by page with links.next, to the same objects as one page', async () => {
    const whole = await getJson(`${persons()}?limit=500`);
    expect(whole.status).toBe(200);
    const all = whole.body.data.map((person) => person.id);
    expect(all.length).toBe(15);
    expect(whole.body.pagination).toEqual({
      totalElements: 15,
      elementsPerPage: 500,
      currentPage: 1,
      totalPages: 1,
    });
    expect(whole.body.links.next).toBeUndefined();

    const walked: string[] = [];
    let url: string | undefined = `${persons()}?limit=4`;
    let pages = 0;
    while (url !== undefined && pages < 10) {
      const page = await getJson(url);
      pages++;
      expect(page.status).toBe(200);
      expect(page.body.pagination.totalPages).toBe(4);
      expect(page.body.pagination.currentPage).toBe(pages);
      expect(page.body.links.first).toBe(`${persons()}?limit=4`);
      expect(page.body.links.last).toBe(`${persons()}?limit=4&page=4`);
      if (pages > 1) expect(page.body.links.prev).toEqual(expect.any(String));
      walked.push(...page.body.data.map((person) => person.id));
      url = page.body.links.next;
    }
    expect(pages).toBe(4);
    expect(walked).toEqual(all);
  });

  it('uses a default page size and refuses a limit out of bounds, naming it', async () => {
    const plain = await getJson(persons());
    expect(plain.body.pagination.elementsPerPage).toBe(100);
    expect(plain.body.links.self).toBe(persons());
    for (const limit of ['0', '501', 'ten', '2.5']) {
      const answer = await getJson(`${persons()}?limit=${limit}`);
      expect(answer.status, limit).toBe(400);
      expect(answer.body.error.field, limit).toBe('limit');
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    }
    const page = await getJson(`${persons()}?page=0`);
    expect(page.status).toBe(400);
    expect(page.body.error.field).toBe('page');
  });

  it('filters by created and modified times, keeping the filters in the links', async () => {
    const items = `${API}/bodies/${councilId}/agenda-items`;
    const since = encodeURIComponent(setupStarted.toISOString());
    const created = await getJson(`${items}?created_since=${since}`);
    expect(created.status).toBe(200);
    // Only the item added (and removed) during the setup; the draft sitting's never.
    expect(created.body.data.map((item) => item.id)).toEqual([
      `${API}/agenda-items/${removedDraftResolution.id}`,
    ]);
    expect(created.body.links.self).toBe(`${items}?created_since=${since}`);

    const modifiedSince = encodeURIComponent(removedAt.toISOString());
    const modified = await getJson(`${items}?modified_since=${modifiedSince}&limit=2`);
    expect(modified.status).toBe(200);
    expect(modified.body.links.first).toBe(`${items}?modified_since=${modifiedSince}&limit=2`);
    const changed: OparlJson[] = [];
    let url: string | undefined = modified.body.links.first;
    while (url !== undefined) {
      const page = await getJson(url);
      changed.push(...page.body.data);
      url = page.body.links.next;
    }
    for (const item of changed) {
      expect(new Date(item.modified as string).getTime()).toBeGreaterThanOrEqual(
        removedAt.getTime(),
      );
    }
    const deleted = changed.filter((item) => item.deleted === true).map((item) => item.id);
    expect(deleted.sort()).toEqual(
      [removedProcedural.id, removedDraftResolution.id]
        .map((id) => `${API}/agenda-items/${id}`)
        .sort(),
    );
    // The item before the removed one did not change, so it is not among them.
    const untouched = await getJson(`${items}?limit=500`);
    const first = untouched.body.data.find(
      (item) => item.number === '1' && item.meeting === `${API}/meetings/${convenedSittingId}`,
    )!;
    expect(changed.map((item) => item.id)).not.toContain(first.id);

    const before = await getJson(`${items}?created_until=2000-01-01T00:00:00Z`);
    expect(before.body.data).toEqual([]);
    expect(before.body.pagination.totalElements).toBe(0);
    const window = await getJson(
      `${items}?modified_since=${modifiedSince}&modified_until=${encodeURIComponent(new Date(removedAt.getTime() - 1).toISOString())}`,
    );
    expect(window.body.data).toEqual([]);
  });

  it('refuses a filter that is not an ISO 8601 date and time, naming it', async () => {
    const meetings = `${API}/bodies/${councilId}/meetings`;
    for (const [name, value] of [
      ['created_since', 'yesterday'],
      ['created_until', '2026-13-01T00:00:00Z'],
      ['modified_since', '2026-01-01'],
      ['modified_until', '2026-01-01T25:00:00+01:00'],
    ] as const) {
      const answer = await getJson(`${meetings}?${name}=${encodeURIComponent(value)}`);
      expect(answer.status, name).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
      expect(answer.body.error.field, name).toBe(name);
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    }
    const offset = await getJson(
      `${meetings}?created_since=${encodeURIComponent('2020-01-01T00:00:00+02:00')}`,
    );
    expect(offset.status).toBe(200);
    expect(offset.body.data.length).toBe(2);
  });
});

describe('OParl objects', () => {
  it('answers an agenda item removed from a public agenda as deleted, with its paper and consultation', async () => {
    for (const [path, type] of [
      [`agenda-items/${removedProcedural.id}`, 'AgendaItem'],
      [`agenda-items/${removedDraftResolution.id}`, 'AgendaItem'],
      [`papers/${removedDraftResolution.id}`, 'Paper'],
      [`consultations/${removedDraftResolution.id}`, 'Consultation'],
    ] as const) {
      const answer = await getJson(`${API}/${path}`);
      expect(answer.status, path).toBe(200);
      expect(answer.body.deleted, path).toBe(true);
      expect(answer.body.id).toBe(`${API}/${path}`);
      expect(errorsOf(type, answer.body), path).toEqual([]);
      expect(JSON.stringify(answer.body)).not.toContain(removedDraftResolution.title);
    }
    const meeting = (await getJson(`${API}/meetings/${convenedSittingId}`))
      .body as OparlJson as MeetingJson;
    const ids = meeting.agendaItem.map((item) => item.id);
    expect(ids).not.toContain(`${API}/agenda-items/${removedProcedural.id}`);
    expect(meeting.agendaItem.map((item) => item.number)).toEqual(
      ids.map((_, index) => String(index + 1)),
    );
  });

  it('answers 404 for unknown ids, draft sittings and private documents, with CORS', async () => {
    const unknown = randomUUID();
    for (const path of [
      `bodies/${unknown}`,
      `bodies/${unknown}/meetings`,
      `organizations/${unknown}`,
      `organizations/${unknown}/meetings`,
      `persons/${unknown}`,
      `memberships/${unknown}`,
      `meetings/${unknown}`,
      `agenda-items/${unknown}`,
      `papers/${unknown}`,
      `consultations/${unknown}`,
      `files/${unknown}`,
      `locations/${unknown}`,
      `legislative-terms/${unknown}`,
      `meetings/${draftSittingId}`,
      `locations/${draftSittingId}`,
      `agenda-items/${draftItemId}`,
      `agenda-items/${draftRemovedItemId}`,
      `papers/${draftItemId}`,
      `consultations/${draftItemId}`,
      `files/${draftDocumentId}`,
      `files/${privateDocument.id}`,
      `persons/${personWithoutSeat}`,
      'no-such-list',
    ]) {
      const answer = await getJson(`${API}/${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.body.error.code, path).toBe('not_found');
      expect(answer.headers.get('access-control-allow-origin'), path).toBe('*');
    }
    const malformed = await getJson(`${API}/meetings/not-a-uuid`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.field).toBe('id');
    expect(malformed.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a CORS preflight for any OParl URL, allowing GET from anywhere', async () => {
    const answer = await get(`${API}/bodies/${councilId}/meetings`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://oparl-client.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'accept',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-methods')).toContain('GET');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    // Nothing here takes a write; even the refusal of one from another site allows reading it.
    const write = await get(`${API}/system`, {
      method: 'POST',
      headers: { origin: 'https://oparl-client.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(write.status).toBe(403);
    expect(write.headers.get('access-control-allow-origin')).toBe('*');
    const json = await get(`${API}/system`, {
      headers: { origin: 'https://oparl-client.example' },
    });
    expect(json.headers.get('access-control-allow-origin')).toBe('*');
    expect(json.headers.get('set-cookie')).toBeNull();
  });
});
