/**
 * Sends the outbox to the API. The same function runs in the page and in the service worker
 * (Background Sync), always under one lock, so only one runner sends at a time across every tab
 * and the service worker; it re-reads the outbox inside the lock, so two runners can never send the
 * same item in two requests at once (and the server is idempotent on the id if a retry happens).
 *
 * Per batch (oldest first, ≤ 100 items, ≤ ~900 KB; halved for every time the API failed on its
 * first item in a row):
 * - per-item results: `created`/`duplicate` → sent (receipt, tags); `rejected`/`conflict` → attention.
 * - 413 → the batch is split in halves (a single item too large → attention).
 * - the API's own problem+json 4xx → split down to one item, which goes to attention with the details.
 * - the API's own 500/502/504 → the batch is halved at once, down the failing path, until the item
 *   the API fails on is alone; that item then waits on its own backoff (`notBefore`) while the rest
 *   goes on. The items' `failures` go up, so the next run starts with a batch as small as the last
 *   one that failed (the halving picks up where it stopped when the network cut it short).
 * - no answer (network error, timeout), 408, 429, 503, or anything not from the API (a portal, a
 *   proxy, a WAF) → the items stay queued and the run stops; the next run waits (shared backoff,
 *   never sooner than Retry-After).
 *
 * The retry state (backoff, Retry-After) lives in IndexedDB (`outbox.syncState`), so the page and
 * the service worker honour the same wait, across reloads. Any answered request resets the backoff.
 */
import type { SyncPhase } from '../channel/index.ts';
import type { ReceiptStatus, Tag } from '../../common/wire/index.ts';
import type { Outbox, OutboxRecord, Settlement, SyncState } from '../outbox/index.ts';
import { readAnswer } from './answer.ts';
import { backoffDelay, nextRetryDelay, parseRetryAfter } from './backoff.ts';
import { defaultLock, type Lock, type LockContext } from './lock.ts';
import { timed } from './timeout.ts';

export { API_HEADER } from './answer.ts';
export { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay, nextRetryDelay, parseRetryAfter } from './backoff.ts';
export { createMemoryLock, createWebLock, defaultLock, type Lock } from './lock.ts';

export const SYNC_LOCK_NAME = 'kraftsamla-sync';
export const SUBMISSIONS_URL = '/api/submissions';
export const RECEIPTS_URL = '/api/receipts';
/** Items per request (the API accepts at most 100). */
export const BATCH_MAX_ITEMS = 100;
/** Bytes per request body: below the API's 1 MB limit, with room to spare. */
export const BATCH_MAX_BYTES = 900_000;
/**
 * A submission request (upload and answer) gets 15 s plus 1 s per 25 KB of body, at most 60 s:
 * the API answers within a few seconds even under load, and 25 KB/s (200 kbit/s) is a weak 3G
 * signal. A typical batch of 100 comments (~40 KB) gets ~17 s; a full 900 KB batch ~51 s.
 */
export function submitTimeoutMs(bodyBytes: number): number {
  return Math.min(SUBMIT_TIMEOUT_MAX_MS, 15_000 + Math.ceil(bodyBytes / 25));
}
export const SUBMIT_TIMEOUT_MAX_MS = 60_000;
/** A receipts request (a few KB each way) gets this long: only "My input" waits for it. */
export const RECEIPTS_TIMEOUT_MS = 15_000;
/**
 * The lock lease: a runner renews it before every request, so a holder silent for longer than the
 * longest request can take (plus time for IndexedDB) is stuck and may be taken over.
 */
export const LOCK_LEASE_MS = SUBMIT_TIMEOUT_MAX_MS + 30_000;

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface SyncOptions {
  fetch: FetchLike;
  outbox: Outbox;
  now?: () => number;
  lock?: Lock;
  url?: string;
  maxItems?: number;
  maxBytes?: number;
  /** A fixed time limit per request instead of `submitTimeoutMs` (tests). */
  timeoutMs?: number;
  random?: () => number;
  /** Told when a request starts (for a "sending…" status). */
  onRequest?: (items: number) => void;
  /** Told what the runner is doing, for every tab (the service worker's runs too). */
  announce?: (phase: SyncPhase, retryAt?: number) => void;
}

export interface SyncResult {
  /**
   * `busy`: another runner holds the lock (nothing done); `idle`: nothing was queued;
   * `done`: every queued item got a final answer; `retry`: some items are still queued and
   * the caller should try again at `nextAttemptAt`; `waiting`: the server's Retry-After has not
   * passed, nothing was sent.
   */
  outcome: 'busy' | 'idle' | 'done' | 'retry' | 'waiting';
  requests: number;
  sent: number;
  attention: number;
  /** Some request got the API's per-item answer. */
  progress?: boolean;
  /** The server's Retry-After, when it sent one. */
  retryAfterMs?: number;
  /** When to try again (ms since epoch), for `retry` and `waiting`. */
  nextAttemptAt?: number;
  /** What went wrong, for `retry`: `network`, `timeout`, `http_503`, `middlebox_403`, `bad_response`, `no_result`, `http_500`. */
  error?: string;
}

const encoder = new TextEncoder();
const byteLength = (value: unknown) => encoder.encode(JSON.stringify(value)).length;
/** `{"submissions":[` … `]}` */
const ENVELOPE_BYTES = 18;
/** 100 → 50 → 25 → 13 → 7 → 4 → 2 → 1. */
const MAX_HALVINGS = 7;

/** The oldest items that fit in one request: at least one, at most `maxItems` and `maxBytes`. */
export function takeBatch(
  queued: readonly OutboxRecord[],
  maxItems: number,
  maxBytes: number,
): OutboxRecord[] {
  const batch: OutboxRecord[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const record of queued) {
    if (batch.length >= maxItems) break;
    const size = byteLength(record.item) + (batch.length > 0 ? 1 : 0);
    if (batch.length > 0 && bytes + size > maxBytes) break;
    batch.push(record);
    bytes += size;
  }
  return batch;
}

/** Items per request when the first item has failed `failures` times in a row: halved each time. */
export function batchSizeFor(failures: number, maxItems: number): number {
  return Math.max(1, Math.ceil(maxItems / 2 ** Math.min(failures, MAX_HALVINGS)));
}

type BatchOutcome =
  | { retry: false }
  | { retry: true; error: string; retryAfterMs?: number; progress?: boolean };

export async function syncOutbox(options: SyncOptions): Promise<SyncResult> {
  const now = options.now ?? Date.now;
  const lock = options.lock ?? defaultLock({ lease: options.outbox.lease, leaseMs: LOCK_LEASE_MS, now });
  const result = await lock(SYNC_LOCK_NAME, (context) => runLocked(options, context));
  if (!result.acquired) return { outcome: 'busy', requests: 0, sent: 0, attention: 0 };
  return result.value;
}

async function runLocked(options: SyncOptions, context: LockContext): Promise<SyncResult> {
  const { outbox } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const url = options.url ?? SUBMISSIONS_URL;
  const maxItems = Math.min(options.maxItems ?? BATCH_MAX_ITEMS, BATCH_MAX_ITEMS);
  const maxBytes = options.maxBytes ?? BATCH_MAX_BYTES;
  const result: SyncResult = { outcome: 'idle', requests: 0, sent: 0, attention: 0 };
  const state = await outbox.syncState();
  if (state.notBefore !== undefined && state.notBefore > now()) {
    options.announce?.('waiting', state.notBefore);
    return { ...result, outcome: 'waiting', nextAttemptAt: state.notBefore };
  }
  let missing = 0;
  let progress = false;

  async function send(batch: OutboxRecord[]): Promise<BatchOutcome> {
    const ids = batch.map((r) => r.id);
    if (context.signal.aborted) return { retry: true, error: 'lock_lost' };
    await context.renew();
    result.requests++;
    options.onRequest?.(batch.length);
    options.announce?.('sending');
    const body = JSON.stringify({ submissions: batch.map((r) => r.item) });
    const timer = timed(options.timeoutMs ?? submitTimeoutMs(encoder.encode(body).length), context.signal);
    let answer: Awaited<ReturnType<typeof readAnswer>>;
    try {
      const response = await options.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: timer.signal,
      });
      answer = await readAnswer(response);
      // A body cut off by the timeout reads as garbage: it is the timeout.
      if (timer.signal.aborted) throw new Error('aborted');
    } catch {
      const error = timer.timedOut() ? 'timeout' : 'network';
      await outbox.markAttempt(ids, error);
      return { retry: true, error };
    } finally {
      timer.clear();
    }

    const split = async (): Promise<BatchOutcome> => {
      const half = Math.ceil(batch.length / 2);
      for (const part of [batch.slice(0, half), batch.slice(half)]) {
        const outcome = await send(part);
        if (outcome.retry) return outcome;
      }
      return { retry: false };
    };

    switch (answer.kind) {
      case 'too_large':
        if (batch.length > 1) return split();
        await outbox.markAttention(ids[0] as string, 'too_large', [{ path: '', message: 'too large' }]);
        result.attention++;
        return { retry: false };
      case 'refused':
        // The API refused the request as a whole: find the item it means.
        if (batch.length > 1) return split();
        await outbox.settle([
          {
            id: ids[0] as string,
            state: 'attention',
            status: `http_${answer.status}`,
            errors: answer.errors,
          },
        ]);
        result.attention++;
        return { retry: false };
      case 'failed': {
        const error = `http_${answer.status}`;
        if (batch.length > 1) {
          // Maybe one item makes the API fail: try the halves now (only down the failing path:
          // `split` stops at the first half that cannot be sent).
          await outbox.markAttempt(ids, error, {});
          return split();
        }
        // Alone and still failing: this item waits on its own backoff. When other items went
        // through in this run, the rest goes on; otherwise the API may just be down: stop.
        await outbox.markAttempt(ids, error, {
          alone: (isolations) => now() + backoffDelay(isolations, { random }),
        });
        return progress ? { retry: false } : { retry: true, error };
      }
      case 'later': {
        const retryAfterMs = parseRetryAfter(answer.retryAfter, now());
        await outbox.markAttempt(ids, answer.error);
        return retryAfterMs === undefined
          ? { retry: true, error: answer.error }
          : { retry: true, error: answer.error, retryAfterMs };
      }
    }

    progress = true;
    const byId = new Map(answer.results.map((r) => [r.id, r]));
    const settlements: Settlement[] = [];
    const unanswered: string[] = [];
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) {
        unanswered.push(id);
      } else if (r.status === 'created' || r.status === 'duplicate') {
        const settlement: Settlement = { id, state: 'sent' };
        if (r.receipt !== undefined) settlement.receipt = r.receipt;
        if (r.tags !== undefined) settlement.tags = r.tags as Tag[];
        settlements.push(settlement);
        result.sent++;
      } else {
        const settlement: Settlement = { id, state: 'attention', status: r.status };
        if (r.errors !== undefined) settlement.errors = r.errors;
        settlements.push(settlement);
        result.attention++;
      }
    }
    await outbox.settle(settlements);
    missing += unanswered.length;
    await outbox.markAttempt(unanswered, 'no_result');
    return { retry: false };
  }

  // Items enqueued while this runs are picked up by the next pass; each item at most once per run.
  const attempted = new Set<string>();
  let stopped: Extract<BatchOutcome, { retry: true }> | undefined;
  for (;;) {
    const at = now();
    const queued = (await outbox.pending()).filter((r) => !attempted.has(r.id) && (r.notBefore ?? 0) <= at);
    if (queued.length === 0) break;
    // An item the API already failed on alone goes alone, after the others: it never again holds
    // up a batch.
    const others = queued.filter((r) => !r.isolations);
    const batch =
      others.length > 0
        ? takeBatch(others, batchSizeFor(others[0]?.failures ?? 0, maxItems), maxBytes)
        : queued.slice(0, 1);
    for (const r of batch) attempted.add(r.id);
    const outcome = await send(batch);
    if (outcome.retry) {
      stopped = outcome;
      break;
    }
  }
  result.progress = progress;
  if (stopped?.error === 'lock_lost') return { ...result, outcome: 'busy' };

  const next: SyncState = { failures: 0 };
  if (progress) next.lastSuccessAt = now();
  else if (state.lastSuccessAt !== undefined) next.lastSuccessAt = state.lastSuccessAt;
  // Items still queued: the failed run's backoff, or the earliest item waiting on its own.
  const waiting = await outbox.pending();
  if (stopped || missing > 0) {
    // Any answered request resets the backoff: the way to the API works again.
    next.failures = progress ? 1 : state.failures + 1;
    const delay = nextRetryDelay(next.failures, stopped?.retryAfterMs, { random });
    next.nextAttemptAt = now() + delay;
    if (stopped?.retryAfterMs !== undefined) next.notBefore = now() + stopped.retryAfterMs;
    next.lastError = stopped?.error ?? 'no_result';
    result.outcome = 'retry';
    result.error = next.lastError;
    if (stopped?.retryAfterMs !== undefined) result.retryAfterMs = stopped.retryAfterMs;
  } else if (waiting.length > 0) {
    // Only items waiting on their own backoff are left.
    next.nextAttemptAt = Math.min(...waiting.map((r) => r.notBefore ?? now()));
    next.lastError = waiting[0]?.lastError ?? 'http_500';
    result.outcome = 'retry';
    result.error = next.lastError;
  } else if (result.requests > 0) result.outcome = 'done';
  if (next.nextAttemptAt !== undefined) result.nextAttemptAt = next.nextAttemptAt;
  await outbox.setSyncState(next);
  options.announce?.(result.outcome === 'retry' ? 'retrying' : 'idle', result.nextAttemptAt);
  return result;
}

export interface ReceiptsOptions {
  fetch: FetchLike;
  outbox: Outbox;
  url?: string;
  timeoutMs?: number;
}

/**
 * Asks the server what happened to the sent items (received, published, not published + reason,
 * the official answer) and stores it on the records. Returns false when the server could not be asked.
 */
export async function refreshReceipts(options: ReceiptsOptions): Promise<boolean> {
  const sent = (await options.outbox.all()).filter((r) => r.state === 'sent' && r.receipt);
  const receipts = sent.map((r) => r.receipt as string);
  for (let i = 0; i < receipts.length; i += BATCH_MAX_ITEMS) {
    const chunk = receipts.slice(i, i + BATCH_MAX_ITEMS);
    const timer = timed(options.timeoutMs ?? RECEIPTS_TIMEOUT_MS);
    let body: { receipts?: unknown } | undefined;
    try {
      const response = await options.fetch(options.url ?? RECEIPTS_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ receipts: chunk }),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: timer.signal,
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        return false;
      }
      body = (await response.json()) as { receipts?: unknown } | undefined;
    } catch {
      return false;
    } finally {
      timer.clear();
    }
    if (!body || !Array.isArray(body.receipts)) return false;
    const statuses = body.receipts.filter(
      (s): s is ReceiptStatus =>
        typeof s === 'object' && s !== null && typeof (s as ReceiptStatus).receipt === 'string',
    );
    await options.outbox.setReceiptStatuses(statuses);
  }
  return true;
}
