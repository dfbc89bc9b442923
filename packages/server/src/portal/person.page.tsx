import { sittingName } from '../sittings/sitting-name.js';
import type { PersonPage, PersonVote } from './portal.use-case.js';
import { CouncilLinks, renderPage, type PageContext } from './portal-layout.js';
import { formatDay, formatShortDate, type PortalKey } from './portal-texts.js';
import { optionLabel } from './vote-result.js';

/** The choices a councillor's votes can be filtered by. */
export const PERSON_CHOICES = ['for', 'against', 'abstain', 'not_voting', 'absent'] as const;

export interface PersonFilters {
  readonly body?: string | undefined;
  readonly year?: number | undefined;
  readonly choice?: string | undefined;
}

function matches(vote: PersonVote, filters: PersonFilters): boolean {
  return (
    (filters.body === undefined || vote.sitting.bodyId === filters.body) &&
    (filters.year === undefined || vote.year === filters.year) &&
    (filters.choice === undefined || vote.choice === filters.choice)
  );
}

/**
 * `/portal/persons/:personId`: a councillor's seats, attendance (sittings with a log at which
 * they were present at some point, of those whose members they were), and every named vote with
 * their choice, filtered with a plain GET form.
 */
export function personPage(context: PageContext, page: PersonPage, filters: PersonFilters): string {
  const { t, language } = context;
  const { person, council } = page;
  const name = `${person.givenName} ${person.familyName}`;
  const votes = page.votes.filter((vote) => matches(vote, filters));
  const bodies = new Map(page.votes.map((vote) => [vote.sitting.bodyId, vote.sitting.bodyName]));
  for (const membership of page.memberships) bodies.set(membership.bodyId, membership.bodyName);
  const years = [...new Set(page.votes.map((vote) => vote.year))].sort((a, b) => b - a);
  const rate = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const { attended, total } = page.attendance;
  return renderPage(
    context,
    name,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{name}</h1>
      <section aria-labelledby="memberships">
        <h2 id="memberships">{t('person.memberships')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('person.body')}</th>
              <th scope="col">{t('person.role')}</th>
              <th scope="col">{t('person.period')}</th>
            </tr>
          </thead>
          <tbody>
            {page.memberships.map((membership) => (
              <tr key={`${membership.bodyId}-${membership.startsOn}`}>
                <th scope="row">{membership.bodyName}</th>
                <td>{t(`role.${membership.role}` as PortalKey)}</td>
                <td>
                  {membership.endsOn === null
                    ? t('person.since', { from: formatDay(membership.startsOn, language) })
                    : t('person.range', {
                        from: formatDay(membership.startsOn, language),
                        to: formatDay(membership.endsOn, language),
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="attendance">
        <h2 id="attendance">{t('person.attendance')}</h2>
        <p id="attendance-rate">
          {total === 0
            ? t('person.noAttendance')
            : t('person.attendanceValue', { attended, total, rate: rate.format(attended / total) })}
        </p>
      </section>
      <section aria-labelledby="votes">
        <h2 id="votes">{t('person.votes')}</h2>
        <form method="get" action={`/portal/persons/${person.id}`} className="filters">
          <fieldset>
            <legend>{t('person.filter')}</legend>
            <input type="hidden" name="lang" value={language} />
            <label>
              {t('person.filterBody')}
              <select name="body" defaultValue={filters.body ?? ''}>
                <option value="">{t('person.any')}</option>
                {[...bodies].map(([id, bodyName]) => (
                  <option key={id} value={id}>
                    {bodyName}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('person.filterYear')}
              <select
                name="year"
                defaultValue={filters.year === undefined ? '' : String(filters.year)}
              >
                <option value="">{t('person.any')}</option>
                {years.map((year) => (
                  <option key={year} value={String(year)}>
                    {year}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('person.filterChoice')}
              <select name="choice" defaultValue={filters.choice ?? ''}>
                <option value="">{t('person.any')}</option>
                {PERSON_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {optionLabel(context, choice)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">{t('person.apply')}</button>
          </fieldset>
        </form>
        {votes.length === 0 ? (
          <p>{t('person.noVotes')}</p>
        ) : (
          <table className="person-votes">
            <thead>
              <tr>
                <th scope="col">{t('person.date')}</th>
                <th scope="col">{t('person.subject')}</th>
                <th scope="col">{t('named.choice')}</th>
              </tr>
            </thead>
            <tbody>
              {votes.map((vote) => (
                <tr key={`${vote.sitting.id}-${vote.vote.id}`} data-choice={vote.choice}>
                  <td>{formatShortDate(vote.sitting.startsAt, language, vote.sitting.timeZone)}</td>
                  <th scope="row">
                    <a href={`/portal/sittings/${vote.sitting.id}/votes/${vote.vote.id}`}>
                      {vote.vote.subject}
                    </a>
                    <span className="meta">{sittingName(language, vote.sitting)}</span>
                  </th>
                  <td>{optionLabel(context, vote.choice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>,
  );
}
