import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decide,
  evolve,
  initialSittingState,
  sittingRecord,
  type Language,
  type RecordedEvent,
  type SittingCommand,
  type SittingSetup,
  type SittingState,
} from '@veche/domain';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { minutesDocument, namedListDocument, type MinutesHeader } from './minutes-document.js';
import { minutesDocx } from './minutes-docx.js';
import { minutesPdf } from './minutes-pdf.js';

/*
 * The minutes' blocks and both renderers on sittings driven here through the domain's decider:
 * the turns the demo sitting does not take (an agenda item removed and one moved, an annulled
 * vote repeated, a ballot entered by the operator, a resident speaking off the agenda, an
 * election without "for"), in Serbian, both scripts, whose letters must come out of the PDF.
 */

const scratch = mkdtempSync(join(tmpdir(), 'veche-minutes-unit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function pdfText(pdf: Buffer): string {
  const file = join(scratch, `${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}

const T0 = Date.UTC(2026, 5, 10, 8, 0); // 10:00 in Belgrade (summer time)

/** Runs commands through the decider and keeps the log as the server stores it, with seals. */
function runSitting(setup: SittingSetup, commands: readonly SittingCommand[]): RecordedEvent[] {
  let state: SittingState = initialSittingState(setup);
  let now = T0;
  const log: RecordedEvent[] = [];
  for (const command of commands) {
    now += 10_000;
    const decision = decide(state, command, now);
    if (!decision.ok) throw new Error(`${command.type}: ${JSON.stringify(decision.rejection)}`);
    state = decision.events.reduce(evolve, state);
    for (const event of decision.events) {
      if (event.type === 'vote.cast_recorded') continue;
      if (event.type === 'vote.participation_recorded') continue;
      if (event.type === 'vote.secret_choice_recorded') continue;
      log.push(event);
      if (event.type !== 'vote.closed') continue;
      const tally = state.votes[event.voteId]!.tally;
      const named =
        state.votes[event.voteId]!.kind === 'named' && !tally.secret
          ? Object.entries(tally.ballots).map(([memberId, ballot]) => ({
              memberId,
              choice: ballot.choice,
              enteredByUserId: ballot.enteredBy === null ? null : 'operator',
            }))
          : null;
      log.push({ type: 'vote.sealed', voteId: event.voteId, named, at: event.at });
    }
  }
  return log;
}

const CYRILLIC_MEMBERS = [
  { id: 'm1', name: 'Ђорђе Јовановић' },
  { id: 'm2', name: 'Љиљана Њењић' },
  { id: 'm3', name: 'Ћира Џиџовић' },
  { id: 'm4', name: 'Милица Шћепановић' },
];
const LATIN_MEMBERS = [
  { id: 'm1', name: 'Đorđe Jovanović' },
  { id: 'm2', name: 'Čedomir Šćepanović' },
  { id: 'm3', name: 'Žaklina Ćosić' },
  { id: 'm4', name: 'Ljiljana Kneževič-Njegoš' },
];

function setupWith(members: readonly { id: string; name: string }[]): SittingSetup {
  return {
    sittingId: 's1',
    number: 14,
    mode: 'hybrid',
    statutorySize: 5,
    quorumRule: 'more_than_half',
    members,
    agenda: [
      { id: 'i1', title: 'Отварање' },
      { id: 'i2', title: 'Буџет' },
      { id: 'i3', title: 'Избор' },
      { id: 'i4', title: 'Разно' },
    ],
    ballotChangeAllowed: false,
    majorityPresetId: 'rs.majority_present',
    defaultSpeakingLimitMs: 120_000,
    initialStatus: 'convened',
  };
}

const COMMANDS: readonly SittingCommand[] = [
  { type: 'sitting.open' },
  { type: 'presence.mark', memberId: 'm1', present: true },
  { type: 'presence.mark', memberId: 'm2', present: true },
  { type: 'presence.mark', memberId: 'm3', present: true },
  { type: 'agenda.amend', change: { op: 'remove', itemId: 'i4' }, basisVoteId: null },
  { type: 'agenda.amend', change: { op: 'move', itemId: 'i3', parentId: null, position: 0 } },
  { type: 'agenda.set_current', itemId: 'i2' },
  {
    type: 'vote.open',
    voteId: 'v1',
    subject: 'Буџет 2027',
    itemId: 'i2',
    kind: 'named',
    // At least half of the votes cast: a rule a tie meets, so that the tie itself fails it.
    majority: { base: 'cast', comparison: 'at_least', num: 1, den: 2 },
    durationMs: 60_000,
  },
  { type: 'vote.cast', voteId: 'v1', memberId: 'm1', choice: 'for' },
  { type: 'vote.annul', voteId: 'v1', reason: 'Квар' },
  { type: 'vote.repeat', voteId: 'v1', newVoteId: 'v2', durationMs: 60_000 },
  { type: 'vote.cast', voteId: 'v2', memberId: 'm1', choice: 'for' },
  {
    type: 'vote.cast',
    voteId: 'v2',
    memberId: 'm2',
    choice: 'against',
    enteredBy: { operatorId: 'op', reason: 'Таблет' },
  },
  { type: 'vote.close', voteId: 'v2', by: 'operator' },
  {
    type: 'speaker.request',
    requestId: 'r1',
    speaker: { kind: 'resident', requestId: 'p1', name: 'Грађанин Петар' },
    speechType: 'normal',
    itemId: null,
  },
  { type: 'agenda.set_current', itemId: null },
  { type: 'speaker.grant', requestId: 'r1' },
  { type: 'speaker.end' },
  {
    type: 'vote.open',
    voteId: 'v3',
    subject: 'Избор',
    itemId: 'i3',
    kind: 'open',
    majority: 'rs.majority_present',
    options: ['yes', 'no'],
    durationMs: 60_000,
  },
  { type: 'vote.cast', voteId: 'v3', memberId: 'm1', choice: 'yes' },
  { type: 'vote.close', voteId: 'v3', by: 'operator' },
  { type: 'sitting.close' },
];

function header(language: Language): MinutesHeader {
  return {
    councilName: language === 'sr-Latn' ? 'Skupština opštine Đurđevo' : 'Скупштина општине Ђурђево',
    bodyName: language === 'sr-Latn' ? 'Skupština' : 'Скупштина',
    number: 14,
    title: '',
    startsAt: new Date(T0),
    place: null,
    mode: 'hybrid',
    timeZone: 'Europe/Belgrade',
    language,
  };
}

describe('the minutes in Serbian Cyrillic', () => {
  const setup = setupWith(CYRILLIC_MEMBERS);
  const record = sittingRecord(setup, runSitting(setup, COMMANDS));
  const document = minutesDocument(header('sr-Cyrl'), record);

  it('renders every Serbian Cyrillic letter into the PDF text', async () => {
    const text = pdfText(await minutesPdf(document));
    expect(text).toContain('Записник');
    expect(text).toContain('XIV седница — Скупштина');
    // Opened ten seconds in, in Belgrade time (UTC+2 in June).
    expect(text).toContain('Седница је отворена у 10:00.');
    for (const member of CYRILLIC_MEMBERS.slice(0, 3)) expect(text).toContain(member.name);
    expect(text).toContain('Милица Шћепановић одсуство');
    expect(text).toContain('Начин одржавања: хибридно (у сали и на даљину)');
  });

  it('records removed and moved items, the annulled vote and its repetition, and the proxy', () => {
    const lines = document.blocks.flatMap((block) =>
      block.kind === 'table' ? block.rows.map((row) => row.join(' | ')) : [block.text],
    );
    expect(lines).toContain('Уклоњена је тачка 4: Разно.');
    expect(lines).toContain('Тачка „Избор” премештена је са 3 на 1.');
    expect(lines).toContain('1. Избор');
    expect(lines).toContain('Гласање је поништено: Квар.');
    expect(lines).toContain('Гласање је поновљено.');
    expect(lines).toContain('Поновљено поништено гласање.');
    expect(lines).toContain('2 | Љиљана Њењић | против (унео оператер)');
    expect(lines).toContain('Нису гласали: Ћира Џиџовић.');
    expect(lines).toContain('Одсутни: Милица Шћепановић.');
    expect(lines).toContain('Потребна већина: већина присутних (више од 1/2 присутних одборника).');
    expect(lines).toContain('Потребна већина: најмање 1/2 датих гласова „за” и „против”.');
    // One for and one against meet "at least half", but a tie never passes.
    expect(lines).toContain(
      'Одбијено: 1 „за”, потребно најмање 1 од 2; 1 „против”: при истом броју гласова предлог није усвојен.',
    );
    // An election is read from its counts; the resident spoke outside the agenda.
    expect(lines).toContain('Гласови: yes: 1, no: 0.');
    expect(lines).toContain('Резултат се чита из броја гласова.');
    expect(lines).toContain('Ван дневног реда');
    expect(
      lines.some((line) => line.includes('Грађанин Петар (грађанин), излагање: 0 мин 10 с')),
    ).toBe(true);
  });

  it('lists one named vote by itself, under its item', async () => {
    const vote = record.votes.find((candidate) => candidate.voteId === 'v2')!;
    const text = pdfText(await minutesPdf(namedListDocument(header('sr-Cyrl'), record, vote)));
    expect(text).toContain('Поименично гласање');
    expect(text).toContain('3. Буџет');
    expect(text).toContain('1 Ђорђе Јовановић за');
    expect(text).not.toContain('Избор');
  });
});

describe('the minutes in Serbian Latin', () => {
  const setup = setupWith(LATIN_MEMBERS);
  const record = sittingRecord(setup, runSitting(setup, COMMANDS));
  const document = minutesDocument(header('sr-Latn'), record);

  it('renders č ć đ š ž into the PDF and the DOCX', async () => {
    const text = pdfText(await minutesPdf(document));
    for (const member of LATIN_MEMBERS) expect(text).toContain(member.name);
    expect(text).toContain('Skupština opštine Đurđevo');
    expect(text).toContain('Zapisnik');
    expect(text).toContain('Odbijeno: 1 „za”, potrebno najmanje 1 od 2; 1 „protiv”');

    const zip = await JSZip.loadAsync(await minutesDocx(document));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const member of LATIN_MEMBERS) expect(xml).toContain(member.name);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('w:val="Title"');
    const footer = Object.keys(zip.files).find((name) => /^word\/footer\d*\.xml$/.test(name))!;
    const footerXml = await zip.file(footer)!.async('string');
    expect(footerXml).toContain('Strana ');
    expect(footerXml).toContain('PAGE');
  });
});
