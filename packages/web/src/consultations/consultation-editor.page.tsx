import {
  consultationSchema,
  type Consultation,
  type DraftResolutionChoices,
} from '@veche/protocol';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { FormField } from '../forms/form-field.component';
import { InputField, TextAreaField } from '../forms/fields.component';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { RouteLink } from '../routing/route-link.component';
import { consultationPath, councilConsultationsPath } from '../routing/routes';
import { navigate } from '../routing/use-route.hook';
import {
  checkDraft,
  draftOf,
  problemCode,
  refusalCode,
  refusalProblems,
  surveyEditable,
  type ConsultationDraft,
} from './consultation-form';
import { ConsultationDocumentsSection } from './consultation-documents-section.component';
import { ConsultationOpinionsSection } from './consultation-opinions-section.component';
import { ConsultationResultsSection } from './consultation-results-section.component';
import { consultationsApi } from './consultations-api';
import { DraftResolutionPicker } from './draft-resolution-picker.component';
import { formatWhen } from './consultation-format';
import { SurveyBuilder, surveyFieldId } from './survey-builder.component';
import { SurveyPreview } from './survey-preview.component';
import { toSurvey } from './survey-builder';
import './consultations.css';

type Props = (
  | { mode: 'new'; councilId: string; consultationId?: undefined }
  | { mode: 'edit'; consultationId: string; councilId?: undefined }
) & {
  focusHeading: boolean;
  onSessionEnded: () => void;
};

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'loaded'; consultation: Consultation | null; councilId: string; timeZone: string };

/** The editor's own fields' DOM ids; the survey's are made by `surveyFieldId`. */
const FIELD_IDS: Readonly<Record<string, string>> = {
  subject: 'consultation-subject',
  description: 'consultation-description',
  startsAt: 'consultation-start-date',
  endsAt: 'consultation-end-date',
};
const domIdOf = (field: string) =>
  FIELD_IDS[field] ?? (field.startsWith('survey.') ? surveyFieldId(field) : null);

/**
 * The office's editor of a consultation: its subject, description and period on the council's
 * clock, the survey with its preview, then (once saved) its documents, responses, opinions and
 * results. Saving carries the version seen; when someone saved first, their version is offered.
 */
export function ConsultationEditorPage(props: Props) {
  const { focusHeading, onSessionEnded } = props;
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [draft, setDraft] = useState<ConsultationDraft>(() => draftOf(null, 'UTC'));
  /** The draft resolution the consultation concerns (null: none), and those it may concern. */
  const [agendaItemId, setAgendaItemId] = useState<string | null>(null);
  const [choices, setChoices] = useState<DraftResolutionChoices['items']>([]);
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [conflict, setConflict] = useState<Consultation | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [resultChanges, setResultChanges] = useState(0);

  const consultation = load.state === 'loaded' ? load.consultation : null;
  const title = consultation === null ? t('consultations.editor.newTitle') : consultation.subject;
  useDocumentTitle(title);

  useEffect(() => {
    if (focusHeading && load.state !== 'loading') headingRef.current?.focus();
  }, [focusHeading, load.state]);

  const failed = useCallback(
    (error: unknown) => {
      if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
      else setLoad({ state: 'failed', message: t(`errors.${errorMessageCode(error)}`) });
    },
    [onSessionEnded, t],
  );

  useEffect(() => {
    let current = true;
    const councilOf = async (): Promise<{ found: Consultation | null; councilId: string }> => {
      if (props.mode === 'new') return { found: null, councilId: props.councilId };
      const found = await consultationsApi.get(props.consultationId);
      return { found, councilId: found.councilId };
    };
    councilOf()
      .then(async ({ found, councilId }) => {
        // The council's zone, as the sitting editor reads it: the period is typed on its clock.
        const [options, items] = await Promise.all([
          vecheApi.preparationOptions(councilId),
          consultationsApi.draftResolutions(councilId),
        ]);
        if (!current) return;
        setLoad({ state: 'loaded', consultation: found, councilId, timeZone: options.timeZone });
        setDraft(draftOf(found, options.timeZone));
        setAgendaItemId(found?.agendaItemId ?? null);
        setChoices(items);
      })
      .catch((error: unknown) => {
        if (current) failed(error);
      });
    return () => {
      current = false;
    };
    // The page is keyed by its consultation or council: these never change under it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt, failed]);

  if (load.state === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (load.state === 'failed') {
    return (
      <div className="problem" role="alert">
        <p>
          <strong>{t('consultations.editor.loadFailed')}</strong> {load.message}
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
    );
  }

  const { timeZone, councilId } = load;
  const editable = surveyEditable(consultation);
  const shownProblems = checked ? problems : new Map<string, string>();
  const problemOf = (field: string): string | null => {
    const code = shownProblems.get(field);
    return code === undefined ? null : t(`consultations.problems.${problemCode(code)}`);
  };

  const change = (next: ConsultationDraft) => {
    setDraft(next);
    // Once the office tried to save, the marks follow what they type.
    if (checked) {
      const check = checkDraft(next, timeZone, agendaItemId);
      setProblems(check.ok ? new Map() : check.problems);
    }
  };

  const focusFirst = (found: ReadonlyMap<string, string>) => {
    for (const field of found.keys()) {
      const id = domIdOf(field);
      const element = id === null ? null : document.getElementById(id);
      if (element !== null) {
        element.focus();
        return;
      }
    }
  };

  const adopt = (saved: Consultation) => {
    setLoad({ state: 'loaded', consultation: saved, councilId, timeZone });
    setDraft(draftOf(saved, timeZone));
    setProblems(new Map());
    setChecked(false);
    setConflict(null);
  };

  const refused = (error: unknown) => {
    if (!(error instanceof ApiRequestError)) {
      setGeneral(t('errors.unexpected'));
      return;
    }
    if (error.code === 'unauthenticated') {
      onSessionEnded();
      return;
    }
    if (error.code === 'stale_version') {
      const current = consultationSchema.safeParse(error.facts.current);
      setConflict(current.success ? current.data : null);
      setGeneral(t('consultations.editor.stale'));
      return;
    }
    const found = refusalProblems(error);
    if (found.size > 0) {
      setChecked(true);
      setProblems(found);
      setGeneral(t('consultations.editor.fixFields'));
      requestAnimationFrame(() => focusFirst(found));
      return;
    }
    const own = refusalCode(error.code);
    setGeneral(
      own !== null
        ? t(`consultations.editor.refusals.${own}`)
        : t(`errors.${errorMessageCode(error)}`),
    );
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy !== null) return;
    setStatus('');
    setGeneral(null);
    const check = checkDraft(draft, timeZone, agendaItemId);
    setChecked(true);
    if (!check.ok) {
      setProblems(check.problems);
      setGeneral(t('consultations.editor.fixFields'));
      focusFirst(check.problems);
      return;
    }
    setProblems(new Map());
    setBusy('save');
    try {
      if (consultation === null) {
        const created = await consultationsApi.create(councilId, check.request);
        navigate(consultationPath(created.id), { replace: true });
        return;
      }
      const request = editable
        ? check.request
        : // Started: the survey is fixed; send it back exactly as stored.
          { ...check.request, survey: consultation.survey, startsAt: consultation.startsAt };
      const saved = await consultationsApi.save(consultation.id, request, consultation.version);
      adopt(saved);
      setStatus(t('consultations.editor.saved'));
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (consultation === null || busy !== null) return;
    setStatus('');
    setGeneral(null);
    setBusy('publish');
    try {
      const published = await consultationsApi.publish(consultation.id, consultation.version);
      adopt(published);
      setStatus(t('consultations.editor.publishedNow'));
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  };

  const field = (name: string) => problemOf(name);
  const survey = editable ? toSurvey(draft.survey) : (consultation?.survey ?? { questions: [] });

  return (
    <div className="consultation-editor">
      <p>
        <RouteLink to={councilConsultationsPath(councilId)}>
          {t('consultations.editor.back')}
        </RouteLink>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {consultation !== null && (
        <p className={`consultation-status consultation-status--${consultation.status}`}>
          <strong>{t('consultations.statusLabel')}</strong>{' '}
          {t(`consultations.status.${consultation.status}`)}
          {' · '}
          {t('consultations.period', {
            start: formatWhen(consultation.startsAt, timeZone, i18n.language),
            end: formatWhen(consultation.endsAt, timeZone, i18n.language),
          })}
        </p>
      )}

      {conflict !== null && (
        <section className="notice" aria-labelledby="consultation-conflict-heading">
          <h2 id="consultation-conflict-heading">{t('consultations.editor.conflictHeading')}</h2>
          <p>{t('consultations.editor.stale')}</p>
          <button type="button" className="button button--primary" onClick={() => adopt(conflict)}>
            {t('consultations.editor.loadTheirs')}
          </button>
        </section>
      )}

      <form className="form consultation-form" noValidate onSubmit={(event) => void save(event)}>
        <section className="consultations__section" aria-labelledby="consultation-details-heading">
          <h2 id="consultation-details-heading">{t('consultations.editor.details')}</h2>
          <InputField
            id="consultation-subject"
            label={t('consultations.editor.subject')}
            value={draft.subject}
            onChange={(subject) => change({ ...draft, subject })}
            error={field('subject')}
            required
          />
          <TextAreaField
            id="consultation-description"
            label={t('consultations.editor.description')}
            value={draft.description}
            onChange={(description) => change({ ...draft, description })}
            error={field('description')}
          />
          <fieldset className="consultation-form__period">
            <legend>{t('consultations.editor.period', { zone: timeZone })}</legend>
            <div className="consultation-form__pair">
              <FormField
                id="consultation-start-date"
                label={t('consultations.editor.startDate')}
                error={field('startsAt') ?? undefined}
                hint={editable ? undefined : t('consultations.editor.startFixed')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    value={draft.startDate}
                    readOnly={!editable}
                    onChange={(event) => change({ ...draft, startDate: event.target.value })}
                  />
                )}
              </FormField>
              <FormField
                id="consultation-start-time"
                label={t('consultations.editor.startTime')}
                error={undefined}
              >
                {(control) => (
                  <input
                    {...control}
                    type="time"
                    value={draft.startTime}
                    readOnly={!editable}
                    onChange={(event) => change({ ...draft, startTime: event.target.value })}
                  />
                )}
              </FormField>
              <InputField
                id="consultation-end-date"
                type="date"
                label={t('consultations.editor.endDate')}
                value={draft.endDate}
                onChange={(endDate) => change({ ...draft, endDate })}
                error={field('endsAt')}
              />
              <InputField
                id="consultation-end-time"
                type="time"
                label={t('consultations.editor.endTime')}
                value={draft.endTime}
                onChange={(endTime) => change({ ...draft, endTime })}
                error={null}
              />
            </div>
          </fieldset>
          <DraftResolutionPicker
            choices={choices}
            value={agendaItemId}
            timeZone={timeZone}
            onChange={(next) => {
              setAgendaItemId(next);
              setStatus('');
            }}
          />
        </section>

        <section className="consultations__section" aria-labelledby="consultation-survey-heading">
          <h2 id="consultation-survey-heading">{t('consultations.editor.survey')}</h2>
          {editable ? (
            <>
              <SurveyBuilder
                survey={draft.survey}
                onChange={(next) => change({ ...draft, survey: next })}
                problemOf={problemOf}
              />
              <button
                type="button"
                className="button button--quiet"
                aria-expanded={previewing}
                aria-controls="consultation-preview"
                onClick={() => setPreviewing((open) => !open)}
              >
                {previewing
                  ? t('consultations.editor.hidePreview')
                  : t('consultations.editor.showPreview')}
              </button>
            </>
          ) : (
            <p className="notice">{t('consultations.editor.surveyFixed')}</p>
          )}
          {(previewing || !editable) && (
            <section
              id="consultation-preview"
              className="consultation-preview"
              aria-labelledby="consultation-preview-heading"
            >
              <h3 id="consultation-preview-heading">{t('consultations.editor.previewHeading')}</h3>
              <SurveyPreview survey={survey} idPrefix="consultation-preview-question" />
            </section>
          )}
        </section>

        {general !== null && (
          <p className="field__error" role="alert">
            <span className="field__error-icon" aria-hidden="true">
              !
            </span>
            {general}
          </p>
        )}
        <p role="status" className="consultations__status">
          {status}
        </p>
        <div className="consultations__actions">
          <button type="submit" className="button button--primary" disabled={busy !== null}>
            {busy === 'save'
              ? t('consultations.editor.saving')
              : consultation === null
                ? t('consultations.editor.create')
                : t('consultations.editor.save')}
          </button>
          {consultation !== null && !consultation.published && (
            <button
              type="button"
              className="button button--quiet"
              disabled={busy !== null}
              onClick={() => void publish()}
            >
              {busy === 'publish'
                ? t('consultations.editor.publishing')
                : t('consultations.editor.publish')}
            </button>
          )}
        </div>
        {consultation !== null && !consultation.published && (
          <p className="muted">{t('consultations.editor.publishHint')}</p>
        )}
      </form>

      {consultation !== null && (
        <>
          <ConsultationDocumentsSection
            consultation={consultation}
            onChanged={(documents) =>
              setLoad({
                state: 'loaded',
                consultation: { ...consultation, documents },
                councilId,
                timeZone,
              })
            }
            onSessionEnded={onSessionEnded}
          />
          <ConsultationOpinionsSection
            consultation={consultation}
            timeZone={timeZone}
            onHidden={() => setResultChanges((count) => count + 1)}
            onSessionEnded={onSessionEnded}
          />
          <ConsultationResultsSection
            consultationId={consultation.id}
            changes={resultChanges}
            onSessionEnded={onSessionEnded}
          />
        </>
      )}
    </div>
  );
}
