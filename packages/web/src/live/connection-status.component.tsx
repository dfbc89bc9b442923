import { useTranslation } from 'react-i18next';
import type { ConnectionStatus as Status } from './live-connection';

interface Props {
  status: Status;
  onRetry: () => void;
}

const SIGNS: Readonly<Record<Status, string>> = {
  connecting: '…',
  live: '●',
  reconnecting: '↻',
  offline: '×',
};

/**
 * Whether the page is live, written out (the sign only repeats it). A status region: a screen
 * reader hears when the connection drops and when it is back, without being interrupted.
 */
export function ConnectionStatus({ status, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <div className="connection">
      <p className={`connection__state connection__state--${status}`} role="status">
        <span className="connection__sign" aria-hidden="true">
          {SIGNS[status]}
        </span>
        {t(`live.connection.${status}`)}
      </p>
      {(status === 'reconnecting' || status === 'offline') && (
        <button type="button" className="button button--quiet" onClick={onRetry}>
          {t('live.connection.retry')}
        </button>
      )}
    </div>
  );
}
