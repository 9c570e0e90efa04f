import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MALMO_GEOJSON } from '../../seed/index.ts';
import { buildBoundarySet } from '../tagging/index.ts';
import { type ImportIssueKind, importBoundarySet, type ImportResult, RESHAPE_TOLERANCE_M2 } from './index.ts';

const EPSG3008_FILE = new URL('../../data/malmo/malmo_delomraden_epsg3008.geojson', import.meta.url);
const wgs84Text = readFileSync(MALMO_GEOJSON, 'utf8');
const epsg3008Text = readFileSync(EPSG3008_FILE, 'utf8');
const malmo = { version: 'malmo-v1', geojson: JSON.parse(wgs84Text) as { features: Feature[] } };

interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown } | null;
}

/** A square in SWEREF 99 TM metres, in Malmö (Möllevången is near 374 000, 6 163 000). */
const square = (x: number, y: number, size = 1000) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const polygonFeature = (code: unknown, ring: number[][], extra: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties: { do_kod: code, ...extra },
  geometry: { type: 'Polygon', coordinates: [ring] },
});
const tm = (...features: Feature[]) => ({
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } },
  features,
});
/** Three neighbouring squares: a valid file to break in one way at a time. */
const neighbours = () => [
  polygonFeature(1, square(374_000, 6_163_000)),
  polygonFeature(2, square(375_000, 6_163_000)),
  polygonFeature(3, square(374_000, 6_164_000)),
];

/** Great-circle distance in metres between two [lon, lat] positions. */
function haversine([lon1 = 0, lat1 = 0]: number[], [lon2 = 0, lat2 = 0]: number[]): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

function issuesOf(result: ImportResult) {
  if (result.ok) throw new Error('expected the import to fail');
  return result.issues;
}

describe('importing the real Malmö files', () => {
  it('should import the WGS84 file: 136 areas with display names, CRS from the coordinate ranges', () => {
    const result = importBoundarySet(wgs84Text);
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.crs).toEqual({ crs: 'EPSG:4326', from: 'coordinate ranges' });
    expect(result.areas).toHaveLength(136);
    expect(result.hasNames).toBe(true);
    expect(result.areas.find((a) => a.code === '11319')).toEqual({
      code: '11319',
      name: 'Södra Sofielund',
      district: 'Innerstaden',
    });
    expect(result.preview).toMatchObject({ against: null, removed: [], reshaped: [], unchanged: 0 });
    expect(result.preview.added).toHaveLength(136);
  });

  it('should import the EPSG:3008 file: no display names, and no change against the WGS84 set', () => {
    const result = importBoundarySet(epsg3008Text, { active: malmo });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.crs).toEqual({ crs: 'EPSG:3008', from: 'crs member' });
    // Only upper-case official labels (VÄSTRA HAMNEN): not display names.
    expect(result.hasNames).toBe(false);
    expect(result.areas.every((a) => a.name === undefined)).toBe(true);
    expect(result.preview).toEqual({
      against: 'malmo-v1',
      added: [],
      removed: [],
      reshaped: [],
      unchanged: 136,
    });
  });

  it('should convert the EPSG:3008 file to within 1 m of the WGS84 file, vertex by vertex', () => {
    const result = importBoundarySet(epsg3008Text);
    if (!result.ok) throw new Error('import failed');
    const reference = new Map(malmo.geojson.features.map((f) => [String(f.properties.do_kod), f]));
    let vertices = 0;
    let worst = 0;
    for (const feature of result.geojson.features as Feature[]) {
      const ring = (feature.geometry as { coordinates: number[][][] }).coordinates[0] as number[][];
      const twin = reference.get(String(feature.properties.do_kod)) as Feature;
      const other = (twin.geometry as { coordinates: number[][][] }).coordinates[0];
      expect(other?.length, `vertices of ${feature.properties.do_kod}`).toBe(ring.length);
      // The WGS84 file follows RFC 7946's counter-clockwise outer rings: the same ring reversed.
      const aligned =
        haversine(ring[1] as number[], other?.[1] as number[]) < 1 ? other : [...(other ?? [])].reverse();
      ring.forEach((p, i) => {
        worst = Math.max(worst, haversine(p, aligned?.[i] as number[]));
        vertices += 1;
      });
    }
    expect(vertices).toBeGreaterThan(24_000);
    expect(worst).toBeLessThan(1);
  });

  it('should tell SWEREF 99 13 30 from its coordinate ranges when the crs member is missing', () => {
    const { crs: _, ...bare } = JSON.parse(epsg3008Text) as Record<string, unknown>;
    const result = importBoundarySet(bare);
    expect(result.ok && result.crs).toEqual({ crs: 'EPSG:3008', from: 'coordinate ranges' });
  });

  it('should store codes normalised ("10101.0" → "10101") under do_kod, ready for tagging', () => {
    const result = importBoundarySet(epsg3008Text);
    if (!result.ok) throw new Error('import failed');
    const set = buildBoundarySet('v2', result.geojson);
    expect(set.codes).toHaveLength(136);
    expect(set.locate({ lat: 55.5857, lon: 13.0129 })).toBe('11319');
  });

  it('should read codes and names from the properties it is told to use', () => {
    const features = [
      polygonFeature(undefined, square(374_000, 6_163_000), { kod: '10101.0', label: 'Hamnen' }),
    ];
    const result = importBoundarySet(tm(...features), { codeProperty: 'kod', nameProperty: 'label' });
    // The file names no stadsområde: the lookup's is kept for the area, should it be new.
    expect(result.ok && result.areas).toEqual([{ code: '10101', name: 'Hamnen', fallbackDistrict: 'Norr' }]);
  });
});

describe('refusing broken files, each with its own message', () => {
  const cases: [string, unknown, ImportIssueKind, RegExp][] = [
    ['not JSON', '{"type": "FeatureCollection", ', 'not-geojson', /not JSON/],
    ['not a FeatureCollection', { type: 'Feature' }, 'not-geojson', /not a GeoJSON FeatureCollection/],
    ['no features', tm(), 'empty', /no features/],
    [
      'a point geometry',
      tm(...neighbours(), {
        ...polygonFeature(4, []),
        geometry: { type: 'Point', coordinates: [374_500, 6_165_500] },
      }),
      'geometry-type',
      /feature 3 \(code 4\): has a Point; only Polygon and MultiPolygon/,
    ],
    ['no geometry', tm({ ...polygonFeature(4, []), geometry: null }), 'geometry-type', /has no geometry/],
    [
      'an unclosed ring',
      tm(polygonFeature(1, square(374_000, 6_163_000).slice(0, 4))),
      'ring-unclosed',
      /feature 0 \(code 1\), ring 0 \(outer\): is not closed: it starts at \[374000, 6163000\] and ends at \[374000, 6164000\]/,
    ],
    [
      'a ring of three positions',
      tm(polygonFeature(1, square(374_000, 6_163_000).slice(0, 3))),
      'ring-degenerate',
      /has 3 positions; a ring needs at least 4/,
    ],
    [
      'a ring with no area',
      tm(
        ...neighbours(),
        polygonFeature(9, [
          [374_000, 6_165_000],
          [374_500, 6_165_000],
          [375_000, 6_165_000],
          [374_000, 6_165_000],
        ]),
      ),
      'ring-degenerate',
      /feature 3 \(code 9\), polygon 0, ring 0: has zero area/,
    ],
    [
      'a ring that touches itself',
      tm(
        polygonFeature(1, [
          [374_000, 6_163_000],
          [374_200, 6_163_000],
          [374_100, 6_163_100],
          [374_200, 6_163_200],
          [374_000, 6_163_200],
          [374_100, 6_163_100],
          [374_000, 6_163_000],
        ]),
      ),
      'ring-degenerate',
      /touches itself: position 5 \[374100, 6163100\] repeats position 2/,
    ],
    [
      'a position that is not numbers',
      tm(polygonFeature(1, [[374_000, 'x'] as unknown as number[], ...square(374_000, 6_163_000)])),
      'position-invalid',
      /position 0: \[374000,"x"\] is not a pair of numbers/,
    ],
    [
      'a code used twice',
      tm(...neighbours(), polygonFeature('2.0', square(376_000, 6_163_000))),
      'code-duplicate',
      /feature 3 \(code 2\): area code 2 is already used by feature 1/,
    ],
    [
      'a feature without a code',
      tm(...neighbours(), polygonFeature('Hyllie', square(376_000, 6_163_000))),
      'code-missing',
      /feature 3: no area code in property "do_kod" \("Hyllie"/,
    ],
    [
      'a feature far outside the city',
      tm(...neighbours(), polygonFeature(4, square(374_000, 6_190_000))),
      'outside-city',
      /feature 3 \(code 4\): reaches 22\.9 km outside Malmö \(its known extent, api\/data\/malmo\/malmo_extent\.json; limit 10 km\)/,
    ],
    [
      'two features overlapping by 100 m²',
      tm(...neighbours(), polygonFeature(4, square(373_510, 6_162_510, 500))),
      'overlap',
      /features 0 \(code 1\) and 3 \(code 4\) overlap by 100 m² \(tolerance 50 m²\)/,
    ],
  ];

  it.each(cases)('should refuse %s', (_, file, kind, message) => {
    const issues = issuesOf(importBoundarySet(file));
    expect(issues.map((i) => i.kind)).toContain(kind);
    expect(issues.map((i) => i.message).join('\n')).toMatch(message);
  });

  it('should refuse a feature more than 10 km outside the city, with or without an active set', () => {
    for (const options of [{ active: malmo }, {}]) {
      const issues = issuesOf(importBoundarySet(tm(polygonFeature(1, square(420_000, 6_163_000))), options));
      expect(issues.map((i) => i.message)).toEqual([
        'feature 0 (code 1): reaches 37.5 km outside Malmö (its known extent, api/data/malmo/malmo_extent.json; limit 10 km)',
      ]);
    }
  });

  it('should accept slivers under the tolerance: two squares overlapping by 25 m²', () => {
    const result = importBoundarySet(tm(...neighbours(), polygonFeature(4, square(373_505, 6_162_505, 500))));
    expect(result.ok).toBe(true);
  });

  it('should report every problem at once, not only the first', () => {
    const file = tm(
      polygonFeature(1, square(374_000, 6_163_000).slice(0, 4)),
      polygonFeature(1, square(375_000, 6_163_000)),
      polygonFeature(null, square(376_000, 6_163_000)),
    );
    expect(issuesOf(importBoundarySet(file)).map((i) => i.kind)).toEqual([
      'ring-unclosed',
      'code-duplicate',
      'code-missing',
    ]);
  });
});

describe('the preview against the active set', () => {
  it('should list added, removed and reshaped codes, and count the unchanged ones', () => {
    const next = structuredClone(malmo.geojson);
    // Drop Västra Hamnen, add a new code in its place, and shrink Södra Sofielund to a block
    // around Sevedsplan.
    const removed = next.features.shift() as Feature;
    next.features.push({ ...removed, properties: { ...removed.properties, do_kod: 10199 } });
    const sofielund = next.features.find((f) => f.properties.do_kod === 11319) as Feature;
    sofielund.geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [13.0125, 55.5855],
          [13.0133, 55.5855],
          [13.0133, 55.5859],
          [13.0125, 55.5859],
          [13.0125, 55.5855],
        ],
      ],
    };
    const result = importBoundarySet(next, { active: malmo });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.preview.added).toEqual(['10199']);
    expect(result.preview.removed).toEqual(['10101']);
    expect(result.preview.reshaped.map((r) => r.code)).toEqual(['11319']);
    expect(result.preview.reshaped[0]?.changedM2).toBeGreaterThan(RESHAPE_TOLERANCE_M2);
    expect(result.preview.unchanged).toBe(134);
  });
});
