import { useTranslation } from 'react-i18next';
import { CommandProblem } from '../live/command-problem.component';
import type { TrackedCommand } from '../live/live-commands';
import { conductErrorCode, proxyErrorCode } from './conduct-error-code';

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
  const rejected = command?.status === 'rejected' ? (command.error?.code ?? '') : null;
  const proxy =
    rejected !== null && command?.command.type === 'vote.cast' && command.command.memberId
      ? proxyErrorCode(rejected)
      : null;
  const code = rejected === null ? null : conductErrorCode(rejected);
  if (command === null || (code === null && proxy === null)) {
    return <CommandProblem command={command} />;
  }
  return (
    <p className="live-problem">
      <span className="live-problem__icon" aria-hidden="true">
        !
      </span>
      <span>
        {proxy !== null
          ? t(`conduct.proxy.errors.${proxy}`)
          : code !== null && t(`conduct.errors.${code}`)}{' '}
        <span className="live-problem__code">
          {t('live.errorCode', { code: command.error?.code ?? '' })}
        </span>
      </span>
    </p>
  );
}
