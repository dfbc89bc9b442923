import { useTranslation } from 'react-i18next';
import { Countdown } from '../live/countdown.component';
import { majorityText, optionLabel } from '../live/live-messages';
import type { VoteView } from '../live/sitting-view';

interface Props {
  vote: VoteView;
  serverNow: () => number;
  headingClass: string;
  headingId: string;
}

/**
 * A running vote as the public sees it: the subject, the time left, and the counts as they move
 * for a named vote (for others only how many have voted: their counts come with the result).
 */
export function LiveTally({ vote, serverNow, headingClass, headingId }: Props) {
  const { t } = useTranslation();
  const counts = vote.tally.counts;
  return (
    <>
      <h2 id={headingId} className={headingClass}>
        {t('publicPage.vote.heading')}
      </h2>
      <p className="live-panel__subject">{vote.subject}</p>
      <p>
        {t(`publicPage.vote.kind.${vote.kind}`)} · {majorityText(t, vote)}
      </p>
      <Countdown endsAt={vote.deadlineAt} serverNow={serverNow} />
      {counts !== null && (
        <dl className="counts" aria-live="off">
          {vote.options.map((option) => (
            <div key={option} className="counts__row">
              <dt>{optionLabel(t, option)}</dt>
              <dd>{counts[option] ?? 0}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="public-voted">
        {t('publicPage.vote.voted', { voted: vote.tally.voted, entitled: vote.entitled.length })}
      </p>
    </>
  );
}
