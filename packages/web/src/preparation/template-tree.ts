import type { AgendaDraftItemInput, PreparedAgendaItem } from '@veche/protocol';
import type { AgendaTree, EditableItem } from './agenda-editing';

/**
 * A template's items as the agenda editor holds them. Template items have no ids (each sitting
 * made from a template gets items of its own), so every item gets a fresh key and no id, and
 * `draftOf` sends them back without ids too.
 */
export function templateTree(
  items: readonly AgendaDraftItemInput[],
  newKey: () => string,
): EditableItem[] {
  return items.map((item) => ({
    key: newKey(),
    title: item.title,
    kind: item.kind,
    description: item.description ?? '',
    documentCount: 0,
    children: templateTree(item.children ?? [], newKey),
  }));
}

function countsOf(items: readonly PreparedAgendaItem[], counts = new Map<string, number>()) {
  for (const item of items) {
    counts.set(item.id, item.documentCount);
    countsOf(item.children, counts);
  }
  return counts;
}

/**
 * The tree with each saved item's document count taken from the stored agenda: after an upload
 * the editor shows the new count without losing the edits not saved yet.
 */
export function withDocumentCounts(
  tree: AgendaTree,
  agenda: readonly PreparedAgendaItem[],
): EditableItem[] {
  const counts = countsOf(agenda);
  const update = (items: AgendaTree): EditableItem[] =>
    items.map((item) => ({
      ...item,
      documentCount: item.id === undefined ? 0 : (counts.get(item.id) ?? item.documentCount),
      children: update(item.children),
    }));
  return update(tree);
}
