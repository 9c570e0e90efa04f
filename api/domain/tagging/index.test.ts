import { readFileSync } from 'node:fs';
import pointInPolygon from 'point-in-polygon-hao';
import { describe, expect, it } from 'vitest';
import { MALMO_GEOJSON } from '../../seed/index.ts';
import { malmoBoundaries } from '../../test/index.ts';
import { BoundarySetError, buildBoundarySet, coarseCell, normaliseAreaCode, tagSubmission } from './index.ts';

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const feature = (code: unknown, geometry: unknown) => ({
  type: 'Feature',
  properties: { do_kod: code },
  geometry,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('point tagging on the real Malmö boundaries', () => {
  const malmo = malmoBoundaries();

  it.each([
    ['Möllevångstorget', 55.5913, 13.0081, '11316'],
    ['Sevedsplan (Seved)', 55.5857, 13.0129, '11319'],
    ['Turning Torso', 55.6131, 12.9766, '10101'],
    ['Stortorget', 55.6055, 13.0006, '11312'],
    ['Hyllie station', 55.5636, 12.9763, '25612'],
  ])('should place %s in delområde %s', (_, lat, lon, code) => {
    expect(malmo.locate({ lat, lon })).toBe(code);
  });

  it.each([
    ['Copenhagen', 55.6761, 12.5683],
    ['Lund', 55.7047, 13.191],
    ['the Öresund', 55.6, 12.9],
  ])('should give no point tag in %s, outside the city', (_, lat, lon) => {
    expect(tagSubmission({ point: { lat, lon } }, malmo)).toEqual([]);
  });

  it('should find every one of the 136 areas from a point inside it', () => {
    const { features } = JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8')) as {
      features: { properties: { do_kod: number }; geometry: { coordinates: number[][][] } }[];
    };
    expect(malmo.codes).toHaveLength(136);
    for (const f of features) {
      const ring = f.geometry.coordinates[0] ?? [];
      // A point strictly inside: scan the bounding box on a grid until one is inside.
      const xs = ring.map((p) => p[0] ?? 0);
      const ys = ring.map((p) => p[1] ?? 0);
      let found: { lat: number; lon: number } | undefined;
      for (let i = 1; i < 40 && !found; i++) {
        for (let j = 1; j < 40 && !found; j++) {
          const lon = Math.min(...xs) + ((Math.max(...xs) - Math.min(...xs)) * i) / 40;
          const lat = Math.min(...ys) + ((Math.max(...ys) - Math.min(...ys)) * j) / 40;
          if (pointInPolygon([lon, lat], f.geometry.coordinates) === true) found = { lat, lon };
        }
      }
      expect(found, `an inside point for ${f.properties.do_kod}`).toBeDefined();
      if (found) expect(malmo.locate(found)).toBe(String(f.properties.do_kod));
    }
  });
});

describe('tagSubmission', () => {
  const malmo = malmoBoundaries();

  it("should make the person's chosen area primary over where the phone was", () => {
    const tags = tagSubmission({ areaCode: '11319', point: { lat: 55.5913, lon: 13.0081 } }, malmo);
    expect(tags).toEqual([
      { areaCode: '11319', source: 'chosen', boundaryVersion: malmo.version, primary: true },
      { areaCode: '11316', source: 'point', boundaryVersion: malmo.version, primary: false },
    ]);
  });

  it('should make the point primary when no area was chosen', () => {
    expect(tagSubmission({ point: { lat: 55.5913, lon: 13.0081 } }, malmo)).toEqual([
      { areaCode: '11316', source: 'point', boundaryVersion: malmo.version, primary: true },
    ]);
  });

  it('should give no tags without a location', () => {
    expect(tagSubmission({}, malmo)).toEqual([]);
  });
});

describe('buildBoundarySet on synthetic shapes', () => {
  it('should handle holes: a point in the hole is not in the area', () => {
    const donut = feature(1, { type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2).reverse()] });
    const set = buildBoundarySet('t', collection(donut));
    expect(set.locate({ lon: 1, lat: 1 })).toBe('1');
    expect(set.locate({ lon: 5, lat: 5 })).toBeUndefined();
  });

  it('should handle multipolygons: both parts belong to the area', () => {
    const islands = feature(7, { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] });
    const set = buildBoundarySet('t', collection(islands));
    expect(set.locate({ lon: 0.5, lat: 0.5 })).toBe('7');
    expect(set.locate({ lon: 5.5, lat: 5.5 })).toBe('7');
    expect(set.locate({ lon: 3, lat: 3 })).toBeUndefined();
  });

  it('should give a point on a shared border to the lowest code, whatever the file order', () => {
    const west = feature('20202', { type: 'Polygon', coordinates: [square(0, 0, 1)] });
    const east = feature('10101.0', { type: 'Polygon', coordinates: [square(1, 0, 1)] });
    for (const set of [
      buildBoundarySet('t', collection(west, east)),
      buildBoundarySet('t', collection(east, west)),
    ]) {
      expect(set.locate({ lon: 1, lat: 0.5 })).toBe('10101');
      expect(set.locate({ lon: 0.5, lat: 0.5 })).toBe('20202');
    }
  });

  it.each([
    ['not a FeatureCollection', { type: 'Feature' }, /FeatureCollection/],
    ['no features', collection(), /no features/],
    [
      'a feature without a code',
      collection(feature(null, { type: 'Polygon', coordinates: [square(0, 0, 1)] })),
      /no area code/,
    ],
    [
      'a point geometry',
      collection(feature(1, { type: 'Point', coordinates: [0, 0] })),
      /Polygon or MultiPolygon/,
    ],
    [
      'a ring of two positions',
      collection(
        feature(1, {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 1],
            ],
          ],
        }),
      ),
      /four/,
    ],
    [
      'a code twice',
      collection(
        feature(1, { type: 'Polygon', coordinates: [square(0, 0, 1)] }),
        feature('1.0', { type: 'Polygon', coordinates: [square(2, 0, 1)] }),
      ),
      /twice/,
    ],
  ])('should refuse %s with a clear message', (_, geojson, message) => {
    expect(() => buildBoundarySet('t', geojson)).toThrow(BoundarySetError);
    expect(() => buildBoundarySet('t', geojson)).toThrow(message);
  });
});

describe('normaliseAreaCode', () => {
  it.each([
    [10101, '10101'],
    [10101.0, '10101'],
    ['10101.0', '10101'],
    [' 11319 ', '11319'],
    ['abc', undefined],
    [10101.5, undefined],
    [null, undefined],
  ])('should read %j as %j', (raw, code) => {
    expect(normaliseAreaCode(raw)).toBe(code);
  });
});

describe('coarseCell', () => {
  it('should keep only the 0.005° cell, not the point', () => {
    expect(coarseCell({ lat: 55.591312, lon: 13.008145 })).toBe('55.590,13.005');
    expect(coarseCell({ lat: 55.5949, lon: 13.0099 })).toBe('55.590,13.005');
  });

  it('should put a point exactly on a grid line in the cell to its north-east', () => {
    expect(coarseCell({ lat: 55.595, lon: 13.01 })).toBe('55.595,13.010');
  });

  it('should work west of Greenwich and south of the equator', () => {
    expect(coarseCell({ lat: -33.8688, lon: -0.0001 })).toBe('-33.870,-0.005');
  });
});
