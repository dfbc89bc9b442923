/**
 * The agenda is a tree numbered 1, 1.1, 1.2, 2 ... (DESIGN.md section 4, "Agenda"). Numbers are
 * never stored: they follow from positions, so an insert or a move renumbers everything after it.
 */
export interface AgendaItem {
  readonly id: string;
  readonly title: string;
  /** Speaking time on this item, overriding the sitting default; null to use the default. */
  readonly speakingLimitMs: number | null;
  readonly children: readonly AgendaItem[];
}

export interface AgendaItemInput {
  readonly id: string;
  readonly title: string;
  readonly speakingLimitMs?: number | null;
  readonly children?: readonly AgendaItemInput[];
}

/** Positions are 0-based among the parent's children; a null parent is the top level. */
export type AgendaChange =
  | {
      readonly op: 'insert';
      readonly parentId: string | null;
      readonly position: number;
      readonly item: {
        readonly id: string;
        readonly title: string;
        readonly speakingLimitMs?: number | null;
      };
    }
  | { readonly op: 'remove'; readonly itemId: string }
  | {
      readonly op: 'move';
      readonly itemId: string;
      readonly parentId: string | null;
      readonly position: number;
    };

export type AgendaChangeProblem =
  | { readonly code: 'unknown_item'; readonly itemId: string }
  | { readonly code: 'duplicate_id'; readonly id: string }
  | { readonly code: 'invalid_position'; readonly position: number; readonly max: number }
  | { readonly code: 'invalid_move'; readonly itemId: string; readonly parentId: string }
  | { readonly code: 'invalid_argument'; readonly field: string };

export interface NumberedAgendaItem {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly depth: number;
  readonly parentId: string | null;
}

/** Builds the stored tree from setup input; throws on duplicate ids since setup is trusted input. */
export function normalizeAgenda(inputs: readonly AgendaItemInput[]): AgendaItem[] {
  const seen = new Set<string>();
  const walk = (items: readonly AgendaItemInput[]): AgendaItem[] =>
    items.map((input) => {
      if (seen.has(input.id)) throw new RangeError(`duplicate agenda item id ${input.id}`);
      seen.add(input.id);
      return {
        id: input.id,
        title: input.title,
        speakingLimitMs: input.speakingLimitMs ?? null,
        children: walk(input.children ?? []),
      };
    });
  return walk(inputs);
}

/** Every item in reading order, with its number ("2.1") and depth. */
export function numberAgenda(tree: readonly AgendaItem[]): NumberedAgendaItem[] {
  const out: NumberedAgendaItem[] = [];
  const walk = (
    items: readonly AgendaItem[],
    prefix: string,
    depth: number,
    parentId: string | null,
  ) => {
    items.forEach((item, index) => {
      const number = `${prefix}${index + 1}`;
      out.push({ id: item.id, number, title: item.title, depth, parentId });
      walk(item.children, `${number}.`, depth + 1, item.id);
    });
  };
  walk(tree, '', 0, null);
  return out;
}

export function findAgendaItem(tree: readonly AgendaItem[], id: string): AgendaItem | null {
  for (const item of tree) {
    if (item.id === id) return item;
    const found = findAgendaItem(item.children, id);
    if (found !== null) return found;
  }
  return null;
}

/** The item's number as shown ("1.2"), or null if it is not on the agenda. */
export function agendaNumberOf(tree: readonly AgendaItem[], id: string): string | null {
  return numberAgenda(tree).find((item) => item.id === id)?.number ?? null;
}

/** The ids of an item and all items under it. */
export function agendaSubtreeIds(tree: readonly AgendaItem[], id: string): string[] {
  const root = findAgendaItem(tree, id);
  if (root === null) return [];
  return [root.id, ...numberAgenda(root.children).map((item) => item.id)];
}

function siblingsOf(
  tree: readonly AgendaItem[],
  parentId: string | null,
): readonly AgendaItem[] | null {
  if (parentId === null) return tree;
  return findAgendaItem(tree, parentId)?.children ?? null;
}

function isPosition(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}

/** What stops a change from applying, or null if it can (DESIGN.md section 4, "Agenda"). */
export function agendaChangeProblem(
  tree: readonly AgendaItem[],
  change: AgendaChange,
): AgendaChangeProblem | null {
  switch (change.op) {
    case 'insert': {
      if (change.item.id === '') return { code: 'invalid_argument', field: 'item.id' };
      if (change.item.title.trim() === '') return { code: 'invalid_argument', field: 'item.title' };
      const limit = change.item.speakingLimitMs ?? null;
      if (limit !== null && !(Number.isSafeInteger(limit) && limit > 0)) {
        return { code: 'invalid_argument', field: 'item.speakingLimitMs' };
      }
      if (findAgendaItem(tree, change.item.id) !== null) {
        return { code: 'duplicate_id', id: change.item.id };
      }
      const siblings = siblingsOf(tree, change.parentId);
      if (siblings === null) return { code: 'unknown_item', itemId: change.parentId ?? '' };
      if (!isPosition(change.position, siblings.length)) {
        return { code: 'invalid_position', position: change.position, max: siblings.length };
      }
      return null;
    }
    case 'remove':
      return findAgendaItem(tree, change.itemId) === null
        ? { code: 'unknown_item', itemId: change.itemId }
        : null;
    case 'move': {
      if (findAgendaItem(tree, change.itemId) === null) {
        return { code: 'unknown_item', itemId: change.itemId };
      }
      if (
        change.parentId !== null &&
        agendaSubtreeIds(tree, change.itemId).includes(change.parentId)
      ) {
        // An item cannot become its own descendant.
        return { code: 'invalid_move', itemId: change.itemId, parentId: change.parentId };
      }
      const without = removeItem(tree, change.itemId);
      const siblings = siblingsOf(without, change.parentId);
      if (siblings === null) return { code: 'unknown_item', itemId: change.parentId ?? '' };
      if (!isPosition(change.position, siblings.length)) {
        return { code: 'invalid_position', position: change.position, max: siblings.length };
      }
      return null;
    }
  }
}

function removeItem(tree: readonly AgendaItem[], id: string): AgendaItem[] {
  return tree
    .filter((item) => item.id !== id)
    .map((item) => ({ ...item, children: removeItem(item.children, id) }));
}

function insertItem(
  tree: readonly AgendaItem[],
  parentId: string | null,
  position: number,
  node: AgendaItem,
): AgendaItem[] {
  if (parentId === null) return [...tree.slice(0, position), node, ...tree.slice(position)];
  return tree.map((item) =>
    item.id === parentId
      ? { ...item, children: insertItem(item.children, null, position, node) }
      : { ...item, children: insertItem(item.children, parentId, position, node) },
  );
}

/** Applies a change; throws if `agendaChangeProblem` would have refused it. */
export function applyAgendaChange(tree: readonly AgendaItem[], change: AgendaChange): AgendaItem[] {
  const problem = agendaChangeProblem(tree, change);
  if (problem !== null) throw new RangeError(`agenda change refused: ${problem.code}`);
  switch (change.op) {
    case 'insert': {
      const node: AgendaItem = {
        id: change.item.id,
        title: change.item.title,
        speakingLimitMs: change.item.speakingLimitMs ?? null,
        children: [],
      };
      return insertItem(tree, change.parentId, change.position, node);
    }
    case 'remove':
      return removeItem(tree, change.itemId);
    case 'move': {
      const node = findAgendaItem(tree, change.itemId);
      if (node === null) return [...tree];
      return insertItem(removeItem(tree, change.itemId), change.parentId, change.position, node);
    }
  }
}
