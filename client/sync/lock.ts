/**
 * "Run this only if nobody else is": one sync at a time across tabs and the service worker.
 *
 * In browsers this is the Web Locks API (windows and service workers of one origin share the
 * locks). Where it is missing (Node tests, very old browsers) an in-memory lock keeps one runner
 * per JavaScript context.
 */
export type LockResult<T> = { acquired: true; value: T } | { acquired: false };
export type Lock = <T>(name: string, fn: () => Promise<T>) => Promise<LockResult<T>>;

/** A lock held only inside this JavaScript context. */
export function createMemoryLock(): Lock {
  const held = new Set<string>();
  return async (name, fn) => {
    if (held.has(name)) return { acquired: false };
    held.add(name);
    try {
      return { acquired: true, value: await fn() };
    } finally {
      held.delete(name);
    }
  };
}

interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<T> | T,
  ): Promise<T>;
}

/** The Web Locks API with `ifAvailable`: never waits for another runner. */
export function createWebLock(locks: LockManagerLike): Lock {
  return <T>(name: string, fn: () => Promise<T>) =>
    locks.request<LockResult<T>>(name, { ifAvailable: true }, async (lock) =>
      lock ? { acquired: true, value: await fn() } : { acquired: false },
    );
}

let fallback: Lock | undefined;

/** Web Locks where the runtime has them, otherwise one in-memory lock for this context. */
export function defaultLock(): Lock {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  if (locks) return createWebLock(locks);
  fallback ??= createMemoryLock();
  return fallback;
}
