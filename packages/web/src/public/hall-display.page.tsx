import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSittingHeading } from '../live/use-sitting-heading.hook';
import { ConnectionStatus } from '../live/connection-status.component';
import { Countdown } from '../live/countdown.component';
import { speakerName } from '../live/live-selectors';
import type { SittingFeed } from '../live/sitting-feed';
import type { SittingView } from '../live/sitting-view';
import { useLiveSitting } from '../live/use-live-sitting.hook';
import { VoteResult } from '../live/vote-result.component';
import { LiveTally } from './live-tally.component';
import { NamedList } from './named-list.component';
import { currentItem, namedChoices, namedRows, openVote, standingResult } from './public-selectors';
import { usePublicSitting } from './use-public-sitting.hook';

interface Props {
  sittingId: string;
}

/**
 * The hall display (issue 4, section 3): the screen in the council chamber, readable from the
 * back of the room. Light text on black, large type; the current item, the speaker and their
 * time, the running vote, and after each vote its outcome with the arithmetic and the named list
 * as a grid, which stays until the next action. It shows only what the public may see.
 */
export function HallDisplayPage({ sittingId }: Props) {
  const { t } = useTranslation();
  // As the public, even on a computer signed in (say, as the operator): nothing private shows.
  const live = useLiveSitting(sittingId, { asPublic: true });
  const summary = usePublicSitting(sittingId);
  const feed = live.feed;
  const view = feed?.view ?? null;
  const sitting = summary.state === 'loaded' ? summary.sitting : null;
  const { eyebrow, heading } = useSittingHeading('hall', sitting, view);

  return (
    <main className="hall" id="main" aria-busy={view === null}>
      <header className="hall__bar">
        <div>
          <p className="hall__eyebrow">{eyebrow}</p>
          <h1 className="hall__heading">{heading}</h1>
        </div>
        <div className="hall__tools">
          <ConnectionStatus status={live.status} onRetry={live.retryNow} />
          <FullScreenButton />
        </div>
      </header>
      {view === null ? (
        <p className="hall__waiting">
          {summary.state === 'failed' ? t(`errors.${summary.code}`) : t('live.loading')}
        </p>
      ) : (
        feed !== null && <HallBody feed={feed} view={view} serverNow={live.serverNow} />
      )}
    </main>
  );
}

function FullScreenButton() {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  useEffect(() => {
    const changed = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  if (!document.fullscreenEnabled) return null;
  const toggle = () => {
    if (document.fullscreenElement === null) {
      void document.documentElement.requestFullscreen().catch(() => undefined);
    } else {
      void document.exitFullscreen().catch(() => undefined);
    }
  };
  return (
    <button type="button" className="button hall__full" onClick={toggle}>
      {full ? t('hall.exitFullScreen') : t('hall.fullScreen')}
    </button>
  );
}

function HallBody({
  feed,
  view,
  serverNow,
}: {
  feed: SittingFeed;
  view: SittingView;
  serverNow: () => number;
}) {
  const { t } = useTranslation();
  const itemId = useId();
  const voteId = useId();
  const item = currentItem(view);
  const speaker = view.currentSpeaker;
  const vote = openVote(view);
  const result = vote === null ? standingResult(view) : null;
  const named = result === null ? undefined : namedChoices(feed, result);
  return (
    <div className="hall__body">
      {view.status !== 'open' && (
        <p className="hall__status">{t(`publicPage.statusNote.${view.status}`)}</p>
      )}
      <section className="hall__item" aria-labelledby={itemId}>
        <h2 id={itemId} className="hall__label">
          {t('hall.item')}
        </h2>
        <p className="hall__item-title">
          {item === null ? t('publicPage.now.noItem') : `${item.number}. ${item.title}`}
        </p>
      </section>
      {speaker !== null && result === null && (
        <section className="hall__speaker" aria-label={t('hall.speaker')}>
          <p className="hall__label">{t('hall.speaker')}</p>
          <p className="hall__speaker-name">{speakerName(view, speaker)}</p>
          <Countdown endsAt={speaker.endsAt} serverNow={serverNow} />
        </section>
      )}
      {vote !== null && (
        <section className="hall__vote" aria-labelledby={voteId}>
          <LiveTally
            vote={vote}
            serverNow={serverNow}
            headingClass="hall__label"
            headingId={voteId}
          />
        </section>
      )}
      {result !== null && (
        <div className="hall__result">
          <VoteResult
            vote={result}
            yourChoice={null}
            // The current item's title stands above; a vote on it usually bears the same name.
            showSubject={!(item !== null && result.subject === item.title)}
          />
          {named !== undefined && <NamedList rows={namedRows(view, named)} layout="grid" />}
        </div>
      )}
    </div>
  );
}
