/**
 * The PostgreSQL store: Kysely's PostgresDialect over a pg Pool. The queries are the same
 * portable ones the SQLite store runs (./kysely); only connecting differs.
 */
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type PostgresDialectConfig,
  PostgresDriver,
  sql,
} from 'kysely';
import pg from 'pg';
import { type PostgresConfig, redactUrl } from '../config/index.ts';
import { classifyStoreError } from './faults.ts';
import { kyselyStore } from './kysely/index.ts';
import type { Database as Schema } from './schema.ts';
import type { Store } from './types.ts';

/** How every connection identifies itself in pg_stat_activity and the server log. */
export const POSTGRES_APPLICATION_NAME = 'kraftsamla';

/**
 * A transaction left open this long is ended by the server. Ours take milliseconds; only a
 * stuck process holds one open, and its locks would block every other instance.
 */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

/**
 * The pool settings for `config`. The timeouts are sent when each connection starts, so
 * they hold for every query on it, migrations included.
 */
export function postgresPoolConfig(config: PostgresConfig): pg.PoolConfig {
  return {
    connectionString: config.url,
    max: config.poolMax,
    application_name: POSTGRES_APPLICATION_NAME,
    statement_timeout: config.statementTimeoutMs,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    // Waiting for a free connection (or a new one) is bounded too: under overload a request
    // fails after this long instead of queueing without end.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  };
}

/** A Kysely instance over a new pool for `config`; `destroy()` closes the pool. */
export function openPostgresDatabase(config: PostgresConfig): Kysely<Schema> {
  const pool = new pg.Pool(postgresPoolConfig(config));
  const report = connectionLossReporter();
  // A connection that breaks (server restart, failover, network) emits 'error' on its client,
  // and an 'error' event without a listener ends the process. The pool listens only while a
  // client is idle; a client checked out by Kysely (a query running, or between the queries
  // of a transaction) has no listener of its own. So every client gets one for its whole
  // life, as soon as it is made. Its query fails on its own (the caller answers 503), and the
  // pool discards the broken client when it is released and opens new ones on demand.
  pool.on('connect', (client) => {
    client.on('error', report);
  });
  // The pool re-emits an idle client's error here; the client's own listener reported it.
  pool.on('error', () => {});
  return new Kysely<Schema>({ dialect: new FaultTolerantPostgresDialect({ pool }) });
}

/**
 * Kysely's PostgresDialect, except that a ROLLBACK which fails because the connection broke is
 * nothing: the server ends a transaction whose session ended, and the pool discards the broken
 * client on release. Without this, "Client has encountered a connection error and is not
 * queryable" from the rollback would be thrown instead of the error that said why (57P01 …).
 */
class FaultTolerantPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new (class extends PostgresDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        try {
          await super.rollbackTransaction(connection);
        } catch (err) {
          if (classifyStoreError(err)?.kind !== 'database-unavailable') throw err;
        }
      }
    })(this.#config);
  }
}

/** How often at most a lost connection is reported: a restart breaks every connection at once. */
const LOSS_REPORT_INTERVAL_MS = 5_000;

/**
 * Reports lost connections on stderr (the store has no logger), one line per interval with
 * how many more were lost, so a restart under load is one line and not one per connection.
 */
function connectionLossReporter(now: () => number = Date.now): (err: Error) => void {
  let lastAt = Number.NEGATIVE_INFINITY;
  let unreported = 0;
  return (err) => {
    if (now() - lastAt < LOSS_REPORT_INTERVAL_MS) {
      unreported += 1;
      return;
    }
    const more = unreported > 0 ? ` (and ${unreported} more since the last report)` : '';
    const code = (err as { code?: string }).code;
    console.error(
      `PostgreSQL connection lost${code ? ` (${code})` : ''}: ${err.message}${more}; the pool will reconnect.`,
    );
    lastAt = now();
    unreported = 0;
  };
}

/** The store over the PostgreSQL database in `config`. */
export function openPostgresStore(config: PostgresConfig): Store {
  const db = openPostgresDatabase(config);
  const store = kyselyStore(db);
  return {
    ...store,
    async migrate() {
      // Said plainly at start, naming the variable: the usual first-day mistake.
      try {
        await sql`select 1`.execute(db);
      } catch (err) {
        throw new Error(
          `cannot reach PostgreSQL at DATABASE_URL=${redactUrl(config.url)}: ${(err as Error).message}`,
          { cause: err },
        );
      }
      await store.migrate();
    },
  };
}
