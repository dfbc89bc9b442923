import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { createRepositories } from '../src/storage/repositories.js';
import { sittings } from '../src/storage/schema.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * The public portal's pages from the built server, without a sign-in: the demo council with its
 * closed past sitting (XXIII: four named votes, one rejected, a secret one, a late arrival, one
 * who never came) and its convened one (XXIV, whose log has not started), a sitting with a
 * hostile title and a Polish agenda item beside them, and a draft with the same word (never
 * shown, never found).
 */

const HOSTILE = '<script>alert("portal")</script> & Co';
const WORD_ITEM = 'Remont źródła przy ulicy Łąkowej';
const DRAFT_ITEM = 'Tajny szkic: źródła finansowania';
const RECORDING = 'https://media.wierzbow.example/sesje/xxiii.mp4';

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
    const [demo] = await database.db
      .select()
      .from(sittings)
      .where(eq(sittings.status, 'convened'))
      .limit(1);
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
    // The closed sitting's recording, started a minute before its opening at 10:02.
    const [past] = await database.db.select().from(sittings).where(eq(sittings.number, 23));
    await repos.sittings.setRecording(past!.councilId, past!.id, {
      recordingUrl: RECORDING,
      recordingStartedAt: new Date(past!.startsAt.getTime() + 60_000),
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
  /** The convened demo sitting (XXIV) and the closed one (XXIII). */
  let convenedId: string;
  let pastId: string;

  async function page(path: string, headers: Record<string, string> = {}): Promise<Page> {
    const response = await fetch(`${server.url}${path}`, { headers });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      html: await response.text(),
      headers: response.headers,
    };
  }

  /** The ids of the people a vote's page lists as absent. */
  function absentees(html: string): string[] {
    const section = /<section aria-labelledby="absent">(.*?)<\/section>/s.exec(html)?.[1] ?? '';
    return [...section.matchAll(/\/portal\/persons\/([0-9a-f-]{36})"/g)].map((match) => match[1]!);
  }

  beforeAll(async () => {
    const first = await startVeche();
    dataDir = first.dataDir;
    await first.stop({ keepData: true });
    seeded = await seed(dataDir);
    server = await startVeche({ dataDir });
    const council = await page(`/portal/councils/${seeded.councilId}`);
    const sittingId = (number: string) =>
      new RegExp(`/portal/sittings/([0-9a-f-]{36})">${number} sesja`).exec(council.html)![1]!;
    convenedId = sittingId('XXIV');
    pastId = sittingId('XXIII');
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
    // The closed sitting is not upcoming.
    expect(text).not.toContain('XXIII sesja');
    const figure = (name: string) =>
      new RegExp(`data-figure="${name}">([^<]+)<`).exec(landing.html)?.[1];
    expect(figure('councils')).toBe('1');
    // XXIII, XXIV and the hostile one; five votes of XXIII: 13 + 13 + 14 + 13 named ballots, 13
    // took part in the secret one.
    expect(figure('sittings')).toBe('3');
    expect(figure('votes')).toBe('5');
    expect(figure('ballots')).toBe('66');
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
    const browser = await page(`/portal/sittings/${pastId}`, { 'accept-language': 'sr-Latn-RS' });
    expect(browser.html).toContain('<html lang="sr-Latn">');
    expect(textOf(browser.html)).toContain('Dnevni red');
    // The switcher: plain links to the same page in each language.
    for (const language of ['pl', 'bg', 'sr-Cyrl', 'sr-Latn', 'en']) {
      expect(browser.html).toContain(`href="/portal/sittings/${pastId}?lang=${language}"`);
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
    for (const path of ['interpellations', 'resolutions', 'search']) {
      expect(council.html).toContain(`href="/portal/councils/${seeded.councilId}/${path}"`);
    }
  });

  it('shows a sitting to come: facts, numbered agenda, public documents, no votes yet', async () => {
    const sitting = await page(`/portal/sittings/${convenedId}`);
    expect(sitting.status).toBe(200);
    const text = textOf(sitting.html);
    expect(text).toContain('Miejsce Sala obrad Urzędu Miejskiego, Rynek 1, Wierzbów');
    expect(text).toContain('Forma Hybrydowa (w sali obrad i zdalnie)');
    expect(text).toContain('Stan Zwołana');
    expect(text).toContain('4. Podjęcie uchwały w sprawie zmian w budżecie gminy na 2026 rok');
    expect(text).toContain('Uzasadnienie do projektu uchwały');
    // The private draft resolution is not listed; the public ones link to the document route.
    expect(text).not.toContain('Projekt uchwały w sprawie planu');
    expect(sitting.html.match(/href="\/api\/documents\/[0-9a-f-]{36}"/g)?.length).toBeGreaterThan(
      1,
    );
    expect(sitting.html).toContain(`href="/public/sittings/${convenedId}"`);
    // Its log has not started: there is nothing to say about votes.
    expect(sitting.html).not.toContain('id="votes"');
    expect(sitting.html).not.toContain('record.json');
    expect(sitting.html).toMatch(/<section[^>]* id="minutes"/);
    expect(sitting.html).toMatch(/<section[^>]* id="recording"/);
  });

  it('shows a sitting held: the agenda as amended, every result with its arithmetic', async () => {
    const sitting = await page(`/portal/sittings/${pastId}`);
    expect(sitting.status).toBe(200);
    const text = textOf(sitting.html);
    expect(text).toContain('Stan Zamknięta');
    expect(text).toContain('Forma Stacjonarna (w sali obrad)');
    // The item added during the sitting, numbered as the domain numbers it.
    expect(text).toContain('6. Informacja Burmistrza o pracy między sesjami');
    expect(text).toContain('8. Zamknięcie sesji');
    expect(sitting.html).not.toContain(`href="/public/sittings/${pastId}"`);
    expect(sitting.html).toContain(`href="/api/public/sittings/${pastId}/record.json"`);
    const votes = [...sitting.html.matchAll(/<li class="card" id="vote-([\w-]+)">/g)].map(
      (match) => match[1],
    );
    expect(votes).toEqual([
      'demo-vote-agenda-change',
      'demo-vote-agenda',
      'demo-vote-budget',
      'demo-vote-street',
      'demo-vote-judges',
    ]);
    // The budget: 11 for, 2 against, 1 abstaining; an absolute majority of the valid votes.
    expect(text).toContain('Za 11 Przeciw 2 Wstrzymuję się 1');
    expect(text).toContain('Głosowało 14 z 14 uprawnionych.');
    expect(text).toContain('Za: 11; wymagane więcej niż 7 z 14. Osiągnięto wymaganą większość.');
    // The street's name was rejected, and the page says why.
    expect(text).toContain('Nie przyjęto');
    expect(text).toContain('Za: 4; wymagane więcej niż 5,5 z 11. Za mało głosów za.');
    // Named lists for the four named votes, none for the secret one.
    expect(sitting.html.match(/href="\/portal\/sittings\/[0-9a-f-]+\/votes\//g)).toHaveLength(4);
    expect(sitting.html).not.toContain('/votes/demo-vote-judges"');
  });

  it('gives a sitting held its minutes, recording with chapters, open data and record', async () => {
    const sitting = await page(`/portal/sittings/${pastId}`);
    const api = `/api/public/sittings/${pastId}`;
    for (const file of [
      'minutes.pdf',
      'minutes.docx',
      'votes.json',
      'popolo.json',
      'record.json',
    ]) {
      expect(sitting.html).toContain(`href="${api}/${file}"`);
    }
    expect(sitting.html).toContain(`href="/portal/sittings/${pastId}/record"`);
    // The player reads the chapters; each chapter is also a link into the recording at its time.
    expect(sitting.html).toContain(`<video controls="" preload="none" src="${RECORDING}"`);
    expect(sitting.html).toContain(`<track kind="chapters" src="${api}/chapters.vtt" srcLang="pl"`);
    const chapters = [
      ...sitting.html.matchAll(
        /<a href="([^"]+#t=(\d+))" data-seconds="\2"><time>([\d:]+)<\/time>/g,
      ),
    ];
    expect(chapters.length).toBeGreaterThan(8);
    expect(chapters[0]![1]).toBe(`${RECORDING}#t=120`);
    expect(chapters[0]![3]).toBe('0:02:00');
    expect(textOf(sitting.html)).toContain(
      '0:02:00 1. Otwarcie sesji i stwierdzenie prawomocności obrad',
    );
    expect(sitting.headers.get('content-security-policy')).toContain(
      "media-src 'self' https: http:",
    );
    // Those the address names all answer.
    for (const file of ['minutes.pdf', 'votes.json', 'chapters.vtt', 'record.json']) {
      expect((await fetch(`${server.url}${api}/${file}`)).status).toBe(200);
    }

    // A sitting to come: no minutes yet, no recording, no record to check.
    const upcoming = textOf((await page(`/portal/sittings/${convenedId}`)).html);
    expect(upcoming).toContain('Protokół zostanie opublikowany tutaj');
    expect(upcoming).toContain('Nagranie zostanie opublikowane tutaj po sesji.');
  });

  it('checks the sitting’s record as anyone can, and a saved copy sent to it', async () => {
    const checked = await page(`/portal/sittings/${pastId}/record`);
    expect(checked.status).toBe(200);
    const text = textOf(checked.html);
    const record = (await (
      await fetch(`${server.url}/api/public/sittings/${pastId}/record.json`)
    ).json()) as {
      head: { seq: number; hash: string };
    };
    expect(text).toContain('Zweryfikowano');
    expect(text).toContain(
      `Zdarzenia w nieprzerwanym łańcuchu skrótów: ${String(record.head.seq)}`,
    );
    expect(text).toContain('Głosowania, których pieczęcie zgadzają się z głosami: 5');
    expect(text).toContain(
      `Ostatnie zdarzenie ${String(record.head.seq)}, skrót ${record.head.hash}`,
    );
    expect(text).toContain(
      `npx veche verify ${server.url}/api/public/sittings/${pastId}/record.json`,
    );

    const send = async (content: string | null) => {
      const form = new FormData();
      if (content !== null) form.append('record', new Blob([content]), 'zapis.json');
      const response = await fetch(`${server.url}/portal/verify?lang=pl`, {
        method: 'POST',
        body: form,
        headers: { origin: server.url },
      });
      return { status: response.status, text: textOf(await response.text()) };
    };
    const original = await (
      await fetch(`${server.url}/api/public/sittings/${pastId}/record.json`)
    ).text();
    const good = await send(original);
    expect(good.status).toBe(200);
    expect(good.text).toContain('Przesłany plik: zapis.json');
    expect(good.text).toContain('Zweryfikowano');
    // The budget vote's "against" made 3 instead of 2: the page names that event.
    const closed = (
      JSON.parse(original) as {
        events: { seq: number; type: string; payload: { voteId?: string } }[];
      }
    ).events.find(
      (event) => event.type === 'vote.closed' && event.payload.voteId === 'demo-vote-budget',
    )!;
    const at = original.indexOf('"against":2', original.indexOf(`"seq":${String(closed.seq)},`));
    expect(at).toBeGreaterThan(0);
    const altered = `${original.slice(0, at)}"against":3${original.slice(at + 11)}`;
    const bad = await send(altered);
    expect(bad.text).toContain('Nie zweryfikowano');
    expect(bad.text).toContain('jego skrót się nie zgadza');
    expect(bad.text).toContain(
      `Pierwsze niezgodne zdarzenie: ${String(closed.seq)} (vote.closed).`,
    );
    const none = await send(null);
    expect(none.status).toBe(400);
    expect(none.text).toContain('Wybierz plik do sprawdzenia.');
    expect((await page('/portal/verify')).status).toBe(200);
  });

  it('lists how each member voted in a named vote, and who was absent', async () => {
    const vote = await page(`/portal/sittings/${pastId}/votes/demo-vote-budget`);
    expect(vote.status).toBe(200);
    const rows = [
      ...vote.html.matchAll(/<tr data-choice="(\w+)"><th scope="row"><a [^>]+>([^<]+)</g),
    ];
    expect(rows).toHaveLength(14);
    const count = (choice: string) => rows.filter((row) => row[1] === choice).length;
    expect([count('for'), count('against'), count('abstain')]).toEqual([11, 2, 1]);
    const text = textOf(vote.html);
    expect(text).toContain('Wymagana większość Bezwzględna większość głosów');
    expect(absentees(vote.html)).toHaveLength(1);
    for (const format of ['pdf', 'csv', 'json']) {
      expect(vote.html).toContain(
        `href="/api/public/sittings/${pastId}/votes/demo-vote-budget/list.${format}"`,
      );
    }
  });

  it('shows only counts and participation for a secret vote', async () => {
    const vote = await page(`/portal/sittings/${pastId}/votes/demo-vote-judges`);
    expect(vote.status).toBe(200);
    const text = textOf(vote.html);
    expect(text).toContain('Głosowało 13 z 13 uprawnionych.');
    expect(text).toContain('Za 11 Przeciw 1 Wstrzymuję się 1');
    expect(text).toContain('Głosowanie tajne');
    expect(vote.html).not.toContain('data-choice');
  });

  it('shows a councillor’s seats, attendance and named votes, filtered by a GET form', async () => {
    // Who never came (absent from every vote) and who came late (absent from the first two).
    const [never] = absentees(
      (await page(`/portal/sittings/${pastId}/votes/demo-vote-budget`)).html,
    );
    const late = absentees(
      (await page(`/portal/sittings/${pastId}/votes/demo-vote-agenda-change`)).html,
    ).find((id) => id !== never)!;
    const person = await page(`/portal/persons/${late}?lang=en`);
    expect(person.status).toBe(200);
    const text = textOf(person.html);
    expect(text).toContain('Seats Body Role Period Rada Miejska w Wierzbowie Member since');
    expect(text).toContain('Present at 1 of 1 sittings with a record (100%).');
    const choices = (html: string) =>
      [...html.matchAll(/<tr data-choice="(\w+)">/g)].map((match) => match[1]);
    // Newest first: the street (against), the budget (for), then the two votes before they came.
    expect(choices(person.html)).toEqual(['against', 'for', 'absent', 'absent']);
    expect(person.html).toMatch(/<form [^>]*method="get"/);
    const year = /<option value="(\d{4})">/.exec(person.html)![1]!;
    const only = (query: string) => page(`/portal/persons/${late}?lang=en&${query}`);
    expect(choices((await only('choice=absent&year=&body=')).html)).toEqual(['absent', 'absent']);
    expect(choices((await only(`year=${year}&choice=for`)).html)).toEqual(['for']);
    const none = await only('year=1999');
    expect(choices(none.html)).toEqual([]);
    expect(textOf(none.html)).toContain('No named vote matches.');
    const absent = await page(`/portal/persons/${never}?lang=en`);
    expect(textOf(absent.html)).toContain('Present at 0 of 1 sittings with a record (0%).');
    expect(choices(absent.html)).toEqual(['absent', 'absent', 'absent', 'absent']);
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
    // The register's entries: the budget's resolution of the closed sitting, by its number too.
    const adopted = (await search('budżecie Wierzbów')).html;
    expect(adopted.match(/data-source="resolution"/g)).toHaveLength(1);
    expect(adopted).toMatch(new RegExp(`href="/portal/sittings/${pastId}#item-[0-9a-f-]{36}"`));
    const number = /data-source="resolution"><a [^>]+>([^ <]+) – /.exec(adopted)?.[1];
    expect(number).toMatch(/\d/);
    const byNumber = (await search(number!)).html;
    expect(byNumber.match(/data-source="resolution"/g)).toHaveLength(1);
  });

  it('lists the register of resolutions: the closed sitting’s drafts, numbered when adopted', async () => {
    const register = await page(`/portal/councils/${seeded.councilId}/resolutions`);
    expect(register.status).toBe(200);
    const outcomes = [...register.html.matchAll(/<tr data-adopted="(\w+)">/g)].map((m) => m[1]);
    expect(outcomes.sort()).toEqual(['false', 'true', 'true']);
    const text = textOf(register.html);
    expect(text).toContain('Projekt uchwały w sprawie zmian w budżecie Gminy Wierzbów na 2026 rok');
    expect(text).toContain('Niepodjęta');
    expect(register.html).toMatch(new RegExp(`href="/portal/sittings/${pastId}#item-`));
    expect(text).toContain('Znalezione pozycje: 3');

    // Filtered with the page's own GET form: outcome, words, year, term and body.
    const base = `/portal/councils/${seeded.councilId}/resolutions`;
    const titles = async (query: string) => {
      const filtered = await page(`${base}?${query}`);
      expect(filtered.status).toBe(200);
      return [...filtered.html.matchAll(/<th scope="row"><a [^>]+>([^<]+)<\/a>/g)].map(
        (m) => m[1]!.split(' w sprawie ')[1],
      );
    };
    expect(await titles('outcome=rejected')).toEqual([
      'nadania nazwy ulicy „Źródlana” w Wierzbowie',
    ]);
    expect(await titles(`q=${encodeURIComponent('ławników')}&outcome=`)).toEqual([
      'wyboru ławników do Sądu Rejonowego w Wierzbowie',
    ]);
    expect(await titles('year=1999')).toEqual([]);
    expect(await titles('q=%20%20&outcome=')).toHaveLength(3);
    const term = /<select name="term">.*?<option value="([0-9a-f-]{36})"/s.exec(register.html)![1]!;
    const body = /<option value="([0-9a-f-]{36})">Rada Miejska w Wierzbowie</.exec(
      register.html,
    )![1]!;
    expect(await titles(`term=${term}&body=${body}&outcome=adopted`)).toHaveLength(2);
    const bad = await page(`${base}?term=2024`);
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('term');
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
      `/portal/sittings/${seeded.draftId}/votes/demo-vote-budget`,
      `/portal/sittings/${pastId}/votes/v-none`,
      `/portal/sittings/${convenedId}/votes/demo-vote-budget`,
      `/portal/councils/${randomUUID()}`,
      `/portal/councils/${randomUUID()}/search?q=x`,
      `/portal/councils/${randomUUID()}/resolutions`,
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
      [`/portal/sittings/${pastId}/votes/v%20x`, 'voteId'],
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
