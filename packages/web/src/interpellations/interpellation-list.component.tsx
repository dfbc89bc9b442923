import type { Interpellation } from '@veche/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loaded } from './use-interpellations.hook';

interface Props {
  loaded: Loaded;
  children: (item: Interpellation) => ReactNode;
}

/** A list of interpellations with its loading, failed and empty states, and a count. */
export function InterpellationList({ loaded, children }: Props) {
  const { t } = useTranslation();
  if (loaded.state === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (loaded.state === 'failed') return <p className="problem">{t(`errors.${loaded.code}`)}</p>;
  if (loaded.items.length === 0) return <p>{t('interpellations.none')}</p>;
  return (
    <>
      <p className="muted">{t('interpellations.count', { count: loaded.items.length })}</p>
      <ul className="interpellation-list">
        {loaded.items.map((item) => (
          <li key={item.id}>{children(item)}</li>
        ))}
      </ul>
    </>
  );
}
