import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newReceipt } from '../domain/ingest/index.ts';
import { type TestStore, tempDir, testStore } from '../test/index.ts';
import { openSqliteDatabase, openSqliteStore } from './index.ts';
import { queryForTest } from './testing.ts';
import type { NewSubmission } from './types.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
});

function record(over: Partial<NewSubmission> = {}): NewSubmission {
  return {
    id: crypto.randomUUID(),
    contentHash: 'h1',
    receipt: newReceipt(),
    schemaVersion: 1,
    kind: 'comment',
    insatsId: null,
    title: null,
    text: 'Hej',
    respondentGroup: 'resident',
    ageBand: null,
    organisation: null,
    locale: 'sv',
    deviceId: 'device-123456',
    createdAt: '2026-11-20T10:00:00.000Z',
    receivedAt: '2026-11-20T10:00:05.000Z',
    moderationStatus: 'pending',
    cell: null,
    pointConsentVersion: null,
    answers: [],
    contact: null,
    tags: [{ areaCode: '11319', source: 'chosen', boundaryVersion: 'v1', primary: true }],
    ...over,
  };
}

describe('the SQLite store', () => {
  it('should put every commit on disk before it returns (WAL, synchronous=FULL) and enforce foreign keys', () => {
    const { dir, remove } = tempDir();
    const db = openSqliteDatabase(join(dir, 'nested', 'k.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    } finally {
      db.close();
      remove();
    }
  });

  it('should migrate once and be a no-op on every later start', async () => {
    ctx = await testStore();
    await ctx.store.migrate();
    const reopened = openSqliteStore(ctx.dbPath);
    await reopened.migrate();
    await reopened.close();
    const applied = queryForTest<{ name: string }>(ctx.dbPath, 'SELECT name FROM kysely_migration');
    expect(applied.map((m) => m.name)).toEqual(['0001_initial']);
  });

  it('should store a batch all or nothing: one bad row rolls back the rest', async () => {
    ctx = await testStore();
    const good = record();
    const bad = record({ insatsId: 'no-such-insats' }); // violates the foreign key
    await expect(ctx.store.saveSubmissions([good, bad])).rejects.toThrow();
    expect(await ctx.store.getSubmission(good.id)).toBeUndefined();
  });

  it('should read back what it stored, with the contact kept apart', async () => {
    ctx = await testStore();
    const r = record({
      contact: { email: 'a@b.se', phone: null, consentVersion: 'v1' },
      tags: [
        { areaCode: '11319', source: 'chosen', boundaryVersion: 'v1', primary: true },
        { areaCode: '11316', source: 'point', boundaryVersion: 'v1', primary: false },
      ],
    });
    const [outcome] = await ctx.store.saveSubmissions([r]);
    expect(outcome).toEqual({ status: 'created', receipt: r.receipt, tags: r.tags });
    const { contact: _, ...rest } = r;
    expect(await ctx.store.getSubmission(r.id)).toEqual({ ...rest, hasContact: true });
  });

  it('should answer duplicate with the first receipt and tags, and conflict on another hash', async () => {
    ctx = await testStore();
    const r = record();
    await ctx.store.saveSubmissions([r]);
    const outcomes = await ctx.store.saveSubmissions([
      { ...r, receipt: newReceipt(), tags: [] },
      { ...r, contentHash: 'h2' },
    ]);
    expect(outcomes).toEqual([
      { status: 'duplicate', receipt: r.receipt, tags: r.tags },
      { status: 'conflict' },
    ]);
  });

  it('should find stored items by id, for recognising retries', async () => {
    ctx = await testStore();
    const r = record();
    await ctx.store.saveSubmissions([r]);
    const found = await ctx.store.findStored([r.id, crypto.randomUUID()]);
    expect([...found.entries()]).toEqual([[r.id, { contentHash: 'h1', receipt: r.receipt, tags: r.tags }]]);
  });
});
