/**
 * Rate-limit counters: fixed windows kept in the database, so every instance behind a load
 * balancer counts against the same numbers. Portable SQL: `INSERT … ON CONFLICT DO UPDATE …
 * RETURNING` is the same on SQLite (3.35+) and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Store } from '../types.ts';

type RateLimitStore = Pick<Store, 'addRateLimitHits' | 'expireRateLimits'>;

/** The rate-limit half of the store. */
export function rateLimitStore(db: Kysely<Database>): RateLimitStore {
  return {
    async addRateLimitHits(windowStart, hits) {
      const counts = new Map<string, number>();
      if (hits.size === 0) return counts;
      // Keys in a fixed order: two instances upserting overlapping keys (one address, two
      // devices) then lock the rows in the same order on PostgreSQL and cannot deadlock.
      // One row per key, as PostgreSQL refuses to update a row twice in one statement.
      const rows = [...hits]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, n]) => ({ key, window_start: windowStart, hits: n }));
      const returned = await db
        .insertInto('rate_limits')
        .values(rows)
        .onConflict((oc) =>
          oc
            .columns(['key', 'window_start'])
            .doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', eb.ref('excluded.hits')) })),
        )
        .returning(['key', 'hits'])
        .execute();
      for (const row of returned) counts.set(row.key, Number(row.hits));
      return counts;
    },

    async expireRateLimits(windowStart) {
      const result = await db
        .deleteFrom('rate_limits')
        .where('window_start', '<', windowStart)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
