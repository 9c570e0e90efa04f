/**
 * Versioned schema migrations, in code, run on start by Kysely's Migrator.
 *
 * Append only: a migration that has shipped is never edited, a change is a new entry.
 * Keys sort in the order they run. Portable types only (see schema.ts), so the same
 * list runs on SQLite and on PostgreSQL.
 */
import {
  type CreateTableBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  SqliteAdapter,
  sql,
} from 'kysely';

/**
 * On SQLite, small link tables are stored in their primary key's B-tree (WITHOUT ROWID):
 * one page written per row instead of two. PostgreSQL has no such option and needs none.
 */
function clusteredOnSqlite<T extends string, C extends string>(
  db: Kysely<unknown>,
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C> {
  return db.getExecutor().adapter instanceof SqliteAdapter ? table.modifyEnd(sql`without rowid`) : table;
}

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('areas')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('district', 'text', (c) => c.notNull())
      .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();

    await db.schema
      .createTable('boundary_sets')
      .addColumn('version', 'text', (c) => c.primaryKey())
      .addColumn('geojson', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('insatser')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('example', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('questions')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('insats_id', 'text', (c) => c.notNull().references('insatser.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('questions_pk', ['id', 'version'])
      .execute();
    await db.schema.createIndex('questions_insats').on('questions').column('insats_id').execute();

    await db.schema
      .createTable('submissions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('receipt', 'text', (c) => c.notNull().unique())
      .addColumn('schema_version', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('insats_id', 'text', (c) => c.references('insatser.id'))
      .addColumn('title', 'text')
      .addColumn('text', 'text')
      .addColumn('respondent_group', 'text', (c) => c.notNull())
      .addColumn('age_band', 'text')
      .addColumn('organisation', 'text')
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('moderation_status', 'text', (c) =>
        c.notNull().check(sql`moderation_status in ('pending', 'approved', 'rejected', 'hidden', 'none')`),
      )
      .addColumn('status_reason', 'text')
      .addColumn('cell', 'text')
      .addColumn('point_consent_version', 'text')
      .execute();
    // Further indexes (per insats, per area, by time) come with the queries that need them:
    // each one is another page to write on every ingest commit.

    await clusteredOnSqlite(
      db,
      db.schema
        .createTable('submission_answers')
        .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('question_version', 'integer', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('submission_answers_pk', ['submission_id', 'question_id']),
    ).execute();

    await db.schema
      .createTable('contacts')
      .addColumn('submission_id', 'text', (c) => c.primaryKey().references('submissions.id'))
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('consent_version', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await clusteredOnSqlite(
      db,
      db.schema
        .createTable('tags')
        .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('boundary_version', 'text', (c) => c.notNull())
        .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('uncertain', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tags_pk', ['submission_id', 'source', 'area_code', 'boundary_version']),
    ).execute();

    await db.schema
      .createTable('official_answers')
      .addColumn('submission_id', 'text', (c) => c.primaryKey().references('submissions.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'text', (c) => c.notNull())
      .execute();
  },
};

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Runs the pending migrations; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}
