import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SittingView } from '../live/sitting-view';
import type { Run } from './conduct-run';

interface Props {
  status: SittingView['status'];
  busy: boolean;
  run: Run;
}

/** Open, suspend, resume and close the sitting; closing asks once more, as it cannot be undone. */
export function ConductLifecycle({ status, busy, run }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const mayClose = status === 'open' || status === 'suspended';
  return (
    <section className="conduct-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('conduct.lifecycle.heading')}</h2>
      <div className="conduct-actions">
        {(status === 'convened' || status === 'draft') && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy || status === 'draft'}
            onClick={() => run({ type: 'sitting.open' }, 'sitting')}
          >
            {t('conduct.lifecycle.open')}
          </button>
        )}
        {status === 'open' && (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => run({ type: 'sitting.suspend', reason: null }, 'sitting')}
          >
            {t('conduct.lifecycle.suspend')}
          </button>
        )}
        {status === 'suspended' && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => run({ type: 'sitting.resume' }, 'sitting')}
          >
            {t('conduct.lifecycle.resume')}
          </button>
        )}
        {mayClose && !confirming && (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {t('conduct.lifecycle.close')}
          </button>
        )}
      </div>
      {mayClose && confirming && (
        <div className="conduct-confirm" role="group" aria-label={t('conduct.lifecycle.close')}>
          <p>{t('conduct.lifecycle.confirmClose')}</p>
          <div className="conduct-actions">
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                run({ type: 'sitting.close' }, 'sitting');
              }}
            >
              {t('conduct.lifecycle.closeConfirmed')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setConfirming(false)}
            >
              {t('conduct.cancel')}
            </button>
          </div>
        </div>
      )}
      {status === 'closed' && <p className="muted">{t('live.statusNote.closed')}</p>}
    </section>
  );
}
