import { toRoman } from '@veche/domain';
import type { DraftResolutionChoices } from '@veche/protocol';
import { useTranslation } from 'react-i18next';
import { formatWhen } from './consultation-format';

interface Props {
  choices: DraftResolutionChoices['items'];
  value: string | null;
  timeZone: string;
  onChange: (agendaItemId: string | null) => void;
}

/**
 * The draft resolution a consultation concerns (optional): the draft resolutions on the agendas
 * of sittings not yet closed, grouped by sitting. Its report goes onto that item once the
 * consultation ends. A link saved earlier to an item no longer offered stays chosen.
 */
export function DraftResolutionPicker({ choices, value, timeZone, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const sittings = [...new Map(choices.map((item) => [item.sittingId, item])).values()];
  const known = value === null || choices.some((item) => item.id === value);
  return (
    <div className="field">
      <label htmlFor="consultation-agenda-item">{t('consultations.editor.agendaItem')}</label>
      <p id="consultation-agenda-item-hint" className="muted">
        {t('consultations.editor.agendaItemHint')}
      </p>
      <select
        id="consultation-agenda-item"
        aria-describedby="consultation-agenda-item-hint"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{t('consultations.editor.agendaItemNone')}</option>
        {!known && <option value={value}>{t('consultations.editor.agendaItemElsewhere')}</option>}
        {sittings.map((sitting) => (
          <optgroup
            key={sitting.sittingId}
            label={`${t('sittings.heading', {
              number: toRoman(sitting.sittingNumber),
              body: sitting.bodyName,
            })}, ${formatWhen(sitting.startsAt, timeZone, i18n.language)}`}
          >
            {choices
              .filter((item) => item.sittingId === sitting.sittingId)
              .map((item) => (
                <option key={item.id} value={item.id}>
                  {item.number}. {item.title}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
