import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGENDA_LIMITS,
  agendaDifferences,
  agendaDraftProblems,
  isPreparationOpen,
  isRenumberingAllowed,
  type AgendaDraftItem,
  type NumberedDraftItem,
} from './agenda-draft.js';

const item = (title: string, children: AgendaDraftItem[] = [], id?: string): AgendaDraftItem => ({
  id,
  title,
  kind: 'procedural',
  children,
});

const flat = (...entries: [string, string, string][]): NumberedDraftItem[] =>
  entries.map(([id, number, title]) => ({ id, number, title }));

describe('an edited agenda', () => {
  it('is accepted within the limits', () => {
    const items = [item('Opening', [], 'a'), item('Budget', [item('Debate', [item('Vote')])])];
    expect(agendaDraftProblems(items)).toEqual([]);
  });

  it('names each blank title, repeated id and item nested below 1.1.1', () => {
    const items = [
      item('  ', [], 'a'),
      item('Budget', [item('Debate', [item('Vote', [item('Too deep')], 'a')])]),
    ];
    expect(agendaDraftProblems(items)).toEqual([
      { field: 'items.0.title', code: 'required' },
      { field: 'items.1.children.0.children.0.id', code: 'duplicate_id' },
      { field: 'items.1.children.0.children.0.children.0', code: 'too_deep' },
    ]);
  });

  it('refuses more items than any council needs, counting sub-items', () => {
    const children = Array.from({ length: AGENDA_LIMITS.maxItems }, (_, index) =>
      item(`Item ${String(index)}`),
    );
    expect(agendaDraftProblems([item('All', children)])[0]).toEqual({
      field: 'items',
      code: 'too_many',
    });
    expect(agendaDraftProblems(children)).toEqual([]);
  });

  it('is open to the office until the sitting opens, and renumbered only as a draft', () => {
    expect(['draft', 'convened'].every((s) => isPreparationOpen(s as 'draft'))).toBe(true);
    expect(['open', 'suspended', 'closed'].some((s) => isPreparationOpen(s as 'open'))).toBe(false);
    expect(isRenumberingAllowed('draft')).toBe(true);
    expect(isRenumberingAllowed('convened')).toBe(false);
  });
});

describe('what changed in an agenda', () => {
  const before = flat(
    ['a', '1', 'Opening'],
    ['b', '2', 'Budget'],
    ['c', '3', 'Streets'],
    ['d', '4', 'Closing'],
  );

  it('reports the item added, not the items renumbered after it', () => {
    const after = flat(
      ['a', '1', 'Opening'],
      ['n', '2', 'Schools'],
      ['b', '3', 'Budget'],
      ['c', '4', 'Streets'],
      ['d', '5', 'Closing'],
    );
    expect(agendaDifferences(before, after)).toEqual([
      { kind: 'added', number: '2', title: 'Schools' },
    ]);
  });

  it('reports a removal, a new title and a move with both numbers', () => {
    const after = flat(
      ['a', '1', 'Opening'],
      ['c', '2', 'Streets and roads'],
      ['b', '3', 'Budget'],
    );
    expect(agendaDifferences(before, after)).toEqual([
      { kind: 'removed', number: '4', title: 'Closing' },
      // Either item could count as moved; exactly one does.
      { kind: 'moved', number: '2', title: 'Streets and roads', previousNumber: '3' },
      { kind: 'retitled', number: '2', title: 'Streets and roads', previousTitle: 'Streets' },
    ]);
  });

  it('reports an item moved under another one', () => {
    const after = flat(
      ['a', '1', 'Opening'],
      ['b', '2', 'Budget'],
      ['c', '2.1', 'Streets'],
      ['d', '3', 'Closing'],
    );
    expect(agendaDifferences(before, after)).toEqual([
      { kind: 'moved', number: '2.1', title: 'Streets', previousNumber: '3' },
    ]);
  });

  const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghijkl'.split('')), { maxLength: 12 });
  const numbered = (list: readonly string[]) =>
    list.map((id, index) => ({ id, number: String(index + 1), title: `Item ${id}` }));

  it('finds nothing between a version and itself', () => {
    fc.assert(
      fc.property(ids, (list) => {
        expect(agendaDifferences(numbered(list), numbered(list))).toEqual([]);
      }),
    );
  });

  it('adds exactly the new ids, removes exactly the gone ones, moves as few as it can', () => {
    fc.assert(
      fc.property(ids, ids, (first, second) => {
        const differences = agendaDifferences(numbered(first), numbered(second));
        const of = (kind: string) =>
          differences
            .filter((difference) => difference.kind === kind)
            .map((d) => d.title.slice(5))
            .sort();
        expect(of('added')).toEqual(second.filter((id) => !first.includes(id)).sort());
        expect(of('removed')).toEqual(first.filter((id) => !second.includes(id)).sort());
        // Every kept item that did not move keeps its order relative to the other unmoved ones.
        const moved = new Set(of('moved'));
        const unmovedBefore = first.filter((id) => second.includes(id) && !moved.has(id));
        const unmovedAfter = second.filter((id) => first.includes(id) && !moved.has(id));
        expect(unmovedAfter).toEqual(unmovedBefore);
        // Moving one item to another place reports at most that one item.
        if (first.length > 1) {
          const [head, ...rest] = first;
          const shifted = [...rest.slice(0, 1), head!, ...rest.slice(1)];
          const single = agendaDifferences(numbered(first), numbered(shifted));
          expect(single.length).toBe(1);
        }
      }),
    );
  });
});
