import type { Page } from '@playwright/test';

/**
 * The device's IndexedDB as the app writes it, read and written from a test: for queues too long
 * to make through the screens, or records a screen cannot make (an item for an insats closed
 * since). Each call opens and closes its own connection, so the app's own stay usable.
 */

export interface StoredRecord {
  id: string;
  item: Record<string, unknown>;
  state: string;
  queuedAt: number;
  attempts: number;
}

/** The device id from the `meta` store and every outbox record, read in the page. */
export function readDevice(page: Page): Promise<{ deviceId: string | undefined; records: StoredRecord[] }> {
  return page.evaluate(
    () =>
      new Promise<{ deviceId: string | undefined; records: StoredRecord[] }>((resolve, reject) => {
        const open = indexedDB.open('kraftsamla');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['meta', 'outbox'], 'readonly');
          const device = tx.objectStore('meta').get('deviceId');
          const all = tx.objectStore('outbox').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ deviceId: device.result as string | undefined, records: all.result as StoredRecord[] });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Adds outbox records in one transaction, as `outbox.enqueue` writes them (`add`: never overwrites). */
export function writeOutbox(page: Page, records: StoredRecord[]): Promise<void> {
  return page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kraftsamla');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('outbox', 'readwrite');
          for (const row of rows) tx.objectStore('outbox').add(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        };
      }),
    records,
  );
}
