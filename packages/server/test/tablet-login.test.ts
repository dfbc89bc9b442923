import { tabletLinkSchema, tabletLoginSchema } from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * Signing a tablet in with the QR code the operator shows: POST /api/sittings/:id/tablet-links
 * issues a one-time code for a member, POST /api/auth/tablet redeems it. Against the running
 * server with the demo council.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const ANNA = DEMO_COUNCILLORS[1]!; // [0] is the chair

interface StateView {
  state: { setup: { members: { id: string; name: string }[] } };
}

let veche: RunningVeche;
let operator: TestClient;
let sittingId: string;
let annaId: string;

async function signedIn(email: string): Promise<TestClient> {
  const client = new TestClient(veche.url);
  expect((await client.post('/api/auth/login', { email, password: DEMO_PASSWORD })).status).toBe(
    200,
  );
  return client;
}

async function issue(client: TestClient, memberId: string) {
  return client.post(`/api/sittings/${sittingId}/tablet-links`, { memberId });
}

beforeAll(async () => {
  veche = await startVeche();
  operator = await signedIn(OPERATOR);
  const upcoming = await operator.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming');
  sittingId = upcoming.body.sittings[0]!.id;
  const view = await operator.get<StateView>(`/api/sittings/${sittingId}/state`);
  annaId = view.body.state.setup.members.find((member) => member.name === ANNA.name)!.id;
});

afterAll(async () => {
  await veche?.stop();
});

describe('a tablet signed in by a QR code', () => {
  it('signs the tablet in as the member, once, and says which sitting to open', async () => {
    const issued = await issue(operator, annaId);
    expect(issued.status).toBe(200);
    const link = tabletLinkSchema.parse(issued.body);
    expect(link.memberName).toBe(ANNA.name);
    const expiresIn = new Date(link.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(60_000);
    expect(expiresIn).toBeLessThanOrEqual(120_000);

    const tablet = new TestClient(veche.url);
    const redeemed = await tablet.post('/api/auth/tablet', { token: link.token });
    expect(redeemed.status).toBe(200);
    const login = tabletLoginSchema.parse(redeemed.body);
    expect(login.sittingId).toBe(sittingId);
    expect(login.user.email).toBe(ANNA.email);
    expect(tablet.sessionCookie).toBeDefined();
    const me = await tablet.get<{ email: string }>('/api/me');
    expect(me.body.email).toBe(ANNA.email);
    // She is a member of the sitting on the tablet: her own state view says so.
    const state = await tablet.get(`/api/sittings/${sittingId}/state`);
    expect(state.status).toBe(200);

    // The same code a second time, from another tablet: refused, and no session.
    const second = new TestClient(veche.url);
    const again = await second.post('/api/auth/tablet', { token: link.token });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ error: { code: 'link_invalid' } });
    expect(second.sessionCookie).toBeUndefined();
    expect((await second.get('/api/me')).status).toBe(401);
  });

  it('lets exactly one of two tablets racing with the same code in', async () => {
    const link = tabletLinkSchema.parse((await issue(operator, annaId)).body);
    const tablets = [new TestClient(veche.url), new TestClient(veche.url)];
    const answers = await Promise.all(
      tablets.map((tablet) => tablet.post('/api/auth/tablet', { token: link.token })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  it('refuses a code that never existed, or a malformed one, naming the field', async () => {
    const tablet = new TestClient(veche.url);
    const unknown = await tablet.post('/api/auth/tablet', { token: 'x'.repeat(43) });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ error: { code: 'link_invalid' } });
    const malformed = await tablet.post('/api/auth/tablet', { token: 'short' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 'validation_failed', field: 'token' } });
  });

  it('issues codes only to those who conduct the sitting, only for its members', async () => {
    const councillor = await signedIn(ANNA.email);
    const byCouncillor = await issue(councillor, annaId);
    expect(byCouncillor.status).toBe(403);
    expect(byCouncillor.body).toMatchObject({ error: { code: 'forbidden' } });

    const stranger = await issue(operator, '00000000-0000-4000-8000-000000000000');
    expect(stranger.status).toBe(422);
    expect(stranger.body).toMatchObject({ error: { code: 'not_a_member', field: 'memberId' } });

    const badId = await issue(operator, 'anna');
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ error: { code: 'validation_failed', field: 'memberId' } });

    const signedOut = await new TestClient(veche.url).post(
      `/api/sittings/${sittingId}/tablet-links`,
      { memberId: annaId },
    );
    expect(signedOut.status).toBe(401);
  });

  it('refuses a code from another site', async () => {
    const link = tabletLinkSchema.parse((await issue(operator, annaId)).body);
    const tablet = new TestClient(veche.url);
    const forged = await tablet.post(
      '/api/auth/tablet',
      { token: link.token },
      { origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    // Refused before it was used: the code still works from the right place.
    const real = await tablet.post(
      '/api/auth/tablet',
      { token: link.token },
      { origin: veche.url },
    );
    expect(real.status).toBe(200);
  });
});
