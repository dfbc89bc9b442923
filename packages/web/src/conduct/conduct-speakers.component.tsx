import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../live/countdown.component';
import { speakerName } from '../live/live-selectors';
import type { SittingView } from '../live/sitting-view';
import type { Run } from './conduct-run';

interface Props {
  view: SittingView;
  busy: boolean;
  serverNow: () => number;
  run: Run;
}

const EXTRA_MS = 60_000;

/** The speaker queue: give the floor, end or extend the speech; the timer is the hall's. */
export function ConductSpeakers({ view, busy, serverNow, run }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const speaker = view.currentSpeaker;
  // The floor is given only while the sitting runs: during a break the rules refuse it.
  const inSession = view.status === 'open';
  return (
    <section className="conduct-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('conduct.speakers.heading')}</h2>
      {speaker ? (
        <div className="conduct-speaker">
          <p>
            {t('live.floor.speaking', { name: speakerName(view, speaker) })} (
            {t(`live.floor.type.${speaker.type}`)})
          </p>
          <Countdown endsAt={speaker.endsAt} serverNow={serverNow} />
          <div className="conduct-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              data-shortcut="E"
              aria-keyshortcuts="E"
              onClick={() => run({ type: 'speaker.end' }, 'speaker')}
            >
              {t('conduct.speakers.end')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => run({ type: 'speaker.extend', extraMs: EXTRA_MS }, 'speaker')}
            >
              {t('conduct.speakers.extend')}
            </button>
          </div>
        </div>
      ) : (
        <p className="muted">{t('conduct.speakers.nobody')}</p>
      )}
      <h3 className="live-panel__subheading">
        {t('live.floor.queueLength', { waiting: view.speakerQueue.length })}
      </h3>
      {view.speakerQueue.length > 0 && (
        <>
          <ol className="conduct-list">
            {view.speakerQueue.map((entry) => (
              <li key={entry.requestId} className="conduct-list__row">
                <span>
                  {speakerName(view, entry)}{' '}
                  <span className="muted">
                    ({t(`live.floor.type.${entry.type}`)}
                    {/* Residents approved by the office speak too: the chair sees who is not a councillor. */}
                    {entry.speaker.kind === 'resident' && `, ${t('live.floor.resident')}`})
                  </span>
                </span>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={busy || !inSession || speaker !== null}
                  aria-label={t('conduct.speakers.grantLabel', { name: speakerName(view, entry) })}
                  onClick={() =>
                    run({ type: 'speaker.grant', requestId: entry.requestId }, 'speaker')
                  }
                >
                  {t('conduct.speakers.grant')}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || !inSession || speaker !== null}
            data-shortcut="G"
            aria-keyshortcuts="G"
            onClick={() => run({ type: 'speaker.grant', requestId: null }, 'speaker')}
          >
            {t('conduct.speakers.grantNext')}
          </button>
        </>
      )}
    </section>
  );
}
