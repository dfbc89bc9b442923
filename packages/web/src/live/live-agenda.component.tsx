import { numberAgenda, type AgendaItem } from '@veche/domain';
import { useId, useMemo } from 'react';
import type { SittingDocument } from '@veche/protocol';
import { useTranslation } from 'react-i18next';
import { DocumentList } from './document-list.component';

interface Props {
  agenda: readonly AgendaItem[];
  currentItemId: string | null;
  /** The sitting's documents: each item's under it, the sitting's own above the list. */
  documents?: readonly SittingDocument[];
}

/**
 * The agenda as it stands now (it can change during the sitting), the item under debate marked
 * by aria-current and by a written "Now", not by colour alone.
 */
export function LiveAgenda({ agenda, currentItemId, documents = [] }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const items = useMemo(() => numberAgenda(agenda), [agenda]);
  return (
    <section className="live-agenda" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.agenda.heading')}</h2>
      <DocumentList
        documents={documents.filter((document) => document.itemId === null)}
        label={t('documents.ofSitting')}
      />
      {items.length === 0 ? (
        <p>{t('live.agenda.empty')}</p>
      ) : (
        <ol className="live-agenda__list">
          {items.map((item) => {
            const current = item.id === currentItemId;
            return (
              <li
                key={item.id}
                className={current ? 'live-agenda__item is-current' : 'live-agenda__item'}
                style={{ paddingInlineStart: `${String(0.75 + item.depth * 1.25)}rem` }}
                aria-current={current ? 'true' : undefined}
              >
                <span className="live-agenda__number">{item.number}.</span>
                <span className="live-agenda__title">{item.title}</span>
                {current && <span className="tag">{t('live.agenda.current')}</span>}
                <div className="live-agenda__documents">
                  <DocumentList
                    documents={documents.filter((document) => document.itemId === item.id)}
                    label={t('documents.ofItem', { number: item.number })}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
