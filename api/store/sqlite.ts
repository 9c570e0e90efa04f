/**
 * The embedded SQLite store: better-sqlite3 under Kysely's SqliteDialect.
 */
import { mkdirSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { kyselyStore } from './kysely/index.ts';
import type { Database as Schema } from './schema.ts';
import type { Store } from './types.ts';

/**
 * The pragmas every connection gets.
 * - WAL: readers never block the writer.
 * - synchronous=FULL: a commit is on disk before it returns, so an acknowledged
 *   submission survives a power loss, not only a crash (NORMAL would not).
 * - busy_timeout: wait for another process's write lock instead of failing at once.
 * - foreign_keys: SQLite leaves them off unless asked.
 * - secure_delete: what is deleted or overwritten (a purged redaction, contact details past
 *   their retention) is zeroed in the file, not left in free space where a copy of the file
 *   would still hold it. Costs a little on deletes, which are rare here; none on inserts.
 */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'busy_timeout = 5000',
  'foreign_keys = ON',
  'secure_delete = ON',
];

/** Opens (creating if needed) the SQLite file at `path`, or `:memory:`, with {@link SQLITE_PRAGMAS}. */
export function openSqliteDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  for (const pragma of SQLITE_PRAGMAS) database.pragma(pragma);
  // SQLite's own lower() folds ASCII only; PostgreSQL's (UTF-8) folds å, Ä and the rest, and
  // the queue's text filter must find "Ängen" in both. No index or stored value uses lower().
  database.function('lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  return database;
}

/**
 * Free space below this on the database's filesystem still counts as a full disk for the
 * readiness probe: about one WAL's worth (1000 pages of 4 KB before a checkpoint). A small
 * probe write alone would pass on a few freed bytes, or in space a failed write left inside
 * the WAL file, while the next real batch fails again.
 */
export const SQLITE_MIN_FREE_BYTES = 4 * 1024 * 1024;

/** The store over the SQLite file at `path`. */
export function openSqliteStore(path: string): Store {
  const database = withStatementCache(openSqliteDatabase(path));
  const checkSpace =
    path === ':memory:'
      ? undefined
      : () => {
          const fs = statfsSync(dirname(path));
          if (fs.bavail * fs.bsize < SQLITE_MIN_FREE_BYTES) {
            const message = `less than ${SQLITE_MIN_FREE_BYTES} bytes free next to the database`;
            throw Object.assign(new Error(message), { code: 'ENOSPC' });
          }
        };
  return kyselyStore(new Kysely<Schema>({ dialect: new SqliteDialect({ database }) }), { checkSpace });
}

/** Distinct SQL texts kept prepared; the app issues a few dozen shapes. */
const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely prepares every query anew, and compiling SQL was a tenth of the ingest time.
 * The same SQL text reuses its prepared statement (least recently used dropped first).
 * Safe because Kysely's SQLite driver runs one query at a time on its one connection.
 *
 * Also: SQLite itself rolls a transaction back when a write fails with SQLITE_FULL (or an I/O
 * error). Kysely then sends its own `rollback`, which would fail with "cannot rollback - no
 * transaction is active" and be thrown instead of the SQLITE_FULL that says what happened.
 * A rollback with no transaction open is therefore nothing.
 */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  const rollback = database.prepare('rollback');
  const rollbackIfOpen = {
    reader: false,
    all: () => [],
    iterate: () => [][Symbol.iterator](),
    run: () => (database.inTransaction ? rollback.run() : { changes: 0, lastInsertRowid: 0 }),
  };
  return {
    close: () => database.close(),
    prepare(sql) {
      if (sql === 'rollback') return rollbackIfOpen;
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
