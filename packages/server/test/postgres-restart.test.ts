import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';
import {
  createTestPostgresDatabase,
  probePostgres,
  TEST_POSTGRES_URL,
} from './support/test-databases.js';

/*
 * Restarts the machine's PostgreSQL, so this runs alone in the last tier (`faults`), after every
 * other tier that uses PostgreSQL. It needs the local cluster's control command (root, as on the
 * CI machines); elsewhere it is skipped, loudly.
 */
function cluster(action: 'stop' | 'start'): void {
  const version = readdirSync('/etc/postgresql')[0]!;
  execFileSync(
    'pg_ctlcluster',
    [
      '--skip-systemctl-redirect',
      version,
      'main',
      action,
      ...(action === 'stop' ? ['-m', 'fast'] : []),
    ],
    {
      stdio: 'pipe',
    },
  );
}

function canControlCluster(): boolean {
  try {
    execFileSync('pg_lsclusters', [], { stdio: 'pipe' });
    return readdirSync('/etc/postgresql').length > 0 && process.getuid?.() === 0;
  } catch {
    return false;
  }
}

const probe = await probePostgres();
const possible = probe.available && canControlCluster();
const required = process.env.CI === 'true';
if (!possible && !required) {
  console.warn(
    `\n*** SKIPPED: PostgreSQL restart under a running server: needs ${TEST_POSTGRES_URL} and root control of its cluster (pg_ctlcluster).\n`,
  );
}

describe.skipIf(!possible && !required)('PostgreSQL restarted under a running server', () => {
  let server: RunningVeche | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await server?.stop();
    await drop?.();
  });

  it('fails commands with a clear error while it is down, then recovers by itself with nothing lost', async () => {
    if (!possible) throw new Error('PostgreSQL and control of its cluster are required here');
    const database = await createTestPostgresDatabase();
    drop = () => database.drop();
    server = await startVeche({ env: { DATABASE_URL: database.url, DEMO: 'on' } });
    const operator = new TestClient(server.url);
    expect(
      (
        await operator.post('/api/auth/login', {
          email: 'biuro.rady@wierzbow.example',
          password: DEMO_PASSWORD,
        })
      ).status,
    ).toBe(200);
    const sittingId = (await operator.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming'))
      .body.sittings[0]!.id;
    const send = (command: Record<string, unknown>, commandId = randomUUID()) =>
      operator.post(`/api/sittings/${sittingId}/commands`, { commandId, command });
    expect((await send({ type: 'sitting.open' })).status).toBe(200);

    cluster('stop');
    let restarted = false;
    try {
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(503);
      const refusedId = randomUUID();
      const refused = await send(
        { type: 'quorum.start', checkId: 'pg-check', durationMs: 60_000 },
        refusedId,
      );
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ error: { code: 'unavailable' } });
      cluster('start');
      restarted = true;

      await expect
        .poll(async () => (await fetch(`${server!.url}/health`)).status, {
          timeout: 30_000,
          interval: 500,
        })
        .toBe(200);
      // The same command, retried with the same id, now acts (nothing was recorded while down).
      const retried = await send(
        { type: 'quorum.start', checkId: 'pg-check', durationMs: 60_000 },
        refusedId,
      );
      expect(retried.status, JSON.stringify(retried.body)).toBe(200);
      expect(retried.body).toMatchObject({ replayed: false, seq: 2 });
      const log = await operator.get<{ events: { seq: number }[] }>(
        `/api/sittings/${sittingId}/events`,
      );
      expect(log.body.events.map((event) => event.seq)).toEqual([1, 2]);
    } finally {
      if (!restarted) cluster('start');
    }
  });
});
