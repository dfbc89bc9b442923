import { useTranslation } from 'react-i18next';
import { formatCountdown } from './live-format';
import { useServerClock } from './use-server-clock.hook';

interface Props {
  /** The server's deadline (epoch ms). */
  endsAt: number;
  serverNow: () => number;
}

/**
 * Time left until a server deadline, on the server's clock. A timer role, so screen readers do
 * not read every second aloud; its label says what it counts.
 */
export function Countdown({ endsAt, serverNow }: Props) {
  const { t } = useTranslation();
  const now = useServerClock(serverNow);
  const remaining = endsAt - now;
  return (
    <p className="countdown">
      <span className="countdown__label">{t('live.countdown.label')}</span>{' '}
      <span className="countdown__time" role="timer">
        {remaining > 0 ? formatCountdown(remaining) : t('live.countdown.over')}
      </span>
    </p>
  );
}
