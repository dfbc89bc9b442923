import { useId, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { optionLabel } from '../live/live-messages';
import { choiceSymbol, hallGridShape, type NamedRow } from './public-selectors';

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
  return <HallGrid rows={rows} headingId={headingId} />;
}

/**
 * The hall display's grid of name tiles. Where the stylesheet gives the grid a fixed height (a
 * wide screen: hall-named__grid), the tiles' type is as large as that height and the columns
 * allow; names that wrap (long, double-barrelled ones) or operator's marks can still make it
 * overflow, so the type is then shrunk step by step (--hall-fit) until every tile is on screen.
 */
function HallGrid({ rows, headingId }: { rows: readonly NamedRow[]; headingId: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLUListElement>(null);
  // Fitted again when what the tiles say changes, not at every render of the page.
  const content = rows
    .map((row) => `${row.memberId}:${row.choice}:${String(row.enteredByOperator)}`)
    .join('|');
  useLayoutEffect(() => {
    const list = ref.current;
    if (list === null) return;
    const fit = () => {
      let scale = 1;
      list.style.setProperty('--hall-fit', '1');
      while (list.scrollHeight > list.clientHeight + 1 && scale > 0.5) {
        scale -= 0.05;
        list.style.setProperty('--hall-fit', scale.toFixed(2));
      }
    };
    fit();
    // The grid's own size does not follow its type, so this does not feed itself.
    const observer = new ResizeObserver(fit);
    observer.observe(list);
    return () => observer.disconnect();
  }, [content]);
  const shape = hallGridShape(rows.length);
  // The stylesheet sizes the tiles and their type from these (hall-named__grid).
  const grid = {
    '--hall-columns': shape.columns,
    '--hall-rows': shape.rows,
  } as CSSProperties;
  return (
    <section className="hall-named" aria-labelledby={headingId}>
      <h3 id={headingId} className="hall__subheading">
        {t('hall.namedList')}
      </h3>
      <ul ref={ref} className="hall-named__grid" style={grid}>
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
