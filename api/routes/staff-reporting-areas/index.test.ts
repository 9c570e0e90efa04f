import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrosswalkImportResult, ReportingArea } from '../../../common/wire/insights.ts';
import {
  addStaffUser,
  type Signed,
  STORE_KINDS,
  signIn,
  staffHeaders,
  type TestApp,
  testApp,
} from '../../test/index.ts';

describe.each(STORE_KINDS)('staff reporting areas on %s', (kind) => {
  let t: TestApp;
  let analyst: Signed;
  let admin: Signed;
  let moderator: Signed;
  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: false });
    await addStaffUser(t.store, { email: 'analyst@malmo.se', role: 'analyst' });
    await addStaffUser(t.store, { email: 'admin@malmo.se', role: 'admin' });
    await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    analyst = await signIn(t.app, 'analyst@malmo.se');
    admin = await signIn(t.app, 'admin@malmo.se');
    moderator = await signIn(t.app, 'moderator@malmo.se');
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
  const importCsv = (mode: string, body: string, who = analyst) =>
    t.app.request(`/api/staff/reporting-areas/import?mode=${mode}`, {
      method: 'POST',
      headers: staffHeaders(who, { 'Content-Type': 'text/csv' }),
      body,
    });
  const list = async () =>
    (await (await json('GET', '/api/staff/reporting-areas', undefined, moderator)).json()) as ReportingArea[];

  it('should save a reporting area of known delområden, and refuse unknown ones and a moderator', async () => {
    const area = { name: 'Rosengård', areaCodes: ['48104', '11319'] };
    expect((await json('PUT', '/api/staff/reporting-areas/rosengard', area, moderator)).status).toBe(403);
    expect((await t.app.request('/api/staff/reporting-areas')).status).toBe(401);
    const saved = await json('PUT', '/api/staff/reporting-areas/rosengard', area, admin);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({
      code: 'rosengard',
      name: 'Rosengård',
      areaCodes: ['11319', '48104'],
    });
    const unknown = { name: 'Fel', areaCodes: ['99999'] };
    expect((await json('PUT', '/api/staff/reporting-areas/fel', unknown, analyst)).status).toBe(400);
    expect((await json('PUT', '/api/staff/reporting-areas/inte%20ok', area, analyst)).status).toBe(400);
    expect(await list()).toEqual([{ code: 'rosengard', name: 'Rosengård', areaCodes: ['11319', '48104'] }]);
  });

  it('should preview a crosswalk without writing and commit it, replacing the members of the areas in the file', async () => {
    const file = [
      '\ufeffreporting_area;reporting_area_name;delomrade',
      'rosengard;Rosengård;48104',
      'sofielund;Norra och Södra Sofielund;11319',
      'sofielund;Norra och Södra Sofielund;11320',
      'trasig;Trasigt område;123',
    ].join('\r\n');
    const preview = (await (await importCsv('preview', file)).json()) as CrosswalkImportResult;
    expect(preview).toMatchObject({ mode: 'preview', rows: 4, accepted: 3 });
    expect(preview.errors).toEqual([
      { row: 5, column: 'delomrade', message: expect.stringContaining('123') },
    ]);
    expect((await list()).map((a) => a.code)).toEqual(['rosengard']);

    const commit = await importCsv('commit', file);
    expect(commit.status).toBe(200);
    expect(await list()).toEqual([
      { code: 'rosengard', name: 'Rosengård', areaCodes: ['48104'] },
      { code: 'sofielund', name: 'Norra och Södra Sofielund', areaCodes: ['11319', '11320'] },
    ]);
    expect(await t.store.listAudit({ action: 'reporting-area.import', limit: 5 })).toHaveLength(1);
  });

  it('should refuse a crosswalk with a wrong header, naming the column', async () => {
    const res = await importCsv('preview', 'reporting_area;name;delomrade\n');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain('"name"');
  });

  it('should delete a reporting area unless values are given for it', async () => {
    const value = { geoCode: 'sofielund', kind: 'measurement', year: 2024, value: 9.1 };
    expect((await json('PUT', '/api/staff/indicators/uvas-25-29/values', value, analyst)).status).toBe(201);
    expect((await json('DELETE', '/api/staff/reporting-areas/sofielund', undefined, analyst)).status).toBe(
      409,
    );
    expect((await json('DELETE', '/api/staff/reporting-areas/rosengard', undefined, analyst)).status).toBe(
      204,
    );
    expect((await json('DELETE', '/api/staff/reporting-areas/rosengard', undefined, analyst)).status).toBe(
      404,
    );
  });
});
