import { describe, expect, it } from 'vitest';
import { isWellInside, nearest, nextInDirection, type Point, viewAt } from './geometry.ts';
import { colourOf, NO_VALUE, PALETTE, scaleClasses } from './scale.ts';

// A 3 × 3 grid of areas, 100 m apart (y grows southwards), plus one far off to the south-east.
const grid = new Map<string, Point>([
  ['nw', [0, 0]],
  ['n', [100, 0]],
  ['ne', [200, 0]],
  ['w', [0, 100]],
  ['c', [100, 100]],
  ['e', [200, 100]],
  ['sw', [0, 200]],
  ['s', [100, 200]],
  ['se', [200, 200]],
  ['far', [900, 130]],
]);

describe('moving between areas with the arrow keys', () => {
  it('should go to the neighbour straight ahead', () => {
    expect(nextInDirection(grid, 'c', 'up')).toBe('n');
    expect(nextInDirection(grid, 'c', 'down')).toBe('s');
    expect(nextInDirection(grid, 'c', 'left')).toBe('w');
    expect(nextInDirection(grid, 'c', 'right')).toBe('e');
  });

  it('should prefer an area within 60° of the direction, and stop at the edge', () => {
    expect(nextInDirection(grid, 'e', 'right')).toBe('far');
    expect(nextInDirection(grid, 'nw', 'up')).toBeUndefined();
    expect(nextInDirection(grid, 'nw', 'left')).toBeUndefined();
    // Nothing within 60° north of "far": the best area ahead, however far to the side.
    expect(nextInDirection(grid, 'far', 'up')).toBe('e');
  });

  it('should start at the area nearest a point', () => {
    expect(nearest(grid, [110, 90])).toBe('c');
    expect(nearest(new Map(), [0, 0])).toBeUndefined();
  });
});

describe('zoom', () => {
  const full = [0, 0, 1000, 800] as const;
  it('should show all at 1× and stay inside the map when zoomed near an edge', () => {
    expect(viewAt(full, 1, [10, 10])).toEqual([0, 0, 1000, 800]);
    expect(viewAt(full, 2, [500, 400])).toEqual([250, 200, 500, 400]);
    expect(viewAt(full, 4, [0, 800])).toEqual([0, 600, 250, 200]);
  });
  it('should tell whether a point is well inside the view', () => {
    expect(isWellInside([500, 400], [250, 200, 500, 400])).toBe(true);
    expect(isWellInside([260, 400], [250, 200, 500, 400])).toBe(false);
    expect(isWellInside([260, 400], [250, 200, 500, 400], 0)).toBe(true);
  });
});

describe('the choropleth colour scale', () => {
  it('should make five whole-number classes from counts, lightest for the smallest, zero alone', () => {
    const classes = scaleClasses([0, 3, 10, 7, 1]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [0, 0],
      [1, 3],
      [4, 5],
      [6, 7],
      [8, 10],
    ]);
    expect(classes.map((c) => c.colour)).toEqual([...PALETTE]);
    expect(colourOf(classes, 0)).toBe(PALETTE[0]);
    // Nothing and one are never the same colour.
    expect(colourOf(classes, 1)).not.toBe(colourOf(classes, 0));
    const few = scaleClasses([0, 1, 2, 40]);
    expect(colourOf(few, 1)).not.toBe(colourOf(few, 0));
    expect(few[0]).toMatchObject({ min: 0, max: 0 });
    expect(scaleClasses([0, 1]).map((c) => [c.min, c.max])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(colourOf(classes, 10)).toBe(PALETTE[4]);
    expect(colourOf(classes, undefined)).toBe(NO_VALUE);
  });

  it('should use fewer classes when there are fewer distinct values', () => {
    expect(scaleClasses([2, 2, 5]).map((c) => [c.min, c.max])).toEqual([
      [2, 3],
      [4, 5],
    ]);
    expect(scaleClasses([4, 4])).toEqual([{ min: 4, max: 4, colour: PALETTE[4] }]);
    expect(scaleClasses([])).toEqual([]);
  });

  it('should keep fractions for values that are not counts', () => {
    const classes = scaleClasses([0.5, 1, 1.5, 2, 2.5]);
    expect(classes[0]?.min).toBe(0.5);
    expect(classes[4]?.max).toBe(2.5);
    expect(colourOf(classes, 1.4)).toBe(PALETTE[2]);
  });
});
