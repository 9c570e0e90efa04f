/**
 * App-wide status shown in the UI: the outbox summary and sync phase (kept up to date by
 * client/scheduler, which loads after the first render), connectivity, and the update prompt
 * (set by client/sw-bridge).
 */
import { signal } from '@preact/signals';
import type { SyncPhase } from '../channel/index.ts';

export interface OutboxSummary {
  queued: number;
  attention: number;
  sent: number;
  /** When the oldest queued item was saved (ms since epoch). */
  oldestQueuedAt?: number;
  /** Items the browser deleted before they were sent (client/outbox/ledger.ts). */
  lost?: number;
}

export const summary = signal<OutboxSummary | undefined>(undefined);
export const syncPhase = signal<SyncPhase>('idle');
/** For `retrying` and `waiting`: when the next try is due (ms since epoch). */
export const syncRetryAt = signal<number | undefined>(undefined);
export const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);

if (typeof window !== 'undefined') {
  addEventListener('online', () => {
    online.value = true;
  });
  addEventListener('offline', () => {
    online.value = false;
  });
}

/** `available`: a new version waits; `applied`: another tab updated the app, this one should reload. */
export const update = signal<'none' | 'available' | 'applied'>('none');
let updateHandler: () => void = () => location.reload();
export function setUpdateHandler(handler: () => void): void {
  updateHandler = handler;
}
export function applyUpdate(): void {
  updateHandler();
}

/** Items waiting longer than this get a louder warning (browsers may evict site data). */
export const OLD_AFTER_MS = 24 * 60 * 60 * 1000;
