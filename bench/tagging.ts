/**
 * `npm run bench`, tagging part: points tagged per second on Malmö's 136 real delområden, one
 * core (one thread, no workers), all cases in one run on the same points:
 *
 * - **naive**: point-in-polygon-hao against every polygon, no index (the baseline);
 * - **before**: the issue-2 lookup (flatbush, then hao on nested GeoJSON arrays);
 * - **flatbush + flat polygons**: the exact test on flat arrays with edges bucketed by latitude,
 *   no allocation per point (the answer grid off);
 * - **locate** (what the app runs): the answer grid first, then flatbush + flat polygons;
 * - **tagSubmission**: the whole point-tagging call ingest makes (tag objects included), before
 *   (issue 2's lookup and withPrimary) and now.
 *
 * Points are uniform over the city's bounding box (about 60 % fall inside an area, the rest in
 * the sea or outside the city), fixed by a seeded generator. Every case must give the naive
 * answer for every point it is timed on, or the run fails.
 */
import { readFileSync } from 'node:fs';
import { MALMO_GEOJSON } from '../api/seed/index.ts';
import { buildBoundarySet, normaliseAreaCode, tagSubmission } from '../api/domain/tagging/index.ts';
import { type Areas, legacyLocate, legacyTagPoint, naiveLocate } from './legacy-locate.ts';

const POINTS = 1_000_000;
const NAIVE_POINTS = 40_000;
/** Each case runs this long per round, best of ROUNDS (the machine is shared and noisy). */
const ROUND_MS = 700;
const ROUNDS = 3;

const geojson = JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8')) as {
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
};
const areas: Areas[] = geojson.features
  .map((f) => ({
    code: normaliseAreaCode(f.properties.do_kod) as string,
    polygons:
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates as number[][][]]
        : (f.geometry.coordinates as number[][][][]),
  }))
  .sort((a, b) => (a.code < b.code ? -1 : 1));

/** A small seeded generator (mulberry32), so every run times the same points. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const [minLon, minLat, maxLon, maxLat] = [12.885, 55.502, 13.152, 55.643];
const next = random(4);
const lons = new Float64Array(POINTS);
const lats = new Float64Array(POINTS);
for (let i = 0; i < POINTS; i++) {
  lons[i] = minLon + next() * (maxLon - minLon);
  lats[i] = minLat + next() * (maxLat - minLat);
}

/** Points per second of `locate` over the first `n` points: the best of ROUNDS rounds. */
function measure(locate: (lon: number, lat: number) => unknown, n: number): number {
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let done = 0;
    let sink = 0;
    const start = performance.now();
    while (performance.now() - start < ROUND_MS) {
      for (let i = 0; i < n; i++) if (locate(lons[i] as number, lats[i] as number) !== undefined) sink++;
      done += n;
    }
    best = Math.max(best, done / ((performance.now() - start) / 1000));
    if (sink < 0) console.log(sink); // keeps the loop from being optimised away
  }
  return best;
}

const naive = naiveLocate(areas);
const expected = Array.from({ length: NAIVE_POINTS }, (_, i) => naive(lons[i] as number, lats[i] as number));
const set = buildBoundarySet('bench', geojson);
const noGrid = buildBoundarySet('bench', geojson, 'do_kod', { grid: 0 });
const cases: {
  name: string;
  points: number;
  locate: (lon: number, lat: number) => unknown;
  check?: boolean;
}[] = [
  { name: 'naive: hao against all 136 areas', points: NAIVE_POINTS, locate: naive },
  { name: 'before: flatbush + hao (issue 2)', points: POINTS, locate: legacyLocate(areas) },
  { name: 'flatbush + flat polygons', points: POINTS, locate: (lon, lat) => noGrid.locate({ lon, lat }) },
  {
    name: 'locate: answer grid + flatbush + flat polygons',
    points: POINTS,
    locate: (lon, lat) => set.locate({ lon, lat }),
  },
  {
    name: 'before: tagSubmission({ point }) (issue 2)',
    points: POINTS,
    locate: legacyTagPoint(legacyLocate(areas), 'bench'),
    check: false,
  },
  {
    name: 'tagSubmission({ point }) with locate',
    points: POINTS,
    locate: (lon, lat) => tagSubmission({ point: { lat, lon } }, set)[0],
    check: false,
  },
];

let ok = true;
for (const c of cases) {
  if (c.check === false) continue;
  const wrong = expected.filter((code, i) => c.locate(lons[i] as number, lats[i] as number) !== code).length;
  if (wrong > 0) {
    console.error(`${c.name}: ${wrong} of ${NAIVE_POINTS} points answered differently from the naive test`);
    ok = false;
  }
}

console.log(
  `\nPoint tagging on Malmö's 136 delområden, one thread, ${POINTS.toLocaleString('en-US')} points uniform over ` +
    `the city's box (${Math.round((expected.filter((c) => c !== undefined).length / NAIVE_POINTS) * 100)} % inside an area), ` +
    `best of ${ROUNDS} × ${ROUND_MS} ms, Node ${process.version}\n`,
);
console.log('| lookup | points/s | × naive |');
console.log('|---|---:|---:|');
const naiveRate = measure(naive, NAIVE_POINTS);
for (const c of cases) {
  const rate = c.locate === naive ? naiveRate : measure(c.locate, c.points);
  console.log(
    `| ${c.name} | ${Math.round(rate).toLocaleString('en-US')} | ${(rate / naiveRate).toFixed(1)} |`,
  );
}
console.log('');
if (!ok) process.exitCode = 1;
