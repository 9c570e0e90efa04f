import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaffUser,
  answerItem,
  type Signed,
  STORE_KINDS,
  send,
  signIn,
  staffHeaders,
  type TestApp,
  testApp,
} from '../../test/index.ts';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const AT = '2026-11-01T00:00:00.000Z';

interface Collection {
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: properties vary by query
  features: { type: string; geometry: { type: string }; properties: Record<string, any> }[];
}

describe.each(STORE_KINDS)('GET /api/staff/exports/areas.geojson on %s', (kind) => {
  let t: TestApp;
  let analyst: Signed;
  const get = (query = '') =>
    t.app.request(`/api/staff/exports/areas.geojson${query}`, { headers: staffHeaders(analyst) });

  beforeAll(async () => {
    t = await testApp({ kind, now: () => NOW });
    await addStaffUser(t.store, { email: 'analytiker@malmo.se', role: 'analyst' });
    analyst = await signIn(t.app, 'analytiker@malmo.se');
    await send(t, [
      answerItem({ deviceId: 'device-geo-0001' }),
      answerItem({ deviceId: 'device-geo-0002' }),
      answerItem({
        deviceId: 'device-geo-0003',
        location: { areaCode: '10101' },
        respondent: { group: 'resident', ageBand: '30plus' },
      }),
    ]);
    // An indicator published for a reporting area made of two delområden, and one per delområde.
    const data = JSON.stringify({
      name: { sv: 'Testindikator' },
      unit: '%',
      direction: 'lower',
      source: 'SCB',
    });
    await t.query(
      'INSERT INTO indicators (id, insats_id, geography, preset, data, created_at, updated_at) VALUES (?, NULL, ?, 0, ?, ?, ?)',
      'test-uvas',
      'reporting_area',
      data,
      AT,
      AT,
    );
    await t.query('INSERT INTO reporting_areas (code, name, updated_at) VALUES (?, ?, ?)', 'R1', 'Söder', AT);
    for (const code of ['11319', '11320'])
      await t.query(
        'INSERT INTO reporting_area_members (reporting_code, area_code) VALUES (?, ?)',
        'R1',
        code,
      );
    const values: [string, number, string][] = [
      ['baseline', 2024, '12.5'],
      ['measurement', 2024, '12.5'],
      ['measurement', 2025, '11'],
      ['target', 2030, '8'],
      ['target', 2035, '5'],
    ];
    for (const [k, year, value] of values)
      await t.query(
        'INSERT INTO indicator_values (indicator_id, geo_code, kind, year, value, note, example, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, NULL, 0, ?, NULL)',
        'test-uvas',
        'R1',
        k,
        year,
        value,
        AT,
      );
  }, 60_000);
  afterAll(() => t?.close());

  it('should answer 401 without a session', async () => {
    expect((await t.app.request('/api/staff/exports/areas.geojson')).status).toBe(401);
  });

  it('should give every delområde of the active set with its count under the filter', async () => {
    const res = await get('?group=youth');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.geojson"$/);
    const fc = (await res.json()) as Collection;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(100);
    const sofielund = fc.features.find((f) => f.properties.code === '11319');
    expect(sofielund?.properties).toMatchObject({
      count: 2,
      name: expect.any(String),
      district: expect.any(String),
    });
    expect(['Polygon', 'MultiPolygon']).toContain(sofielund?.geometry.type);
    // The resident in 10101 is filtered out.
    expect(fc.features.find((f) => f.properties.code === '10101')?.properties.count).toBe(0);
  });

  it("should add an indicator's latest measurement, baseline and targets as flat columns, a reporting area's value standing for its delområden", async () => {
    const fc = (await (await get('?indicator=test-uvas')).json()) as Collection;
    for (const code of ['11319', '11320'])
      expect(fc.features.find((f) => f.properties.code === code)?.properties).toMatchObject({
        indicator: 'test-uvas',
        ind_value: 11,
        ind_year: 2025,
        base_value: 12.5,
        base_year: 2024,
        t_2030: 8,
        t_2035: 5,
      });
    expect(fc.features.find((f) => f.properties.code === '10101')?.properties.ind_value).toBeNull();
  });

  it('should hold only flat values with names of at most 10 characters, and coordinates at 6 decimals, for GIS tools', async () => {
    const fc = (await (await get('?indicator=test-uvas')).json()) as Collection;
    for (const f of fc.features)
      for (const [name, value] of Object.entries(f.properties)) {
        expect(name.length, name).toBeLessThanOrEqual(10);
        expect(value === null || typeof value !== 'object', name).toBe(true);
      }
    const decimals = JSON.stringify(fc.features.map((f) => f.geometry))
      .match(/-?\d+\.\d+/g)
      ?.map((n) => n.split('.')[1]?.length ?? 0);
    expect(Math.max(...(decimals ?? [99]))).toBeLessThanOrEqual(6);
  });

  it('should answer 404 for an unknown indicator and 400 for a malformed filter', async () => {
    expect((await get('?indicator=finns-inte')).status).toBe(404);
    expect((await get('?indicator=NOT VALID')).status).toBe(400);
    expect((await get('?insats=a b')).status).toBe(400);
    expect((await get('?from=2026-11-20&to=2026-11-01')).status).toBe(400);
  });
});
