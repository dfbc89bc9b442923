import type { Language } from '@veche/domain';
import { bg } from './locales/bg.js';
import { en } from './locales/en.js';
import { pl } from './locales/pl.js';
import { srCyrl } from './locales/sr-Cyrl.js';
import { srLatn } from './locales/sr-Latn.js';

/*
 * The words of the minutes and the named vote lists, in every language of the app: one file per
 * language under `locales/`, each a `MinutesLabels` (so the compiler finds a missing key).
 * `{{name}}` placeholders are filled by `fill`; `minutes-texts.test.ts` checks that every
 * language has the same placeholders and that the Cyrillic ones hold no stray Latin.
 */

export const MINUTES_LABEL_KEYS = [
  'documentTitle',
  'namedListTitle',
  'date',
  'place',
  'mode',
  'mode_hall',
  'mode_remote',
  'mode_hybrid',
  'opened',
  'closed',
  'notClosed',
  'notOpened',
  'breaksHeading',
  'breakLine',
  'breakUnfinished',
  'attendanceHeading',
  'attendanceSummary',
  'columnNumber',
  'columnName',
  'columnArrived',
  'columnLeft',
  'columnChoice',
  'absent',
  'stillPresent',
  'agendaHeading',
  'amendmentsHeading',
  'amendment_insert',
  'amendment_remove',
  'amendment_move',
  'amendmentBasis',
  'proceedingsHeading',
  'itemNotReached',
  'nothingRecorded',
  'otherEntriesHeading',
  'speech',
  'speechOverran',
  'residentSpeaker',
  'speechUnfinished',
  'speechType_normal',
  'speechType_ad_vocem',
  'speechType_formal_motion',
  'duration',
  'voteHeading',
  'voteKind_named',
  'voteKind_open',
  'voteKind_secret',
  'voteRule',
  'voteRulePreset',
  'comparison_more_than',
  'comparison_at_least',
  'base_cast',
  'base_valid',
  'base_present',
  'base_statutory',
  'voteCounts',
  'voteTurnout',
  'outcomePassed',
  'outcomeRejected',
  'outcomeNone',
  'arithmetic',
  'reason_tie',
  'reason_more_against',
  'reason_none_for',
  'voteOpen',
  'voteAnnulled',
  'voteRepeatOf',
  'voteRepeatedBy',
  'namedListHeading',
  'notVoting',
  'absentMembers',
  'byProxy',
  'choice_for',
  'choice_against',
  'choice_abstain',
  'decimalSeparator',
  'page',
  'footer',
  'chainHead',
  'resolutionAdopted',
  'resolutionRejected',
] as const;
export type MinutesLabelKey = (typeof MINUTES_LABEL_KEYS)[number];
export type MinutesLabels = { readonly [K in MinutesLabelKey]: string };

export const MINUTES_LABELS: Readonly<Record<Language, MinutesLabels>> = {
  pl,
  bg,
  'sr-Cyrl': srCyrl,
  'sr-Latn': srLatn,
  en,
};

/** The label with its `{{placeholders}}` filled; a missing parameter is a bug, so it throws. */
export function fill(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the minutes label needs {{${name}}}`);
    return String(value);
  });
}
