import { renderPage, type PageContext } from './portal-layout.js';

/** A 404 (unknown id, draft) or 400 (a bad parameter, named) in the portal's own style. */
export function errorPage(context: PageContext, status: 400 | 404, parameter?: string): string {
  const { t } = context;
  const title = status === 404 ? t('error.notFound.title') : t('error.badRequest.title');
  return renderPage(
    context,
    title,
    <>
      <h1>{title}</h1>
      <p>
        {status === 404
          ? t('error.notFound.text')
          : t('error.badRequest.text', { parameter: parameter ?? '' })}
      </p>
      <p>
        <a href="/portal">{t('error.home')}</a>
      </p>
    </>,
  );
}
