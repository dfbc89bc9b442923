import type { ImportRow, MemberImportPreview } from '@veche/protocol';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../login/error-summary.component';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { RouteLink } from '../routing/route-link.component';
import { councilAdminPath } from '../routing/routes';
import { adminApi } from './admin-api';
import { problemsOf, type FormProblems } from './admin-errors';
import { useProblemText } from './form-problems';
import './admin.css';

/** Names of the format, the same in every language. */
const FILE_WORDS = { csv: 'CSV', encoding: 'UTF-8' };

interface Props {
  councilId: string;
  focusHeading: boolean;
}

type Step =
  | { state: 'choosing' }
  | { state: 'working' }
  | { state: 'previewed'; preview: MemberImportPreview; file: File }
  | { state: 'imported'; preview: MemberImportPreview }
  | { state: 'failed'; problems: FormProblems };

/**
 * Importing a member list: choose a CSV file, see every row with its problems, then import it
 * whole. Nothing is written until the file has no problem left.
 */
export function MemberImportPage({ councilId, focusHeading }: Props) {
  const { t } = useTranslation();
  const text = useProblemText();
  useDocumentTitle(t('admin.import.title'));
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ state: 'choosing' });
  const [attempt, setAttempt] = useState(0);
  const [noFile, setNoFile] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  useEffect(() => {
    if (step.state === 'previewed' || step.state === 'imported') resultRef.current?.focus();
  }, [step]);

  async function send(chosen: File, dryRun: boolean): Promise<void> {
    setStep({ state: 'working' });
    try {
      const preview = await adminApi.importMembers(councilId, chosen, dryRun);
      setStep(
        preview.imported
          ? { state: 'imported', preview }
          : { state: 'previewed', preview, file: chosen },
      );
    } catch (error) {
      setStep({ state: 'failed', problems: problemsOf(error) });
      setAttempt((count) => count + 1);
    }
  }

  const check = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (file === null) {
      setNoFile(true);
      setAttempt((count) => count + 1);
      return;
    }
    setNoFile(false);
    void send(file, true);
  };

  const problemMessage =
    step.state === 'failed'
      ? (text.form(step.problems) ?? t('admin.errors.validation_failed'))
      : null;

  return (
    <div className="admin">
      <div>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('admin.import.title')}
        </h1>
        <p className="lead">{t('admin.import.intro', FILE_WORDS)}</p>
        <p>
          <RouteLink to={councilAdminPath(councilId)}>{t('admin.import.back')}</RouteLink>
        </p>
      </div>
      <section className="admin-section" aria-labelledby="import-format">
        <h2 id="import-format">{t('admin.import.formatTitle')}</h2>
        <p>{t('admin.import.format', FILE_WORDS)}</p>
        <p>
          <code>given_name;family_name;email;body;role;starts_on</code>
        </p>
        <p>{t('admin.import.matching')}</p>
      </section>
      <form className="admin-form" noValidate onSubmit={check}>
        {(noFile || step.state === 'failed') && (
          <ErrorSummary
            key={attempt}
            title={t('admin.errorSummaryTitle')}
            formMessage={noFile ? null : problemMessage}
            fieldMessages={
              noFile ? [{ fieldId: 'import-file', message: t('admin.import.noFile') }] : []
            }
          />
        )}
        <div className={noFile ? 'field field--error' : 'field'}>
          <label htmlFor="import-file">{t('admin.import.file', FILE_WORDS)}</label>
          <p id="import-file-hint" className="field__hint">
            {t('admin.import.fileHint')}
          </p>
          {noFile && (
            <p id="import-file-error" className="field__error">
              {t('admin.import.noFile')}
            </p>
          )}
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={noFile ? 'import-file-hint import-file-error' : 'import-file-hint'}
            aria-invalid={noFile ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setStep({ state: 'choosing' });
            }}
          />
        </div>
        <div className="admin-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={step.state === 'working'}
          >
            {step.state === 'working' ? t('admin.import.working') : t('admin.import.check')}
          </button>
        </div>
      </form>
      <div role="status" className="visually-hidden">
        {step.state === 'working' ? t('admin.import.working') : ''}
      </div>
      {(step.state === 'previewed' || step.state === 'imported') && (
        <ImportResult
          preview={step.preview}
          headingRef={resultRef}
          onImport={
            step.state === 'previewed' && step.preview.summary.rowsWithErrors === 0
              ? () => void send(step.file, false)
              : null
          }
        />
      )}
    </div>
  );
}

function ImportResult({
  preview,
  headingRef,
  onImport,
}: {
  preview: MemberImportPreview;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onImport: (() => void) | null;
}) {
  const { t } = useTranslation();
  const { summary } = preview;
  const heading = preview.imported
    ? t('admin.import.done', { count: summary.memberships })
    : summary.rowsWithErrors > 0
      ? t('admin.import.rowsWithErrors', { count: summary.rowsWithErrors })
      : t('admin.import.ready', { count: summary.rows });
  return (
    <section className="admin-section" aria-labelledby="import-result">
      <h2 id="import-result" ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      <p>{t('admin.import.newPersons', { count: summary.newPersons })}</p>
      {onImport !== null && (
        <p>
          <button type="button" className="button button--primary" onClick={onImport}>
            {t('admin.import.import', { count: summary.rows })}
          </button>
        </p>
      )}
      {summary.rowsWithErrors > 0 && <p>{t('admin.import.fixAndRetry')}</p>}
      <div className="admin-table-wrap">
        <table className="admin-table">
          <caption>{t('admin.import.previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.import.row')}</th>
              <th scope="col">{t('admin.persons.name')}</th>
              <th scope="col">{t('admin.persons.email')}</th>
              <th scope="col">{t('admin.seats.body')}</th>
              <th scope="col">{t('admin.seats.role')}</th>
              <th scope="col">{t('admin.startsOn')}</th>
              <th scope="col">{t('admin.import.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <PreviewRow key={row.rowNumber} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PreviewRow({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  return (
    <tr className={row.errors.length > 0 ? 'admin-row--error' : undefined}>
      <th scope="row">{row.rowNumber}</th>
      <td>
        {row.givenName} {row.familyName}
      </td>
      <td>{row.email ?? '—'}</td>
      <td>{row.bodyName}</td>
      <td>{row.role === null ? '—' : t(`admin.roles.${row.role}`)}</td>
      <td>{row.startsOn ?? '—'}</td>
      <td>
        {row.errors.length === 0 ? (
          row.existingPersonId !== null ? (
            t('admin.import.matched')
          ) : (
            t('admin.import.ok')
          )
        ) : (
          <ul className="admin-row-errors">
            {row.errors.map((error) => (
              <li key={`${error.column}-${error.code}`}>
                {t('admin.import.problem', {
                  column: t(`admin.import.columns.${error.column}`),
                  problem: t(`admin.import.codes.${error.code}`),
                })}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
