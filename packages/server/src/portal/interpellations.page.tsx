import type { Interpellation } from '@veche/protocol';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import { CouncilLinks, Fact, renderPage, type PageContext } from './portal-layout.js';
import { formatDay } from './portal-texts.js';

/** `/portal/councils/:councilId/interpellations`: everything filed, with the answers. */
export function interpellationsPage(
  context: PageContext,
  council: CouncilRow,
  interpellations: readonly Interpellation[],
): string {
  const { t, language } = context;
  return renderPage(
    context,
    `${t('interpellation.heading')} – ${council.name}`,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{t('interpellation.heading')}</h1>
      {interpellations.length === 0 ? (
        <p>{t('interpellation.none')}</p>
      ) : (
        <ul className="cards">
          {interpellations.map((item) => (
            <li key={item.id} className="card">
              <h2>
                {`${t(`interpellation.kind.${item.kind}`)} ${item.number}: `}
                {item.subject}
              </h2>
              <dl className="facts">
                <Fact term={t('interpellation.author')}>
                  <a href={`/portal/persons/${item.authorPersonId}`}>{item.authorName}</a>
                </Fact>
                <Fact term={t('interpellation.addressee')}>{item.addressee}</Fact>
                <Fact term={t('interpellation.filedOn')}>{formatDay(item.filedOn, language)}</Fact>
                <Fact term={t('interpellation.deadline')}>
                  {formatDay(item.deadline, language)}
                </Fact>
                <Fact term={t('sitting.status')}>{t(`interpellation.status.${item.status}`)}</Fact>
              </dl>
              {item.overdue && <p className="warning">{t('interpellation.overdue')}</p>}
              <p className="text">{item.text}</p>
              {item.answerText !== null && (
                <>
                  <h3>{t('interpellation.answer')}</h3>
                  <p className="text">{item.answerText}</p>
                </>
              )}
              {item.files.length > 0 && (
                <>
                  <h3>{t('interpellation.files')}</h3>
                  <ul className="plain">
                    {item.files.map((file) => (
                      <li key={file.id}>
                        <a href={file.url}>{file.title}</a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>,
  );
}
