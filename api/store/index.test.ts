import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { newReceipt } from '../domain/ingest/index.ts';
import { STORE_KINDS, type TestStore, tempDir, testStore } from '../test/index.ts';
import { freshPgSchema } from '../test/pg.ts';
import { openPostgresDatabase, openPostgresStore, openSqliteDatabase, postgresPoolConfig } from './index.ts';
import { migrations } from './migrations.ts';
import type { NewSubmission, SaveOutcome } from './types.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
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

describe.each(STORE_KINDS)('the %s store', (kind) => {
  it('should migrate once and be a no-op on every later start', async () => {
    ctx = await testStore({ kind });
    await ctx.store.migrate();
    const reopened = ctx.reopen();
    await reopened.migrate();
    const applied = await ctx.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name');
    expect(applied.map((m) => m.name)).toEqual(Object.keys(migrations).sort());
  });

  it('should store a batch all or nothing: one bad row rolls back the rest', async () => {
    ctx = await testStore({ kind });
    const good = record();
    const bad = record({ insatsId: 'no-such-insats' }); // violates the foreign key
    await expect(ctx.store.saveSubmissions([good, bad])).rejects.toThrow();
    expect(await ctx.store.getSubmission(good.id)).toBeUndefined();
  });

  it('should read back what it stored, with the contact kept apart', async () => {
    ctx = await testStore({ kind });
    const r = record({
      contact: { email: 'a@b.se', phone: null, consentVersion: 'v1' },
      answers: [{ questionId: 'q', questionVersion: 2, value: ['a', 'b'] }],
      tags: [
        { areaCode: '11319', source: 'chosen', boundaryVersion: 'v1', primary: true },
        { areaCode: '11316', source: 'point', boundaryVersion: 'v1', primary: false },
      ],
    });
    const [outcome] = await ctx.store.saveSubmissions([r]);
    expect(outcome).toEqual({ status: 'created', receipt: r.receipt, tags: r.tags });
    const { contact: _, ...rest } = r;
    expect(await ctx.store.getSubmission(r.id)).toEqual({ ...rest, hasContact: true, flags: [] });
  });

  it('should answer duplicate with the first receipt and tags, and conflict on another hash', async () => {
    ctx = await testStore({ kind });
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
    ctx = await testStore({ kind });
    const r = record();
    await ctx.store.saveSubmissions([r]);
    const found = await ctx.store.findStored([r.id, crypto.randomUUID()]);
    expect([...found.entries()]).toEqual([[r.id, { contentHash: 'h1', receipt: r.receipt, tags: r.tags }]]);
  });

  it('should store each id once when overlapping batches race, in any order (two pools on PostgreSQL)', async () => {
    ctx = await testStore({ kind });
    // SQLite is one connection per process (the app's only shape); PostgreSQL gets a second
    // pool, as a second instance would have.
    const stores = kind === 'postgres' ? [ctx.store, ctx.reopen()] : [ctx.store];
    // Open every pooled connection first, so the batches below really start together.
    await Promise.all(stores.flatMap((s) => Array.from({ length: 4 }, () => s.findStored(['warm-up']))));
    const records = Array.from({ length: 100 }, () => record());
    const sends: Promise<{ id: string; outcome: SaveOutcome }[]>[] = [];
    for (let i = 0; i < 12; i++) {
      // Each request makes its own receipt; half the batches come in reverse order.
      const batch = records.map((r) => ({ ...r, receipt: newReceipt() }));
      if (i % 2) batch.reverse();
      const store = stores[i % stores.length] ?? ctx.store;
      sends.push(
        store
          .saveSubmissions(batch)
          .then((outcomes) => outcomes.map((outcome, j) => ({ id: batch[j]?.id ?? '', outcome }))),
      );
    }
    const answers = (await Promise.all(sends)).flat();
    for (const r of records) {
      const forId = answers.filter((a) => a.id === r.id).map((a) => a.outcome);
      const created = forId.filter((o) => o.status === 'created');
      expect(created).toHaveLength(1);
      const receipt = created[0]?.status === 'created' ? created[0].receipt : undefined;
      // Every other answer is a duplicate carrying the one stored receipt.
      expect(forId.filter((o) => o.status === 'duplicate' && o.receipt === receipt)).toHaveLength(11);
    }
    const [count] = await ctx.query<{ n: number }>('SELECT count(*) AS n FROM submissions');
    expect(count?.n).toBe(records.length);
  });

  it('should find no insats for an id PostgreSQL could not even store (a NUL character)', async () => {
    ctx = await testStore({ kind });
    expect(await ctx.store.getPublishedInsats('exempel\u0000')).toBeUndefined();
  });
});

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
});

describe('the PostgreSQL store', () => {
  const config = (url: string, statementTimeoutMs = 10_000) => ({
    kind: 'postgres' as const,
    url,
    poolMax: 3,
    statementTimeoutMs,
  });

  it('should set the timeouts and its name on every connection, and pool at most DATABASE_POOL_MAX', async () => {
    const place = await freshPgSchema();
    const db = openPostgresDatabase(config(place.url, 1_500));
    try {
      const show = async (setting: string) =>
        (await sql<Record<string, string>>`show ${sql.raw(setting)}`.execute(db)).rows[0]?.[setting];
      expect(await show('statement_timeout')).toBe('1500ms');
      expect(await show('idle_in_transaction_session_timeout')).toBe('30s');
      expect(await show('application_name')).toBe('kraftsamla');
      expect(await show('search_path')).toBe(place.name); // the URL's options are kept
      expect(postgresPoolConfig(config(place.url)).max).toBe(3);
    } finally {
      await db.destroy();
      await place.drop();
    }
  });

  it('should cancel a statement that runs past the statement timeout', async () => {
    const place = await freshPgSchema();
    const db = openPostgresDatabase(config(place.url, 200));
    try {
      await expect(sql`select pg_sleep(2)`.execute(db)).rejects.toMatchObject({ code: '57014' });
    } finally {
      await db.destroy();
      await place.drop();
    }
  });

  it('should say it cannot reach DATABASE_URL, without the password, when nothing listens there', async () => {
    const store = openPostgresStore(config('postgres://k:hemligt@127.0.0.1:1/kraftsamla'));
    try {
      const err = await store.migrate().then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err?.message).toMatch(
        /cannot reach PostgreSQL at DATABASE_URL=postgres:\/\/k:\*\*\*@127\.0\.0\.1:1/,
      );
      expect(err?.message).not.toContain('hemligt');
    } finally {
      await store.close();
    }
  });
});
