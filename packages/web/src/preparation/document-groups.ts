import type { PreparedAgendaItem, SittingDocument } from '@veche/protocol';

/** The documents of one agenda item, or of the sitting as a whole (`item` null). */
export interface DocumentGroup {
  readonly item: { readonly id: string; readonly number: string; readonly title: string } | null;
  readonly documents: readonly SittingDocument[];
}

function flatItems(items: readonly PreparedAgendaItem[]): PreparedAgendaItem[] {
  return items.flatMap((item) => [item, ...flatItems(item.children)]);
}

/**
 * A sitting's documents grouped as the agenda runs: the sitting's own first, then each item's
 * in the agenda's order. Groups without documents are left out; a document of an item no longer
 * on the agenda counts as the sitting's, so nothing uploaded goes unseen.
 */
export function documentGroups(
  documents: readonly SittingDocument[],
  agenda: readonly PreparedAgendaItem[],
): DocumentGroup[] {
  const items = flatItems(agenda);
  const known = new Set(items.map((item) => item.id));
  const own = documents.filter(
    (document) => document.itemId === null || !known.has(document.itemId),
  );
  const groups: DocumentGroup[] = own.length > 0 ? [{ item: null, documents: own }] : [];
  for (const item of items) {
    const mine = documents.filter((document) => document.itemId === item.id);
    if (mine.length > 0) {
      groups.push({
        item: { id: item.id, number: item.number, title: item.title },
        documents: mine,
      });
    }
  }
  return groups;
}

/** The items a document may be attached to, numbered as the agenda shows them. */
export function uploadTargets(
  agenda: readonly PreparedAgendaItem[],
): { id: string; number: string; title: string }[] {
  return flatItems(agenda).map(({ id, number, title }) => ({ id, number, title }));
}
