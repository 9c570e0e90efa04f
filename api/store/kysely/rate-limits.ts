/**
 * Fixed-window counters kept in the database, so every instance behind a load balancer counts
 * against the same numbers: the participant rate limits (`rate_limits`) and the staff sign-in
 * attempts (`sign_in_attempts`), two tables of the same shape with different sweeps. Portable
 * SQL: `INSERT … ON CONFLICT DO UPDATE … RETURNING` is the same on SQLite (3.35+) and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Store } from '../types.ts';

type RateLimitStore = Pick<Store, 'addRateLimitHits' | 'expireRateLimits'>;
type SignInAttemptStore = Pick<Store, 'addSignInAttempts' | 'expireSignInAttempts' | 'findSignInKeys'>;

/** The tables of counters; both have the columns of {@link Database.rate_limits}. */
type CounterTable = 'rate_limits' | 'sign_in_attempts';

interface Counters {
  add(windowStart: string, hits: ReadonlyMap<string, number>): Promise<Map<string, number>>;
  expire(windowStart: string): Promise<number>;
}

/** The rate-limit half of the store. */
export function rateLimitStore(db: Kysely<Database>): RateLimitStore {
  const counters = counterStore(db, 'rate_limits');
  return { addRateLimitHits: counters.add, expireRateLimits: counters.expire };
}

/** The sign-in attempt counters of the store. */
export function signInAttemptStore(db: Kysely<Database>): SignInAttemptStore {
  const counters = counterStore(db, 'sign_in_attempts');
  return {
    addSignInAttempts: counters.add,
    expireSignInAttempts: counters.expire,
    async findSignInKeys(keys, notBefore) {
      if (keys.length === 0) return new Set();
      const rows = await db
        .selectFrom('sign_in_attempts')
        .select('key')
        .where('key', 'in', [...keys])
        .where('window_start', '>=', notBefore)
        .execute();
      return new Set(rows.map((row) => row.key));
    },
  };
}

function counterStore(db: Kysely<Database>, table: CounterTable): Counters {
  // The tables have the same columns, so one of their types describes both queries; the SQL
  // names `table`.
  const name = table as 'rate_limits';
  return {
    async add(windowStart, hits) {
      const counts = new Map<string, number>();
      if (hits.size === 0) return counts;
      // Keys in a fixed order: two instances upserting overlapping keys (one address, two
      // devices) then lock the rows in the same order on PostgreSQL and cannot deadlock.
      // One row per key, as PostgreSQL refuses to update a row twice in one statement.
      const rows = [...hits]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, n]) => ({ key, window_start: windowStart, hits: n }));
      const returned = await db
        .insertInto(name)
        .values(rows)
        .onConflict((oc) =>
          oc
            .columns(['key', 'window_start'])
            .doUpdateSet((eb) => ({ hits: eb(`${name}.hits`, '+', eb.ref('excluded.hits')) })),
        )
        .returning(['key', 'hits'])
        .execute();
      for (const row of returned) counts.set(row.key, Number(row.hits));
      return counts;
    },

    async expire(windowStart) {
      const result = await db.deleteFrom(name).where('window_start', '<', windowStart).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
