import type { RegisterPage } from './portal.use-case.js';
import { CouncilLinks, renderPage, type PageContext } from './portal-layout.js';
import { formatShortDate } from './portal-texts.js';

/**
 * `/portal/councils/:councilId/resolutions`: the register of resolutions, newest first: each
 * draft resolution voted on, its number if adopted, and where it was decided.
 */
export function registerPage(context: PageContext, page: RegisterPage): string {
  const { t, language } = context;
  const { council } = page;
  return renderPage(
    context,
    `${t('register.heading')} – ${council.name}`,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{t('register.heading')}</h1>
      {page.resolutions.length === 0 ? (
        <p>{t('register.none')}</p>
      ) : (
        <table className="register">
          <thead>
            <tr>
              <th scope="col">{t('register.number')}</th>
              <th scope="col">{t('register.title')}</th>
              <th scope="col">{t('register.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {page.resolutions.map((entry) => (
              <tr key={entry.id} data-adopted={String(entry.adopted)}>
                <td>{entry.number ?? t('register.noNumber')}</td>
                <th scope="row">
                  <a href={`/portal/sittings/${entry.sittingId}#item-${entry.agendaItemId}`}>
                    {entry.title}
                  </a>
                  <span className="meta">
                    {`${t('register.decided')}: ${formatShortDate(entry.decidedAt, language, council.timeZone)}`}
                  </span>
                </th>
                <td>{entry.adopted ? t('register.adopted') : t('register.rejected')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
}
