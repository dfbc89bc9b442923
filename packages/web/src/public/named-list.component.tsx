import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { optionLabel } from '../live/live-messages';
import { choiceSymbol, type NamedRow } from './public-selectors';

interface Props {
  rows: readonly NamedRow[];
  /** `table` on the public page; `grid` of name tiles on the hall display. */
  layout: 'table' | 'grid';
}

/** Who chose what in a closed named vote: names with their choices in words and with a sign. */
export function NamedList({ rows, layout }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  if (layout === 'table') {
    return (
      <section className="named-list" aria-labelledby={headingId}>
        <h3 id={headingId} className="live-panel__subheading">
          {t('publicPage.namedList.heading')}
        </h3>
        <div className="named-list__scroll">
          <table className="named-list__table">
            <thead>
              <tr>
                <th scope="col">{t('publicPage.namedList.member')}</th>
                <th scope="col">{t('publicPage.namedList.choice')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.memberId} className={`named-list__row choice--${row.choice}`}>
                  <th scope="row">{row.name}</th>
                  <td>
                    <span aria-hidden="true" className="choice__sign">
                      {choiceSymbol(row.choice)}
                    </span>{' '}
                    {optionLabel(t, row.choice)}
                    {row.enteredByOperator && (
                      <span className="named-list__proxy">
                        {' '}
                        {t('publicPage.namedList.enteredByOperator')}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  }
  return (
    <section className="hall-named" aria-labelledby={headingId}>
      <h3 id={headingId} className="hall__subheading">
        {t('hall.namedList')}
      </h3>
      <ul className="hall-named__grid">
        {rows.map((row) => (
          <li key={row.memberId} className={`hall-named__cell choice--${row.choice}`}>
            <span className="hall-named__name">{row.name}</span>
            <span className="hall-named__choice">
              <span aria-hidden="true" className="choice__sign">
                {choiceSymbol(row.choice)}
              </span>{' '}
              {optionLabel(t, row.choice)}
            </span>
            {row.enteredByOperator && (
              <span className="hall-named__proxy">
                {t('publicPage.namedList.enteredByOperator')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
