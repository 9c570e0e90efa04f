/**
 * The map of each boundary set (api/domain/map): SVG path data computed once per boundary
 * version and map format, then served from here by every instance. A cache that is never
 * wrong: a version's geometry never changes, and a new algorithm is a new `format`.
 */
import type { Kysely, Migration } from 'kysely';

export const areaMaps: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('area_maps')
      .addColumn('boundary_version', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('area_maps_pk', ['boundary_version', 'format'])
      .execute();
  },
};
