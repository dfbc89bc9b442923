import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatThreshold } from './live-format';
import { optionLabel } from './live-messages';
import type { MajorityOutcomeView, VoteView } from './sitting-view';

interface Props {
  vote: VoteView;
  /** The member's own choice, when this tab sent it. */
  yourChoice: string | null;
  /** False where the page shows the subject already (the hall display's current item). */
  showSubject?: boolean;
}

/**
 * A closed (or annulled) vote: the outcome in words and with a sign, the counts, and the
 * arithmetic behind it (DESIGN.md section 4: "the outcome is always shown with its arithmetic").
 */
export function VoteResult({ vote, yourChoice, showSubject = true }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const result = vote.result;
  const outcome = result?.outcome ?? null;
  const annulled = vote.status === 'annulled';
  const verdict = annulled
    ? { sign: '×', text: t('live.result.annulled'), tone: 'failed' }
    : outcome === null
      ? { sign: '=', text: t('live.result.counted'), tone: 'neutral' }
      : outcome.passed
        ? { sign: '✓', text: t('live.result.passed'), tone: 'passed' }
        : { sign: '✗', text: t('live.result.failed'), tone: 'failed' };
  return (
    <section className="live-panel live-panel--result" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.result.heading')}</h2>
      {showSubject && <p className="live-panel__subject">{vote.subject}</p>}
      <p className={`verdict verdict--${verdict.tone}`}>
        <span className="verdict__sign" aria-hidden="true">
          {verdict.sign}
        </span>
        {verdict.text}
      </p>
      {annulled && vote.annulment && (
        <p>{t('live.result.annulledReason', { reason: vote.annulment.reason })}</p>
      )}
      {result && (
        <>
          <h3 className="live-panel__subheading">{t('live.result.counts')}</h3>
          <dl className="counts">
            {vote.options.map((option) => (
              <div key={option} className="counts__row">
                <dt>{optionLabel(t, option)}</dt>
                <dd>{result.counts[option] ?? 0}</dd>
              </div>
            ))}
          </dl>
          <p>{t('live.result.voted', { voted: result.voted, entitled: result.entitled })}</p>
          {outcome && <Arithmetic outcome={outcome} />}
        </>
      )}
      {yourChoice !== null && (
        <p className="live-note">
          {t('live.result.yourVote', { choice: optionLabel(t, yourChoice) })}
        </p>
      )}
    </section>
  );
}

function Arithmetic({ outcome }: { outcome: MajorityOutcomeView }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="arithmetic">
      {t(`live.result.arithmetic.${outcome.comparison}`, {
        forCount: outcome.forCount,
        required: formatThreshold(outcome.required.text, i18n.language),
        baseSize: outcome.baseSize,
      })}{' '}
      {t(`live.result.reason.${outcome.reason}`)}
    </p>
  );
}
