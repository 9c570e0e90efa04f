import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDataCounts, PublicAnswerSummary } from '../../../common/wire/open-data.ts';
import type { SubmissionV1 } from '../../../common/wire/index.ts';
import {
  answerItem,
  STORE_KINDS,
  send as sendItems,
  type TestApp,
  TRYGGARE,
  testApp,
} from '../../test/index.ts';
import { importBoundarySet } from '../../domain/boundaries/index.ts';
import { activateBoundarySet } from '../../domain/retag/index.ts';
import { MALMO_GEOJSON } from '../../seed/index.ts';
import { ownComment } from '../staff-queue/testing.ts';

const DAY1 = Date.parse('2026-11-24T10:00:00Z');
const H = 3_600_000;
const MADE = '2026-11-20T12:00:00.000Z';
/** Delområden of the fixture: A is Södra Sofielund (answerItem's), B Västra Hamnen. */
const A = '11319';
const B = '10101';

/** Everything the public can read, fetched at the app's current time. */
async function outputs(t: TestApp) {
  const get = async (path: string) => {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('link')).toBe(
      '<http://creativecommons.org/publicdomain/zero/1.0/>; rel="license"',
    );
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    return res.text();
  };
  const counts = await get('/api/open-data/counts');
  const csv = await get('/api/open-data/counts.csv');
  const geojson = await get('/api/open-data/areas.geojson');
  const answers = await get(`/api/public/answers/${TRYGGARE.insatsId}`);
  return {
    counts: JSON.parse(counts) as OpenDataCounts,
    csv: parse(csv, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[],
    geojson: JSON.parse(geojson) as { features: { properties: Record<string, unknown> }[] },
    answers: JSON.parse(answers) as PublicAnswerSummary,
    /** All four, with every date taken out (they name the publication, not the figures). */
    figures: [counts, csv, geojson, answers].join('\n').replace(/\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?/g, 'DATE'),
  };
}
type Outputs = Awaited<ReturnType<typeof outputs>>;

/** Every published count in the outputs, in a fixed order ("fewer than 5" as 0). */
function publishedNumbers(o: Outputs): number[] {
  const found: number[] = [];
  const walk = (x: unknown, key = ''): void => {
    if (key === 'geometry') return;
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, k);
    // "Fewer than 5" as 0: what a reader subtracting figures would take it for at most.
    // The GeoJSON's flat columns (c_01, …, c_none) are counts too.
    else if (key === 'count' || key === 'total' || /^c_/.test(key)) found.push((x as number | null) ?? 0);
  };
  walk([o.counts, o.geojson, o.answers]);
  for (const row of o.csv) found.push(row.count === '<5' ? 0 : Number(row.count));
  return found;
}

/** Sends items, each from a device of its own; every one must be stored. */
async function send(t: TestApp, items: SubmissionV1[]) {
  const results = await sendItems(t, items);
  for (const r of results) expect(r.status, JSON.stringify(r.errors)).toBe('created');
}
const device = () => `device-${randomUUID().slice(0, 12)}`;

const cell = (o: Outputs, area: string | null, insats: string | null) =>
  o.counts.cells.find((c) => c.area === area && c.insats === insats);

describe.each(STORE_KINDS)('open data and public answers on %s', (kind) => {
  let t: TestApp;
  let now = DAY1;
  const made = (createdAt: string, items: SubmissionV1[]) => items.map((i) => ({ ...i, createdAt }));

  beforeAll(async () => {
    t = await testApp({ kind, now: () => now });
    // A × Tryggare: 6 answers and 1 comment (7); B × no insats: 3; B × Tryggare: 2.
    await send(t, [
      ...made(
        MADE,
        Array.from({ length: 6 }, () => answerItem({ deviceId: device() })),
      ),
      ...made(MADE, [ownComment('Mer ljus, tack.')]),
      ...made(
        MADE,
        [1, 2, 3].map((n) => ownComment(`Idé ${n}`, { insatsId: undefined, location: { areaCode: B } })),
      ),
      ...made(
        MADE,
        [1, 2].map((n) => ownComment(`Synpunkt ${n}`, { location: { areaCode: B } })),
      ),
    ]);
  }, 60_000);
  afterAll(() => t?.close());

  let day1: Outputs;
  it('should publish only "fewer than 5" or multiples of 5, with totals summed from published cells', async () => {
    day1 = await outputs(t);
    expect(cell(day1, A, TRYGGARE.insatsId)).toMatchObject({ count: 5, fewerThan5: false });
    expect(cell(day1, B, null)).toMatchObject({ count: null, fewerThan5: true });
    expect(cell(day1, B, TRYGGARE.insatsId)).toMatchObject({ count: null, fewerThan5: true });
    for (const n of publishedNumbers(day1)) {
      expect(n % 5).toBe(0);
      expect(n >= 1 && n <= 4).toBe(false);
    }
    const { totals, cells } = day1.counts;
    const sum = (pick: (c: (typeof cells)[number]) => boolean) =>
      cells.filter(pick).reduce((s, c) => s + (c.count ?? 0), 0);
    expect(totals.total.count).toBe(sum(() => true));
    expect(totals.byArea.find((r) => r.area === B)?.count).toBe(0);
    for (const r of totals.byInsats) expect(r.count).toBe(sum((c) => c.insats === r.insats));
    expect(day1.counts.licence.url).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
    expect(day1.counts.period.to).toBe('2026-11-23');
    expect(day1.csv.find((r) => r.area_code === B && r.insats_id === '')?.count).toBe('<5');
    const feature = day1.geojson.features.find((f) => f.properties.code === B);
    expect(feature?.properties.total).toBe(0);
    // Flat columns for GIS tools: "fewer than 5" is 0 with its marker, names fit a Shapefile.
    expect(feature?.properties).toMatchObject({ c_none: 0, f5_none: 1 });
    for (const f of day1.geojson.features)
      for (const [name, value] of Object.entries(f.properties)) {
        expect(name.length, name).toBeLessThanOrEqual(10);
        expect(value === null || typeof value !== 'object', name).toBe(true);
      }
    const single = day1.answers.questions.find((q) => q.questionId === TRYGGARE.single);
    expect(single?.options.find((o) => o.id === 'varje-vecka')).toMatchObject({
      count: 5,
      fewerThan5: false,
    });
    expect(single?.options.filter((o) => o.id !== 'varje-vecka').every((o) => o.fewerThan5)).toBe(true);
    expect(day1.answers.questions.some((q) => q.kind === 'text')).toBe(false);
  });

  it('should publish the same figures a day later when a cell went 7→9 and another 3→4, and leave out input made today', async () => {
    await send(t, [
      ...made(MADE, [answerItem({ deviceId: device() }), answerItem({ deviceId: device() })]),
      ...made(MADE, [ownComment('Idé 4', { insatsId: undefined, location: { areaCode: B } })]),
    ]);
    // The same day, just before midnight: still the morning's publication.
    now = Date.parse('2026-11-24T22:59:00Z');
    expect((await outputs(t)).figures).toBe(day1.figures);
    // The next day, with an item made that morning in B × no insats (it would make 5).
    now = Date.parse('2026-11-25T10:00:00Z');
    await send(
      t,
      made('2026-11-25T07:00:00.000Z', [
        ownComment('Idé 5', { insatsId: undefined, location: { areaCode: B } }),
      ]),
    );
    const day2 = await outputs(t);
    expect(day2.counts.published).toBe('2026-11-25');
    // Both (7, 3) and (9, 4) are consistent with everything published: nothing tells them apart.
    expect(day2.figures).toBe(day1.figures);
  });

  it('should change a figure from one publication to the next only by a multiple of 5', async () => {
    await send(
      t,
      made('2026-11-21T12:00:00.000Z', [
        answerItem({ deviceId: device() }),
        answerItem({ deviceId: device() }),
      ]),
    );
    now = DAY1 + 2 * 24 * H;
    const day3 = await outputs(t);
    expect(cell(day3, A, TRYGGARE.insatsId)?.count).toBe(10);
    // Yesterday morning's item is in now: B × no insats is 5.
    expect(cell(day3, B, null)?.count).toBe(5);
    const before = publishedNumbers(day1);
    const after = publishedNumbers(day3);
    expect(after).toHaveLength(before.length);
    after.forEach((n, i) => {
      expect((n - (before[i] as number)) % 5).toBe(0);
    });
  });

  it('should answer 404 for an insats that is not published, and describe the dataset in DCAT-AP-SE', async () => {
    expect((await t.app.request('/api/public/answers/finns-inte')).status).toBe(404);
    const res = await t.app.request('/api/open-data/dataset.jsonld');
    expect(res.headers.get('content-type')).toBe('application/ld+json');
    // biome-ignore lint/suspicious/noExplicitAny: JSON-LD read by its keys
    const doc = (await res.json()) as Record<string, any>;
    expect(doc['@type']).toBe('dcat:Catalog');
    const dataset = doc['dcat:dataset'];
    expect(dataset['dct:license']['@id']).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
    expect(dataset['dct:accrualPeriodicity']['@id']).toBe(
      'http://publications.europa.eu/resource/authority/frequency/DAILY',
    );
    expect(
      dataset['dcat:distribution'].map(
        (d: { 'dcat:downloadURL': { '@id': string } }) => d['dcat:downloadURL']['@id'],
      ),
    ).toEqual([
      'http://localhost/api/open-data/counts',
      'http://localhost/api/open-data/counts.csv',
      'http://localhost/api/open-data/areas.geojson',
    ]);
  });

  it('should answer 304 to a client that has this publication', async () => {
    const first = await t.app.request('/api/open-data/counts');
    const etag = first.headers.get('etag') as string;
    const again = await t.app.request('/api/open-data/counts', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });
});

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

/** Every polygon of a FeatureCollection's Polygon and MultiPolygon features. */
function polygonsOf(fc: {
  features: { geometry: { type: string; coordinates: unknown } }[];
}): number[][][][] {
  return fc.features.flatMap((f) =>
    f.geometry.type === 'Polygon'
      ? [f.geometry.coordinates as number[][][]]
      : (f.geometry.coordinates as number[][][][]),
  );
}

describe.each(STORE_KINDS)('the rings of areas.geojson on %s (RFC 7946)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: false });
  });
  afterAll(() => t?.close());

  const served = async () => {
    const res = await t.app.request('/api/open-data/areas.geojson');
    expect(res.status).toBe(200);
    return polygonsOf((await res.json()) as Parameters<typeof polygonsOf>[0]);
  };
  /** Whether every outer ring runs counter-clockwise and every hole clockwise. */
  const rfc7946 = (polygons: number[][][][]) =>
    polygons.every((p) => p.every((ring, i) => Math.sign(trapezoidSum(ring)) === (i === 0 ? -1 : 1)));

  it('should serve the official EPSG:3008 file, imported, with counter-clockwise outer rings', async () => {
    const file = readFileSync(
      new URL('../../data/malmo/malmo_delomraden_epsg3008.geojson', import.meta.url),
      'utf8',
    );
    // The file's own rings are clockwise, so a copy of them would fail the check.
    expect(rfc7946(polygonsOf(JSON.parse(file)))).toBe(false);
    const result = importBoundarySet(file);
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    await t.store.addBoundarySet({ version: 'official-3008', geojson: JSON.stringify(result.geojson) });
    await activateBoundarySet(t.store, 'official-3008', { runToEnd: true });
    const stored = JSON.parse((await t.store.boundarySetGeojson('official-3008')) as string);
    expect(rfc7946(polygonsOf(stored))).toBe(true);
    const polygons = await served();
    expect(polygons).toHaveLength(136);
    expect(rfc7946(polygons)).toBe(true);
  });

  it('should serve a set stored with clockwise rings (before imports rewound them) counter-clockwise', async () => {
    const set = JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8'));
    for (const polygon of polygonsOf(set)) for (const ring of polygon) ring.reverse();
    expect(rfc7946(polygonsOf(set))).toBe(false);
    await t.store.addBoundarySet({ version: 'stored-clockwise', geojson: JSON.stringify(set) });
    await activateBoundarySet(t.store, 'stored-clockwise', { runToEnd: true });
    const polygons = await served();
    expect(polygons).toHaveLength(136);
    expect(rfc7946(polygons)).toBe(true);
  });
});
