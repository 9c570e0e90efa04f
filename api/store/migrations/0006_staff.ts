/**
 * Staff identity (issue 5): accounts, server-side sessions, the audit log, OIDC sign-ins in
 * progress and sign-in attempt counters.
 *
 * - `staff_users`: one row per account; `email` is stored lower-case and unique (one account
 *   per address however it is typed); `oidc_subject` (`issuer|sub`) is unique when set.
 * - `staff_sessions`: keyed by the SHA-256 of the cookie's token, never the token itself.
 * - `audit_log`: append-only, and the database says so, not only the code: triggers refuse
 *   UPDATE and DELETE (and TRUNCATE on PostgreSQL), so a bug or a stray query cannot rewrite
 *   history. Whoever owns the schema can still drop the triggers; that is a deliberate act
 *   outside the app, not something a request can do.
 * - `oidc_flows`: state, nonce and PKCE verifier of a sign-in between redirect and callback,
 *   so the callback may reach any instance.
 * - `sign_in_attempts`: like `rate_limits` (0002), kept apart because its windows are longer
 *   and the participant limiter's sweep deletes everything older than a minute or two.
 */
import { type Kysely, type Migration, PostgresAdapter, SqliteAdapter, sql } from 'kysely';

/** The message both databases refuse a change of the audit log with. */
export const AUDIT_APPEND_ONLY = 'audit_log is append-only';

export const staff: Migration = {
  async up(db: Kysely<unknown>) {
    const adapter = db.getExecutor().adapter;
    const sqlite = adapter instanceof SqliteAdapter;
    const message = sql.lit(AUDIT_APPEND_ONLY);

    await db.schema
      .createTable('staff_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('role', 'text', (c) => c.check(sql`role in ('admin', 'moderator', 'analyst')`))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('password_hash', 'text')
      .addColumn('oidc_subject', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('last_login_at', 'text')
      .execute();

    await db.schema
      .createTable('staff_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('password', 'oidc')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('staff_sessions_user').on('staff_sessions').column('user_id').execute();

    // No foreign key to staff_users: the log outlives whatever happens to accounts.
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text')
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('request_id', 'text')
      .execute();
    // Browsing is newest first by (at, id), filtered or not: each index ends in (at, id) so a
    // filtered page is read in order too, without sorting the whole match.
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
    await db.schema
      .createIndex('audit_log_target')
      .on('audit_log')
      .columns(['target_type', 'target_id', 'at', 'id'])
      .execute();
    await db.schema
      .createIndex('audit_log_actor')
      .on('audit_log')
      .columns(['actor_id', 'at', 'id'])
      .execute();

    if (sqlite) {
      await sql`create trigger audit_log_no_update before update on audit_log
                begin select raise(abort, ${message}); end`.execute(db);
      await sql`create trigger audit_log_no_delete before delete on audit_log
                begin select raise(abort, ${message}); end`.execute(db);
    } else if (adapter instanceof PostgresAdapter) {
      // Created in the current schema (first on search_path), beside the table.
      await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
                begin raise exception ${message}; end
                $$`.execute(db);
      await sql`create trigger audit_log_no_update_delete before update or delete on audit_log
                for each row execute function audit_log_append_only()`.execute(db);
      // TRUNCATE fires no row triggers: a statement trigger of its own.
      await sql`create trigger audit_log_no_truncate before truncate on audit_log
                for each statement execute function audit_log_append_only()`.execute(db);
    } else {
      throw new Error('audit_log: no append-only triggers for this database');
    }

    await db.schema
      .createTable('oidc_flows')
      .addColumn('state', 'text', (c) => c.primaryKey())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('return_to', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    // As rate_limits: no secondary index, and the rows live in the key's B-tree on SQLite.
    const attempts = db.schema
      .createTable('sign_in_attempts')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('sign_in_attempts_pk', ['key', 'window_start']);
    await (sqlite ? attempts.modifyEnd(sql`without rowid`) : attempts).execute();
  },
};
