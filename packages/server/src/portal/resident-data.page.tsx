import type { ResidentData, ResidentDataDeletion } from '@veche/protocol';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import { Honeypot, problemTools, type FormProblem, type FormValues } from './consultation-form.js';
import { CouncilLinks, renderPage, type PageContext } from './portal-layout.js';
import { formatDateTime } from './portal-texts.js';

/**
 * `/portal/councils/:councilId/resident-data`: a resident asks what the council keeps about an
 * address from consultations. Whatever the address, the next page reads the same (nobody learns
 * from it who took part); the link goes only to an address that has something.
 */
export function residentDataRequestPage(
  context: PageContext,
  page: {
    council: CouncilRow;
    sent: { values: FormValues; problems: readonly FormProblem[] } | null;
  },
): string {
  const { t, language } = context;
  const { council } = page;
  const heading = t('residentData.heading');
  const tools = problemTools(context, page.sent?.problems ?? [], null, 'd');
  return renderPage(
    context,
    `${heading} – ${council.name}`,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{heading}</h1>
      <p>{t('residentData.intro')}</p>
      <tools.Summary heading={t('consult.problems')} labels={{ email: t('speak.email') }} />
      <form
        id="d-form"
        className="speak-form"
        method="post"
        action={`/portal/councils/${council.id}/resident-data?lang=${language}`}
        encType="multipart/form-data"
      >
        <p>
          <label htmlFor="d-email">{t('speak.email')}</label>
          <input
            id="d-email"
            name="email"
            type="email"
            autoComplete="email"
            maxLength={254}
            required
            defaultValue={page.sent?.values.email}
            aria-invalid={tools.invalid('email')}
            aria-describedby={tools.described('email')}
          />
          <tools.ErrorOf field="email" />
        </p>
        <Honeypot context={context} idPrefix="d" />
        <p>
          <button type="submit">{t('residentData.submit')}</button>
        </p>
      </form>
    </>,
  );
}

/** After the request: the same words whether or not anything is kept. */
export function residentDataSentPage(
  context: PageContext,
  page: { council: CouncilRow; email: string },
): string {
  const { t } = context;
  const heading = t('speak.sent.heading');
  return renderPage(
    context,
    heading,
    <>
      <CouncilLinks context={context} councilId={page.council.id} councilName={page.council.name} />
      <h1>{heading}</h1>
      <p role="status">{t('residentData.sent', { email: page.email })}</p>
    </>,
  );
}

/**
 * `/portal/resident-data/:token`: what is kept about the link's address, and a button that
 * deletes it (a POST: opening the link deletes nothing). An entry of a running consultation
 * goes; one of a finished consultation keeps its answers without name and e-mail.
 */
export function residentDataPage(
  context: PageContext,
  page: {
    /** The council of the entries (none once all are deleted). */
    council: CouncilRow | null;
    data: ResidentData;
    token: string;
    deleted: ResidentDataDeletion | null;
  },
): string {
  const { t, language } = context;
  const { council, data } = page;
  const heading = t('residentData.linkHeading');
  const when = (iso: string) => formatDateTime(new Date(iso), language, council?.timeZone ?? 'UTC');
  const empty = data.responses.length === 0 && data.opinions.length === 0;
  return renderPage(
    context,
    heading,
    <>
      {council !== null && (
        <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      )}
      <h1>{heading}</h1>
      {page.deleted !== null && (
        <p role="status">
          {t('residentData.deleted', {
            deleted: page.deleted.deleted,
            anonymised: page.deleted.anonymised,
          })}
        </p>
      )}
      <p>{t('residentData.address', { email: data.email })}</p>
      {empty ? (
        <p>{t('residentData.nothing')}</p>
      ) : (
        <>
          <h2>{t('residentData.responses')}</h2>
          {data.responses.length === 0 ? (
            <p>{t('residentData.none')}</p>
          ) : (
            <ul className="cards">
              {data.responses.map((response) => (
                <li key={response.id}>
                  <h3>
                    <a href={`/portal/consultations/${response.consultationId}`}>
                      {response.consultationSubject}
                    </a>
                  </h3>
                  <p>
                    {t('residentData.entry', {
                      name: response.name ?? '–',
                      when: when(response.createdAt),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('residentData.opinions')}</h2>
          {data.opinions.length === 0 ? (
            <p>{t('residentData.none')}</p>
          ) : (
            <ul className="cards">
              {data.opinions.map((opinion) => (
                <li key={opinion.id}>
                  <h3>
                    <a href={`/portal/consultations/${opinion.consultationId}`}>
                      {opinion.consultationSubject}
                    </a>
                  </h3>
                  <p>
                    {t('residentData.entry', {
                      name: opinion.name ?? '–',
                      when: when(opinion.createdAt),
                    })}
                  </p>
                  <p className="text">{opinion.text}</p>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('residentData.deleteHeading')}</h2>
          <p>{t('residentData.deleteText')}</p>
          <form
            method="post"
            action={`/portal/resident-data/${page.token}?lang=${language}`}
            encType="multipart/form-data"
          >
            <p>
              <button type="submit">{t('residentData.delete')}</button>
            </p>
          </form>
        </>
      )}
    </>,
  );
}
