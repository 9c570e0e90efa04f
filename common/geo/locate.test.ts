import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { pathData, SWEREF99_1330 } from '../../api/domain/map/index.ts';
import { type LocatableMap, MAX_ACCURACY_METRES, parsePath, prepareAreas, whereIs } from './locate.ts';

type XY = [number, number];
const square = (x: number, y: number, size: number): XY[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
];

/** A viewBox origin near Malmö on SWEREF 99 13 30, one unit a metre. */
const grid = {
  crs: 'EPSG:3008',
  lon0: 13.5,
  k0: 1,
  falseEasting: 150_000,
  falseNorthing: 0,
  originE: 110_000,
  originN: 6_170_000,
  unitMetres: 1,
};
const fromGrid = proj4(SWEREF99_1330, 'EPSG:4326');
/** The latitude and longitude of a point given in viewBox units. */
const at = (x: number, y: number): [number, number] => {
  const [lon, lat] = fromGrid.forward([grid.originE + x, grid.originN - y]) as [number, number];
  return [lat, lon];
};

describe('reading the path data the server writes', () => {
  it('should give back the rings pathData wrote, holes and several parts included', () => {
    const polygons: XY[][][] = [[square(10, 10, 100), square(40, 40, 20)], [square(300, 5, 50)]];
    expect(parsePath(pathData(polygons))).toEqual(polygons.flat());
  });

  it('should read absolute moves and explicit lines too', () => {
    expect(parsePath('M10 10L20 10 20 20z')).toEqual([
      [
        [10, 10],
        [20, 10],
        [20, 20],
      ],
    ]);
  });
});

describe('naming the area a position is in', () => {
  // Three 1 km squares in a row; the middle one has a 200 m hole (an enclave of no area here).
  const map: LocatableMap = {
    areas: [
      { code: '10001', d: pathData([[square(0, 0, 1000)]]) },
      { code: '10002', d: pathData([[square(1000, 0, 1000), square(1400, 400, 200)]]) },
      { code: '10003', d: pathData([[square(2000, 0, 1000)]]) },
    ],
    grid,
  };
  const areas = prepareAreas(map);
  const where = (x: number, y: number, accuracy: number) => whereIs(map, areas, ...at(x, y), accuracy);

  it('should name the one area a precise position is in', () => {
    expect(where(500, 500, 10)).toEqual({ kind: 'area', code: '10001' });
    expect(where(1200, 200, 10)).toEqual({ kind: 'area', code: '10002' });
    expect(where(2900, 900, 10)).toEqual({ kind: 'area', code: '10003' });
  });

  it('should offer both areas, nearest first, when the accuracy circle crosses their border', () => {
    // 30 m east of the border between 10002 and 10003.
    expect(where(2030, 500, 50)).toEqual({ kind: 'border', codes: ['10003', '10002'] });
    // The same point, 20 m accurate: only 10003.
    expect(where(2030, 500, 20)).toEqual({ kind: 'area', code: '10003' });
  });

  it("should offer both sides within the map's few metres of slack, even for a precise position", () => {
    expect(where(2001, 500, 1)).toEqual({ kind: 'border', codes: ['10003', '10002'] });
  });

  it('should offer at most three areas, nearest first', () => {
    const many: LocatableMap = {
      grid,
      areas: [0, 1, 2, 3, 4].map((i) => ({ code: `2000${i}`, d: pathData([[square(i * 100, 0, 100)]]) })),
    };
    expect(whereIs(many, prepareAreas(many), ...at(240, 50), 400)).toEqual({
      kind: 'border',
      codes: ['20002', '20001', '20003'],
    });
  });

  it('should treat a hole as outside the area that has it', () => {
    expect(where(1500, 500, 10)).toEqual({ kind: 'outside' });
    expect(where(1500, 500, 150)).toEqual({ kind: 'area', code: '10002' });
  });

  it('should say outside when no area is within the accuracy, and too uncertain above the bound', () => {
    expect(whereIs(map, areas, 59.33, 18.07, 10)).toEqual({ kind: 'outside' });
    expect(where(-50, 500, 20)).toEqual({ kind: 'outside' });
    expect(where(-50, 500, 60)).toEqual({ kind: 'area', code: '10001' });
    expect(where(500, 500, MAX_ACCURACY_METRES + 1)).toEqual({ kind: 'uncertain' });
    expect(where(500, 500, Number.NaN)).toEqual({ kind: 'uncertain' });
  });

  it('should give no answer for a map stored before it carried its grid', () => {
    expect(whereIs({ areas: map.areas }, areas, ...at(500, 500), 10)).toBeUndefined();
  });
});
