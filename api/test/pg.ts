/**
 * Test support for PostgreSQL: where the test server is, and fresh, isolated places on it.
 *
 * Tests find PostgreSQL through TEST_PG_URL, never DATABASE_URL (that one selects the app's
 * own store). Every store gets its own schema (or, for server processes and backups, its
 * own database), so parallel vitest workers never see each other's rows. When the server
 * cannot be reached the tests fail, saying how to start it: CI promises PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactUrl } from '../config/index.ts';

/** The PostgreSQL server (and database) the tests use. */
export const TEST_PG_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Every schema and database the tests make starts with this, so leftovers are easy to spot. */
export const TEST_NAME_PREFIX = 'kt_';

const HOW_TO_START =
  'The store tests run on SQLite and on a real PostgreSQL server. Start the local one with\n' +
  '  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
  '(install it with `apt-get install -y postgresql`; .ci/run does both), or set TEST_PG_URL to a\n' +
  'server where this user may create schemas and databases (trust or password in the URL).';

/** Runs `fn` on a new connection to `url` (default TEST_PG_URL), closing it afterwards. */
export async function withPgClient<T>(fn: (client: pg.Client) => Promise<T>, url = TEST_PG_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at TEST_PG_URL=${redactUrl(url)}: ${(err as Error).message}\n${HOW_TO_START}`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

let counter = 0;
/** A name no other worker or run picks: prefix, process id, a counter and random bits. */
function uniqueName(): string {
  counter += 1;
  return `${TEST_NAME_PREFIX}${process.pid}_${counter}_${randomBytes(4).toString('hex')}`;
}

/** `url` with `database` as its database and `params` added to its query string. */
export function pgUrl(url: string, change: { database?: string; params?: Record<string, string> }): string {
  const u = new URL(url);
  if (change.database) u.pathname = `/${change.database}`;
  for (const [k, v] of Object.entries(change.params ?? {})) u.searchParams.set(k, v);
  return u.toString();
}

/** A place on PostgreSQL for one test: the URL to give the store, and how to remove it. */
export interface PgPlace {
  url: string;
  /** The schema or database name. */
  name: string;
  drop(): Promise<void>;
}

/**
 * A new, empty schema in the TEST_PG_URL database; the returned URL puts it first on the
 * search_path (through the connection's `options`), so the app's unqualified tables land there.
 */
export async function freshPgSchema(): Promise<PgPlace> {
  const name = uniqueName();
  await withPgClient((c) => c.query(`CREATE SCHEMA ${name}`));
  return {
    name,
    url: pgUrl(TEST_PG_URL, { params: { options: `-c search_path=${name}` } }),
    drop: () => withPgClient((c) => c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)).then(() => {}),
  };
}

/**
 * A new, empty database on the TEST_PG_URL server: for tests that start server processes or
 * dump and restore a whole database. Dropped with FORCE, so a killed server's connections
 * do not keep it alive.
 */
export async function freshPgDatabase(): Promise<PgPlace> {
  const name = uniqueName();
  await withPgClient((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: pgUrl(TEST_PG_URL, { database: name }),
    drop: () => withPgClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}
