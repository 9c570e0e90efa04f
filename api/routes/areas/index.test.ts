import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AreaList } from '../../../common/wire/index.ts';
import { STORE_KINDS, type TestApp, testApp } from '../../test/index.ts';

let t: TestApp;

describe.each(STORE_KINDS)('GET /api/areas on %s', (kind) => {
  beforeAll(async () => {
    t = await testApp({ kind });
  });
  afterAll(async () => {
    await t.close();
  });

  it("should list all 136 of Malmö's delområden with their stadsområde and the boundary version", async () => {
    const res = await t.app.request('/api/areas');
    const body = v.parse(AreaList, await res.json());
    expect(body.boundaryVersion).toBe('malmo-delomraden-v1');
    expect(body.areas).toHaveLength(136);
    expect(new Set(body.areas.map((a) => a.code)).size).toBe(136);
    expect(body.areas.find((a) => a.code === '11319')).toEqual({
      code: '11319',
      name: 'Södra Sofielund',
      district: 'Innerstaden',
      aliases: ['Seved'],
    });
    expect(new Set(body.areas.map((a) => a.district))).toEqual(
      new Set(['Norr', 'Innerstaden', 'Väster', 'Söder', 'Öster']),
    );
  });

  it('should sort by name in Swedish order, with Å, Ä and Ö after Z', async () => {
    const { areas } = v.parse(AreaList, await (await t.app.request('/api/areas')).json());
    const names = areas.map((a) => a.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
    const firstÖ = names.findIndex((n) => n.startsWith('Ö'));
    expect(firstÖ).toBeGreaterThan(names.findLastIndex((n) => /^[A-Z]/.test(n)));
    expect(names.at(-1)?.[0]).toBe('Ö');
  });

  it('should be sent compressed to a browser that accepts gzip', async () => {
    const res = await t.app.request('/api/areas', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    const text = await new Response(res.body?.pipeThrough(new DecompressionStream('gzip'))).text();
    expect(JSON.parse(text).areas).toHaveLength(136);
  });
});
