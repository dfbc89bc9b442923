import { SPEECH_REQUEST_REASON_MAX } from '@veche/domain';
import type { SpeechRequest, SpeechRequestList } from '@veche/protocol';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode } from '../api/error-message';
import { TextAreaField } from '../forms/fields.component';
import { formatDay } from '../interpellations/interpellation-card.component';
import { documentKind, formatFileSize } from '../live/live-format';
import { officeApi } from './office-api';
import {
  formatFiledAt,
  lastDayPassed,
  speechRequestGroups,
  speechRequestStatusKey,
  waitingForDecision,
} from './speech-request-groups';
import { reasonProblem, reviewProblemOf, type ReviewProblem } from './speech-request-review';
import './office.css';

interface Props {
  sittingId: string;
  /** The council's zone: the last day and the filing times are read on its clock. */
  timeZone: string;
  onSessionEnded: () => void;
}

/**
 * Residents' requests to speak at the sitting, by agenda item, with the council's last day for
 * them; the office approves a verified request or rejects it with a reason the resident is sent.
 * Every button names the resident it acts on, so a list of many requests stays clear to a screen
 * reader and to a browser test alike.
 */
export function SpeechRequestsSection({ sittingId, timeZone, onSessionEnded }: Props) {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<SpeechRequestList | null>(null);
  /** Read off the clock when the list arrives; "Reload the requests" reads it again. */
  const [passed, setPassed] = useState(false);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    let current = true;
    officeApi.speechRequests(sittingId).then(
      (fresh) => {
        if (!current) return;
        setList(fresh);
        setPassed(lastDayPassed(fresh.lastDay, Date.now(), timeZone));
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
  }, [sittingId, timeZone, reloads, onSessionEnded, t]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);

  const decided = useCallback((updated: SpeechRequest, message: string) => {
    setList((now) =>
      now === null
        ? now
        : {
            ...now,
            requests: now.requests.map((request) =>
              request.id === updated.id ? updated : request,
            ),
          },
    );
    setAnnouncement(message);
  }, []);

  /** The list is out of date (someone else decided, or the request is gone): fetch it again. */
  const stale = useCallback(
    (message: string | null) => {
      setAnnouncement(message ?? '');
      reload();
    },
    [reload],
  );

  const groups = list === null ? [] : speechRequestGroups(list.requests);
  const day = list === null ? '' : formatDay(list.lastDay, i18n.language);

  return (
    <section className="preparation__section" aria-labelledby="speech-requests-heading">
      <h2 id="speech-requests-heading">{t('preparation.speechRequests.heading')}</h2>
      {list === null && loadProblem === null && <p className="muted">{t('app.loading')}</p>}
      {loadProblem !== null && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('preparation.speechRequests.loadFailed')}</strong> {loadProblem}
          </p>
          <button type="button" className="button button--quiet" onClick={reload}>
            {t('preparation.editor.retry')}
          </button>
        </div>
      )}
      {list !== null && (
        <>
          <p className="speech-requests__deadline">
            {passed
              ? t('preparation.speechRequests.lastDayPassed', { day })
              : t('preparation.speechRequests.lastDayOpen', { day })}
          </p>
          <button type="button" className="button button--quiet" onClick={reload}>
            {t('preparation.speechRequests.reload')}
          </button>
        </>
      )}
      <p role="status" className="speech-requests__announcement">
        {announcement}
      </p>
      {list !== null && groups.length === 0 && (
        <p className="empty">{t('preparation.speechRequests.none')}</p>
      )}
      {list !== null && waitingForDecision(list.requests) > 0 && (
        <p>
          <strong>
            {t('preparation.speechRequests.pendingCount', {
              count: waitingForDecision(list.requests),
            })}
          </strong>
        </p>
      )}
      {groups.map((group) => {
        const heading =
          group.number === null
            ? t('preparation.speechRequests.removedItem', { title: group.title })
            : t('preparation.speechRequests.ofItem', { number: group.number, title: group.title });
        const headingId = `speech-requests-item-${group.itemId}`;
        return (
          <div key={group.itemId} className="speech-requests__group">
            <h3 id={headingId}>{heading}</h3>
            <ul className="speech-requests__list" aria-labelledby={headingId}>
              {group.requests.map((request) => (
                <li key={request.id}>
                  <SpeechRequestCard
                    request={request}
                    timeZone={timeZone}
                    onDecided={decided}
                    onStale={stale}
                    onSessionEnded={onSessionEnded}
                  />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

interface CardProps {
  request: SpeechRequest;
  timeZone: string;
  onDecided: (updated: SpeechRequest, message: string) => void;
  /** `message`: what the section says, when the request itself cannot. */
  onStale: (message: string | null) => void;
  onSessionEnded: () => void;
}

/** One request: who, about what, its status, and for a pending one the office's decision. */
function SpeechRequestCard({ request, timeZone, onDecided, onStale, onSessionEnded }: CardProps) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rejectRef = useRef<HTMLButtonElement>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [problem, setProblem] = useState<ReviewProblem | null>(null);
  const name = request.name;
  const id = `speech-request-${request.id}`;
  const reasonId = `${id}-reason`;

  useEffect(() => {
    if (rejecting) document.getElementById(reasonId)?.focus();
  }, [rejecting, reasonId]);

  const review = async (decision: 'approve' | 'reject') => {
    if (busy !== null) return;
    if (decision === 'reject') {
      const own = reasonProblem(reason);
      if (own !== null) {
        setProblem({ field: 'reason', key: own, reload: false });
        document.getElementById(reasonId)?.focus();
        return;
      }
    }
    setBusy(decision);
    try {
      const updated = await officeApi.reviewSpeechRequest(
        request.id,
        decision === 'approve' ? { decision } : { decision, reason: reason.trim() },
      );
      setProblem(null);
      setRejecting(false);
      setReason('');
      onDecided(
        updated,
        decision === 'approve'
          ? t('preparation.speechRequests.approvedNamed', { name })
          : t('preparation.speechRequests.rejectedNamed', { name }),
      );
      // The buttons are gone: the focus goes to the request, whose status now says the decision.
      headingRef.current?.focus();
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
      const found = reviewProblemOf(error);
      setProblem(found);
      if (found.reload && 'key' in found) {
        setRejecting(false);
        // The request's own alert says it while the request is shown; a request that is gone
        // takes its alert with it, so the section says that one.
        onStale(
          found.key === 'notFound'
            ? t(`preparation.speechRequests.errors.${found.key}`, { name })
            : null,
        );
      }
    } finally {
      setBusy(null);
    }
  };

  const submitRejection = (event: FormEvent) => {
    event.preventDefault();
    void review('reject');
  };

  const problemText =
    problem === null
      ? null
      : 'general' in problem
        ? t(`errors.${problem.general}`)
        : t(`preparation.speechRequests.errors.${problem.key}`, {
            name,
            max: SPEECH_REQUEST_REASON_MAX,
          });
  const reasonError = problem?.field === 'reason' ? problemText : null;
  const requestError = problem !== null && problem.field === null ? problemText : null;
  const statusKey = speechRequestStatusKey(request);

  return (
    <article className="speech-request" aria-labelledby={`${id}-name`}>
      <h4 id={`${id}-name`} ref={headingRef} tabIndex={-1}>
        {name}
      </h4>
      <p className={`speech-request__status speech-request__status--${request.status}`}>
        <strong>{t('preparation.speechRequests.statusLabel')}</strong>{' '}
        {t(`preparation.speechRequests.status.${statusKey}`)}
      </p>
      <dl className="speech-request__facts">
        <dt>{t('preparation.speechRequests.email')}</dt>
        <dd>
          <a href={`mailto:${request.email}`}>{request.email}</a>
        </dd>
        <dt>{t('preparation.speechRequests.filedAt')}</dt>
        <dd>
          <time dateTime={request.filedAt}>
            {formatFiledAt(request.filedAt, timeZone, i18n.language)}
          </time>
        </dd>
        <dt>{t('preparation.speechRequests.summary')}</dt>
        <dd className="speech-request__summary">{request.summary}</dd>
        {request.attachment !== null && (
          <>
            <dt>{t('preparation.speechRequests.attachment')}</dt>
            <dd>
              <a href={request.attachment.url}>{request.attachment.fileName}</a>{' '}
              <span className="speech-request__meta">
                ({documentKind(request.attachment.mediaType)},{' '}
                {formatFileSize(request.attachment.sizeBytes, i18n.language)})
              </span>
            </dd>
          </>
        )}
        {request.status === 'rejected' && request.rejectionReason !== null && (
          <>
            <dt>{t('preparation.speechRequests.rejectionReason')}</dt>
            <dd className="speech-request__summary">{request.rejectionReason}</dd>
          </>
        )}
      </dl>

      {request.status === 'unverified' && (
        <p className="muted">{t('preparation.speechRequests.unverifiedHint')}</p>
      )}

      {requestError !== null && (
        <p className="field__error" role="alert">
          <span className="field__error-icon" aria-hidden="true">
            !
          </span>
          {requestError}
        </p>
      )}

      {request.status === 'pending' && (
        <>
          <div className="speech-request__actions">
            <button
              type="button"
              className="button button--primary"
              aria-label={t('preparation.speechRequests.approveNamed', { name })}
              disabled={busy !== null}
              onClick={() => void review('approve')}
            >
              {busy === 'approve'
                ? t('preparation.speechRequests.saving')
                : t('preparation.speechRequests.approve')}
            </button>
            <button
              ref={rejectRef}
              type="button"
              className="button button--quiet"
              aria-label={t('preparation.speechRequests.rejectNamed', { name })}
              aria-expanded={rejecting}
              aria-controls={rejecting ? `${id}-rejection` : undefined}
              disabled={busy !== null}
              onClick={() => {
                setProblem(null);
                setRejecting((open) => !open);
              }}
            >
              {t('preparation.speechRequests.reject')}
            </button>
          </div>
          {rejecting && (
            <form
              id={`${id}-rejection`}
              className="form speech-request__rejection"
              noValidate
              onSubmit={submitRejection}
            >
              <TextAreaField
                id={reasonId}
                label={t('preparation.speechRequests.reasonNamed', { name })}
                hint={t('preparation.speechRequests.reasonHint', {
                  max: SPEECH_REQUEST_REASON_MAX,
                })}
                value={reason}
                onChange={setReason}
                error={reasonError}
              />
              <div className="speech-request__actions">
                <button
                  type="submit"
                  className="button button--primary"
                  aria-label={t('preparation.speechRequests.sendRejectionNamed', { name })}
                  disabled={busy !== null}
                >
                  {busy === 'reject'
                    ? t('preparation.speechRequests.saving')
                    : t('preparation.speechRequests.sendRejection')}
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t('preparation.speechRequests.cancelNamed', { name })}
                  disabled={busy !== null}
                  onClick={() => {
                    setRejecting(false);
                    setProblem(null);
                    rejectRef.current?.focus();
                  }}
                >
                  {t('preparation.speechRequests.cancel')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </article>
  );
}
