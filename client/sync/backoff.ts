/** Retry timing: exponential backoff with jitter, capped, and the server's Retry-After. */

export interface BackoffOptions {
  /** Delay around the first retry. */
  baseMs?: number;
  /** Upper bound for the exponential part. */
  maxMs?: number;
  random?: () => number;
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;
/** A Retry-After longer than this is not believed (a bad header must not park the outbox for days). */
export const RETRY_AFTER_MAX_MS = 60 * 60_000;

/**
 * The wait before retry number `failures` (1 = after the first failure): the exponential step
 * `base · 2^(failures-1)`, capped at `maxMs`, with "equal jitter": a uniform value in [step/2, step],
 * so tabs and devices that failed together do not retry together.
 */
export function backoffDelay(failures: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BACKOFF_BASE_MS;
  const max = options.maxMs ?? BACKOFF_MAX_MS;
  const random = options.random ?? Math.random;
  const step = Math.min(max, base * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retry-After as milliseconds from now: delay-seconds or an HTTP date. Undefined when absent or bad. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - nowMs);
  }
  return Math.min(ms, RETRY_AFTER_MAX_MS);
}

/** The wait before the next try: the backoff, but never sooner than the server asked. */
export function nextRetryDelay(
  failures: number,
  retryAfterMs?: number,
  options: BackoffOptions = {},
): number {
  return Math.max(backoffDelay(failures, options), retryAfterMs ?? 0);
}
