/**
 * Insights (issue 8): aggregates kept up to date with the submissions, and indicators.
 *
 * - `agg_submissions`: how many submissions per (day, insats, delområde, kind, group, age band),
 *   twice: by the primary tag (`basis` 'primary') and by every current tag ('any'). `counted`
 *   is 0 for rejected and hidden ones. Kept in step by ingest, moderation, staff corrections
 *   and re-tagging in the same transaction (api/store/kysely/aggregates.ts), so the dashboard
 *   reads these rows and never scans submissions. '' stands for "none" in key columns.
 * - `agg_answers`: how many answered each option of each question version, per day, delområde
 *   (primary) and group.
 * - `indicators`, `indicator_values`: definitions and values (measurements, baselines, targets).
 * - `reporting_areas`, `reporting_area_members`: the crosswalk from areas that statistics are
 *   published for (UVAS) to the delområden that make them up.
 */
import {
  type CreateTableBuilder,
  type Kysely,
  type Migration,
  PostgresAdapter,
  SqliteAdapter,
  sql,
} from 'kysely';
import { rebuildAggregates } from '../kysely/aggregates.ts';
import type { Database } from '../schema.ts';

/** Aggregate rows live in their primary key's B-tree on SQLite (no second lookup for `n`). */
function clustered<T extends string, C extends string>(
  db: Kysely<unknown>,
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C> {
  return db.getExecutor().adapter instanceof SqliteAdapter ? table.modifyEnd(sql`without rowid`) : table;
}

export const insights: Migration = {
  async up(db: Kysely<unknown>) {
    await clustered(db, db.schema.createTable('agg_submissions'))
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('counted', 'integer', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('insats_id', 'text', (c) => c.notNull())
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('respondent_group', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('age_band', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('agg_submissions_pk', [
        'basis',
        'counted',
        'day',
        'insats_id',
        'area_code',
        'respondent_group',
        'kind',
        'age_band',
      ] as never)
      .execute();

    await clustered(db, db.schema.createTable('agg_answers'))
      .addColumn('counted', 'integer', (c) => c.notNull())
      .addColumn('insats_id', 'text', (c) => c.notNull())
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('question_version', 'integer', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('respondent_group', 'text', (c) => c.notNull())
      .addColumn('option', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      // Insats, then day: the dashboard always names one insats and a period.
      .addPrimaryKeyConstraint('agg_answers_pk', [
        'counted',
        'insats_id',
        'day',
        'question_id',
        'question_version',
        'area_code',
        'respondent_group',
        'option',
      ] as never)
      .execute();
    // The dashboard's selective filters (one delområde or a stadsområde's; one insats) as index
    // ranges, each with the period; the primary key serves the period alone.
    await db.schema
      .createIndex('agg_submissions_area')
      .on('agg_submissions')
      .columns(['basis', 'counted', 'area_code', 'day'])
      .execute();
    await db.schema
      .createIndex('agg_submissions_insats')
      .on('agg_submissions')
      .columns(['basis', 'counted', 'insats_id', 'day'])
      .execute();
    await db.schema
      .createIndex('agg_answers_area')
      .on('agg_answers')
      .columns(['counted', 'insats_id', 'area_code', 'day'])
      .execute();
    // Submissions stored before this migration are counted now (a no-op on a new database).
    await rebuildAggregates(
      db as unknown as Kysely<Database>,
      db.getExecutor().adapter instanceof PostgresAdapter,
    );

    await db.schema
      .createTable('indicators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('insats_id', 'text')
      .addColumn('geography', 'text', (c) => c.notNull())
      .addColumn('preset', 'integer', (c) => c.notNull().defaultTo(0))
      // JSON: name, description, unit, direction, source.
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('indicator_values')
      .addColumn('indicator_id', 'text', (c) => c.notNull())
      .addColumn('geo_code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      // Decimal as text: portable and exact (no float rounding on either store).
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('example', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addPrimaryKeyConstraint('indicator_values_pk', ['indicator_id', 'geo_code', 'kind', 'year'] as never)
      .execute();

    await db.schema
      .createTable('reporting_areas')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('reporting_area_members')
      .addColumn('reporting_code', 'text', (c) => c.notNull())
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reporting_area_members_pk', ['reporting_code', 'area_code'] as never)
      .execute();
  },
};
