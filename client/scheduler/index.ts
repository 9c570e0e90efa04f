/**
 * When the page syncs the outbox: at start, when the connection comes back (`online`), when the
 * page becomes visible, after something is saved, and on a retry timer with exponential backoff
 * and jitter (never sooner than the server's Retry-After). Background Sync (in the service worker)
 * is an extra trigger where the browser has it, never the only one.
 *
 * Every run goes through `syncOutbox`, which takes the cross-tab lock; when another tab or the
 * service worker is sending, this page looks again a moment later.
 * Loaded after the first render.
 */
import { listen, post, type SyncPhase } from '../channel/index.ts';
import { type OutboxRecord, outbox } from '../outbox/index.ts';
import { reconcile } from '../outbox/ledger.ts';
import { watchClock } from './clock.ts';
import { type OutboxSummary, summary, syncPhase, syncRetryAt } from '../state/status.ts';
import { registerBackgroundSync } from '../sw-bridge/index.ts';
import { refreshReceipts, type SyncResult, syncOutbox } from '../sync/index.ts';

let started = false;
let running = false;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;

const pageFetch = (input: string, init?: RequestInit) => fetch(input, init);

/** What this page shows, and every other tab too (the service worker announces its own runs). */
function showPhase(phase: SyncPhase, retryAt?: number) {
  syncPhase.value = phase;
  syncRetryAt.value = retryAt;
}

function announce(phase: SyncPhase, retryAt?: number) {
  showPhase(phase, retryAt);
  post(
    retryAt === undefined
      ? { type: 'sync-state', phase, at: Date.now() }
      : { type: 'sync-state', phase, at: Date.now(), retryAt },
  );
}

function schedule(delayMs: number) {
  if (timer) clearTimeout(timer);
  timer = setTimeout(
    () => {
      timer = undefined;
      requestSync();
    },
    Math.max(0, delayMs),
  );
}

/** The browser knows it has no network (a `true` may still be wrong; a `false` is not). */
const knownOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export async function refreshSummary(): Promise<void> {
  try {
    let records: OutboxRecord[] = [];
    const lost = await reconcile(async () => {
      records = await outbox.all();
      return records;
    });
    const s: OutboxSummary = { queued: 0, attention: 0, sent: 0 };
    if (lost > 0) s.lost = lost;
    for (const r of records) {
      s[r.state === 'queued' ? 'queued' : r.state === 'sent' ? 'sent' : 'attention']++;
      if (r.state === 'queued' && (s.oldestQueuedAt === undefined || r.queuedAt < s.oldestQueuedAt)) {
        s.oldestQueuedAt = r.queuedAt;
      }
    }
    summary.value = s;
  } catch {
    // IndexedDB unavailable (private mode in old browsers): nothing to show.
  }
}

let summaryQueued = false;
function refreshSummarySoon() {
  if (summaryQueued) return;
  summaryQueued = true;
  setTimeout(() => {
    summaryQueued = false;
    void refreshSummary();
  }, 50);
}

async function run(): Promise<void> {
  running = true;
  if (timer) {
    clearTimeout(timer);
    timer = undefined;
  }
  let result: SyncResult;
  try {
    result = await syncOutbox({ fetch: pageFetch, outbox, announce });
  } catch {
    result = { outcome: 'retry', requests: 0, sent: 0, attention: 0, error: 'internal' };
  }
  running = false;

  if (result.outcome === 'retry' || result.outcome === 'waiting') {
    const at = result.nextAttemptAt ?? Date.now() + 5_000;
    if (knownOffline()) announce('offline');
    schedule(at - Date.now());
    void registerBackgroundSync();
  } else if (result.outcome === 'busy') {
    // Someone else is sending; look again shortly in case something was saved after they started.
    schedule(1000 + Math.random() * 2000);
  }
  await refreshSummary();
  if (again) {
    again = false;
    if (result.outcome !== 'retry' && result.outcome !== 'waiting') requestSync();
  }
}

/**
 * Sync now (or right after the current run). Not while the browser knows it is offline (the
 * `online` event starts it again): a save then costs one write, not a doomed run over the queue.
 * `resetBackoff` ("Send now", the connection came back) forgets earlier failures; the server's
 * Retry-After still holds (the runner keeps it, for the service worker too).
 */
export function requestSync(options: { resetBackoff?: boolean } = {}): void {
  if (knownOffline()) {
    if (syncPhase.value !== 'offline') showPhase('offline');
    return;
  }
  if (running) {
    again = true;
    return;
  }
  if (options.resetBackoff) {
    running = true;
    void outbox
      .syncState()
      .then((s) => (s.failures > 0 ? outbox.setSyncState({ ...s, failures: 0 }) : undefined))
      .catch(() => {})
      .then(() => run());
    return;
  }
  void run();
}

/** Asks the server about the sent items' receipts (for "My input"). */
export async function refreshReceiptStatuses(): Promise<boolean> {
  try {
    return await refreshReceipts({ fetch: pageFetch, outbox });
  } catch {
    return false;
  }
}

export function startSync(): void {
  if (started) return;
  started = true;
  addEventListener('online', () => requestSync({ resetBackoff: true }));
  addEventListener('offline', () => showPhase('offline'));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') requestSync();
  });
  listen((message) => {
    if (message.type === 'outbox-changed') refreshSummarySoon();
    else if (message.type === 'sync-state' && !running) showPhase(message.phase, message.retryAt);
  });
  watchClock((delta, before) => outbox.shiftQueuedAt(delta, before));
  void refreshSummary();
  requestSync();
}
