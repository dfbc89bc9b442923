import { numberAgenda } from './sitting/agenda-tree.js';
import type { SittingState } from './sitting/sitting.state.js';

/**
 * What a sitting resolved (DESIGN.md section 4): for each draft resolution on its agenda, in the
 * agenda's order, the last vote held on it that closed and was not annulled decides. An item's
 * earlier votes (on amendments, or annulled and repeated) give way to its last one; an item never
 * voted on resolved nothing. Decided when the sitting closes, so that the adopted ones are
 * numbered in the order of the agenda.
 */
export interface SittingResolution {
  readonly itemId: string;
  /** The item's number on the agenda as adopted ("3", "4.1"). */
  readonly itemNumber: string;
  readonly title: string;
  readonly voteId: string;
  readonly adopted: boolean;
  /** When the deciding vote closed (epoch ms). */
  readonly decidedAt: number;
}

export function resolutionsOf(
  state: SittingState,
  draftResolutionItemIds: ReadonlySet<string>,
): SittingResolution[] {
  const resolutions: SittingResolution[] = [];
  for (const item of numberAgenda(state.agenda)) {
    if (!draftResolutionItemIds.has(item.id)) continue;
    let deciding: SittingResolution | null = null;
    for (const voteId of state.voteOrder) {
      const vote = state.votes[voteId];
      if (vote?.itemId !== item.id || vote.status !== 'closed') continue;
      const outcome = vote.result?.outcome;
      if (outcome === null || outcome === undefined) continue;
      deciding = {
        itemId: item.id,
        itemNumber: item.number,
        title: item.title,
        voteId,
        adopted: outcome.passed,
        decidedAt: vote.result!.closedAt,
      };
    }
    if (deciding !== null) resolutions.push(deciding);
  }
  return resolutions;
}

/**
 * A body's short code for the `{body}` placeholder of a resolution number, from its name: the
 * initials of its capitalised words ("Rada Miejska w Wierzbowie" -> "RMW"). Bodies have no code of
 * their own yet.
 */
export function bodyCode(name: string): string {
  const initials = name
    .split(/\s+/u)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
  return initials === '' ? name.trim().slice(0, 3).toUpperCase() : initials;
}
