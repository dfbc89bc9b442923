import type {
  PublicConsultation,
  ResidentOpinion,
  ResidentResponse,
  SurveyMessage,
} from '@veche/protocol';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import {
  formFromAnswers,
  problemTools,
  ResidentFields,
  SurveyFields,
  type FormProblem,
  type FormValues,
} from './consultation-form.js';
import { CouncilLinks, Fact, renderPage, type PageContext } from './portal-layout.js';
import { formatDateTime, type PortalKey } from './portal-texts.js';

/** What the last press of a button on the link's page did. */
export type LinkNotice = 'confirmed' | 'saved' | 'closed' | null;

/** An answer in words: the options' labels rather than their ids. */
function answerText(
  context: PageContext,
  question: SurveyMessage['questions'][number],
  answer: ResidentResponse['answers'][string] | undefined,
): string {
  if (answer === undefined) return context.t('consult.noAnswer');
  if (question.kind === 'scale' || question.kind === 'short_text' || question.kind === 'long_text')
    return String(answer);
  const label = (id: string) => question.options.find((option) => option.id === id)?.label ?? id;
  if (!Array.isArray(answer)) return label(String(answer));
  if (question.kind === 'ranking') {
    return answer.map((id, place) => `${String(place + 1)}. ${label(id)}`).join('; ');
  }
  return answer.map(label).join('; ');
}

/**
 * `/portal/consultation-responses/:token`: the page the e-mailed link opens. Opening it changes
 * nothing (mail programs and scanners open links by themselves): an unconfirmed response is
 * confirmed by the button; while the consultation runs the survey comes back filled in to be
 * changed (saving also confirms, since only the address's owner has the link); once it has
 * ended, the response is shown as it was counted.
 */
export function responseLinkPage(
  context: PageContext,
  page: {
    council: CouncilRow;
    consultation: PublicConsultation;
    response: ResidentResponse;
    token: string;
    notice: LinkNotice;
    sent?: { values: FormValues; problems: readonly FormProblem[] };
  },
): string {
  const { t, language } = context;
  const { council, consultation, response } = page;
  const heading = t('consult.link.heading');
  const survey = consultation.survey;
  const tools = problemTools(context, page.sent?.problems ?? [], survey, 'c');
  const values: FormValues = page.sent?.values ?? {
    ...formFromAnswers(survey, response.answers),
    name: response.name ?? '',
    ...(response.consentToPublishName ? { consent: 'yes' } : {}),
  };
  const action = `/portal/consultation-responses/${page.token}`;
  const noticeKey: Record<Exclude<LinkNotice, null>, PortalKey> = {
    confirmed: 'consult.link.confirmed',
    saved: 'consult.link.saved',
    closed: 'consult.link.closed',
  };
  return renderPage(
    context,
    heading,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{heading}</h1>
      <p>
        <a href={`/portal/consultations/${consultation.id}`}>{consultation.subject}</a>
      </p>
      {page.notice !== null && <p role="status">{t(noticeKey[page.notice])}</p>}
      <p>
        {response.verified
          ? t('consult.link.counts')
          : response.editable
            ? t('consult.link.unconfirmed')
            : t('consult.link.notCounted')}
      </p>
      {!response.verified && response.editable && (
        <form
          method="post"
          action={`${action}/confirm?lang=${language}`}
          encType="multipart/form-data"
        >
          <p>
            <button type="submit">{t('consult.link.confirm')}</button>
          </p>
        </form>
      )}
      {response.editable ? (
        <section aria-labelledby="edit">
          <h2 id="edit">{t('consult.link.edit')}</h2>
          <p>
            {t('consult.link.editUntil', {
              end: formatDateTime(new Date(response.editableUntil), language, council.timeZone),
            })}
          </p>
          <tools.Summary heading={t('consult.problems')} labels={{ name: t('speak.name') }} />
          <form
            id="c-form"
            className="speak-form consult-form"
            method="post"
            action={`${action}?lang=${language}`}
            encType="multipart/form-data"
          >
            <SurveyFields context={context} survey={survey} values={values} tools={tools} />
            <ResidentFields
              context={context}
              values={values}
              tools={tools}
              withEmail={false}
              emailHint=""
            />
            <p>
              <button type="submit">{t('consult.link.save')}</button>
            </p>
          </form>
        </section>
      ) : (
        <section aria-labelledby="answers">
          <h2 id="answers">{t('consult.link.answers')}</h2>
          <dl className="facts">
            {survey.questions.map((question) => (
              <Fact key={question.id} term={question.prompt}>
                {answerText(context, question, response.answers[question.id])}
              </Fact>
            ))}
          </dl>
        </section>
      )}
    </>,
  );
}

/**
 * `/portal/consultation-opinions/:token`: an opinion's link. Opening it changes nothing; the
 * button confirms the address, after which the opinion reaches the office.
 */
export function opinionLinkPage(
  context: PageContext,
  page: {
    council: CouncilRow;
    opinion: ResidentOpinion;
    token: string;
    open: boolean;
    notice: LinkNotice;
  },
): string {
  const { t, language } = context;
  const { council, opinion } = page;
  const heading = t('consult.opinionLink.heading');
  return renderPage(
    context,
    heading,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{heading}</h1>
      <p>
        <a href={`/portal/consultations/${opinion.consultationId}`}>
          {opinion.consultationSubject}
        </a>
      </p>
      {page.notice === 'confirmed' && <p role="status">{t('consult.opinionLink.confirmed')}</p>}
      {page.notice === 'closed' && <p role="status">{t('consult.link.closed')}</p>}
      <p>
        {opinion.verified
          ? t('consult.opinionLink.counts')
          : page.open
            ? t('consult.link.unconfirmed')
            : t('consult.opinionLink.notCounted')}
      </p>
      {!opinion.verified && page.open && (
        <form
          method="post"
          action={`/portal/consultation-opinions/${page.token}?lang=${language}`}
          encType="multipart/form-data"
        >
          <p>
            <button type="submit">{t('consult.link.confirm')}</button>
          </p>
        </form>
      )}
      <h2>{t('consult.opinion.text')}</h2>
      <p className="text">{opinion.text}</p>
      {opinion.attachment !== null && (
        <p>
          {t('speak.attachment')}: {opinion.attachment.fileName}
        </p>
      )}
    </>,
  );
}

/** A link that names nothing (any more): a newer link replaced it, or the data was erased. */
export function invalidLinkPage(context: PageContext): string {
  const heading = context.t('consult.link.heading');
  return renderPage(
    context,
    heading,
    <>
      <h1>{heading}</h1>
      <p role="status">{context.t('consult.link.invalid')}</p>
    </>,
  );
}
