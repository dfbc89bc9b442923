import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { RouteLink } from './route-link.component';

/** An address the app has no page for (a mistyped or outdated link). */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="not-found">
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p className="lead">{t('notFound.body')}</p>
      <p>
        <RouteLink to="/">{t('notFound.back')}</RouteLink>
      </p>
    </div>
  );
}
