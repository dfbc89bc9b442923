import { useTranslation } from 'react-i18next';
import { useAppUpdateReady } from './app-update';

/** Says that a newer build of the app is ready, with a button that loads it. */
export function AppUpdateNotice() {
  const { t } = useTranslation();
  const ready = useAppUpdateReady();
  if (!ready) return null;
  return (
    <div className="notice notice--update">
      <p>{t('app.update.ready')}</p>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => window.location.reload()}
      >
        {t('app.update.reload')}
      </button>
    </div>
  );
}
