import type { PortalVote } from './portal.use-case.js';
import { Fact, type PageContext } from './portal-layout.js';
import { formatThreshold, PORTAL_CATALOGUES, type PortalKey } from './portal-texts.js';

/** An option in words: the standard ones translated, a custom one (a candidate) as named. */
export function optionLabel(context: PageContext, option: string): string {
  const key = `option.${option}`;
  return Object.hasOwn(PORTAL_CATALOGUES.en, key) ? context.t(key as PortalKey) : option;
}

/** The majority a vote required: the preset's name, or the threshold and its base. */
export function ruleText(context: PageContext, vote: PortalVote): string {
  const preset = `majority.${vote.majorityPresetId ?? ''}`;
  if (Object.hasOwn(PORTAL_CATALOGUES.en, preset)) return context.t(preset as PortalKey);
  const { comparison, base, num, den } = vote.majority;
  return context.t(`rule.${comparison}.${base}` as PortalKey, {
    fraction: `${String(num)}/${String(den)}`,
  });
}

/**
 * A vote's outcome in words and with its sign, the counts, how many took part, and the
 * arithmetic behind the outcome (DESIGN.md section 4: the outcome is always shown with it).
 */
export function VoteResult({ context, vote }: { context: PageContext; vote: PortalVote }) {
  const { t, language } = context;
  const outcome = vote.outcome;
  const verdict =
    vote.status === 'annulled'
      ? { sign: '×', text: t('result.annulled'), tone: 'failed' }
      : outcome === null
        ? { sign: '=', text: t('result.counted'), tone: 'neutral' }
        : outcome.passed
          ? { sign: '✓', text: t('result.passed'), tone: 'passed' }
          : { sign: '✗', text: t('result.failed'), tone: 'failed' };
  return (
    <div className="vote-result">
      <p className={`verdict verdict--${verdict.tone}`}>
        <span aria-hidden="true">{verdict.sign} </span>
        {verdict.text}
      </p>
      {vote.annulmentReason !== null && (
        <p>{t('result.annulledReason', { reason: vote.annulmentReason })}</p>
      )}
      <dl className="facts">
        <Fact term={t('vote.kindLabel')}>{t(`voteKind.${vote.kind}`)}</Fact>
        <Fact term={t('vote.rule')}>{ruleText(context, vote)}</Fact>
      </dl>
      {vote.counts !== null && (
        <>
          <dl className="counts" aria-label={t('result.counts')}>
            {vote.options.map((option) => (
              <div key={option} className="count">
                <dt>{optionLabel(context, option)}</dt>
                <dd>{vote.counts?.[option] ?? 0}</dd>
              </div>
            ))}
          </dl>
          <p>{t('result.voted', { voted: vote.voted, entitled: vote.entitled })}</p>
          {outcome !== null && (
            <p className="arithmetic">
              {t(`arithmetic.${outcome.comparison}`, {
                forCount: outcome.forCount,
                required: formatThreshold(outcome.required.text, language),
                baseSize: outcome.baseSize,
              })}{' '}
              {t(`reason.${outcome.reason}`)}
            </p>
          )}
        </>
      )}
    </div>
  );
}
