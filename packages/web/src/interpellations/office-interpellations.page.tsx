import type { Interpellation } from '@veche/protocol';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { RouteLink } from '../routing/route-link.component';
import { publicInterpellationsPath } from '../routing/routes';
import { InterpellationCard } from './interpellation-card.component';
import { StatusText } from './interpellation-fields.component';
import { FileField, TextAreaField } from '../forms/fields.component';
import { InterpellationList } from './interpellation-list.component';
import { problemOf, type FieldProblem } from './interpellation-problem';
import { interpellationsApi, type OfficeFilter } from './interpellations-api';
import { useInterpellations } from './use-interpellations.hook';
import './interpellations.css';

interface Props {
  councilId: string;
  focusHeading: boolean;
  onSessionEnded: () => void;
}

const FILTERS: readonly OfficeFilter[] = ['all', 'filed', 'overdue'];

/** The office's list of the council's interpellations, filtered, each with its answer form. */
export function OfficeInterpellationsPage({ councilId, focusHeading, onSessionEnded }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('interpellations.officeTitle'));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  const [filter, setFilter] = useState<OfficeFilter>('all');
  const load = useCallback(
    () => interpellationsApi.ofCouncil(councilId, filter),
    [councilId, filter],
  );
  const { loaded, replace } = useInterpellations(load, onSessionEnded);

  return (
    <div className="interpellations">
      <div>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('interpellations.officeTitle')}
        </h1>
        <p className="lead">{t('interpellations.officeIntro')}</p>
        <p>
          <RouteLink to={publicInterpellationsPath(councilId)}>
            {t('interpellations.publicLink')}
          </RouteLink>
        </p>
      </div>
      <fieldset className="interpellation-filter">
        <legend>{t('interpellations.filterLabel')}</legend>
        {FILTERS.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="filter"
              value={value}
              checked={filter === value}
              onChange={() => setFilter(value)}
            />
            {t(`interpellations.filter.${value}`)}
          </label>
        ))}
      </fieldset>
      <InterpellationList loaded={loaded}>
        {(item) => (
          <InterpellationCard interpellation={item}>
            <AnswerForm interpellation={item} onSaved={replace} />
          </InterpellationCard>
        )}
      </InterpellationList>
    </div>
  );
}

interface AnswerProps {
  interpellation: Interpellation;
  onSaved: (interpellation: Interpellation) => void;
}

/**
 * Records or corrects the answer at the version shown; when someone saved first, the saved
 * version replaces the card and the office is told to read it before saving again.
 */
function AnswerForm({ interpellation, onSaved }: AnswerProps) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState(interpellation.answerText ?? '');
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file field once its file is attached, so a correction never sends it again.
  const [fileKey, setFileKey] = useState(0);
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [working, setWorking] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const id = `answer-${interpellation.id}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus(null);
    if (answer.trim() === '') {
      setProblem({ field: 'answerText', problem: 'answerMissing' });
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    setWorking(true);
    try {
      let saved = await interpellationsApi.answer(interpellation.id, {
        version: interpellation.version,
        answerText: answer,
      });
      if (file !== null) {
        const added = await interpellationsApi.attach(interpellation.id, 'answer', file);
        saved = { ...saved, files: [...saved.files, added] };
        setFile(null);
        setFileKey((key) => key + 1);
      }
      setProblem(null);
      onSaved(saved);
      setStatus(t('interpellations.answerSaved'));
    } catch (error) {
      const found = problemOf(error);
      setProblem(found);
      const current = (error as { facts?: { current?: Interpellation } }).facts?.current;
      if (found.problem === 'staleVersion' && current !== undefined) onSaved(current);
    } finally {
      setWorking(false);
    }
  };

  const errorFor = (field: FieldProblem['field']) =>
    problem?.field === field ? t(`interpellations.errors.${problem.problem}`) : null;

  return (
    <form className="interpellation-form" noValidate onSubmit={(event) => void submit(event)}>
      <TextAreaField
        id={`${id}-text`}
        label={
          interpellation.answerText === null
            ? t('interpellations.answerLabel')
            : t('interpellations.correctLabel')
        }
        value={answer}
        onChange={setAnswer}
        error={errorFor('answerText')}
      />
      <FileField
        key={fileKey}
        id={`${id}-file`}
        label={t('interpellations.answerAttachment')}
        hint={t('interpellations.attachmentHint')}
        onChange={setFile}
        error={errorFor('file')}
      />
      {problem !== null && problem.field === null && (
        <p className="field__error" role="alert">
          {t(`interpellations.errors.${problem.problem}`)}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={working}>
        {interpellation.answerText === null
          ? t('interpellations.answerButton')
          : t('interpellations.correctButton')}
      </button>
      <StatusText text={status} />
    </form>
  );
}
