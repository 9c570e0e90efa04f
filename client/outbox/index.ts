/**
 * The outbox: every submission goes here first, then `client/sync` sends it.
 *
 * A small public API over the private `outbox` store (in the spirit of workbox-background-sync):
 * callers never touch IndexedDB themselves. Items are validated against the shared wire schema
 * before they enter, and the submission id is the key, so the same item can never be queued twice.
 * Sent items are kept: they are the device's receipts for "My input".
 *
 * States: `queued` (waiting, in the retry loop) → `sent` (the server has it: receipt and tags) or
 * `attention` (the server refused it: out of the retry loop until the person acts).
 */
import type {
  FieldError,
  ReceiptStatus,
  RedactedFields,
  SubmissionItem,
  Tag,
} from '../../common/wire/index.ts';
import { post } from '../channel/index.ts';
import {
  type AttentionStatus,
  type Database,
  db as sharedDb,
  type OutboxRecord,
  type OutboxState,
  type SyncLease,
  type SyncState,
} from '../db/index.ts';

export { ValidationError } from './errors.ts';
export type { AttentionStatus, OutboxRecord, OutboxState, SyncLease, SyncState } from '../db/index.ts';

export interface Outbox {
  /** Validates and queues an item; queuing the same id again returns the existing record. */
  enqueue(item: unknown): Promise<OutboxRecord>;
  /** Queued items, oldest first. */
  pending(): Promise<OutboxRecord[]>;
  /** Every item, oldest first. */
  all(): Promise<OutboxRecord[]>;
  get(id: string): Promise<OutboxRecord | undefined>;
  /** The server has the item (created or duplicate). */
  markSent(id: string, receipt: string | undefined, tags?: Tag[]): Promise<void>;
  /** The server refused the item: out of the retry loop. */
  markAttention(id: string, status: AttentionStatus, errors?: FieldError[]): Promise<void>;
  /**
   * Records the server's answers for a whole batch in one transaction and one change message
   * (per-item writes made "My input" redraw hundreds of times during a large sync).
   */
  settle(results: readonly Settlement[]): Promise<void>;
  /**
   * The items were part of a request that did not get an answer for them. With `failed`, the API
   * itself failed on the request: their `failures` count goes up; with `alone` (a request of this
   * item only), its `isolations` too, and it waits on its own until `alone(isolations)`.
   */
  markAttempt(
    ids: readonly string[],
    error?: string,
    failed?: { alone?: (isolations: number) => number },
  ): Promise<void>;
  /**
   * Replaces an `attention` item with a new queued item (e.g. the same words as a general comment
   * when its insats was closed), in one transaction: the words are never in neither nor in both.
   */
  replace(id: string, item: unknown): Promise<OutboxRecord>;
  /** Moves the queue times of queued items saved before `before` by `deltaMs` (the clock was corrected). */
  shiftQueuedAt(deltaMs: number, before: number): Promise<void>;
  /** The sync's retry state (page and service worker share it). */
  syncState(): Promise<SyncState>;
  setSyncState(state: SyncState): Promise<void>;
  /** The sync lock's lease (see client/sync/lock.ts). */
  lease: {
    read(): Promise<SyncLease | undefined>;
    write(lease: SyncLease | undefined): Promise<void>;
  };
  /** Puts an `attention` item back in the queue (the person asked to try again). */
  requeue(id: string): Promise<void>;
  /** Stores the latest receipt statuses for sent items. */
  setReceiptStatuses(statuses: readonly ReceiptStatus[]): Promise<void>;
  remove(id: string): Promise<void>;
  count(state?: OutboxState): Promise<number>;
  clear(): Promise<void>;
}

/** The server's final answer for one item: it has it (`sent`), or refused it (`attention`). */
export type Settlement =
  | { id: string; state: 'sent'; receipt?: string; tags?: Tag[] }
  | { id: string; state: 'attention'; status: AttentionStatus; errors?: FieldError[] };

export interface OutboxOptions {
  db?: () => Promise<Database>;
  now?: () => number;
  /** Checks an item against the wire schema and returns the parsed item (throws ValidationError). */
  validate?: (item: unknown) => SubmissionItem | Promise<SubmissionItem>;
  /** Called after every change (default: tell every tab and the service worker). */
  onChange?: () => void;
}

const lazyValidate = async (item: unknown) => (await import('./validate.ts')).validateItem(item);

const byQueuedAt = (a: OutboxRecord, b: OutboxRecord) =>
  a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createOutbox(options: OutboxOptions = {}): Outbox {
  const open = options.db ?? sharedDb;
  const now = options.now ?? Date.now;
  const validate = options.validate ?? lazyValidate;
  const changed = options.onChange ?? (() => post({ type: 'outbox-changed' }));

  /** Reads, changes and writes one record in one transaction (nothing else awaited inside). */
  async function update(id: string, change: (record: OutboxRecord) => OutboxRecord | undefined) {
    const d = await open();
    const tx = d.transaction('outbox', 'readwrite');
    const record = await tx.store.get(id);
    const next = record && change(record);
    if (next) await tx.store.put(next);
    await tx.done;
    return Boolean(next);
  }

  return {
    async enqueue(input) {
      const item = await validate(input);
      const record: OutboxRecord = { id: item.id, item, state: 'queued', queuedAt: now(), attempts: 0 };
      const d = await open();
      const tx = d.transaction('outbox', 'readwrite');
      const existing = await tx.store.get(record.id);
      if (!existing) await tx.store.add(record);
      await tx.done;
      if (existing) return existing;
      changed();
      return record;
    },

    async pending() {
      const d = await open();
      const range = IDBKeyRange.bound(['queued', -Infinity], ['queued', Infinity]);
      // The index orders by queuedAt, then by id (UUIDv7: time-ordered) for equal times.
      return d.getAllFromIndex('outbox', 'by-state-queuedAt', range);
    },

    async all() {
      const d = await open();
      return (await d.getAll('outbox')).sort(byQueuedAt);
    },

    async get(id) {
      return (await open()).get('outbox', id);
    },

    async markSent(id, receipt, tags) {
      const settlement: Settlement = { id, state: 'sent' };
      if (receipt !== undefined) settlement.receipt = receipt;
      if (tags !== undefined) settlement.tags = tags;
      if (await update(id, (r) => settled(r, settlement, now()))) changed();
    },

    async markAttention(id, status, errors) {
      const settlement: Settlement = { id, state: 'attention', status };
      if (errors !== undefined) settlement.errors = errors;
      if (await update(id, (r) => settled(r, settlement, now()))) changed();
    },

    async settle(results) {
      if (results.length === 0) return;
      const d = await open();
      const tx = d.transaction('outbox', 'readwrite');
      let changes = 0;
      await Promise.all(
        results.map(async (settlement) => {
          const record = await tx.store.get(settlement.id);
          const next = record && settled(record, settlement, now());
          if (!next) return;
          changes++;
          await tx.store.put(next);
        }),
      );
      await tx.done;
      if (changes > 0) changed();
    },

    async markAttempt(ids, error, failed) {
      if (ids.length === 0) return;
      const d = await open();
      const tx = d.transaction('outbox', 'readwrite');
      await Promise.all(
        ids.map(async (id) => {
          const r = await tx.store.get(id);
          if (r?.state !== 'queued') return;
          const next: OutboxRecord = { ...r, attempts: r.attempts + 1 };
          if (error !== undefined) next.lastError = error;
          if (failed) {
            next.failures = (r.failures ?? 0) + 1;
            if (failed.alone) {
              next.isolations = (r.isolations ?? 0) + 1;
              next.notBefore = failed.alone(next.isolations);
            }
          }
          await tx.store.put(next);
        }),
      );
      await tx.done;
      changed();
    },

    async requeue(id) {
      const ok = await update(id, (r) => {
        if (r.state !== 'attention') return undefined;
        const next: OutboxRecord = { ...r, state: 'queued', queuedAt: now() };
        delete next.status;
        delete next.errors;
        delete next.lastError;
        delete next.failures;
        delete next.isolations;
        delete next.notBefore;
        return next;
      });
      if (ok) changed();
    },

    async replace(id, input) {
      const item = await validate(input);
      const record: OutboxRecord = { id: item.id, item, state: 'queued', queuedAt: now(), attempts: 0 };
      const d = await open();
      const tx = d.transaction('outbox', 'readwrite');
      const old = await tx.store.get(id);
      if (old?.state !== 'attention') {
        tx.abort();
        await tx.done.catch(() => {});
        throw new Error('only an item that needs attention can be replaced');
      }
      await tx.store.delete(id);
      await tx.store.add(record);
      await tx.done;
      changed();
      return record;
    },

    async shiftQueuedAt(deltaMs, before) {
      const d = await open();
      const tx = d.transaction('outbox', 'readwrite');
      const range = IDBKeyRange.bound(['queued', -Infinity], ['queued', before]);
      let cursor = await tx.store.index('by-state-queuedAt').openCursor(range);
      const moved: OutboxRecord[] = [];
      while (cursor) {
        moved.push(cursor.value);
        cursor = await cursor.continue();
      }
      for (const r of moved) await tx.store.put({ ...r, queuedAt: r.queuedAt + deltaMs });
      await tx.done;
      if (moved.length > 0) changed();
    },

    async syncState() {
      return ((await (await open()).get('meta', 'syncState')) as SyncState | undefined) ?? { failures: 0 };
    },

    async setSyncState(state) {
      await (await open()).put('meta', state, 'syncState');
    },

    lease: {
      async read() {
        return (await (await open()).get('meta', 'syncLease')) as SyncLease | undefined;
      },
      async write(lease) {
        const d = await open();
        if (lease) await d.put('meta', lease, 'syncLease');
        else await d.delete('meta', 'syncLease');
      },
    },

    async setReceiptStatuses(statuses) {
      if (statuses.length === 0) return;
      const byReceipt = new Map(statuses.map((s) => [s.receipt, s]));
      const d = await open();
      const tx = d.transaction('outbox', 'readwrite');
      let cursor = await tx.store.openCursor();
      while (cursor) {
        const r = cursor.value;
        const s = r.receipt ? byReceipt.get(r.receipt) : undefined;
        if (s) {
          const info: OutboxRecord['receiptInfo'] = { status: s.status, checkedAt: now() };
          if (s.reason !== undefined) info.reason = s.reason;
          if (s.answer !== undefined) info.answer = s.answer;
          // Staff redacted something: the device's copy becomes what everyone else sees.
          const item = s.redacted ? withRedactions(r.item, s.redacted) : r.item;
          await cursor.update({ ...r, item, receiptInfo: info });
        }
        cursor = await cursor.continue();
      }
      await tx.done;
      changed();
    },

    async remove(id) {
      await (await open()).delete('outbox', id);
      changed();
    },

    async count(state) {
      const d = await open();
      if (!state) return d.count('outbox');
      return d.countFromIndex(
        'outbox',
        'by-state-queuedAt',
        IDBKeyRange.bound([state, -Infinity], [state, Infinity]),
      );
    },

    async clear() {
      await (await open()).clear('outbox');
      changed();
    },
  };
}

/** The record after the server's answer, or undefined when nothing changes (a sent item stays sent). */
function settled(r: OutboxRecord, s: Settlement, at: number): OutboxRecord | undefined {
  if (s.state === 'sent') {
    const next: OutboxRecord = { ...r, state: 'sent', sentAt: at, attempts: r.attempts + 1 };
    delete next.lastError;
    delete next.failures;
    delete next.isolations;
    delete next.notBefore;
    delete next.status;
    delete next.errors;
    if (s.receipt !== undefined) next.receipt = s.receipt;
    if (s.tags !== undefined) next.tags = s.tags;
    return next;
  }
  if (r.state === 'sent') return undefined;
  const next: OutboxRecord = { ...r, state: 'attention', status: s.status, attempts: r.attempts + 1 };
  delete next.failures;
  delete next.isolations;
  delete next.notBefore;
  if (s.errors !== undefined) next.errors = s.errors;
  return next;
}

/** The outbox of this device (page and service worker share it through IndexedDB). */
export const outbox: Outbox = createOutbox();

/**
 * `item` with the fields staff redacted replaced by their redacted text (placeholders where
 * personal details were). Only fields the item has are replaced; nothing is added.
 */
export function withRedactions(item: SubmissionItem, redacted: RedactedFields): SubmissionItem {
  const next = { ...item };
  if (redacted.title !== undefined && next.title !== undefined) next.title = redacted.title;
  if (redacted.text !== undefined && next.text !== undefined) next.text = redacted.text;
  if (redacted.organisation !== undefined) {
    if (next.schemaVersion === 2) next.organisation = { ...next.organisation, name: redacted.organisation };
    else if (next.respondent.organisation !== undefined)
      next.respondent = { ...next.respondent, organisation: redacted.organisation };
  }
  if (redacted.otherText !== undefined && next.schemaVersion === 2 && next.otherText !== undefined)
    next.otherText = redacted.otherText;
  const answers = redacted.answers;
  if (answers !== undefined && next.schemaVersion !== 2 && next.answers) {
    next.answers = next.answers.map((a) => {
      const text = answers[a.questionId];
      return text !== undefined && typeof a.value === 'string' ? { ...a, value: text } : a;
    });
  }
  return next;
}
