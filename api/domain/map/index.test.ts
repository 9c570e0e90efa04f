import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import pointInPolygon from 'point-in-polygon-hao';
import { describe, expect, it } from 'vitest';
import { MALMO_GEOJSON } from '../../seed/index.ts';
import { simplifyShared } from './arcs.ts';
import { AreaMapError, buildAreaMap, pathData } from './index.ts';
import { poleOfInaccessibility } from './label.ts';

type XY = [number, number];

/** The absolute rings of SVG path data as {@link pathData} writes it (m, implicit l, z). */
function decode(d: string): XY[][] {
  const rings: XY[][] = [];
  let start: XY = [0, 0];
  for (const sub of d.split('z').filter(Boolean)) {
    const nums = (sub.slice(1).match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    let x = start[0] + (nums[0] ?? 0);
    let y = start[1] + (nums[1] ?? 0);
    const ring: XY[] = [[x, y]];
    for (let i = 2; i < nums.length; i += 2) {
      x += nums[i] ?? 0;
      y += nums[i + 1] ?? 0;
      ring.push([x, y]);
    }
    start = ring[0] as XY;
    rings.push(ring);
  }
  return rings;
}

/** Sum of the lengths of edges that belong to one ring only: the outline of the whole set. */
function unsharedLength(rings: XY[][]): number {
  const count = new Map<string, number>();
  const length = new Map<string, number>();
  for (const ring of rings) {
    ring.forEach((a, i) => {
      const b = ring[(i + 1) % ring.length] as XY;
      const key = [a.join(), b.join()].sort().join('|');
      count.set(key, (count.get(key) ?? 0) + 1);
      length.set(key, Math.hypot(b[0] - a[0], b[1] - a[1]));
    });
  }
  let sum = 0;
  for (const [key, n] of count) if (n === 1) sum += length.get(key) ?? 0;
  return sum;
}

const closed = (ring: XY[]) => [...ring, ring[0] as XY];
/** Point in polygon (rings as decoded: not closed); true inside, 0 on an edge, false outside. */
const inside = (point: readonly number[], rings: XY[][]) => pointInPolygon([...point], rings.map(closed));
const feature = (code: string, coordinates: unknown, type = 'Polygon') => ({
  type: 'Feature',
  properties: { do_kod: code },
  geometry: { type, coordinates },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe("the map of Malmö's delområden", () => {
  const geojson = JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8'));
  const map = buildAreaMap(geojson);
  const body = JSON.stringify({ boundaryVersion: 'malmo-delomraden-v1', ...map });

  it('should have a path for each of the 136 areas, sorted by code, inside the viewBox', () => {
    expect(map.areas).toHaveLength(136);
    const codes = map.areas.map((a) => a.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toContain('11319');
    const [x0, y0, width, height] = map.viewBox;
    for (const area of map.areas) {
      const points = decode(area.d).flat();
      expect(points.length, area.code).toBeGreaterThanOrEqual(3);
      for (const [x, y] of points) {
        expect(x >= x0 && x <= x0 + width && y >= y0 && y <= y0 + height, `${area.code} ${x},${y}`).toBe(
          true,
        );
      }
    }
    // Whole metres of SWEREF 99 13 30: Malmö is about 17 km by 16 km.
    expect(width).toBeGreaterThan(16_000);
    expect(width).toBeLessThan(18_500);
    expect(height).toBeGreaterThan(15_000);
    expect(height).toBeLessThan(17_000);
  });

  it('should put every label point inside its own area', () => {
    for (const area of map.areas) {
      const rings = decode(area.d);
      expect(inside(area.label, rings), area.code).toBe(true);
    }
  });

  it('should keep shared borders shared: no gaps or slivers between neighbours', () => {
    // Every interior border is drawn by both neighbours on the same points, so the only edges
    // that belong to one area are the city's outline, as in the original (projected) data.
    const all = map.areas.flatMap((a) => decode(a.d));
    const original = buildAreaMap(geojson, { toleranceMetres: 0 }).areas.flatMap((a) => decode(a.d));
    const outline = unsharedLength(original);
    expect(outline).toBeGreaterThan(40_000);
    expect(unsharedLength(all)).toBeGreaterThan(outline * 0.97);
    expect(unsharedLength(all)).toBeLessThan(outline * 1.0);
  });

  it('should be small: under 40 KB gzip (and simplified, not the 24,000 input vertices)', () => {
    const vertices = map.areas.reduce((n, a) => n + decode(a.d).flat().length, 0);
    expect(vertices).toBeLessThan(6_000);
    expect(vertices).toBeGreaterThan(2_000);
    expect(body.length).toBeLessThan(60_000);
    expect(gzipSync(body).length).toBeLessThan(40_000);
  });

  it('should give the same bytes for the same input', () => {
    expect(JSON.stringify(buildAreaMap(JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8'))))).toBe(
      JSON.stringify(map),
    );
  });
});

describe('simplifying with shared borders', () => {
  // Two areas side by side whose shared border zigzags by 1 m; the left one is walked
  // clockwise, the right one anticlockwise, and they start at different points.
  const zigzag: XY[] = Array.from({ length: 41 }, (_, i) => [100 + (i % 2), i * 5]);
  const left: XY[] = [[0, 0], ...zigzag, [0, 200]];
  const right: XY[] = [[200, 0], [200, 200], ...[...zigzag].reverse()];

  it('should simplify a shared border once, the same way for both neighbours', () => {
    const [a = [], b = []] = simplifyShared([closed(left), closed(right)], (p) => [p[0] ?? 0, p[1] ?? 0], 2);
    const onBorder = (ring: XY[]) => ring.filter(([x]) => x > 50 && x < 150).map((p) => p.join());
    expect(onBorder(a).length).toBeLessThan(zigzag.length);
    expect(onBorder(a).sort()).toEqual(onBorder(b).sort());
  });

  it('should draw no gap between the two, at any tolerance', () => {
    for (const tolerance of [0, 2, 5, 50]) {
      const rings = simplifyShared([closed(left), closed(right)], (p) => [p[0] ?? 0, p[1] ?? 0], tolerance);
      // The outline of the pair is the 200 × 200 square: 800 m, whatever happened inside.
      expect(unsharedLength(rings as XY[][]), `tolerance ${tolerance}`).toBeCloseTo(800, 6);
    }
  });

  it('should keep an enclave and the hole around it identical', () => {
    const outer: XY[] = [
      [0, 0],
      [100, 0],
      [100, 100],
      [0, 100],
    ];
    const island: XY[] = Array.from({ length: 36 }, (_, i) => [
      50 + 20 * Math.cos((i * Math.PI) / 18),
      50 + 20 * Math.sin((i * Math.PI) / 18),
    ]);
    const [, hole = [], enclave = []] = simplifyShared(
      [closed(outer), closed([...island].reverse()), closed(island)],
      (p) => [p[0] ?? 0, p[1] ?? 0],
      1,
    );
    expect(hole.length).toBeLessThan(island.length);
    expect(hole.map((p) => p.join()).sort()).toEqual(enclave.map((p) => p.join()).sort());
  });
});

describe('buildAreaMap on synthetic sets', () => {
  // Around Malmö (lon, lat); 0.01° is ~630 m east–west and ~1.1 km north–south here.
  const square = (lon: number, lat: number, size: number): number[][] =>
    closed([
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
    ]) as number[][];

  it('should draw multipolygons and holes as subpaths, with the label in the largest part', () => {
    const map = buildAreaMap(
      collection(
        feature(
          '10002',
          [[square(13, 55.6, 0.002)], [square(13.02, 55.6, 0.01), square(13.024, 55.604, 0.002)]],
          'MultiPolygon',
        ),
        feature('10001', [square(13.024, 55.604, 0.002)]),
      ),
    );
    expect(map.areas.map((a) => a.code)).toEqual(['10001', '10002']);
    const [enclave, multi] = map.areas;
    expect(decode(multi?.d ?? '')).toHaveLength(3);
    // The label is in the big square, outside its hole (where the enclave is).
    const big = decode(multi?.d ?? '').slice(1);
    expect(inside(multi?.label ?? [0, 0], big)).toBe(true);
    expect(inside(multi?.label ?? [0, 0], decode(enclave?.d ?? ''))).toBe(false);
  });

  it('should read codes written as 10101.0 and refuse features without a code or geometry', () => {
    expect(buildAreaMap(collection(feature('10101.0', [square(13, 55.6, 0.01)]))).areas[0]?.code).toBe(
      '10101',
    );
    expect(() => buildAreaMap({ type: 'Feature' })).toThrow(AreaMapError);
    expect(() => buildAreaMap(collection(feature('x', [square(13, 55.6, 0.01)])))).toThrow(/no area code/);
    expect(() => buildAreaMap(collection(feature('10101', [[[13, 55.6]]])))).toThrow(/Polygon/);
  });
});

describe('pathData', () => {
  it('should write relative moves and lines, with minus signs as separators and no repeated points', () => {
    const d = pathData([
      [
        [
          [10, 10],
          [20, 10],
          [20, 10],
          [20, 5],
        ],
      ],
      [
        [
          [30, 30],
          [31, 31],
          [30, 31],
        ],
      ],
    ]);
    expect(d).toBe('m10 10 10 0 0-5zm20 20 1 1-1 0z');
    expect(decode(d)).toEqual([
      [
        [10, 10],
        [20, 10],
        [20, 5],
      ],
      [
        [30, 30],
        [31, 31],
        [30, 31],
      ],
    ]);
  });
});

describe('poleOfInaccessibility', () => {
  it('should find the inside of an L shape, where the centroid would be outside', () => {
    const l: XY[] = [
      [0, 0],
      [100, 0],
      [100, 10],
      [10, 10],
      [10, 100],
      [0, 100],
    ];
    const [x, y] = poleOfInaccessibility([l], 0.5);
    expect(inside([x, y], [l])).toBe(true);
    expect(Math.min(x, y)).toBeGreaterThan(3);
    expect(Math.min(x, y)).toBeLessThan(7);
  });
});
