import type { SittingListing } from '../storage/repositories/sittings.repository.js';
import type { CouncilPage } from './portal.use-case.js';
import { renderPage, SittingSummary, type PageContext } from './portal-layout.js';

/** Sittings grouped by body (the plenary, each committee), in the order given. */
function byBody(sittings: readonly SittingListing[]): [string, SittingListing[]][] {
  const groups = new Map<string, SittingListing[]>();
  for (const sitting of sittings) {
    groups.set(sitting.bodyName, [...(groups.get(sitting.bodyName) ?? []), sitting]);
  }
  return [...groups.entries()];
}

function SittingGroups({
  context,
  sittings,
  empty,
  idPrefix,
}: {
  context: PageContext;
  sittings: readonly SittingListing[];
  empty: string;
  idPrefix: string;
}) {
  if (sittings.length === 0) return <p>{empty}</p>;
  return (
    <>
      {byBody(sittings).map(([body, list], index) => (
        <section key={body} aria-labelledby={`${idPrefix}-${String(index)}`}>
          <h3 id={`${idPrefix}-${String(index)}`}>{body}</h3>
          <ul className="cards">
            {list.map((sitting) => (
              <SittingSummary key={sitting.id} context={context} sitting={sitting} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** `/portal/councils/:councilId`: its sittings by body, its councillors, and where to go next. */
export function councilPage(context: PageContext, page: CouncilPage): string {
  const { t } = context;
  const { council } = page;
  const base = `/portal/councils/${council.id}`;
  return renderPage(
    context,
    council.name,
    <>
      <p className="way-back">
        <a href="/portal">{t('nav.home')}</a>
      </p>
      <h1>{council.name}</h1>
      <nav aria-labelledby="more">
        <h2 id="more">{t('council.more')}</h2>
        <ul className="plain">
          <li>
            <a href="#councillors">{t('council.councillors')}</a>
          </li>
          <li>
            <a href={`${base}/interpellations`}>{t('council.interpellations')}</a>
          </li>
          <li>
            <a href={`${base}/resolutions`}>{t('council.register')}</a>
          </li>
          <li>
            <a href={`${base}/consultations`}>{t('council.consultations')}</a>
          </li>
          <li>
            <a href={`${base}/search`}>{t('council.search')}</a>
          </li>
          <li>
            <a href={`/api/public/councils/${council.id}/calendar.ics`}>{t('council.calendar')}</a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t('council.upcoming')}</h2>
        <SittingGroups
          context={context}
          sittings={page.upcoming}
          empty={t('council.noneUpcoming')}
          idPrefix="upcoming"
        />
      </section>
      <section aria-labelledby="past">
        <h2 id="past">{t('council.past')}</h2>
        <SittingGroups
          context={context}
          sittings={page.past}
          empty={t('council.nonePast')}
          idPrefix="past"
        />
      </section>
      <section aria-labelledby="councillors">
        <h2 id="councillors">{t('council.councillors')}</h2>
        {page.councillors.length === 0 ? (
          <p>{t('council.noCouncillors')}</p>
        ) : (
          <ul className="columns">
            {page.councillors.map((person) => (
              <li key={person.id}>
                <a href={`/portal/persons/${person.id}`}>
                  {`${person.givenName} ${person.familyName}`}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>,
  );
}
