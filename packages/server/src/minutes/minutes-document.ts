import {
  MAJORITY_PRESETS,
  type AttendanceRecord,
  type ItemEntry,
  type Language,
  type SittingMode,
  type MinutesRecord,
  type SpeechRecord,
  type VoteRecord,
} from '@veche/domain';
import { MAIL_LOCALES } from '../mail/mail-texts.js';
import { sittingName } from '../sittings/sitting-name.js';
import { fill, MINUTES_LABELS, type MinutesLabelKey, type MinutesLabels } from './minutes-texts.js';

/*
 * The minutes and the named vote list as a plain list of blocks (headings, paragraphs, tables),
 * in the council's language and time zone. The PDF and the DOCX renderers only lay these blocks
 * out, so both formats always say the same thing.
 */

export type MinutesBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | {
      readonly kind: 'paragraph';
      readonly text: string;
      readonly bold?: boolean;
      readonly indent?: number;
    }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      /** Relative widths of the columns. */
      readonly widths: readonly number[];
      readonly rows: readonly (readonly string[])[];
    };

export interface MinutesDocument {
  readonly language: Language;
  /** The document's title in its metadata. */
  readonly title: string;
  readonly blocks: readonly MinutesBlock[];
  /** "Page {{page}} of {{pages}}" in the document's language. */
  readonly pageLabel: string;
}

/** What the minutes say about the sitting besides its record: from the sitting and the council. */
export interface MinutesHeader {
  readonly councilName: string;
  readonly bodyName: string;
  /** The sitting's number in the body's term (shown in Roman numerals). */
  readonly number: number;
  readonly title: string;
  readonly startsAt: Date;
  readonly place: string | null;
  readonly mode: SittingMode;
  readonly timeZone: string;
  readonly language: Language;
  /**
   * The last event of the log and where its public record is: printed at the end, so that a
   * copy of the last hash is kept outside the server (it pins the end of the chain).
   */
  readonly chainHead?: { readonly seq: number; readonly hash: string; readonly recordUrl: string };
  /** What the sitting resolved (the register's entries), by the vote that decided each. */
  readonly resolutions?: readonly {
    readonly voteId: string;
    readonly number: string | null;
    readonly adopted: boolean;
  }[];
}

/** The language whose words a majority preset's native name is written in. */
const PRESET_LANGUAGE: Readonly<Record<string, Language>> = {
  PL: 'pl',
  BG: 'bg',
  RS: 'sr-Cyrl',
};

class Writer {
  readonly labels: MinutesLabels;
  private readonly timeFormat: Intl.DateTimeFormat;
  private readonly dateFormat: Intl.DateTimeFormat;

  constructor(readonly header: MinutesHeader) {
    this.labels = MINUTES_LABELS[header.language];
    const locale = MAIL_LOCALES[header.language];
    this.timeFormat = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: header.timeZone,
    });
    this.dateFormat = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeZone: header.timeZone,
    });
  }

  t(key: MinutesLabelKey, params?: Readonly<Record<string, string | number>>): string {
    return fill(this.labels[key], params);
  }

  time(at: number): string {
    return this.timeFormat.format(new Date(at));
  }

  date(at: Date): string {
    return this.dateFormat.format(at);
  }

  duration(ms: number): string {
    const seconds = Math.round(ms / 1000);
    return this.t('duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  }

  decimal(text: string): string {
    return text.replace('.', this.labels.decimalSeparator);
  }

  choice(option: string): string {
    if (option === 'for') return this.labels.choice_for;
    if (option === 'against') return this.labels.choice_against;
    if (option === 'abstain') return this.labels.choice_abstain;
    return option;
  }
}

function heading(writer: Writer, heading: string): MinutesBlock[] {
  const { header } = writer;
  return [
    { kind: 'title', text: heading },
    { kind: 'paragraph', text: header.councilName, bold: true },
    { kind: 'paragraph', text: sittingTitle(header) },
    { kind: 'paragraph', text: writer.t('date', { date: writer.date(header.startsAt) }) },
    ...(header.place === null || header.place.trim() === ''
      ? []
      : [{ kind: 'paragraph' as const, text: writer.t('place', { place: header.place }) }]),
    { kind: 'paragraph', text: writer.t('mode', { mode: writer.t(`mode_${header.mode}`) }) },
  ];
}

function speechLine(writer: Writer, speech: SpeechRecord): string {
  const params = {
    time: writer.time(speech.grantedAt),
    // A resident (no member id) is marked as one: the minutes name councillors and residents alike.
    name:
      speech.memberId === null
        ? writer.t('residentSpeaker', { name: speech.speakerName })
        : speech.speakerName,
    type: writer.t(`speechType_${speech.type}`),
  };
  if (speech.spokeMs === null) return writer.t('speechUnfinished', params);
  const line = writer.t('speech', { ...params, duration: writer.duration(speech.spokeMs) });
  return speech.overranMs !== null && speech.overranMs > 0
    ? `${line}; ${writer.t('speechOverran', { overrun: writer.duration(speech.overranMs) })}`
    : line;
}

/** "Adopted: 14 for, required more than 10.5 of 21", with the reason when it is not plain. */
export function outcomeLine(writer: Writer, vote: VoteRecord): string {
  const outcome = vote.outcome;
  if (outcome === null) return writer.t('outcomeNone');
  const verdict = outcome.passed ? writer.t('outcomePassed') : writer.t('outcomeRejected');
  const arithmetic = writer.t('arithmetic', {
    for: outcome.forCount,
    comparison: writer.t(`comparison_${outcome.comparison}`),
    required: writer.decimal(outcome.required.text),
    base: outcome.baseSize,
  });
  const against = { against: outcome.againstCount };
  const reason =
    outcome.reason === 'tie'
      ? writer.t('reason_tie', against)
      : outcome.reason === 'more_against'
        ? writer.t('reason_more_against', against)
        : outcome.reason === 'none_for'
          ? writer.t('reason_none_for')
          : null;
  return `${verdict}: ${arithmetic}${reason === null ? '' : `; ${reason}`}.`;
}

function ruleLine(writer: Writer, vote: VoteRecord): string {
  const rule = vote.majority;
  const params = {
    comparison: writer.t(`comparison_${rule.comparison}`),
    fraction: `${String(rule.num)}/${String(rule.den)}`,
    base: writer.t(`base_${rule.base}`),
  };
  const preset = MAJORITY_PRESETS.find((candidate) => candidate.id === vote.majorityPresetId);
  return preset !== undefined && PRESET_LANGUAGE[preset.country] === writer.header.language
    ? writer.t('voteRulePreset', { ...params, preset: preset.nativeName })
    : writer.t('voteRule', params);
}

function voteBlocks(writer: Writer, vote: VoteRecord): MinutesBlock[] {
  const blocks: MinutesBlock[] = [
    {
      kind: 'paragraph',
      bold: true,
      text: writer.t('voteHeading', {
        kind: writer.t(`voteKind_${vote.kind}`),
        time: writer.time(vote.openedAt),
        subject: vote.subject,
      }),
    },
  ];
  const line = (text: string) => blocks.push({ kind: 'paragraph', text, indent: 1 });
  if (vote.repeatOf !== null) line(writer.t('voteRepeatOf'));
  line(ruleLine(writer, vote));
  if (vote.status === 'open') line(writer.t('voteOpen'));
  if (vote.status === 'annulled') {
    line(writer.t('voteAnnulled', { reason: vote.annulment?.reason ?? '' }));
  }
  if (vote.status === 'closed' && vote.counts !== null) {
    const counts = vote.options
      .map((option) => `${writer.choice(option)}: ${String(vote.counts?.[option] ?? 0)}`)
      .join(', ');
    line(writer.t('voteCounts', { counts }));
    line(writer.t('voteTurnout', { voted: vote.voted ?? 0, entitled: vote.entitled }));
    line(outcomeLine(writer, vote));
    const resolution = writer.header.resolutions?.find((entry) => entry.voteId === vote.voteId);
    if (resolution !== undefined) {
      line(
        resolution.adopted && resolution.number !== null
          ? writer.t('resolutionAdopted', { number: resolution.number })
          : writer.t('resolutionRejected'),
      );
    }
  }
  if (vote.repeatedBy !== null) line(writer.t('voteRepeatedBy'));
  if (vote.named !== null) {
    blocks.push({
      kind: 'table',
      columns: [writer.t('columnNumber'), writer.t('columnName'), writer.t('columnChoice')],
      widths: [1, 6, 4],
      rows: vote.named.map((ballot, index) => [
        String(index + 1),
        ballot.name,
        ballot.byProxy
          ? `${writer.choice(ballot.choice)} ${writer.t('byProxy')}`
          : writer.choice(ballot.choice),
      ]),
    });
    if (vote.notVoting.length > 0)
      line(writer.t('notVoting', { names: vote.notVoting.join(', ') }));
    if (vote.absent.length > 0) line(writer.t('absentMembers', { names: vote.absent.join(', ') }));
  }
  return blocks;
}

function entryBlocks(writer: Writer, entry: ItemEntry): MinutesBlock[] {
  return entry.kind === 'speech'
    ? [{ kind: 'paragraph', text: speechLine(writer, entry.speech) }]
    : voteBlocks(writer, entry.vote);
}

function attendanceRow(writer: Writer, member: AttendanceRecord, index: number): string[] {
  if (member.intervals.length === 0) {
    return [String(index + 1), member.name, writer.t('absent'), ''];
  }
  return [
    String(index + 1),
    member.name,
    member.intervals.map((interval) => writer.time(interval.from)).join('\n'),
    member.intervals
      .map((interval) =>
        interval.to === null ? writer.t('stillPresent') : writer.time(interval.to),
      )
      .join('\n'),
  ];
}

/** The minutes of a sitting, from its record. */
export function minutesDocument(header: MinutesHeader, record: MinutesRecord): MinutesDocument {
  const writer = new Writer(header);
  const blocks: MinutesBlock[] = heading(writer, writer.t('documentTitle'));
  const paragraph = (text: string) => blocks.push({ kind: 'paragraph', text });

  if (record.openedAt === null) paragraph(writer.t('notOpened'));
  else paragraph(writer.t('opened', { time: writer.time(record.openedAt) }));
  if (record.closedAt !== null)
    paragraph(writer.t('closed', { time: writer.time(record.closedAt) }));
  else paragraph(writer.t('notClosed'));

  if (record.breaks.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: writer.t('breaksHeading') });
    for (const pause of record.breaks) {
      const reason = pause.reason ?? '';
      paragraph(
        pause.to === null
          ? writer.t('breakUnfinished', { from: writer.time(pause.from), reason })
          : writer.t('breakLine', {
              from: writer.time(pause.from),
              to: writer.time(pause.to),
              reason,
            }),
      );
    }
  }

  blocks.push({ kind: 'heading', level: 1, text: writer.t('attendanceHeading') });
  const attended = record.attendance.filter((member) => member.intervals.length > 0).length;
  paragraph(
    writer.t('attendanceSummary', {
      present: attended,
      statutory: record.statutorySize,
      absent: record.attendance.length - attended,
    }),
  );
  blocks.push({
    kind: 'table',
    columns: [
      writer.t('columnNumber'),
      writer.t('columnName'),
      writer.t('columnArrived'),
      writer.t('columnLeft'),
    ],
    widths: [1, 6, 3, 3],
    rows: record.attendance.map((member, index) => attendanceRow(writer, member, index)),
  });

  blocks.push({ kind: 'heading', level: 1, text: writer.t('agendaHeading') });
  for (const item of record.agenda) {
    blocks.push({ kind: 'paragraph', text: `${item.number}. ${item.title}`, indent: item.depth });
  }
  if (record.amendments.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: writer.t('amendmentsHeading') });
    const votes = new Map(record.votes.map((vote) => [vote.voteId, vote]));
    for (const amendment of record.amendments) {
      const { change } = amendment;
      paragraph(
        change.op === 'insert'
          ? writer.t('amendment_insert', {
              number: amendment.numberAfter ?? '',
              title: amendment.title,
            })
          : change.op === 'remove'
            ? writer.t('amendment_remove', {
                number: amendment.numberBefore ?? '',
                title: amendment.title,
              })
            : writer.t('amendment_move', {
                title: amendment.title,
                from: amendment.numberBefore ?? '',
                to: amendment.numberAfter ?? '',
              }),
      );
      const basis = amendment.basisVoteId === null ? undefined : votes.get(amendment.basisVoteId);
      if (basis !== undefined) {
        blocks.push({
          kind: 'paragraph',
          indent: 1,
          text: writer.t('amendmentBasis', {
            subject: basis.subject,
            outcome: outcomeLine(writer, basis).replace(/\.$/, ''),
          }),
        });
      }
    }
  }

  blocks.push({ kind: 'heading', level: 1, text: writer.t('proceedingsHeading') });
  for (const item of record.items) {
    blocks.push({ kind: 'heading', level: 2, text: `${item.number}. ${item.title}` });
    // A heading whose sub-items follow says nothing of its own unless something happened on it.
    const heading = record.agenda.some((other) => other.parentId === item.id);
    if (item.entries.length === 0 && !(heading && item.reached)) {
      paragraph(item.reached ? writer.t('nothingRecorded') : writer.t('itemNotReached'));
    }
    for (const entry of item.entries) blocks.push(...entryBlocks(writer, entry));
  }
  if (record.otherEntries.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: writer.t('otherEntriesHeading') });
    for (const entry of record.otherEntries) blocks.push(...entryBlocks(writer, entry));
  }
  if (header.chainHead !== undefined) {
    paragraph(
      writer.t('chainHead', {
        seq: String(header.chainHead.seq),
        hash: header.chainHead.hash,
        command: `npx veche verify ${header.chainHead.recordUrl}`,
      }),
    );
  }
  paragraph(writer.t('footer'));

  return {
    language: header.language,
    title: `${writer.t('documentTitle')} – ${sittingTitle(header)}`,
    blocks,
    pageLabel: writer.labels.page,
  };
}

/** The named list of one closed named vote, with its item, rule, counts and outcome. */
export function namedListDocument(
  header: MinutesHeader,
  record: MinutesRecord,
  vote: VoteRecord,
): MinutesDocument {
  const writer = new Writer(header);
  const blocks: MinutesBlock[] = heading(writer, writer.t('namedListTitle'));
  const item = record.agenda.find((candidate) => candidate.id === vote.itemId);
  if (item !== undefined) {
    blocks.push({ kind: 'heading', level: 2, text: `${item.number}. ${item.title}` });
  }
  blocks.push(...voteBlocks(writer, vote));
  blocks.push({ kind: 'paragraph', text: writer.t('footer') });
  return {
    language: header.language,
    title: `${writer.t('namedListTitle')} – ${vote.subject}`,
    blocks,
    pageLabel: writer.labels.page,
  };
}

function sittingTitle(header: MinutesHeader): string {
  return sittingName(header.language, header);
}
