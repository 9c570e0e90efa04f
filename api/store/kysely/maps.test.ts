import { afterEach, describe, expect, it } from 'vitest';
import { MALMO_BOUNDARY_VERSION } from '../../seed/index.ts';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe.each(STORE_KINDS)('stored maps on the %s store', (kind) => {
  it('should keep the first map stored for a version and format, and return it to a later writer', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const first = { boundaryVersion: 'v1', format: 'f1', hash: 'h1', data: '{"a":1}' };
    expect(await ctx.store.getAreaMap('v1', 'f1')).toBeUndefined();
    expect(await ctx.store.saveAreaMap(first)).toEqual(first);
    // Another instance computed at the same time: what is stored stays.
    expect(await ctx.reopen().saveAreaMap({ ...first, hash: 'h2', data: '{"a":2}' })).toEqual(first);
    expect(await ctx.store.getAreaMap('v1', 'f1')).toEqual(first);
    // Another format of the same version is another map.
    const next = { ...first, format: 'f2', hash: 'h3' };
    expect(await ctx.store.saveAreaMap(next)).toEqual(next);
    expect(await ctx.query('SELECT boundary_version FROM area_maps')).toHaveLength(2);
  });

  it('should read the GeoJSON of any stored boundary version', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const geojson = await ctx.store.boundarySetGeojson(MALMO_BOUNDARY_VERSION);
    expect(JSON.parse(geojson ?? '{}').features).toHaveLength(136);
    expect(await ctx.store.boundarySetGeojson('no-such-version')).toBeUndefined();
  });
});
