import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { createRepositories } from '../src/storage/repositories.js';
import { sittings } from '../src/storage/schema.js';
import { TestClient } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * The public portal's pages from the built server, without a sign-in: the demo council, a
 * sitting with a hostile title and a Polish agenda item beside it, a draft with the same word
 * (never shown, never found), and the demo sitting run live over HTTP with a named vote (five
 * for, two against, one abstaining, seven absent) and a secret one (three took part).
 */

const HOSTILE = '<script>alert("portal")</script> & Co';
const WORD_ITEM = 'Remont źródła przy ulicy Łąkowej';
const DRAFT_ITEM = 'Tajny szkic: źródła finansowania';

interface Seeded {
  readonly councilId: string;
  readonly hostileId: string;
  readonly draftId: string;
}

async function seed(dataDir: string): Promise<Seeded> {
  const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
  try {
    const repos = createRepositories({
      db: database.db,
      clock: () => new Date(),
      newId: randomUUID,
    });
    const [demo] = await database.db.select().from(sittings).limit(1);
    if (demo === undefined) throw new Error('the demo sitting is missing');
    const base = {
      councilId: demo.councilId,
      bodyId: demo.bodyId,
      termId: demo.termId,
      kind: 'ordinary' as const,
      mode: 'hall' as const,
      startsAt: new Date(Date.now() + 21 * 86_400_000),
    };
    const hostile = await repos.sittings.create({ ...base, title: HOSTILE, status: 'convened' });
    await repos.sittings.addAgendaItem({
      councilId: demo.councilId,
      sittingId: hostile.id,
      position: 0,
      title: WORD_ITEM,
    });
    const draft = await repos.sittings.create({ ...base, title: 'Szkic', status: 'draft' });
    await repos.sittings.addAgendaItem({
      councilId: demo.councilId,
      sittingId: draft.id,
      position: 0,
      title: DRAFT_ITEM,
    });
    return { councilId: demo.councilId, hostileId: hostile.id, draftId: draft.id };
  } finally {
    await database.close();
  }
}

interface Page {
  readonly status: number;
  readonly type: string;
  readonly html: string;
  readonly headers: Headers;
}

/** The text of a page without its tags, spaces folded: what a reader reads. */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the public portal', () => {
  let server: RunningVeche;
  let seeded: Seeded;
  let dataDir: string;
  let demoId: string;

  async function page(path: string, headers: Record<string, string> = {}): Promise<Page> {
    const response = await fetch(`${server.url}${path}`, { headers });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      html: await response.text(),
      headers: response.headers,
    };
  }

  async function signIn(email: string): Promise<TestClient> {
    const client = new TestClient(server.url);
    const response = await client.post('/api/auth/login', { email, password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    return client;
  }

  async function run(client: TestClient, command: Record<string, unknown>): Promise<void> {
    const response = await client.post(`/api/sittings/${demoId}/commands`, {
      commandId: randomUUID(),
      command,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }

  /** The demo sitting, run live: eight present, a named vote and a secret one. */
  async function holdVotes(): Promise<void> {
    const operator = await signIn('biuro.rady@wierzbow.example');
    const councillors = await Promise.all(
      DEMO_COUNCILLORS.slice(0, 8).map((councillor) => signIn(councillor.email)),
    );
    await run(operator, { type: 'sitting.open' });
    await run(operator, { type: 'quorum.start', checkId: 'check-1', durationMs: 120_000 });
    for (const councillor of councillors) await run(councillor, { type: 'presence.confirm' });
    await run(operator, { type: 'quorum.close' });
    await run(operator, {
      type: 'vote.open',
      voteId: 'v-budget',
      subject: 'Uchwała w sprawie zmian w budżecie gminy na 2026 rok',
      itemId: null,
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 120_000,
    });
    const choices = ['for', 'for', 'for', 'for', 'for', 'against', 'against', 'abstain'];
    for (const [index, choice] of choices.entries()) {
      await run(councillors[index]!, { type: 'vote.cast', voteId: 'v-budget', choice });
    }
    await run(operator, { type: 'vote.close', voteId: 'v-budget' });
    await run(operator, {
      type: 'vote.open',
      voteId: 'v-secret',
      subject: 'Wybór wiceprzewodniczącego',
      itemId: null,
      kind: 'secret',
      majority: 'pl.simple',
      durationMs: 120_000,
    });
    for (const [index, choice] of ['for', 'for', 'against'].entries()) {
      await run(councillors[index]!, { type: 'vote.cast', voteId: 'v-secret', choice });
    }
    await run(operator, { type: 'vote.close', voteId: 'v-secret' });
  }

  /** A person's id, from the links of a page that names them. */
  function personLink(html: string, name: string): string {
    const match = new RegExp(`/portal/persons/([0-9a-f-]{36})">${name}<`).exec(html);
    if (match?.[1] === undefined) throw new Error(`no link to ${name}`);
    return match[1];
  }

  beforeAll(async () => {
    const first = await startVeche();
    dataDir = first.dataDir;
    await first.stop({ keepData: true });
    seeded = await seed(dataDir);
    server = await startVeche({ dataDir, env: { LOGIN_RATE_LIMIT: '1000' } });
    const council = await page(`/portal/councils/${seeded.councilId}`);
    demoId = /\/portal\/sittings\/([0-9a-f-]{36})">XXIV sesja/.exec(council.html)![1]!;
    await holdVotes();
  });
  afterAll(async () => {
    await server?.stop();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the landing page in the council’s language: sittings, councils and figures', async () => {
    const landing = await page('/portal');
    expect(landing.status).toBe(200);
    expect(landing.type).toBe('text/html; charset=utf-8');
    expect(landing.html).toMatch(/^<!doctype html>\n<html lang="pl">/);
    expect(landing.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(landing.html).not.toMatch(/<script/i);
    const text = textOf(landing.html);
    expect(text).toContain('Rada Miejska w Wierzbowie');
    expect(text).toContain('XXIV sesja — Rada Miejska w Wierzbowie: Sesja zwyczajna');
    expect(text).toContain(HOSTILE);
    expect(text).not.toContain('Szkic');
    const figure = (name: string) =>
      new RegExp(`data-figure="${name}">([^<]+)<`).exec(landing.html)?.[1];
    expect(figure('councils')).toBe('1');
    expect(figure('sittings')).toBe('2');
    expect(figure('votes')).toBe('2');
    expect(figure('ballots')).toBe('11');
    expect(Number(figure('users'))).toBeGreaterThanOrEqual(18);
  });

  it('escapes a hostile title everywhere it is shown', async () => {
    for (const path of [
      '/portal',
      `/portal/councils/${seeded.councilId}`,
      `/portal/sittings/${seeded.hostileId}`,
    ]) {
      const { html } = await page(path);
      expect(html, path).toContain(
        '&lt;script&gt;alert(&quot;portal&quot;)&lt;/script&gt; &amp; Co',
      );
      expect(html, path).not.toContain('<script>alert');
    }
  });

  it('speaks the language asked for: the parameter, then the cookie, then the browser’s', async () => {
    const asked = await page('/portal?lang=bg');
    expect(asked.html).toContain('<html lang="bg">');
    expect(textOf(asked.html)).toContain('Предстоящи заседания');
    const cookie = asked.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^veche_lang=bg;/);
    expect(cookie).toMatch(/HttpOnly/i);
    const remembered = await page('/portal', { cookie: 'veche_lang=sr-Cyrl' });
    expect(remembered.html).toContain('<html lang="sr-Cyrl">');
    const browser = await page(`/portal/sittings/${demoId}`, { 'accept-language': 'sr-Latn-RS' });
    expect(browser.html).toContain('<html lang="sr-Latn">');
    expect(textOf(browser.html)).toContain('Dnevni red');
    // The switcher: plain links to the same page in each language.
    for (const language of ['pl', 'bg', 'sr-Cyrl', 'sr-Latn', 'en']) {
      expect(browser.html).toContain(`href="/portal/sittings/${demoId}?lang=${language}"`);
    }
  });

  it('lists a council’s sittings by body, its councillors, and where to go next', async () => {
    const council = await page(`/portal/councils/${seeded.councilId}`);
    expect(council.status).toBe(200);
    const text = textOf(council.html);
    expect(text).toContain('Najbliższe sesje');
    expect(text).toContain('Minione sesje');
    expect(text).not.toContain('Szkic');
    expect(council.html.match(/href="\/portal\/persons\//g)).toHaveLength(15);
    for (const path of ['interpellations', 'search']) {
      expect(council.html).toContain(`href="/portal/councils/${seeded.councilId}/${path}"`);
    }
  });

  it('shows a sitting: facts, numbered agenda, public documents, results, minutes and recording', async () => {
    const sitting = await page(`/portal/sittings/${demoId}`);
    expect(sitting.status).toBe(200);
    const text = textOf(sitting.html);
    expect(text).toContain('Miejsce Sala obrad Urzędu Miejskiego, Rynek 1, Wierzbów');
    expect(text).toContain('Forma Hybrydowa (w sali obrad i zdalnie)');
    expect(text).toContain('Stan Trwa');
    expect(text).toContain('4. Podjęcie uchwały w sprawie zmian w budżecie gminy na 2026 rok');
    expect(text).toContain('Uzasadnienie do projektu uchwały');
    // The private draft resolution is not listed; the public ones link to the document route.
    expect(text).not.toContain('Projekt uchwały w sprawie planu');
    expect(sitting.html.match(/href="\/api\/documents\/[0-9a-f-]{36}"/g)?.length).toBeGreaterThan(
      1,
    );
    // The named vote: counts, how many voted, and the arithmetic; then the secret one.
    expect(text).toContain('Przyjęto');
    expect(text).toContain('Głosowało 8 z 8 uprawnionych.');
    expect(text).toContain('Za: 5; wymagane więcej niż 3,5 z 7. Osiągnięto wymaganą większość.');
    expect(sitting.html).toContain(`href="/portal/sittings/${demoId}/votes/v-budget"`);
    expect(text).toContain('Wybór wiceprzewodniczącego');
    expect(sitting.html).not.toContain(`/votes/v-secret"`);
    expect(sitting.html).toMatch(/<section[^>]* id="minutes"/);
    expect(sitting.html).toMatch(/<section[^>]* id="recording"/);
  });

  it('lists how each member voted in a named vote, and who was absent', async () => {
    const vote = await page(`/portal/sittings/${demoId}/votes/v-budget`);
    expect(vote.status).toBe(200);
    const rows = [
      ...vote.html.matchAll(/<tr data-choice="(\w+)"><th scope="row"><a [^>]+>([^<]+)</g),
    ];
    const choices = ['for', 'for', 'for', 'for', 'for', 'against', 'against', 'abstain'];
    expect(new Map(rows.map((row) => [row[2], row[1]]))).toEqual(
      new Map(
        DEMO_COUNCILLORS.slice(0, 8).map((councillor, index) => [councillor.name, choices[index]]),
      ),
    );
    const text = textOf(vote.html);
    expect(text).toContain('Wymagana większość Zwykła większość głosów');
    for (const absent of DEMO_COUNCILLORS.slice(8)) expect(text).toContain(absent.name);
  });

  it('shows only counts and participation for a secret vote', async () => {
    const vote = await page(`/portal/sittings/${demoId}/votes/v-secret`);
    expect(vote.status).toBe(200);
    const text = textOf(vote.html);
    expect(text).toContain('Głosowało 3 z 8 uprawnionych.');
    expect(text).toContain('Głosowanie tajne');
    expect(vote.html).not.toContain('data-choice');
  });

  it('shows a councillor’s seats, attendance and named votes, filtered by a GET form', async () => {
    const vote = await page(`/portal/sittings/${demoId}/votes/v-budget`);
    const present = personLink(vote.html, DEMO_COUNCILLORS[5]!.name);
    const absent = personLink(vote.html, DEMO_COUNCILLORS[12]!.name);
    const person = await page(`/portal/persons/${present}?lang=en`);
    expect(person.status).toBe(200);
    const text = textOf(person.html);
    expect(text).toContain(`${DEMO_COUNCILLORS[5]!.name} Seats`);
    expect(text).toContain('Rada Miejska w Wierzbowie Member since');
    expect(text).toContain('Present at 1 of 1 sittings with a record (100%).');
    expect(person.html).toMatch(/<tr data-choice="against">.*Uchwała w sprawie zmian w budżecie/);
    expect(person.html).toMatch(/<form [^>]*method="get"/);
    const filtered = await page(`/portal/persons/${present}?lang=en&choice=for&year=&body=`);
    expect(filtered.html).not.toContain('data-choice=');
    expect(textOf(filtered.html)).toContain('No named vote matches.');
    const other = await page(`/portal/persons/${absent}?lang=en&choice=absent`);
    expect(textOf(other.html)).toContain('Present at 0 of 1 sittings with a record (0%).');
    expect(other.html).toContain('<tr data-choice="absent">');
  });

  it('finds a Polish word in public agenda items and documents, never in a draft', async () => {
    const search = (q: string) =>
      page(`/portal/councils/${seeded.councilId}/search?q=${encodeURIComponent(q)}`);
    const word = await search('źródła');
    expect(word.status).toBe(200);
    expect(textOf(word.html)).toContain(WORD_ITEM);
    expect(word.html).toContain(`/portal/sittings/${seeded.hostileId}#item-`);
    expect(textOf(word.html)).not.toContain('Tajny szkic');
    const budget = textOf((await search('budżecie')).html);
    expect(budget).toContain('Punkt porządku obrad');
    expect(budget).toContain('Dokument');
    // The plan's item is public, its draft resolution (a private document) is not.
    const plan = (await search('Stawem')).html;
    expect(plan.match(/data-source="agenda_item"/g)).toHaveLength(1);
    expect(plan).not.toContain('data-source="document"');
    expect(textOf((await search('Tajny')).html)).toContain('Nic nie znaleziono.');
  });

  it('lists the council’s interpellations', async () => {
    const list = await page(`/portal/councils/${seeded.councilId}/interpellations`);
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain('Interpelacje i zapytania');
  });

  it('answers an unknown id, a draft and an unknown address with the 404 page', async () => {
    for (const path of [
      `/portal/sittings/${randomUUID()}`,
      `/portal/sittings/${seeded.draftId}`,
      `/portal/sittings/${seeded.draftId}/votes/v-budget`,
      `/portal/sittings/${demoId}/votes/v-none`,
      `/portal/councils/${randomUUID()}`,
      `/portal/councils/${randomUUID()}/search?q=x`,
      `/portal/persons/${randomUUID()}`,
      '/portal/no/such/page',
    ]) {
      const missing = await page(path, { 'accept-language': 'pl' });
      expect(missing.status, path).toBe(404);
      expect(missing.type, path).toBe('text/html; charset=utf-8');
      expect(textOf(missing.html), path).toContain('Nie znaleziono strony');
    }
  });

  it('answers a bad parameter with the 400 page naming it', async () => {
    const cases = [
      ['/portal/sittings/not-a-uuid', 'sittingId'],
      [`/portal/sittings/${demoId}/votes/v%20x`, 'voteId'],
      ['/portal?lang=de', 'lang'],
      [`/portal/councils/${seeded.councilId}/search?q=${'a'.repeat(201)}`, 'q'],
      [`/portal/persons/${randomUUID()}?year=abc`, 'year'],
      [`/portal/persons/${randomUUID()}?choice=maybe`, 'choice'],
    ] as const;
    for (const [path, parameter] of cases) {
      const bad = await page(path, { 'accept-language': 'en' });
      expect(bad.status, path).toBe(400);
      expect(bad.type, path).toBe('text/html; charset=utf-8');
      expect(textOf(bad.html), path).toContain(`The value of the parameter “${parameter}”`);
    }
  });

  it('serves its stylesheet', async () => {
    const css = await page('/portal/portal.css');
    expect(css.status).toBe(200);
    expect(css.type).toBe('text/css; charset=utf-8');
    expect(css.html).toContain(':focus-visible');
    expect(css.html).not.toMatch(/@import|url\(/);
  });
});
