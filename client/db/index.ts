/**
 * The one IndexedDB database on the device (`kraftsamla`), shared by the page and the service worker.
 *
 * Stores:
 * - `outbox`: every submission the person made, keyed by its id (a UUIDv7 made on the device).
 *   Records stay after they are sent: they are the device's receipts for "My input".
 * - `meta`: small key/value facts about this device (see `MetaValues`).
 *
 * The catalogue (insatser, questions, areas) is NOT kept here: the service worker caches the API
 * responses for offline use.
 *
 * Rules for everyone touching this database:
 * - Never `await` anything that is not an IndexedDB request on the same transaction (no fetch,
 *   no timers, no other promises) while a transaction is open: the transaction commits as soon as
 *   the event loop has no pending request for it, and later calls throw `TransactionInactiveError`.
 *   Do network work first or afterwards, never inside.
 * - Only `client/outbox` reads or writes the `outbox` store; everything else goes through its API.
 * - Schema changes add a new version in `upgrade` and never drop `outbox`: items may wait on a phone
 *   for weeks, across app updates.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type {
  AgeBand,
  FieldError,
  ReceiptStatusName,
  RespondentGroup,
  SubmissionItem,
  Tag,
} from '../../common/wire/index.ts';

export const DB_NAME = 'kraftsamla';
export const DB_VERSION = 1;

export type OutboxState = 'queued' | 'sent' | 'attention';

/** Why an item needs attention: the server's per-item status, or the HTTP status of the batch. */
export type AttentionStatus = 'rejected' | 'conflict' | 'too_large' | `http_${number}`;

export interface ReceiptInfo {
  status: ReceiptStatusName;
  reason?: string;
  answer?: { text: string; answeredAt: string };
  /** When the device last asked the server (ms since epoch). */
  checkedAt: number;
}

export interface OutboxRecord {
  id: string;
  item: SubmissionItem;
  state: OutboxState;
  /** When the item entered the outbox (ms since epoch); the sync order. */
  queuedAt: number;
  /** How many times the item was part of a request. */
  attempts: number;
  lastError?: string;
  /** Set for `attention` items. */
  status?: AttentionStatus;
  errors?: FieldError[];
  receipt?: string;
  tags?: Tag[];
  sentAt?: number;
  receiptInfo?: ReceiptInfo;
  /**
   * How many requests in a row carrying this item the API itself failed (5xx): a batch that keeps
   * failing is sent in halves, down to this item alone (see client/sync).
   */
  failures?: number;
  /** How many times the API failed on this item alone (its own backoff step). */
  isolations?: number;
  /** An item failing on its own waits until then (ms since epoch) while the rest goes on. */
  notBefore?: number;
}

/**
 * The sync's retry state, shared by the page and the service worker and kept across reloads:
 * whoever syncs next honours it.
 */
export interface SyncState {
  /** Runs in a row that sent nothing (reset by any answered request). */
  failures: number;
  /** When the next try is due (ms since epoch). */
  nextAttemptAt?: number;
  /** The server's Retry-After: nobody sends before this (ms since epoch). */
  notBefore?: number;
  /** Why the last run stopped (`network`, `timeout`, `http_503`, `middlebox_403`, …). */
  lastError?: string;
  /** When a request last got the API's answer (ms since epoch). */
  lastSuccessAt?: number;
}

/** Who holds the sync lock, and until when they may be silent before others take over. */
export interface SyncLease {
  holder: string;
  until: number;
}

export interface MetaValues {
  /** A random id made at first run (not a fingerprint). */
  deviceId: string;
  /** The privacy notice version the person acknowledged. */
  privacyAccepted: string;
  /** The delområde the person chose on the start screen. */
  areaCode: string;
  /** Remembered "about you" answers. */
  group: RespondentGroup;
  ageBand: AgeBand;
  syncState: SyncState;
  syncLease: SyncLease;
}
export type MetaKey = keyof MetaValues;

export interface KraftsamlaDB extends DBSchema {
  outbox: {
    key: string;
    value: OutboxRecord;
    indexes: { 'by-state-queuedAt': [OutboxState, number] };
  };
  meta: {
    key: MetaKey;
    value: MetaValues[MetaKey];
  };
}

export type Database = IDBPDatabase<KraftsamlaDB>;

/** Opens (and creates or upgrades) the database. `name` is only for tests. */
export function openDatabase(name: string = DB_NAME): Promise<Database> {
  return openDB<KraftsamlaDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('by-state-queuedAt', ['state', 'queuedAt']);
        db.createObjectStore('meta');
      }
    },
    blocking(_current, _blocked, event) {
      // A newer version (another tab after an update) wants to upgrade: let it.
      (event.target as IDBDatabase | null)?.close();
      cached = undefined;
    },
    terminated() {
      cached = undefined;
    },
  });
}

let cached: Promise<Database> | undefined;

/** The shared connection for this JavaScript context. */
export function db(): Promise<Database> {
  if (!cached) {
    cached = openDatabase();
    cached.catch(() => {
      cached = undefined;
    });
  }
  return cached;
}

export async function getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
  return (await (await db()).get('meta', key)) as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
  await (await db()).put('meta', value, key);
}

export async function deleteMeta(key: MetaKey): Promise<void> {
  await (await db()).delete('meta', key);
}

export async function clearMeta(): Promise<void> {
  await (await db()).clear('meta');
}

/** 16 random bytes as base64url: 22 characters. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The device id, made on first use and then kept. */
export async function deviceId(): Promise<string> {
  const d = await db();
  const tx = d.transaction('meta', 'readwrite');
  let id = (await tx.store.get('deviceId')) as string | undefined;
  if (!id) {
    id = randomId();
    await tx.store.put(id, 'deviceId');
  }
  await tx.done;
  return id;
}
