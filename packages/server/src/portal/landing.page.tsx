import type { LandingPage } from './portal.use-case.js';
import { renderPage, SittingSummary, type PageContext } from './portal-layout.js';
import type { PortalKey } from './portal-texts.js';

const FIGURES = ['councils', 'users', 'sittings', 'votes', 'ballots'] as const;

/** `/portal`: every council, the sittings coming up on the installation, and its figures. */
export function landingPage(context: PageContext, page: LandingPage): string {
  const { t } = context;
  const numbers = new Intl.NumberFormat(context.language);
  return renderPage(
    context,
    t('landing.title'),
    <>
      <h1>{t('landing.title')}</h1>
      <p className="lead">{t('site.tagline')}</p>
      <section aria-labelledby="councils">
        <h2 id="councils">{t('landing.councils')}</h2>
        <ul className="plain">
          {page.councils.map((council) => (
            <li key={council.id}>
              <a href={`/portal/councils/${council.id}`}>{council.name}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t('landing.upcoming')}</h2>
        {page.upcoming.length === 0 ? (
          <p>{t('landing.noUpcoming')}</p>
        ) : (
          <ul className="cards">
            {page.upcoming.map((sitting) => (
              <SittingSummary key={sitting.id} context={context} sitting={sitting} showCouncil />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="statistics">
        <h2 id="statistics">{t('stats.heading')}</h2>
        <dl className="figures">
          {FIGURES.map((figure) => (
            <div key={figure} className="figure">
              <dt>{t(`stats.${figure}` as PortalKey)}</dt>
              <dd data-figure={figure}>{numbers.format(page.statistics[figure])}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>,
  );
}
