/**
 * "Run this only if nobody else is": one sync at a time across tabs and the service worker.
 *
 * In browsers this is the Web Locks API (windows and service workers of one origin share the
 * locks). Where it is missing (Node tests, very old browsers) an in-memory lock keeps one runner
 * per JavaScript context.
 *
 * The browser frees a lock whose holder closed (a tab, a stopped service worker), but not one whose
 * holder is alive and stuck, e.g. on a request that never gets an answer. Every sync request has a
 * timeout, so a live holder is never stuck for long; and as a second line, the holder keeps a lease
 * in IndexedDB (renewed before every request). A runner that finds the lock taken and the lease run
 * out takes the lock over with `steal`: the browser then aborts the old holder's signal, so it stops
 * before its next request and never sends beside the new one.
 */
export type LockResult<T> = { acquired: true; value: T } | { acquired: false };

/** What a lock holder gets: aborted when the lock was taken over; `renew` extends the lease. */
export interface LockContext {
  signal: AbortSignal;
  renew(): Promise<void>;
}
export type Lock = <T>(name: string, fn: (context: LockContext) => Promise<T>) => Promise<LockResult<T>>;

/** A lease on the sync lock, kept where every runner can read it (IndexedDB `meta`). */
export interface Lease {
  holder: string;
  /** Until when the holder may be silent (ms since epoch). */
  until: number;
}

export interface LeaseStore {
  read(): Promise<Lease | undefined>;
  write(lease: Lease | undefined): Promise<void>;
}

const noRenew = async () => {};

/** A lock held only inside this JavaScript context. */
export function createMemoryLock(): Lock {
  const held = new Set<string>();
  return async (name, fn) => {
    if (held.has(name)) return { acquired: false };
    held.add(name);
    try {
      return { acquired: true, value: await fn({ signal: new AbortController().signal, renew: noRenew }) };
    } finally {
      held.delete(name);
    }
  };
}

export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => Promise<T> | T,
  ): Promise<T>;
}

export interface WebLockOptions {
  lease?: LeaseStore;
  /** How long a holder may go without renewing before others may take over. */
  leaseMs?: number;
  now?: () => number;
}

/**
 * The Web Locks API with `ifAvailable` (never waits for another runner), taking over a lock whose
 * lease has run out. A lock held with no lease at all (a runner of an older version) gets one
 * written on its behalf, so it too can be taken over once that runs out.
 */
export function createWebLock(locks: LockManagerLike, options: WebLockOptions = {}): Lock {
  const { lease } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const now = options.now ?? Date.now;
  const attempt = <T>(name: string, steal: boolean, fn: (context: LockContext) => Promise<T>) => {
    const controller = new AbortController();
    const holder = `${now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const renew = async () => {
      if (!controller.signal.aborted) await lease?.write({ holder, until: now() + leaseMs });
    };
    return locks
      .request<LockResult<T>>(name, steal ? { steal: true } : { ifAvailable: true }, async (lock) => {
        if (!lock) return { acquired: false };
        await renew();
        try {
          return { acquired: true, value: await fn({ signal: controller.signal, renew }) };
        } finally {
          if (lease && !controller.signal.aborted && (await lease.read())?.holder === holder)
            await lease.write(undefined);
        }
      })
      .catch((): LockResult<T> => {
        // Taken over (AbortError): stop this holder at its next step.
        controller.abort();
        return { acquired: false };
      });
  };
  return async <T>(name: string, fn: (context: LockContext) => Promise<T>) => {
    const first = await attempt(name, false, fn);
    if (first.acquired || !lease) return first;
    const current = await lease.read();
    if (!current) {
      await lease.write({ holder: 'unknown', until: now() + leaseMs });
      return first;
    }
    if (current.until > now()) return first;
    return attempt(name, true, fn);
  };
}

let fallback: Lock | undefined;

/** Web Locks where the runtime has them, otherwise one in-memory lock for this context. */
export function defaultLock(options: WebLockOptions = {}): Lock {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  if (locks) return createWebLock(locks, options);
  fallback ??= createMemoryLock();
  return fallback;
}
