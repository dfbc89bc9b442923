import { sittingName } from '../sittings/sitting-name.js';
import type { SittingPage } from './portal.use-case.js';
import { CouncilLinks, Fact, renderPage, type PageContext } from './portal-layout.js';
import { formatDateTime, type PortalKey } from './portal-texts.js';
import { VoteResult } from './vote-result.js';

/**
 * `/portal/sittings/:sittingId`: the sitting's facts, its agenda as the domain numbers it, its
 * public documents, the result of every vote held, and the places where the minutes and the
 * recording will be published (their ids, `minutes` and `recording`, are stable).
 */
export function sittingPage(context: PageContext, page: SittingPage): string {
  const { t, language } = context;
  const { sitting, council } = page;
  const title = sittingName(language, sitting);
  return renderPage(
    context,
    title,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{title}</h1>
      <dl className="facts">
        <Fact term={t('sitting.body')}>{sitting.bodyName}</Fact>
        <Fact term={t('sitting.when')}>
          {formatDateTime(sitting.startsAt, language, sitting.timeZone)}
        </Fact>
        <Fact term={t('sitting.place')}>{sitting.place ?? t('sitting.noPlace')}</Fact>
        <Fact term={t('sitting.mode')}>{t(`mode.${sitting.mode}` as PortalKey)}</Fact>
        <Fact term={t('sitting.status')}>
          <span id="sitting-status">{t(`status.${sitting.status}` as PortalKey)}</span>
        </Fact>
      </dl>
      {sitting.status !== 'closed' && (
        <p>
          <a href={`/public/sittings/${sitting.id}`}>{t('page.live')}</a>
        </p>
      )}
      <section aria-labelledby="agenda">
        <h2 id="agenda">{t('page.agenda')}</h2>
        {page.agenda.length === 0 ? (
          <p>{t('page.noAgenda')}</p>
        ) : (
          <ul className="agenda">
            {page.agenda.map((item) => {
              const documents = page.documents.filter((document) => document.itemId === item.id);
              return (
                <li key={item.id} id={`item-${item.id}`} className={`depth-${String(item.depth)}`}>
                  <span className="number">{item.number}.</span> {item.title}
                  {documents.length > 0 && (
                    <ul className="documents">
                      {documents.map((document) => (
                        <li key={document.id}>
                          <a href={document.url}>{document.title}</a>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="documents">
        <h2 id="documents">{t('page.documents')}</h2>
        {page.documents.length === 0 ? (
          <p>{t('page.noDocuments')}</p>
        ) : (
          <ul className="plain">
            {page.documents.map((document) => (
              <li key={document.id}>
                <a href={document.url}>{document.title}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {page.votes !== null && (
        <p>
          <a href={`/api/public/sittings/${sitting.id}/record.json`}>{t('page.record')}</a>
        </p>
      )}
      {page.votes !== null && (
        <section aria-labelledby="votes">
          <h2 id="votes">{t('page.votes')}</h2>
          {page.votes.length === 0 ? (
            <p>{t('page.noVotes')}</p>
          ) : (
            <ol className="cards">
              {page.votes.map((vote) => (
                <li key={vote.id} className="card" id={`vote-${vote.id}`}>
                  <h3>{vote.subject}</h3>
                  <VoteResult context={context} vote={vote} />
                  {vote.kind === 'named' && vote.status === 'closed' && (
                    <p>
                      <a href={`/portal/sittings/${sitting.id}/votes/${vote.id}`}>
                        {t('page.namedListLink', { subject: vote.subject })}
                      </a>
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <section aria-labelledby="minutes-heading" id="minutes">
        <h2 id="minutes-heading">{t('page.minutes')}</h2>
        <p>{t('page.minutesPending')}</p>
      </section>
      <section aria-labelledby="recording-heading" id="recording">
        <h2 id="recording-heading">{t('page.recording')}</h2>
        <p>{t('page.recordingPending')}</p>
      </section>
    </>,
  );
}
