import type { AgendaItemKind, SittingStatus } from '../vocabulary.js';

/**
 * The agenda as the office prepares it before a sitting (DESIGN.md section 4, "Agenda": before
 * the sitting the operator edits it freely). The editor sends the whole tree; these rules say
 * whether it may be stored, and what changed since the last version (for the notice to members).
 */
export interface AgendaDraftItem {
  /** Absent for an item added in this edit; the server gives it an id. */
  readonly id?: string | undefined;
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly description?: string | null | undefined;
  readonly children?: readonly AgendaDraftItem[] | undefined;
}

/** Enough for any council's agenda (the longest seen have some sixty items with sub-items). */
export const AGENDA_LIMITS = { maxItems: 300, maxDepth: 3 } as const;

export interface AgendaDraftProblem {
  /** The offending input as a path: `items.1.children.0.id`. */
  readonly field: string;
  readonly code: 'too_deep' | 'too_many' | 'duplicate_id' | 'required';
}

/**
 * What stops an edited agenda from being stored: too many items, nesting deeper than 1.1.1, an id
 * twice, a blank title. Field paths name each offending item so the editor can point at it.
 */
export function agendaDraftProblems(items: readonly AgendaDraftItem[]): AgendaDraftProblem[] {
  const problems: AgendaDraftProblem[] = [];
  const seen = new Set<string>();
  let count = 0;
  const walk = (level: readonly AgendaDraftItem[], path: string, depth: number) => {
    level.forEach((item, index) => {
      const at = `${path}.${String(index)}`;
      count += 1;
      if (depth > AGENDA_LIMITS.maxDepth) problems.push({ field: at, code: 'too_deep' });
      if (item.title.trim() === '') problems.push({ field: `${at}.title`, code: 'required' });
      if (item.id !== undefined) {
        if (seen.has(item.id)) problems.push({ field: `${at}.id`, code: 'duplicate_id' });
        seen.add(item.id);
      }
      walk(item.children ?? [], `${at}.children`, depth + 1);
    });
  };
  walk(items, 'items', 1);
  if (count > AGENDA_LIMITS.maxItems) problems.unshift({ field: 'items', code: 'too_many' });
  return problems;
}

/** A stored agenda item, flattened: its number follows from its place in the tree. */
export interface NumberedDraftItem {
  readonly id: string;
  readonly number: string;
  readonly title: string;
}

export type AgendaDifference =
  | { readonly kind: 'added'; readonly number: string; readonly title: string }
  | { readonly kind: 'removed'; readonly number: string; readonly title: string }
  | {
      readonly kind: 'retitled';
      readonly number: string;
      readonly title: string;
      readonly previousTitle: string;
    }
  | {
      readonly kind: 'moved';
      readonly number: string;
      readonly title: string;
      readonly previousNumber: string;
    };

/**
 * What changed between two versions of an agenda, item by item, for the notice that tells members
 * "the agenda changed": items added, removed, retitled, and moved to another number. An item
 * renumbered only because one before it was added or removed is not "moved": members care about
 * the item that changed, not the ripple.
 */
export function agendaDifferences(
  before: readonly NumberedDraftItem[],
  after: readonly NumberedDraftItem[],
): AgendaDifference[] {
  const previous = new Map(before.map((item) => [item.id, item]));
  const next = new Map(after.map((item) => [item.id, item]));
  const differences: AgendaDifference[] = [];
  for (const item of before) {
    if (!next.has(item.id))
      differences.push({ kind: 'removed', number: item.number, title: item.title });
  }
  // The relative order of the items both versions hold: an item out of that order has moved.
  const kept = after.filter((item) => previous.has(item.id));
  const keptBefore = before.filter((item) => next.has(item.id));
  const stayed = inOrder(
    keptBefore.map((item) => item.id),
    kept.map((item) => item.id),
  );
  const parentOf = (number: string) => number.split('.').slice(0, -1).join('.');
  const parentIdAt = (items: readonly NumberedDraftItem[], number: string) =>
    items.find((item) => item.number === parentOf(number))?.id ?? null;
  for (const item of after) {
    const old = previous.get(item.id);
    if (old === undefined) {
      differences.push({ kind: 'added', number: item.number, title: item.title });
      continue;
    }
    const reparented = parentIdAt(before, old.number) !== parentIdAt(after, item.number);
    if (!stayed.has(item.id) || reparented) {
      differences.push({
        kind: 'moved',
        number: item.number,
        title: item.title,
        previousNumber: old.number,
      });
    }
    if (old.title !== item.title) {
      differences.push({
        kind: 'retitled',
        number: item.number,
        title: item.title,
        previousTitle: old.title,
      });
    }
  }
  return differences;
}

/**
 * The ids that keep their relative order from `before` to `after`: a longest common subsequence
 * of the two orders (both hold the same ids), so the fewest items count as moved.
 */
function inOrder(before: readonly string[], after: readonly string[]): Set<string> {
  const rank = new Map(before.map((id, index) => [id, index]));
  const ranks = after.map((id) => rank.get(id)!);
  // Longest increasing subsequence of the ranks, O(n log n), with links to rebuild it.
  const tails: number[] = [];
  const tailAt: number[] = [];
  const link: number[] = Array.from({ length: ranks.length }, () => -1);
  ranks.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tails[middle]! < value) low = middle + 1;
      else high = middle;
    }
    tails[low] = value;
    tailAt[low] = index;
    link[index] = low > 0 ? tailAt[low - 1]! : -1;
  });
  const stayed = new Set<string>();
  for (let index = tails.length > 0 ? tailAt[tails.length - 1]! : -1; index >= 0;) {
    stayed.add(after[index]!);
    index = link[index]!;
  }
  return stayed;
}

/** Before the sitting opens, the office edits its details and agenda freely; after, never. */
export function isPreparationOpen(status: SittingStatus): boolean {
  return status === 'draft' || status === 'convened';
}

/** A sitting is renumbered only while it is a draft: once convened, its number is public. */
export function isRenumberingAllowed(status: SittingStatus): boolean {
  return status === 'draft';
}
