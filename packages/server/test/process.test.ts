import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestClient } from './support/http-client.js';
import { LiveClient } from './support/live-client.js';
import { newDataDir, runVecheToExit, startVeche } from './support/server-process.js';
import {
  createTestPostgresDatabase,
  probePostgres,
  TEST_POSTGRES_URL,
} from './support/test-databases.js';

const COUNCILLOR = { email: 'anna.nowak@wierzbow.example', password: 'veche-demo' };

/** Every file below a folder with its size and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = statSync(full);
        out[full] = `${String(stat.size)}:${String(stat.mtimeMs)}`;
      }
    }
  };
  walk(dir);
  return out;
}

describe('the server process on the embedded database', () => {
  it('refuses a second server on the same data folder at once, touching nothing', async () => {
    const first = await startVeche();
    const client = new TestClient(first.url);
    expect((await client.post('/api/auth/login', COUNCILLOR)).status).toBe(200);
    const before = snapshot(first.dataDir);

    const second = await runVecheToExit({ dataDir: first.dataDir });
    expect(second.code).toBe(3);
    expect(second.output).toContain('Another Veche server');
    expect(second.output).toContain(first.dataDir);
    expect(second.output).toContain(`process ${String(first.process.pid)}`);
    expect(second.elapsedMs).toBeLessThan(5_000);
    expect(snapshot(first.dataDir)).toEqual(before);
    expect((await client.get('/api/me')).status).toBe(200);
    await first.stop();
  });

  it('keeps its data and sessions across a restart, and releases the lock when stopped', async () => {
    const first = await startVeche();
    const client = new TestClient(first.url);
    await client.post('/api/auth/login', COUNCILLOR);
    await client.put('/api/me/preferences', { language: 'bg' });
    const lockFile = join(first.dataDir, 'veche.lock');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: first.process.pid });
    expect(await first.stop({ keepData: true })).toBe(0);
    expect(existsSync(lockFile)).toBe(false);

    const again = await startVeche({ dataDir: first.dataDir });
    expect(again.logs()).not.toContain('created the demo council');
    const resumed = new TestClient(again.url);
    const me = await resumed.request<{ language: string }>('GET', '/api/me', undefined, {
      cookie: client.sessionCookie!,
    });
    expect(me.status).toBe(200);
    expect(me.body.language).toBe('bg');
    await again.stop();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = newDataDir();
    // A pid far above the kernel's default pid_max: certainly not running.
    writeFileSync(join(dataDir, 'veche.lock'), JSON.stringify({ pid: 4_194_999, startTime: '1' }));
    const server = await startVeche({ dataDir });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await server.stop();
  });

  it('finishes a request in flight when asked to stop, closes its connection and exits cleanly', async () => {
    const server = await startVeche();
    const body = JSON.stringify(COUNCILLOR);
    const agent = new Agent({ keepAlive: true });
    const { hostname, port } = new URL(server.url);
    const started = Date.now();
    const response = new Promise<{ status: number; connection: string | undefined }>(
      (resolve, reject) => {
        const req = request(
          {
            agent,
            hostname,
            port,
            method: 'POST',
            path: '/api/auth/login',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
            );
          },
        );
        req.on('error', reject);
        // Half the body now; the rest only once the server has begun to stop.
        req.write(body.slice(0, 10));
        void (async () => {
          await expect
            .poll(() => server.logs().includes('"url":"/api/auth/login"'), { timeout: 5_000 })
            .toBe(true);
          server.process.kill('SIGTERM');
          await expect
            .poll(() => server.logs().includes('stopping'), { timeout: 5_000 })
            .toBe(true);
          req.end(body.slice(10));
        })();
      },
    );
    expect(await response).toEqual({ status: 200, connection: 'close' });
    expect(await server.exited(), server.logs()).toBe(0);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(server.logs()).toContain('"msg":"stopped"');
    expect(existsSync(join(server.dataDir, 'veche.lock'))).toBe(false);
    agent.destroy();
  });

  it('closes live sockets with "going away" when asked to stop, and still exits cleanly', async () => {
    const server = await startVeche();
    const sockets = await Promise.all([
      LiveClient.connect(server.url),
      LiveClient.connect(server.url),
    ]);
    const started = Date.now();
    server.process.kill('SIGTERM');
    expect(await server.exited(), server.logs()).toBe(0);
    // Well inside the 10 s stop deadline, which used to run out while sockets were open.
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const socket of sockets) {
      await expect.poll(() => socket.closeCode, { timeout: 2_000 }).toBe(1001);
    }
    expect(server.logs()).toContain('"msg":"stopped"');
    expect(existsSync(join(server.dataDir, 'veche.lock'))).toBe(false);
  });

  it('with DEMO=off creates no demo council and prints no demo logins', async () => {
    const server = await startVeche({ env: { DEMO: 'off' } });
    expect(server.logs()).not.toContain('veche-demo');
    const client = new TestClient(server.url);
    expect((await client.post('/api/auth/login', COUNCILLOR)).status).toBe(401);
    await server.stop();
  });

  it('prints the URL and the demo logins on start', async () => {
    const server = await startVeche();
    await server.stop();
    expect(server.logs()).toMatch(/Veche is running at http:\/\/127\.0\.0\.1:\d+/);
    expect(server.logs()).toMatch(
      /Public portal \(no sign-in\): http:\/\/127\.0\.0\.1:\d+\/portal/,
    );
    expect(server.logs()).toContain('veche-demo');
    for (const email of ['anna.nowak@wierzbow.example', 'biuro.rady@wierzbow.example']) {
      expect(server.logs()).toContain(email);
    }
  });

  it('refuses a bad configuration, naming the variable and the reason', async () => {
    const result = await runVecheToExit({ env: { PORT: 'eighty', DEMO: 'sometimes' } });
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/PORT: .*number/i);
    expect(result.output).toMatch(/DEMO: .*"auto"/);
  });
});

const probe = await probePostgres();
const required = process.env.CI === 'true';
if (!probe.available && !required) {
  console.warn(
    `\n*** SKIPPED: server on PostgreSQL: ${TEST_POSTGRES_URL} did not answer (${probe.reason}).\n`,
  );
}

describe.skipIf(!probe.available && !required)('the server process on PostgreSQL', () => {
  it('migrates an empty database, never adds the demo unless asked, and adds it with DEMO=on', async () => {
    if (!probe.available) throw new Error(`PostgreSQL is unreachable: ${probe.reason}`);
    const database = await createTestPostgresDatabase();
    try {
      const plain = await startVeche({ env: { DATABASE_URL: database.url } });
      expect(await (await fetch(`${plain.url}/health`)).json()).toEqual({
        status: 'ok',
        database: 'postgres',
      });
      expect((await new TestClient(plain.url).post('/api/auth/login', COUNCILLOR)).status).toBe(
        401,
      );
      expect(plain.logs()).not.toContain('veche-demo');
      expect(existsSync(join(plain.dataDir, 'pgdata'))).toBe(false);
      await plain.stop();

      const demo = await startVeche({ env: { DATABASE_URL: database.url, DEMO: 'on' } });
      expect((await new TestClient(demo.url).post('/api/auth/login', COUNCILLOR)).status).toBe(200);
      await demo.stop();
    } finally {
      await database.drop();
    }
  });
});
