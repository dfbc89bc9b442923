import { applyAgendaChange, numberAgenda } from '@veche/domain';
import { describe, expect, it } from 'vitest';
import { parseSittingView, type SittingView } from '../live/sitting-view';
import { OPENING, runSitting, snapshotOf } from '../live/testing/domain-sitting';
import {
  agendaMoves,
  councilPreset,
  lastSettledVote,
  mayEnterBallots,
  presenceList,
  quorumProgress,
  shortcutOf,
  voteDefaults,
  voteParticipation,
  type KeyPress,
} from './conduct-selectors';

function viewAfter(commands: Parameters<typeof runSitting>[0]): SittingView {
  const parsed = parseSittingView(snapshotOf(runSitting(commands).final));
  if (parsed === null) throw new Error('the snapshot does not parse');
  return parsed;
}

const VOTE = {
  type: 'vote.open',
  voteId: 'v1',
  subject: 'Budget',
  itemId: 'a2',
  kind: 'named',
  majority: 'bg.majority_present',
  options: null,
  durationMs: 60_000,
} as const;

describe('vote defaults', () => {
  it('take the current item, a named vote, the council’s preset and a minute', () => {
    const view = viewAfter([...OPENING, { type: 'agenda.set_current', itemId: 'a2-1' }]);
    expect(voteDefaults(view)).toEqual({
      subject: 'Amendment',
      itemId: 'a2-1',
      kind: 'named',
      majority: 'pl.simple',
      durationSeconds: 60,
    });
    const none = viewAfter(OPENING);
    expect(voteDefaults(none)).toMatchObject({ subject: '', itemId: null });
  });

  it('take the council’s own preset from the setup, whatever the last vote used', () => {
    const view = viewAfter([...OPENING, VOTE]);
    const council = {
      ...view,
      setup: { ...view.setup, majorityPresetId: 'pl.absolute_statutory' },
    };
    expect(councilPreset(council)).toBe('pl.absolute_statutory');
    expect(voteDefaults(council).majority).toBe('pl.absolute_statutory');
  });

  it('read the council’s preset from a snapshot’s setup', () => {
    const { final } = runSitting(OPENING);
    const setup = { ...final.setup, majorityPresetId: 'rs.majority_all' as const };
    const parsed = parseSittingView(snapshotOf({ ...final, setup }));
    expect(parsed).not.toBeNull();
    expect(voteDefaults(parsed!).majority).toBe('rs.majority_all');
  });

  it('without the council’s preset (an older setup), follow the preset the sitting used last', () => {
    const view = viewAfter([...OPENING, VOTE]);
    expect(view.setup.majorityPresetId).toBeNull();
    expect(councilPreset(view)).toBe('bg.majority_present');
    const unknown = { ...view, setup: { ...view.setup, majorityPresetId: 'xx.unknown' } };
    expect(councilPreset(unknown)).toBe('bg.majority_present');
  });
});

describe('a running vote', () => {
  it('splits the entitled members into who has voted and who has not', () => {
    const view = viewAfter([
      ...OPENING,
      VOTE,
      { type: 'vote.cast', voteId: 'v1', memberId: 'm2', choice: 'for' },
    ]);
    const vote = view.votes['v1']!;
    const split = voteParticipation(vote, view.setup.members);
    expect(split.voted.map((m) => m.id)).toEqual(['m2']);
    expect(split.notVoted.map((m) => m.id)).toEqual(['m1', 'm3', 'm4', 'm5']);
    expect(split.notVoted[0]!.name).toBe('Member m1');
    expect(lastSettledVote(view)).toBeNull();
  });

  it('gives the newest vote that is over', () => {
    const view = viewAfter([
      ...OPENING,
      VOTE,
      { type: 'vote.close', voteId: 'v1', by: 'operator' },
    ]);
    expect(lastSettledVote(view)?.id).toBe('v1');
  });
});

describe('quorum and presence', () => {
  it('counts confirmations against the body’s rule', () => {
    const view = viewAfter([
      { type: 'sitting.open' },
      { type: 'quorum.start', checkId: 'c1', durationMs: 60_000 },
      { type: 'presence.confirm', memberId: 'm1' },
      { type: 'presence.confirm', memberId: 'm2' },
    ]);
    // At least half of 7 is 4.
    expect(quorumProgress(view)).toEqual({ confirmed: 2, required: 4, met: false });
    const list = presenceList(view);
    expect(list[0]).toEqual({ member: { id: 'm1', name: 'Member m1' }, present: true });
    expect(list[6]?.present).toBeNull();
    // Once a check has closed, everyone is recorded: those who did not confirm as absent.
    const closed = presenceList(viewAfter(OPENING));
    expect(closed[0]?.present).toBe(true);
    expect(closed[6]?.present).toBe(false);
  });
});

describe('shortcutOf', () => {
  const press = (over: Partial<KeyPress>): KeyPress => ({
    key: 'q',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    targetTag: 'BODY',
    targetEditable: false,
    ...over,
  });

  it('takes a plain letter as its upper-case shortcut', () => {
    expect(shortcutOf(press({}))).toBe('Q');
    expect(shortcutOf(press({ key: 'V' }))).toBe('V');
    expect(shortcutOf(press({ targetTag: 'BUTTON' }))).toBe('Q');
  });

  it('never fires while typing, with a modifier, on a held key or for other keys', () => {
    expect(shortcutOf(press({ targetTag: 'INPUT' }))).toBeNull();
    expect(shortcutOf(press({ targetTag: 'TEXTAREA' }))).toBeNull();
    expect(shortcutOf(press({ targetTag: 'SELECT' }))).toBeNull();
    expect(shortcutOf(press({ targetTag: 'DIV', targetEditable: true }))).toBeNull();
    expect(shortcutOf(press({ ctrlKey: true }))).toBeNull();
    expect(shortcutOf(press({ metaKey: true }))).toBeNull();
    expect(shortcutOf(press({ altKey: true }))).toBeNull();
    expect(shortcutOf(press({ repeat: true }))).toBeNull();
    expect(shortcutOf(press({ key: 'Enter' }))).toBeNull();
    expect(shortcutOf(press({ key: '1' }))).toBeNull();
  });
});

describe('agendaMoves', () => {
  it('moves an item among its siblings only', () => {
    const items = numberAgenda(viewAfter([]).agenda);
    const moves = agendaMoves(items);
    expect(moves.get('a1')).toEqual({ up: null, down: 1 });
    expect(moves.get('a2')).toEqual({ up: 0, down: 2 });
    expect(moves.get('a3')).toEqual({ up: 1, down: null });
    expect(moves.get('a2-1')).toEqual({ up: null, down: null });
    // Applied by the domain, "down" really swaps an item with the next.
    const down = applyAgendaChange(viewAfter([]).agenda, {
      op: 'move',
      itemId: 'a1',
      parentId: null,
      position: moves.get('a1')!.down!,
    });
    expect(down.map((item) => item.id)).toEqual(['a2', 'a1', 'a3']);
  });
});

describe('who may enter a ballot for a member', () => {
  const councils = [
    { councilId: 'c1', roles: ['operator'] },
    { councilId: 'c2', roles: ['chair', 'councillor'] },
  ];

  it('is the operator of the sitting’s council, not its chair', () => {
    expect(mayEnterBallots(councils, 'c1')).toBe(true);
    expect(mayEnterBallots(councils, 'c2')).toBe(false);
    expect(mayEnterBallots(councils, 'c3')).toBe(false);
  });

  it('before the sitting’s council is known, any council where the user is the operator', () => {
    expect(mayEnterBallots(councils, null)).toBe(true);
    expect(mayEnterBallots([{ councilId: 'c2', roles: ['chair'] }], null)).toBe(false);
    expect(mayEnterBallots([], null)).toBe(false);
  });
});
