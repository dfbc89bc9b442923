import { describe, expect, it } from 'vitest';
import {
  agendaChangeProblem,
  agendaNumberOf,
  applyAgendaChange,
  normalizeAgenda,
  numberAgenda,
} from './agenda-tree.js';
import type { AgendaChange } from './agenda-tree.js';

const tree = normalizeAgenda([
  { id: 'a', title: 'Opening' },
  {
    id: 'b',
    title: 'Resolutions',
    children: [
      { id: 'b1', title: 'Budget' },
      { id: 'b2', title: 'Street' },
    ],
  },
  { id: 'c', title: 'Closing' },
]);

const numbers = (t: typeof tree) => numberAgenda(t).map((item) => `${item.number} ${item.id}`);

describe('agenda tree', () => {
  it('numbers items 1, 2, 2.1, 2.2, 3', () => {
    expect(numbers(tree)).toEqual(['1 a', '2 b', '2.1 b1', '2.2 b2', '3 c']);
    expect(agendaNumberOf(tree, 'b2')).toBe('2.2');
  });

  it.each<[string, AgendaChange, string[]]>([
    [
      'insert at the top',
      { op: 'insert', parentId: null, position: 0, item: { id: 'n', title: 'New' } },
      ['1 n', '2 a', '3 b', '3.1 b1', '3.2 b2', '4 c'],
    ],
    [
      'insert under an item',
      { op: 'insert', parentId: 'b', position: 1, item: { id: 'n', title: 'New' } },
      ['1 a', '2 b', '2.1 b1', '2.2 n', '2.3 b2', '3 c'],
    ],
    [
      'insert under a leaf',
      { op: 'insert', parentId: 'c', position: 0, item: { id: 'n', title: 'New' } },
      ['1 a', '2 b', '2.1 b1', '2.2 b2', '3 c', '3.1 n'],
    ],
    ['remove a subtree', { op: 'remove', itemId: 'b' }, ['1 a', '2 c']],
    [
      'reorder siblings',
      { op: 'move', itemId: 'b2', parentId: 'b', position: 0 },
      ['1 a', '2 b', '2.1 b2', '2.2 b1', '3 c'],
    ],
    [
      'move out to the top',
      { op: 'move', itemId: 'b1', parentId: null, position: 3 },
      ['1 a', '2 b', '2.1 b2', '3 c', '4 b1'],
    ],
    [
      'move a subtree',
      { op: 'move', itemId: 'b', parentId: 'c', position: 0 },
      ['1 a', '2 c', '2.1 b', '2.1.1 b1', '2.1.2 b2'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(agendaChangeProblem(tree, change)).toBeNull();
    expect(numbers(applyAgendaChange(tree, change))).toEqual(expected);
  });

  it.each<[string, AgendaChange, string]>([
    [
      'duplicate id',
      { op: 'insert', parentId: null, position: 0, item: { id: 'b1', title: 'X' } },
      'duplicate_id',
    ],
    [
      'unknown parent',
      { op: 'insert', parentId: 'zz', position: 0, item: { id: 'n', title: 'X' } },
      'unknown_item',
    ],
    [
      'position past the end',
      { op: 'insert', parentId: null, position: 4, item: { id: 'n', title: 'X' } },
      'invalid_position',
    ],
    [
      'negative position',
      { op: 'move', itemId: 'a', parentId: null, position: -1 },
      'invalid_position',
    ],
    [
      'into its own subtree',
      { op: 'move', itemId: 'b', parentId: 'b1', position: 0 },
      'invalid_move',
    ],
    ['into itself', { op: 'move', itemId: 'b', parentId: 'b', position: 0 }, 'invalid_move'],
    ['remove unknown', { op: 'remove', itemId: 'zz' }, 'unknown_item'],
    [
      'blank title',
      { op: 'insert', parentId: null, position: 0, item: { id: 'n', title: ' ' } },
      'invalid_argument',
    ],
  ])('refuses %s', (_name, change, code) => {
    expect(agendaChangeProblem(tree, change)?.code).toBe(code);
    expect(() => applyAgendaChange(tree, change)).toThrow(RangeError);
  });

  it('refuses duplicate ids in setup', () => {
    expect(() =>
      normalizeAgenda([{ id: 'a', title: 'A', children: [{ id: 'a', title: 'B' }] }]),
    ).toThrow(RangeError);
  });
});
