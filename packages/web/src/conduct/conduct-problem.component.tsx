import { useTranslation } from 'react-i18next';
import { CommandProblem } from '../live/command-problem.component';
import type { TrackedCommand } from '../live/live-commands';
import { conductErrorCode } from './conduct-error-code';

interface Props {
  command: TrackedCommand | null;
}

/**
 * Why a conducting command was refused: the refusals only a conductor meets (the floor is taken,
 * a vote is running, the item is in use) in their own words, anything else as the live page
 * says it.
 */
export function ConductProblem({ command }: Props) {
  const { t } = useTranslation();
  const code = command?.status === 'rejected' ? conductErrorCode(command.error?.code ?? '') : null;
  if (command === null || code === null) return <CommandProblem command={command} />;
  return (
    <p className="live-problem">
      <span className="live-problem__icon" aria-hidden="true">
        !
      </span>
      <span>
        {t(`conduct.errors.${code}`)}{' '}
        <span className="live-problem__code">
          {t('live.errorCode', { code: command.error?.code ?? '' })}
        </span>
      </span>
    </p>
  );
}
