import {
  currentUserSchema,
  recoveryCodesSchema,
  secondFactorChallengeSchema,
  secondFactorSetupSchema,
  secondFactorStatusSchema,
  type SecondFactorStatus,
} from '@veche/protocol';
import { Secret, TOTP, URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient, type JsonResponse } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * The TOTP second factor against the running server with the demo council: enrolment, the code
 * step of a sign-in, replays, recovery codes, the challenge's limits, turning it off. Codes are
 * computed here with otpauth from the secret the server hands out, as a phone's app would.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const ADMIN = 'admin@wierzbow.example';
const CHAIR = DEMO_COUNCILLORS[0]!.email;
const ANNA = DEMO_COUNCILLORS[1]!.email; // a councillor, not staff
const RECOVERY_CODE = /^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/;

let veche: RunningVeche;

function totpOf(secret: string): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

/** The code of the step `steps` from now: the next step's code is still accepted (window ±1). */
function codeAt(totp: TOTP, steps = 0): string {
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

/** A well-formed code that is not the current one (nor one step either side). */
function wrongCode(totp: TOTP): string {
  const near = new Set([-1, 0, 1].map((steps) => codeAt(totp, steps)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

async function passwordStep(email: string, client = new TestClient(veche.url)) {
  const answer = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
  return { client, answer };
}

async function signedIn(email: string): Promise<TestClient> {
  const { client, answer } = await passwordStep(email);
  expect(answer.status).toBe(200);
  expect(client.sessionCookie).toBeDefined();
  return client;
}

/** The password step for an account with the factor on: a challenge, and no cookie. */
async function challengeFor(email: string, client = new TestClient(veche.url)) {
  const { answer } = await passwordStep(email, client);
  expect(answer.status).toBe(200);
  expect(client.sessionCookie).toBeUndefined();
  return { client, challenge: secondFactorChallengeSchema.parse(answer.body).challenge };
}

function codeStep(client: TestClient, challenge: string, code: string) {
  return client.post('/api/auth/login/second-factor', { challenge, code });
}

async function statusOf(client: TestClient): Promise<SecondFactorStatus> {
  const answer = await client.get('/api/me/second-factor');
  expect(answer.status).toBe(200);
  return secondFactorStatusSchema.parse(answer.body);
}

function errorOf(answer: JsonResponse): { code: string; field?: string; facts?: unknown } {
  return (answer.body as { error: { code: string; field?: string } }).error;
}

beforeAll(async () => {
  veche = await startVeche({ env: { LOGIN_RATE_LIMIT: '1000' } });
});

afterAll(async () => {
  await veche?.stop();
});

describe('a user without a second factor', () => {
  it('signs in as before, and /api/me says whether one is expected of them', async () => {
    const { client, answer } = await passwordStep(ANNA);
    expect(answer.status).toBe(200);
    const anna = currentUserSchema.parse(answer.body);
    expect(anna.email).toBe(ANNA);
    expect(client.sessionCookie).toBeDefined();
    expect(anna).toMatchObject({ secondFactorEnabled: false, secondFactorRecommended: false });

    for (const staff of [OPERATOR, ADMIN, CHAIR]) {
      const me = await (await signedIn(staff)).get('/api/me');
      expect(me.body, staff).toMatchObject({
        secondFactorEnabled: false,
        secondFactorRecommended: true,
      });
    }
    expect(await statusOf(client)).toEqual({
      enabled: false,
      pending: false,
      staff: false,
      recoveryCodesLeft: 0,
    });
  });

  it('may set one up as a councillor, though nobody asks them to', async () => {
    const anna = await signedIn(ANNA);
    const setup = await anna.post('/api/me/second-factor/setup');
    expect(setup.status).toBe(200);
    expect(await statusOf(anna)).toMatchObject({ enabled: false, pending: true, staff: false });
    // Pending is not on: the password alone still signs her in.
    const { client } = await passwordStep(ANNA);
    expect(client.sessionCookie).toBeDefined();
  });

  it('cannot reach any of it signed out', async () => {
    const anonymous = new TestClient(veche.url);
    expect((await anonymous.get('/api/me/second-factor')).status).toBe(401);
    expect((await anonymous.post('/api/me/second-factor/setup')).status).toBe(401);
    const confirm = await anonymous.post('/api/me/second-factor/confirm', { code: '123456' });
    expect(confirm.status).toBe(401);
    expect(
      (await anonymous.request('DELETE', '/api/me/second-factor', { code: '123456' })).status,
    ).toBe(401);
  });
});

describe('the operator with a second factor', () => {
  let operator: TestClient;
  let totp: TOTP;
  let recoveryCodes: string[];
  let confirmCode: string;

  it('sets it up: a secret and its otpauth address, pending until confirmed', async () => {
    operator = await signedIn(OPERATOR);
    const answer = await operator.post('/api/me/second-factor/setup');
    expect(answer.status).toBe(200);
    const setup = secondFactorSetupSchema.parse(answer.body);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    const parsed = URI.parse(setup.uri);
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe('Veche');
    expect(parsed.label).toBe(OPERATOR);
    expect(parsed.secret.base32).toBe(setup.secret);
    totp = totpOf(setup.secret);
    expect(await statusOf(operator)).toMatchObject({ enabled: false, pending: true, staff: true });
  });

  it('refuses bad input and wrong codes by name, and stays pending', async () => {
    const malformed = await operator.post('/api/me/second-factor/confirm', { code: '12ab' });
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed)).toMatchObject({ code: 'validation_failed', field: 'code' });
    const missing = await operator.post('/api/me/second-factor/confirm', {});
    expect(errorOf(missing)).toMatchObject({ code: 'validation_failed', field: 'code' });
    const wrong = await operator.post('/api/me/second-factor/confirm', { code: wrongCode(totp) });
    expect(wrong.status).toBe(422);
    expect(errorOf(wrong)).toMatchObject({ code: 'code_invalid', field: 'code' });
    expect(await statusOf(operator)).toMatchObject({ enabled: false, pending: true });
    // Nothing is asked at sign-in yet.
    expect((await passwordStep(OPERATOR)).client.sessionCookie).toBeDefined();
  });

  it('turns on with a current code and hands out ten recovery codes once', async () => {
    confirmCode = codeAt(totp);
    const answer = await operator.post('/api/me/second-factor/confirm', { code: confirmCode });
    expect(answer.status).toBe(200);
    recoveryCodes = recoveryCodesSchema.parse(answer.body).recoveryCodes;
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(RECOVERY_CODE);
    expect(await statusOf(operator)).toEqual({
      enabled: true,
      pending: false,
      staff: true,
      recoveryCodesLeft: 10,
    });
    expect((await operator.get('/api/me')).body).toMatchObject({
      secondFactorEnabled: true,
      secondFactorRecommended: false,
    });
    const again = await operator.post('/api/me/second-factor/setup');
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('second_factor_enabled');
    const reconfirm = await operator.post('/api/me/second-factor/confirm', { code: codeAt(totp) });
    expect(errorOf(reconfirm).code).toBe('second_factor_enabled');
  });

  it('then asks for a code after the password, and the password alone opens nothing', async () => {
    const { client, challenge } = await challengeFor(OPERATOR);
    expect((await client.get('/api/me')).status).toBe(401);
    expect(challenge.length).toBeGreaterThanOrEqual(40);

    const wrong = await codeStep(client, challenge, wrongCode(totp));
    expect(wrong.status).toBe(401);
    expect(errorOf(wrong)).toMatchObject({
      code: 'code_invalid',
      field: 'code',
      facts: { attemptsLeft: 4 },
    });
    expect(client.sessionCookie).toBeUndefined();

    // The code that confirmed the setup was used: its step is spent.
    const replayed = await codeStep(client, challenge, confirmCode);
    expect(errorOf(replayed).code).toBe('code_invalid');

    const next = codeAt(totp, 1);
    const right = await codeStep(client, challenge, next);
    expect(right.status).toBe(200);
    // The same answer as a password sign-in: the user, and the session cookie.
    expect(currentUserSchema.parse(right.body).email).toBe(OPERATOR);
    expect(client.sessionCookie).toBeDefined();
    expect(((await client.get('/api/me')).body as { email: string }).email).toBe(OPERATOR);

    // The challenge worked once; the same code in a fresh challenge is a replay.
    expect(errorOf(await codeStep(client, challenge, next)).code).toBe('challenge_invalid');
    const fresh = await challengeFor(OPERATOR);
    const replay = await codeStep(fresh.client, fresh.challenge, next);
    expect(errorOf(replay).code).toBe('code_invalid');
    expect(fresh.client.sessionCookie).toBeUndefined();
  });

  it('takes a recovery code once, written any which way, and not twice', async () => {
    const first = await challengeFor(OPERATOR);
    const used = await codeStep(first.client, first.challenge, recoveryCodes[0]!);
    expect(used.status).toBe(200);
    expect(first.client.sessionCookie).toBeDefined();

    const second = await challengeFor(OPERATOR);
    const again = await codeStep(second.client, second.challenge, recoveryCodes[0]!);
    expect(errorOf(again).code).toBe('code_invalid');
    const typed = recoveryCodes[1]!.toUpperCase().replaceAll('-', ' ');
    expect((await codeStep(second.client, second.challenge, typed)).status).toBe(200);
    expect(await statusOf(operator)).toMatchObject({ recoveryCodesLeft: 8 });
  });

  it('voids a challenge after five wrong codes, spending nothing', async () => {
    const { client, challenge } = await challengeFor(OPERATOR);
    for (let left = 4; left >= 1; left--) {
      const wrong = await codeStep(client, challenge, wrongCode(totp));
      expect(errorOf(wrong)).toMatchObject({ code: 'code_invalid', facts: { attemptsLeft: left } });
    }
    expect(errorOf(await codeStep(client, challenge, 'aaaa-bbbb-cccc-dddd')).code).toBe(
      'challenge_invalid',
    );
    const late = await codeStep(client, challenge, recoveryCodes[2]!);
    expect(late.status).toBe(401);
    expect(errorOf(late).code).toBe('challenge_invalid');
    expect(client.sessionCookie).toBeUndefined();
    // The recovery code offered to the void challenge is still good.
    expect(await statusOf(operator)).toMatchObject({ recoveryCodesLeft: 8 });
  });

  it('names bad input of the code step and refuses an unknown challenge', async () => {
    const client = new TestClient(veche.url);
    const short = await codeStep(client, 'short', '123456');
    expect(short.status).toBe(400);
    expect(errorOf(short)).toMatchObject({ code: 'validation_failed', field: 'challenge' });
    const { challenge } = await challengeFor(OPERATOR, client);
    const badCode = await codeStep(client, challenge, '12<>34');
    expect(errorOf(badCode)).toMatchObject({ code: 'validation_failed', field: 'code' });
    // A malformed code does not count against the challenge: it still takes five wrong codes.
    const wrong = await codeStep(client, challenge, wrongCode(totp));
    expect(errorOf(wrong)).toMatchObject({ facts: { attemptsLeft: 4 } });
    const unknown = await codeStep(client, 'x'.repeat(43), '123456');
    expect(unknown.status).toBe(401);
    expect(errorOf(unknown).code).toBe('challenge_invalid');
  });

  it('replaces the recovery codes only with a valid code; the old ones stop working', async () => {
    const wrong = await operator.post('/api/me/second-factor/recovery-codes', {
      code: 'zzzz-zzzz-zzzz-zzzz',
    });
    expect(wrong.status).toBe(422);
    expect(errorOf(wrong)).toMatchObject({ code: 'code_invalid', field: 'code' });
    expect(await statusOf(operator)).toMatchObject({ recoveryCodesLeft: 8 });

    const renewed = await operator.post('/api/me/second-factor/recovery-codes', {
      code: recoveryCodes[2],
    });
    expect(renewed.status).toBe(200);
    const fresh = recoveryCodesSchema.parse(renewed.body).recoveryCodes;
    expect(fresh.filter((code) => recoveryCodes.includes(code))).toEqual([]);
    expect(await statusOf(operator)).toMatchObject({ recoveryCodesLeft: 10 });

    const old = await challengeFor(OPERATOR);
    expect(errorOf(await codeStep(old.client, old.challenge, recoveryCodes[3]!)).code).toBe(
      'code_invalid',
    );
    recoveryCodes = fresh;
  });

  it('turns off only with a valid code, and then the password alone signs in again', async () => {
    const missing = await operator.request('DELETE', '/api/me/second-factor', {});
    expect(missing.status).toBe(400);
    expect(errorOf(missing)).toMatchObject({ code: 'validation_failed', field: 'code' });
    const wrong = await operator.request('DELETE', '/api/me/second-factor', {
      code: wrongCode(totp),
    });
    expect(wrong.status).toBe(422);
    expect(errorOf(wrong)).toMatchObject({ code: 'code_invalid', field: 'code' });
    expect(await statusOf(operator)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    const off = await operator.request('DELETE', '/api/me/second-factor', {
      code: recoveryCodes[0],
    });
    expect(off.status).toBe(204);
    expect(await statusOf(operator)).toEqual({
      enabled: false,
      pending: false,
      staff: true,
      recoveryCodesLeft: 0,
    });
    const { client, answer } = await passwordStep(OPERATOR);
    expect(currentUserSchema.parse(answer.body)).toMatchObject({
      email: OPERATOR,
      secondFactorEnabled: false,
      secondFactorRecommended: true,
    });
    expect(client.sessionCookie).toBeDefined();

    const again = await operator.request('DELETE', '/api/me/second-factor', { code: '123456' });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('second_factor_required');
    const renew = await operator.post('/api/me/second-factor/recovery-codes', { code: '123456' });
    expect(errorOf(renew).code).toBe('second_factor_required');
  });
});

describe('wrong codes and the sign-in limit', () => {
  let limited: RunningVeche;

  beforeAll(async () => {
    // Three attempts per account; each request comes from its own address, so only the limit
    // per account can bite.
    limited = await startVeche({ env: { LOGIN_RATE_LIMIT: '3', TRUST_PROXY: 'true' } });
  });

  afterAll(async () => {
    await limited?.stop();
  });

  it('counts wrong codes against the account, and then refuses even a right one', async () => {
    let address = 0;
    const from = () => ({ 'x-forwarded-for': `203.0.113.${String(++address)}` });
    const chair = new TestClient(limited.url);
    await chair.post('/api/auth/login', { email: CHAIR, password: DEMO_PASSWORD }, from());
    const setup = secondFactorSetupSchema.parse(
      (await chair.post('/api/me/second-factor/setup', undefined, from())).body,
    );
    const totp = totpOf(setup.secret);
    const confirm = await chair.post(
      '/api/me/second-factor/confirm',
      { code: codeAt(totp) },
      from(),
    );
    expect(confirm.status).toBe(200);
    const { recoveryCodes } = recoveryCodesSchema.parse(confirm.body);

    // Each password attempt counts (as it always did): the enrolling one and this one, and one
    // wrong code fills the three.
    const client = new TestClient(limited.url);
    const login = await client.post(
      '/api/auth/login',
      { email: CHAIR, password: DEMO_PASSWORD },
      from(),
    );
    const { challenge } = secondFactorChallengeSchema.parse(login.body);
    const wrong = await client.post(
      '/api/auth/login/second-factor',
      { challenge, code: wrongCode(totp) },
      from(),
    );
    expect(errorOf(wrong)).toMatchObject({ code: 'code_invalid', facts: { attemptsLeft: 4 } });
    const blocked = await client.post(
      '/api/auth/login/second-factor',
      { challenge, code: recoveryCodes[0] },
      from(),
    );
    expect(blocked.status).toBe(429);
    expect(errorOf(blocked)).toMatchObject({ code: 'rate_limited' });
    expect(client.sessionCookie).toBeUndefined();
    // The refused attempt spent nothing: the recovery code is still there.
    const status = secondFactorStatusSchema.parse((await chair.get('/api/me/second-factor')).body);
    expect(status.recoveryCodesLeft).toBe(10);
  });
});
