/**
 * Boundary set versions: listing, the active version, activation (with its re-tag job), and
 * the leases that let one instance at a time run that job. Portable Kysely queries.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../schema.ts';
import type { RetagJob, Store } from '../types.ts';
import { withRetry } from './retry.ts';

type BoundaryVersionStore = Pick<
  Store,
  'listBoundarySets' | 'activeBoundaryVersion' | 'activateBoundarySet' | 'claimLease' | 'releaseLease'
>;

/** The boundary-version half of the store. */
export function boundaryVersionStore(db: Kysely<Database>): BoundaryVersionStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    async listBoundarySets() {
      const rows = await db
        .selectFrom('boundary_sets')
        .select(['version', 'active', 'created_at', 'activated_at'])
        .orderBy('created_at')
        .orderBy('version')
        .execute();
      return rows.map((r) => ({
        version: r.version,
        active: r.active === 1,
        createdAt: r.created_at,
        activatedAt: r.activated_at,
      }));
    },

    async activeBoundaryVersion() {
      const row = await db
        .selectFrom('boundary_sets')
        .select('version')
        .where('active', '=', 1)
        .executeTakeFirst();
      return row?.version;
    },

    async activateBoundarySet(version, job) {
      // Counted before the transaction: a progress figure, not worth holding locks for.
      const { n } = await db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return withRetry(() =>
        db.transaction().execute(async (trx): Promise<RetagJob | undefined> => {
          if (postgres) {
            // Waits for ingest transactions in flight and holds new ones off until this commits:
            // a submission is then either committed before the job's first read, or stored after
            // it by a transaction that sees this version active (and queues itself for re-tagging
            // if its instance tagged against an older set). SHARE does not block reads.
            await sql`lock table submissions in share mode`.execute(trx);
          }
          // A write first, so SQLite takes its write lock now rather than failing to upgrade later.
          const target = await trx
            .updateTable('boundary_sets')
            .set((eb) => ({ active: eb.ref('active') }))
            .where('version', '=', version)
            .returning('active')
            .executeTakeFirst();
          if (!target) throw new Error(`there is no boundary set version "${version}"`);
          if (target.active === 1) {
            const latest = await trx
              .selectFrom('retag_jobs')
              .selectAll()
              .where('boundary_version', '=', version)
              .orderBy('created_at', 'desc')
              .executeTakeFirst();
            return latest ? toRetagJob(latest) : undefined;
          }
          const previous = await trx
            .selectFrom('boundary_sets')
            .select('version')
            .where('active', '=', 1)
            .executeTakeFirst();
          await trx
            .updateTable('retag_jobs')
            .set({ status: 'superseded', updated_at: job.at, finished_at: job.at })
            .where('status', '=', 'running')
            .execute();
          // Two statements, not one: the unique index on the active flag is checked per row.
          await trx.updateTable('boundary_sets').set({ active: 0 }).where('active', '=', 1).execute();
          await trx
            .updateTable('boundary_sets')
            .set({ active: 1, activated_at: job.at })
            .where('version', '=', version)
            .execute();
          // The new job re-tags every submission, those queued included.
          await trx.deleteFrom('retag_pending').execute();
          const row = {
            id: job.id,
            boundary_version: version,
            previous_version: previous?.version ?? null,
            status: 'running' as const,
            cursor: '',
            processed: 0,
            total: Number(n),
            created_at: job.at,
            updated_at: job.at,
            finished_at: null,
          };
          await trx.insertInto('retag_jobs').values(row).execute();
          return toRetagJob(row);
        }),
      );
    },

    async claimLease(name, holder, ttlMs) {
      const now = new Date();
      const expires = new Date(now.getTime() + ttlMs).toISOString();
      // One statement: insert the lease, or take it over only if it is ours, free or expired.
      // Two instances racing both run it; the row lock (PostgreSQL) or the write lock (SQLite)
      // orders them, and the second one's condition no longer holds.
      const rows = await db
        .insertInto('leases')
        .values({ name, holder, expires_at: expires })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ holder, expires_at: expires })
            .where((eb) =>
              eb.or([
                eb('leases.holder', '=', holder),
                eb('leases.holder', 'is', null),
                eb('leases.expires_at', '<', now.toISOString()),
              ]),
            ),
        )
        .returning('name')
        .execute();
      return rows.length === 1;
    },

    async releaseLease(name, holder) {
      await db
        .updateTable('leases')
        .set({ holder: null, expires_at: new Date().toISOString() })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .execute();
    },
  };
}

/** A retag_jobs row as the store's callers see it. */
export function toRetagJob(row: Database['retag_jobs']): RetagJob {
  return {
    id: row.id,
    boundaryVersion: row.boundary_version,
    previousVersion: row.previous_version,
    status: row.status,
    cursor: row.cursor,
    processed: Number(row.processed),
    total: Number(row.total),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}
