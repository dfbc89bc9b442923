import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SittingView } from './sitting-view';

interface Props {
  check: NonNullable<SittingView['lastQuorumCheck']>;
  memberId: string | null;
}

/** The last quorum check's result, until the next check or vote starts. */
export function QuorumResult({ check, memberId }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const { result } = check;
  return (
    <section className="live-panel live-panel--result" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.quorum.resultHeading')}</h2>
      <p className={`verdict verdict--${result.met ? 'passed' : 'failed'}`}>
        <span className="verdict__sign" aria-hidden="true">
          {result.met ? '✓' : '✗'}
        </span>
        {result.met ? t('live.quorum.met') : t('live.quorum.notMet')}
      </p>
      <p>
        {t('live.quorum.resultCounts', {
          present: result.present,
          total: result.statutorySize,
          required: result.required,
        })}
      </p>
      {memberId !== null && (
        <p className="live-note">
          {check.present.includes(memberId)
            ? t('live.quorum.youPresent')
            : t('live.quorum.youAbsent')}
        </p>
      )}
    </section>
  );
}
