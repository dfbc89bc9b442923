import { sittingRecordSchema } from '@veche/protocol';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * The verifiable record over HTTP and `npx veche verify`: the demo's closed sitting verifies from
 * its address and from a saved copy; a copy with one byte changed does not, and the command names
 * the event.
 */

const REPOSITORY = fileURLToPath(new URL('../../..', import.meta.url));
let veche: RunningVeche;
let folder: string;
let pastSittingId: string;
let upcomingSittingId: string;

/** `npx veche ...` from the repository, as the README tells people to run it. */
function veche_(...args: string[]) {
  const result = spawnSync('npx', ['--no-install', 'veche', ...args], {
    cwd: REPOSITORY,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  veche = await startVeche();
  folder = mkdtempSync(join(tmpdir(), 'veche-record-'));
  const client = new TestClient(veche.url);
  const login = await client.post('/api/auth/login', {
    email: 'biuro.rady@wierzbow.example',
    password: 'veche-demo',
  });
  expect(login.status).toBe(200);
  const calendar = await client.get<string>(
    `/api/public/councils/${await councilId(client)}/calendar.ics`,
  );
  const ids = [...calendar.body.matchAll(/UID:([0-9a-f-]{36})@/g)].map((match) => match[1]!);
  for (const id of ids) {
    const record = await client.get<{ sitting: { status: string } }>(
      `/api/public/sittings/${id}/record.json`,
    );
    if (record.body.sitting.status === 'closed') pastSittingId = id;
    else upcomingSittingId = id;
  }
});

async function councilId(client: TestClient): Promise<string> {
  const upcoming = await client.get<{ sittings: { councilId: string }[] }>(
    '/api/sittings/upcoming',
  );
  return upcoming.body.sittings[0]!.councilId;
}

afterAll(async () => {
  await veche?.stop();
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

describe('the verifiable record of a sitting', () => {
  it('is public, readable from any origin, and in the documented shape', async () => {
    const answer = await new TestClient(veche.url).get<unknown>(
      `/api/public/sittings/${pastSittingId}/record.json`,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const record = sittingRecordSchema.parse(answer.body);
    expect(record.sitting.numberRoman).toBe('XXIII');
    expect(record.head?.seq).toBe(record.events.length);

    // A sitting whose log has not started has an empty record; unknown ids and bad ids do not.
    const upcoming = await new TestClient(veche.url).get<{ events: unknown[]; head: unknown }>(
      `/api/public/sittings/${upcomingSittingId}/record.json`,
    );
    expect(upcoming.body).toMatchObject({ events: [], head: null });
    const unknown = await new TestClient(veche.url).get(
      `/api/public/sittings/${randomUUID()}/record.json`,
    );
    expect(unknown.status).toBe(404);
    const bad = await new TestClient(veche.url).get('/api/public/sittings/12/record.json');
    expect(bad.status).toBe(400);
  });

  it('verifies with npx veche from its address and from a saved copy, and not with one byte changed', async () => {
    const url = `${veche.url}/api/public/sittings/${pastSittingId}/record.json`;
    const fromUrl = veche_('verify', url);
    expect(fromUrl.stdout).toContain(`verified: sitting ${pastSittingId}`);
    expect(fromUrl.stdout).toContain(
      '5 sealed votes match their digests: 4 named, 0 open, 1 secret',
    );
    expect(fromUrl.code).toBe(0);

    const text = await (await fetch(url)).text();
    const copy = join(folder, 'record.json');
    writeFileSync(copy, text);
    expect(veche_('verify', copy).code).toBe(0);

    // The budget vote's "against" count, 2, made 3.
    const record = sittingRecordSchema.parse(JSON.parse(text));
    const close = record.events.find(
      (event) =>
        event.type === 'vote.closed' &&
        (event.payload as { voteId: string }).voteId === 'demo-vote-budget',
    )!;
    const needle = Buffer.from(`"against":2`);
    const bytes = Buffer.from(text);
    const at = bytes.indexOf(needle, bytes.indexOf(`"seq":${String(close.seq)},`));
    expect(at).toBeGreaterThan(0);
    bytes[at + needle.length - 1] = '3'.charCodeAt(0);
    const altered = join(folder, 'altered.json');
    writeFileSync(altered, bytes);
    const refused = veche_('verify', altered);
    expect(refused.code).toBe(1);
    // (npx may print warnings of its own to stderr.)
    expect(refused.stderr).toContain(
      `NOT VERIFIED at event ${String(close.seq)} (vote.closed): hash does not match the content\n`,
    );

    const unreadable = veche_('verify', join(folder, 'missing.json'));
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('Could not read');
    expect(veche_().code).toBe(2);
  });
});
