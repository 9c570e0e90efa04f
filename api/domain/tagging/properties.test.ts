/**
 * Property tests of point tagging on Malmö's real 136 delområden, against the plain
 * point-in-polygon test of every polygon as the oracle. Bounded runs; the seed is printed,
 * and TAGGING_SEED=<seed> replays a run.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import pointInPolygon from 'point-in-polygon-hao';
import { describe, expect, it } from 'vitest';
import { MALMO_GEOJSON } from '../../seed/index.ts';
import { buildBoundarySet, placePoint, tagSubmission } from './index.ts';

const SEED = process.env.TAGGING_SEED
  ? Number(process.env.TAGGING_SEED)
  : Math.floor(Math.random() * 2 ** 31);
console.info(`tagging properties: fast-check seed ${SEED} (replay with TAGGING_SEED=${SEED})`);
/** Random points per area, and points outside and on borders. */
const RUNS_PER_AREA = 25;
const RUNS = 1_500;

interface Feature {
  type: 'Feature';
  properties: { do_kod: number };
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}
const geojson = JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8')) as { features: Feature[] };
const features = geojson.features;
const codeOf = (f: Feature) => String(f.properties.do_kod);
const malmo = buildBoundarySet('v1', geojson);
// The same areas in the opposite order: answers must not depend on the order of the file.
const reversed = buildBoundarySet('v1', { ...geojson, features: [...features].reverse() });

/** The oracle: every area whose polygon holds the point (true) or has it on an edge (0). */
function oracle(lon: number, lat: number): { inside: string[]; onEdge: string[] } {
  const inside: string[] = [];
  const onEdge: string[] = [];
  for (const f of features) {
    const hit = pointInPolygon([lon, lat], f.geometry.coordinates);
    if (hit === true) inside.push(codeOf(f));
    else if (hit === 0) onEdge.push(codeOf(f));
  }
  return { inside, onEdge };
}

function bbox(f: Feature): [number, number, number, number] {
  const ring = f.geometry.coordinates[0] ?? [];
  const xs = ring.map((p) => p[0] ?? 0);
  const ys = ring.map((p) => p[1] ?? 0);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('point tagging properties on the real boundaries', () => {
  it('should tag a random point inside each of the 136 areas to that area', () => {
    expect(features).toHaveLength(136);
    features.forEach((feature, i) => {
      const [minX, minY, maxX, maxY] = bbox(feature);
      fc.assert(
        fc.property(unit, unit, (u, v) => {
          // Rejection sampling in the bounding box, walking a low-discrepancy sequence from
          // the generated start so every run finds a point without skipping.
          for (let k = 0; k < 10_000; k++) {
            const lon = minX + ((u + k * 0.618_033_988_7) % 1) * (maxX - minX);
            const lat = minY + ((v + k * 0.754_877_666_2) % 1) * (maxY - minY);
            if (pointInPolygon([lon, lat], feature.geometry.coordinates) !== true) continue;
            expect(placePoint({ lat, lon }, malmo)).toEqual({
              areaCode: codeOf(feature),
              outsideCity: false,
            });
            return;
          }
          throw new Error(`no inside point found for ${codeOf(feature)}`);
        }),
        { seed: SEED + i, numRuns: RUNS_PER_AREA },
      );
    });
  });

  it('should give no point tag, and say "outside the city", for points outside every area', () => {
    const [minX, minY, maxX, maxY] = features
      .map(bbox)
      .reduce((a, b) => [
        Math.min(a[0], b[0]),
        Math.min(a[1], b[1]),
        Math.max(a[2], b[2]),
        Math.max(a[3], b[3]),
      ]);
    // Near the city (its box and 0.1° around it, where the sea and Lund are) and anywhere on Earth.
    const near = fc.tuple(
      fc.double({ min: minX - 0.1, max: maxX + 0.1, noNaN: true }),
      fc.double({ min: minY - 0.1, max: maxY + 0.1, noNaN: true }),
    );
    const anywhere = fc.tuple(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    );
    let outside = 0;
    fc.assert(
      fc.property(fc.oneof(near, anywhere), ([lon, lat]) => {
        const truth = oracle(lon, lat);
        fc.pre(truth.inside.length === 0 && truth.onEdge.length === 0);
        outside += 1;
        expect(placePoint({ lat, lon }, malmo)).toEqual({ areaCode: undefined, outsideCity: true });
        expect(tagSubmission({ point: { lat, lon } }, malmo)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(outside).toBeGreaterThan(RUNS / 4);
  });

  it('should give a point on a border shared by two areas exactly one tag, the same whatever the file order', () => {
    // Edges both neighbours have (in either direction): the shared borders.
    const owners = new Map<string, Set<string>>();
    const segments = new Map<string, [number[], number[]]>();
    for (const f of features) {
      const ring = f.geometry.coordinates[0] ?? [];
      for (let k = 0; k + 1 < ring.length; k++) {
        const a = ring[k] as number[];
        const b = ring[k + 1] as number[];
        const key = [a.join(','), b.join(',')].sort().join(' ');
        owners.set(key, (owners.get(key) ?? new Set()).add(codeOf(f)));
        segments.set(key, [a, b]);
      }
    }
    const shared = [...owners]
      .filter(([, codes]) => codes.size === 2)
      .map(([key, codes]) => ({ key, codes: [...codes].sort() }));
    expect(shared.length).toBeGreaterThan(1_000);

    fc.assert(
      fc.property(fc.integer({ min: 0, max: shared.length - 1 }), (i) => {
        const { key, codes } = shared[i] as { key: string; codes: string[] };
        const [a = [], b = []] = segments.get(key) ?? [];
        const lon = ((a[0] ?? 0) + (b[0] ?? 0)) / 2;
        const lat = ((a[1] ?? 0) + (b[1] ?? 0)) / 2;
        const tags = tagSubmission({ point: { lat, lon } }, malmo);
        expect(tags).toHaveLength(1);
        expect(codes).toContain(tags[0]?.areaCode);
        expect(reversed.locate({ lat, lon })).toBe(tags[0]?.areaCode);
        // Exactly on the line (the midpoint rounds onto it): the lower code, by the documented rule.
        const truth = oracle(lon, lat);
        if (truth.inside.length === 0) expect(tags[0]?.areaCode).toBe(codes[0]);
        else expect(tags[0]?.areaCode).toBe(truth.inside[0]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
