import type { ResolutionsResponse } from '@veche/protocol';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * The resolutions register of the demo council: its closed sitting decided three draft
 * resolutions (the budget adopted, the street name rejected, the lay judges adopted), entered and
 * numbered when the sitting closed.
 */

let veche: RunningVeche;
let councilId: string;
const client = () => new TestClient(veche.url);
const register = (query = '') =>
  client().get<ResolutionsResponse>(`/api/public/councils/${councilId}/resolutions${query}`);

beforeAll(async () => {
  veche = await startVeche();
  const operator = client();
  await operator.post('/api/auth/login', {
    email: 'biuro.rady@wierzbow.example',
    password: 'veche-demo',
  });
  const upcoming = await operator.get<{ sittings: { councilId: string }[] }>(
    '/api/sittings/upcoming',
  );
  councilId = upcoming.body.sittings[0]!.councilId;
});
afterAll(() => veche?.stop());

describe('the resolutions register', () => {
  it('numbers the adopted ones by the council’s pattern in the agenda’s order, the rejected without', async () => {
    const answer = await register();
    expect(answer.status).toBe(200);
    const { resolutions, total } = answer.body;
    expect(total).toBe(3);
    const year = new Date(resolutions[0]!.sitting.startsAt).getUTCFullYear();
    const byTitle = Object.fromEntries(
      resolutions.map((r): [string, [string | null, boolean]] => [
        r.title.split(' w sprawie ')[1] ?? r.title,
        [r.number, r.adopted],
      ]),
    );
    expect(byTitle).toEqual({
      'zmian w budżecie Gminy Wierzbów na 2026 rok': [`XXIII/1/${String(year)}`, true],
      'nadania nazwy ulicy „Źródlana” w Wierzbowie': [null, false],
      'wyboru ławników do Sądu Rejonowego w Wierzbowie': [`XXIII/2/${String(year)}`, true],
    });
    const budget = resolutions.find((r) => r.number === `XXIII/1/${String(year)}`)!;
    expect(budget).toMatchObject({
      voteId: 'demo-vote-budget',
      sitting: { number: 23, numberRoman: 'XXIII' },
      body: { name: 'Rada Miejska w Wierzbowie' },
      term: { name: '2024–2029' },
      year,
    });
  });

  it('filters by outcome, year, body and term, and finds words of the title or a number', async () => {
    const all = (await register()).body.resolutions;
    const year = all[0]!.year;
    const rejected = await register('?outcome=rejected');
    expect(rejected.body.resolutions.map((r) => r.number)).toEqual([null]);
    expect((await register(`?year=${String(year)}`)).body.total).toBe(3);
    expect((await register(`?year=${String(year - 1)}`)).body.total).toBe(0);
    expect((await register(`?body=${all[0]!.body.id}&term=${all[0]!.term.id}`)).body.total).toBe(3);
    expect((await register(`?body=${randomUUID()}`)).body.total).toBe(0);

    const words = await register(`?q=${encodeURIComponent('ławników')}`);
    expect(words.body.resolutions.map((r) => r.voteId)).toEqual(['demo-vote-judges']);
    const number = await register(`?q=${encodeURIComponent(`XXIII/1/${String(year)}`)}`);
    expect(number.body.resolutions.map((r) => r.voteId)).toEqual(['demo-vote-budget']);
    expect((await register('?q=kanalizacja')).body.total).toBe(0);
  });

  it('names a bad filter and knows no unknown council', async () => {
    const badYear = await register('?year=twenty');
    expect(badYear.status).toBe(400);
    expect(badYear.body).toMatchObject({ error: { code: 'validation_failed', field: 'year' } });
    const badBody = await register('?body=12');
    expect(badBody.body).toMatchObject({ error: { field: 'body' } });
    const unknown = await client().get(`/api/public/councils/${randomUUID()}/resolutions`);
    expect(unknown.status).toBe(404);
  });
});
