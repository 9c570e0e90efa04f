/**
 * Everything the page does with the service worker, in one place:
 * - registers /sw.js as a classic script (no `type: 'module'`: older Safari and Firefox),
 * - offers "update" when a new service worker is waiting, sends SKIP_WAITING on request and reloads
 *   once the new one controls the page (the outbox is in IndexedDB: it survives the update),
 * - asks for persistent storage, registers Background Sync, clears the app's caches.
 * Loaded after the first render.
 */
import { Workbox } from 'workbox-window';
import { setUpdateHandler, update } from '../state/status.ts';

/** The Background Sync tag the service worker listens for. */
export const SYNC_TAG = 'kraftsamla-outbox';
/** Runtime caches the service worker fills (see client/sw/sw.ts). */
export const RUNTIME_CACHE_PREFIX = 'kraftsamla-';
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let wb: Workbox | undefined;

export function registerServiceWorker(): void {
  if (wb || !('serviceWorker' in navigator)) return;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  wb = workbox;
  let accepted = false;
  let controlled = Boolean(navigator.serviceWorker.controller);

  workbox.addEventListener('waiting', () => {
    update.value = 'available';
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) {
      location.reload();
      return;
    }
    // Another tab accepted an update: this page still runs the old code.
    if (controlled) update.value = 'applied';
    controlled = true;
  });
  setUpdateHandler(() => {
    if (update.value === 'applied') {
      location.reload();
      return;
    }
    accepted = true;
    workbox.messageSkipWaiting();
  });

  workbox.register({ immediate: true }).catch(() => {
    // No service worker (private mode, blocked): the app still works online.
  });
  const check = () => void workbox.update().catch(() => {});
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  setInterval(check, UPDATE_CHECK_MS);
}

interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Asks the browser to run the service worker's sync when there is a connection (Chromium only). */
export async function registerBackgroundSync(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.getRegistration()) as SyncRegistration | undefined;
    await registration?.sync?.register(SYNC_TAG);
  } catch {
    // Not supported or not allowed: the page's own triggers still run.
  }
}

/** Asks that the browser keeps our data under storage pressure (asked once something is saved). */
export async function requestPersistence(): Promise<void> {
  try {
    if (navigator.storage?.persist && !(await navigator.storage.persisted()))
      await navigator.storage.persist();
  } catch {
    // Best effort.
  }
}

/** Deletes the service worker's runtime caches (the catalogue); the app shell stays. */
export async function clearRuntimeCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(RUNTIME_CACHE_PREFIX)).map((n) => caches.delete(n)));
}
