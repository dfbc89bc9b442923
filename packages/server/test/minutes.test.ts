import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SittingSetup } from '@veche/domain';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCIL_NAME } from '../src/demo/demo-council.js';
import { openEmbeddedDatabase } from '../src/storage/database.js';
import { createRepositories } from '../src/storage/repositories.js';
import { TestClient } from './support/http-client.js';
import { addBulgarianCouncil, type SecondCouncil } from './support/second-council.js';
import { HAVE_PDFTOTEXT, pdfText, requirePdfToText } from './support/pdf-text.js';
import { startVeche, type RunningVeche } from './support/server-process.js';

/*
 * The minutes (PDF and DOCX) and the named vote lists (PDF), downloaded without a sign-in and
 * read back as a person would read them: the PDF's text through pdftotext (poppler-utils), the
 * DOCX's document.xml out of its zip. First the demo's closed sitting 23 (Polish), then a
 * Bulgarian council's sitting run here over HTTP, its named list fetched while it is still open.
 */

interface Seeded {
  readonly pastId: string;
  readonly convenedId: string;
  readonly draftId: string;
  readonly pastSetup: SittingSetup;
  readonly pastStartsAt: Date;
  readonly bgItems: readonly string[];
}

let veche: RunningVeche;
let dataDir: string;
let seeded: Seeded;
let bg: SecondCouncil;
const scratch = mkdtempSync(join(tmpdir(), 'veche-minutes-'));

async function seed(): Promise<Seeded> {
  const database = await openEmbeddedDatabase(join(dataDir, 'pgdata'));
  try {
    const repos = createRepositories({
      db: database.db,
      clock: () => new Date(),
      newId: randomUUID,
    });
    const council = (await repos.councils.list()).find((c) => c.name === DEMO_COUNCIL_NAME)!;
    const rows = await repos.sittings.listForCouncil(council.id);
    const past = rows.find((row) => row.number === 23)!;
    const convened = rows.find((row) => row.status === 'convened')!;
    const draft = await repos.sittings.create({
      councilId: council.id,
      bodyId: past.bodyId,
      termId: past.termId,
      title: 'Szkic',
      kind: 'ordinary',
      mode: 'hall',
      status: 'draft',
      startsAt: new Date(Date.now() + 20 * 86_400_000),
    });
    const bgItems = (await repos.sittings.agendaOf(bg.councilId, [bg.sittingId]))
      .sort((a, b) => a.position - b.position)
      .map((row) => row.id);
    return {
      pastId: past.id,
      convenedId: convened.id,
      draftId: draft.id,
      pastSetup: past.logSetup as SittingSetup,
      pastStartsAt: past.startsAt,
      bgItems,
    };
  } finally {
    await database.close();
  }
}

requirePdfToText('the minutes tests');

async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${veche.url}${path}`, { headers });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/** The DOCX's main part, and its text with each paragraph on its own line. */
async function docxText(docx: Buffer): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ');
  return { xml, text: text.replace(/\s+/g, ' ') };
}

async function expectNotFound(path: string): Promise<void> {
  const response = await fetch(`${veche.url}${path}`);
  expect(response.status, path).toBe(404);
  expect(response.headers.get('content-type')).toMatch(/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('not_found');
  expect(body.error.message).not.toBe('');
}

beforeAll(async () => {
  const first = await startVeche();
  dataDir = first.dataDir;
  await first.stop({ keepData: true });
  bg = await addBulgarianCouncil(dataDir);
  seeded = await seed();
  veche = await startVeche({ dataDir, env: { LOGIN_RATE_LIMIT: '1000' } });
});

afterAll(async () => {
  await veche?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

const memberName = (index: number) => seeded.pastSetup.members[index]!.name;

describe.skipIf(!HAVE_PDFTOTEXT)('the minutes of the demo council sitting 23', () => {
  let text: string;
  beforeAll(async () => {
    const { response, body } = await download(`/api/public/sittings/${seeded.pastId}/minutes.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    text = pdfText(body, scratch);
  });

  it('is a download with an ASCII name, the Polish name, and an ETag that a client can send back', async () => {
    const { response } = await download(`/api/public/sittings/${seeded.pastId}/minutes.pdf`);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(
      seeded.pastStartsAt,
    );
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="minutes-XXIII-${day}.pdf"; filename*=UTF-8''` +
        encodeURIComponent(`Protokół XXIII ${day}.pdf`),
    );
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}-[0-9a-f]{8}-pdf"$/);
    const again = await download(`/api/public/sittings/${seeded.pastId}/minutes.pdf`, {
      'if-none-match': etag,
    });
    expect(again.response.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('says which resolution each draft became, by the register’s number', () => {
    const year = String(seeded.pastStartsAt.getUTCFullYear());
    expect(text).toContain(
      `Przyjęto: 11 za, wymagane więcej niż 7 z 14. Podjęto uchwałę nr XXIII/1/${year}.`,
    );
    expect(text).toContain(
      'Odrzucono: 4 za, wymagane więcej niż 5,5 z 11. Projekt uchwały nie został przyjęty.',
    );
    expect(text).toContain(`Podjęto uchwałę nr XXIII/2/${year}.`);
  });

  it('ends with the last hash of the log and how to verify the record', async () => {
    const record = await new TestClient(veche.url).get<{ head: { seq: number; hash: string } }>(
      `/api/public/sittings/${seeded.pastId}/record.json`,
    );
    const { seq, hash } = record.body.head;
    expect(text).toContain(`zdarzeniem ${String(seq)} o skrócie ${hash}`);
    // (A long address may wrap in the PDF.)
    expect(text.replace(/\/ /g, '/')).toContain(
      `npx veche verify ${veche.url}/api/public/sittings/${seeded.pastId}/record.json`,
    );
  });

  it('has the header: council, sitting in Roman numerals, date, place and mode', () => {
    const date = new Intl.DateTimeFormat('pl-PL', {
      dateStyle: 'long',
      timeZone: 'Europe/Warsaw',
    }).format(seeded.pastStartsAt);
    expect(text).toContain('Protokół');
    expect(text).toContain('Rada Miejska w Wierzbowie');
    expect(text).toContain('XXIII sesja');
    expect(text).toContain(`Data: ${date}`);
    expect(text).toContain('Miejsce: Sala obrad Urzędu Miejskiego, Rynek 1, Wierzbów');
    expect(text).toContain('Tryb: stacjonarny (na sali obrad)');
  });

  it('times the opening in the council time zone and records the break', () => {
    expect(text).toContain('Otwarcie sesji: 10:02.');
    expect(text).toMatch(/Zamknięcie sesji: \d\d:\d\d\./);
    expect(text).toMatch(/Przerwy \d\d:\d\d–\d\d:\d\d: Przerwa/);
  });

  it('lists attendance with Polish names, the late arrival, the departure and the absent member', () => {
    expect(text).toContain('W sesji uczestniczyło 14 z 15 radnych; nieobecnych: 1.');
    const withDiacritics = seeded.pastSetup.members.filter((m) =>
      /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/.test(m.name),
    );
    expect(withDiacritics.length).toBeGreaterThan(0);
    for (const member of seeded.pastSetup.members) expect(text).toContain(member.name);
    expect(text).toMatch(new RegExp(`${memberName(14)} nieobecność`));
    // Everyone present came at the quorum check but the late one; the one who left has a time.
    expect(text).toMatch(new RegExp(`${memberName(12)} 10:\\d\\d \\d\\d:\\d\\d`));
    expect(text).toMatch(new RegExp(`${memberName(13)} 10:0\\d \\d\\d:\\d\\d`));
  });

  it('has the adopted agenda, the amendment with its vote, and every vote with its arithmetic', () => {
    expect(text).toContain('6. Informacja Burmistrza o pracy między sesjami');
    expect(text).toContain('Dodano punkt 6: Informacja Burmistrza o pracy między sesjami.');
    expect(text).toContain('Przyjęto: 11 za, wymagane więcej niż 7,5 z 15');
    expect(text).toContain('Przyjęto: 12 za, wymagane więcej niż 6 z 12.');
    expect(text).toContain('Głosy: za: 11, przeciw: 2, wstrzymuję się: 1.');
    expect(text).toContain('Przyjęto: 11 za, wymagane więcej niż 7 z 14.');
    expect(text).toContain('Głosy: za: 4, przeciw: 7, wstrzymuję się: 2.');
    expect(text).toContain('Odrzucono: 4 za, wymagane więcej niż 5,5 z 11.');
    expect(text).toContain('Głosowanie tajne');
    expect(text).toContain('Przyjęto: 11 za, wymagane więcej niż 6 z 12.');
    expect(text).toContain('bezwzględna większość głosów');
  });

  it('has the speeches with speaker, type and length, in the items they belong to', () => {
    expect(text).toMatch(new RegExp(`${memberName(3)}, wystąpienie: 6 min 0 s`));
    expect(text).toMatch(new RegExp(`${memberName(5)}, wystąpienie: 5 min 0 s`));
    expect(text).toMatch(/przekroczenie czasu o 1 min 0 s/);
    const proceedings = text.indexOf('Przebieg obrad');
    const budget = text.indexOf('3. Projekt uchwały w sprawie zmian w budżecie', proceedings);
    const street = text.indexOf('4. Projekt uchwały w sprawie nadania nazwy ulicy', proceedings);
    const speech = text.indexOf(`${memberName(7)}, wystąpienie: 4 min 0 s`);
    expect(proceedings).toBeGreaterThan(0);
    expect(budget).toBeGreaterThan(0);
    expect(speech).toBeGreaterThan(budget);
    expect(speech).toBeLessThan(street);
  });

  it('says the same in the DOCX, with real headings and tables', async () => {
    const { response, body } = await download(`/api/public/sittings/${seeded.pastId}/minutes.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="minutes-XXIII-\d{4}-\d\d-\d\d\.docx"; filename\*=UTF-8''Protok%C3%B3%C5%82/,
    );
    expect(response.headers.get('etag')).toMatch(/-docx"$/);
    const { xml, text: docx } = await docxText(body);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(docx).toContain('Lista obecności');
    for (const member of seeded.pastSetup.members) expect(docx).toContain(member.name);
    expect(docx).toContain('Przyjęto: 11 za, wymagane więcej niż 7 z 14.');
    expect(docx).toContain('Odrzucono: 4 za, wymagane więcej niż 5,5 z 11.');
    expect(docx).toContain('Dodano punkt 6: Informacja Burmistrza o pracy między sesjami.');
    expect(docx).toContain('Otwarcie sesji: 10:02.');
  });

  it('publishes the named list of a closed named vote, and no list of a secret one', async () => {
    const { response, body } = await download(
      `/api/public/sittings/${seeded.pastId}/votes/demo-vote-street/list.pdf`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="vote-list-XXIII-\d{4}-\d\d-\d\d-demo-vote-street\.pdf"/,
    );
    const list = pdfText(body, scratch);
    expect(list).toContain('Imienny wykaz głosowania');
    expect(list).toContain('Projekt uchwały w sprawie nadania nazwy ulicy „Źródlana” w Wierzbowie');
    expect(list).toContain('Odrzucono: 4 za, wymagane więcej niż 5,5 z 11.');
    expect(list).toContain(`1 ${memberName(0)} za`);
    expect(list).toContain(`3 ${memberName(2)} wstrzymuję się`);
    expect(list).toContain(`4 ${memberName(3)} przeciw`);
    // The one who left during the break and the one who never came are absent, not listed.
    expect(list).toContain(`Nieobecni: ${memberName(13)}, ${memberName(14)}.`);
    expect(list.match(/ (za|przeciw|wstrzymuję się)( |$)/g)!.length).toBeGreaterThanOrEqual(13);

    await expectNotFound(`/api/public/sittings/${seeded.pastId}/votes/demo-vote-judges/list.pdf`);
    await expectNotFound(`/api/public/sittings/${seeded.pastId}/votes/no-such-vote/list.pdf`);
  });

  it('answers "not found" for an unknown sitting, a draft and one not yet started', async () => {
    for (const id of [randomUUID(), seeded.draftId, seeded.convenedId]) {
      await expectNotFound(`/api/public/sittings/${id}/minutes.pdf`);
      await expectNotFound(`/api/public/sittings/${id}/minutes.docx`);
      await expectNotFound(`/api/public/sittings/${id}/votes/demo-vote-budget/list.pdf`);
    }
    const bad = await fetch(`${veche.url}/api/public/sittings/not-a-uuid/minutes.pdf`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('sittingId');
  });
});

describe.skipIf(!HAVE_PDFTOTEXT)('the minutes of a Bulgarian council', () => {
  let operator: TestClient;
  let councillor: TestClient;
  let openEtag: string;

  async function command(client: TestClient, body: Record<string, unknown>): Promise<void> {
    const response = await client.post(`/api/sittings/${bg.sittingId}/commands`, {
      commandId: randomUUID(),
      command: body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }

  beforeAll(async () => {
    operator = new TestClient(veche.url);
    councillor = new TestClient(veche.url);
    for (const [client, email] of [
      [operator, bg.operatorEmail],
      [councillor, bg.councillorEmail],
    ] as const) {
      const login = await client.post('/api/auth/login', { email, password: bg.password });
      expect(login.status).toBe(200);
    }
  });

  it('publishes a named list as soon as its vote closes, while the sitting is still open', async () => {
    const [opening, budget] = seeded.bgItems;
    await command(operator, { type: 'sitting.open' });
    await command(operator, { type: 'agenda.set_current', itemId: opening });
    await command(operator, { type: 'quorum.start', checkId: 'bg-q1', durationMs: 60_000 });
    await command(councillor, { type: 'presence.confirm' });
    for (const index of [0, 2, 3]) {
      await command(operator, {
        type: 'presence.mark',
        memberId: bg.memberIds[index],
        present: true,
      });
    }
    await command(operator, { type: 'quorum.close' });
    await command(operator, { type: 'agenda.set_current', itemId: budget });
    await command(councillor, {
      type: 'speaker.request',
      requestId: 'bg-speech-1',
      speechType: 'normal',
      itemId: budget,
    });
    await command(operator, { type: 'speaker.grant', requestId: 'bg-speech-1' });
    await command(operator, { type: 'speaker.end' });
    await command(operator, {
      type: 'vote.open',
      voteId: 'bg-vote-budget',
      subject: 'Приемане на бюджета за 2027 г.',
      itemId: budget,
      kind: 'named',
      majority: 'bg.majority_present',
      durationMs: 120_000,
    });
    await command(councillor, { type: 'vote.cast', voteId: 'bg-vote-budget', choice: 'for' });
    for (const [index, choice] of [
      [0, 'for'],
      [2, 'against'],
      [3, 'for'],
    ] as const) {
      await command(operator, {
        type: 'vote.cast',
        voteId: 'bg-vote-budget',
        memberId: bg.memberIds[index],
        choice,
        proxyReason: 'Повреда на таблета',
      });
    }
    await command(operator, { type: 'vote.close', voteId: 'bg-vote-budget' });
    await command(operator, {
      type: 'vote.open',
      voteId: 'bg-vote-second',
      subject: 'Второ гласуване',
      itemId: budget,
      kind: 'named',
      majority: 'bg.majority_present',
      durationMs: 120_000,
    });

    const { response, body } = await download(
      `/api/public/sittings/${bg.sittingId}/votes/bg-vote-budget/list.pdf`,
    );
    expect(response.status).toBe(200);
    const list = pdfText(body, scratch);
    expect(list).toContain('Поименно гласуване');
    expect(list).toContain('Приемане на бюджета за 2027 г.');
    // In the order of the body's members (by family name); the councillor voted herself.
    expect(list).toContain('1 Мария Георгиева за 2 ');
    expect(list).toContain('2 Георги Димитров против (въведено от оператора)');
    expect(list).toContain('3 Иван Петров за (въведено от оператора)');
    expect(list).toContain('4 Елена Стоянова за (въведено от оператора)');
    expect(list).toContain('Отсъстващи: Николай Христов.');
    expect(list).toContain('Прието: 3 „за“, необходими повече от 2 от 4.');
    // The vote still open has no list yet.
    await expectNotFound(`/api/public/sittings/${bg.sittingId}/votes/bg-vote-second/list.pdf`);

    const whileOpen = await download(`/api/public/sittings/${bg.sittingId}/minutes.pdf`);
    openEtag = whileOpen.response.headers.get('etag')!;
    const open = pdfText(whileOpen.body, scratch);
    expect(open).toContain('Заседанието още не е закрито');
    expect(open).toContain('Гласуването продължава.');
  });

  it('writes the closed sitting minutes in Bulgarian, in Cyrillic, in the council time zone', async () => {
    await command(operator, {
      type: 'vote.annul',
      voteId: 'bg-vote-second',
      reason: 'Техническа грешка',
    });
    await command(operator, { type: 'sitting.suspend', reason: 'Почивка за консултации' });
    await command(operator, { type: 'sitting.resume' });
    await command(operator, { type: 'sitting.close' });

    const { response, body } = await download(`/api/public/sittings/${bg.sittingId}/minutes.pdf`, {
      'if-none-match': openEtag,
    });
    // The log moved on since the open sitting's minutes were fetched: the old ETag is stale.
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).not.toBe(openEtag);
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(
        `^attachment; filename="minutes-I-\\d{4}-\\d\\d-\\d\\d\\.pdf"; filename\\*=UTF-8''${encodeURIComponent('Протокол I ')}`,
      ),
    );
    const text = pdfText(body, scratch);
    const sofia = new Intl.DateTimeFormat('bg-BG', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Europe/Sofia',
    });
    expect(text).toContain('Протокол');
    expect(text).toContain('Общински съвет – Тестово');
    expect(text).toContain('I заседание — Общински съвет – Тестово: Редовно заседание');
    expect(text).toContain('Начин на провеждане: присъствено в залата');
    expect(text).toMatch(/Заседанието е открито в \d\d:\d\d ч\./);
    expect(text).toMatch(/Заседанието е закрито в \d\d:\d\d ч\./);
    expect(text).toContain('Почивки');
    expect(text).toContain('Почивка за консултации');
    expect(text).toContain('Присъствие');
    expect(text).toContain('Присъстваха 4 от 5 общински съветници; отсъстваха 1.');
    expect(text).toContain('Николай Христов отсъства');
    for (const name of ['Иван Петров', 'Мария Георгиева', 'Георги Димитров', 'Елена Стоянова']) {
      expect(text).toContain(name);
    }
    expect(text).toContain('Мария Георгиева, изказване: 0 мин');
    expect(text).toContain('Поименно гласуване');
    expect(text).toContain('Гласове: за: 3, против: 1, въздържал се: 0.');
    expect(text).toContain('Гласуваха 4 от 4 съветници с право на глас.');
    expect(text).toContain('Прието: 3 „за“, необходими повече от 2 от 4.');
    expect(text).toContain('Гласуването е анулирано: Техническа грешка.');
    // The close time is the wall clock in Sofia now (to the minute, give or take one).
    const now = Date.now();
    const candidates = [now - 60_000, now, now + 60_000].map((at) => sofia.format(at));
    expect(candidates.some((time) => text.includes(`закрито в ${time} ч.`))).toBe(true);

    const docx = await docxText(
      (await download(`/api/public/sittings/${bg.sittingId}/minutes.docx`)).body,
    );
    expect(docx.text).toContain('Присъствие');
    expect(docx.text).toContain('Николай Христов');
    expect(docx.text).toContain('Прието: 3 „за“, необходими повече от 2 от 4.');
  });
});
