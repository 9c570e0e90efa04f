import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { malmoBoundaries } from '../../test/index.ts';
import { buildBoundarySet, coarseCell } from '../tagging/index.ts';
import { cellBox, cellTagger } from './cell.ts';
import { variantBoundaries } from './testing.ts';

/** An axis-aligned rectangle as a GeoJSON feature with area code `code`. */
const rect = (code: number, x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Feature',
  properties: { do_kod: code },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  },
});
const set = (version: string, ...features: unknown[]) =>
  buildBoundarySet(version, { type: 'FeatureCollection', features });

// Cells are 0.005° squares. Row "0.000": areas 1 | 2 with the border at x = 0.0075, which the
// new set moves to x = 0.0125. Row "0.015": areas 3 | 4, the same in both sets.
const row1 = (border: number) => [
  rect(1, -0.005, -0.005, border, 0.01),
  rect(2, border, -0.005, 0.025, 0.01),
];
const row2 = [rect(3, -0.005, 0.01, 0.0075, 0.03), rect(4, 0.0075, 0.01, 0.025, 0.03)];
const before = set('old', ...row1(0.0075), ...row2);
const after = set('new', ...row1(0.0125), ...row2);
const exactly = (code: string | undefined) => ({ set: before, areaCode: code });

describe('point tags from coarse cells', () => {
  const tagger = cellTagger(after);

  it('should tag a cell no border touches by its centre, certain', () => {
    expect(tagger.tag('0.000,0.000', exactly('1'))).toEqual({ areaCode: '1', uncertain: false });
    // The old border crossed this cell; the new one does not: the whole cell is in area 1 now.
    expect(tagger.tag('0.000,0.005', exactly('2'))).toEqual({ areaCode: '1', uncertain: false });
  });

  it('should mark a cell crossed by a moved border uncertain, tagged by its centre', () => {
    // x 0.010–0.015, crossed by the new border at 0.0125; its centre is on it: lowest code.
    expect(tagger.tag('0.000,0.010', exactly('2'))).toEqual({ areaCode: '1', uncertain: true });
  });

  it('should keep the exact tag, certain, where the borders of its area in the cell did not change', () => {
    // x 0.005–0.010 in row 2, crossed by the unchanged border 3 | 4 at 0.0075.
    expect(tagger.tag('0.015,0.005', exactly('3'))).toEqual({ areaCode: '3', uncertain: false });
    expect(tagger.tag('0.015,0.005', exactly('4'))).toEqual({ areaCode: '4', uncertain: false });
  });

  it('should not trust an old tag that was itself uncertain (no previous given): centre, uncertain', () => {
    expect(tagger.tag('0.015,0.005')).toEqual({ areaCode: '3', uncertain: true });
  });

  it('should keep a point outside every area outside when the borders in its cell did not change', () => {
    const coast = set('coast', rect(1, 0, 0, 0.0075, 0.02));
    // Cell x 0.005–0.010 straddles the coast at 0.0075; centre is exactly on it (area 1).
    expect(cellTagger(coast).tag('0.005,0.005', { set: coast, areaCode: undefined })).toBeUndefined();
    expect(cellTagger(coast).tag('0.005,0.005', { set: coast, areaCode: '1' })).toEqual({
      areaCode: '1',
      uncertain: false,
    });
  });

  it('should follow a renamed area, certain, when its borders in the cell are the same', () => {
    const renamed = set(
      'renamed',
      rect(9, -0.005, -0.005, 0.0075, 0.01),
      rect(2, 0.0075, -0.005, 0.025, 0.01),
    );
    const old = set('old-row', ...row1(0.0075));
    expect(cellTagger(renamed).tag('0.000,0.005', { set: old, areaCode: '1' })).toEqual({
      areaCode: '9',
      uncertain: false,
    });
    // Area 2 exists in both sets: its neighbour's rename changes nothing for it.
    expect(cellTagger(renamed).tag('0.000,0.005', { set: old, areaCode: '2' })).toEqual({
      areaCode: '2',
      uncertain: false,
    });
  });

  it('should not see a border in the seam between two merged parts of one area', () => {
    const merged = set('merged', {
      type: 'Feature',
      properties: { do_kod: 1 },
      geometry: {
        type: 'MultiPolygon',
        coordinates: row1(0.0075).map((f) => f.geometry.coordinates),
      },
    });
    expect(cellTagger(merged).tag('0.000,0.005', exactly('2'))).toEqual({ areaCode: '1', uncertain: false });
  });

  it('should give no tag for a cell that is not "lat,lon"', () => {
    expect(cellBox('55.59;13.00')).toBeUndefined();
    expect(tagger.tag('', exactly('1'))).toBeUndefined();
  });
});

describe('point tags from coarse cells on the real set and a changed copy', () => {
  const malmo = malmoBoundaries();
  const variant = variantBoundaries();
  const tagger = cellTagger(variant);

  it('should never be certain and wrong: a certain tag is where the exact point is in the new set', () => {
    const city = fc.record({
      lon: fc.double({ min: 12.885, max: 13.152, noNaN: true }),
      lat: fc.double({ min: 55.502, max: 55.643, noNaN: true }),
    });
    fc.assert(
      fc.property(city, (point) => {
        const tag = tagger.tag(coarseCell(point), { set: malmo, areaCode: malmo.locate(point) });
        if (tag && !tag.uncertain) expect(tag.areaCode).toBe(variant.locate(point));
      }),
      { numRuns: 20_000 },
    );
  });
});
