import type { AgendaItemKind } from '@veche/domain';
import type { AgendaDraftItemInput, PreparedAgendaItem } from '@veche/protocol';

/**
 * The agenda tree as the editor holds it. Every item has a key of its own for React and for the
 * moves (a new item has no server id until it is saved); the moves are pure functions so that the
 * buttons, the keyboard and drag and drop all change the tree the same way.
 */
export interface EditableItem {
  readonly key: string;
  /** The server's id; absent for an item added since the last save. */
  readonly id?: string | undefined;
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly description: string;
  readonly documentCount: number;
  readonly children: readonly EditableItem[];
}

export type AgendaTree = readonly EditableItem[];

/** The deepest level the server accepts (1.1.1). */
export const MAX_DEPTH = 3;

export function editableTree(items: readonly PreparedAgendaItem[]): EditableItem[] {
  return items.map((item) => ({
    key: item.id,
    id: item.id,
    title: item.title,
    kind: item.kind,
    description: item.description ?? '',
    documentCount: item.documentCount,
    children: editableTree(item.children),
  }));
}

/** The tree as the save request carries it. */
export function draftOf(tree: AgendaTree): AgendaDraftItemInput[] {
  return tree.map((item) => ({
    ...(item.id === undefined ? {} : { id: item.id }),
    title: item.title,
    kind: item.kind,
    description: item.description.trim() === '' ? null : item.description,
    children: draftOf(item.children),
  }));
}

/** Where an item sits: the keys of its ancestors and its index among its siblings. */
export interface Place {
  readonly parentKeys: readonly string[];
  readonly index: number;
}

export function placeOf(tree: AgendaTree, key: string, parents: string[] = []): Place | null {
  for (const [index, item] of tree.entries()) {
    if (item.key === key) return { parentKeys: parents, index };
    const inner = placeOf(item.children, key, [...parents, item.key]);
    if (inner !== null) return inner;
  }
  return null;
}

export function findItem(tree: AgendaTree, key: string): EditableItem | null {
  for (const item of tree) {
    if (item.key === key) return item;
    const inner = findItem(item.children, key);
    if (inner !== null) return inner;
  }
  return null;
}

/** Levels below an item, counting itself (a leaf is 1). */
function height(item: EditableItem): number {
  return 1 + Math.max(0, ...item.children.map(height));
}

/** Applies `change` to the list of children of `parentKeys` (the top level when empty). */
function withSiblings(
  tree: AgendaTree,
  parentKeys: readonly string[],
  change: (siblings: readonly EditableItem[]) => readonly EditableItem[],
): EditableItem[] {
  if (parentKeys.length === 0) return [...change(tree)];
  const [head, ...rest] = parentKeys;
  return tree.map((item) =>
    item.key === head ? { ...item, children: withSiblings(item.children, rest, change) } : item,
  );
}

export function updateItem(
  tree: AgendaTree,
  key: string,
  change: Partial<Pick<EditableItem, 'title' | 'kind' | 'description'>>,
): EditableItem[] {
  return tree.map((item) =>
    item.key === key
      ? { ...item, ...change }
      : { ...item, children: updateItem(item.children, key, change) },
  );
}

/** Adds an empty item at the end of the top level, or of an item's children. */
export function addItem(tree: AgendaTree, key: string, parentKey: string | null): EditableItem[] {
  const item: EditableItem = {
    key,
    title: '',
    kind: 'procedural',
    description: '',
    documentCount: 0,
    children: [],
  };
  if (parentKey === null) return [...tree, item];
  const place = placeOf(tree, parentKey);
  if (place === null || place.parentKeys.length + 2 > MAX_DEPTH) return [...tree];
  return withSiblings(tree, [...place.parentKeys, parentKey], (siblings) => [...siblings, item]);
}

export function removeItem(tree: AgendaTree, key: string): EditableItem[] {
  return tree
    .filter((item) => item.key !== key)
    .map((item) => ({ ...item, children: removeItem(item.children, key) }));
}

/** Swaps an item with its previous (-1) or next (+1) sibling; at the end, nothing happens. */
export function moveAmongSiblings(tree: AgendaTree, key: string, step: -1 | 1): EditableItem[] {
  const place = placeOf(tree, key);
  if (place === null) return [...tree];
  return withSiblings(tree, place.parentKeys, (siblings) => {
    const target = place.index + step;
    if (target < 0 || target >= siblings.length) return siblings;
    const next = [...siblings];
    [next[place.index], next[target]] = [next[target]!, next[place.index]!];
    return next;
  });
}

/** Makes an item the last child of its previous sibling (2 becomes 1.x), within the depth. */
export function indent(tree: AgendaTree, key: string): EditableItem[] {
  const place = placeOf(tree, key);
  const item = findItem(tree, key);
  if (place === null || item === null || place.index === 0) return [...tree];
  if (place.parentKeys.length + 1 + height(item) > MAX_DEPTH) return [...tree];
  return withSiblings(tree, place.parentKeys, (siblings) => {
    const previous = siblings[place.index - 1]!;
    return siblings
      .filter((sibling) => sibling.key !== key)
      .map((sibling) =>
        sibling.key === previous.key
          ? { ...sibling, children: [...sibling.children, item] }
          : sibling,
      );
  });
}

/** Makes an item the next sibling of its parent (1.2 becomes 2). */
export function outdent(tree: AgendaTree, key: string): EditableItem[] {
  const place = placeOf(tree, key);
  const item = findItem(tree, key);
  if (place === null || item === null || place.parentKeys.length === 0) return [...tree];
  const parentKey = place.parentKeys.at(-1)!;
  const grandparents = place.parentKeys.slice(0, -1);
  const without = removeItem(tree, key);
  return withSiblings(without, grandparents, (siblings) => {
    const at = siblings.findIndex((sibling) => sibling.key === parentKey);
    return [...siblings.slice(0, at + 1), item, ...siblings.slice(at + 1)];
  });
}

/**
 * Drag and drop: puts the dragged item just before the target, at the target's level. Refused
 * (the tree unchanged) when the target is inside the dragged item or the result is too deep.
 */
export function moveBefore(tree: AgendaTree, key: string, targetKey: string): EditableItem[] {
  if (key === targetKey) return [...tree];
  const item = findItem(tree, key);
  if (item === null || findItem(item.children, targetKey) !== null) return [...tree];
  const without = removeItem(tree, key);
  const target = placeOf(without, targetKey);
  if (target === null || target.parentKeys.length + height(item) > MAX_DEPTH) return [...tree];
  return withSiblings(without, target.parentKeys, (siblings) => [
    ...siblings.slice(0, target.index),
    item,
    ...siblings.slice(target.index),
  ]);
}

/** Drag and drop onto the end of the list: the item becomes the last at the top level. */
export function moveToEnd(tree: AgendaTree, key: string): EditableItem[] {
  const item = findItem(tree, key);
  if (item === null) return [...tree];
  return [...removeItem(tree, key), item];
}

/** Each item's number as shown ("2.1"), by key. */
export function numbering(tree: AgendaTree, prefix = ''): Map<string, string> {
  const numbers = new Map<string, string>();
  tree.forEach((item, index) => {
    const number = `${prefix}${String(index + 1)}`;
    numbers.set(item.key, number);
    for (const [key, inner] of numbering(item.children, `${number}.`)) numbers.set(key, inner);
  });
  return numbers;
}

/** Every item in reading order with its depth (0 at the top level). */
export function flatten(
  tree: AgendaTree,
  depth = 0,
): { readonly item: EditableItem; readonly depth: number }[] {
  return tree.flatMap((item) => [{ item, depth }, ...flatten(item.children, depth + 1)]);
}
