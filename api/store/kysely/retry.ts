/**
 * Retrying transactions that the database aborted only because of another transaction.
 *
 * PostgreSQL may end a transaction with a serialization failure (40001) or break a
 * deadlock by aborting one side (40P01). Neither means the input was wrong: running the
 * whole transaction again is correct and usually succeeds at once. SQLite has no such
 * errors (one writer; busy_timeout waits for the lock), so this never fires there.
 */

/** SQLSTATE codes after which the whole transaction may simply run again. */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01']);

/** How many times a transaction runs at most, the first run included. */
export const MAX_TRANSACTION_ATTEMPTS = 5;

/** True for an error PostgreSQL raised because of a concurrent transaction. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

/**
 * Runs `transaction` (which must start a fresh transaction on every call) until it succeeds,
 * fails with another error, or has run `attempts` times. Waits a little, with jitter, between
 * runs so that the transactions that collided do not collide again in lockstep.
 */
export async function withRetry<T>(
  transaction: () => Promise<T>,
  { attempts = MAX_TRANSACTION_ATTEMPTS, baseDelayMs = 5 }: { attempts?: number; baseDelayMs?: number } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (err) {
      if (attempt >= attempts || !isRetryable(err)) throw err;
      const delay = baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
