import { useTranslation } from 'react-i18next';
import type { TrackedCommand } from './live-commands';
import { commandProblem } from './live-messages';

interface Props {
  command: TrackedCommand | null;
}

/**
 * Why a command did not act, written out beside what it was for, with the server's code for
 * anyone helping over the phone. Said aloud by the page's alert region, not here.
 */
export function CommandProblem({ command }: Props) {
  const { t } = useTranslation();
  const problem = commandProblem(t, command);
  if (problem === null || command === null) return null;
  return (
    <p className="live-problem">
      <span className="live-problem__icon" aria-hidden="true">
        !
      </span>
      <span>
        {problem}
        {command.error && (
          <span className="live-problem__code">
            {' '}
            {t('live.errorCode', { code: command.error.code })}
          </span>
        )}
      </span>
    </p>
  );
}
