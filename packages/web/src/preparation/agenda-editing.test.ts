import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  draftOf,
  flatten,
  indent,
  MAX_DEPTH,
  moveAmongSiblings,
  moveBefore,
  moveToEnd,
  numbering,
  outdent,
  removeItem,
  type EditableItem,
} from './agenda-editing';

const node = (key: string, children: EditableItem[] = []): EditableItem => ({
  key,
  id: key,
  title: key,
  kind: 'procedural',
  description: '',
  documentCount: 0,
  children,
});

/** "a b(b1 b2) c" */
const shape = (tree: readonly EditableItem[]): string =>
  tree
    .map((item) => (item.children.length === 0 ? item.key : `${item.key}(${shape(item.children)})`))
    .join(' ');

const tree = [node('a'), node('b', [node('b1'), node('b2')]), node('c')];

describe('editing an agenda', () => {
  it('moves an item up and down among its siblings, and no further', () => {
    expect(shape(moveAmongSiblings(tree, 'c', -1))).toBe('a c b(b1 b2)');
    expect(shape(moveAmongSiblings(tree, 'b2', -1))).toBe('a b(b2 b1) c');
    expect(shape(moveAmongSiblings(tree, 'a', -1))).toBe(shape(tree));
    expect(shape(moveAmongSiblings(tree, 'c', 1))).toBe(shape(tree));
  });

  it('indents under the previous item and outdents after the parent', () => {
    expect(shape(indent(tree, 'c'))).toBe('a b(b1 b2 c)');
    expect(shape(indent(tree, 'a'))).toBe(shape(tree));
    expect(shape(outdent(tree, 'b1'))).toBe('a b(b2) b1 c');
    expect(shape(outdent(tree, 'a'))).toBe(shape(tree));
  });

  it('never nests deeper than 1.1.1', () => {
    const deep = [node('a', [node('a1', [node('a11')])]), node('b', [node('b1', [node('b11')])])];
    expect(shape(indent(deep, 'b'))).toBe(shape(deep));
    expect(shape(moveBefore(deep, 'b', 'a11'))).toBe(shape(deep));
    expect(shape(addItem(deep, 'n', 'a11'))).toBe(shape(deep));
    expect(shape(addItem(deep, 'n', 'a1'))).toBe('a(a1(a11 n)) b(b1(b11))');
    expect(shape(indent(tree, 'c'))).toBe('a b(b1 b2 c)');
  });

  it('drops an item before another, at its level, but never inside itself', () => {
    expect(shape(moveBefore(tree, 'c', 'b1'))).toBe('a b(c b1 b2)');
    expect(shape(moveBefore(tree, 'b1', 'a'))).toBe('b1 a b(b2) c');
    expect(shape(moveBefore(tree, 'b', 'b2'))).toBe(shape(tree));
    expect(shape(moveToEnd(tree, 'a'))).toBe('b(b1 b2) c a');
  });

  it('numbers items and sends new ones without an id', () => {
    const added = addItem(tree, 'new', 'b');
    expect(Object.fromEntries(numbering(added))).toMatchObject({ b: '2', new: '2.3', c: '3' });
    const draft = draftOf(added);
    expect(draft[1]!.children![2]).toEqual({
      title: '',
      kind: 'procedural',
      description: null,
      children: [],
    });
    expect(draft[0]).toMatchObject({ id: 'a' });
  });

  it('keeps every item exactly once and within the depth, whatever the moves', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    const move = fc.oneof(
      fc.record({ op: fc.constant('up' as const), key: fc.constantFrom(...keys) }),
      fc.record({ op: fc.constant('down' as const), key: fc.constantFrom(...keys) }),
      fc.record({ op: fc.constant('indent' as const), key: fc.constantFrom(...keys) }),
      fc.record({ op: fc.constant('outdent' as const), key: fc.constantFrom(...keys) }),
      fc.record({
        op: fc.constant('before' as const),
        key: fc.constantFrom(...keys),
        target: fc.constantFrom(...keys),
      }),
    );
    fc.assert(
      fc.property(fc.array(move, { maxLength: 30 }), (moves) => {
        let current: readonly EditableItem[] = keys.map((key) => node(key));
        for (const step of moves) {
          current =
            step.op === 'up'
              ? moveAmongSiblings(current, step.key, -1)
              : step.op === 'down'
                ? moveAmongSiblings(current, step.key, 1)
                : step.op === 'indent'
                  ? indent(current, step.key)
                  : step.op === 'outdent'
                    ? outdent(current, step.key)
                    : moveBefore(current, step.key, step.target);
        }
        const all = flatten(current);
        expect(all.map(({ item }) => item.key).sort()).toEqual(keys);
        expect(Math.max(...all.map(({ depth }) => depth))).toBeLessThan(MAX_DEPTH);
      }),
    );
  });

  it('removes an item with everything under it', () => {
    expect(shape(removeItem(tree, 'b'))).toBe('a c');
  });
});
