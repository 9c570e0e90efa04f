/**
 * Stored maps of boundary sets (api/domain/map), in portable Kysely queries: computed once per
 * boundary version and format by whichever instance is asked first, then read by all.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { AreaMapRecord, Store } from '../types.ts';

type MapStore = Pick<Store, 'boundarySetGeojson' | 'getAreaMap' | 'saveAreaMap'>;

/** The map half of the store. */
export function mapStore(db: Kysely<Database>): MapStore {
  const get = async (boundaryVersion: string, format: string): Promise<AreaMapRecord | undefined> => {
    const row = await db
      .selectFrom('area_maps')
      .select(['boundary_version', 'format', 'hash', 'data'])
      .where('boundary_version', '=', boundaryVersion)
      .where('format', '=', format)
      .executeTakeFirst();
    return (
      row && { boundaryVersion: row.boundary_version, format: row.format, hash: row.hash, data: row.data }
    );
  };
  return {
    async boundarySetGeojson(version) {
      const row = await db
        .selectFrom('boundary_sets')
        .select('geojson')
        .where('version', '=', version)
        .executeTakeFirst();
      return row?.geojson;
    },

    getAreaMap: get,

    async saveAreaMap(map) {
      // Two instances asked at once both compute (the result is the same, byte for byte);
      // the first insert stays and the other reads it back.
      await db
        .insertInto('area_maps')
        .values({
          boundary_version: map.boundaryVersion,
          format: map.format,
          hash: map.hash,
          data: map.data,
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.columns(['boundary_version', 'format']).doNothing())
        .execute();
      return (await get(map.boundaryVersion, map.format)) ?? map;
    },
  };
}
