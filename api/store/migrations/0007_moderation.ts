/**
 * Moderation and data protection (issue 6).
 *
 * - `submissions`: `flagged` (any automatic check found something), the reason template, who
 *   moderated when, and `primary_area`. The queue indexes are partial, `WHERE moderation_status <> 'none'`: choice and
 *   scale answers, most of what arrives, are never moderated and pay no index write at ingest.
 *   A query can use them only when it repeats that condition literally (not as a parameter):
 *   see `moderated()` in kysely/queue.ts.
 *   - `submissions_queue (moderation_status, flagged, received_at, id)`: the queue per status,
 *     flagged first, oldest first, keyset pagination, without sorting;
 *   - `submissions_queue_insats (insats_id, …)`: the same per insats (also the public list);
 *   - `submissions_queue_area (primary_area, …)`: the same per delområde, by `primary_area`,
 *     the current primary tag's area, which every write of tags keeps up to date;
 *   - `submissions_device (device_id, received_at)`: a device's recent texts, for
 *     near-duplicate detection at ingest.
 * - `submission_flags`: what the checks found, positions only (never the matched text).
 * - `reason_templates`: reasons staff pick when rejecting, per language; seeded below.
 * - `redactions` (field, spans, mode, who: never text) and `restricted_originals` (the originals
 *   a `restricted` redaction keeps, for admins only).
 * - `official_answers.answered_by`, `staff_users.digest_opt_in`.
 * - `settings` (JSON by key) and `mail_outbox` (durable, leased, blanked once sent).
 * - `audit_retention` and a new delete trigger on `audit_log`: the log stays append-only (UPDATE
 *   and TRUNCATE are still refused, and DELETE of anything younger than AUDIT_MIN_AGE_DAYS, by
 *   the database's own clock, whatever is recorded), but a row older than the cutoff the retention
 *   job recorded in `audit_retention` may be deleted — retention per the city's gallringsbeslut.
 */
import { type Kysely, type Migration, PostgresAdapter, SqliteAdapter, sql } from 'kysely';
import { AUDIT_MIN_AGE_DAYS } from '../moderation.ts';
import { AUDIT_APPEND_ONLY } from './0006_staff.ts';

/** The reasons a new installation starts with; staff edit them in the staff screens. */
export const SEEDED_REASON_TEMPLATES = [
  {
    id: 'personuppgifter',
    label: { sv: 'Personuppgifter', en: 'Personal data' },
    text: {
      sv: 'Ditt bidrag innehöll personuppgifter (till exempel personnummer, telefonnummer eller namn på andra) och kan därför inte publiceras.',
      en: 'Your contribution contained personal data (such as a personal identity number, a phone number or other people’s names) and so cannot be published.',
    },
  },
  {
    id: 'krankande',
    label: { sv: 'Kränkande innehåll', en: 'Offensive' },
    text: {
      sv: 'Ditt bidrag innehöll kränkande eller hotfulla formuleringar och publiceras inte.',
      en: 'Your contribution contained offensive or threatening wording and is not published.',
    },
  },
  {
    id: 'inte-relevant',
    label: { sv: 'Handlar inte om insatsen', en: 'Off topic' },
    text: {
      sv: 'Ditt bidrag handlar inte om den här insatsen eller om ditt område och publiceras därför inte här.',
      en: 'Your contribution is not about this initiative or your area, so it is not published here.',
    },
  },
  {
    id: 'dubblett',
    label: { sv: 'Dubblett', en: 'Duplicate' },
    text: {
      sv: 'Vi har redan fått samma bidrag från dig. Det första publiceras, inte det här.',
      en: 'We already received the same contribution from you. The first one is published, not this one.',
    },
  },
  {
    id: 'reklam',
    label: { sv: 'Reklam', en: 'Advertising' },
    text: {
      sv: 'Ditt bidrag innehöll reklam eller länkar till försäljning och publiceras inte.',
      en: 'Your contribution contained advertising or links to sales and is not published.',
    },
  },
] as const;

export const moderation: Migration = {
  async up(db: Kysely<unknown>) {
    const adapter = db.getExecutor().adapter;
    const sqlite = adapter instanceof SqliteAdapter;
    const postgres = adapter instanceof PostgresAdapter;
    if (!sqlite && !postgres) throw new Error('0007: no audit retention trigger for this database');
    const moderated = sql<boolean>`moderation_status <> 'none'`;

    await db.schema
      .alterTable('submissions')
      .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('submissions').addColumn('status_reason_template', 'text').execute();
    await db.schema.alterTable('submissions').addColumn('moderated_at', 'text').execute();
    await db.schema.alterTable('submissions').addColumn('moderated_by', 'text').execute();
    // The current primary tag's area, kept beside the tags by every write of them (ingest,
    // re-tagging, staff): filtering the queue (and the public list) by delområde is then a range
    // of an index like filtering by insats, not a probe of the tags for every row.
    await db.schema.alterTable('submissions').addColumn('primary_area', 'text').execute();
    await sql`update submissions set primary_area = (
                select t.area_code from tags t
                 where t.submission_id = submissions.id and t.current = 1 and t.is_primary = 1
                 limit 1)`.execute(db);
    await db.schema
      .createIndex('submissions_queue')
      .on('submissions')
      .columns(['moderation_status', 'flagged', 'received_at', 'id'])
      .where(moderated)
      .execute();
    await db.schema
      .createIndex('submissions_queue_insats')
      .on('submissions')
      .columns(['insats_id', 'moderation_status', 'flagged', 'received_at', 'id'])
      .where(moderated)
      .execute();
    await db.schema
      .createIndex('submissions_queue_area')
      .on('submissions')
      .columns(['primary_area', 'moderation_status', 'flagged', 'received_at', 'id'])
      .where(moderated)
      .execute();
    await db.schema
      .createIndex('submissions_device')
      .on('submissions')
      .columns(['device_id', 'received_at'])
      .where(moderated)
      .execute();

    // As the other link tables: stored in its primary key's B-tree on SQLite.
    const flags = db.schema
      .createTable('submission_flags')
      .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('span_start', 'integer')
      .addColumn('span_end', 'integer')
      .addColumn('duplicate_of', 'text')
      .addPrimaryKeyConstraint('submission_flags_pk', ['submission_id', 'seq']);
    await (sqlite ? flags.modifyEnd(sql`without rowid`) : flags).execute();

    await db.schema
      .createTable('reason_templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    const now = new Date().toISOString();
    await (db as Kysely<{ reason_templates: Record<string, unknown> }>)
      .insertInto('reason_templates')
      .values(
        SEEDED_REASON_TEMPLATES.map((t, i) => ({
          id: t.id,
          position: (i + 1) * 10,
          active: 1,
          label: JSON.stringify(t.label),
          text: JSON.stringify(t.text),
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();

    await db.schema
      .createTable('redactions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('spans', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('restricted', 'purge')`))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .execute();
    await db.schema.createIndex('redactions_submission').on('redactions').column('submission_id').execute();
    await db.schema
      .createTable('restricted_originals')
      .addColumn('redaction_id', 'text', (c) => c.primaryKey().references('redactions.id'))
      .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('original', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('restricted_originals_submission')
      .on('restricted_originals')
      .column('submission_id')
      .execute();

    await db.schema.alterTable('official_answers').addColumn('answered_by', 'text').execute();
    await db.schema
      .alterTable('staff_users')
      .addColumn('digest_opt_in', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();

    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text')
      .addColumn('subject', 'text')
      .addColumn('body_text', 'text')
      .addColumn('body_html', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sent', 'given-up')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema
      .createIndex('mail_outbox_due')
      .on('mail_outbox')
      .columns(['status', 'next_attempt_at'])
      .execute();

    await db.schema
      .createTable('audit_retention')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('cutoff', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await auditRetentionTriggers(db, sqlite);
  },
};

/**
 * Replaces 0006's refusal of every DELETE on audit_log by one that lets a row go only when it is
 * older than the recorded cutoff AND older than AUDIT_MIN_AGE_DAYS by the database's clock.
 * UPDATE (and TRUNCATE on PostgreSQL) keep 0006's triggers, untouched.
 */
async function auditRetentionTriggers(db: Kysely<unknown>, sqlite: boolean): Promise<void> {
  const message = sql.lit(AUDIT_APPEND_ONLY);
  const minAge = sql.lit(`-${AUDIT_MIN_AGE_DAYS} days`);
  if (sqlite) {
    await sql`drop trigger audit_log_no_delete`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
              when not (
                old.at < coalesce((select cutoff from audit_retention where id = 1), '')
                and old.at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${minAge})
              )
              begin select raise(abort, ${message}); end`.execute(db);
    return;
  }
  // The table is named with its schema: a session's own temporary table called audit_retention
  // (pg_temp comes first on the search path) must not be able to stand in for it.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check search_path');
  const table = sql`${sql.id(schema)}.audit_retention`;
  const interval = sql.lit(`${AUDIT_MIN_AGE_DAYS} days`);
  await sql`create function audit_log_delete_guard() returns trigger language plpgsql as $$
            begin
              if old.at < coalesce((select cutoff from ${table} where id = 1), '')
                 and old.at < to_char((now() at time zone 'UTC') - interval ${interval},
                                      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') then
                return old;
              end if;
              raise exception ${message};
            end
            $$`.execute(db);
  await sql`drop trigger audit_log_no_update_delete on audit_log`.execute(db);
  await sql`create trigger audit_log_no_update before update on audit_log
            for each row execute function audit_log_append_only()`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
            for each row execute function audit_log_delete_guard()`.execute(db);
}
