import type { ConsultationResults } from '@veche/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode } from '../api/error-message';
import { consultationsApi } from './consultations-api';

interface Props {
  consultationId: string;
  /** Changes when something the results count changed on this page (an opinion hidden). */
  changes: number;
  onSessionEnded: () => void;
}

type Question = ConsultationResults['questions'][number];

/**
 * The results so far (the office sees them while residents still answer): verified responses
 * only, counts per question, and the CSV of the same.
 */
export function ConsultationResultsSection({ consultationId, changes, onSessionEnded }: Props) {
  const { t, i18n } = useTranslation();
  const [results, setResults] = useState<ConsultationResults | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    consultationsApi.results(consultationId).then(
      (fresh) => {
        if (!current) return;
        setResults(fresh);
        setProblem(null);
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiRequestError && error.code === 'unauthenticated') onSessionEnded();
        else setProblem(t(`errors.${errorMessageCode(error)}`));
      },
    );
    return () => {
      current = false;
    };
  }, [consultationId, reloads, changes, onSessionEnded, t]);

  const number = (value: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(value);

  return (
    <section className="consultations__section" aria-labelledby="consultation-results-heading">
      <h2 id="consultation-results-heading">{t('consultations.results.heading')}</h2>
      {results === null && problem === null && <p className="muted">{t('app.loading')}</p>}
      {problem !== null && (
        <div className="problem" role="alert">
          <p>
            <strong>{t('consultations.results.loadFailed')}</strong> {problem}
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
      {results !== null && (
        <>
          <p>
            {t('consultations.results.responses', { count: results.responses })}{' '}
            {t('consultations.results.hiddenOpinions', { count: results.hiddenOpinions })}
          </p>
          <p>
            <a href={consultationsApi.resultsCsvPath(consultationId)} download>
              {t('consultations.results.csv')}
            </a>
          </p>
          {results.questions.map((question, index) => (
            <div key={question.questionId} className="consultation-result">
              <h3>{`${String(index + 1)}. ${question.prompt}`}</h3>
              <p className="muted">
                {t('consultations.results.answered', { count: question.answered })}
              </p>
              <QuestionCounts question={question} format={number} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function QuestionCounts({
  question,
  format,
}: {
  question: Question;
  format: (value: number) => string;
}) {
  const { t } = useTranslation();
  switch (question.kind) {
    case 'single_choice':
    case 'multiple_choice':
      return (
        <table className="consultation-result__table">
          <thead>
            <tr>
              <th scope="col">{t('consultations.results.option')}</th>
              <th scope="col">{t('consultations.results.count')}</th>
            </tr>
          </thead>
          <tbody>
            {question.options.map((option) => (
              <tr key={option.optionId}>
                <th scope="row">{option.label}</th>
                <td>{format(option.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'scale':
      return (
        <>
          <table className="consultation-result__table">
            <thead>
              <tr>
                <th scope="col">{t('consultations.results.value')}</th>
                <th scope="col">{t('consultations.results.count')}</th>
              </tr>
            </thead>
            <tbody>
              {question.distribution.map((step) => (
                <tr key={step.value}>
                  <th scope="row">{step.value}</th>
                  <td>{format(step.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {question.mean !== null && (
            <p>{t('consultations.results.mean', { mean: format(question.mean) })}</p>
          )}
        </>
      );
    case 'ranking':
      return (
        <table className="consultation-result__table">
          <thead>
            <tr>
              <th scope="col">{t('consultations.results.option')}</th>
              <th scope="col">{t('consultations.results.averagePosition')}</th>
              <th scope="col">{t('consultations.results.points')}</th>
            </tr>
          </thead>
          <tbody>
            {question.options.map((option) => (
              <tr key={option.optionId}>
                <th scope="row">{option.label}</th>
                <td>{option.averagePosition === null ? '–' : format(option.averagePosition)}</td>
                <td>{format(option.bordaPoints)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'short_text':
    case 'long_text':
      return question.texts.length === 0 ? null : (
        <ul className="consultation-result__texts">
          {question.texts.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
        </ul>
      );
  }
}
