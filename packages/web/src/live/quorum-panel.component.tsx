import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandProblem } from './command-problem.component';
import { Countdown } from './countdown.component';
import { presenceTag, type PresenceState } from './live-selectors';
import type { SittingView } from './sitting-view';
import { useArrivalFocus } from './use-arrival-focus.hook';

interface Props {
  check: NonNullable<SittingView['quorumCheck']>;
  statutorySize: number;
  presence: PresenceState;
  /** Shows the Present button: the user is a member of the body (or may be). */
  canConfirm: boolean;
  /** The check started while the page was open: its heading takes the focus. */
  arrived: boolean;
  serverNow: () => number;
  onConfirm: () => void;
}

/** A running quorum check: one large Present button, then "present, confirmed". */
export function QuorumPanel({
  check,
  statutorySize,
  presence,
  canConfirm,
  arrived,
  serverNow,
  onConfirm,
}: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useArrivalFocus(headingRef, presenceTag(check.checkId), arrived);
  return (
    <section className="live-panel live-panel--quorum" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('live.quorum.heading')}
      </h2>
      <Countdown endsAt={check.endsAt} serverNow={serverNow} />
      {canConfirm && presence.kind === 'confirmed' && (
        <p className="live-confirmed">
          <span className="live-confirmed__icon" aria-hidden="true">
            ✓
          </span>
          {t('live.quorum.confirmed')}
        </p>
      )}
      {canConfirm && presence.kind === 'pending' && (
        <p className="live-pending">
          {presence.command.status === 'queued' ? t('live.queued') : t('live.quorum.sending')}
        </p>
      )}
      {canConfirm && (presence.kind === 'none' || presence.kind === 'failed') && (
        <>
          <p className="live-panel__prompt">{t('live.quorum.prompt')}</p>
          <button type="button" className="button button--huge" onClick={onConfirm}>
            {t('live.quorum.present')}
          </button>
        </>
      )}
      {presence.kind === 'failed' && <CommandProblem command={presence.command} />}
      <p className="live-panel__progress">
        {t('live.quorum.progress', {
          confirmed: check.confirmed.length,
          total: statutorySize,
        })}
      </p>
    </section>
  );
}
