import { holdsAnyRole, PREPARING_ROLES } from '@veche/domain';
import type { CurrentUser, SittingSummary } from '@veche/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RouteLink } from '../routing/route-link.component';
import { conductPath, livePath, preparePath, publicPath } from '../routing/routes';
import { formatSittingTime } from './format-sitting-time';

interface Props {
  sitting: SittingSummary;
  user: CurrentUser;
}

/** Sittings whose live page has something to show or soon will. */
const LIVE_STATUSES: ReadonlySet<SittingSummary['status']> = new Set([
  'convened',
  'open',
  'suspended',
]);

/** One upcoming sitting. The body's name and the titles are the council's own words: shown as given. */
export function SittingCard({ sitting, user }: Props) {
  const { t, i18n } = useTranslation();
  // A hint only: the server decides who conducts, and the console says so if it disagrees.
  const conducts = user.councils.some(
    (council) =>
      council.councilId === sitting.councilId &&
      (council.roles.includes('operator') || council.roles.includes('chair')),
  );
  const prepares =
    (sitting.status === 'draft' || sitting.status === 'convened') &&
    user.councils.some(
      (council) =>
        council.councilId === sitting.councilId && holdsAnyRole(council.roles, PREPARING_ROLES),
    );
  const headingId = useId();
  const agendaHeadingId = useId();
  return (
    <article className="sitting" aria-labelledby={headingId}>
      <h2 id={headingId} className="sitting__heading">
        {t('sittings.heading', { number: sitting.numberRoman, body: sitting.bodyName })}
      </h2>
      {sitting.title && <p className="sitting__title">{sitting.title}</p>}
      <dl className="facts">
        <div className="facts__row facts__row--wide">
          <dt>{t('sittings.when')}</dt>
          <dd>
            <time dateTime={sitting.startsAt}>
              {formatSittingTime(sitting.startsAt, sitting.timeZone, i18n.language)}
            </time>
          </dd>
        </div>
        <div className="facts__row facts__row--wide">
          <dt>{t('sittings.place')}</dt>
          <dd>{sitting.place ?? t('sittings.placeUnknown')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('sittings.mode')}</dt>
          <dd>{t(`sitting.mode.${sitting.mode}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('sittings.kind')}</dt>
          <dd>{t(`sitting.kind.${sitting.kind}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('sittings.status')}</dt>
          <dd>
            <span className={`badge badge--${sitting.status}`}>
              {t(`sitting.status.${sitting.status}`)}
            </span>
          </dd>
        </div>
      </dl>
      {LIVE_STATUSES.has(sitting.status) && (
        <p className="sitting__actions">
          <RouteLink className="button button--primary" to={livePath(sitting.id)}>
            {t('sittings.joinLive')}
          </RouteLink>
          {conducts && (
            <RouteLink className="button button--quiet" to={conductPath(sitting.id)}>
              {t('conduct.open')}
            </RouteLink>
          )}
          <RouteLink className="button button--quiet" to={publicPath(sitting.id)}>
            {t('publicPage.link')}
          </RouteLink>
        </p>
      )}
      {prepares && (
        <p className="sitting__actions">
          <RouteLink className="button button--quiet" to={preparePath(sitting.id)}>
            {t('preparation.link')}
          </RouteLink>
        </p>
      )}
      <section className="agenda" aria-labelledby={agendaHeadingId}>
        <div className="agenda__header">
          <h3 id={agendaHeadingId}>{t('sittings.agenda')}</h3>
          <p className="agenda__count">
            {t('sittings.agendaCount', { count: sitting.agenda.length })}
          </p>
        </div>
        {sitting.agenda.length === 0 ? (
          <p>{t('sittings.agendaEmpty')}</p>
        ) : (
          <ol className="agenda__list">
            {sitting.agenda.map((item) => (
              <li key={item.id} className="agenda__item">
                <span className="agenda__number">{item.number}.</span>
                <span className="agenda__title">{item.title}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
