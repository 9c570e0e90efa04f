/**
 * What operators ask of the store: is the database there, and is its schema current.
 */
import { type Kysely, sql } from 'kysely';
import { pendingMigrations } from '../migrations.ts';
import type { Database } from '../schema.ts';
import type { Store } from '../types.ts';

type OperationsStore = Pick<Store, 'ping' | 'pendingMigrations' | 'probeWrite'>;

/** The lease row the write probe adds and removes; no job takes a lease by this name. */
export const PROBE_LEASE = 'readiness-write-probe';

/**
 * Readiness queries, portable across SQLite and PostgreSQL. `checkSpace`, when given, runs
 * before the write probe and throws when the disk is still (nearly) full.
 */
export function operationsStore(db: Kysely<Database>, checkSpace?: () => void): OperationsStore {
  return {
    async ping() {
      await sql`select 1`.execute(db);
    },
    pendingMigrations: () => pendingMigrations(db as Kysely<unknown>),
    async probeWrite() {
      checkSpace?.();
      // Added and removed in one committed transaction: the commit must write to the journal
      // (SQLite's WAL, PostgreSQL's WAL), which is what fails on a full disk; no row remains.
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('leases')
          .values({ name: PROBE_LEASE, holder: null, expires_at: new Date(0).toISOString() })
          .onConflict((oc) => oc.column('name').doNothing())
          .execute();
        await trx.deleteFrom('leases').where('name', '=', PROBE_LEASE).execute();
      });
    },
  };
}
