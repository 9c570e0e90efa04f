/**
 * Store faults: failures that say nothing about the request and end by themselves or by an
 * operator's hand: the database is away (a restart, a failover, the network) or its disk is
 * full. They are recognised here, once, at the store's edge, and thrown on as a
 * {@link StoreUnavailableError}; the app answers that 503 with Retry-After (devices keep the
 * item and send it again), and /readyz stays 503 until a probe succeeds.
 */

/** What kind of fault made the store fail. */
export type StoreFaultKind = 'database-unavailable' | 'disk-full';

/** The last fault a store call met, until a probe showed it is over. */
export interface StoreFault {
  kind: StoreFaultKind;
  /** The underlying code (`SQLITE_FULL`, `57P01`, `ECONNREFUSED`, …): what an operator looks up. */
  code: string;
  /** When it was first met in this episode (milliseconds since the epoch). */
  since: number;
}

/**
 * How long a device should wait before sending again. A restarted or failed-over database is
 * usually back within seconds; freeing disk space needs a person.
 */
export const RETRY_AFTER_SECONDS: Readonly<Record<StoreFaultKind, number>> = {
  'database-unavailable': 5,
  'disk-full': 60,
};

/** A store call failed because of a {@link StoreFaultKind}; `cause` is the driver's error. */
export class StoreUnavailableError extends Error {
  readonly kind: StoreFaultKind;
  readonly code: string;
  readonly retryAfterSeconds: number;

  constructor(kind: StoreFaultKind, code: string, cause: unknown) {
    super(
      kind === 'disk-full'
        ? `the database's disk is full (${code})`
        : `the database cannot be reached (${code})`,
      { cause },
    );
    this.name = 'StoreUnavailableError';
    this.kind = kind;
    this.code = code;
    this.retryAfterSeconds = RETRY_AFTER_SECONDS[kind];
  }
}

/**
 * SQLite's, PostgreSQL's (53100 disk_full) and the system's way of saying the disk is full.
 * SQLITE_IOERR_SHMSIZE is how SQLite says it when opening: the WAL index (the -shm file)
 * could not be grown, which SQLite documents as "may indicate … out of space".
 */
const DISK_FULL_CODES: ReadonlySet<string> = new Set([
  'SQLITE_FULL',
  'SQLITE_IOERR_SHMSIZE',
  '53100',
  'ENOSPC',
]);

/**
 * The database is not there: the socket could not be opened or was cut, or PostgreSQL said it
 * is shutting down or starting (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now) or has no connection slot left (53300). Class 08 is added below.
 */
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/**
 * node-postgres raises these without a code when a connection ends under it, cannot be
 * opened in time, or is used after it broke.
 */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /is not queryable$/,
];

/** The code of a driver error: SQLite's `SQLITE_…`, PostgreSQL's SQLSTATE or Node's `E…`. */
function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** One error's own kind and code, without looking at its causes. */
function classifyOne(err: unknown): { kind: StoreFaultKind; code: string } | undefined {
  if (err instanceof StoreUnavailableError) return { kind: err.kind, code: err.code };
  const code = codeOf(err);
  if (code !== undefined) {
    if (DISK_FULL_CODES.has(code)) return { kind: 'disk-full', code };
    if (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
      return { kind: 'database-unavailable', code };
  }
  const message = err instanceof Error ? err.message : '';
  if (UNAVAILABLE_MESSAGES.some((m) => m.test(message))) {
    return { kind: 'database-unavailable', code: 'connection-lost' };
  }
  return undefined;
}

/**
 * Whether `err` is a store fault, and which: the error itself, its `cause` chain and the
 * errors of an AggregateError (connecting to `localhost` tries each address) are looked at.
 * Undefined for everything else (a bug, a constraint, bad input): those stay 500s.
 */
export function classifyStoreError(err: unknown): { kind: StoreFaultKind; code: string } | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0 && seen.size < 20) {
    const next = queue.shift();
    if (next === undefined || next === null || seen.has(next)) continue;
    seen.add(next);
    const found = classifyOne(next);
    if (found) return found;
    if (next instanceof AggregateError) queue.push(...next.errors);
    if (next instanceof Error) queue.push(next.cause);
  }
  return undefined;
}

/** `err` as a {@link StoreUnavailableError} when it is a store fault; otherwise `err` itself. */
export function asStoreFault(err: unknown): unknown {
  if (err instanceof StoreUnavailableError) return err;
  const found = classifyStoreError(err);
  return found ? new StoreUnavailableError(found.kind, found.code, err) : err;
}

/**
 * Wraps every method of `store` (all return promises) so that a fault is thrown on as a
 * {@link StoreUnavailableError} and remembered for `fault()`. A remembered fault ends only with
 * a probe (as /readyz runs): a successful `ping()` ends "unavailable" (other calls may be
 * answered from a cache), only a successful `probeWrite()` ends "disk full" (reads go on
 * working on a full disk). No extra query runs on any call: the hot path pays one promise
 * handler.
 */
export function withFaultTracking<T extends { ping(): Promise<void>; probeWrite(): Promise<void> }>(
  store: T,
  now: () => number = Date.now,
): T & { fault(): StoreFault | null } {
  let current: StoreFault | null = null;
  const noteFailure = (err: unknown): never => {
    const classified = asStoreFault(err);
    if (classified instanceof StoreUnavailableError) {
      if (current?.kind !== classified.kind)
        current = { kind: classified.kind, code: classified.code, since: now() };
    }
    throw classified;
  };
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'function') {
      wrapped[name] = value;
      continue;
    }
    const method = value as (...args: unknown[]) => unknown;
    const endsDiskFull = name === 'probeWrite';
    const endsUnavailable = endsDiskFull || name === 'ping';
    wrapped[name] = (...args: unknown[]) => {
      let result: unknown;
      try {
        result = method.apply(store, args);
      } catch (err) {
        return noteFailure(err);
      }
      if (!(result instanceof Promise)) return result;
      return result.then((v: unknown) => {
        if (current && (endsDiskFull || (endsUnavailable && current.kind === 'database-unavailable'))) {
          current = null;
        }
        return v;
      }, noteFailure);
    };
  }
  wrapped.fault = () => current;
  return wrapped as T & { fault(): StoreFault | null };
}
