import type { Chapter } from '../open-data/chapters-vtt.js';
import { sittingName } from '../sittings/sitting-name.js';
import type { SittingPage } from './portal.use-case.js';
import { CouncilLinks, Fact, renderPage, type PageContext } from './portal-layout.js';
import { formatDateTime, formatDay, type PortalKey } from './portal-texts.js';
import type { SpeechRequestWindow } from '../residents/speech-requests.use-case.js';
import { VoteResult } from './vote-result.js';

/**
 * `/portal/sittings/:sittingId`: the sitting's facts, its agenda as the domain numbers it, its
 * public documents, the result of every vote held, and the places where the minutes and the
 * recording will be published (their ids, `minutes` and `recording`, are stable).
 */
export function sittingPage(
  context: PageContext,
  page: SittingPage,
  speak: SpeechRequestWindow,
): string {
  const { t, language } = context;
  const { sitting, council } = page;
  const title = sittingName(language, sitting);
  const api = `/api/public/sittings/${sitting.id}`;
  return renderPage(
    context,
    title,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{title}</h1>
      <div
        role="status"
        data-live-sitting={sitting.id}
        data-status={sitting.status}
        data-results={String(page.votes?.filter((vote) => vote.status === 'closed').length ?? 0)}
      >
        <p id="live-notice" hidden>
          {t('page.changed')} <a href={`/portal/sittings/${sitting.id}`}>{t('page.showAgain')}</a>
        </p>
      </div>
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
      {sitting.status === 'convened' && (
        <section aria-labelledby="speak">
          <h2 id="speak">{t('speak.heading')}</h2>
          {speak.closed === null ? (
            <>
              <p>{t('speak.section', { lastDay: formatDay(speak.lastDay, language) })}</p>
              <p>
                <a href={`/portal/sittings/${sitting.id}/speak`}>{t('speak.link')}</a>
              </p>
            </>
          ) : (
            <p>
              {t(`speak.closed.${speak.closed}`, { lastDay: formatDay(speak.lastDay, language) })}
            </p>
          )}
        </section>
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
        {page.votes === null ? (
          <p>{t('page.minutesPending')}</p>
        ) : (
          <ul className="plain">
            <li>
              <a href={`${api}/minutes.pdf`}>{t('page.minutesFile', { format: 'PDF' })}</a>
            </li>
            <li>
              <a href={`${api}/minutes.docx`}>{t('page.minutesFile', { format: 'DOCX' })}</a>
            </li>
          </ul>
        )}
      </section>
      <section aria-labelledby="recording-heading" id="recording">
        <h2 id="recording-heading">{t('page.recording')}</h2>
        {sitting.recordingUrl === null ? (
          <p>{t('page.recordingPending')}</p>
        ) : (
          <Recording
            context={context}
            url={sitting.recordingUrl}
            chapters={page.chapters}
            api={api}
          />
        )}
      </section>
      {page.votes !== null && (
        <section aria-labelledby="open-data-heading" id="open-data">
          <h2 id="open-data-heading">{t('page.openData')}</h2>
          <ul className="plain">
            <li>
              <a href={`/portal/sittings/${sitting.id}/record`}>{t('page.verify')}</a>
            </li>
            <li>
              <a href={`${api}/votes.json`}>{t('page.votesFile', { format: 'JSON' })}</a>
            </li>
            <li>
              <a href={`${api}/popolo.json`}>{t('page.votesFile', { format: 'Popolo' })}</a>
            </li>
            <li>
              <a href={`${api}/record.json`}>{t('page.record')}</a>
            </li>
          </ul>
        </section>
      )}
      <script src="/portal/portal.js" defer />
    </>,
  );
}

/**
 * The recording with its chapters: the player reads them as a chapters track, and each chapter is
 * also a plain link into the recording at its time (a media fragment, `#t=seconds`), which works
 * with no script at all.
 */
function Recording({
  context,
  url,
  chapters,
  api,
}: {
  context: PageContext;
  url: string;
  chapters: readonly Chapter[] | null;
  api: string;
}) {
  const { t, language } = context;
  return (
    <>
      <video controls preload="none" src={url} className="recording">
        {chapters !== null && (
          <track kind="chapters" src={`${api}/chapters.vtt`} srcLang={language} default />
        )}
        <a href={url}>{t('page.openRecording')}</a>
      </video>
      <p>
        <a href={url}>{t('page.openRecording')}</a>
      </p>
      {chapters !== null && chapters.length > 0 && (
        <>
          <h3>{t('page.chapters')}</h3>
          <ol className="chapters">
            {chapters.map((chapter) => (
              <li key={chapter.id}>
                <a
                  href={`${url}#t=${String(Math.floor(chapter.startMs / 1000))}`}
                  data-seconds={String(Math.floor(chapter.startMs / 1000))}
                >
                  <time>{clockTime(chapter.startMs)}</time> {chapter.text}
                </a>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** A time into the recording as H:MM:SS. */
function clockTime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
