import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab's title for the current page, in the UI language (WCAG 2.4.2). */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const title = t('app.documentTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
