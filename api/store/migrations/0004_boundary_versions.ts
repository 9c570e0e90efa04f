/**
 * Boundary versions and re-tagging (issue 4).
 *
 * - `boundary_sets.activated_at`, and a partial unique index so at most one set is active.
 * - `tags.current` / `tags.superseded_at`: re-tagging never deletes a tag; the tags computed
 *   against the newly active set become current (1) and the ones they replace stay as history
 *   (0, with the time they were superseded). `is_primary` is meaningful among current tags.
 * - `retag_jobs`: one row per activation, with the cursor (last submission id done), counts and
 *   status, committed with every chunk, so a job survives a crash and resumes.
 * - `retag_pending`: submissions stored by an instance that had not yet seen the latest
 *   activation (tagged against an older set); the runner re-tags them.
 * - `leases`: named leases with an expiry; the re-tag runner holds one, so only one instance
 *   works on a job at a time.
 */
import { type Kysely, type Migration, SqliteAdapter, sql } from 'kysely';

export const boundaryVersions: Migration = {
  async up(db: Kysely<unknown>) {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

    await db.schema.alterTable('boundary_sets').addColumn('activated_at', 'text').execute();
    await sql`update boundary_sets set activated_at = created_at where active = 1`.execute(db);
    await db.schema
      .createIndex('boundary_sets_one_active')
      .on('boundary_sets')
      .column('active')
      .unique()
      .where(sql<boolean>`active = 1`)
      .execute();

    await db.schema
      .alterTable('tags')
      .addColumn('current', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('tags').addColumn('superseded_at', 'text').execute();

    await db.schema
      .createTable('retag_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('boundary_version', 'text', (c) => c.notNull().references('boundary_sets.version'))
      .addColumn('previous_version', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'done', 'superseded')`))
      // The last submission id re-tagged; '' before the first chunk (every id sorts after it).
      .addColumn('cursor', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();

    const pending = db.schema
      .createTable('retag_pending')
      .addColumn('submission_id', 'text', (c) => c.primaryKey().references('submissions.id'))
      .addColumn('created_at', 'text', (c) => c.notNull());
    await (sqlite ? pending.modifyEnd(sql`without rowid`) : pending).execute();

    await db.schema
      .createTable('leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
};
