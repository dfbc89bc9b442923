import type { Consultation } from '@veche/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { RouteLink } from '../routing/route-link.component';
import { consultationPath, newConsultationPath } from '../routing/routes';
import { formatWhen } from './consultation-format';
import { sortedConsultations } from './consultation-form';
import { consultationsApi } from './consultations-api';
import './consultations.css';

interface Props {
  councilId: string;
  focusHeading: boolean;
  onSessionEnded: () => void;
}

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'loaded'; consultations: Consultation[]; timeZone: string };

/** The office's list of the council's consultations, drafts first, each with its status in words. */
export function OfficeConsultationsPage({ councilId, focusHeading, onSessionEnded }: Props) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('consultations.officeTitle'));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  useEffect(() => {
    let current = true;
    Promise.all([consultationsApi.ofCouncil(councilId), vecheApi.preparationOptions(councilId)])
      .then(([consultations, options]) => {
        if (current) {
          setLoad({
            state: 'loaded',
            consultations: sortedConsultations(consultations),
            timeZone: options.timeZone,
          });
        }
      })
      .catch((error: unknown) => {
        if (!current) return;
        if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
        else setLoad({ state: 'failed', message: t(`errors.${errorMessageCode(error)}`) });
      });
    return () => {
      current = false;
    };
  }, [councilId, attempt, onSessionEnded, t]);

  return (
    <div className="consultations" aria-busy={load.state === 'loading'}>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('consultations.officeTitle')}
      </h1>
      <p className="lead">{t('consultations.officeIntro')}</p>
      <p>
        <RouteLink className="button button--primary" to={newConsultationPath(councilId)}>
          {t('consultations.newLink')}
        </RouteLink>
      </p>
      {load.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {load.state === 'failed' && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('consultations.loadFailed')}</strong> {load.message}
          </p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setLoad({ state: 'loading' });
              setAttempt((count) => count + 1);
            }}
          >
            {t('consultations.retry')}
          </button>
        </div>
      )}
      {load.state === 'loaded' && load.consultations.length === 0 && (
        <p className="empty">{t('consultations.none')}</p>
      )}
      {load.state === 'loaded' && load.consultations.length > 0 && (
        <ul className="consultation-list">
          {load.consultations.map((consultation) => (
            <li key={consultation.id} className="consultation-card">
              <h2>
                <RouteLink to={consultationPath(consultation.id)}>{consultation.subject}</RouteLink>
              </h2>
              <p className={`consultation-status consultation-status--${consultation.status}`}>
                <strong>{t('consultations.statusLabel')}</strong>{' '}
                {t(`consultations.status.${consultation.status}`)}
              </p>
              <p>
                {t('consultations.period', {
                  start: formatWhen(consultation.startsAt, load.timeZone, i18n.language),
                  end: formatWhen(consultation.endsAt, load.timeZone, i18n.language),
                })}
              </p>
              <p className="muted">
                {t('consultations.opinions.responseCount', {
                  count: consultation.responseCount,
                })}{' '}
                {t('consultations.opinions.opinionCount', { count: consultation.opinionCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
