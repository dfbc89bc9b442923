import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { publicSittingSchema } from '@veche/protocol';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { createRepositories } from '../src/storage/repositories.js';
import { sittings } from '../src/storage/schema.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * GET /api/public/sittings/:id without a sign-in: the demo sitting (given a stream), a draft
 * beside it (not found, as an unknown id is), and a sitting whose stream address is not a web
 * address (never handed out to be embedded).
 */

interface Seeded {
  readonly convenedId: string;
  readonly draftId: string;
  readonly badStreamId: string;
}

const STREAM = 'https://www.youtube.com/embed/live_stream?channel=UC-test';

async function seed(dataDir: string): Promise<Seeded> {
  const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
  try {
    const repos = createRepositories({
      db: database.db,
      clock: () => new Date(),
      newId: randomUUID,
    });
    const [demo] = await database.db.select().from(sittings).limit(1);
    if (demo === undefined) throw new Error('the demo sitting is missing');
    await database.db.update(sittings).set({ streamUrl: STREAM }).where(eq(sittings.id, demo.id));
    const base = {
      councilId: demo.councilId,
      bodyId: demo.bodyId,
      termId: demo.termId,
      kind: 'ordinary' as const,
      mode: 'hall' as const,
      startsAt: new Date(Date.now() + 14 * 86_400_000),
    };
    const draft = await repos.sittings.create({
      ...base,
      title: 'Szkic',
      status: 'draft',
      streamUrl: STREAM,
    });
    const badStream = await repos.sittings.create({
      ...base,
      title: 'Zły strumień',
      status: 'convened',
      streamUrl: 'javascript:alert(1)',
    });
    return { convenedId: demo.id, draftId: draft.id, badStreamId: badStream.id };
  } finally {
    await database.close();
  }
}

describe('the public summary of a sitting', () => {
  let server: RunningVeche;
  let seeded: Seeded;
  let dataDir: string;
  beforeAll(async () => {
    const first = await startVeche();
    dataDir = first.dataDir;
    await first.stop({ keepData: true });
    seeded = await seed(dataDir);
    server = await startVeche({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers without a sign-in with names, number, time, place, mode, status and stream', async () => {
    const response = await fetch(`${server.url}/api/public/sittings/${seeded.convenedId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    const sitting = publicSittingSchema.parse(await response.json());
    expect(sitting).toMatchObject({
      id: seeded.convenedId,
      councilName: 'Rada Miejska w Wierzbowie',
      mode: 'hybrid',
      status: 'convened',
      streamUrl: STREAM,
    });
    expect(sitting.numberRoman).toMatch(/^[IVXLCDM]+$/);
    expect(sitting.bodyName.length).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(sitting.startsAt))).toBe(false);
  });

  it('hides a stream address that is not http(s)', async () => {
    const response = await fetch(`${server.url}/api/public/sittings/${seeded.badStreamId}`);
    expect(response.status).toBe(200);
    expect(publicSittingSchema.parse(await response.json()).streamUrl).toBeNull();
  });

  it('answers a draft exactly as an unknown sitting', async () => {
    const draft = await fetch(`${server.url}/api/public/sittings/${seeded.draftId}`);
    const unknown = await fetch(`${server.url}/api/public/sittings/${randomUUID()}`);
    expect(draft.status).toBe(404);
    expect(unknown.status).toBe(404);
    const body: unknown = await draft.json();
    expect(body).toEqual(await unknown.json());
    expect(body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses an id that is not a UUID', async () => {
    const response = await fetch(`${server.url}/api/public/sittings/not-a-uuid`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
