import {
  agendaTemplateSchema,
  type AgendaDraftItemInput,
  type AgendaTemplate,
  type PreparationOptions,
} from '@veche/protocol';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { ErrorSummary } from '../login/error-summary.component';
import { RouteLink } from '../routing/route-link.component';
import { newSittingPath } from '../routing/routes';
import { AgendaEditor } from './agenda-editor.component';
import { draftOf, type AgendaTree } from './agenda-editing';
import { FormField } from '../forms/form-field.component';
import { officeApi } from './office-api';
import { saveProblem, type SaveProblem } from './preparation-errors';
import { templateTree } from './template-tree';
import './office.css';

interface Props {
  councilId: string;
  focusHeading: boolean;
  onSessionEnded: () => void;
}

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; options: PreparationOptions }
  | { state: 'failed'; code: ErrorMessageCode };

/** The template being edited; `templateId` null for a new one. */
interface Draft {
  readonly templateId: string | null;
  readonly version: number | undefined;
  /** The name as saved, for the heading while the field changes. */
  readonly savedName: string;
  readonly name: string;
  readonly tree: AgendaTree;
}

let keyCount = 0;
const newKey = () => `template-${String((keyCount += 1))}`;

const TEMPLATE_CODES = ['name_taken', 'stale_version', 'not_found'] as const;

/** A refused save in words: the templates' own refusals, else the sitting editor's words. */
function templateProblem(t: TFunction, error: unknown): SaveProblem {
  const problem = saveProblem(t, error);
  if (!(error instanceof ApiRequestError)) return problem;
  const fields = new Map(problem.fields);
  if ((TEMPLATE_CODES as readonly string[]).includes(error.code)) {
    const code = error.code as (typeof TEMPLATE_CODES)[number];
    const message = t(`preparation.templates.errors.${code}`);
    if (code === 'name_taken') fields.set('name', message);
    return { message, fields };
  }
  if (fields.has('items')) {
    const message = t('preparation.templates.errors.noItems');
    fields.set('items', message);
    return { message, fields };
  }
  return { message: problem.message, fields };
}

/** Numbered titles of a template's items, as the conflict notice lists them. */
function outline(
  items: readonly AgendaDraftItemInput[],
  prefix = '',
): { number: string; title: string }[] {
  return items.flatMap((item, index) => {
    const number = `${prefix}${String(index + 1)}`;
    return [{ number, title: item.title }, ...outline(item.children ?? [], `${number}.`)];
  });
}

const draftFrom = (template: AgendaTemplate): Draft => ({
  templateId: template.id,
  version: template.version,
  savedName: template.name,
  name: template.name,
  tree: templateTree(template.items, newKey),
});

/**
 * The council's agenda templates (opening, the minutes, questions, closing ...), which a new
 * sitting's agenda may start from. The office lists, creates, edits and deletes them; the items
 * are edited with the sitting editor's tree. A save from an older version is refused and the
 * saved version shown, as in the sitting editor.
 */
export function AgendaTemplatesPage({ councilId, focusHeading, onSessionEnded }: Props) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [reloads, setReloads] = useState(0);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<{ attempt: number; problem: SaveProblem } | null>(null);
  const [conflict, setConflict] = useState<AgendaTemplate | null>(null);
  const [saving, setSaving] = useState(false);
  const [removing, setRemoving] = useState<AgendaTemplate | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useDocumentTitle(t('preparation.templates.title'));

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  useEffect(() => {
    let current = true;
    vecheApi.preparationOptions(councilId).then(
      (options) => {
        if (current) setLoad({ state: 'loaded', options });
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
  }, [councilId, reloads, onSessionEnded]);

  const edit = (next: Draft | null) => {
    setDraft(next);
    setProblem(null);
    setConflict(null);
    setRemoving(null);
  };

  const finished = (text: string) => {
    edit(null);
    setMessage(text);
    setReloads((count) => count + 1);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (draft === null || saving) return;
    setSaving(true);
    try {
      const saved = await officeApi.saveTemplate(councilId, draft.templateId, {
        ...(draft.version === undefined ? {} : { version: draft.version }),
        name: draft.name,
        items: draftOf(draft.tree),
      });
      finished(t('preparation.templates.saved', { name: saved.name }));
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
      setConflict(
        error instanceof ApiRequestError && error.code === 'stale_version'
          ? (agendaTemplateSchema.safeParse(error.facts.current).data ?? null)
          : null,
      );
      setProblem((previous) => ({
        attempt: (previous?.attempt ?? 0) + 1,
        problem: templateProblem(t, error),
      }));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (template: AgendaTemplate) => {
    try {
      await officeApi.removeTemplate(councilId, template.id);
      finished(t('preparation.templates.removed', { name: template.name }));
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
      setRemoving(null);
      setMessage(templateProblem(t, error).message);
    }
  };

  return (
    <div className="preparation" aria-busy={load.state === 'loading'}>
      <RouteLink className="live__back" to={newSittingPath(councilId)}>
        {t('preparation.templates.back')}
      </RouteLink>
      <h1 ref={headingRef} tabIndex={-1}>
        {t('preparation.templates.title')}
      </h1>
      {load.state === 'loaded' && <p className="lead">{load.options.councilName}</p>}
      <p>{t('preparation.templates.intro')}</p>
      <div role="status">{message && <p className="confirmation">{message}</p>}</div>
      {load.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {load.state === 'failed' && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('preparation.templates.loadFailed')}</strong> {t(`errors.${load.code}`)}
          </p>
        </div>
      )}
      {load.state === 'loaded' && draft === null && (
        <section className="preparation__section" aria-labelledby="templates-heading">
          <h2 id="templates-heading">{t('preparation.templates.listTitle')}</h2>
          <p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setMessage(null);
                edit({ templateId: null, version: undefined, savedName: '', name: '', tree: [] });
              }}
            >
              {t('preparation.templates.create')}
            </button>
          </p>
          {load.options.templates.length === 0 ? (
            <p className="empty">{t('preparation.templates.empty')}</p>
          ) : (
            <ul className="templates__list">
              {load.options.templates.map((template) => (
                <li key={template.id} className="templates__item">
                  <div>
                    <strong>{template.name}</strong>{' '}
                    <span className="muted">
                      {t('preparation.templates.itemCount', {
                        count: outline(template.items).length,
                      })}
                    </span>
                  </div>
                  {removing?.id === template.id ? (
                    <RemoveConfirmation
                      template={template}
                      onConfirm={() => void remove(template)}
                      onCancel={() => setRemoving(null)}
                    />
                  ) : (
                    <div className="templates__actions">
                      <button
                        type="button"
                        className="button button--quiet"
                        onClick={() => {
                          setMessage(null);
                          edit(draftFrom(template));
                        }}
                      >
                        {t('preparation.templates.edit')}
                        <span className="visually-hidden"> {template.name}</span>
                      </button>
                      <button
                        type="button"
                        className="button button--quiet"
                        onClick={() => {
                          setMessage(null);
                          setRemoving(template);
                        }}
                      >
                        {t('preparation.templates.remove')}
                        <span className="visually-hidden"> {template.name}</span>
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {draft !== null && (
        <section className="preparation__section" aria-labelledby="template-form-heading">
          <h2 id="template-form-heading">
            {draft.templateId === null
              ? t('preparation.templates.createTitle')
              : t('preparation.templates.editTitle', { name: draft.savedName })}
          </h2>
          {conflict !== null && (
            <section className="conflict" aria-labelledby="template-conflict-title" role="alert">
              <h3 id="template-conflict-title">{t('preparation.templates.conflictTitle')}</h3>
              <p>{t('preparation.templates.conflictText', { name: conflict.name })}</p>
              <ol className="conflict__outline">
                {outline(conflict.items).map((item) => (
                  <li key={`${item.number}-${item.title}`}>
                    <span className="agenda__number">{item.number}</span> {item.title}
                  </li>
                ))}
              </ol>
              <p className="muted">{t('preparation.conflict.reloadHint')}</p>
              <button
                type="button"
                className="button button--primary"
                onClick={() => edit(draftFrom(conflict))}
              >
                {t('preparation.conflict.reload')}
              </button>
            </section>
          )}
          <form className="form" noValidate onSubmit={(event) => void save(event)}>
            {problem !== null && (
              <ErrorSummary
                key={problem.attempt}
                title={t('preparation.errorTitle')}
                formMessage={problem.problem.message}
                fieldMessages={
                  problem.problem.fields.has('name')
                    ? [
                        {
                          fieldId: 'template-name',
                          message: problem.problem.fields.get('name') ?? '',
                        },
                      ]
                    : []
                }
              />
            )}
            <FormField
              id="template-name"
              label={t('preparation.templates.name')}
              error={problem?.problem.fields.get('name')}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  value={draft.name}
                  maxLength={200}
                  onChange={(event) => setDraft({ ...draft, name: event.target.value })}
                />
              )}
            </FormField>
            <h3>{t('preparation.templates.items')}</h3>
            <AgendaEditor
              tree={draft.tree}
              onChange={(tree) => setDraft({ ...draft, tree })}
              problems={problem?.problem.fields ?? new Map<string, string>()}
              newKey={newKey}
            />
            <div className="preparation__save">
              <button type="submit" className="button button--primary" disabled={saving}>
                {saving ? t('preparation.editor.saving') : t('preparation.templates.save')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => edit(null)}>
                {t('preparation.templates.cancel')}
              </button>
            </div>
          </form>
        </section>
      )}
    </div>
  );
}

/** The "yes, delete" step; it takes the focus so the question is read out first. */
function RemoveConfirmation({
  template,
  onConfirm,
  onCancel,
}: {
  template: AgendaTemplate;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="templates__confirm">
      <p ref={ref} tabIndex={-1}>
        {t('preparation.templates.confirmRemove', { name: template.name })}
      </p>
      <div className="templates__actions">
        <button type="button" className="button button--primary" onClick={onConfirm}>
          {t('preparation.templates.yesRemove')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('preparation.templates.cancel')}
        </button>
      </div>
    </div>
  );
}
