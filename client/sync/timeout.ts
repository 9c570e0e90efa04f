/**
 * A request's time limit. Not `AbortSignal.timeout`: that timer cannot be cleared (a finished
 * request would keep a service worker's timer alive) and cannot follow a second signal without
 * `AbortSignal.any` (Safari 17.4+); this one is cleared when the answer is read, and also aborts
 * when `outer` does (the lock was taken over).
 */
export interface Timed {
  signal: AbortSignal;
  /** The time ran out (not the outer signal, not the network). */
  timedOut(): boolean;
  clear(): void;
}

export function timed(ms: number, outer?: AbortSignal): Timed {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, ms);
  const follow = () => controller.abort();
  if (outer?.aborted) controller.abort();
  else outer?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    clear() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', follow);
    },
  };
}
