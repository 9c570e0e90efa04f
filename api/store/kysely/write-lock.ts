/**
 * Taking SQLite's one write lock at the start of a transaction that reads before it writes.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * On SQLite, runs a write that changes nothing, so the transaction holds the write lock from
 * its start (waiting up to busy_timeout for another process) instead of failing to upgrade a
 * read later. On PostgreSQL it does nothing: callers lock the rows they read (FOR UPDATE).
 */
export async function writeFirst(trx: Transaction<Database>, postgres: boolean): Promise<void> {
  if (postgres) return;
  await trx
    .updateTable('leases')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('name', '=', '')
    .where('name', '<>', '')
    .execute();
}
