import type { CurrentUser, WireCommand } from '@veche/protocol';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatPanel } from '../chat/chat-panel.component';
import {
  chatCommand,
  chatProblem,
  chatSending,
  chatTag,
  type ChatTarget,
} from '../chat/chat-selectors';
import { ConnectionStatus } from '../live/connection-status.component';
import { LiveAnnouncer } from '../live/live-announcer.component';
import { isPending, lastFailed, type TrackedCommand } from '../live/live-commands';
import { useSittingHeading } from '../live/use-sitting-heading.hook';
import { liveErrorCode } from '../live/live-error-code';
import type { SittingView } from '../live/sitting-view';
import { useLiveSitting, type LiveSitting } from '../live/use-live-sitting.hook';
import { useSittingSummary } from '../live/use-sitting-summary.hook';
import { RouteLink } from '../routing/route-link.component';
import { hallPath, livePath, publicPath } from '../routing/routes';
import { ConductAgenda } from './conduct-agenda.component';
import { ConductLifecycle } from './conduct-lifecycle.component';
import { consoleNotice } from './conduct-messages';
import { ConductPresence } from './conduct-presence.component';
import { ConductProblem } from './conduct-problem.component';
import { ConductQuorum } from './conduct-quorum.component';
import type { Run } from './conduct-run';
import { mayEnterBallots } from './conduct-selectors';
import { ConductSpeakers } from './conduct-speakers.component';
import { ConductTablet } from './conduct-tablet.component';
import { ConductVote } from './conduct-vote.component';
import { useShortcuts } from './use-shortcuts.hook';

interface Props {
  sittingId: string;
  user: CurrentUser;
  focusHeading: boolean;
  onSessionEnded: () => void;
}

const CONSOLE_TAG = 'conduct:';
const isConsole = (command: TrackedCommand) => command.tag.startsWith(CONSOLE_TAG);

/** The newest console command (the chat aside), if it failed: said at the top of the page. */
const consoleProblem = (commands: readonly TrackedCommand[]) => lastFailed(commands, isConsole);

/**
 * The operator's console and the chair's view (issue 4, section 2): one responsive page that
 * runs the sitting: its lifecycle, quorum and presence, the agenda, the speakers, the votes and
 * the chat inbox, with one-letter shortcuts for the frequent actions. The server decides who may
 * conduct (`subscribed.viewer.kind`); the page only shows the controls to those it names.
 */
export function ConductPage({ sittingId, user, focusHeading, onSessionEnded }: Props) {
  const { t } = useTranslation();
  const live = useLiveSitting(sittingId);
  const summary = useSittingSummary(sittingId);
  const feed = live.feed;
  const view = feed?.view ?? null;
  const { eyebrow, heading, headingRef } = useSittingHeading(
    'conduct',
    summary,
    view,
    focusHeading,
  );

  useEffect(() => {
    if (live.signedOut) onSessionEnded();
  }, [live.signedOut, onSessionEnded]);
  const kind = feed?.viewerKind ?? null;

  return (
    <div className="conduct" aria-busy={view === null}>
      <p className="live__back">
        <RouteLink to="/">{t('live.back')}</RouteLink>
      </p>
      <header className="live__header">
        <p className="live__eyebrow">{eyebrow}</p>
        <h1 ref={headingRef} tabIndex={-1}>
          {heading}
        </h1>
        <div className="live__meta">
          {view && (
            <span className={`badge badge--${view.status}`}>
              {t(`sitting.status.${view.status}`)}
            </span>
          )}
          <ConnectionStatus status={live.status} onRetry={live.retryNow} />
          <RouteLink className="conduct__member-view" to={livePath(sittingId)}>
            {t('conduct.memberView')}
          </RouteLink>
          <RouteLink className="conduct__member-view" to={publicPath(sittingId)}>
            {t('publicPage.link')}
          </RouteLink>
          <RouteLink className="conduct__member-view" to={hallPath(sittingId)}>
            {t('hall.link')}
          </RouteLink>
        </div>
      </header>
      {feed?.phase === 'failed' && view === null && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('live.loadFailed')}</strong>{' '}
            {t(`live.errors.${liveErrorCode(feed.error ?? 'unexpected')}`)}
          </p>
        </div>
      )}
      {view === null && feed?.phase !== 'failed' && <p className="muted">{t('live.loading')}</p>}
      {view !== null && kind !== null && kind !== 'conductor' && (
        <p className="notice">{t('conduct.notConductor')}</p>
      )}
      {view !== null && kind === 'conductor' && (
        <ConsoleBody
          view={view}
          live={live}
          userId={user.id}
          memberId={feed?.memberId ?? null}
          operator={mayEnterBallots(user.councils, summary?.councilId ?? null)}
        />
      )}
    </div>
  );
}

interface BodyProps {
  view: SittingView;
  live: LiveSitting;
  userId: string;
  memberId: string | null;
  /** The council's operator (not the chair): may enter a ballot for a member. */
  operator: boolean;
}

function ConsoleBody({ view, live, userId, memberId, operator }: BodyProps) {
  const { t } = useTranslation();
  const shortcutsId = useId();
  useShortcuts();
  const { commands, send, serverNow } = live;
  const busy = commands.some((command) => isConsole(command) && isPending(command));
  const run: Run = (command: WireCommand, tag: string) => {
    send(command, { tag: `${CONSOLE_TAG}${tag}` });
  };
  const sendChat = (text: string, target: ChatTarget) => {
    const command = chatCommand(text, target);
    if (command.type !== 'chat.send') return;
    send(command, { tag: chatTag(command.messageId) });
  };
  const problem = consoleProblem(commands);

  return (
    <>
      {/* Quorum, votes, chat and the floor, said politely; failures are said at once below. */}
      <LiveAnnouncer polite={consoleNotice(t, view, userId)} urgent={null} />
      <div role="alert" className="conduct__problem">
        {problem && <ConductProblem command={problem} />}
      </div>
      <div className="conduct__grid">
        <div className="conduct__main">
          <ConductLifecycle status={view.status} busy={busy} run={run} />
          <ConductVote
            view={view}
            named={live.feed?.named ?? {}}
            operator={operator}
            busy={busy}
            serverNow={serverNow}
            run={run}
          />
          <ConductQuorum view={view} busy={busy} serverNow={serverNow} run={run} />
          <ConductSpeakers view={view} busy={busy} serverNow={serverNow} run={run} />
        </div>
        <div className="conduct__side">
          <ChatPanel
            messages={view.chat}
            members={view.setup.members}
            conducting
            userId={userId}
            memberId={memberId}
            sending={chatSending(commands)}
            problem={chatProblem(commands)}
            onSend={sendChat}
          />
          <ConductAgenda view={view} busy={busy} run={run} />
          <ConductPresence view={view} busy={busy} run={run} />
          <ConductTablet view={view} serverNow={serverNow} />
          <section className="conduct-panel" aria-labelledby={shortcutsId}>
            <h2 id={shortcutsId}>{t('conduct.shortcuts.heading')}</h2>
            <p className="muted">{t('conduct.shortcuts.intro')}</p>
            <dl className="conduct-shortcuts">
              {(['Q', 'V', 'C', 'G', 'E'] as const).map((key) => (
                <div key={key}>
                  <dt>
                    <kbd>{key}</kbd>
                  </dt>
                  <dd>{t(`conduct.shortcuts.${key}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </>
  );
}
