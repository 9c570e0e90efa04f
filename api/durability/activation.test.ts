/**
 * Two API instances on one PostgreSQL: a boundary set activated from outside both (as the
 * import command does) is used by both within seconds, and one of them re-tags what was stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { activateBoundarySet } from '../domain/retag/index.ts';
import {
  malmoVariant,
  VARIANT,
  VARIANT_VERSION,
  variantBoundaries,
  variantPlaces,
} from '../domain/retag/testing.ts';
import { openPostgresStore, type Store } from '../store/index.ts';
import { queryTarget } from '../store/testing.ts';
import { commentItem, malmoBoundaries } from '../test/index.ts';
import { freshPgDatabase, type PgPlace } from '../test/pg.ts';
import { killAllServers, postBatch, startServer } from '../test/server.ts';

let place: PgPlace | undefined;
let store: Store | undefined;
afterEach(async () => {
  await killAllServers();
  await store?.close();
  await place?.drop();
  place = store = undefined;
});

describe('an activation on one PostgreSQL with two instances', () => {
  it('should be used by the other instance within a few seconds, and re-tag what was stored before', async () => {
    place = await freshPgDatabase();
    const servers = [0, 1].map(() => startServer({ DATABASE_URL: place?.url ?? '', DATABASE_POOL_MAX: '4' }));
    const [first, other] = await Promise.all(servers.map((s) => s.url));
    const { mergedInside } = variantPlaces(malmoBoundaries(), variantBoundaries());
    const at = () => commentItem({ location: { point: mergedInside, pointConsentVersion: 'v1' } });

    const earlier = Array.from({ length: 10 }, at);
    const before = await postBatch(first as string, earlier);
    expect(before.map((r) => r.tags)).toEqual(
      earlier.map(() => [{ areaCode: VARIANT.merged.from, source: 'point' }]),
    );

    store = openPostgresStore({ kind: 'postgres', url: place.url, poolMax: 2, statementTimeoutMs: 10_000 });
    await store.addBoundarySet({ version: VARIANT_VERSION, geojson: malmoVariant().geojson });
    const activated = Date.now();
    await activateBoundarySet(store, VARIANT_VERSION);

    // Sent to the other instance until it tags with the new set.
    let seenAfter = Number.POSITIVE_INFINITY;
    let last: unknown;
    while (Date.now() - activated < 10_000) {
      const [result] = await postBatch(other as string, [at()]);
      last = result?.tags;
      if (result?.tags?.[0]?.areaCode === VARIANT.merged.into) {
        seenAfter = Date.now() - activated;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(last).toEqual([{ areaCode: VARIANT.merged.into, source: 'point' }]);
    expect(seenAfter).toBeLessThan(5_000);

    // One of the instances re-tags what came before, and what the other stored on the old set
    // until it swapped (queued); then every current tag is on the new set.
    const target = { kind: 'postgres' as const, url: place.url };
    const settled = async () =>
      (await store?.retagJob())?.status === 'done' && (await store?.readRetagPending(1))?.length === 0;
    const deadline = Date.now() + 10_000;
    while (!(await settled()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await store.retagJob()).toMatchObject({ status: 'done', total: earlier.length });
    expect(await store.readRetagPending(10)).toEqual([]);
    const current = await queryTarget<{ boundary_version: string; area_code: string; n: number }>(
      target,
      'SELECT boundary_version, area_code, count(*) AS n FROM tags WHERE current = 1 GROUP BY boundary_version, area_code',
    );
    expect(current).toEqual([
      { boundary_version: VARIANT_VERSION, area_code: VARIANT.merged.into, n: expect.any(Number) },
    ]);
  }, 40_000);
});
