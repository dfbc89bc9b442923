import type { PreparedAgendaItem, SittingPreparation } from '@veche/protocol';
import { sittingPreparationSchema } from '@veche/protocol';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { ErrorSummary } from '../login/error-summary.component';
import { RouteLink } from '../routing/route-link.component';
import { conductPath } from '../routing/routes';
import { formatSittingTime } from '../sittings/format-sitting-time';
import { AgendaEditor } from './agenda-editor.component';
import { draftOf, editableTree, type AgendaTree } from './agenda-editing';
import { FormField } from '../forms/form-field.component';
import { saveProblem, type SaveProblem } from './preparation-errors';
import { SittingDocumentsSection } from './sitting-documents-section.component';
import { SittingRecordingSection } from './sitting-recording-section.component';
import { SpeechRequestsSection } from './speech-requests-section.component';
import {
  detailsFieldId,
  detailsRequest,
  SittingDetailsFields,
  type DetailsDraft,
} from './sitting-details-fields.component';
import { withDocumentCounts } from './template-tree';

interface Props {
  sittingId: string;
  focusHeading: boolean;
  onSessionEnded: () => void;
}

type Load =
  { state: 'loading' } | { state: 'loaded' } | { state: 'failed'; code: ErrorMessageCode };

/** Which part of the page a problem or a confirmation belongs to. */
type Part = 'details' | 'agenda' | 'convene';

interface Outcome {
  readonly part: Part;
  readonly attempt: number;
  readonly problem: SaveProblem | null;
  /** The version someone else saved, when ours was refused for it. */
  readonly current: SittingPreparation | null;
}

function detailsOf(sitting: SittingPreparation): DetailsDraft {
  const [date = '', time = ''] = sitting.startsAtLocal.split('T');
  return {
    title: sitting.title,
    kind: sitting.kind,
    mode: sitting.mode,
    date,
    time,
    place: sitting.place ?? '',
    streamUrl: sitting.streamUrl ?? '',
    meetingUrl: sitting.meetingUrl ?? '',
  };
}

const outline = (items: readonly PreparedAgendaItem[]): { number: string; title: string }[] =>
  items.flatMap((item) => [{ number: item.number, title: item.title }, ...outline(item.children)]);

let keyCount = 0;
const newKey = () => `new-${String((keyCount += 1))}`;

/**
 * The office's editor of a sitting before it opens: details, the agenda tree, convening. Every
 * save sends the version it started from; when someone else saved first, the page says so,
 * shows what is saved now, and offers to load it: nothing is overwritten silently.
 */
export function SittingPreparationPage({ sittingId, focusHeading, onSessionEnded }: Props) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [sitting, setSitting] = useState<SittingPreparation | null>(null);
  const [details, setDetails] = useState<DetailsDraft | null>(null);
  const [number, setNumber] = useState('');
  const [tree, setTree] = useState<AgendaTree>([]);
  const [savedAgenda, setSavedAgenda] = useState('[]');
  const [busy, setBusy] = useState<Part | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useDocumentTitle(t('preparation.editor.documentTitle', { number: sitting?.numberRoman ?? '' }));

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  /** Takes the server's version whole: details, number and agenda. */
  const adopt = useCallback((fresh: SittingPreparation) => {
    setSitting(fresh);
    setDetails(detailsOf(fresh));
    setNumber(String(fresh.number));
    const editable = editableTree(fresh.agenda);
    setTree(editable);
    setSavedAgenda(JSON.stringify(draftOf(editable)));
  }, []);

  useEffect(() => {
    let current = true;
    vecheApi.sittingPreparation(sittingId).then(
      (fresh) => {
        if (!current) return;
        adopt(fresh);
        setLoad({ state: 'loaded' });
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
  }, [sittingId, attempt, adopt, onSessionEnded]);

  const run = async (
    part: Part,
    action: () => Promise<SittingPreparation>,
    keepAgenda: boolean,
  ) => {
    setBusy(part);
    try {
      const fresh = await action();
      if (keepAgenda) {
        // The details changed, not the agenda: keep the agenda's unsaved edits.
        setSitting(fresh);
        setDetails(detailsOf(fresh));
        setNumber(String(fresh.number));
      } else {
        adopt(fresh);
      }
      setOutcome((previous) => ({
        part,
        attempt: (previous?.attempt ?? 0) + 1,
        problem: null,
        current: null,
      }));
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
      const current =
        error instanceof ApiRequestError && error.code === 'stale_version'
          ? (sittingPreparationSchema.safeParse(error.facts.current).data ?? null)
          : null;
      setOutcome((previous) => ({
        part,
        attempt: (previous?.attempt ?? 0) + 1,
        problem: saveProblem(t, error),
        current,
      }));
    } finally {
      setBusy(null);
    }
  };

  /**
   * After an upload the items' document counts change (an item with documents cannot be removed):
   * they are taken from the server, and nothing else is, so unsaved edits and the version a save
   * starts from stay as they were.
   */
  const documentsChanged = useCallback(() => {
    vecheApi.sittingPreparation(sittingId).then(
      (fresh) => {
        setTree((now) => withDocumentCounts(now, fresh.agenda));
        setSitting((now) => (now !== null && now.version === fresh.version ? fresh : now));
      },
      () => {},
    );
  }, [sittingId]);

  if (load.state === 'loading' || sitting === null || details === null) {
    return (
      <div className="preparation" aria-busy={load.state === 'loading'}>
        {load.state === 'failed' ? (
          <div className="problem" role="alert">
            <p>
              <strong>{t('preparation.editor.loadFailed')}</strong> {t(`errors.${load.code}`)}
            </p>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setLoad({ state: 'loading' });
                setAttempt((count) => count + 1);
              }}
            >
              {t('preparation.editor.retry')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </div>
    );
  }

  const version = sitting.version;
  const agendaChanged = JSON.stringify(draftOf(tree)) !== savedAgenda;
  const problemFor = (part: Part) =>
    outcome !== null && outcome.part === part && outcome.problem !== null ? outcome : null;
  const detailsProblem = problemFor('details');
  const agendaProblem = problemFor('agenda');
  const conveneProblem = problemFor('convene');
  const confirmed = (part: Part) =>
    outcome !== null && outcome.part === part && outcome.problem === null;

  const saveDetails = (event: FormEvent) => {
    event.preventDefault();
    const renumber = sitting.renumberable && number !== String(sitting.number);
    void run(
      'details',
      () =>
        vecheApi.updateSitting(sittingId, {
          version,
          ...detailsRequest(details),
          ...(renumber ? { number: Number(number) } : {}),
        }),
      true,
    );
  };

  const conflict = outcome?.current ?? null;
  return (
    <div className="preparation">
      <RouteLink className="live__back" to="/">
        {t('preparation.editor.back')}
      </RouteLink>
      <p className="live__eyebrow">{t('preparation.editor.eyebrow')}</p>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('sittings.heading', { number: sitting.numberRoman, body: sitting.bodyName })}
      </h1>
      <p className="live__meta">
        <span className={`badge badge--${sitting.status}`}>
          {t(`sitting.status.${sitting.status}`)}
        </span>{' '}
        <time dateTime={sitting.startsAt}>
          {formatSittingTime(sitting.startsAt, sitting.timeZone, i18n.language)}
        </time>
      </p>

      {conflict !== null && (
        <section className="conflict" aria-labelledby="conflict-title" role="alert">
          <h2 id="conflict-title">{t('preparation.conflict.title')}</h2>
          <p>{t('preparation.conflict.text')}</p>
          <ol className="conflict__outline">
            {outline(conflict.agenda).map((item) => (
              <li key={`${item.number}-${item.title}`}>
                <span className="agenda__number">{item.number}</span> {item.title}
              </li>
            ))}
          </ol>
          <p className="muted">{t('preparation.conflict.reloadHint')}</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              adopt(conflict);
              setOutcome(null);
            }}
          >
            {t('preparation.conflict.reload')}
          </button>
        </section>
      )}

      {!sitting.editable && (
        <div className="notice">
          <p>{t('preparation.editor.closed')}</p>
          <RouteLink className="button button--quiet" to={conductPath(sitting.id)}>
            {t('preparation.editor.openConsole')}
          </RouteLink>
        </div>
      )}

      {sitting.editable && (
        <>
          <section className="preparation__section" aria-labelledby="details-heading">
            <h2 id="details-heading">{t('preparation.editor.details')}</h2>
            <form className="form" noValidate onSubmit={saveDetails}>
              {detailsProblem?.problem && (
                <ErrorSummary
                  key={detailsProblem.attempt}
                  title={t('preparation.errorTitle')}
                  formMessage={detailsProblem.problem.message}
                  fieldMessages={[...detailsProblem.problem.fields].map(([field, message]) => ({
                    fieldId: detailsFieldId(field),
                    message,
                  }))}
                />
              )}
              <SittingDetailsFields
                value={details}
                onChange={setDetails}
                timeZone={sitting.timeZone}
                problems={detailsProblem?.problem?.fields ?? new Map<string, string>()}
              />
              <FormField
                id="sitting-number"
                label={t('preparation.fields.number')}
                hint={t('preparation.fields.numberHint')}
                error={detailsProblem?.problem?.fields.get('number')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={3999}
                    readOnly={!sitting.renumberable}
                    value={number}
                    onChange={(event) => setNumber(event.target.value)}
                  />
                )}
              </FormField>
              <button type="submit" className="button button--primary" disabled={busy !== null}>
                {busy === 'details'
                  ? t('preparation.editor.saving')
                  : t('preparation.editor.saveDetails')}
              </button>
              {confirmed('details') && (
                <p className="confirmation" role="status">
                  {t('preparation.editor.detailsSaved')}
                </p>
              )}
            </form>
          </section>

          <section className="preparation__section" aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">{t('preparation.editor.agenda')}</h2>
            {agendaProblem?.problem && (
              <ErrorSummary
                key={agendaProblem.attempt}
                title={t('preparation.errorTitle')}
                formMessage={agendaProblem.problem.message}
                fieldMessages={[]}
              />
            )}
            <AgendaEditor
              tree={tree}
              onChange={setTree}
              problems={agendaProblem?.problem?.fields ?? new Map<string, string>()}
              newKey={newKey}
            />
            <div className="preparation__save">
              <button
                type="button"
                className="button button--primary"
                disabled={busy !== null}
                onClick={() =>
                  void run(
                    'agenda',
                    () => vecheApi.saveAgenda(sittingId, { version, items: draftOf(tree) }),
                    false,
                  )
                }
              >
                {busy === 'agenda'
                  ? t('preparation.editor.saving')
                  : t('preparation.editor.saveAgenda')}
              </button>
              {agendaChanged && <p className="muted">{t('preparation.editor.unsaved')}</p>}
              {confirmed('agenda') && !agendaChanged && (
                <p className="confirmation" role="status">
                  {t('preparation.editor.agendaSaved')}
                </p>
              )}
            </div>
          </section>

          {sitting.status === 'draft' && (
            <section className="preparation__section" aria-labelledby="convene-heading">
              <h2 id="convene-heading">{t('preparation.editor.convene')}</h2>
              <p>{t('preparation.editor.conveneHint')}</p>
              {conveneProblem?.problem && (
                <ErrorSummary
                  key={conveneProblem.attempt}
                  title={t('preparation.errorTitle')}
                  formMessage={conveneProblem.problem.message}
                  fieldMessages={[]}
                />
              )}
              <button
                type="button"
                className="button button--primary"
                disabled={busy !== null || agendaChanged}
                onClick={() =>
                  void run('convene', () => vecheApi.conveneSitting(sittingId, version), true)
                }
              >
                {t('preparation.editor.convene')}
              </button>
            </section>
          )}
          {confirmed('convene') && (
            <p className="confirmation" role="status">
              {t('preparation.editor.convened')}
            </p>
          )}
        </>
      )}

      <SittingDocumentsSection
        sittingId={sittingId}
        agenda={sitting.agenda}
        onUploaded={documentsChanged}
        onSessionEnded={onSessionEnded}
      />

      {/* Residents file requests only for a convened sitting: a draft has none to show. */}
      {sitting.status !== 'draft' && (
        <SpeechRequestsSection
          sittingId={sittingId}
          timeZone={sitting.timeZone}
          onSessionEnded={onSessionEnded}
        />
      )}

      <SittingRecordingSection key={sitting.id} sitting={sitting} onSessionEnded={onSessionEnded} />
    </div>
  );
}
