import type { PreparationOptions } from '@veche/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { ErrorSummary } from '../login/error-summary.component';
import { RouteLink } from '../routing/route-link.component';
import { agendaTemplatesPath, preparePath } from '../routing/routes';
import { navigate } from '../routing/use-route.hook';
import { FormField } from '../forms/form-field.component';
import { saveProblem, type SaveProblem } from './preparation-errors';
import {
  detailsFieldId,
  detailsRequest,
  SittingDetailsFields,
  type DetailsDraft,
} from './sitting-details-fields.component';

interface Props {
  councilId: string;
  focusHeading: boolean;
  onSessionEnded: () => void;
}

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; options: PreparationOptions }
  | { state: 'failed'; code: ErrorMessageCode };

const EMPTY: DetailsDraft = {
  title: '',
  kind: 'ordinary',
  mode: 'hall',
  date: '',
  time: '10:00',
  place: '',
  streamUrl: '',
  meetingUrl: '',
};

/** The office creates a draft sitting of one of the council's bodies, then edits it. */
export function NewSittingPage({ councilId, focusHeading, onSessionEnded }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('preparation.newSitting.title'));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState<DetailsDraft>(EMPTY);
  const [bodyId, setBodyId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<{ attempt: number; problem: SaveProblem } | null>(null);

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  useEffect(() => {
    let current = true;
    vecheApi.preparationOptions(councilId).then(
      (options) => {
        if (!current) return;
        setLoad({ state: 'loaded', options });
        const plenary = options.bodies.find((body) => body.kind === 'plenary') ?? options.bodies[0];
        setBodyId(plenary?.id ?? '');
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
  }, [councilId, onSessionEnded]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreating(true);
    try {
      const sitting = await vecheApi.createSitting(councilId, {
        bodyId,
        ...detailsRequest(draft),
        ...(templateId === '' ? {} : { templateId }),
      });
      navigate(preparePath(sitting.id));
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
      setProblem((previous) => ({
        attempt: (previous?.attempt ?? 0) + 1,
        problem: saveProblem(t, error),
      }));
    } finally {
      setCreating(false);
    }
  };

  const problems = problem?.problem.fields ?? new Map<string, string>();
  return (
    <div className="preparation">
      <RouteLink className="live__back" to="/">
        {t('preparation.editor.back')}
      </RouteLink>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('preparation.newSitting.title')}
      </h1>
      <p className="lead">{t('preparation.newSitting.intro')}</p>
      {load.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {load.state === 'failed' && (
        <p className="problem" role="alert">
          <strong>{t('preparation.newSitting.loadFailed')}</strong> {t(`errors.${load.code}`)}
        </p>
      )}
      {load.state === 'loaded' && load.options.bodies.length === 0 && (
        <p className="empty">{t('preparation.newSitting.noBodies')}</p>
      )}
      {load.state === 'loaded' && load.options.bodies.length > 0 && (
        <form
          className="form preparation__form"
          noValidate
          onSubmit={(event) => void create(event)}
        >
          <p className="muted">
            {t('preparation.newSitting.council', { name: load.options.councilName })}
          </p>
          {problem !== null && (
            <ErrorSummary
              key={problem.attempt}
              title={t('preparation.errorTitle')}
              formMessage={problem.problem.message}
              fieldMessages={[...problem.problem.fields].map(([field, message]) => ({
                fieldId: field === 'bodyId' ? 'sitting-body' : detailsFieldId(field),
                message,
              }))}
            />
          )}
          <FormField
            id="sitting-body"
            label={t('preparation.newSitting.body')}
            error={problems.get('bodyId')}
          >
            {(control) => (
              <select
                {...control}
                value={bodyId}
                onChange={(event) => setBodyId(event.target.value)}
              >
                {load.options.bodies.map((body) => (
                  <option key={body.id} value={body.id}>
                    {body.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <SittingDetailsFields
            value={draft}
            onChange={setDraft}
            timeZone={load.options.timeZone}
            problems={problems}
          />
          <FormField
            id="sitting-template"
            label={t('preparation.newSitting.template')}
            error={problems.get('templateId')}
          >
            {(control) => (
              <select
                {...control}
                value={templateId}
                onChange={(event) => setTemplateId(event.target.value)}
              >
                <option value="">{t('preparation.newSitting.noTemplate')}</option>
                {load.options.templates.map((template) => (
                  <option key={template.id} value={template.id}>
                    {t('preparation.newSitting.fromTemplate', { name: template.name })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <p>
            <RouteLink to={agendaTemplatesPath(councilId)}>
              {t('preparation.templates.manage')}
            </RouteLink>
          </p>
          <button type="submit" className="button button--primary" disabled={creating}>
            {creating ? t('preparation.newSitting.creating') : t('preparation.newSitting.create')}
          </button>
        </form>
      )}
    </div>
  );
}
