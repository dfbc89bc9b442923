import type { Language, SittingEvent, SittingState } from '@veche/domain';
import { agendaIndex, closedVotes } from './vote-records.js';

/** The word before a vote's subject in its chapter, in the council's language. */
const VOTE_PREFIX: Record<Language, string> = {
  pl: 'Głosowanie',
  bg: 'Гласуване',
  'sr-Cyrl': 'Гласање',
  'sr-Latn': 'Glasanje',
  en: 'Vote',
};

export interface Chapter {
  readonly id: string;
  readonly kind: 'item' | 'vote';
  /** Milliseconds since the recording's start. */
  readonly startMs: number;
  readonly endMs: number;
  readonly text: string;
}

/**
 * The chapters of a sitting's recording: one per stretch of the log during which an agenda item
 * was current (from `agenda.current_set` to the next one or the close; `until` if the sitting
 * has not closed), and one per closed vote (opened to closed), with times measured from
 * `recordingStart`. A chapter that ends before the recording starts is left out, one that
 * begins before it is cut to start at zero.
 */
export function recordingChapters(
  state: SittingState,
  events: readonly { readonly type: string }[],
  recordingStart: number,
  until: number,
  language: Language,
): Chapter[] {
  const agenda = agendaIndex(state);
  const chapters: Chapter[] = [];
  const add = (chapter: Omit<Chapter, 'startMs' | 'endMs'>, from: number, to: number) => {
    const startMs = Math.max(0, from - recordingStart);
    const endMs = to - recordingStart;
    if (endMs > startMs) chapters.push({ ...chapter, startMs, endMs });
  };
  let current: { itemId: string; since: number } | null = null;
  let stretch = 0;
  const endItem = (at: number) => {
    if (current === null) return;
    const item = agenda.get(current.itemId);
    stretch++;
    add(
      {
        id: `item-${String(stretch)}`,
        kind: 'item',
        text: item === undefined ? current.itemId : `${item.number}. ${item.title}`,
      },
      current.since,
      at,
    );
    current = null;
  };
  for (const logged of events) {
    const event = logged as SittingEvent;
    if (event.type === 'agenda.current_set') {
      endItem(event.at);
      if (event.itemId !== null) current = { itemId: event.itemId, since: event.at };
    } else if (event.type === 'sitting.closed') {
      endItem(event.at);
    }
  }
  endItem(until);
  for (const vote of closedVotes(state)) {
    add(
      { id: `vote-${vote.id}`, kind: 'vote', text: `${VOTE_PREFIX[language]}: ${vote.subject}` },
      vote.openedAt,
      vote.result!.closedAt,
    );
  }
  // By start; a chapter that starts with another holds it, so the longer comes first.
  return chapters.sort((a, b) => a.startMs - b.startMs || b.endMs - a.endMs);
}

/** HH:MM:SS.mmm, hours as many digits as needed (at least two). */
export function vttTime(ms: number): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(ms % 1000, 3)}`;
}

/** Cue text may not hold `&`, `<` or a line that would end the cue. */
const cueText = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\n]+/g, ' ');

/** A WebVTT file of chapters (https://www.w3.org/TR/webvtt1/): header, then one cue each. */
export function chaptersVtt(chapters: readonly Chapter[]): string {
  const cues = chapters.map(
    (chapter) =>
      `${chapter.id}\n${vttTime(chapter.startMs)} --> ${vttTime(chapter.endMs)}\n${cueText(chapter.text)}\n`,
  );
  return ['WEBVTT\n', ...cues].join('\n');
}
