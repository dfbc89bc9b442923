import {
  findAgendaItem,
  isMajorityPresetId,
  quorumRequired,
  type NumberedAgendaItem,
  type MajorityPresetId,
  type VoteKind,
} from '@veche/domain';
import type { SittingView, VoteView } from '../live/sitting-view';

export interface Member {
  readonly id: string;
  readonly name: string;
}

/** What the vote form starts with (issue 4: "sensible defaults"). */
export interface VoteDefaults {
  readonly subject: string;
  readonly itemId: string | null;
  /** Named: the default in Polish municipal councils since 2018 (DESIGN.md section 4). */
  readonly kind: VoteKind;
  readonly majority: MajorityPresetId;
  readonly durationSeconds: number;
}

export const DEFAULT_VOTE_SECONDS = 60;
/** Art. 14 of the Polish municipal self-government act; the demo council is Polish. */
export const FALLBACK_PRESET: MajorityPresetId = 'pl.simple';

/**
 * The council's majority preset, which a new vote starts from (the operator may still choose
 * another for it): the council's setting as the sitting's setup carries it. A setup frozen before
 * the setting was recorded lacks it; then the newest vote with a preset stands for it, and
 * `pl.simple` before any vote.
 */
export function councilPreset(view: SittingView): MajorityPresetId {
  const own = view.setup.majorityPresetId;
  if (own !== null && isMajorityPresetId(own)) return own;
  for (const id of [...view.voteOrder].reverse()) {
    const preset = view.votes[id]?.majorityPresetId;
    if (preset !== null && preset !== undefined && isMajorityPresetId(preset)) return preset;
  }
  return FALLBACK_PRESET;
}

/** A vote on the current agenda item, named, by the council's preset, for a minute. */
export function voteDefaults(view: SittingView): VoteDefaults {
  const item = view.currentItemId === null ? null : findAgendaItem(view.agenda, view.currentItemId);
  return {
    subject: item?.title ?? '',
    itemId: item?.id ?? null,
    kind: 'named',
    majority: councilPreset(view),
    durationSeconds: DEFAULT_VOTE_SECONDS,
  };
}

/** Who of the entitled members has voted and who has not, while the vote runs. */
export function voteParticipation(
  vote: VoteView,
  members: readonly Member[],
): { voted: Member[]; notVoted: Member[] } {
  const voters = new Set(vote.tally.voters ?? []);
  const entitled = vote.entitled.map(
    (id) => members.find((member) => member.id === id) ?? { id, name: id },
  );
  return {
    voted: entitled.filter((member) => voters.has(member.id)),
    notVoted: entitled.filter((member) => !voters.has(member.id)),
  };
}

/** The running check's count against the number the body's quorum rule requires. */
export function quorumProgress(view: SittingView): {
  confirmed: number;
  required: number;
  met: boolean;
} {
  const required = quorumRequired(view.setup.quorumRule, view.setup.statutorySize);
  const confirmed = view.quorumCheck?.confirmed.length ?? 0;
  return { confirmed, required, met: confirmed >= required };
}

/**
 * Members with what the sitting knows of their presence: null when never recorded (no change
 * and no closed quorum check yet; a closed check records everyone, absent ones included).
 */
export function presenceList(view: SittingView): { member: Member; present: boolean | null }[] {
  return view.setup.members.map((member) => {
    const known = view.presence[member.id];
    const recorded = known !== undefined && (known.since !== null || view.lastQuorumCheck !== null);
    return { member, present: recorded ? known.present : null };
  });
}

/** The newest vote that is over, for its result and for annulling or repeating it. */
export function lastSettledVote(view: SittingView): VoteView | null {
  for (const id of [...view.voteOrder].reverse()) {
    const vote = view.votes[id];
    if (vote !== undefined && vote.status !== 'open') return vote;
  }
  return null;
}

/** Where a key press comes from: enough of a DOM event to decide without a DOM. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly repeat: boolean;
  /** The focused element's tag (upper case) and whether it is editable. */
  readonly targetTag: string;
  readonly targetEditable: boolean;
}

const TYPING_TAGS: ReadonlySet<string> = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * The console's shortcut a key press stands for, if any: one letter, upper case, without
 * modifiers; never while the user types in a field (WCAG 2.1.4, character key shortcuts).
 */
export function shortcutOf(press: KeyPress): string | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.repeat) return null;
  if (press.targetEditable || TYPING_TAGS.has(press.targetTag)) return null;
  return /^[a-z]$/i.test(press.key) ? press.key.toUpperCase() : null;
}

/** Where "up" and "down" move an item among its siblings (positions as `agenda.amend` counts). */
export function agendaMoves(
  items: readonly NumberedAgendaItem[],
): Map<string, { up: number | null; down: number | null }> {
  const moves = new Map<string, { up: number | null; down: number | null }>();
  for (const item of items) {
    const siblings = items.filter((other) => other.parentId === item.parentId);
    const index = siblings.findIndex((other) => other.id === item.id);
    moves.set(item.id, {
      up: index > 0 ? index - 1 : null,
      // After taking it out, one place further is its index plus one.
      down: index < siblings.length - 1 ? index + 1 : null,
    });
  }
  return moves;
}

/** What the console needs of the signed-in user's councils. */
export interface CouncilRoles {
  readonly councilId: string;
  readonly roles: readonly string[];
}

/**
 * Whether this user may enter a ballot for a member whose device failed: the council's operator
 * only, never the chair (the server refuses others with `proxy_requires_operator`). The sitting's
 * council when known; before that, any council of the user.
 */
export function mayEnterBallots(
  councils: readonly CouncilRoles[],
  councilId: string | null,
): boolean {
  return councils.some(
    (council) =>
      (councilId === null || council.councilId === councilId) && council.roles.includes('operator'),
  );
}
