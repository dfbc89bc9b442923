import { currentUserSchema, upcomingSittingsResponseSchema } from '@veche/protocol';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

const COUNCILLOR = { email: 'anna.nowak@wierzbow.example', password: 'veche-demo' };
const LOGIN_LIMIT = 12;

describe('HTTP API of a running server on the embedded database', () => {
  let server: RunningVeche;
  beforeAll(async () => {
    server = await startVeche({ env: { LOGIN_RATE_LIMIT: String(LOGIN_LIMIT) } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reports health, including the database', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'embedded' });
  });

  it('signs a councillor in with an HttpOnly SameSite cookie and knows them afterwards', async () => {
    const client = new TestClient(server.url);
    const login = await client.post('/api/auth/login', {
      ...COUNCILLOR,
      email: ' Anna.Nowak@Wierzbow.example ',
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^veche_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const user = currentUserSchema.parse(login.body);
    expect(user).toMatchObject({
      email: COUNCILLOR.email,
      displayName: 'Anna Nowak',
      language: 'pl',
    });
    expect(user.councils).toEqual([
      expect.objectContaining({ councilName: 'Rada Miejska w Wierzbowie', roles: ['councillor'] }),
    ]);
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(currentUserSchema.parse(me.body).id).toBe(user.id);
  });

  it('signs out: the cookie is cleared and no longer works', async () => {
    const client = new TestClient(server.url);
    await client.post('/api/auth/login', COUNCILLOR);
    const stolen = client.sessionCookie!;
    const logout = await client.post('/api/auth/logout', {});
    expect(logout.status).toBe(204);
    expect(client.sessionCookie).toBeUndefined();
    const replay = await fetch(`${server.url}/api/me`, { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const client = new TestClient(server.url);
    const wrong = await client.post('/api/auth/login', { ...COUNCILLOR, password: 'not-it' });
    const unknown = await client.post('/api/auth/login', {
      email: 'nobody@wierzbow.example',
      password: 'not-it',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({
      error: { code: 'invalid_credentials', message: 'The e-mail or the password is wrong' },
    });
    expect(client.sessionCookie).toBeUndefined();
  });

  it('names every malformed field of a login', async () => {
    const client = new TestClient(server.url);
    const response = await client.post<{ error: { code: string; issues: { field: string }[] } }>(
      '/api/auth/login',
      { email: 'not an e-mail', password: '' },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.issues.map((issue) => issue.field)).toEqual(['email', 'password']);
    const broken = await client.post('/api/auth/login', '{"email":');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ error: { code: 'validation_failed' } });
    const plain = await client.post('/api/auth/login', 'email=a', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
  });

  it('lists the upcoming demo sitting with its numbered agenda, to signed-in users only', async () => {
    const anonymous = await fetch(`${server.url}/api/sittings/upcoming`);
    expect(anonymous.status).toBe(401);
    const client = new TestClient(server.url);
    await client.post('/api/auth/login', COUNCILLOR);
    const response = await client.get('/api/sittings/upcoming');
    expect(response.status).toBe(200);
    const { sittings } = upcomingSittingsResponseSchema.parse(response.body);
    expect(sittings).toHaveLength(1);
    const [sitting] = sittings;
    expect(sitting).toMatchObject({
      number: 24,
      numberRoman: 'XXIV',
      status: 'convened',
      bodyName: 'Rada Miejska w Wierzbowie',
      timeZone: 'Europe/Warsaw',
    });
    expect(sitting!.agenda.map((item) => item.number)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(new Date(sitting!.startsAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('remembers the chosen language and refuses one it does not speak', async () => {
    const client = new TestClient(server.url);
    await client.post('/api/auth/login', {
      email: 'jan.kowalski@wierzbow.example',
      password: 'veche-demo',
    });
    const bad = await client.put('/api/me/preferences', { language: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'validation_failed', field: 'language' } });
    expect((await client.get<{ language: string }>('/api/me')).body.language).toBe('pl');
    const good = await client.put('/api/me/preferences', { language: 'sr-Latn' });
    expect(good.status).toBe(200);
    expect((await client.get<{ language: string }>('/api/me')).body.language).toBe('sr-Latn');
  });

  it('refuses a cookie-authenticated write from another site and changes nothing', async () => {
    const client = new TestClient(server.url);
    await client.post('/api/auth/login', {
      email: 'biuro.rady@wierzbow.example',
      password: 'veche-demo',
    });
    const forged = await client.put(
      '/api/me/preferences',
      { language: 'en' },
      { origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: { code: 'csrf_rejected' } });
    expect((await client.get<{ language: string }>('/api/me')).body.language).toBe('pl');
    const sameSite = await client.put(
      '/api/me/preferences',
      { language: 'en' },
      { origin: server.url },
    );
    expect(sameSite.status).toBe(200);
  });

  it('guards writes whatever the path looks like, and survives a malformed Host', async () => {
    const encoded = await fetch(`${server.url}/%61pi/auth/logout`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(encoded.status).toBe(403);
    const { hostname, port } = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          hostname,
          port,
          method: 'POST',
          path: '/api/auth/logout',
          headers: { host: 'a b', origin: 'http://a b', 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBeLessThan(500);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await fetch(`${server.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  // Last: it uses up this server's login allowance for 127.0.0.1.
  it('rate-limits sign-in attempts, even with the right password', async () => {
    const client = new TestClient(server.url);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < LOGIN_LIMIT + 1; attempt++) {
      statuses.push(
        (await client.post('/api/auth/login', { ...COUNCILLOR, password: 'guess' })).status,
      );
    }
    expect(statuses.at(-1)).toBe(429);
    const limited = await client.post('/api/auth/login', COUNCILLOR);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(client.sessionCookie).toBeUndefined();
  });
});

describe('sign-in limits per account and session renewal', () => {
  let server: RunningVeche;
  beforeAll(async () => {
    // Behind a trusted proxy each attempt may come from another address; a short session.
    server = await startVeche({
      env: { TRUST_PROXY: 'true', LOGIN_RATE_LIMIT: '3', SESSION_TTL_HOURS: '0.002' },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('limits guesses at one account even from ever new addresses', async () => {
    const client = new TestClient(server.url);
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await client.post(
        '/api/auth/login',
        { email: 'jan.kowalski@wierzbow.example', password: 'guess' },
        { 'x-forwarded-for': `198.51.100.${String(attempt)}` },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Another account from a fresh address is not affected.
    const other = await client.post('/api/auth/login', COUNCILLOR, {
      'x-forwarded-for': '198.51.100.99',
    });
    expect(other.status).toBe(200);
  });

  it('sends the cookie again when use extends the session', async () => {
    const client = new TestClient(server.url);
    const login = await client.post('/api/auth/login', COUNCILLOR, {
      'x-forwarded-for': '198.51.100.50',
    });
    expect(login.status).toBe(200);
    const firstExpiry = Date.parse(
      /Expires=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!,
    );
    const early = await client.get('/api/me');
    expect(early.headers.get('set-cookie')).toBeNull();
    // Past half of the 7.2 s lifetime, a request renews it.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const later = await client.get('/api/me');
    expect(later.status).toBe(200);
    const renewed = Date.parse(/Expires=([^;]+)/.exec(later.headers.get('set-cookie') ?? '')![1]!);
    expect(renewed).toBeGreaterThan(firstExpiry);
  });
});
