import { defaultQuorumCheckDurationMs } from '@veche/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newCommandId } from '../live/live-commands';
import { Countdown } from '../live/countdown.component';
import { QuorumResult } from '../live/quorum-result.component';
import type { SittingView } from '../live/sitting-view';
import type { Run } from './conduct-run';
import { quorumProgress } from './conduct-selectors';

interface Props {
  view: SittingView;
  busy: boolean;
  serverNow: () => number;
  run: Run;
}

/** Starts a timed quorum check and follows its count against the number required. */
export function ConductQuorum({ view, busy, serverNow, run }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const durationId = useId();
  const [seconds, setSeconds] = useState(
    String(defaultQuorumCheckDurationMs(view.setup.mode) / 1000),
  );
  const check = view.quorumCheck;
  const progress = quorumProgress(view);

  const start = (event: FormEvent) => {
    event.preventDefault();
    const durationMs = Math.round(Number(seconds) * 1000);
    run({ type: 'quorum.start', checkId: newCommandId(), durationMs }, 'quorum');
  };

  return (
    <section className="conduct-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.quorum.heading')}</h2>
      {check !== null ? (
        <>
          <Countdown endsAt={check.endsAt} serverNow={serverNow} />
          <p className="conduct-count" aria-live="polite">
            {t('conduct.quorum.count', {
              confirmed: progress.confirmed,
              required: progress.required,
              total: view.setup.statutorySize,
            })}{' '}
            <strong className={`verdict--${progress.met ? 'passed' : 'failed'}`}>
              {progress.met ? `✓ ${t('live.quorum.met')}` : t('conduct.quorum.notYet')}
            </strong>
          </p>
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => run({ type: 'quorum.close' }, 'quorum')}
          >
            {t('conduct.quorum.close')}
          </button>
        </>
      ) : (
        <form className="conduct-form" onSubmit={start}>
          <div className="conduct-field">
            <label htmlFor={durationId}>{t('conduct.quorum.duration')}</label>
            <input
              id={durationId}
              type="number"
              inputMode="numeric"
              min={1}
              max={86_400}
              required
              value={seconds}
              onChange={(event) => setSeconds(event.target.value)}
            />
          </div>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || view.status !== 'open'}
            data-shortcut="Q"
            aria-keyshortcuts="Q"
          >
            {t('conduct.quorum.start')}
          </button>
        </form>
      )}
      {check === null && view.lastQuorumCheck !== null && (
        <QuorumResult check={view.lastQuorumCheck} memberId={null} />
      )}
    </section>
  );
}
