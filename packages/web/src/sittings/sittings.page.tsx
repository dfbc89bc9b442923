import { holdsAnyRole, PREPARING_ROLES } from '@veche/domain';
import type { CurrentUser, SittingSummary } from '@veche/protocol';
import { RouteLink } from '../routing/route-link.component';
import { agendaTemplatesPath, newSittingPath } from '../routing/routes';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { SecondFactorNotice } from '../account/second-factor-notice.component';
import { Notifications } from './notifications.component';
import { SittingCard } from './sitting-card.component';

interface Props {
  user: CurrentUser;
  focusHeading: boolean;
  /** The server no longer knows this session: the app goes back to the sign-in page. */
  onSessionEnded: () => void;
}

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; sittings: SittingSummary[] }
  | { state: 'failed'; code: ErrorMessageCode };

export function SittingsPage({ user, focusHeading, onSessionEnded }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('sittings.title'));
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const preparedCouncils = user.councils.filter((council) =>
    holdsAnyRole(council.roles, PREPARING_ROLES),
  );

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  useEffect(() => {
    let current = true;
    vecheApi.upcomingSittings().then(
      (sittings) => {
        if (current) setLoad({ state: 'loaded', sittings });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
        else setLoad({ state: 'failed', code: errorMessageCode(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt, onSessionEnded]);

  return (
    <div className="sittings" aria-busy={load.state === 'loading'}>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('sittings.title')}
      </h1>
      <p className="lead">{t('sittings.intro')}</p>
      {preparedCouncils.length > 0 && (
        <p className="sitting__actions">
          {preparedCouncils.map((council) => (
            <RouteLink
              key={council.councilId}
              className="button button--primary"
              to={newSittingPath(council.councilId)}
            >
              {preparedCouncils.length === 1
                ? t('preparation.newLink')
                : `${t('preparation.newLink')}: ${council.councilName}`}
            </RouteLink>
          ))}
          {preparedCouncils.map((council) => (
            <RouteLink
              key={`templates-${council.councilId}`}
              className="button button--quiet"
              to={agendaTemplatesPath(council.councilId)}
            >
              {preparedCouncils.length === 1
                ? t('preparation.templates.link')
                : `${t('preparation.templates.link')}: ${council.councilName}`}
            </RouteLink>
          ))}
        </p>
      )}
      <SecondFactorNotice user={user} />
      <Notifications />
      {load.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {load.state === 'failed' && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('sittings.loadFailed')}</strong> {t(`errors.${load.code}`)}
          </p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setLoad({ state: 'loading' });
              setAttempt((count) => count + 1);
            }}
          >
            {t('sittings.retry')}
          </button>
        </div>
      )}
      {load.state === 'loaded' && load.sittings.length === 0 && (
        <p className="empty">{t('sittings.empty')}</p>
      )}
      {load.state === 'loaded' && load.sittings.length > 0 && (
        <ul className="sitting-list">
          {load.sittings.map((sitting) => (
            <li key={sitting.id}>
              <SittingCard sitting={sitting} user={user} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
