import type { SearchPage } from './portal.use-case.js';
import { CouncilLinks, renderPage, type PageContext } from './portal-layout.js';
import { formatDateTime } from './portal-texts.js';

/** Where a hit is read: an agenda item on its sitting's page, a document as its file. */
function hitUrl(hit: SearchPage['hits'][number]): string {
  switch (hit.source) {
    case 'agenda_item':
      return `/portal/sittings/${hit.sittingId}#item-${hit.id}`;
    case 'document':
      return `/api/documents/${hit.id}`;
    case 'resolution':
      return `/portal/sittings/${hit.sittingId}${hit.itemId === null ? '' : `#item-${hit.itemId}`}`;
  }
}

/** `/portal/councils/:councilId/search?q=`: a plain GET form and what it found. */
export function searchPage(context: PageContext, page: SearchPage, query: string): string {
  const { t, language } = context;
  const { council } = page;
  return renderPage(
    context,
    `${t('search.heading')} – ${council.name}`,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{t('search.heading')}</h1>
      <form method="get" action={`/portal/councils/${council.id}/search`} role="search">
        <input type="hidden" name="lang" value={language} />
        <label htmlFor="q">{t('search.label')}</label>
        <div className="search-row">
          <input id="q" name="q" type="search" defaultValue={query} maxLength={200} />
          <button type="submit">{t('search.submit')}</button>
        </div>
      </form>
      {query !== '' && (
        <section aria-labelledby="results">
          <h2 id="results">{t('search.results', { query })}</h2>
          {page.hits.length === 0 ? (
            <p>{t('search.none')}</p>
          ) : (
            <ul className="cards">
              {page.hits.map((hit) => (
                <li key={`${hit.source}-${hit.id}`} className="card" data-source={hit.source}>
                  <a href={hitUrl(hit)}>{hit.title}</a>
                  <p className="meta">
                    {t(`search.source.${hit.source}`)}
                    {' · '}
                    {formatDateTime(hit.startsAt, language, council.timeZone)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>,
  );
}
