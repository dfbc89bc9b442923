import { numberAgenda, type NumberedAgendaItem } from '@veche/domain';
import type { WireCommand } from '@veche/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newCommandId } from '../live/live-commands';
import type { SittingView } from '../live/sitting-view';
import type { Run } from './conduct-run';
import { agendaMoves } from './conduct-selectors';

type AgendaChange = Extract<WireCommand, { type: 'agenda.amend' }>['change'];

interface Props {
  view: SittingView;
  busy: boolean;
  run: Run;
}

/**
 * The agenda during the sitting: the item under way marked in words, any other one step away,
 * and amendments (add, move, remove), each an event of the log that every client sees at once.
 */
export function ConductAgenda({ view, busy, run }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const basisId = useId();
  const [removing, setRemoving] = useState<string | null>(null);
  const [basis, setBasis] = useState('');
  // An amendment normally follows a vote on changing the agenda (DESIGN.md section 4): it may cite it.
  const passedVotes = view.voteOrder.flatMap((id) => {
    const vote = view.votes[id];
    // Only a vote that closed and passed can be the basis of a change (the domain's rule).
    return vote?.status === 'closed' && vote.result?.outcome?.passed === true ? [vote] : [];
  });
  const items = numberAgenda(view.agenda);
  const moves = agendaMoves(items);
  const inSession = view.status === 'open' || view.status === 'suspended';
  const disabled = busy || !inSession;
  const amend = (change: AgendaChange) =>
    run({ type: 'agenda.amend', change, basisVoteId: basis === '' ? null : basis }, 'agenda');
  // The visible words first, so that speech input finds the button (WCAG 2.5.3).
  const named = (action: string, item: NumberedAgendaItem) =>
    `${action}: ${item.number}. ${item.title}`;

  return (
    <section className="conduct-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.agenda.heading')}</h2>
      {items.length === 0 && <p>{t('live.agenda.empty')}</p>}
      <ol className="conduct-list">
        {items.map((item) => {
          const current = item.id === view.currentItemId;
          const up = moves.get(item.id)?.up ?? null;
          const down = moves.get(item.id)?.down ?? null;
          return (
            <li
              key={item.id}
              className={`conduct-list__row${current ? ' conduct-list__row--current' : ''}`}
              style={{ paddingLeft: `${item.depth * 1.25}rem` }}
              aria-current={current ? 'step' : undefined}
            >
              <span>
                <strong>{item.number}.</strong> {item.title}
                {current && <strong className="conduct-now"> — {t('live.agenda.current')}</strong>}
              </span>
              {removing === item.id ? (
                <span className="conduct-confirm conduct-confirm--inline">
                  <span>{t('conduct.agenda.confirmRemove', { number: item.number })}</span>
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={disabled}
                    onClick={() => {
                      setRemoving(null);
                      amend({ op: 'remove', itemId: item.id });
                    }}
                  >
                    {t('conduct.agenda.removeConfirmed')}
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => setRemoving(null)}
                  >
                    {t('conduct.cancel')}
                  </button>
                </span>
              ) : (
                <span className="conduct-actions conduct-actions--tight">
                  {!current && (
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={disabled}
                      aria-label={named(t('conduct.agenda.setCurrent'), item)}
                      onClick={() => run({ type: 'agenda.set_current', itemId: item.id }, 'agenda')}
                    >
                      {t('conduct.agenda.setCurrent')}
                    </button>
                  )}
                  {up !== null && (
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={disabled}
                      aria-label={named(t('conduct.agenda.up'), item)}
                      onClick={() =>
                        amend({
                          op: 'move',
                          itemId: item.id,
                          parentId: item.parentId,
                          position: up,
                        })
                      }
                    >
                      {t('conduct.agenda.up')}
                    </button>
                  )}
                  {down !== null && (
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={disabled}
                      aria-label={named(t('conduct.agenda.down'), item)}
                      onClick={() =>
                        amend({
                          op: 'move',
                          itemId: item.id,
                          parentId: item.parentId,
                          position: down,
                        })
                      }
                    >
                      {t('conduct.agenda.down')}
                    </button>
                  )}
                  {!current && (
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={disabled}
                      aria-label={named(t('conduct.agenda.remove'), item)}
                      onClick={() => setRemoving(item.id)}
                    >
                      {t('conduct.agenda.remove')}
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {passedVotes.length > 0 && (
        <div className="conduct-field conduct-field--wide conduct-basis">
          <label htmlFor={basisId}>{t('conduct.agenda.basis')}</label>
          <select id={basisId} value={basis} onChange={(event) => setBasis(event.target.value)}>
            <option value="">{t('conduct.agenda.noBasis')}</option>
            {passedVotes.map((vote) => (
              <option key={vote.id} value={vote.id}>
                {vote.subject}
              </option>
            ))}
          </select>
        </div>
      )}
      <AddItem
        topLevel={items.filter((item) => item.parentId === null)}
        disabled={disabled}
        onAdd={(title, position) =>
          amend({
            op: 'insert',
            parentId: null,
            position,
            item: { id: newCommandId(), title },
          })
        }
      />
    </section>
  );
}

interface AddProps {
  topLevel: readonly NumberedAgendaItem[];
  disabled: boolean;
  onAdd: (title: string, position: number) => void;
}

function AddItem({ topLevel, disabled, onAdd }: AddProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const placeId = useId();
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState(String(topLevel.length));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return;
    onAdd(title.trim(), Math.min(Number(place), topLevel.length));
    setTitle('');
  };
  return (
    <form className="conduct-form" onSubmit={submit}>
      <h3 className="live-panel__subheading conduct-field--wide">
        {t('conduct.agenda.addHeading')}
      </h3>
      <div className="conduct-field conduct-field--wide">
        <label htmlFor={titleId}>{t('conduct.agenda.addTitle')}</label>
        <input
          id={titleId}
          required
          maxLength={1000}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="conduct-field conduct-field--wide">
        <label htmlFor={placeId}>{t('conduct.agenda.addPlace')}</label>
        <select id={placeId} value={place} onChange={(event) => setPlace(event.target.value)}>
          <option value="0">{t('conduct.agenda.atStart')}</option>
          {topLevel.map((item, index) => (
            <option key={item.id} value={String(index + 1)}>
              {t('conduct.agenda.after', { number: item.number, title: item.title })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--quiet" disabled={disabled}>
        {t('conduct.agenda.add')}
      </button>
    </form>
  );
}
