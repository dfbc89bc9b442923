import { SPEECH_TYPES, type SpeechType } from '@veche/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandProblem } from './command-problem.component';
import { Countdown } from './countdown.component';
import type { TrackedCommand } from './live-commands';
import { type FloorRequest, speakerName } from './live-selectors';
import type { SittingView } from './sitting-view';

interface Props {
  view: SittingView;
  memberId: string | null;
  /** The user's requests in the queue, with their places. */
  requests: readonly FloorRequest[];
  /** Requests sent and not yet in the queue. */
  sending: readonly TrackedCommand[];
  /** The newest request or withdrawal that failed, to say why. */
  problem: TrackedCommand | null;
  /** False when the user is known to be absent: the server would refuse. */
  mayRequest: boolean;
  serverNow: () => number;
  onRequest: (type: SpeechType) => void;
  onWithdraw: (requestId: string) => void;
}

/** Asking for the floor (a debate speech, a reply ad vocem, a formal motion) and the queue. */
export function FloorPanel({
  view,
  memberId,
  requests,
  sending,
  problem,
  mayRequest,
  serverNow,
  onRequest,
  onWithdraw,
}: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const speaker = view.currentSpeaker;
  const mine = speaker?.speaker.kind === 'member' && speaker.speaker.memberId === memberId;
  const taken = new Set<string>([
    ...requests.map((request) => request.type),
    ...sending.flatMap((c) => (c.command.type === 'speaker.request' ? [c.command.speechType] : [])),
  ]);
  return (
    <section className="live-floor" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.floor.heading')}</h2>
      {speaker && (
        <div className="live-floor__speaker">
          <p>
            {mine
              ? t('live.floor.youSpeak')
              : t('live.floor.speaking', { name: speakerName(view, speaker) })}
          </p>
          <Countdown endsAt={speaker.endsAt} serverNow={serverNow} />
        </div>
      )}
      <p className="muted">{t('live.floor.queueLength', { waiting: view.speakerQueue.length })}</p>
      {requests.length > 0 && (
        <>
          <h3 className="live-panel__subheading">{t('live.floor.yours')}</h3>
          <ul className="live-floor__mine">
            {requests.map((request) => (
              <li key={request.requestId} className="live-floor__request">
                <p>
                  <strong>{t(`live.floor.type.${request.type}`)}</strong>
                  <br />
                  {t('live.floor.position', { position: request.position })}
                </p>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={request.withdrawing}
                  aria-label={
                    request.withdrawing
                      ? undefined
                      : t('live.floor.withdrawLabel', {
                          type: t(`live.floor.type.${request.type}`),
                        })
                  }
                  onClick={() => onWithdraw(request.requestId)}
                >
                  {request.withdrawing ? t('live.floor.withdrawing') : t('live.floor.withdraw')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {sending.length > 0 && (
        <p className="live-pending">
          {sending.some((command) => command.status === 'queued')
            ? t('live.queued')
            : t('live.floor.sending')}
        </p>
      )}
      <CommandProblem command={problem} />
      {mayRequest ? (
        <>
          <p className="muted">{t('live.floor.intro')}</p>
          <div className="live-floor__actions">
            {SPEECH_TYPES.filter((type) => !taken.has(type))
              .reverse()
              .map((type) => (
                <button
                  key={type}
                  type="button"
                  className="button button--quiet"
                  onClick={() => onRequest(type)}
                >
                  {t(`live.floor.request.${type}`)}
                </button>
              ))}
          </div>
        </>
      ) : (
        <p className="live-note">{t('live.floor.notPresent')}</p>
      )}
    </section>
  );
}
