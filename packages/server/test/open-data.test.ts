import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  apiErrorSchema,
  namedListSchema,
  publicVotesSchema,
  sittingPreparationSchema,
  type NamedList,
  type PublicVote,
} from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient, type JsonResponse } from './support/http-client.js';
import { popoloValidator } from './support/popolo-schemas.js';
import { addBulgarianCouncil, type SecondCouncil } from './support/second-council.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * Open data against the running server and the demo's closed sitting 23 (four named votes, one
 * rejected, and a secret one): the votes with their arithmetic, the named lists as JSON and as
 * CSV read back with csv-parse, Popolo VoteEvents checked against the Popolo schemas, a council's
 * tables, the recording's chapters read back as strict WebVTT; and a Bulgarian council's sitting
 * run here, whose named list is public the moment its vote closes while the sitting goes on.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const ANNA = DEMO_COUNCILLORS[1]!;
const BOM = '\uFEFF';

let veche: RunningVeche;
let dataDir: string;
let bulgarian: SecondCouncil;
let operator: TestClient;
let anna: TestClient;
let publicClient: TestClient;
let councilId: string;
let pastSittingId: string;
let draftSittingId: string;

async function signedIn(email: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const client = new TestClient(veche.url);
  expect((await client.post('/api/auth/login', { email, password })).status).toBe(200);
  return client;
}

const errorOf = (response: JsonResponse) => apiErrorSchema.parse(response.body).error;

/**
 * A CSV file read back strictly, from its bytes (`fetch`'s text would drop the byte order mark):
 * the BOM, CRLF after every record, quotes as RFC 4180 has them, the same number of fields in
 * every record.
 */
async function csvAt(path: string): Promise<{ text: string; header: string[]; rows: string[][] }> {
  const response = await fetch(`${veche.url}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  expect(text.startsWith(BOM)).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const records: string[][] = parse(text, {
    bom: true,
    record_delimiter: '\r\n',
    relax_column_count: false,
    relax_quotes: false,
  });
  const [header, ...rows] = records;
  return { text, header: header!, rows };
}

async function votesOf(sittingId: string): Promise<PublicVote[]> {
  const response = await publicClient.get(`/api/public/sittings/${sittingId}/votes.json`);
  expect(response.status).toBe(200);
  return publicVotesSchema.parse(response.body).votes;
}

async function namedListOf(sittingId: string, voteId: string): Promise<NamedList> {
  const response = await publicClient.get(
    `/api/public/sittings/${sittingId}/votes/${voteId}/list.json`,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return namedListSchema.parse(response.body);
}

interface Cue {
  id: string;
  start: number;
  end: number;
  text: string;
}

/**
 * A WebVTT file read strictly: the `WEBVTT` header and a blank line, then blocks of an
 * identifier, a timing line `HH:MM:SS.mmm --> HH:MM:SS.mmm` and one line of text, each block
 * ended by a blank line; starts in order, each cue ending after it starts.
 */
function parseVtt(text: string): Cue[] {
  expect(text.startsWith('WEBVTT\n\n')).toBe(true);
  const time = (value: string): number => {
    const match = /^(\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(value);
    if (match === null) throw new Error(`not a WebVTT time: ${value}`);
    const [, h, m, s, ms] = match.map(Number) as [number, number, number, number, number];
    return ((h * 60 + m) * 60 + s) * 1000 + ms;
  };
  const body = text.slice('WEBVTT\n\n'.length);
  expect(body.endsWith('\n')).toBe(true);
  const blocks = body.slice(0, -1).split('\n\n');
  const cues = blocks.map((block) => {
    const lines = block.split('\n');
    expect(lines, block).toHaveLength(3);
    const [id, timing, cueText] = lines as [string, string, string];
    expect(id).not.toContain('-->');
    const parts = timing.split(' --> ');
    expect(parts, timing).toHaveLength(2);
    const cue = { id, start: time(parts[0]!), end: time(parts[1]!), text: cueText };
    expect(cue.end, timing).toBeGreaterThan(cue.start);
    expect(cueText.trim()).not.toBe('');
    expect(cueText).not.toContain('-->');
    expect(cueText).not.toMatch(/[<&](?!amp;|lt;|gt;)/);
    return cue;
  });
  for (let index = 1; index < cues.length; index++) {
    expect(cues[index]!.start).toBeGreaterThanOrEqual(cues[index - 1]!.start);
  }
  expect(new Set(cues.map((cue) => cue.id)).size).toBe(cues.length);
  return cues;
}

/** Cues of one kind never overlap one another. */
function expectNoOverlap(cues: readonly Cue[]): void {
  for (let index = 1; index < cues.length; index++) {
    expect(cues[index]!.start).toBeGreaterThanOrEqual(cues[index - 1]!.end);
  }
}

beforeAll(async () => {
  const first = await startVeche();
  dataDir = first.dataDir;
  await first.stop({ keepData: true });
  bulgarian = await addBulgarianCouncil(dataDir);
  veche = await startVeche({ dataDir, env: { LOGIN_RATE_LIMIT: '1000' } });
  publicClient = new TestClient(veche.url);
  operator = await signedIn(OPERATOR);
  anna = await signedIn(ANNA.email);
  const me = await operator.get<{ councils: { councilId: string }[] }>('/api/me');
  councilId = me.body.councils[0]!.councilId;
  const sittings = await publicClient.get<{ sittings: { sitting_id: string; number: number }[] }>(
    `/api/public/councils/${councilId}/open-data/sittings.json`,
  );
  pastSittingId = sittings.body.sittings.find((sitting) => sitting.number === 23)!.sitting_id;
  const options = await operator.get<{ bodies: { id: string; kind: string }[] }>(
    `/api/councils/${councilId}/preparation`,
  );
  const draft = await operator.post<{ id: string }>(`/api/councils/${councilId}/sittings`, {
    bodyId: options.body.bodies.find((body) => body.kind === 'plenary')!.id,
    title: 'Sesja nadzwyczajna (projekt)',
    startsAt: new Date(Date.now() + 20 * 24 * 3600_000).toISOString(),
  });
  expect(draft.status).toBe(201);
  draftSittingId = draft.body.id;
});

afterAll(async () => {
  await veche?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('a sitting’s votes', () => {
  it('lists every closed vote with its rule, counts and the arithmetic of its outcome', async () => {
    const votes = await votesOf(pastSittingId);
    expect(votes.map((vote) => [vote.id, vote.kind, vote.outcome?.passed])).toEqual([
      ['demo-vote-agenda-change', 'named', true],
      ['demo-vote-agenda', 'named', true],
      ['demo-vote-budget', 'named', true],
      ['demo-vote-street', 'named', false],
      ['demo-vote-judges', 'secret', true],
    ]);
    expect(votes.map((vote) => vote.position)).toEqual([1, 2, 3, 4, 5]);
    for (const vote of votes) {
      const counts = vote.counts;
      const cast = (counts['for'] ?? 0) + (counts['against'] ?? 0) + (counts['abstain'] ?? 0);
      expect(cast).toBe(vote.voted);
      expect(vote.entitled + vote.absent).toBe(15);
      const outcome = vote.outcome!;
      expect([outcome.forCount, outcome.againstCount, outcome.abstainCount]).toEqual([
        counts['for'],
        counts['against'],
        counts['abstain'],
      ]);
      // The arithmetic holds: for x den against baseSize x num, as the rule compares.
      const lhs = outcome.forCount * vote.rule.den;
      const rhs = outcome.baseSize * vote.rule.num;
      const met = vote.rule.comparison === 'more_than' ? lhs > rhs : lhs >= rhs;
      expect(outcome.passed).toBe(met && outcome.forCount > outcome.againstCount);
      expect(outcome.required.num / outcome.required.den).toBe(rhs / vote.rule.den);
      expect(outcome.text).toContain(`required ${vote.rule.comparison.replace('_', ' ')}`);
      expect(Date.parse(vote.closedAt)).toBeGreaterThan(Date.parse(vote.openedAt));
    }
    const budget = votes.find((vote) => vote.id === 'demo-vote-budget')!;
    expect(budget).toMatchObject({
      itemNumber: '3',
      itemTitle: 'Projekt uchwały w sprawie zmian w budżecie Gminy Wierzbów na 2026 rok',
      rule: { presetId: 'pl.absolute_valid', base: 'valid', comparison: 'more_than' },
      outcome: { base: 'valid', baseSize: 14, required: { text: '7' }, minimumFor: 8 },
    });
    const street = votes.find((vote) => vote.id === 'demo-vote-street')!;
    expect(street.outcome!.reason).not.toBe('passed');
  });

  it('links named votes to their lists; a secret vote has counts and participation only', async () => {
    const votes = await votesOf(pastSittingId);
    const secret = votes.find((vote) => vote.kind === 'secret')!;
    expect(secret.links).toEqual({
      listJson: null,
      listCsv: null,
      popolo: `/api/public/sittings/${pastSittingId}/votes/demo-vote-judges/popolo.json`,
    });
    for (const vote of votes.filter((candidate) => candidate.kind === 'named')) {
      expect(vote.links.listCsv).toBe(
        `/api/public/sittings/${pastSittingId}/votes/${vote.id}/list.csv`,
      );
      expect((await publicClient.get(vote.links.listJson!)).status).toBe(200);
    }
    // No member's id anywhere near the secret vote: not in its record, list or VoteEvent.
    const memberIds = (await namedListOf(pastSittingId, 'demo-vote-budget')).ballots.map(
      (ballot) => ballot.memberId,
    );
    const popolo = await publicClient.get(secret.links.popolo);
    for (const text of [JSON.stringify(secret), JSON.stringify(popolo.body)]) {
      for (const memberId of memberIds) expect(text).not.toContain(memberId);
    }
    for (const file of ['list.json', 'list.csv']) {
      const answer = await publicClient.get(
        `/api/public/sittings/${pastSittingId}/votes/demo-vote-judges/${file}`,
      );
      expect(answer.status).toBe(404);
      expect(errorOf(answer).code).toBe('not_found');
    }
  });
});

describe('named vote lists', () => {
  it('give every member once, the counts equal to the vote’s, the absent as absent', async () => {
    const votes = await votesOf(pastSittingId);
    for (const vote of votes.filter((candidate) => candidate.kind === 'named')) {
      const list = await namedListOf(pastSittingId, vote.id);
      expect(list.vote).toEqual(vote);
      expect(list.ballots).toHaveLength(15);
      expect(new Set(list.ballots.map((ballot) => ballot.memberId)).size).toBe(15);
      const tally = (choice: string) =>
        list.ballots.filter((ballot) => ballot.choice === choice).length;
      expect({ for: tally('for'), against: tally('against'), abstain: tally('abstain') }).toEqual(
        vote.counts,
      );
      expect(tally('absent')).toBe(vote.absent);
      expect(tally('not_voting')).toBe(vote.entitled - vote.voted);
      expect(list.ballots.every((ballot) => !ballot.enteredByOperator)).toBe(true);
    }
    const street = await namedListOf(pastSittingId, 'demo-vote-street');
    expect(street.ballots.filter((ballot) => ballot.choice === 'absent')).toHaveLength(2);
  });

  it('read back from CSV exactly as the JSON has them, Polish letters intact', async () => {
    for (const voteId of ['demo-vote-agenda-change', 'demo-vote-budget', 'demo-vote-street']) {
      const list = await namedListOf(pastSittingId, voteId);
      const { header, rows } = await csvAt(
        `/api/public/sittings/${pastSittingId}/votes/${voteId}/list.csv`,
      );
      expect(header).toEqual(['memberId', 'name', 'choice', 'enteredByOperator']);
      expect(rows).toEqual(
        list.ballots.map((ballot) => [
          ballot.memberId,
          ballot.name,
          ballot.choice,
          ballot.enteredByOperator ? 'yes' : 'no',
        ]),
      );
    }
    const { text } = await csvAt(
      `/api/public/sittings/${pastSittingId}/votes/demo-vote-budget/list.csv`,
    );
    expect(text).toContain('Ewa Dąbrowska');
    expect(text).toContain('Katarzyna Wiśniewska');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('Popolo', () => {
  const validator = popoloValidator();

  it('has a validator that refuses what the schemas refuse', () => {
    const voteEvent = validator('vote_event');
    expect(voteEvent({ counts: [{ option: 'yes', value: 3 }] })).toBe(true);
    expect(voteEvent({ counts: [{ option: 'yes' }] })).toBe(false);
    expect(voteEvent({ start_date: 'yesterday' })).toBe(false);
    expect(voteEvent({ legislative_session: { start_date: '2026-10-27T09:00:00.000Z' } })).toBe(
      false,
    );
    expect(voteEvent({ motion: { vote_events: [{ counts: [{ value: 1 }] }] } })).toBe(false);
    expect(voteEvent({ sources: [{ note: 'no address' }] })).toBe(false);
  });

  it('publishes every vote of the sitting as a valid VoteEvent, each member’s vote when named', async () => {
    const votes = await votesOf(pastSittingId);
    const all = await publicClient.get<{ vote_events: Record<string, unknown>[] }>(
      `/api/public/sittings/${pastSittingId}/popolo.json`,
    );
    expect(all.status).toBe(200);
    expect(all.body.vote_events).toHaveLength(votes.length);
    const voteEvent = validator('vote_event');
    for (const [index, vote] of votes.entries()) {
      const one = await publicClient.get<Record<string, unknown>>(vote.links.popolo);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(all.body.vote_events[index]);
      expect(voteEvent(one.body), JSON.stringify(voteEvent.errors)).toBe(true);
      const event = one.body as {
        identifier: string;
        result: string;
        start_date: string;
        end_date: string;
        motion: { text: string; organization: { name: string }; result: string };
        counts: { option: string; value: number }[];
        votes?: { voter_id: string; option: string }[];
      };
      expect(event.identifier).toBe(vote.id);
      expect(event.motion.text).toBe(vote.subject);
      expect(event.motion.organization.name).toBe('Rada Miejska w Wierzbowie');
      expect(event.result).toBe(vote.outcome!.passed ? 'pass' : 'fail');
      expect(event.motion.result).toBe(event.result);
      expect(Date.parse(event.start_date)).toBe(
        Math.floor(Date.parse(vote.openedAt) / 1000) * 1000,
      );
      expect(Date.parse(event.end_date)).toBe(Math.floor(Date.parse(vote.closedAt) / 1000) * 1000);
      const count = (option: string) => event.counts.find((c) => c.option === option)?.value;
      expect([count('yes'), count('no'), count('abstain'), count('absent')]).toEqual([
        vote.counts['for'],
        vote.counts['against'],
        vote.counts['abstain'],
        vote.absent,
      ]);
      expect(count('not voting')).toBe(vote.entitled - vote.voted);
      if (vote.kind === 'named') {
        const list = await namedListOf(pastSittingId, vote.id);
        const option = { for: 'yes', against: 'no', abstain: 'abstain', absent: 'absent' };
        expect(event.votes!.map((v) => [v.voter_id, v.option])).toEqual(
          list.ballots.map((b) => [b.memberId, option[b.choice as keyof typeof option]]),
        );
        for (const c of event.counts) {
          expect(event.votes!.filter((v) => v.option === c.option)).toHaveLength(c.value);
        }
      } else expect(event.votes).toBeUndefined();
    }
  });
});

describe('a council’s open data', () => {
  const TABLES = {
    sittings: 'sittings',
    'agenda-items': 'agendaItems',
    votes: 'votes',
    ballots: 'ballots',
  } as const;

  it('gives each table as CSV and JSON with the same rows and a stable column order', async () => {
    for (const [name, key] of Object.entries(TABLES)) {
      const json = await publicClient.get<Record<string, Record<string, unknown>[]>>(
        `/api/public/councils/${councilId}/open-data/${name}.json`,
      );
      expect(json.status).toBe(200);
      expect(json.body['councilId']).toBe(councilId);
      const objects = json.body[key]!;
      expect(objects.length).toBeGreaterThan(0);
      const { header, rows } = await csvAt(
        `/api/public/councils/${councilId}/open-data/${name}.csv`,
      );
      expect(header).toEqual(Object.keys(objects[0]!));
      const asCsv = (value: unknown) =>
        value === null
          ? ''
          : typeof value === 'boolean'
            ? value
              ? 'yes'
              : 'no'
            : typeof value === 'number'
              ? String(value)
              : (value as string);
      expect(rows).toEqual(objects.map((object) => header.map((column) => asCsv(object[column]))));
    }
  });

  it('holds the past sitting’s agenda, votes and named ballots, never a secret choice or a draft', async () => {
    const get = async <T>(name: string) =>
      (
        await publicClient.get<Record<string, T[]>>(
          `/api/public/councils/${councilId}/open-data/${name}.json`,
        )
      ).body;
    const sittings = (await get<{ sitting_id: string; status: string }>('sittings')).sittings!;
    expect(sittings.map((sitting) => sitting.sitting_id)).not.toContain(draftSittingId);
    expect(sittings.find((sitting) => sitting.sitting_id === pastSittingId)!.status).toBe('closed');
    const items = (await get<{ sitting_id: string; title: string }>('agenda-items')).agendaItems!;
    const pastItems = items.filter((item) => item.sitting_id === pastSittingId);
    expect(pastItems).toHaveLength(8);
    expect(pastItems.map((item) => item.title)).toContain(
      'Informacja Burmistrza o pracy między sesjami',
    );
    expect(items.map((item) => item.sitting_id)).not.toContain(draftSittingId);
    const votes = (await get<{ sitting_id: string; vote_id: string; passed: boolean }>('votes'))
      .votes!;
    expect(votes.filter((vote) => vote.sitting_id === pastSittingId)).toHaveLength(5);
    const ballots = (await get<{ vote_id: string; choice: string }>('ballots')).ballots!;
    expect(ballots).toHaveLength(4 * 15);
    expect(ballots.map((ballot) => ballot.vote_id)).not.toContain('demo-vote-judges');
  });
});

describe('refusals', () => {
  it('answers 404 for drafts and unknown sittings, 400 naming the bad field', async () => {
    for (const sittingId of [draftSittingId, randomUUID()]) {
      for (const path of [
        `/api/public/sittings/${sittingId}/votes.json`,
        `/api/public/sittings/${sittingId}/popolo.json`,
        `/api/public/sittings/${sittingId}/chapters.vtt`,
        `/api/public/sittings/${sittingId}/votes/demo-vote-budget/list.json`,
        `/api/public/sittings/${sittingId}/votes/demo-vote-budget/list.csv`,
        `/api/public/sittings/${sittingId}/votes/demo-vote-budget/popolo.json`,
      ]) {
        const answer = await publicClient.get(path);
        expect(answer.status, path).toBe(404);
        expect(errorOf(answer).code).toBe('not_found');
      }
    }
    const unknownVote = await publicClient.get(
      `/api/public/sittings/${pastSittingId}/votes/no-such-vote/popolo.json`,
    );
    expect(unknownVote.status).toBe(404);
    expect(
      (await publicClient.get(`/api/public/councils/${randomUUID()}/open-data/votes.csv`)).status,
    ).toBe(404);
    const bad: [string, string][] = [
      ['/api/public/sittings/23/votes.json', 'sittingId'],
      ['/api/public/sittings/23/popolo.json', 'sittingId'],
      ['/api/public/sittings/23/chapters.vtt', 'sittingId'],
      [`/api/public/sittings/${pastSittingId}/votes/no%20such/list.csv`, 'voteId'],
      [`/api/public/sittings/${pastSittingId}/votes/${'x'.repeat(65)}/list.json`, 'voteId'],
      ['/api/public/councils/wierzbow/open-data/votes.csv', 'councilId'],
      [`/api/public/councils/${councilId}/open-data/members.csv`, 'file'],
      [`/api/public/councils/${councilId}/open-data/votes.xml`, 'file'],
    ];
    for (const [path, field] of bad) {
      const answer = await publicClient.get(path);
      expect(answer.status, path).toBe(400);
      expect(errorOf(answer)).toMatchObject({ code: 'validation_failed', field });
    }
  });
});

describe('the recording and its chapters', () => {
  const recordingOf = async (sittingId: string) => {
    const view = sittingPreparationSchema.parse(
      (await operator.get(`/api/sittings/${sittingId}/preparation`)).body,
    );
    return { recordingUrl: view.recordingUrl, recordingStartedAt: view.recordingStartedAt };
  };

  it('has no chapters until the office sets a recording; bad input names the field and changes nothing', async () => {
    const chapters = await publicClient.get(`/api/public/sittings/${pastSittingId}/chapters.vtt`);
    expect(chapters.status).toBe(404);
    const path = `/api/sittings/${pastSittingId}/recording`;
    const good = {
      recordingUrl: 'https://media.wierzbow.example/sesja-xxiii.mp4',
      recordingStartedAt: '2026-10-27T09:01:00Z',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, recordingUrl: 'javascript:alert(1)' }, 'recordingUrl'],
      [{ ...good, recordingUrl: 'ftp://media.example/x.mp4' }, 'recordingUrl'],
      [{ ...good, recordingUrl: 'sesja.mp4' }, 'recordingUrl'],
      [{ ...good, recordingStartedAt: '27.10.2026 10:01' }, 'recordingStartedAt'],
      [{ ...good, recordingStartedAt: '2026-10-27T10:01' }, 'recordingStartedAt'],
      [{ ...good, recordingStartedAt: null }, 'recordingStartedAt'],
      [{ recordingUrl: good.recordingUrl }, 'recordingStartedAt'],
    ];
    for (const [body, field] of cases) {
      const answer = await operator.put(path, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(answer)).toMatchObject({ code: 'validation_failed', field });
    }
    expect(await recordingOf(pastSittingId)).toEqual({
      recordingUrl: null,
      recordingStartedAt: null,
    });

    const councillor = await anna.put(path, good);
    expect(councillor.status).toBe(403);
    expect((await anna.put(`/api/sittings/${draftSittingId}/recording`, good)).status).toBe(404);
    expect((await operator.put(`/api/sittings/${randomUUID()}/recording`, good)).status).toBe(404);
    const stranger = new TestClient(veche.url);
    await stranger.post('/api/auth/login', {
      email: bulgarian.operatorEmail,
      password: bulgarian.password,
    });
    expect((await stranger.put(path, good)).status).toBe(404);
    expect((await publicClient.put(path, good)).status).toBe(401);
    expect(await recordingOf(pastSittingId)).toEqual({
      recordingUrl: null,
      recordingStartedAt: null,
    });

    const saved = await operator.put(path, good);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      sittingId: pastSittingId,
      recordingUrl: good.recordingUrl,
      recordingStartedAt: '2026-10-27T09:01:00.000Z',
    });
    expect(await recordingOf(pastSittingId)).toEqual({
      recordingUrl: good.recordingUrl,
      recordingStartedAt: '2026-10-27T09:01:00.000Z',
    });
  });

  it('serves WebVTT chapters: each agenda item until the next or the close, each vote, timed from the recording', async () => {
    const answer = await publicClient.get<string>(
      `/api/public/sittings/${pastSittingId}/chapters.vtt`,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    const cues = parseVtt(answer.body);
    const start = Date.parse('2026-10-27T09:01:00Z');
    const items = cues.filter((cue) => cue.id.startsWith('item-'));
    const voteCues = cues.filter((cue) => cue.id.startsWith('vote-'));
    expect(items.length + voteCues.length).toBe(cues.length);
    expectNoOverlap(items);
    expectNoOverlap(voteCues);
    expect(items.map((cue) => cue.text)).toEqual([
      '1. Otwarcie sesji i stwierdzenie prawomocności obrad',
      '2. Przyjęcie porządku obrad',
      '3. Projekt uchwały w sprawie zmian w budżecie Gminy Wierzbów na 2026 rok',
      '4. Projekt uchwały w sprawie nadania nazwy ulicy „Źródlana” w Wierzbowie',
      '5. Projekt uchwały w sprawie wyboru ławników do Sądu Rejonowego w Wierzbowie',
      '6. Informacja Burmistrza o pracy między sesjami',
      '7. Interpelacje i zapytania radnych',
      '8. Zamknięcie sesji',
    ]);
    // One item follows another without a gap; the last ends with the sitting.
    for (let index = 1; index < items.length; index++) {
      expect(items[index]!.start).toBe(items[index - 1]!.end);
    }
    const sittings = await publicClient.get<{
      sittings: { sitting_id: string; closed_at: string }[];
    }>(`/api/public/councils/${councilId}/open-data/sittings.json`);
    const closedAt = sittings.body.sittings.find((s) => s.sitting_id === pastSittingId)!.closed_at;
    expect(items.at(-1)!.end).toBe(Date.parse(closedAt) - start);
    const votes = await votesOf(pastSittingId);
    expect(voteCues.map((cue) => cue.id)).toEqual(votes.map((vote) => `vote-${vote.id}`));
    for (const vote of votes) {
      const cue = voteCues.find((candidate) => candidate.id === `vote-${vote.id}`)!;
      expect(cue.start).toBe(Date.parse(vote.openedAt) - start);
      expect(cue.end).toBe(Date.parse(vote.closedAt) - start);
      expect(cue.text).toBe(`Głosowanie: ${vote.subject}`);
      // Each vote lies within the chapter of its agenda item.
      const item = items.find((candidate) => candidate.text.startsWith(`${vote.itemNumber!}. `))!;
      expect(cue.start).toBeGreaterThanOrEqual(item.start);
      expect(cue.end).toBeLessThanOrEqual(item.end);
    }
  });

  it('cuts chapters that began before the recording and drops those that ended before it', async () => {
    const votes = await votesOf(pastSittingId);
    const budget = votes.find((vote) => vote.id === 'demo-vote-budget')!;
    const saved = await operator.put(`/api/sittings/${pastSittingId}/recording`, {
      recordingUrl: 'https://media.wierzbow.example/sesja-xxiii-czesc-2.mp4',
      recordingStartedAt: budget.closedAt,
    });
    expect(saved.status).toBe(200);
    const cues = parseVtt(
      (await publicClient.get<string>(`/api/public/sittings/${pastSittingId}/chapters.vtt`)).body,
    );
    expect(cues[0]).toMatchObject({ start: 0, text: expect.stringMatching(/^3\. /) as string });
    expect(cues.map((cue) => cue.id)).not.toContain('vote-demo-vote-budget');
    expect(cues.map((cue) => cue.id)).toContain('vote-demo-vote-street');
    const removed = await operator.put(`/api/sittings/${pastSittingId}/recording`, {
      recordingUrl: null,
      recordingStartedAt: null,
    });
    expect(removed.status).toBe(200);
    expect(
      (await publicClient.get(`/api/public/sittings/${pastSittingId}/chapters.vtt`)).status,
    ).toBe(404);
  });
});

describe('a sitting under way', () => {
  let bgOperator: TestClient;
  const sittingId = () => bulgarian.sittingId;
  async function ok(command: Record<string, unknown>): Promise<void> {
    const response = await bgOperator.post(`/api/sittings/${sittingId()}/commands`, {
      commandId: randomUUID(),
      command,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }

  beforeAll(async () => {
    bgOperator = new TestClient(veche.url);
    expect(
      (
        await bgOperator.post('/api/auth/login', {
          email: bulgarian.operatorEmail,
          password: bulgarian.password,
        })
      ).status,
    ).toBe(200);
  });

  it('publishes a named list the moment its vote closes, with the operator’s entries marked', async () => {
    const recordingStartedAt = new Date(Date.now() - 60_000).toISOString();
    await ok({ type: 'sitting.open' });
    const state = await bgOperator.get<{
      state: { agenda: { id: string }[]; setup: { members: { id: string }[] } };
    }>(`/api/sittings/${sittingId()}/state`);
    const members = state.body.state.setup.members.map((member) => member.id);
    const [first] = state.body.state.agenda;
    for (const memberId of members) await ok({ type: 'presence.mark', memberId, present: true });
    await ok({ type: 'agenda.set_current', itemId: first!.id });
    await ok({
      type: 'vote.open',
      voteId: 'bg-named',
      subject: 'Проект за решение за бюджета',
      itemId: first!.id,
      kind: 'named',
      majority: 'bg.majority_present',
      durationMs: 120_000,
    });
    const listPath = `/api/public/sittings/${sittingId()}/votes/bg-named/list.json`;
    expect((await publicClient.get(listPath)).status).toBe(404);
    expect(await votesOf(sittingId())).toEqual([]);
    const choices = ['for', 'for', 'against', 'abstain'];
    for (const [index, choice] of choices.entries()) {
      await ok({
        type: 'vote.cast',
        voteId: 'bg-named',
        choice,
        memberId: members[index],
        proxyReason: 'Таблетът не работи',
      });
    }
    await ok({ type: 'vote.close', voteId: 'bg-named' });

    const list = await namedListOf(sittingId(), 'bg-named');
    expect(list.vote).toMatchObject({ counts: { for: 2, against: 1, abstain: 1 }, voted: 4 });
    expect(list.ballots.map((ballot) => [ballot.choice, ballot.enteredByOperator])).toEqual([
      ...choices.map((choice) => [choice, true]),
      ['not_voting', false],
    ]);
    const csv = await csvAt(listPath.replace('list.json', 'list.csv'));
    expect(csv.rows.map((row) => row[1])).toEqual(list.ballots.map((ballot) => ballot.name));
    expect(csv.rows[0]![3]).toBe('yes');
    const popolo = await publicClient.get<Record<string, unknown>>(list.vote.links.popolo);
    expect(popoloValidator()('vote_event')(popolo.body)).toBe(true);

    // An open vote (not named): counts only, no list.
    await ok({
      type: 'vote.open',
      voteId: 'bg-open',
      subject: 'Процедурно предложение',
      itemId: first!.id,
      kind: 'open',
      majority: 'bg.majority_present',
      durationMs: 120_000,
    });
    for (const memberId of members.slice(0, 3)) {
      await ok({
        type: 'vote.cast',
        voteId: 'bg-open',
        choice: 'for',
        memberId,
        proxyReason: 'Таблетът не работи',
      });
    }
    await ok({ type: 'vote.close', voteId: 'bg-open' });
    const votes = await votesOf(sittingId());
    expect(votes.map((vote) => [vote.id, vote.links.listJson === null])).toEqual([
      ['bg-named', false],
      ['bg-open', true],
    ]);
    expect((await publicClient.get(listPath.replace('bg-named', 'bg-open'))).status).toBe(404);
    const openEvent = await publicClient.get<{ votes?: unknown }>(votes[1]!.links.popolo);
    expect(openEvent.body.votes).toBeUndefined();
    expect(JSON.stringify(openEvent.body)).not.toContain(members[0]!);

    // Chapters of a sitting still open: the current item runs until now, votes in Bulgarian.
    expect(
      (
        await bgOperator.put(`/api/sittings/${sittingId()}/recording`, {
          recordingUrl: 'https://video.obshtina-test.example/zasedanie-1',
          recordingStartedAt,
        })
      ).status,
    ).toBe(200);
    const cues = parseVtt(
      (await publicClient.get<string>(`/api/public/sittings/${sittingId()}/chapters.vtt`)).body,
    );
    expect(cues.map((cue) => cue.text)).toEqual([
      expect.stringMatching(/^1\. /) as string,
      'Гласуване: Проект за решение за бюджета',
      'Гласуване: Процедурно предложение',
    ]);
    expectNoOverlap(cues.slice(1));
  });
});
