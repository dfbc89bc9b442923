import {
  MAJORITY_PRESET_IDS,
  VOTE_KINDS,
  type MajorityPresetId,
  type VoteKind,
} from '@veche/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../live/countdown.component';
import { newCommandId } from '../live/live-commands';
import { optionLabel } from '../live/live-messages';
import type { SittingFeed } from '../live/sitting-feed';
import type { SittingView, VoteView } from '../live/sitting-view';
import { VoteResult } from '../live/vote-result.component';
import { NamedList } from '../public/named-list.component';
import { namedChoices, namedRows } from '../public/public-selectors';
import type { Run } from './conduct-run';
import {
  DEFAULT_VOTE_SECONDS,
  lastSettledVote,
  voteDefaults,
  voteParticipation,
  type Member,
} from './conduct-selectors';

interface Props {
  view: SittingView;
  /** The named lists sealed while the console followed the sitting (with who entered a ballot). */
  named: SittingFeed['named'];
  /** The operator may enter a ballot for a member whose device failed; the chair may not. */
  operator: boolean;
  busy: boolean;
  serverNow: () => number;
  run: Run;
}

const EXTRA_MS = 30_000;

/** Starting a vote from the current item, following it, and what may follow its close. */
export function ConductVote({ view, named, operator, busy, serverNow, run }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const vote = view.openVoteId === null ? undefined : view.votes[view.openVoteId];
  const settled = lastSettledVote(view);
  return (
    <section className="conduct-panel conduct-panel--vote" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.vote.heading')}</h2>
      {vote !== undefined ? (
        <RunningVote
          vote={vote}
          members={view.setup.members}
          operator={operator}
          busy={busy}
          serverNow={serverNow}
          run={run}
        />
      ) : (
        <VoteForm
          // A new current item starts the form afresh with its title.
          key={`${view.currentItemId ?? ''}:${view.voteOrder.length}`}
          view={view}
          busy={busy}
          run={run}
        />
      )}
      {settled !== null && vote === undefined && (
        <SettledVote
          vote={settled}
          view={view}
          named={namedChoices({ named }, settled)}
          busy={busy}
          run={run}
        />
      )}
    </section>
  );
}

function VoteForm({ view, busy, run }: { view: SittingView; busy: boolean; run: Run }) {
  const { t } = useTranslation();
  const defaults = voteDefaults(view);
  const ids = { subject: useId(), kind: useId(), majority: useId(), duration: useId() };
  const [subject, setSubject] = useState(defaults.subject);
  const [kind, setKind] = useState<VoteKind>(defaults.kind);
  const [majority, setMajority] = useState<MajorityPresetId>(defaults.majority);
  const [seconds, setSeconds] = useState(String(defaults.durationSeconds));

  const open = (event: FormEvent) => {
    event.preventDefault();
    const durationMs = Math.round(Number(seconds) * 1000) || DEFAULT_VOTE_SECONDS * 1000;
    run(
      {
        type: 'vote.open',
        voteId: newCommandId(),
        subject: subject.trim(),
        itemId: defaults.itemId,
        kind,
        majority,
        options: null,
        durationMs,
      },
      'vote',
    );
  };

  return (
    <form className="conduct-form" onSubmit={open}>
      <div className="conduct-field conduct-field--wide">
        <label htmlFor={ids.subject}>{t('live.vote.subject')}</label>
        <input
          id={ids.subject}
          required
          maxLength={500}
          value={subject}
          onChange={(event) => setSubject(event.target.value)}
        />
      </div>
      <div className="conduct-field">
        <label htmlFor={ids.kind}>{t('live.vote.kindLabel')}</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as VoteKind)}>
          {VOTE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`live.vote.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="conduct-field">
        <label htmlFor={ids.majority}>{t('live.vote.majority')}</label>
        <select
          id={ids.majority}
          value={majority}
          onChange={(e) => setMajority(e.target.value as MajorityPresetId)}
        >
          {MAJORITY_PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`live.majority.${id}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="conduct-field">
        <label htmlFor={ids.duration}>{t('conduct.vote.duration')}</label>
        <input
          id={ids.duration}
          type="number"
          inputMode="numeric"
          min={1}
          max={86_400}
          required
          value={seconds}
          onChange={(event) => setSeconds(event.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button button--primary"
        disabled={busy || view.status !== 'open'}
        data-shortcut="V"
        aria-keyshortcuts="V"
      >
        {t('conduct.vote.open')}
      </button>
    </form>
  );
}

interface RunningProps {
  vote: VoteView;
  members: readonly Member[];
  operator: boolean;
  busy: boolean;
  serverNow: () => number;
  run: Run;
}

function RunningVote({ vote, members, operator, busy, serverNow, run }: RunningProps) {
  const { t } = useTranslation();
  const { voted, notVoted } = voteParticipation(vote, members);
  const [entering, setEntering] = useState<string | null>(null);
  const enteringFor = notVoted.find((member) => member.id === entering) ?? null;
  const counts = vote.tally.counts;
  // Whose ballot the operator entered: the server tells conductors while the vote runs.
  const proxied = new Set(vote.tally.proxied ?? []);
  return (
    <>
      <p className="live-panel__subject">{vote.subject}</p>
      <p className="muted">{t(`live.vote.kind.${vote.kind}`)}</p>
      <Countdown endsAt={vote.deadlineAt} serverNow={serverNow} />
      <p className="conduct-count" aria-live="polite">
        {t('live.vote.progress', { voted: vote.tally.voted, entitled: vote.entitled.length })}
      </p>
      {counts !== null && (
        <dl className="live-facts">
          {vote.options.map((option) => (
            <div key={option}>
              <dt>{optionLabel(t, option)}</dt>
              <dd>{counts[option] ?? 0}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="conduct-columns">
        <div>
          <h3 className="live-panel__subheading">
            {t('conduct.vote.voted', { number: voted.length })}
          </h3>
          <ul className="conduct-names" aria-label={t('conduct.vote.votedList')}>
            {voted.map((member) => (
              <li key={member.id}>
                <span aria-hidden="true">✓ </span>
                {member.name}
                {proxied.has(member.id) && (
                  <span className="named-list__proxy">
                    {' '}
                    {t('publicPage.namedList.enteredByOperator')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="live-panel__subheading">
            {t('conduct.vote.notVoted', { number: notVoted.length })}
          </h3>
          <ul className="conduct-names" aria-label={t('conduct.vote.notVotedList')}>
            {notVoted.map((member) => (
              <li key={member.id}>
                <span aria-hidden="true">… </span>
                {member.name}
                {operator && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button button--quiet conduct-names__action"
                      aria-expanded={enteringFor?.id === member.id}
                      aria-label={t('conduct.proxy.enterFor', { name: member.name })}
                      disabled={busy}
                      onClick={() => setEntering(member.id)}
                    >
                      {t('conduct.proxy.enter')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {operator && enteringFor !== null && (
        <ProxyBallotForm
          key={enteringFor.id}
          vote={vote}
          member={enteringFor}
          busy={busy}
          run={run}
          onDone={() => setEntering(null)}
        />
      )}
      <div className="conduct-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          data-shortcut="C"
          aria-keyshortcuts="C"
          onClick={() => run({ type: 'vote.close', voteId: vote.id }, 'vote')}
        >
          {t('conduct.vote.close')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          onClick={() => run({ type: 'vote.extend', voteId: vote.id, extraMs: EXTRA_MS }, 'vote')}
        >
          {t('conduct.vote.extend')}
        </button>
      </div>
    </>
  );
}

interface ProxyProps {
  vote: VoteView;
  member: Member;
  busy: boolean;
  run: Run;
  onDone: () => void;
}

/** A ballot the operator enters for a member whose device failed, with the reason (recorded). */
function ProxyBallotForm({ vote, member, busy, run, onDone }: ProxyProps) {
  const { t } = useTranslation();
  const ids = { heading: useId(), reason: useId() };
  const [choice, setChoice] = useState<string | null>(null);
  const [reason, setReason] = useState(() => t('conduct.proxy.defaultReason'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice === null || reason.trim() === '') return;
    run(
      {
        type: 'vote.cast',
        voteId: vote.id,
        choice,
        memberId: member.id,
        proxyReason: reason.trim(),
      },
      'vote',
    );
    onDone();
  };
  return (
    <form className="conduct-form conduct-proxy" aria-labelledby={ids.heading} onSubmit={submit}>
      <h3 id={ids.heading} className="live-panel__subheading conduct-field--wide">
        {t('conduct.proxy.heading', { name: member.name })}
      </h3>
      <fieldset className="conduct-field conduct-field--wide">
        <legend>{t('conduct.proxy.choice')}</legend>
        {vote.options.map((option) => (
          <label key={option} className="conduct-proxy__option">
            <input
              type="radio"
              name={`proxy-${vote.id}`}
              value={option}
              required
              checked={choice === option}
              onChange={() => setChoice(option)}
            />{' '}
            {optionLabel(t, option)}
          </label>
        ))}
      </fieldset>
      <div className="conduct-field conduct-field--wide">
        <label htmlFor={ids.reason}>{t('conduct.proxy.reason')}</label>
        <input
          id={ids.reason}
          required
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('conduct.proxy.confirm')}
      </button>
      <button type="button" className="button button--quiet" onClick={onDone}>
        {t('conduct.proxy.cancel')}
      </button>
    </form>
  );
}

interface SettledProps {
  vote: VoteView;
  view: SittingView;
  /** The vote's named list: from its seal if the console saw it close, else from the state. */
  named: SittingFeed['named'][string] | undefined;
  busy: boolean;
  run: Run;
}

function SettledVote({ vote, view, named, busy, run }: SettledProps) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const annul = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') return;
    run({ type: 'vote.annul', voteId: vote.id, reason: reason.trim() }, 'vote');
    setReason('');
  };
  return (
    <div className="conduct-settled">
      <VoteResult vote={vote} yourChoice={null} />
      {named !== undefined && <NamedList rows={namedRows(view, named)} layout="table" />}
      {vote.status === 'closed' && (
        <form className="conduct-form" onSubmit={annul}>
          <div className="conduct-field conduct-field--wide">
            <label htmlFor={reasonId}>{t('conduct.vote.annulReason')}</label>
            <input
              id={reasonId}
              required
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--quiet" disabled={busy}>
            {t('conduct.vote.annul')}
          </button>
        </form>
      )}
      {vote.status === 'annulled' && vote.repeatedBy === null && (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() =>
            run(
              {
                type: 'vote.repeat',
                voteId: vote.id,
                newVoteId: newCommandId(),
                durationMs: DEFAULT_VOTE_SECONDS * 1000,
              },
              'vote',
            )
          }
        >
          {t('conduct.vote.repeat')}
        </button>
      )}
    </div>
  );
}
