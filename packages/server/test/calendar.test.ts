import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCIL_NAME } from '../src/demo/demo-council.js';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { createRepositories } from '../src/storage/repositories.js';
import { TestClient } from './support/http-client.js';
import { addBulgarianCouncil, type SecondCouncil } from './support/second-council.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * The public calendar feeds (iCalendar), read back with ical.js as a calendar program would:
 * the demo council's sittings with a committee sitting and a draft added beside them, and a
 * second council whose sitting must never show up in the first one's feed.
 */

interface FeedEvent {
  uid: string;
  summary: string;
  location: string | null;
  description: string;
  url: string | null;
  start: Date;
  end: Date;
}

let veche: RunningVeche;
let dataDir: string;
let b: SecondCouncil;
let councilId: string;
let plenaryId: string;
let committeeId: string;
let plenarySittingId: string;
let pastSittingId: string;
let committeeSittingId: string;
let draftSittingId: string;
const COMMITTEE_START = new Date('2026-12-03T15:30:00Z');

async function feed(
  path: string,
): Promise<{ status: number; headers: Headers; events: FeedEvent[] }> {
  const answer = await new TestClient(veche.url).get<string>(path);
  if (answer.status !== 200) return { status: answer.status, headers: answer.headers, events: [] };
  const calendar = new ICAL.Component(ICAL.parse(answer.body) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location || null,
      description: event.description,
      url: (component.getFirstPropertyValue('url') as string | null) ?? null,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
    };
  });
  return { status: answer.status, headers: answer.headers, events };
}

beforeAll(async () => {
  const first = await startVeche();
  dataDir = first.dataDir;
  await first.stop({ keepData: true });
  b = await addBulgarianCouncil(dataDir);
  const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
  try {
    const repos = createRepositories({
      db: database.db,
      clock: () => new Date(),
      newId: randomUUID,
    });
    const council = (await repos.councils.list()).find((c) => c.name === DEMO_COUNCIL_NAME)!;
    councilId = council.id;
    const bodies = await repos.bodies.listForCouncil(councilId);
    plenaryId = bodies.find((body) => body.kind === 'plenary')!.id;
    committeeId = bodies.find((body) => body.kind !== 'plenary')!.id;
    const plenarySittings = await repos.sittings.publicOfCouncil(councilId, plenaryId);
    plenarySittingId = plenarySittings.find((sitting) => sitting.status === 'convened')!.id;
    pastSittingId = plenarySittings.find((sitting) => sitting.status === 'closed')!.id;
    const term = (await repos.terms.current(councilId, '2026-11-24'))!;
    const committee = await repos.sittings.create({
      councilId,
      bodyId: committeeId,
      termId: term.id,
      title: 'Opinia do projektu budżetu',
      kind: 'ordinary',
      mode: 'remote',
      status: 'convened',
      startsAt: COMMITTEE_START,
      place: null,
      streamUrl: 'https://stream.example.pl/komisja',
      meetingUrl: 'https://meet.example.pl/secret-room',
    });
    committeeSittingId = committee.id;
    const draft = await repos.sittings.create({
      councilId,
      bodyId: plenaryId,
      termId: term.id,
      title: 'Sesja nadzwyczajna (projekt)',
      kind: 'extraordinary',
      mode: 'hall',
      status: 'draft',
      startsAt: new Date('2026-12-10T09:00:00Z'),
      place: 'Sala obrad',
    });
    draftSittingId = draft.id;
  } finally {
    await database.close();
  }
  veche = await startVeche({ dataDir });
});

afterAll(async () => {
  await veche?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('the public calendar feeds', () => {
  it('lists the council’s sittings that are not drafts, as a calendar program reads them', async () => {
    const { status, headers, events } = await feed(
      `/api/public/councils/${councilId}/calendar.ics`,
    );
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(headers.get('cache-control')).toMatch(/max-age=\d+/);
    const host = new URL(veche.url).host;
    expect(events.map((event) => event.uid).sort()).toEqual(
      [
        `${plenarySittingId}@${host}`,
        `${pastSittingId}@${host}`,
        `${committeeSittingId}@${host}`,
      ].sort(),
    );
    expect(events.some((event) => event.uid.startsWith(draftSittingId))).toBe(false);
    expect(events.some((event) => event.uid.startsWith(b.sittingId))).toBe(false);

    const publicView = await new TestClient(veche.url).get<{
      startsAt: string;
      place: string;
      numberRoman: string;
      bodyName: string;
      title: string;
    }>(`/api/public/sittings/${plenarySittingId}`);
    const sitting = publicView.body;
    const plenary = events.find((event) => event.uid.startsWith(plenarySittingId))!;
    expect(plenary.start.toISOString()).toBe(new Date(sitting.startsAt).toISOString());
    expect(plenary.end.getTime() - plenary.start.getTime()).toBe(3 * 3_600_000);
    expect(plenary.location).toBe(sitting.place);
    expect(plenary.summary).toBe(
      `${sitting.numberRoman} sesja — ${DEMO_COUNCIL_NAME}: ${sitting.title}`,
    );
    expect(plenary.url).toBe(`${veche.url}/public/sittings/${plenarySittingId}`);

    const committee = events.find((event) => event.uid.startsWith(committeeSittingId))!;
    expect(committee.start.toISOString()).toBe(COMMITTEE_START.toISOString());
    expect(committee.summary).toBe(
      'I sesja — Komisja Budżetu i Finansów: Opinia do projektu budżetu',
    );
    expect(committee.location).toBeNull();
    // A remote sitting: how to follow it is in the description; the councillors' own meeting
    // room is not published.
    expect(committee.description).toContain('Transmisja: https://stream.example.pl/komisja');
    expect(committee.description).not.toContain('secret-room');
  });

  it('gives a body’s feed only that body’s sittings', async () => {
    const committee = await feed(`/api/public/bodies/${committeeId}/calendar.ics`);
    expect(committee.events.map((event) => event.uid.split('@')[0])).toEqual([committeeSittingId]);
    const plenary = await feed(`/api/public/bodies/${plenaryId}/calendar.ics`);
    expect(plenary.events.map((event) => event.uid.split('@')[0]).sort()).toEqual(
      [plenarySittingId, pastSittingId].sort(),
    );
  });

  it('names the other council’s sittings in its own language, and answers 404 for unknown ids', async () => {
    const bFeed = await feed(`/api/public/councils/${b.councilId}/calendar.ics`);
    expect(bFeed.events).toHaveLength(1);
    expect(bFeed.events[0]!.summary).toBe(`I заседание — ${b.councilName}: Редовно заседание`);

    const client = new TestClient(veche.url);
    for (const path of [
      `/api/public/councils/${randomUUID()}/calendar.ics`,
      `/api/public/bodies/${randomUUID()}/calendar.ics`,
    ]) {
      const answer = await client.get(path);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ error: { code: 'not_found' } });
    }
    const malformed = await client.get('/api/public/councils/rada/calendar.ics');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      error: { code: 'validation_failed', field: 'councilId' },
    });
  });
});
