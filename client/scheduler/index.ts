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
import { outbox } from '../outbox/index.ts';
import { type OutboxSummary, summary, syncPhase } from '../state/status.ts';
import { registerBackgroundSync } from '../sw-bridge/index.ts';
import { nextRetryDelay, refreshReceipts, type SyncResult, syncOutbox } from '../sync/index.ts';

let started = false;
let running = false;
let again = false;
let failures = 0;
/** The server asked us (Retry-After) not to send before this time; no trigger overrides it. */
let notBefore = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

const pageFetch = (input: string, init?: RequestInit) => fetch(input, init);

function setPhase(phase: SyncPhase, retryAt?: number) {
  syncPhase.value = phase;
  post(
    retryAt === undefined
      ? { type: 'sync-state', phase, at: Date.now() }
      : { type: 'sync-state', phase, at: Date.now(), retryAt },
  );
}

function schedule(delayMs: number) {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    requestSync();
  }, delayMs);
}

export async function refreshSummary(): Promise<void> {
  try {
    const records = await outbox.all();
    const s: OutboxSummary = { queued: 0, attention: 0, sent: 0 };
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
    result = await syncOutbox({ fetch: pageFetch, outbox, onRequest: () => setPhase('sending') });
  } catch {
    result = { outcome: 'retry', requests: 0, sent: 0, attention: 0, error: 'internal' };
  }
  running = false;

  if (result.outcome === 'retry') {
    failures++;
    if (result.retryAfterMs !== undefined) notBefore = Date.now() + result.retryAfterMs;
    const delay = nextRetryDelay(failures, result.retryAfterMs);
    setPhase(navigator.onLine ? 'retrying' : 'offline', Date.now() + delay);
    schedule(delay);
    void registerBackgroundSync();
  } else if (result.outcome === 'busy') {
    // Someone else is sending; look again shortly in case something was saved after they started.
    schedule(1000 + Math.random() * 2000);
  } else {
    failures = 0;
    if (syncPhase.value !== 'idle') setPhase('idle');
  }
  await refreshSummary();
  if (again) {
    again = false;
    if (result.outcome !== 'retry') requestSync();
  }
}

/** Sync now (or right after the current run). */
export function requestSync(options: { resetBackoff?: boolean } = {}): void {
  if (options.resetBackoff) failures = 0;
  const wait = notBefore - Date.now();
  if (wait > 0) {
    // A flapping connection must not keep sending into the server's Retry-After window.
    if (!timer) schedule(wait);
    return;
  }
  if (running) {
    again = true;
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
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') requestSync();
  });
  listen((message) => {
    if (message.type === 'outbox-changed') refreshSummarySoon();
    else if (message.type === 'sync-state' && !running) syncPhase.value = message.phase;
  });
  void refreshSummary();
  requestSync();
}
