import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Indicator,
  type IndicatorDetail,
  type IndicatorImportResult,
  MAX_IMPORT_BYTES,
} from '../../../common/wire/insights.ts';
import {
  addStaffUser,
  type Signed,
  STORE_KINDS,
  signIn,
  staffHeaders,
  type TestApp,
  testApp,
} from '../../test/index.ts';

const HEADER = 'indicator;geo_code;kind;year;value;note';

describe.each(STORE_KINDS)('staff indicators on %s', (kind) => {
  let t: TestApp;
  let analyst: Signed;
  let moderator: Signed;
  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: false });
    await addStaffUser(t.store, { email: 'analyst@malmo.se', role: 'analyst' });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    analyst = await signIn(t.app, 'analyst@malmo.se');
    moderator = await signIn(t.app, 'moderator@malmo.se');
    const area = { name: 'Sofielund', areaCodes: ['11319', '11320'] };
    const res = await json('PUT', '/api/staff/reporting-areas/sofielund', area, analyst);
    expect(res.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const json = (method: string, path: string, body: unknown, who: Signed) =>
    t.app.request(path, {
      method,
      headers: staffHeaders(who, body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const csv = (mode: string, body: string | Uint8Array, who = analyst, type = 'text/csv; charset=utf-8') =>
    t.app.request(`/api/staff/indicators/import?mode=${mode}`, {
      method: 'POST',
      headers: staffHeaders(who, { 'Content-Type': type }),
      body,
    });
  const values = async (id: string) =>
    ((await (await json('GET', `/api/staff/indicators/${id}`, undefined, analyst)).json()) as IndicatorDetail)
      .values;

  it('should list the presets to every staff role and refuse anonymous callers', async () => {
    const res = await json('GET', '/api/staff/indicators', undefined, moderator);
    expect(res.status).toBe(200);
    const list = (await res.json()) as Indicator[];
    expect(list.filter((i) => i.preset).map((i) => i.id)).toContain('uvas-16-24');
    expect((await t.app.request('/api/staff/indicators')).status).toBe(401);
  });

  it('should let an analyst define an indicator and refuse a moderator (403) and a taken id (409)', async () => {
    const input = {
      id: 'fritidsbesok',
      name: { sv: 'Besök på fritidsgården', en: 'Visits to the youth centre' },
      unit: 'antal',
      direction: 'higher',
      source: 'Fritidsförvaltningen',
      geography: 'city',
    };
    expect((await json('POST', '/api/staff/indicators', input, moderator)).status).toBe(403);
    const created = await json('POST', '/api/staff/indicators', input, analyst);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'fritidsbesok', preset: false, insatsId: null });
    expect((await json('POST', '/api/staff/indicators', input, analyst)).status).toBe(409);
    const noInsats = { ...input, id: 'per-insats', geography: 'insats', insatsId: 'finns-inte' };
    expect((await json('POST', '/api/staff/indicators', noInsats, analyst)).status).toBe(400);
    expect((await json('DELETE', '/api/staff/indicators/fritidsbesok', undefined, analyst)).status).toBe(204);
    expect((await json('DELETE', '/api/staff/indicators/uvas-16-24', undefined, analyst)).status).toBe(409);
  });

  it('should need the CSRF header to write', async () => {
    const res = await t.app.request('/api/staff/indicators/import?mode=preview', {
      method: 'POST',
      headers: { Cookie: analyst.cookie, 'Content-Type': 'text/csv' },
      body: `${HEADER}\n`,
    });
    expect(res.status).toBe(403);
  });

  it('should enter values by hand with the rules of the geography, kind and year', async () => {
    const put = (body: unknown) => json('PUT', '/api/staff/indicators/trangboddhet/values', body, analyst);
    expect((await put({ geoCode: '11319', kind: 'measurement', year: 2024, value: 31.4 })).status).toBe(201);
    expect((await put({ geoCode: '11319', kind: 'measurement', year: 2024, value: 31.2 })).status).toBe(200);
    expect((await put({ geoCode: 'sofielund', kind: 'measurement', year: 2024, value: 1 })).status).toBe(400);
    expect((await put({ geoCode: '11319', kind: 'target', year: 2031, value: 25 })).status).toBe(400);
    expect((await put({ geoCode: '11319', kind: 'target', year: 2030, value: 25 })).status).toBe(201);
    const uvas = await json(
      'PUT',
      '/api/staff/indicators/uvas-16-24/values',
      { geoCode: 'sofielund', kind: 'baseline', year: 2024, value: 8.5 },
      analyst,
    );
    expect(uvas.status).toBe(201);
    expect(
      (
        await json(
          'PUT',
          '/api/staff/indicators/uvas-16-24/values',
          { geoCode: 'sofielund', kind: 'measurement', year: 2024, value: 8.5 },
          moderator,
        )
      ).status,
    ).toBe(403);
    expect(await values('trangboddhet')).toEqual([
      { geoCode: '11319', kind: 'measurement', year: 2024, value: 31.2, note: null, example: false },
      { geoCode: '11319', kind: 'target', year: 2030, value: 25, note: null, example: false },
    ]);
    const del = await json(
      'DELETE',
      '/api/staff/indicators/trangboddhet/values?geoCode=11319&kind=target&year=2030',
      undefined,
      analyst,
    );
    expect(del.status).toBe(204);
    expect(await values('trangboddhet')).toHaveLength(1);
  });

  it('should preview an import without writing, then commit the good rows and report the bad ones by row', async () => {
    const file = [
      `\ufeff${HEADER}`,
      'ekonomiskt-bistand;11319;measurement;2023;12,5;Källa: Malmö stad – ملاحظة',
      'finns-inte;11319;measurement;2023;1;',
      'ekonomiskt-bistand;12345;measurement;2023;1;',
      'ekonomiskt-bistand;11320;measurement;2023;tolv;',
      'ekonomiskt-bistand;11320;target;2031;10;',
      'ekonomiskt-bistand;11320;measurement;2024;;',
      'ekonomiskt-bistand;11320;baseline;2023;13,25;',
    ].join('\r\n');
    const preview = await csv('preview', file);
    expect(preview.status).toBe(200);
    const result = (await preview.json()) as IndicatorImportResult;
    expect(result).toMatchObject({ mode: 'preview', rows: 7, accepted: 2, replacing: 0 });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'indicator'],
      [4, 'geo_code'],
      [5, 'value'],
      [6, 'year'],
      [7, 'value'],
    ]);
    expect(await values('ekonomiskt-bistand')).toEqual([]);

    const commit = (await (await csv('commit', file)).json()) as IndicatorImportResult;
    expect(commit).toMatchObject({ mode: 'commit', accepted: 2, replacing: 0 });
    expect(await values('ekonomiskt-bistand')).toEqual([
      {
        geoCode: '11319',
        kind: 'measurement',
        year: 2023,
        value: 12.5,
        note: 'Källa: Malmö stad – ملاحظة',
        example: false,
      },
      { geoCode: '11320', kind: 'baseline', year: 2023, value: 13.25, note: null, example: false },
    ]);
    const again = (await (await csv('preview', file)).json()) as IndicatorImportResult;
    expect(again.replacing).toBe(2);
    const audit = await t.store.listAudit({ action: 'indicator.import', limit: 10 });
    expect(audit).toHaveLength(1);
  });

  it('should read a comma-separated file with decimal points', async () => {
    const file =
      'indicator,geo_code,kind,year,value,note\nlag-inkomststandard,11320,measurement,2022,7.75,"a, b"\n';
    const result = (await (await csv('commit', file)).json()) as IndicatorImportResult;
    expect(result).toMatchObject({ accepted: 1, errors: [] });
    expect(await values('lag-inkomststandard')).toMatchObject([{ value: 7.75, note: 'a, b' }]);
  });

  it('should refuse a wrong header (400), another content type (415), a file too large (413) and no mode', async () => {
    const wrong = await csv('preview', 'indicator;geo_code;kind;year;varde;note\n');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { detail: string }).detail).toContain('"varde"');
    expect((await csv('preview', `${HEADER}\n`, analyst, 'application/json')).status).toBe(415);
    const big = `${HEADER}\n${'trangboddhet;11319;measurement;2020;1;x\n'.repeat(Math.ceil(MAX_IMPORT_BYTES / 30))}`;
    expect((await csv('preview', big)).status).toBe(413);
    expect((await csv('maybe', `${HEADER}\n`)).status).toBe(400);
    expect((await csv('preview', `${HEADER}\n`, moderator)).status).toBe(403);
  });
});
