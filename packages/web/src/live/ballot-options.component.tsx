import { useTranslation } from 'react-i18next';
import { optionLabel } from './live-messages';

interface Props {
  options: readonly string[];
  /** The option shown as chosen (sent or recorded), if any. */
  chosen: string | null;
  disabled: boolean;
  /** Names the group: the id of the vote's subject. */
  labelledBy: string;
  onChoose: (option: string) => void;
}

const MODIFIERS: Readonly<Record<string, string>> = {
  for: 'ballot-option--for',
  against: 'ballot-option--against',
  abstain: 'ballot-option--abstain',
};

/**
 * One large button per option. The chosen one is pressed (aria-pressed) and marked by a tick and
 * the words "Your choice", not by its colour alone (WCAG 1.4.1).
 */
export function BallotOptions({ options, chosen, disabled, labelledBy, onChoose }: Props) {
  const { t } = useTranslation();
  return (
    <div className="ballot" role="group" aria-labelledby={labelledBy}>
      {options.map((option) => {
        const isChosen = option === chosen;
        const classes = ['ballot-option', MODIFIERS[option] ?? '', isChosen ? 'is-chosen' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <button
            key={option}
            type="button"
            className={classes}
            aria-pressed={isChosen}
            disabled={disabled}
            onClick={() => onChoose(option)}
          >
            <span className="ballot-option__mark" aria-hidden="true">
              {isChosen ? '✓' : ''}
            </span>
            <span className="ballot-option__label">{optionLabel(t, option)}</span>
            {isChosen && <span className="ballot-option__chosen">{t('live.vote.yourChoice')}</span>}
          </button>
        );
      })}
    </div>
  );
}
