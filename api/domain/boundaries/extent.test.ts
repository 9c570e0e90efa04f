/**
 * Imports checked against Malmö's known extent on an empty database (no active set to compare
 * with): a file in the wrong zone, with its axes exchanged or reaching outside the city is
 * refused with its own reason; the official EPSG:3008 file is accepted, rewound and named.
 */
import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { MALMO_GEOJSON } from '../../seed/index.ts';
import { MALMO_EXTENT, MALMO_EXTENT_JSON, parseExtent, placeInExtent } from './extent.ts';
import { type ImportResult, importBoundarySet } from './index.ts';

const EPSG3008_FILE = new URL('../../data/malmo/malmo_delomraden_epsg3008.geojson', import.meta.url);

interface Collection {
  type: 'FeatureCollection';
  crs?: unknown;
  features: {
    type: 'Feature';
    properties: Record<string, unknown>;
    geometry: { type: string; coordinates: number[][][] };
  }[];
}
const wgs84 = () => JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8')) as Collection;
const epsg3008 = () => JSON.parse(readFileSync(EPSG3008_FILE, 'utf8')) as Collection;
const named = (code: string) => ({ type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${code}` } });

// The zones' definitions written out here, not taken from crs.ts: the test converts on its own.
const ZONES: Record<string, string> = {
  3006: '+proj=utm +zone=33 +ellps=GRS80 +units=m +no_defs',
  3007: '+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
  3008: '+proj=tmerc +lat_0=0 +lon_0=13.5 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
  3009: '+proj=tmerc +lat_0=0 +lon_0=15 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
};

/** Every position of `fc` mapped by `f` (a copy). */
function mapPositions(fc: Collection, f: (p: number[]) => number[]): Collection {
  const copy = structuredClone(fc);
  for (const feature of copy.features)
    feature.geometry.coordinates = feature.geometry.coordinates.map((ring) => ring.map(f));
  return copy;
}

/** Malmö's WGS84 file converted to SWEREF 99 `zone`, with or without a crs member. */
function inZone(zone: string, crs?: unknown): Collection {
  const to = proj4('EPSG:4326', ZONES[zone] as string);
  const { crs: _, ...fc } = mapPositions(wgs84(), (p) => to.forward([p[0] as number, p[1] as number]));
  return crs === undefined ? fc : { ...fc, crs };
}

/** x and y exchanged in every position. */
const swapped = (fc: Collection) => mapPositions(fc, ([x = 0, y = 0]) => [y, x]);

function refusal(result: ImportResult) {
  if (result.ok) throw new Error('expected the import to be refused');
  return {
    kinds: [...new Set(result.issues.map((i) => i.kind))],
    text: result.issues.map((i) => i.message).join('\n'),
  };
}

/** Twice the signed area by the trapezoid rule (Σ (x2 − x1)(y2 + y1)): negative is counter-clockwise. */
function trapezoidSum(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] as number[];
    const [x2 = 0, y2 = 0] = ring[i + 1] as number[];
    sum += (x2 - x1) * (y2 + y1);
  }
  return sum;
}

describe("Malmö's extent as shipped", () => {
  it('should be the bounding box of the 136 delområden in every system, within 1 m', () => {
    const positions = wgs84().features.flatMap((f) => f.geometry.coordinates.flat());
    const boxOf = (ps: number[][]) =>
      ps.reduce(
        (b, [x = 0, y = 0]) => [
          Math.min(b[0] as number, x),
          Math.min(b[1] as number, y),
          Math.max(b[2] as number, x),
          Math.max(b[3] as number, y),
        ],
        [Infinity, Infinity, -Infinity, -Infinity],
      );
    expect(MALMO_EXTENT.marginM).toBe(10_000);
    for (const zone of Object.keys(ZONES)) {
      const to = proj4('EPSG:4326', ZONES[zone] as string);
      const box = boxOf(positions.map((p) => to.forward([p[0] as number, p[1] as number])));
      const shipped = MALMO_EXTENT.boxes[`EPSG:${zone}` as keyof typeof MALMO_EXTENT.boxes];
      shipped.forEach((n, i) => {
        expect(Math.abs(n - (box[i] as number)), `EPSG:${zone} [${i}]`).toBeLessThanOrEqual(1);
      });
    }
    const degrees = boxOf(positions);
    MALMO_EXTENT.boxes['EPSG:4326'].forEach((n, i) => {
      expect(Math.abs(n - (degrees[i] as number))).toBeLessThan(1e-4);
    });
  });

  it('should refuse an extent file without a usable box', () => {
    const raw = JSON.parse(readFileSync(MALMO_EXTENT_JSON, 'utf8'));
    raw.boxes['EPSG:3007'] = [2, 1, 1, 2];
    expect(() => parseExtent(JSON.stringify(raw))).toThrow(/no usable box for EPSG:3007/);
  });

  it.each([
    [[12.9, 55.55, 13.1, 55.6], { crs: 'EPSG:4326', swapped: false }],
    [[55.55, 12.9, 55.6, 13.1], { crs: 'EPSG:4326', swapped: true }],
    [[115_000, 6_155_000, 125_000, 6_165_000], { crs: 'EPSG:3008', swapped: false }],
    [[6_155_000, 115_000, 6_165_000, 125_000], { crs: 'EPSG:3008', swapped: true }],
    [[210_000, 6_155_000, 220_000, 6_165_000], { crs: 'EPSG:3007', swapped: false }],
    [[370_000, 6_155_000, 380_000, 6_165_000], { crs: 'EPSG:3006', swapped: false }],
    [[20_000, 6_160_000, 30_000, 6_165_000], { crs: 'EPSG:3009', swapped: false }],
    // Stockholm in SWEREF 99 TM: in no system Malmö.
    [[670_000, 6_570_000, 680_000, 6_590_000], undefined],
  ] as const)('should place the box %j in the city as %j', (box, expected) => {
    expect(placeInExtent(box)).toEqual(expected);
  });
});

describe('importing on an empty database: refusals by the extent', () => {
  it.each([
    [
      'in EPSG:3007, no crs member (guessed as 3008)',
      () => inZone('3007'),
      /guessed from the coordinate ranges: SWEREF 99 13 30 \(EPSG:3008\)\), reaching about 95 km outside Malmö/,
      'EPSG:3007',
    ],
    [
      'in EPSG:3007, declared as 3008',
      () => inZone('3007', named('3008')),
      /lie in Malmö in SWEREF 99 12 00 \(EPSG:3007\), not in the system the file is read in \(as the crs member says: SWEREF 99 13 30 \(EPSG:3008\)\), reaching about 95 km/,
      'EPSG:3007',
    ],
    [
      'in EPSG:3009, no crs member (guessed as 3008)',
      () => inZone('3009'),
      /lie in Malmö in SWEREF 99 15 00 \(EPSG:3009\).*reaching about 9\d km/,
      'EPSG:3009',
    ],
    [
      'in EPSG:3006, declared as 3008',
      () => inZone('3006', named('3008')),
      /lie in Malmö in SWEREF 99 TM \(EPSG:3006\), not in the system.*crs member says: SWEREF 99 13 30/,
      'EPSG:3006',
    ],
    [
      'in EPSG:3008, declared as 3006',
      () => ({ ...epsg3008(), crs: named('3006') }),
      /lie in Malmö in SWEREF 99 13 30 \(EPSG:3008\), not in.*SWEREF 99 TM \(EPSG:3006\)/,
      'EPSG:3008',
    ],
    [
      'in WGS84, declared as 3008',
      () => ({ ...wgs84(), crs: named('3008') }),
      /lie in Malmö in WGS84 \(EPSG:4326, longitude\/latitude\), not in/,
      'EPSG:4326',
    ],
  ])('should refuse a file %s as in the wrong zone', (_, make, message, real) => {
    const { kinds, text } = refusal(importBoundarySet(make()));
    expect(kinds).toEqual(['wrong-zone']);
    expect(text).toMatch(message);
    expect(text).toContain(`ogr2ogr -s_srs ${real} -t_srs EPSG:3006`);
  });

  it('should keep the unsupported-zone refusal for a file in EPSG:3007 that says so', () => {
    const { kinds, text } = refusal(importBoundarySet(inZone('3007', named('3007'))));
    expect(kinds).toEqual(['crs']);
    expect(text).toMatch(/EPSG:3007 is a SWEREF 99 local zone other than 13 30: not supported/);
  });

  it.each([
    [
      'the official EPSG:3008 file, crs member kept',
      () => swapped(epsg3008()),
      /northing is written before the easting/,
    ],
    [
      'the official EPSG:3008 file, no crs member',
      () => {
        const { crs: _, ...fc } = swapped(epsg3008());
        return fc;
      },
      /northing is written before the easting/,
    ],
    [
      'the WGS84 file (latitude first)',
      () => swapped(wgs84()),
      /latitude is written before longitude; RFC 7946 wants \[longitude, latitude\]/,
    ],
  ])('should refuse %s with x and y exchanged as swapped axes', (_, make, message) => {
    const { kinds, text } = refusal(importBoundarySet(make()));
    expect(kinds).toEqual(['swapped-axes']);
    expect(text).toMatch(/lie in Malmö only with x and y exchanged/);
    expect(text).toMatch(message);
  });

  it('should name a single feature with its axes exchanged, and say so', () => {
    const fc = wgs84();
    const feature = fc.features[12] as Collection['features'][number];
    feature.geometry.coordinates = feature.geometry.coordinates.map((ring) =>
      ring.map(([x = 0, y = 0]) => [y, x]),
    );
    const { kinds, text } = refusal(importBoundarySet(fc));
    expect(kinds).toEqual(['outside-city']);
    expect(text).toMatch(
      /^feature 12 \(code \d+\): reaches \d+\.\d km outside Malmö .*with x and y exchanged it would lie in the city/,
    );
    expect(text.split('\n')).toHaveLength(1);
  });

  it('should refuse one feature reaching outside the city, naming it, as the only problem', () => {
    const fc = epsg3008();
    const feature = fc.features[40] as Collection['features'][number];
    // 15 km north: beyond Lund's southern edge, past the 10 km margin.
    feature.geometry.coordinates = feature.geometry.coordinates.map((ring) =>
      ring.map(([x = 0, y = 0]) => [x, y + 15_000]),
    );
    const result = importBoundarySet(fc);
    const { kinds, text } = refusal(result);
    expect(kinds).toEqual(['outside-city']);
    expect(text).toMatch(
      /^feature 40 \(code \d+\): reaches 1\d\.\d km outside Malmö \(its known extent, api\/data\/malmo\/malmo_extent\.json; limit 10 km\)$/,
    );
    expect((result as { issues: { feature?: number }[] }).issues.map((i) => i.feature)).toEqual([40]);
  });

  it('should accept a feature within the margin (5 km into the Sound)', () => {
    const fc = wgs84();
    const { features } = fc;
    features.push({
      type: 'Feature',
      properties: { do_kod: 10199, namn: 'Ön' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [12.8, 55.6],
            [12.81, 55.6],
            [12.81, 55.605],
            [12.8, 55.605],
            [12.8, 55.6],
          ],
        ],
      },
    });
    expect(importBoundarySet(fc).ok).toBe(true);
  });

  it('should refuse a whole file somewhere else (Stockholm) as outside the city, feature by feature', () => {
    const { kinds, text } = refusal(
      importBoundarySet(
        mapPositions(inZone('3006', named('3006')), ([x = 0, y = 0]) => [x + 300_000, y + 420_000]),
      ),
    );
    expect(kinds).toEqual(['outside-city']);
    expect(text.split('\n')).toHaveLength(136);
    expect(text).toMatch(/^feature 0 \(code 10101\): reaches \d{3}\.\d km outside Malmö/);
  });
});

describe('importing the official EPSG:3008 file on an empty database', () => {
  const result = importBoundarySet(epsg3008());

  it('should accept it', () => {
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.crs).toEqual({ crs: 'EPSG:3008', from: 'crs member' });
    expect(result.areas).toHaveLength(136);
  });

  it('should turn its clockwise rings counter-clockwise (RFC 7946), checked by the trapezoid rule', () => {
    // The file as shipped: every outer ring clockwise (so the check below can tell).
    const before = epsg3008().features.map((f) => trapezoidSum(f.geometry.coordinates[0] as number[][]));
    expect(before.every((s) => s > 0)).toBe(true);
    if (!result.ok) throw new Error('refused');
    const rings = (result.geojson.features as Collection['features']).flatMap((f) =>
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates]
        : (f.geometry.coordinates as unknown as number[][][][]),
    );
    expect(rings).toHaveLength(136);
    for (const polygon of rings)
      polygon.forEach((ring, i) => {
        expect(Math.sign(trapezoidSum(ring)), `ring ${i}`).toBe(i === 0 ? -1 : 1);
      });
  });

  it("should name its areas from Malmö's lookup table, which only a new area takes", () => {
    if (!result.ok) throw new Error('refused');
    expect(result.hasNames).toBe(false);
    expect(result.areas.find((a) => a.code === '11319')).toEqual({
      code: '11319',
      fallbackName: 'Södra Sofielund',
      fallbackDistrict: 'Innerstaden',
    });
    expect(
      result.areas.every((a) => a.name === undefined && a.fallbackName && a.fallbackName !== a.code),
    ).toBe(true);
  });
});
