import type { Consultation, OfficeOpinions } from '@veche/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode } from '../api/error-message';
import { TextAreaField } from '../forms/fields.component';
import { consultationsApi, type OfficeOpinion } from './consultations-api';
import { formatWhen } from './consultation-format';

interface Props {
  consultation: Consultation;
  timeZone: string;
  /** After a hiding: the results count hidden opinions, so they are read again. */
  onHidden: () => void;
  onSessionEnded: () => void;
}

/**
 * Residents' participation as the office sees it: the counts of verified responses and
 * opinions, and each opinion with its author's name and e-mail; an abusive one is hidden with a
 * reason, which stays on record and is shown with it.
 */
export function ConsultationOpinionsSection({
  consultation,
  timeZone,
  onHidden,
  onSessionEnded,
}: Props) {
  const { t, i18n } = useTranslation();
  const [opinions, setOpinions] = useState<OfficeOpinions['opinions'] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let current = true;
    consultationsApi.opinions(consultation.id).then(
      (fresh) => {
        if (!current) return;
        setOpinions(fresh.opinions);
        setLoadProblem(null);
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
        else setLoadProblem(t(`errors.${errorMessageCode(error)}`));
      },
    );
    return () => {
      current = false;
    };
  }, [consultation.id, reloads, onSessionEnded, t]);

  const hidden = (updated: OfficeOpinion, message: string) => {
    setOpinions((now) =>
      now === null ? now : now.map((item) => (item.id === updated.id ? updated : item)),
    );
    setStatus(message);
    onHidden();
  };

  return (
    <section className="consultations__section" aria-labelledby="consultation-opinions-heading">
      <h2 id="consultation-opinions-heading">{t('consultations.opinions.heading')}</h2>
      <p>
        {t('consultations.opinions.responseCount', { count: consultation.responseCount })}{' '}
        {t('consultations.opinions.opinionCount', { count: consultation.opinionCount })}
      </p>
      {consultation.personalDataErasedAt !== null ? (
        <p className="muted">{t('consultations.opinions.erased')}</p>
      ) : (
        <p className="muted">
          {t('consultations.opinions.erasureDue', {
            when: formatWhen(consultation.personalDataErasureDueAt, timeZone, i18n.language),
          })}
        </p>
      )}
      {opinions === null && loadProblem === null && <p className="muted">{t('app.loading')}</p>}
      {loadProblem !== null && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('consultations.opinions.loadFailed')}</strong> {loadProblem}
          </p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setReloads((count) => count + 1)}
          >
            {t('consultations.retry')}
          </button>
        </div>
      )}
      <p role="status" className="consultations__status">
        {status}
      </p>
      {opinions !== null && opinions.length === 0 && (
        <p className="empty">{t('consultations.opinions.none')}</p>
      )}
      {opinions !== null && opinions.length > 0 && (
        <ul className="consultation-opinions">
          {opinions.map((opinion) => (
            <li key={opinion.id}>
              <OpinionCard
                opinion={opinion}
                timeZone={timeZone}
                onHidden={hidden}
                onSessionEnded={onSessionEnded}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface CardProps {
  opinion: OfficeOpinion;
  timeZone: string;
  onHidden: (updated: OfficeOpinion, message: string) => void;
  onSessionEnded: () => void;
}

function OpinionCard({ opinion, timeZone, onHidden, onSessionEnded }: CardProps) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hideRef = useRef<HTMLButtonElement>(null);
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ field: 'reason' | null; message: string } | null>(null);
  const id = `opinion-${opinion.id}`;
  const reasonId = `${id}-reason`;
  const name = opinion.name ?? t('consultations.opinions.erasedName');

  useEffect(() => {
    if (hiding) document.getElementById(reasonId)?.focus();
  }, [hiding, reasonId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (reason.trim() === '') {
      setProblem({ field: 'reason', message: t('consultations.opinions.reasonMissing') });
      document.getElementById(reasonId)?.focus();
      return;
    }
    setBusy(true);
    try {
      const updated = await consultationsApi.hideOpinion(opinion.id, reason.trim());
      setProblem(null);
      setHiding(false);
      setReason('');
      onHidden(updated, t('consultations.opinions.hiddenNamed', { name }));
      headingRef.current?.focus();
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
      const field =
        error instanceof ApiRequestError && error.code === 'validation_failed' ? 'reason' : null;
      setProblem({
        field,
        message:
          field === 'reason'
            ? t('consultations.opinions.reasonMissing')
            : t(`errors.${errorMessageCode(error)}`),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <article
      className={opinion.hiddenAt === null ? 'opinion' : 'opinion opinion--hidden'}
      aria-labelledby={`${id}-name`}
    >
      <h3 id={`${id}-name`} ref={headingRef} tabIndex={-1}>
        {name}
      </h3>
      <dl className="opinion__facts">
        <dt>{t('consultations.opinions.email')}</dt>
        <dd>
          {opinion.email === null ? (
            t('consultations.opinions.erasedEmail')
          ) : (
            <a href={`mailto:${opinion.email}`}>{opinion.email}</a>
          )}
        </dd>
        <dt>{t('consultations.opinions.sentAt')}</dt>
        <dd>
          <time dateTime={opinion.createdAt}>
            {formatWhen(opinion.createdAt, timeZone, i18n.language)}
          </time>
        </dd>
        <dt>{t('consultations.opinions.nameConsent')}</dt>
        <dd>
          {opinion.consentToPublishName
            ? t('consultations.opinions.nameMayBeShown')
            : t('consultations.opinions.nameWithheld')}
        </dd>
        <dt>{t('consultations.opinions.verified')}</dt>
        <dd>{opinion.verifiedAt === null ? t('consultations.no') : t('consultations.yes')}</dd>
        {opinion.attachment !== null && (
          <>
            <dt>{t('consultations.opinions.attachment')}</dt>
            <dd>
              <a href={opinion.attachment.url}>{opinion.attachment.fileName}</a>
            </dd>
          </>
        )}
        {opinion.hiddenAt !== null && (
          <>
            <dt>{t('consultations.opinions.hiddenLabel')}</dt>
            <dd>
              {t('consultations.opinions.hiddenBecause', { reason: opinion.hiddenReason ?? '' })}
            </dd>
          </>
        )}
      </dl>
      <p className="opinion__text">{opinion.text}</p>
      {problem !== null && problem.field === null && (
        <p className="field__error" role="alert">
          {problem.message}
        </p>
      )}
      {opinion.hiddenAt === null && (
        <>
          <button
            ref={hideRef}
            type="button"
            className="button button--quiet"
            aria-label={t('consultations.opinions.hideNamed', { name })}
            aria-expanded={hiding}
            aria-controls={hiding ? `${id}-hide` : undefined}
            onClick={() => {
              setProblem(null);
              setHiding((open) => !open);
            }}
          >
            {t('consultations.opinions.hide')}
          </button>
          {hiding && (
            <form
              id={`${id}-hide`}
              className="form"
              noValidate
              onSubmit={(event) => void submit(event)}
            >
              <TextAreaField
                id={reasonId}
                label={t('consultations.opinions.reasonNamed', { name })}
                hint={t('consultations.opinions.reasonHint')}
                value={reason}
                onChange={setReason}
                error={problem?.field === 'reason' ? problem.message : null}
              />
              <div className="consultations__actions">
                <button
                  type="submit"
                  className="button button--danger"
                  aria-label={t('consultations.opinions.confirmHideNamed', { name })}
                  disabled={busy}
                >
                  {t('consultations.opinions.confirmHide')}
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t('consultations.opinions.cancelNamed', { name })}
                  onClick={() => {
                    setHiding(false);
                    setProblem(null);
                    hideRef.current?.focus();
                  }}
                >
                  {t('consultations.opinions.cancel')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </article>
  );
}
