/**
 * Sends the outbox to the API. The same function runs in the page and in the service worker
 * (Background Sync), always under one lock, so only one runner sends at a time across every tab
 * and the service worker; it re-reads the outbox inside the lock, so two runners can never send the
 * same item in two requests at once (and the server is idempotent on the id if a retry happens).
 *
 * Per batch (oldest first, ≤ 100 items, ≤ ~900 KB):
 * - 200: per item, `created`/`duplicate` → sent (receipt, tags); `rejected`/`conflict` → attention.
 * - network error, 408, 429, 5xx, or a 200 that is not the expected JSON → the items stay queued and
 *   the run stops; the caller waits (backoff with jitter, never less than Retry-After) and tries again.
 * - 413 → the batch is split in halves (a single item too large → attention).
 * - any other 4xx → attention, with the problem details as the error.
 */
import type { FieldError, ReceiptStatus, SubmissionResult, Tag } from '../../common/wire/index.ts';
import type { Outbox, OutboxRecord, Settlement } from '../outbox/index.ts';
import { parseRetryAfter } from './backoff.ts';
import { defaultLock, type Lock } from './lock.ts';

export { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay, nextRetryDelay, parseRetryAfter } from './backoff.ts';
export { createMemoryLock, createWebLock, defaultLock, type Lock } from './lock.ts';

export const SYNC_LOCK_NAME = 'kraftsamla-sync';
export const SUBMISSIONS_URL = '/api/submissions';
export const RECEIPTS_URL = '/api/receipts';
/** Items per request (the API accepts at most 100). */
export const BATCH_MAX_ITEMS = 100;
/** Bytes per request body: below the API's 1 MB limit, with room to spare. */
export const BATCH_MAX_BYTES = 900_000;

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface SyncOptions {
  fetch: FetchLike;
  outbox: Outbox;
  now?: () => number;
  lock?: Lock;
  url?: string;
  maxItems?: number;
  maxBytes?: number;
  /** Told when a request starts (for a "sending…" status). */
  onRequest?: (items: number) => void;
}

export interface SyncResult {
  /**
   * `busy`: another runner holds the lock (nothing done); `idle`: nothing was queued;
   * `done`: every queued item got a final answer; `retry`: some items are still queued and
   * the caller should try again later.
   */
  outcome: 'busy' | 'idle' | 'done' | 'retry';
  requests: number;
  sent: number;
  attention: number;
  /** The server's Retry-After, when it sent one. */
  retryAfterMs?: number;
  /** What went wrong, for `retry`: `network`, `http_503`, `bad_response`, `no_result`. */
  error?: string;
}

const encoder = new TextEncoder();
const byteLength = (value: unknown) => encoder.encode(JSON.stringify(value)).length;
/** `{"submissions":[` … `]}` */
const ENVELOPE_BYTES = 18;

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

const STATUSES = new Set(['created', 'duplicate', 'conflict', 'rejected']);

function isResults(body: unknown): body is { results: SubmissionResult[] } {
  if (typeof body !== 'object' || body === null) return false;
  const results = (body as { results?: unknown }).results;
  return (
    Array.isArray(results) &&
    results.every(
      (r) =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as SubmissionResult).id === 'string' &&
        STATUSES.has((r as SubmissionResult).status),
    )
  );
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Field errors from an RFC 9457 problem body, or one error with its title. */
function problemErrors(body: unknown, status: number): FieldError[] {
  const p = (typeof body === 'object' && body !== null ? body : {}) as {
    title?: unknown;
    detail?: unknown;
    errors?: unknown;
  };
  if (Array.isArray(p.errors) && p.errors.length > 0) return p.errors as FieldError[];
  const message =
    typeof p.detail === 'string' ? p.detail : typeof p.title === 'string' ? p.title : `HTTP ${status}`;
  return [{ path: '', message }];
}

type BatchOutcome = { retry: false } | { retry: true; error: string; retryAfterMs?: number };

export async function syncOutbox(options: SyncOptions): Promise<SyncResult> {
  const lock = options.lock ?? defaultLock();
  const result = await lock(SYNC_LOCK_NAME, () => runLocked(options));
  if (!result.acquired) return { outcome: 'busy', requests: 0, sent: 0, attention: 0 };
  return result.value;
}

async function runLocked(options: SyncOptions): Promise<SyncResult> {
  const { outbox } = options;
  const now = options.now ?? Date.now;
  const url = options.url ?? SUBMISSIONS_URL;
  const maxItems = Math.min(options.maxItems ?? BATCH_MAX_ITEMS, BATCH_MAX_ITEMS);
  const maxBytes = options.maxBytes ?? BATCH_MAX_BYTES;
  const result: SyncResult = { outcome: 'idle', requests: 0, sent: 0, attention: 0 };
  let missing = 0;

  async function send(batch: OutboxRecord[]): Promise<BatchOutcome> {
    const ids = batch.map((r) => r.id);
    result.requests++;
    options.onRequest?.(batch.length);
    let response: Response;
    try {
      response = await options.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ submissions: batch.map((r) => r.item) }),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      await outbox.markAttempt(ids, 'network');
      return { retry: true, error: 'network' };
    }
    const { status } = response;

    if (status === 413) {
      await response.body?.cancel().catch(() => {});
      if (batch.length === 1) {
        await outbox.markAttention(ids[0] as string, 'too_large', [{ path: '', message: 'too large' }]);
        result.attention++;
        return { retry: false };
      }
      const half = Math.ceil(batch.length / 2);
      for (const part of [batch.slice(0, half), batch.slice(half)]) {
        const outcome = await send(part);
        if (outcome.retry) return outcome;
      }
      return { retry: false };
    }

    if (status === 408 || status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      await response.body?.cancel().catch(() => {});
      await outbox.markAttempt(ids, `http_${status}`);
      return retryAfterMs === undefined
        ? { retry: true, error: `http_${status}` }
        : { retry: true, error: `http_${status}`, retryAfterMs };
    }

    const body = await readJson(response);
    if (!response.ok) {
      const errors = problemErrors(body, status);
      await outbox.settle(ids.map((id) => ({ id, state: 'attention', status: `http_${status}`, errors })));
      result.attention += ids.length;
      return { retry: false };
    }
    if (!isResults(body)) {
      // Not our API's answer (a captive portal, a proxy page): try again later.
      await outbox.markAttempt(ids, 'bad_response');
      return { retry: true, error: 'bad_response' };
    }

    const byId = new Map(body.results.map((r) => [r.id, r]));
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
  for (;;) {
    const queued = (await outbox.pending()).filter((r) => !attempted.has(r.id));
    if (queued.length === 0) break;
    const batch = takeBatch(queued, maxItems, maxBytes);
    for (const r of batch) attempted.add(r.id);
    const outcome = await send(batch);
    if (outcome.retry) {
      result.outcome = 'retry';
      result.error = outcome.error;
      if (outcome.retryAfterMs !== undefined) result.retryAfterMs = outcome.retryAfterMs;
      return result;
    }
  }
  if (missing > 0) {
    result.outcome = 'retry';
    result.error = 'no_result';
  } else if (result.requests > 0) result.outcome = 'done';
  return result;
}

export interface ReceiptsOptions {
  fetch: FetchLike;
  outbox: Outbox;
  url?: string;
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
    let response: Response;
    try {
      response = await options.fetch(options.url ?? RECEIPTS_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ receipts: chunk }),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return false;
    }
    if (!response.ok) return false;
    const body = (await readJson(response)) as { receipts?: unknown } | undefined;
    if (!body || !Array.isArray(body.receipts)) return false;
    const statuses = body.receipts.filter(
      (s): s is ReceiptStatus =>
        typeof s === 'object' && s !== null && typeof (s as ReceiptStatus).receipt === 'string',
    );
    await options.outbox.setReceiptStatuses(statuses);
  }
  return true;
}
