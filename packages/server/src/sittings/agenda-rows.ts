import type { AgendaItemInput } from '@veche/domain';
import type { AgendaItemRow } from '../storage/repositories/sittings.repository.js';

/** What the tree is built from: each row's place in it. */
type TreeRow = Pick<AgendaItemRow, 'id' | 'title' | 'parentId' | 'position'>;

/** Rebuilds the agenda tree from stored rows (parent and position) in the domain's input shape. */
export function agendaTree(rows: readonly TreeRow[]): AgendaItemInput[] {
  const children = new Map<string | null, TreeRow[]>();
  for (const row of rows) {
    const siblings = children.get(row.parentId) ?? [];
    siblings.push(row);
    children.set(row.parentId, siblings);
  }
  const build = (parentId: string | null): AgendaItemInput[] =>
    (children.get(parentId) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((row) => ({ id: row.id, title: row.title, children: build(row.id) }));
  return build(null);
}
