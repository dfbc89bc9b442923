import type { ConsultationResults, PublicConsultation } from '@veche/protocol';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import { periodText } from './consultations.page.js';
import { CouncilLinks, Fact, renderPage, type PageContext } from './portal-layout.js';
import { formatDateTime } from './portal-texts.js';

type QuestionResult = ConsultationResults['questions'][number];

/**
 * A bar drawn as SVG (its width an attribute, as the page's policy allows no inline styles),
 * hidden from screen readers: the number beside it says the same.
 */
function Bar({ count, total }: { count: number; total: number }) {
  const share = total === 0 ? 0 : (100 * count) / total;
  return (
    <svg className="bar" aria-hidden="true" focusable="false" width="100%" height="16">
      <rect x="0" y="0" width="100%" height="16" fill="#e6e6e6" />
      <rect x="0" y="0" width={`${share.toFixed(1)}%`} height="16" fill="#0b4f8a" />
    </svg>
  );
}

function CountTable({
  context,
  caption,
  rows,
  total,
  heading,
}: {
  context: PageContext;
  caption: string;
  rows: readonly { key: string; label: string; count: number }[];
  total: number;
  heading: string;
}) {
  const { t, language } = context;
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <table className="results">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{t('consult.results.count')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('consult.results.chart')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>
              {t('consult.results.countText', {
                count: row.count,
                share: percent.format(total === 0 ? 0 : row.count / total),
              })}
            </td>
            <td className="bar-cell">
              <Bar count={row.count} total={total} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QuestionSection({
  context,
  question,
  number,
}: {
  context: PageContext;
  question: QuestionResult;
  number: number;
}) {
  const { t, language } = context;
  const decimals = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const id = `question-${String(number)}`;
  return (
    <section aria-labelledby={id} className="card">
      <h3 id={id}>{t('consult.questionNumbered', { number, prompt: question.prompt })}</h3>
      <p>{t('consult.results.answered', { count: question.answered })}</p>
      {(question.kind === 'single_choice' || question.kind === 'multiple_choice') && (
        <CountTable
          context={context}
          caption={question.prompt}
          heading={t('consult.results.option')}
          total={question.answered}
          rows={question.options.map((option) => ({
            key: option.optionId,
            label: option.label,
            count: option.count,
          }))}
        />
      )}
      {question.kind === 'scale' && (
        <>
          <p>
            {question.mean === null
              ? t('consult.results.noMean')
              : t('consult.results.mean', {
                  mean: decimals.format(question.mean),
                  min: question.min,
                  max: question.max,
                })}
          </p>
          <CountTable
            context={context}
            caption={question.prompt}
            heading={t('consult.results.value')}
            total={question.answered}
            rows={question.distribution.map((point) => ({
              key: String(point.value),
              label: String(point.value),
              count: point.count,
            }))}
          />
        </>
      )}
      {question.kind === 'ranking' && (
        <table className="results">
          <caption className="visually-hidden">{question.prompt}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consult.results.option')}</th>
              <th scope="col">{t('consult.results.averagePlace')}</th>
              <th scope="col">{t('consult.results.points')}</th>
            </tr>
          </thead>
          <tbody>
            {question.options.map((option) => (
              <tr key={option.optionId}>
                <th scope="row">{option.label}</th>
                <td>
                  {option.averagePosition === null ? '–' : decimals.format(option.averagePosition)}
                </td>
                <td>{option.bordaPoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(question.kind === 'short_text' || question.kind === 'long_text') &&
        (question.texts.length === 0 ? (
          <p>{t('consult.results.noTexts')}</p>
        ) : (
          <ul className="texts">
            {question.texts.map((text, index) => (
              <li key={index} className="text">
                {text}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/**
 * `/portal/consultations/:consultationId/results`: the report once a consultation has ended
 * (issue 7, section 2): per question the counts with bars (the numbers are the text, the bars
 * only draw them), a scale's distribution and mean, a ranking's average places, the texts; then
 * the opinions, a name only where its author agreed, hidden ones only counted; and the CSV.
 */
export function consultationResultsPage(
  context: PageContext,
  page: { council: CouncilRow; consultation: PublicConsultation; results: ConsultationResults },
): string {
  const { t, language } = context;
  const { council, consultation, results } = page;
  const heading = t('consult.results.heading', { subject: consultation.subject });
  return renderPage(
    context,
    heading,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{heading}</h1>
      <dl className="facts">
        <Fact term={t('consult.period')}>
          {periodText(context, consultation, council.timeZone)}
        </Fact>
        <Fact term={t('consult.results.responses')}>{results.responses}</Fact>
      </dl>
      <p>
        <a href={`/portal/consultations/${consultation.id}`}>
          {t('consult.back', { subject: consultation.subject })}
        </a>
        {' · '}
        <a href={`/api/public/consultations/${consultation.id}/results.csv`}>
          {t('consult.results.csv')}
        </a>
        {' · '}
        <a href={`/api/public/consultations/${consultation.id}/report.pdf`}>
          {t('consult.results.pdf', { format: 'PDF' })}
        </a>
      </p>
      {results.questions.length > 0 && (
        <section aria-labelledby="questions">
          <h2 id="questions">{t('consult.survey.heading')}</h2>
          {results.questions.map((question, index) => (
            <QuestionSection
              key={question.questionId}
              context={context}
              question={question}
              number={index + 1}
            />
          ))}
        </section>
      )}
      <section aria-labelledby="opinions">
        <h2 id="opinions">{t('consult.results.opinions')}</h2>
        {results.opinions.length === 0 ? (
          <p>{t('consult.results.noOpinions')}</p>
        ) : (
          <ul className="cards">
            {results.opinions.map((opinion) => (
              <li key={opinion.id}>
                <p>
                  <strong>{opinion.name ?? t('consult.results.nameWithheld')}</strong>
                  {', '}
                  <span className="meta">
                    {formatDateTime(new Date(opinion.createdAt), language, council.timeZone)}
                  </span>
                </p>
                <p className="text">{opinion.text}</p>
                {opinion.hasAttachment && <p className="meta">{t('consult.results.attached')}</p>}
              </li>
            ))}
          </ul>
        )}
        {results.hiddenOpinions > 0 && (
          <p>{t('consult.results.hidden', { count: results.hiddenOpinions })}</p>
        )}
      </section>
    </>,
  );
}

/** Before the end the report is not public: the page says when it will be. */
export function resultsNotYetPage(
  context: PageContext,
  page: { council: CouncilRow; consultation: PublicConsultation },
): string {
  const { t } = context;
  const heading = t('consult.results.heading', { subject: page.consultation.subject });
  return renderPage(
    context,
    heading,
    <>
      <CouncilLinks context={context} councilId={page.council.id} councilName={page.council.name} />
      <h1>{heading}</h1>
      <p role="status">
        {t('consult.results.notYet', {
          period: periodText(context, page.consultation, page.council.timeZone),
        })}
      </p>
      <p>
        <a href={`/portal/consultations/${page.consultation.id}`}>
          {t('consult.back', { subject: page.consultation.subject })}
        </a>
      </p>
    </>,
  );
}
