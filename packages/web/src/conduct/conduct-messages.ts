import type { TFunction } from 'i18next';
import { optionLabel, type Notice } from '../live/live-messages';
import { memberName, speakerName } from '../live/live-selectors';
import type { SittingView, VoteView } from '../live/sitting-view';

/*
 * What the console tells a screen reader politely (an aria-live region): the newest of the
 * changes the operator or the chair must not miss while their eyes are elsewhere. Pure and
 * derived from the state, so it is the same after a reconnection and never repeats itself.
 */

interface Candidate {
  readonly at: number;
  readonly notice: Notice;
}

/** "For: 8, Against: 3, Abstain: 1": the counts in the options' order. */
function countsText(t: TFunction, vote: VoteView): string {
  const counts = vote.result?.counts ?? {};
  return vote.options
    .map((option) => `${optionLabel(t, option)}: ${counts[option] ?? 0}`)
    .join(', ');
}

function voteClosed(t: TFunction, vote: VoteView): string {
  const outcome = vote.result?.outcome ?? null;
  const counts = countsText(t, vote);
  if (outcome === null) return t('conduct.announce.voteCounted', { counts });
  return outcome.passed
    ? t('conduct.announce.votePassed', { counts })
    : t('conduct.announce.voteFailed', { counts });
}

/**
 * The newest change worth announcing in the console: a quorum check started or ended (with
 * whether there is a quorum), a vote opened or closed (with its outcome and counts) or annulled,
 * a chat message from someone else, the floor given. Null before any of these.
 */
export function consoleNotice(t: TFunction, view: SittingView, userId: string): Notice | null {
  const candidates: Candidate[] = [];
  const check = view.quorumCheck;
  if (check !== null) {
    candidates.push({
      at: check.startedAt,
      notice: { key: `check:${check.checkId}`, text: t('conduct.announce.quorumStarted') },
    });
  }
  const last = view.lastQuorumCheck;
  if (last !== null) {
    const { present, required, statutorySize, met } = last.result;
    candidates.push({
      at: last.closedAt,
      notice: {
        key: `quorum:${last.checkId}`,
        text: t(met ? 'conduct.announce.quorumMet' : 'conduct.announce.quorumNotMet', {
          present,
          required,
          statutorySize,
        }),
      },
    });
  }
  for (const id of view.voteOrder) {
    const vote = view.votes[id];
    if (vote === undefined) continue;
    candidates.push({
      at: vote.openedAt,
      notice: {
        key: `vote:${vote.id}`,
        text: t('conduct.announce.voteOpened', { subject: vote.subject }),
      },
    });
    if (vote.result !== null) {
      candidates.push({
        at: vote.result.closedAt,
        notice: { key: `closed:${vote.id}`, text: voteClosed(t, vote) },
      });
    }
    if (vote.annulment !== null) {
      candidates.push({
        at: vote.annulment.at,
        notice: { key: `annulled:${vote.id}`, text: t('conduct.announce.voteAnnulled') },
      });
    }
  }
  const message = view.chat.findLast((entry) => entry.from.userId !== userId);
  if (message !== undefined) {
    const name =
      message.from.memberId === null
        ? t('chat.office')
        : (memberName(view, message.from.memberId) ?? message.from.memberId);
    candidates.push({
      at: message.at,
      notice: {
        key: `chat:${message.messageId}`,
        text: t('conduct.announce.chatMessage', { name, text: message.text }),
      },
    });
  }
  const speaker = view.currentSpeaker;
  if (speaker !== null) {
    candidates.push({
      at: speaker.grantedAt,
      notice: {
        key: `floor:${speaker.requestId}`,
        text: t('conduct.announce.floorGiven', { name: speakerName(view, speaker) }),
      },
    });
  }
  // The newest; of two at the same moment, the later in this order (a close after its open).
  let newest: Candidate | null = null;
  for (const candidate of candidates) {
    if (newest === null || candidate.at >= newest.at) newest = candidate;
  }
  return newest?.notice ?? null;
}
