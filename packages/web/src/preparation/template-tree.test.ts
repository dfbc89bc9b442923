import { AGENDA_ITEM_KINDS } from '@veche/domain';
import type { AgendaDraftItemInput, PreparedAgendaItem } from '@veche/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addItem, draftOf } from './agenda-editing';
import { templateTree, withDocumentCounts } from './template-tree';

const keys = () => {
  let count = 0;
  return () => `k${String((count += 1))}`;
};

/** Template items as the server stores them: no ids, a description or null, children always. */
const itemArbitrary: fc.Memo<AgendaDraftItemInput> = fc.memo((depth) =>
  fc.record({
    title: fc.string({ minLength: 1, maxLength: 20 }),
    kind: fc.constantFrom(...AGENDA_ITEM_KINDS),
    description: fc.option(
      fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
      {
        nil: null,
      },
    ),
    children: depth <= 1 ? fc.constant([]) : fc.array(itemArbitrary(depth - 1), { maxLength: 3 }),
  }),
);

const prepared = (id: string, documentCount: number, children: PreparedAgendaItem[] = []) => ({
  id,
  number: id,
  title: id,
  kind: 'procedural' as const,
  description: null,
  documentCount,
  children,
});

describe('a template in the agenda editor', () => {
  it('goes back to the server exactly as it came, without ids', () => {
    fc.assert(
      fc.property(fc.array(itemArbitrary(3), { maxLength: 5 }), (items) => {
        expect(draftOf(templateTree(items, keys()))).toEqual(items);
      }),
    );
  });

  it('gives every item a key of its own, so the editor can move each one', () => {
    const tree = templateTree(
      [
        { title: 'Otwarcie', kind: 'procedural', children: [{ title: 'a', kind: 'procedural' }] },
        { title: 'Zamknięcie', kind: 'procedural' },
      ],
      keys(),
    );
    expect(tree.map((item) => item.key)).toEqual(['k1', 'k3']);
    expect(tree[0]?.children[0]?.key).toBe('k2');
    expect(tree.every((item) => item.id === undefined)).toBe(true);
  });
});

describe('document counts after an upload', () => {
  it('takes each saved item’s count from the stored agenda and keeps unsaved edits', () => {
    const agenda = [prepared('a', 2, [prepared('a1', 1)]), prepared('b', 0)];
    const edited = addItem(
      [
        {
          key: 'a',
          id: 'a',
          title: 'A edited',
          kind: 'procedural',
          description: '',
          documentCount: 0,
          children: [
            {
              key: 'a1',
              id: 'a1',
              title: 'a1',
              kind: 'procedural',
              description: '',
              documentCount: 0,
              children: [],
            },
          ],
        },
      ],
      'new-1',
      null,
    );
    const counted = withDocumentCounts(edited, agenda);
    expect(counted[0]?.title).toBe('A edited');
    expect(counted[0]?.documentCount).toBe(2);
    expect(counted[0]?.children[0]?.documentCount).toBe(1);
    expect(counted[1]?.key).toBe('new-1');
    expect(counted[1]?.documentCount).toBe(0);
  });
});
