import { randomUUID } from 'node:crypto';
import type { WireCommand } from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { verifyChain, type PublishedChainedEvent } from '../src/storage/event-chain.js';
import { TestClient, type JsonResponse } from './support/http-client.js';
import { LiveClient, type LiveMessage } from './support/live-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * The sitting chat against the built server: who receives which message over the WebSocket,
 * what the state and the published log show each reader, retries, and bad input.
 */

type Person = 'councillor' | 'colleague' | 'chair' | 'operator' | 'admin';
const EMAILS: Record<Person, string> = {
  // Tomasz Kamiński and the next seat: plain members of the plenary.
  councillor: DEMO_COUNCILLORS[5]!.email,
  colleague: DEMO_COUNCILLORS[6]!.email,
  // Jan Kowalski: chair and member of the plenary.
  chair: DEMO_COUNCILLORS[0]!.email,
  operator: 'biuro.rady@wierzbow.example',
  // Holds a role in the council but sits in no body.
  admin: 'admin@wierzbow.example',
};
const NAMES: Partial<Record<Person, string>> = {
  councillor: DEMO_COUNCILLORS[5]!.name,
  colleague: DEMO_COUNCILLORS[6]!.name,
  chair: DEMO_COUNCILLORS[0]!.name,
};

interface ChatMessageBody {
  messageId: string;
  from: { userId: string; memberId: string | null };
  to: { kind: string; memberId?: string };
  text: string;
  at: number;
}
interface StateBody {
  seq: number;
  state: {
    status: string;
    setup: { members: { id: string; name: string }[] };
    chat: ChatMessageBody[];
  };
}
interface LogEntry {
  seq: number;
  type: string;
  payload: unknown;
  actorUserId: string | null;
  at: string;
  prevHash: string;
  hash: string;
  redacted?: true;
}
interface AcceptedBody {
  replayed: boolean;
  seq: number;
  events: { type: string; [key: string]: unknown }[];
}
interface ErrorBody {
  error: { code: string; field?: string; facts?: Record<string, unknown> };
}

describe('the sitting chat', () => {
  let server: RunningVeche;
  let sittingId: string;
  const http = new Map<Person, TestClient>();
  /** `hall`: the hall display on a computer signed in as the operator, following as the public. */
  const live = new Map<Person | 'public' | 'hall', LiveClient>();
  const memberIds = new Map<Person, string>();

  const client = (person: Person) => http.get(person)!;
  const socket = (person: Person | 'public' | 'hall') => live.get(person)!;
  const memberOf = (person: Person) => memberIds.get(person)!;

  function send<T = AcceptedBody>(
    person: Person,
    command: WireCommand | Record<string, unknown>,
    commandId = randomUUID(),
  ): Promise<JsonResponse<T>> {
    return client(person).post<T>(`/api/sittings/${sittingId}/commands`, { commandId, command });
  }

  async function accepted(person: Person, command: WireCommand): Promise<AcceptedBody> {
    const response = await send(person, command);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  const chat = (messageId: string, text: string, to: 'conductors' | 'members'): WireCommand => ({
    type: 'chat.send',
    messageId,
    text,
    to,
  });

  /** The event message with this seq, once the socket has it. */
  const eventAt = (person: Person | 'public' | 'hall', seq: number): Promise<LiveMessage> =>
    socket(person).next((m) => m.type === 'event' && m['seq'] === seq);

  /** Everything the socket received, as text: a secret must not appear in it anywhere. */
  const everything = (person: Person | 'public' | 'hall') =>
    JSON.stringify(socket(person).messages);

  const stateOf = async (person: Person) =>
    (await client(person).get<StateBody>(`/api/sittings/${sittingId}/state`)).body;
  const logOf = async (person: Person) => {
    const response = await client(person).get<{ events: LogEntry[] }>(
      `/api/sittings/${sittingId}/events`,
    );
    expect(response.status).toBe(200);
    return response.body.events;
  };
  const chained = (events: readonly LogEntry[]): PublishedChainedEvent[] =>
    events.map((e) =>
      e.redacted === true
        ? { ...e, payload: null, actorUserId: null, at: new Date(e.at), redacted: true }
        : { ...e, at: new Date(e.at) },
    );

  beforeAll(async () => {
    server = await startVeche({ env: { LOGIN_RATE_LIMIT: '1000' } });
    for (const person of Object.keys(EMAILS) as Person[]) {
      const signedIn = new TestClient(server.url);
      const login = await signedIn.post('/api/auth/login', {
        email: EMAILS[person],
        password: DEMO_PASSWORD,
      });
      expect(login.status, person).toBe(200);
      http.set(person, signedIn);
    }
    const upcoming = await client('operator').get<{ sittings: { id: string }[] }>(
      '/api/sittings/upcoming',
    );
    sittingId = upcoming.body.sittings[0]!.id;
    const { state } = await stateOf('operator');
    for (const [person, name] of Object.entries(NAMES) as [Person, string][]) {
      const member = state.setup.members.find((m) => m.name === name);
      expect(member, name).toBeDefined();
      memberIds.set(person, member!.id);
    }

    for (const person of ['councillor', 'colleague', 'chair', 'operator', 'public'] as const) {
      const cookie = person === 'public' ? undefined : client(person).sessionCookie;
      const ws = await LiveClient.connect(server.url, cookie === undefined ? {} : { cookie });
      ws.send({ type: 'subscribe', sittingId, afterSeq: 0 });
      await ws.next((m) => m.type === 'snapshot');
      live.set(person, ws);
    }
    const hall = await LiveClient.connect(server.url, {
      cookie: client('operator').sessionCookie!,
    });
    hall.send({ type: 'subscribe', sittingId, afterSeq: 0, as: 'public' });
    expect(await hall.next((m) => m.type === 'subscribed')).toMatchObject({
      viewer: { kind: 'public', memberId: null },
    });
    await hall.next((m) => m.type === 'snapshot');
    live.set('hall', hall);
  });
  afterAll(async () => {
    await Promise.all([...live.values()].map((ws) => ws.close()));
    await server?.stop();
  });

  it('carries a councillor’s question to the operator and the chair only, even before the sitting opens', async () => {
    expect((await stateOf('operator')).state.status).toBe('convened');
    const text = 'Spóźnię się dziesięć minut (question-1)';
    const sent = await accepted('councillor', chat('msg-q1', text, 'conductors'));
    const seq = sent.seq;
    expect(sent.events).toEqual([
      expect.objectContaining({
        type: 'chat.sent',
        messageId: 'msg-q1',
        from: expect.objectContaining({ memberId: memberOf('councillor') }) as unknown,
        to: { kind: 'conductors' },
        text,
      }),
    ]);

    for (const person of ['operator', 'chair', 'councillor'] as const) {
      expect((await eventAt(person, seq))['event'], person).toMatchObject({
        type: 'chat.sent',
        text,
      });
    }
    // The hall display follows as the public, though the computer is signed in as the operator.
    for (const person of ['colleague', 'public', 'hall'] as const) {
      expect((await eventAt(person, seq))['event'], person).toEqual({
        type: 'chat.sent',
        redacted: true,
      });
      expect(everything(person)).not.toContain('question-1');
    }

    const texts = async (person: Person) => (await stateOf(person)).state.chat.map((m) => m.text);
    expect(await texts('operator')).toEqual([text]);
    expect(await texts('chair')).toEqual([text]);
    expect(await texts('councillor')).toEqual([text]);
    expect(await texts('colleague')).toEqual([]);
    expect(await texts('admin')).toEqual([]);
  });

  it('shows it redacted in the colleague’s copy of the log, which still verifies', async () => {
    const theirs = await logOf('colleague');
    const entry = theirs.find((event) => event.type === 'chat.sent');
    expect(entry).toEqual({
      seq: expect.any(Number) as unknown,
      type: 'chat.sent',
      payload: null,
      actorUserId: null,
      at: expect.any(String) as unknown,
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      redacted: true,
    });
    expect(JSON.stringify(theirs)).not.toContain('question-1');
    expect(verifyChain(sittingId, chained(theirs))).toEqual({
      ok: true,
      count: theirs.length,
      redacted: 1,
    });

    // The sender and the conductors get it whole, with the same hashes.
    for (const person of ['councillor', 'operator'] as const) {
      const whole = await logOf(person);
      expect(whole.find((event) => event.seq === entry!.seq)).toMatchObject({
        payload: { type: 'chat.sent', messageId: 'msg-q1' },
        hash: entry!.hash,
      });
      expect(verifyChain(sittingId, chained(whole))).toEqual({ ok: true, count: whole.length });
    }
  });

  it('carries a message to the members to every member and conductor, not to the public', async () => {
    const text = 'Materiały do punktu 3 są w skrzynkach (to-members-1)';
    const { seq } = await accepted('councillor', chat('msg-m1', text, 'members'));
    for (const person of ['colleague', 'chair', 'operator', 'councillor'] as const) {
      expect((await eventAt(person, seq))['event'], person).toMatchObject({ text });
    }
    expect((await eventAt('public', seq))['event']).toEqual({
      type: 'chat.sent',
      redacted: true,
    });
    expect(everything('public')).not.toContain('to-members-1');
    expect((await stateOf('colleague')).state.chat.map((m) => m.messageId)).toEqual(['msg-m1']);
    // A council user who sits in no body is no member of the sitting.
    expect((await stateOf('admin')).state.chat).toEqual([]);
  });

  it('carries an operator’s private answer, sent over the WebSocket, to that member only', async () => {
    const text = 'Proszę przyjść do biura rady (private-1)';
    const commandId = randomUUID();
    socket('operator').send({
      type: 'command',
      sittingId,
      commandId,
      command: {
        type: 'chat.send',
        messageId: 'msg-p1',
        text,
        to: 'member',
        memberId: memberOf('councillor'),
      },
    });
    const result = await socket('operator').next(
      (m) => m.type === 'command.result' && m['commandId'] === commandId,
    );
    expect(result).toMatchObject({ accepted: true, replayed: false });
    const seq = result['seq'] as number;

    for (const person of ['councillor', 'chair', 'operator'] as const) {
      expect((await eventAt(person, seq))['event'], person).toMatchObject({
        to: { kind: 'member', memberId: memberOf('councillor') },
        text,
      });
    }
    for (const person of ['colleague', 'public'] as const) {
      expect((await eventAt(person, seq))['event'], person).toEqual({
        type: 'chat.sent',
        redacted: true,
      });
      expect(everything(person)).not.toContain('private-1');
    }
    expect((await stateOf('councillor')).state.chat.map((m) => m.messageId)).toEqual([
      'msg-q1',
      'msg-m1',
      'msg-p1',
    ]);
    const colleagueLog = await logOf('colleague');
    expect(verifyChain(sittingId, chained(colleagueLog))).toEqual({
      ok: true,
      count: colleagueLog.length,
      redacted: 2,
    });
  });

  it('replays a resumed subscription from the database, redacted the same way', async () => {
    const resumed = await LiveClient.connect(server.url);
    try {
      resumed.send({ type: 'subscribe', sittingId, afterSeq: 1 });
      const last = (await stateOf('operator')).seq;
      await resumed.next((m) => m.type === 'event' && m['seq'] === last);
      const chatEvents = resumed
        .ofType('event')
        .map((m) => m['event'] as { type: string })
        .filter((event) => event.type === 'chat.sent');
      expect(chatEvents).toEqual([
        { type: 'chat.sent', redacted: true },
        { type: 'chat.sent', redacted: true },
      ]);
    } finally {
      await resumed.close();
    }
  });

  it('acts once on a retried command id, and refuses a message id used before', async () => {
    await accepted('operator', { type: 'sitting.open' });
    const commandId = randomUUID();
    const command = chat('msg-retry', 'Czy jest kworum? (retry-1)', 'conductors');
    const first = await send('colleague', command, commandId);
    const again = await send('colleague', command, commandId);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, seq: first.body.seq });
    const copy = await send<ErrorBody>('colleague', command);
    expect(copy.status).toBe(409);
    expect(copy.body.error).toMatchObject({ code: 'duplicate_id', facts: { id: 'msg-retry' } });

    const log = await logOf('operator');
    const retried = log.filter(
      (event) => (event.payload as { messageId?: string } | null)?.messageId === 'msg-retry',
    );
    expect(retried).toHaveLength(1);
  });

  describe('bad input', () => {
    const cases: [string, Person, Record<string, unknown>, number, string][] = [
      ['empty text', 'councillor', { ...chat('bad-1', ' \n ', 'members') }, 400, 'command.text'],
      [
        'text over 2000 characters',
        'councillor',
        { ...chat('bad-2', 'x'.repeat(2_001), 'members') },
        400,
        'command.text',
      ],
      [
        'a message to one member without memberId',
        'operator',
        { type: 'chat.send', messageId: 'bad-3', text: 'Hello', to: 'member' },
        400,
        'command.memberId',
      ],
      [
        'no message id',
        'councillor',
        { type: 'chat.send', text: 'Hello', to: 'members' },
        400,
        'command.messageId',
      ],
    ];

    it.each(cases)('refuses %s with 400, naming the field, logging nothing', async (...args) => {
      const [, person, command, status, field] = args;
      const before = (await stateOf('operator')).seq;
      const response = await send<ErrorBody>(person, command);
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      expect(response.body.error).toMatchObject({ code: 'validation_failed', field });
      expect((await stateOf('operator')).seq).toBe(before);
    });

    it('refuses a member the sitting does not have, naming it, logging nothing', async () => {
      const before = (await stateOf('operator')).seq;
      const response = await send<ErrorBody>('operator', {
        type: 'chat.send',
        messageId: 'bad-4',
        text: 'Hello',
        to: 'member',
        memberId: 'no-such-member',
      });
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({
        code: 'unknown_member',
        facts: { memberId: 'no-such-member' },
      });
      expect((await stateOf('operator')).seq).toBe(before);
    });

    it('refuses a councillor writing privately to a colleague, and the administrator', async () => {
      const before = (await stateOf('operator')).seq;
      const privately = await send<ErrorBody>('councillor', {
        type: 'chat.send',
        messageId: 'bad-5',
        text: 'Psst',
        to: 'member',
        memberId: memberOf('colleague'),
      });
      expect(privately.status).toBe(403);
      expect(privately.body.error).toMatchObject({
        code: 'forbidden',
        facts: { command: 'chat.send', reason: 'not_conducting' },
      });
      const admin = await send<ErrorBody>('admin', chat('bad-6', 'Hello', 'members'));
      expect(admin.status).toBe(403);
      expect(admin.body.error.facts).toMatchObject({ reason: 'not_a_member' });
      expect((await stateOf('operator')).seq).toBe(before);
    });

    it('refuses the chat once the sitting is closed', async () => {
      await accepted('operator', { type: 'sitting.close' });
      const before = (await stateOf('operator')).seq;
      const late = await send<ErrorBody>('councillor', chat('late-1', 'Dziękuję', 'members'));
      expect(late.status).toBe(409);
      expect(late.body.error).toMatchObject({
        code: 'sitting_not_open',
        facts: { status: 'closed' },
      });
      expect((await stateOf('operator')).seq).toBe(before);
    });
  });
});
