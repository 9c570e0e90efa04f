import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import pointInPolygon from 'point-in-polygon-hao';
import { describe, expect, it } from 'vitest';
import { MALMO_GEOJSON } from '../../seed/index.ts';
import { buildBoundarySet, normaliseAreaCode } from './index.ts';

type Polygon = number[][][];
const geojson = JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8')) as {
  features: { properties: { do_kod: unknown }; geometry: { type: string; coordinates: unknown } }[];
};
const areas = geojson.features
  .map((f) => ({
    code: normaliseAreaCode(f.properties.do_kod) as string,
    polygons:
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates as Polygon]
        : (f.geometry.coordinates as Polygon[]),
  }))
  .sort((a, b) => (a.code < b.code ? -1 : 1));

/** The slow, obvious answer: hao against every polygon; inside beats on-border; lowest code wins. */
function naive(lon: number, lat: number): string | undefined {
  let border: string | undefined;
  for (const { code, polygons } of areas) {
    for (const polygon of polygons) {
      const hit = pointInPolygon([lon, lat], polygon);
      if (hit === true) return code;
      if (hit === 0) border ??= code;
    }
  }
  return border;
}

describe('the optimised point lookup (answer grid, flatbush, flat polygons)', () => {
  const withGrid = buildBoundarySet('v', geojson);
  const withoutGrid = buildBoundarySet('v', geojson, 'do_kod', { grid: 0 });
  const vertices = areas.flatMap((a) => a.polygons.flatMap((p) => p.flat()));

  it('should answer exactly like testing every polygon, at random points in and around the city', () => {
    const point = fc.record({
      lon: fc.double({ min: 12.87, max: 13.17, noNaN: true }),
      lat: fc.double({ min: 55.49, max: 55.66, noNaN: true }),
    });
    fc.assert(
      fc.property(point, ({ lon, lat }) => {
        const expected = naive(lon, lat);
        expect(withGrid.locate({ lon, lat })).toBe(expected);
        expect(withoutGrid.locate({ lon, lat })).toBe(expected);
      }),
      { numRuns: 3_000 },
    );
  });

  it('should answer exactly like testing every polygon on borders: vertices and edge midpoints', () => {
    for (let i = 0; i < vertices.length; i += 7) {
      const [x1 = 0, y1 = 0] = vertices[i] ?? [];
      const [x2 = 0, y2 = 0] = vertices[i + 1] ?? [];
      for (const [lon, lat] of [
        [x1, y1],
        [(x1 + x2) / 2, (y1 + y2) / 2],
      ] as const) {
        expect(withGrid.locate({ lon, lat }), `${lon},${lat}`).toBe(naive(lon, lat));
      }
    }
  });
});
