import type { PublicSitting, SittingDocument } from '@veche/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSittingHeading } from '../live/use-sitting-heading.hook';
import { ConnectionStatus } from '../live/connection-status.component';
import { Countdown } from '../live/countdown.component';
import { LiveAgenda } from '../live/live-agenda.component';
import { useSittingDocuments } from '../live/use-sitting-documents.hook';
import { liveErrorCode } from '../live/live-error-code';
import { latestOutcome, speakerName } from '../live/live-selectors';
import type { SittingFeed } from '../live/sitting-feed';
import type { SittingView } from '../live/sitting-view';
import { useLiveSitting } from '../live/use-live-sitting.hook';
import { VoteResult } from '../live/vote-result.component';
import { LiveTally } from './live-tally.component';
import { NamedList } from './named-list.component';
import { currentItem, namedChoices, namedRows, openVote } from './public-selectors';
import { usePublicSitting } from './use-public-sitting.hook';

interface Props {
  sittingId: string;
  focusHeading: boolean;
}

/**
 * The public live page (issue 4, section 3), no sign-in: the stream, the current item, the
 * speaker with their time, live counts while a vote runs and the named list once it closes. Its
 * address never changes, whatever the stream does; it follows the sitting over the tab's live
 * connection as the public.
 */
export function PublicLivePage({ sittingId, focusHeading }: Props) {
  const { t } = useTranslation();
  // As the public, even on a computer signed in (say, as the operator): nothing private shows.
  const live = useLiveSitting(sittingId, { asPublic: true });
  const summary = usePublicSitting(sittingId);
  const documents = useSittingDocuments(sittingId, 'public');
  const feed = live.feed;
  const view = feed?.view ?? null;
  const sitting = summary.state === 'loaded' ? summary.sitting : null;
  const { eyebrow, heading, headingRef } = useSittingHeading(
    'publicPage',
    sitting,
    view,
    focusHeading,
  );

  return (
    <div className="live public-live" aria-busy={view === null}>
      <header className="live__header">
        <p className="live__eyebrow">{eyebrow}</p>
        <h1 ref={headingRef} tabIndex={-1}>
          {heading}
        </h1>
        {sitting !== null && (
          <p className="live__title">
            {sitting.title} · {sitting.councilName}
          </p>
        )}
        <div className="live__meta">
          {view && (
            <span className={`badge badge--${view.status}`}>
              {t(`sitting.status.${view.status}`)}
            </span>
          )}
          <ConnectionStatus status={live.status} onRetry={live.retryNow} />
        </div>
      </header>
      {summary.state === 'failed' && view === null && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('publicPage.loadFailed')}</strong> {t(`errors.${summary.code}`)}
          </p>
        </div>
      )}
      <PublicStream sitting={sitting} loading={summary.state === 'loading'} />
      {feed?.phase === 'failed' && view === null && summary.state !== 'failed' && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('publicPage.loadFailed')}</strong>{' '}
            {t(`live.errors.${liveErrorCode(feed.error ?? 'unexpected')}`)}
          </p>
        </div>
      )}
      {view === null && feed?.phase !== 'failed' && <p className="muted">{t('live.loading')}</p>}
      {view !== null && feed !== null && (
        <PublicBody feed={feed} view={view} serverNow={live.serverNow} documents={documents} />
      )}
    </div>
  );
}

function PublicStream({ sitting, loading }: { sitting: PublicSitting | null; loading: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="public-stream" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('publicPage.stream.heading')}</h2>
      {sitting?.streamUrl ? (
        <div className="public-stream__frame">
          <iframe
            src={sitting.streamUrl}
            title={t('publicPage.stream.frameTitle', { title: sitting.title })}
            sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
            allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
            allowFullScreen
            referrerPolicy="strict-origin-when-cross-origin"
            loading="lazy"
          />
        </div>
      ) : (
        !loading && <p className="live-note">{t('publicPage.stream.none')}</p>
      )}
    </section>
  );
}

function PublicBody({
  feed,
  view,
  serverNow,
  documents,
}: {
  feed: SittingFeed;
  view: SittingView;
  serverNow: () => number;
  documents: readonly SittingDocument[];
}) {
  const { t } = useTranslation();
  const nowId = useId();
  const voteId = useId();
  const item = currentItem(view);
  const speaker = view.currentSpeaker;
  const vote = openVote(view);
  const outcome = latestOutcome(view);
  const named = outcome.kind === 'vote' ? namedChoices(feed, outcome.vote) : undefined;
  return (
    <>
      {view.status !== 'open' && (
        <p className="notice">{t(`publicPage.statusNote.${view.status}`)}</p>
      )}
      <section className="live-panel public-now" aria-labelledby={nowId}>
        <h2 id={nowId}>{t('publicPage.now.heading')}</h2>
        <p className="public-now__item">
          <span className="public-now__label">{t('publicPage.now.item')}</span>{' '}
          {item === null ? (
            t('publicPage.now.noItem')
          ) : (
            <strong>
              {item.number}. {item.title}
            </strong>
          )}
        </p>
        {speaker === null ? (
          <p>{t('publicPage.now.noSpeaker')}</p>
        ) : (
          <div className="public-now__speaker">
            <p>
              <span className="public-now__label">{t('publicPage.now.speaker')}</span>{' '}
              <strong>{speakerName(view, speaker)}</strong>
            </p>
            <Countdown endsAt={speaker.endsAt} serverNow={serverNow} />
          </div>
        )}
      </section>
      {vote !== null && (
        <section className="live-panel live-panel--vote" aria-labelledby={voteId}>
          <LiveTally vote={vote} serverNow={serverNow} headingClass="" headingId={voteId} />
        </section>
      )}
      {outcome.kind === 'vote' && (
        <>
          <VoteResult vote={outcome.vote} yourChoice={null} />
          {outcome.vote.kind === 'named' && outcome.vote.status === 'closed' && (
            <div className="live-panel">
              {named !== undefined ? (
                <NamedList rows={namedRows(view, named)} layout="table" />
              ) : (
                <p className="live-note">{t('publicPage.namedList.unavailable')}</p>
              )}
            </div>
          )}
        </>
      )}
      <LiveAgenda agenda={view.agenda} currentItemId={view.currentItemId} documents={documents} />
    </>
  );
}
