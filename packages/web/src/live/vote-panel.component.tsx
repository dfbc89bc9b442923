import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BallotOptions } from './ballot-options.component';
import { CommandProblem } from './command-problem.component';
import { Countdown } from './countdown.component';
import { majorityText, optionLabel } from './live-messages';
import { ballotTag, type BallotState } from './live-selectors';
import type { VoteView } from './sitting-view';
import { useArrivalFocus } from './use-arrival-focus.hook';

interface Props {
  vote: VoteView;
  ballot: BallotState;
  /** Shows the options: the user is (or may be) entitled to vote in it. */
  entitled: boolean;
  ballotChangeAllowed: boolean;
  arrived: boolean;
  serverNow: () => number;
  onChoose: (option: string) => void;
}

/** A running vote: subject, rule, time left, the options, and where the member's ballot stands. */
export function VotePanel({
  vote,
  ballot,
  entitled,
  ballotChangeAllowed,
  arrived,
  serverNow,
  onChoose,
}: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const subjectId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useArrivalFocus(headingRef, ballotTag(vote.id), arrived);
  const mayChange = ballotChangeAllowed && !vote.tally.secret;
  return (
    <section className="live-panel live-panel--vote" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('live.vote.heading')}
      </h2>
      <p id={subjectId} className="live-panel__subject">
        {vote.subject}
      </p>
      <dl className="live-facts">
        <div>
          <dt>{t('live.vote.kindLabel')}</dt>
          <dd>{t(`live.vote.kind.${vote.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('live.vote.majority')}</dt>
          <dd>{majorityText(t, vote)}</dd>
        </div>
      </dl>
      <Countdown endsAt={vote.deadlineAt} serverNow={serverNow} />
      {entitled ? (
        <>
          <BallotOptions
            options={vote.options}
            chosen={ballot.choice}
            disabled={!ballot.canChoose}
            labelledBy={subjectId}
            onChoose={onChoose}
          />
          <BallotStatus ballot={ballot} mayChange={mayChange} />
        </>
      ) : (
        <p className="live-note">{t('live.vote.notEntitled')}</p>
      )}
      <p className="live-panel__progress">
        {t('live.vote.progress', { voted: vote.tally.voted, entitled: vote.entitled.length })}
      </p>
    </section>
  );
}

function BallotStatus({ ballot, mayChange }: { ballot: BallotState; mayChange: boolean }) {
  const { t } = useTranslation();
  switch (ballot.status) {
    case 'none':
      return null;
    case 'pending':
      return (
        <p className="live-pending">
          {ballot.command?.status === 'queued' ? t('live.queued') : t('live.vote.sending')}
        </p>
      );
    case 'recorded':
      return <Recorded choice={ballot.choice} mayChange={mayChange} />;
    case 'failed':
      // A refused change leaves the earlier ballot standing: say both.
      return (
        <>
          {ballot.choice !== null && <Recorded choice={ballot.choice} mayChange={mayChange} />}
          <CommandProblem command={ballot.command} />
        </>
      );
  }
}

function Recorded({ choice, mayChange }: { choice: string | null; mayChange: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="live-confirmed">
      <span className="live-confirmed__icon" aria-hidden="true">
        ✓
      </span>
      <p>
        {choice === null
          ? t('live.vote.recordedNoChoice')
          : t('live.vote.recorded', { choice: optionLabel(t, choice) })}
        {mayChange && <> {t('live.vote.canChange')}</>}
      </p>
    </div>
  );
}
