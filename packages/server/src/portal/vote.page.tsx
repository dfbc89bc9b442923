import { sittingName } from '../sittings/sitting-name.js';
import type { VotePage } from './portal.use-case.js';
import { CouncilLinks, renderPage, type PageContext } from './portal-layout.js';
import { optionLabel, VoteResult } from './vote-result.js';

/**
 * `/portal/sittings/:sittingId/votes/:voteId`: one vote's result and, for a named vote, how each
 * member voted (from the vote's seal in the sitting's log) and who was absent. A secret vote
 * shows its counts and participation only.
 */
export function votePage(context: PageContext, page: VotePage): string {
  const { t, language } = context;
  const { sitting, council, vote } = page;
  return renderPage(
    context,
    vote.subject,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <p className="way-back">
        <a href={`/portal/sittings/${sitting.id}#vote-${vote.id}`}>{t('vote.back')}</a>
        {': '}
        {sittingName(language, sitting)}
      </p>
      <h1>{vote.subject}</h1>
      <VoteResult context={context} vote={vote} />
      {vote.kind === 'secret' && <p>{t('vote.secretNote')}</p>}
      {page.named !== null && (
        <section aria-labelledby="files">
          <h2 id="files">{t('vote.files')}</h2>
          <ul className="plain">
            {(['pdf', 'csv', 'json'] as const).map((format) => (
              <li key={format}>
                <a href={`/api/public/sittings/${sitting.id}/votes/${vote.id}/list.${format}`}>
                  {t('vote.listFile', { format: format.toUpperCase() })}
                </a>
              </li>
            ))}
            <li>
              <a href={`/api/public/sittings/${sitting.id}/votes/${vote.id}/popolo.json`}>
                {t('vote.listFile', { format: 'Popolo' })}
              </a>
            </li>
          </ul>
        </section>
      )}
      {page.named !== null && (
        <section aria-labelledby="named">
          <h2 id="named">{t('named.heading')}</h2>
          <table className="named">
            <thead>
              <tr>
                <th scope="col">{t('named.member')}</th>
                <th scope="col">{t('named.choice')}</th>
              </tr>
            </thead>
            <tbody>
              {page.named.map((entry) => (
                <tr key={entry.memberId} data-choice={entry.choice}>
                  <th scope="row">
                    <a href={`/portal/persons/${entry.memberId}`}>{entry.name}</a>
                  </th>
                  <td>
                    {optionLabel(context, entry.choice)}
                    {entry.enteredByOperator && ` ${t('named.enteredByOperator')}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section aria-labelledby="absent">
        <h2 id="absent">{t('vote.absent')}</h2>
        {page.absent.length === 0 ? (
          <p>{t('vote.nobodyAbsent')}</p>
        ) : (
          <ul className="columns">
            {page.absent.map((member) => (
              <li key={member.id}>
                <a href={`/portal/persons/${member.id}`}>{member.name}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>,
  );
}
