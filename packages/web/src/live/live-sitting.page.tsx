import type { SpeechType } from '@veche/domain';
import type { CurrentUser, SittingDocument } from '@veche/protocol';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatPanel } from '../chat/chat-panel.component';
import {
  chatCommand,
  chatProblem,
  chatSending,
  chatTag,
  type ChatTarget,
} from '../chat/chat-selectors';
import { RouteLink } from '../routing/route-link.component';
import { ConnectionStatus } from './connection-status.component';
import { FloorPanel } from './floor-panel.component';
import { LiveAgenda } from './live-agenda.component';
import { useSittingDocuments } from './use-sitting-documents.hook';
import { LiveAnnouncer } from './live-announcer.component';
import { lastFailed, newCommandId, type TrackedCommand } from './live-commands';
import { useSittingHeading } from './use-sitting-heading.hook';
import { liveErrorCode } from './live-error-code';
import { politeNotice, urgentNotice } from './live-messages';
import {
  ballotState,
  ballotTag,
  floorTag,
  isPresent,
  latestOutcome,
  myFloorRequests,
  pendingFloorRequests,
  presenceState,
  presenceTag,
  withdrawTag,
} from './live-selectors';
import { QuorumPanel } from './quorum-panel.component';
import { QuorumResult } from './quorum-result.component';
import type { SittingFeed } from './sitting-feed';
import type { SittingView } from './sitting-view';
import { useLiveSitting } from './use-live-sitting.hook';
import { useSittingSummary } from './use-sitting-summary.hook';
import { VotePanel } from './vote-panel.component';
import { VoteResult } from './vote-result.component';

interface Props {
  sittingId: string;
  user: CurrentUser;
  focusHeading: boolean;
  /** The server ended the session: the app goes back to the sign-in page. */
  onSessionEnded: () => void;
}

/** Whether an event of this kind arrived live (not in the first snapshot): news to the reader. */
function arrivedLive(feed: SittingFeed, type: string, id: string): boolean {
  return feed.recent.some(
    ({ event }) =>
      (event.type === 'vote.opened' && type === event.type && event.voteId === id) ||
      (event.type === 'quorum.check_started' && type === event.type && event.checkId === id),
  );
}

/** The newest request for the floor or withdrawal of this tab, if it failed. */
function floorProblem(commands: readonly TrackedCommand[]): TrackedCommand | null {
  return lastFailed(
    commands,
    (c) => c.command.type === 'speaker.request' || c.command.type === 'speaker.withdraw',
  );
}

/**
 * The councillor's live sitting (issue 4): it follows the sitting over the tab's WebSocket and
 * shows by itself what the member has to do now: confirm presence, vote, see the result; and it
 * lets them ask for the floor. It works on a 360 px phone and with a screen reader.
 */
export function LiveSittingPage({ sittingId, user, focusHeading, onSessionEnded }: Props) {
  const { t } = useTranslation();
  const live = useLiveSitting(sittingId);
  const summary = useSittingSummary(sittingId);
  const documents = useSittingDocuments(sittingId, 'members');
  const feed = live.feed;
  const view = feed?.view ?? null;
  const { eyebrow, heading, headingRef } = useSittingHeading('live', summary, view, focusHeading);

  useEffect(() => {
    if (live.signedOut) onSessionEnded();
  }, [live.signedOut, onSessionEnded]);

  // The server says who the user is in this sitting when it confirms the subscription.
  const memberId = feed?.memberId ?? null;
  const roles = user.councils
    .filter((council) => summary === null || council.councilId === summary.councilId)
    .flatMap((council) => council.roles);
  // Until the member is known, a councillor is offered the buttons and the server decides.
  const mayAct = memberId !== null || roles.includes('councillor');

  return (
    <div className="live" aria-busy={view === null}>
      <p className="live__back">
        <RouteLink to="/">{t('live.back')}</RouteLink>
      </p>
      <header className="live__header">
        <p className="live__eyebrow">{eyebrow}</p>
        <h1 ref={headingRef} tabIndex={-1}>
          {heading}
        </h1>
        {summary?.title && <p className="live__title">{summary.title}</p>}
        <div className="live__meta">
          {view && (
            <span className={`badge badge--${view.status}`}>
              {t(`sitting.status.${view.status}`)}
            </span>
          )}
          <ConnectionStatus status={live.status} onRetry={live.retryNow} />
        </div>
      </header>
      <LiveAnnouncer
        polite={view === null ? null : politeNotice(t, view, memberId, live.commands)}
        urgent={urgentNotice(t, live.commands)}
      />
      {feed?.phase === 'failed' && view === null && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('live.loadFailed')}</strong>{' '}
            {t(`live.errors.${liveErrorCode(feed.error ?? 'unexpected')}`)}
          </p>
        </div>
      )}
      {view === null && feed?.phase !== 'failed' && <p className="muted">{t('live.loading')}</p>}
      {view !== null && feed !== null && (
        <LiveBody
          feed={feed}
          view={view}
          memberId={memberId}
          userId={user.id}
          mayAct={mayAct}
          commands={live.commands}
          send={live.send}
          serverNow={live.serverNow}
          documents={documents}
        />
      )}
    </div>
  );
}

interface BodyProps {
  feed: SittingFeed;
  view: SittingView;
  memberId: string | null;
  userId: string;
  mayAct: boolean;
  commands: readonly TrackedCommand[];
  send: ReturnType<typeof useLiveSitting>['send'];
  serverNow: () => number;
  documents: readonly SittingDocument[];
}

function LiveBody(props: BodyProps) {
  const { feed, view, memberId, userId, mayAct, commands, send, serverNow, documents } = props;
  const { t } = useTranslation();
  const check = view.quorumCheck;
  const vote = view.openVoteId === null ? undefined : view.votes[view.openVoteId];
  const outcome = latestOutcome(view);
  const inSession = view.status === 'open' || view.status === 'suspended';

  const confirmPresence = (checkId: string) =>
    send(
      { type: 'presence.confirm' },
      {
        tag: presenceTag(checkId),
        stillWanted: (now) => now.quorumCheck?.checkId === checkId,
      },
    );
  const castBallot = (voteId: string, choice: string) =>
    send(
      { type: 'vote.cast', voteId, choice },
      { tag: ballotTag(voteId), stillWanted: (now) => now.votes[voteId]?.status === 'open' },
    );
  const requestFloor = (speechType: SpeechType) => {
    const requestId = newCommandId();
    send(
      { type: 'speaker.request', requestId, speechType },
      {
        tag: floorTag(requestId),
        stillWanted: (now) => now.status === 'open' || now.status === 'suspended',
      },
    );
  };
  const withdraw = (requestId: string) =>
    send(
      { type: 'speaker.withdraw', requestId },
      {
        tag: withdrawTag(requestId),
        stillWanted: (now) => now.speakerQueue.some((entry) => entry.requestId === requestId),
      },
    );

  const sendChat = (text: string, target: ChatTarget) => {
    const command = chatCommand(text, target);
    if (command.type !== 'chat.send') return;
    send(command, {
      tag: chatTag(command.messageId),
      stillWanted: (now) => now.status !== 'closed',
    });
  };

  const yourChoice = (voteId: string): string | null => {
    const decided = commands.findLast(
      (c) => c.tag === ballotTag(voteId) && c.status === 'accepted',
    );
    return decided?.command.type === 'vote.cast' ? decided.command.choice : null;
  };

  return (
    <>
      {view.status !== 'open' && <p className="notice">{t(`live.statusNote.${view.status}`)}</p>}
      {!mayAct && <p className="live-note">{t('live.observer')}</p>}
      {check !== null && (
        <QuorumPanel
          check={check}
          statutorySize={view.setup.statutorySize}
          presence={presenceState(view, memberId, commands)}
          canConfirm={mayAct}
          arrived={arrivedLive(feed, 'quorum.check_started', check.checkId)}
          serverNow={serverNow}
          onConfirm={() => confirmPresence(check.checkId)}
        />
      )}
      {vote !== undefined && (
        <VotePanel
          vote={vote}
          ballot={ballotState(vote, memberId, view.setup.ballotChangeAllowed, commands)}
          entitled={memberId === null ? mayAct : vote.entitled.includes(memberId)}
          ballotChangeAllowed={view.setup.ballotChangeAllowed}
          arrived={arrivedLive(feed, 'vote.opened', vote.id)}
          serverNow={serverNow}
          onChoose={(choice) => castBallot(vote.id, choice)}
        />
      )}
      {outcome.kind === 'vote' && (
        <VoteResult vote={outcome.vote} yourChoice={yourChoice(outcome.vote.id)} />
      )}
      {outcome.kind === 'quorum' && <QuorumResult check={outcome.check} memberId={memberId} />}
      {mayAct && inSession && (
        <FloorPanel
          view={view}
          memberId={memberId}
          requests={myFloorRequests(view, memberId, commands)}
          sending={pendingFloorRequests(view, commands)}
          problem={floorProblem(commands)}
          mayRequest={isPresent(view, memberId) !== false}
          serverNow={serverNow}
          onRequest={requestFloor}
          onWithdraw={withdraw}
        />
      )}
      {mayAct && (
        <ChatPanel
          messages={view.chat}
          members={view.setup.members}
          conducting={false}
          userId={userId}
          memberId={memberId}
          sending={chatSending(commands)}
          problem={chatProblem(commands)}
          onSend={sendChat}
        />
      )}
      <LiveAgenda agenda={view.agenda} currentItemId={view.currentItemId} documents={documents} />
    </>
  );
}
