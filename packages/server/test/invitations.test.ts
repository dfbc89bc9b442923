import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  councilAccountSchema,
  councilAccountsResponseSchema,
  currentUserSchema,
  type CouncilAccount,
} from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_COUNCILLORS,
  DEMO_COUNCIL_NAME,
  DEMO_LOGINS,
  DEMO_PASSWORD,
} from '../src/demo/demo-council.js';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { createRepositories } from '../src/storage/repositories.js';
import { TestClient } from './support/http-client.js';
import { LiveClient } from './support/live-client.js';
import { linksIn, parseMail } from './support/mail-message.js';
import { addBulgarianCouncil, type SecondCouncil } from './support/second-council.js';
import { startVeche, type RunningVeche } from './support/server-process.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from './support/smtp-capture.js';

/*
 * Accounts invited by e-mail: a council administrator invites a person, the e-mail reaches a
 * real SMTP server in this process, the person follows its link, sets a password and is signed
 * in. Two councils on one server (the demo council A and a Bulgarian council B, whose operator
 * is made its administrator), so that each administrator is seen to reach only their own.
 */

const ADMIN = DEMO_LOGINS.find((login) => login.role === 'council administrator')!.email;
const OPERATOR = DEMO_LOGINS.find((login) => login.role === 'operator')!.email;
const NEW_PASSWORD = 'correct horse battery staple';
const SET_PASSWORD = /\/set-password\/([A-Za-z0-9_-]{43})$/;

let smtp: SmtpCapture;
let veche: RunningVeche;
let dataDir: string;
let b: SecondCouncil;
let councilId: string;
/** A person of council A with no account, written before the server starts. */
let personId: string;

async function signedIn(email: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const client = new TestClient(veche.url);
  const answer = await client.post('/api/auth/login', { email, password });
  expect(answer.status).toBe(200);
  return client;
}

function invite(client: TestClient, body: unknown, council = councilId) {
  return client.post(`/api/councils/${council}/invitations`, body);
}

async function accounts(client: TestClient, council = councilId): Promise<CouncilAccount[]> {
  const answer = await client.get(`/api/councils/${council}/users`);
  expect(answer.status).toBe(200);
  return councilAccountsResponseSchema.parse(answer.body).users;
}

function mailTo(email: string, after = 0): Promise<CapturedMail> {
  return smtp.waitFor(
    (mail) => mail.envelopeTo.includes(email) && smtp.messages.indexOf(mail) >= after,
  );
}

/** The token of the one set-password link in a message, checked to be the same in both parts. */
function tokenOf(mail: CapturedMail): string {
  const links = linksIn(mail.text ?? '').filter((link) => SET_PASSWORD.test(link));
  expect(links).toHaveLength(1);
  expect(links[0]!.startsWith(`${veche.url}/set-password/`)).toBe(true);
  expect(mail.html).toContain(`href="${links[0]!}"`);
  return SET_PASSWORD.exec(links[0]!)![1]!;
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  // Many sign-ins from one address in a minute: the limit is not what this file tests.
  const env = { SMTP_URL: smtp.url, LOGIN_RATE_LIMIT: '1000' };
  // First start: the demo council on a fresh folder; then council B and a person beside it.
  const first = await startVeche({ env });
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
    const bOperator = (await repos.users.findByEmail(b.operatorEmail))!;
    await repos.users.grantRole(b.councilId, bOperator.id, 'council_admin');
    const council = (await repos.councils.list()).find((c) => c.name === DEMO_COUNCIL_NAME)!;
    councilId = council.id;
    personId = (await repos.persons.create({ councilId, givenName: 'Ewa', familyName: 'Lis' })).id;
  } finally {
    await database.close();
  }
  veche = await startVeche({ env, dataDir });
});

afterAll(async () => {
  await veche?.stop();
  await smtp?.close();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('an invitation by e-mail', () => {
  it('reaches the person in their language, and its link sets the password and signs in', async () => {
    const admin = await signedIn(ADMIN);
    const email = 'ewa.lis@example.org';
    const before = Date.now();
    const answer = await invite(admin, {
      email: ' Ewa.Lis@Example.org ',
      displayName: 'Ewa Lis',
      language: 'sr-Cyrl',
      roles: ['councillor'],
      personId,
    });
    expect(answer.status).toBe(201);
    const account = councilAccountSchema.parse(answer.body);
    expect(account).toMatchObject({ email, status: 'invited', roles: ['councillor'], personId });
    const ttl = new Date(account.invitationExpiresAt!).getTime() - before;
    expect(ttl).toBeGreaterThan(168 * 3_600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(168 * 3_600_000 + 60_000);

    const mail = await mailTo(email);
    expect(mail.envelopeTo).toEqual([email]);
    expect(mail.to).toContain(email);
    expect(mail.from).toBe('Veche <no-reply@veche.invalid>');
    // In the invitee's language (Serbian, Cyrillic), not the council's.
    expect(mail.subject).toBe(`Позив у Veche – ${DEMO_COUNCIL_NAME}`);
    expect(mail.text).toContain('Добар дан, Ewa Lis,');
    expect(mail.text).toContain('Administrator Rady Вас позива у Veche');
    expect(mail.text).toMatch(/Веза важи до .*\d{2}:\d{2}/);
    const token = tokenOf(mail);

    // Not usable before the password is set: the same refusal as a wrong password.
    const early = await new TestClient(veche.url).post('/api/auth/login', {
      email,
      password: NEW_PASSWORD,
    });
    expect(early.status).toBe(401);

    const person = new TestClient(veche.url);
    const tooShort = await person.post('/api/auth/set-password', { token, password: 'short' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body).toMatchObject({
      error: { code: 'validation_failed', field: 'password' },
    });
    const tooLong = await person.post('/api/auth/set-password', {
      token,
      password: 'x'.repeat(257),
    });
    expect(tooLong.body).toMatchObject({ error: { field: 'password' } });

    const set = await person.post('/api/auth/set-password', { token, password: NEW_PASSWORD });
    expect(set.status).toBe(200);
    expect(person.sessionCookie).toBeDefined();
    const me = currentUserSchema.parse((await person.get('/api/me')).body);
    expect(me).toMatchObject({ email, displayName: 'Ewa Lis', language: 'sr-Cyrl' });
    expect(me.councils).toEqual([
      { councilId, councilName: DEMO_COUNCIL_NAME, roles: ['councillor'] },
    ]);
    await signedIn(email, NEW_PASSWORD);

    // The link is spent.
    const again = await new TestClient(veche.url).post('/api/auth/set-password', {
      token,
      password: 'another long password',
    });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ error: { code: 'link_invalid' } });
    const listed = (await accounts(admin)).find((entry) => entry.email === email);
    expect(listed).toMatchObject({ status: 'active', invitationExpiresAt: null });
  });

  it('sends a new link when invited again, and refuses an address or person already taken', async () => {
    const admin = await signedIn(ADMIN);
    const email = 'piotr.wrobel@example.org';
    const request = { email, displayName: 'Piotr Wróbel', language: 'en', roles: ['operator'] };
    const from = smtp.messages.length;
    expect((await invite(admin, request)).status).toBe(201);
    const first = tokenOf(await mailTo(email, from));
    const second = await invite(admin, { ...request, roles: ['operator', 'chair'] });
    expect(second.status).toBe(201);
    expect(councilAccountSchema.parse(second.body).roles.sort()).toEqual(['chair', 'operator']);
    const secondMail = await mailTo(email, smtp.messages.length - 1);
    expect(secondMail.subject).toBe(`Your invitation to Veche – ${DEMO_COUNCIL_NAME}`);
    const latest = tokenOf(secondMail);
    expect(latest).not.toBe(first);
    expect(
      (await accounts(admin)).filter((entry) => entry.email === email).map((e) => e.status),
    ).toEqual(['invited']);

    const person = new TestClient(veche.url);
    const old = await person.post('/api/auth/set-password', {
      token: first,
      password: NEW_PASSWORD,
    });
    expect(old.body).toMatchObject({ error: { code: 'link_invalid' } });
    const fresh = await person.post('/api/auth/set-password', {
      token: latest,
      password: NEW_PASSWORD,
    });
    expect(fresh.status).toBe(200);

    // Now active: inviting the address again is refused, as is any active account's.
    for (const taken of [email, DEMO_COUNCILLORS[1]!.email]) {
      const refused = await invite(admin, { ...request, email: taken });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ error: { code: 'email_taken', field: 'email' } });
    }
  });

  it('names the bad field and writes nothing', async () => {
    const admin = await signedIn(ADMIN);
    const valid = {
      email: 'nobody.yet@example.org',
      displayName: 'Nobody Yet',
      language: 'pl',
      roles: ['councillor'],
    };
    const before = await accounts(admin);
    const mailsBefore = smtp.messages.length;
    const cases: [unknown, number, string, string][] = [
      [{ ...valid, email: 'not an address' }, 400, 'validation_failed', 'email'],
      [{ ...valid, displayName: '  ' }, 400, 'validation_failed', 'displayName'],
      [{ ...valid, language: 'de' }, 400, 'validation_failed', 'language'],
      [{ ...valid, roles: [] }, 400, 'validation_failed', 'roles'],
      [{ ...valid, roles: ['mayor'] }, 400, 'validation_failed', 'roles.0'],
      [{ ...valid, roles: ['chair', 'chair'] }, 400, 'validation_failed', 'roles'],
      [{ ...valid, personId: 'ewa' }, 400, 'validation_failed', 'personId'],
      // A person of council B is no person of council A.
      [{ ...valid, personId: b.memberIds[0] }, 422, 'unknown_person', 'personId'],
      // The person invited in the first test has an account.
      [{ ...valid, personId }, 409, 'person_has_account', 'personId'],
    ];
    for (const [body, status, code, field] of cases) {
      const answer = await invite(admin, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body, JSON.stringify(body)).toMatchObject({ error: { code, field } });
    }
    expect(await accounts(admin)).toEqual(before);
    expect(smtp.messages.length).toBe(mailsBefore);
  });

  it('is for the council’s administrators only; another council’s see nothing', async () => {
    const admin = await signedIn(ADMIN);
    const target = (await accounts(admin)).find((entry) => entry.email === OPERATOR)!;
    const valid = { email: 'x@example.org', displayName: 'X', language: 'pl', roles: ['chair'] };
    const operator = await signedIn(OPERATOR);
    expect((await invite(operator, valid)).status).toBe(403);
    expect((await operator.get(`/api/councils/${councilId}/users`)).status).toBe(403);
    const byOperator = await operator.post(
      `/api/councils/${councilId}/users/${target.id}/deactivate`,
    );
    expect(byOperator.status).toBe(403);
    expect(byOperator.body).toMatchObject({ error: { code: 'forbidden' } });

    const stranger = await signedIn(b.operatorEmail, b.password);
    for (const answer of [
      await invite(stranger, valid),
      await stranger.get(`/api/councils/${councilId}/users`),
      await stranger.post(`/api/councils/${councilId}/users/${target.id}/deactivate`),
      // Nor through their own council's address: the account is not theirs.
      await stranger.post(`/api/councils/${b.councilId}/users/${target.id}/deactivate`),
    ]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ error: { code: 'not_found' } });
    }
    const own = await accounts(stranger, b.councilId);
    expect(own.map((entry) => entry.email).sort()).toEqual(
      [b.councillorEmail, b.operatorEmail].sort(),
    );
    expect((await accounts(admin)).find((entry) => entry.id === target.id)?.status).toBe('active');

    const anonymous = new TestClient(veche.url);
    expect((await invite(anonymous, valid)).status).toBe(401);
    expect((await anonymous.get(`/api/councils/${councilId}/users`)).status).toBe(401);
  });

  it('deactivation ends the sign-ins at once and refuses new ones; reactivation restores', async () => {
    const admin = await signedIn(ADMIN);
    const councillor = DEMO_COUNCILLORS[3]!;
    const target = (await accounts(admin)).find((entry) => entry.email === councillor.email)!;
    const self = (await accounts(admin)).find((entry) => entry.email === ADMIN)!;
    const refused = await admin.post(`/api/councils/${councilId}/users/${self.id}/deactivate`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: 'cannot_deactivate_self' } });

    const phone = await signedIn(councillor.email);
    const socket = await LiveClient.connect(veche.url, {
      cookie: phone.sessionCookie!,
      origin: veche.url,
    });
    // Subscribed, so the connection holds its sign-in: deactivation must still end it.
    const upcoming = await phone.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming');
    socket.send({ type: 'subscribe', sittingId: upcoming.body.sittings[0]!.id, afterSeq: 0 });
    await socket.next((message) => message.type === 'snapshot');
    const off = await admin.post(`/api/councils/${councilId}/users/${target.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(councilAccountSchema.parse(off.body)).toMatchObject({ status: 'deactivated' });
    await expect(socket.next(() => false, 5_000)).rejects.toThrow(/socket closed \(4001\)/);
    expect((await phone.get('/api/me')).status).toBe(401);
    const login = await new TestClient(veche.url).post('/api/auth/login', {
      email: councillor.email,
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(401);
    expect((await accounts(admin)).find((entry) => entry.id === target.id)).toMatchObject({
      status: 'deactivated',
    });

    const on = await admin.post(`/api/councils/${councilId}/users/${target.id}/reactivate`);
    expect(on.status).toBe(200);
    expect(councilAccountSchema.parse(on.body)).toMatchObject({
      status: 'active',
      deactivatedAt: null,
    });
    await signedIn(councillor.email);
  });
});

describe('without an SMTP server', () => {
  let local: RunningVeche;

  beforeAll(async () => {
    // An invitation link that lasts about a second, to see one expire.
    local = await startVeche({ env: { INVITATION_TTL_HOURS: '0.0003' } });
  });
  afterAll(async () => {
    await local?.stop();
  });

  it('writes the message to the outbox folder; its link expires', async () => {
    const admin = new TestClient(local.url);
    await admin.post('/api/auth/login', { email: ADMIN, password: DEMO_PASSWORD });
    const me = currentUserSchema.parse((await admin.get('/api/me')).body);
    const council = me.councils[0]!.councilId;
    const email = 'marta.kos@example.org';
    const answer = await admin.post(`/api/councils/${council}/invitations`, {
      email,
      displayName: 'Marta Kos',
      language: 'pl',
      roles: ['councillor'],
    });
    expect(answer.status).toBe(201);

    const outbox = join(local.dataDir, 'outbox');
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-[0-9a-f]{8}\.eml$/);
    const mail = parseMail(readFileSync(join(outbox, files[0]!)));
    expect(mail.to).toBe(email);
    expect(mail.subject).toBe(`Zaproszenie do systemu Veche – ${DEMO_COUNCIL_NAME}`);
    const link = linksIn(mail.text ?? '').find((found) => SET_PASSWORD.test(found))!;
    expect(link.startsWith(`${local.url}/set-password/`)).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const late = await new TestClient(local.url).post('/api/auth/set-password', {
      token: SET_PASSWORD.exec(link)![1],
      password: NEW_PASSWORD,
    });
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ error: { code: 'link_invalid' } });
  });
});

describe('with an SMTP server that cannot be reached', () => {
  let local: RunningVeche;

  beforeAll(async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    local = await startVeche({ env: { SMTP_URL: `smtp://127.0.0.1:${String(port)}` } });
  });
  afterAll(async () => {
    await local?.stop();
  });

  it('says the e-mail was not sent, and keeps the invited account for another try', async () => {
    const admin = new TestClient(local.url);
    await admin.post('/api/auth/login', { email: ADMIN, password: DEMO_PASSWORD });
    const me = currentUserSchema.parse((await admin.get('/api/me')).body);
    const council = me.councils[0]!.councilId;
    const answer = await admin.post(`/api/councils/${council}/invitations`, {
      email: 'jan.nowy@example.org',
      displayName: 'Jan Nowy',
      language: 'pl',
      roles: ['councillor'],
    });
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ error: { code: 'mail_failed' } });
    // The log line may reach the output a moment after the answer.
    await expect.poll(() => local.logs()).toContain('invitation_mail_failed');
    const listed = councilAccountsResponseSchema.parse(
      (await admin.get(`/api/councils/${council}/users`)).body,
    );
    expect(listed.users.find((user) => user.email === 'jan.nowy@example.org')?.status).toBe(
      'invited',
    );
  });
});
