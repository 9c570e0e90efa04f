/**
 * The gazetteer (api/domain/gazetteer): place names for text tagging, as data staff can edit.
 * One row per entry, keyed by a stable id; entries are switched off (no codes), never deleted,
 * so the start-up seed (which adds ids that are missing) cannot bring back one staff removed.
 * The table starts empty: the seed fills it from api/data/malmo/gazetteer.json.
 */
import type { Kysely, Migration } from 'kysely';

export const gazetteer: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('gazetteer')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      // JSON arrays: the area codes, and the words that veto an ambiguous name.
      .addColumn('codes', 'text', (c) => c.notNull())
      .addColumn('ambiguous', 'text')
      .addColumn('veto_words', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('note', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
