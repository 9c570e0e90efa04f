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
  PostgresAdapter,
  SqliteAdapter,
  sql,
} from 'kysely';
import { gazetteer } from './migrations/0003_gazetteer.ts';
import { boundaryVersions } from './migrations/0004_boundary_versions.ts';
import { areaMaps } from './migrations/0005_area_maps.ts';
import { staff } from './migrations/0006_staff.ts';
import { moderation } from './migrations/0007_moderation.ts';
import { insatserAdmin } from './migrations/0008_insatser_admin.ts';
import { proposals } from './migrations/0009_proposals.ts';
import { insights } from './migrations/0010_insights.ts';
import { scaleWords } from './migrations/0011_scale_words.ts';
import { staffNamnder } from './migrations/0012_staff_namnder.ts';

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

/**
 * Rate-limit counters (api/rate-limit): one row per hashed key and minute. No secondary
 * index: the sweep that deletes past windows runs once a minute over a table of a few
 * thousand rows, while an index would be one more page written on every request.
 */
const rateLimits: Migration = {
  async up(db: Kysely<unknown>) {
    await clusteredOnSqlite(
      db,
      db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start']),
    ).execute();
  },
};

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_rate_limits': rateLimits,
  '0003_gazetteer': gazetteer,
  '0004_boundary_versions': boundaryVersions,
  '0005_area_maps': areaMaps,
  '0006_staff': staff,
  '0007_moderation': moderation,
  '0008_insatser_admin': insatserAdmin,
  '0009_proposals': proposals,
  '0010_insights': insights,
  '0011_scale_words': scaleWords,
  '0012_staff_namnder': staffNamnder,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * The Migrator for `db`. On PostgreSQL its bookkeeping tables are pinned to the current
 * schema: Kysely otherwise looks for them in every schema of the database, so a second
 * Kraftsamla schema (or another app's kysely_migration) would make it skip creating its own.
 */
async function migrator(db: Kysely<unknown>): Promise<Migrator> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check search_path');
  return new Migrator({ db, provider, migrationTableSchema: schema });
}

/**
 * Errors of Kysely's catalogue lookups (it lists every table of every schema before migrating)
 * when a schema or table is dropped at that moment — parallel tests do that all the time. No
 * migration has run then, so running again is safe.
 */
const CATALOGUE_RACE: ReadonlySet<string> = new Set(['3F000', '42P01', '42703', 'XX000']);

/** Runs the pending migrations; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  let outcome = await (await migrator(db)).migrateToLatest();
  for (let attempt = 1; attempt < 4; attempt++) {
    const code = (outcome.error as { code?: unknown } | undefined)?.code;
    const ranNone = (outcome.results ?? []).every((r) => r.status === 'NotExecuted');
    if (!(ranNone && typeof code === 'string' && CATALOGUE_RACE.has(code))) break;
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    outcome = await (await migrator(db)).migrateToLatest();
  }
  const { error, results } = outcome;
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}

/**
 * Names of the migrations in {@link migrations} the database has not run, in order; rejects
 * when the database cannot be reached. Used by /readyz.
 */
export async function pendingMigrations(db: Kysely<unknown>): Promise<string[]> {
  const all = await (await migrator(db)).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
