/**
 * What operators ask of the store: is the database there, and is its schema current.
 */
import { type Kysely, sql } from 'kysely';
import { pendingMigrations } from '../migrations.ts';
import type { Database } from '../schema.ts';
import type { Store } from '../types.ts';

type OperationsStore = Pick<Store, 'ping' | 'pendingMigrations'>;

/** Readiness queries, portable across SQLite and PostgreSQL. */
export function operationsStore(db: Kysely<Database>): OperationsStore {
  return {
    async ping() {
      await sql`select 1`.execute(db);
    },
    pendingMigrations: () => pendingMigrations(db as Kysely<unknown>),
  };
}
