import { numberAgenda } from '@veche/domain';
import { latestOutcome, memberName } from '../live/live-selectors';
import type { NamedChoice, SittingFeed } from '../live/sitting-feed';
import type { SittingView, VoteView } from '../live/sitting-view';

/*
 * What the public live page and the hall display show, read from the public's view. Pure, so
 * the rule "the result stays until the next action" is tested without a browser.
 */

export interface CurrentItem {
  /** As the agenda numbers it: "2", "2.1". */
  readonly number: string;
  readonly title: string;
}

export function currentItem(view: SittingView): CurrentItem | null {
  if (view.currentItemId === null) return null;
  const item = numberAgenda(view.agenda).find((entry) => entry.id === view.currentItemId);
  return item === undefined ? null : { number: item.number, title: item.title };
}

/** The running vote, if any. */
export function openVote(view: SittingView): VoteView | null {
  return view.openVoteId === null ? null : (view.votes[view.openVoteId] ?? null);
}

/**
 * The vote whose result stays on the hall display: the latest one, closed or annulled, until
 * the next action (a vote opened, a quorum check started, or a speaker given the floor after it).
 */
export function standingResult(view: SittingView): VoteView | null {
  const outcome = latestOutcome(view);
  if (outcome.kind !== 'vote') return null;
  const { vote } = outcome;
  const settled = vote.result?.closedAt ?? vote.annulment?.at ?? null;
  const speaker = view.currentSpeaker;
  if (speaker !== null && settled !== null && speaker.grantedAt >= settled) return null;
  return vote;
}

/**
 * A closed named vote's list: from its seal as it arrived live, or, for a page opened after the
 * close, from the state the server sent (closed named votes carry their choices, and whose
 * ballot the operator entered).
 */
export function namedChoices(
  feed: Pick<SittingFeed, 'named'>,
  vote: VoteView,
): readonly NamedChoice[] | undefined {
  const sealed = feed.named[vote.id];
  if (sealed !== undefined) return sealed;
  const choices = vote.tally.choices;
  if (choices === null) return undefined;
  const proxied = new Set(vote.tally.proxied ?? []);
  return Object.entries(choices).map(([memberId, choice]) => ({
    memberId,
    choice,
    enteredByOperator: proxied.has(memberId),
  }));
}

export interface NamedRow {
  readonly memberId: string;
  readonly name: string;
  readonly choice: string;
  /** Entered by the operator for the member (a proxy ballot), as the seal says. */
  readonly enteredByOperator: boolean;
}

/** A named list with the members' names, in the order of the sitting's members. */
export function namedRows(view: SittingView, named: readonly NamedChoice[]): NamedRow[] {
  const order = new Map(view.setup.members.map((member, index) => [member.id, index]));
  return [...named]
    .sort(
      (a, b) =>
        (order.get(a.memberId) ?? Number.MAX_SAFE_INTEGER) -
        (order.get(b.memberId) ?? Number.MAX_SAFE_INTEGER),
    )
    .map(({ memberId, choice, enteredByOperator }) => ({
      memberId,
      name: memberName(view, memberId) ?? memberId,
      choice,
      enteredByOperator,
    }));
}

/** A sign beside each standard choice, so that it never rests on colour alone. */
export function choiceSymbol(choice: string): string {
  switch (choice) {
    case 'for':
      return '✓';
    case 'against':
      return '✗';
    case 'abstain':
      return '–';
    default:
      return '•';
  }
}

/** How the hall display lays out a named list: columns and rows of name tiles. */
export interface HallGridShape {
  readonly columns: number;
  readonly rows: number;
}

/**
 * The hall display's named-list grid for this many members: more columns as the council grows
 * (15 to 110 seats), so that every name fits one 1920x1080 screen; the type then shrinks with
 * the rows (the stylesheet sizes it from the grid's height and width).
 */
export function hallGridShape(count: number): HallGridShape {
  const columns = count <= 8 ? 2 : count <= 24 ? 3 : count <= 60 ? 4 : count <= 90 ? 5 : 6;
  return { columns, rows: Math.max(1, Math.ceil(count / columns)) };
}
