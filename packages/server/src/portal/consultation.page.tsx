import { OPINION_TEXT_MAX } from '@veche/domain';
import type { PublicConsultation } from '@veche/protocol';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import {
  Honeypot,
  problemTools,
  ResidentFields,
  SurveyFields,
  type FormProblem,
  type FormValues,
} from './consultation-form.js';
import { periodText, statusKey } from './consultations.page.js';
import { CouncilLinks, Fact, renderPage, type PageContext } from './portal-layout.js';
import { ATTACHMENT_FORMATS } from './speak.page.js';

/** The linked draft resolution's agenda item, when its sitting is public. */
export interface ConsultationAgendaLink {
  readonly sittingId: string;
  readonly sittingName: string;
  readonly itemTitle: string;
}

export interface ConsultationPage {
  readonly council: CouncilRow;
  readonly consultation: PublicConsultation;
  readonly agenda: ConsultationAgendaLink | null;
  /** The opinion's attachment limit in words ("25 MB"): the documents' limit, configured. */
  readonly attachmentLimit: string;
  /** The form sent back with what was typed and its problems. */
  readonly sent?: {
    readonly form: 'response' | 'opinion';
    readonly values: FormValues;
    readonly problems: readonly FormProblem[];
  };
}

function Heading({ context, page }: { context: PageContext; page: ConsultationPage }) {
  const { t } = context;
  const { consultation, council } = page;
  return (
    <>
      <p className="way-back">
        <a href="/portal">{t('nav.home')}</a>
        {' › '}
        <a href={`/portal/councils/${council.id}`}>{council.name}</a>
        {' › '}
        <a href={`/portal/councils/${council.id}/consultations`}>{t('consult.calendar.heading')}</a>
      </p>
      <h1>{consultation.subject}</h1>
    </>
  );
}

/**
 * `/portal/consultations/:consultationId`: a published consultation (issue 7, section 2): what
 * it is about, its period and status in words, its documents, the agenda item of the draft
 * resolution it concerns; while it runs, the survey and the opinion form (plain forms that work
 * without JavaScript, sent back with a summary of problems naming each question); once it has
 * ended, a link to its results.
 */
export function consultationPage(context: PageContext, page: ConsultationPage): string {
  const { t, language } = context;
  const { consultation, council } = page;
  const survey = consultation.survey;
  const responseSent = page.sent?.form === 'response' ? page.sent : undefined;
  const opinionSent = page.sent?.form === 'opinion' ? page.sent : undefined;
  const response = problemTools(context, responseSent?.problems ?? [], survey, 'c');
  const opinion = problemTools(context, opinionSent?.problems ?? [], null, 'o');
  const base = `/portal/consultations/${consultation.id}`;
  return renderPage(
    context,
    consultation.subject,
    <>
      <Heading context={context} page={page} />
      <dl className="facts">
        <Fact term={t('consult.period')}>
          {periodText(context, consultation, council.timeZone)}
        </Fact>
        <Fact term={t('sitting.status')}>{t(statusKey(consultation.status))}</Fact>
        {page.agenda !== null && (
          <Fact term={t('consult.agendaItem')}>
            <a href={`/portal/sittings/${page.agenda.sittingId}`}>
              {t('consult.agendaItemText', {
                item: page.agenda.itemTitle,
                sitting: page.agenda.sittingName,
              })}
            </a>
          </Fact>
        )}
      </dl>
      {consultation.description !== '' && <p className="text">{consultation.description}</p>}
      <section aria-labelledby="documents">
        <h2 id="documents">{t('page.documents')}</h2>
        {consultation.documents.length === 0 ? (
          <p>{t('consult.noDocuments')}</p>
        ) : (
          <ul className="plain">
            {consultation.documents.map((document) => (
              <li key={document.id}>
                <a href={document.url}>{document.title}</a>{' '}
                <span className="meta">({document.fileName})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {consultation.status === 'planned' && (
        <p role="status">
          {t('consult.notYet', {
            period: periodText(context, consultation, council.timeZone),
          })}
        </p>
      )}
      {consultation.status === 'finished' && (
        <>
          <p role="status">{t('consult.ended')}</p>
          <p>
            <a href={`${base}/results`}>{t('consult.resultsLink')}</a>
          </p>
        </>
      )}
      {consultation.status === 'ongoing' && (
        <>
          {survey.questions.length > 0 && (
            <section aria-labelledby="survey">
              <h2 id="survey">{t('consult.survey.heading')}</h2>
              <p>{t('consult.survey.intro')}</p>
              <response.Summary
                heading={t('consult.problems')}
                labels={{ name: t('speak.name'), email: t('speak.email') }}
              />
              <form
                id="c-form"
                className="speak-form consult-form"
                method="post"
                action={`${base}/response?lang=${language}`}
                encType="multipart/form-data"
              >
                <SurveyFields
                  context={context}
                  survey={survey}
                  values={responseSent?.values ?? {}}
                  tools={response}
                />
                <ResidentFields
                  context={context}
                  values={responseSent?.values ?? {}}
                  tools={response}
                  withEmail
                  emailHint={t('consult.emailHint')}
                />
                <Honeypot context={context} idPrefix="c" />
                <p>
                  <button type="submit">{t('consult.survey.submit')}</button>
                </p>
              </form>
            </section>
          )}
          <section aria-labelledby="opinion">
            <h2 id="opinion">{t('consult.opinion.heading')}</h2>
            <p>{t('consult.opinion.intro')}</p>
            <opinion.Summary
              heading={t('consult.problems')}
              labels={{
                name: t('speak.name'),
                email: t('speak.email'),
                text: t('consult.opinion.text'),
                attachment: t('speak.attachment'),
              }}
            />
            <form
              id="o-form"
              className="speak-form consult-form"
              method="post"
              action={`${base}/opinion?lang=${language}`}
              encType="multipart/form-data"
            >
              <p>
                <label htmlFor="o-text">{t('consult.opinion.text')}</label>
                <textarea
                  id="o-text"
                  name="text"
                  rows={8}
                  maxLength={OPINION_TEXT_MAX}
                  required
                  defaultValue={opinionSent?.values.text}
                  aria-invalid={opinion.invalid('text')}
                  aria-describedby={opinion.described('text')}
                />
                <opinion.ErrorOf field="text" />
              </p>
              <p>
                <label htmlFor="o-attachment">{t('speak.attachment')}</label>
                <input
                  id="o-attachment"
                  name="file"
                  type="file"
                  accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,.webp"
                  aria-invalid={opinion.invalid('attachment')}
                  aria-describedby={opinion.described('attachment', 'o-attachment-hint')}
                />
                <span id="o-attachment-hint" className="meta">
                  {t('speak.attachmentHint', {
                    size: page.attachmentLimit,
                    formats: ATTACHMENT_FORMATS,
                  })}
                </span>
                <opinion.ErrorOf field="attachment" />
              </p>
              <ResidentFields
                context={context}
                values={opinionSent?.values ?? {}}
                tools={opinion}
                withEmail
                emailHint={t('consult.emailHint')}
              />
              <Honeypot context={context} idPrefix="o" />
              <p>
                <button type="submit">{t('consult.opinion.submit')}</button>
              </p>
            </form>
          </section>
        </>
      )}
    </>,
  );
}

/** After a form: the address must be confirmed from the e-mail before anything counts. */
export function consultationSentPage(
  context: PageContext,
  page: { council: CouncilRow; consultation: PublicConsultation; email: string },
): string {
  const { t } = context;
  const heading = t('speak.sent.heading');
  return renderPage(
    context,
    heading,
    <>
      <CouncilLinks context={context} councilId={page.council.id} councilName={page.council.name} />
      <h1>{heading}</h1>
      <p role="status">{t('consult.sent', { email: page.email })}</p>
      <p>
        <a href={`/portal/consultations/${page.consultation.id}`}>
          {t('consult.back', { subject: page.consultation.subject })}
        </a>
      </p>
    </>,
  );
}
