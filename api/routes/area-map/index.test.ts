import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { AreaList, AreaMap } from '../../../common/wire/index.ts';
import { createApp } from '../../app.ts';
import { MAP_FORMAT } from '../../domain/map/index.ts';
import { STORE_KINDS, type TestApp, malmoBoundaries, testApp } from '../../test/index.ts';
import { acceptsGzip } from './index.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Another app over the same store: nothing of the first one's memory, as another instance. */
function anotherInstance(ctx: TestApp) {
  return createApp({
    store: ctx.store,
    config: { staticDir: ctx.dir, controllerName: 'x', dpoContact: 'y' },
    boundaries: malmoBoundaries,
  });
}

describe.each(STORE_KINDS)('GET /api/areas/map on %s', (kind) => {
  it('should draw every area of /api/areas, with a path and a label point', async () => {
    t = await testApp({ kind });
    const res = await t.app.request('/api/areas/map');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    const map = v.parse(AreaMap, await res.json());
    expect(map.boundaryVersion).toBe('malmo-delomraden-v1');
    expect(map.areas).toHaveLength(136);
    const list = v.parse(AreaList, await (await t.app.request('/api/areas')).json());
    expect(map.areas.map((a) => a.code).sort()).toEqual(list.areas.map((a) => a.code).sort());
    for (const area of map.areas) {
      expect(area.d, area.code).toMatch(/^m\d+ \d+[ \d-]+z$/);
      expect(area.label[0]).toBeGreaterThan(0);
      expect(area.label[1]).toBeGreaterThan(0);
    }
  });

  it('should send a strong ETag of version and content, and 304 to If-None-Match', async () => {
    t = await testApp({ kind });
    const first = await t.app.request('/api/areas/map');
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"malmo-delomraden-v1\.[\w-]{22}"$/);
    expect(first.headers.get('Cache-Control')).toBe('no-cache');
    expect(first.headers.get('Vary')).toMatch(/Accept-Encoding/);

    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await t.app.request('/api/areas/map', { headers: { 'If-None-Match': tag } });
      expect(again.status, tag).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('ETag')).toBe(etag);
      expect(again.headers.get('Cache-Control')).toBe('no-cache');
    }
    const other = await t.app.request('/api/areas/map', { headers: { 'If-None-Match': '"other"' } });
    expect(other.status).toBe(200);
  });

  it('should send gzip (a representation of its own, with its own strong ETag) under 40 KB', async () => {
    t = await testApp({ kind });
    const plain = await t.app.request('/api/areas/map');
    const plainText = await plain.text();
    const res = await t.app.request('/api/areas/map', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    const gzipEtag = res.headers.get('ETag') ?? '';
    expect(gzipEtag).not.toMatch(/^W\//);
    expect(gzipEtag).not.toBe(plain.headers.get('ETag'));
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBeLessThan(40_000);
    const text = await new Response(
      new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
    ).text();
    expect(text).toBe(plainText);
    // Either tag revalidates either representation: it is the same map.
    const cross = await t.app.request('/api/areas/map', {
      headers: { 'If-None-Match': plain.headers.get('ETag') ?? '', 'Accept-Encoding': 'gzip' },
    });
    expect(cross.status).toBe(304);
    expect(cross.headers.get('ETag')).toBe(gzipEtag);
  });

  it('should compute the map once per boundary version, store it, and serve the stored one after', async () => {
    t = await testApp({ kind });
    const count = () =>
      t?.query<{ n: number }>(
        'SELECT count(*) AS n FROM area_maps WHERE boundary_version = ?',
        'malmo-delomraden-v1',
      );
    expect(await count()).toEqual([{ n: 0 }]);
    const body = await (await t.app.request('/api/areas/map')).text();
    expect(await count()).toEqual([{ n: 1 }]);
    const [row] = (await t.query<{ format: string; data: string; created_at: string }>(
      'SELECT format, data, created_at FROM area_maps',
    )) as [{ format: string; data: string; created_at: string }];
    expect(row.format).toBe(MAP_FORMAT);
    expect(row.data).toBe(body);

    // Another instance (nothing in memory) reads the stored map instead of computing it again:
    // it sends what is stored, even when that was changed behind its back.
    const marker = JSON.stringify({
      boundaryVersion: 'malmo-delomraden-v1',
      viewBox: [0, 0, 1, 1],
      areas: [],
    });
    await t.query('UPDATE area_maps SET data = ?, hash = ?', marker, 'stored-not-recomputed');
    const other = await anotherInstance(t).request('/api/areas/map');
    expect(await other.text()).toBe(marker);
    expect(other.headers.get('ETag')).toBe('"malmo-delomraden-v1.stored-not-recomputed"');
    expect(await count()).toEqual([{ n: 1 }]);
    const [after] = await t.query<{ created_at: string }>('SELECT created_at FROM area_maps');
    expect(after?.created_at).toBe(row.created_at);
  });

  it('should answer 503 (problem+json) when the active version has no stored geometry', async () => {
    t = await testApp({ kind });
    const app = createApp({
      store: t.store,
      config: { staticDir: t.dir, controllerName: 'x', dpoContact: 'y' },
      boundaries: { ...malmoBoundaries(), version: 'no-such-version' },
    });
    const res = await app.request('/api/areas/map');
    expect(res.status).toBe(503);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['identity', false],
    ['gzip;q=0', false],
    ['deflate', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
