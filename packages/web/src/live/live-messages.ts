import { MAJORITY_PRESET_IDS, type MajorityPresetId } from '@veche/domain';
import type { TFunction } from 'i18next';
import type { TrackedCommand } from './live-commands';
import { liveErrorCode } from './live-error-code';
import { ballotState, latestOutcome, presenceState, type Outcome } from './live-selectors';
import type { SittingView, VoteView } from './sitting-view';

const STANDARD_OPTIONS = ['for', 'against', 'abstain'] as const;
type StandardOption = (typeof STANDARD_OPTIONS)[number];

const isStandard = (option: string): option is StandardOption =>
  (STANDARD_OPTIONS as readonly string[]).includes(option);
const isPreset = (id: string | null): id is MajorityPresetId =>
  id !== null && (MAJORITY_PRESET_IDS as readonly string[]).includes(id);

/** For / Against / Abstain in the reader's language; other options (candidates) as given. */
export function optionLabel(t: TFunction, option: string): string {
  return isStandard(option) ? t(`live.vote.option.${option}`) : option;
}

/** The rule by its name where it is a preset, else as a threshold of a base. */
export function majorityText(t: TFunction, vote: VoteView): string {
  if (isPreset(vote.majorityPresetId)) return t(`live.majority.${vote.majorityPresetId}`);
  const { comparison, base, num, den } = vote.majority;
  return t(`live.rule.${comparison}.${base}`, { fraction: `${String(num)}/${String(den)}` });
}

/** Why a command of this tab did not act, in words; null when it did or may still. */
export function commandProblem(t: TFunction, command: TrackedCommand | null): string | null {
  if (command === null) return null;
  if (command.status === 'rejected') {
    return t(`live.errors.${liveErrorCode(command.error?.code ?? 'unexpected')}`);
  }
  if (command.status !== 'not_sent') return null;
  if (command.notSentReason === 'timeout') return t('live.notSent.timeout');
  switch (command.command.type) {
    case 'vote.cast':
      return t('live.notSent.ballot');
    case 'presence.confirm':
      return t('live.notSent.presence');
    default:
      return t('live.notSent.other');
  }
}

/** Something worth telling a screen reader, with a key that changes when it is news. */
export interface Notice {
  readonly key: string;
  readonly text: string;
}

function outcomeNotice(t: TFunction, outcome: Outcome): Notice | null {
  if (outcome.kind !== 'vote') return null;
  const { vote } = outcome;
  if (vote.status === 'annulled')
    return { key: `annulled:${vote.id}`, text: t('live.announce.voteAnnulled') };
  const passed = vote.result?.outcome?.passed;
  const text =
    passed === undefined
      ? t('live.announce.voteCounted')
      : passed
        ? t('live.announce.votePassed')
        : t('live.announce.voteFailed');
  return { key: `closed:${vote.id}`, text };
}

/**
 * The newest thing the member should hear of, politely: a check or vote has started, their
 * presence or vote is recorded, a vote has closed. Derived from the state, so that it is the
 * same after a reconnection and never repeats itself.
 */
export function politeNotice(
  t: TFunction,
  view: SittingView,
  memberId: string | null,
  commands: readonly TrackedCommand[],
): Notice | null {
  const check = view.quorumCheck;
  if (check !== null) {
    return presenceState(view, memberId, commands).kind === 'confirmed'
      ? { key: `present:${check.checkId}`, text: t('live.announce.presenceConfirmed') }
      : { key: `check:${check.checkId}`, text: t('live.announce.quorumStarted') };
  }
  const vote = view.openVoteId === null ? undefined : view.votes[view.openVoteId];
  if (vote !== undefined) {
    const ballot = ballotState(vote, memberId, view.setup.ballotChangeAllowed, commands);
    return ballot.status === 'recorded'
      ? {
          key: `ballot:${vote.id}:${ballot.command?.commandId ?? ''}`,
          text: t('live.announce.ballotRecorded'),
        }
      : { key: `vote:${vote.id}`, text: t('live.announce.voteOpened', { subject: vote.subject }) };
  }
  return outcomeNotice(t, latestOutcome(view));
}

/** The newest command of this tab that failed: said at once (an assertive live region). */
export function urgentNotice(t: TFunction, commands: readonly TrackedCommand[]): Notice | null {
  for (let index = commands.length - 1; index >= 0; index--) {
    const command = commands[index]!;
    const problem = commandProblem(t, command);
    if (problem !== null) return { key: command.commandId, text: problem };
    // Only the newest command counts: one sent or done after a failure clears the alarm.
    if (command.status !== 'not_sent' && command.status !== 'rejected') return null;
  }
  return null;
}
