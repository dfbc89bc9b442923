import type { RegisterFilters, RegisterPage } from './portal.use-case.js';
import { CouncilLinks, renderPage, type PageContext } from './portal-layout.js';
import { formatShortDate } from './portal-texts.js';

/**
 * `/portal/councils/:councilId/resolutions`: the register of resolutions, newest first: each
 * draft resolution voted on, its number if adopted, and where it was decided.
 */
export function registerPage(
  context: PageContext,
  page: RegisterPage,
  filters: RegisterFilters,
): string {
  const { t, language } = context;
  const { council } = page;
  return renderPage(
    context,
    `${t('register.heading')} – ${council.name}`,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{t('register.heading')}</h1>
      <form method="get" action={`/portal/councils/${council.id}/resolutions`} className="filters">
        <fieldset>
          <legend>{t('register.filter')}</legend>
          <input type="hidden" name="lang" value={language} />
          <label>
            {t('register.filterWords')}
            <input type="search" name="q" defaultValue={filters.q ?? ''} maxLength={200} />
          </label>
          <Choice
            name="term"
            label={t('register.filterTerm')}
            any={t('person.any')}
            value={filters.term}
            options={page.terms.map((term) => [term.id, term.name])}
          />
          <Choice
            name="body"
            label={t('person.filterBody')}
            any={t('person.any')}
            value={filters.body}
            options={page.bodies.map((body) => [body.id, body.name])}
          />
          <Choice
            name="year"
            label={t('person.filterYear')}
            any={t('person.any')}
            value={filters.year === undefined ? undefined : String(filters.year)}
            options={page.years.map((year) => [String(year), String(year)])}
          />
          <Choice
            name="outcome"
            label={t('register.outcome')}
            any={t('person.any')}
            value={filters.outcome}
            options={[
              ['adopted', t('register.adopted')],
              ['rejected', t('register.rejected')],
            ]}
          />
          <button type="submit">{t('person.apply')}</button>
        </fieldset>
      </form>
      <p role="status">{t('register.count', { count: String(page.total) })}</p>
      {page.total > page.resolutions.length && (
        <p>{t('register.limited', { shown: String(page.resolutions.length) })}</p>
      )}
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

/** A filter's drop-down list, "any" first. */
function Choice({
  name,
  label,
  any,
  value,
  options,
}: {
  name: string;
  label: string;
  any: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ''}>
        <option value="">{any}</option>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
