import { describe, expect, it } from 'vitest';
import { inOrder, moved, nextPosition } from './reason-order.ts';

describe('reason template order', () => {
  const list = [
    { id: 'c', position: 30 },
    { id: 'a', position: 10 },
    { id: 'b', position: 20 },
  ];

  it('should order by position, then id', () => {
    expect(inOrder([...list, { id: 'aa', position: 10 }]).map((t) => t.id)).toEqual(['a', 'aa', 'b', 'c']);
  });

  it('should save only the templates a move changes', () => {
    expect(moved(list, 2, -1)).toEqual([
      { id: 'c', position: 20 },
      { id: 'b', position: 30 },
    ]);
    expect(moved(list, 0, 1)).toEqual([
      { id: 'b', position: 10 },
      { id: 'a', position: 20 },
    ]);
  });

  it('should move templates that share a position, and nothing past either end', () => {
    const same = [
      { id: 'x', position: 0 },
      { id: 'y', position: 0 },
    ];
    expect(moved(same, 1, -1)).toEqual([
      { id: 'y', position: 10 },
      { id: 'x', position: 20 },
    ]);
    expect(moved(list, 0, -1)).toEqual([]);
    expect(moved(list, 2, 1)).toEqual([]);
  });

  it('should put a new template last', () => {
    expect(nextPosition(list)).toBe(40);
    expect(nextPosition([])).toBe(10);
  });
});
