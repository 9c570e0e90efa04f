import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SubmissionV1 } from '../../common/wire/index.ts';
import { ingestBatch } from '../domain/ingest/index.ts';
import { seed } from '../seed/index.ts';
import { commentItem, malmoBoundaries, tempDir } from '../test/index.ts';
import { mountTinyFs, type TinyFs } from '../test/tiny-fs.ts';
import { classifyStoreError, StoreUnavailableError, withFaultTracking } from './faults.ts';
import { openSqliteStore } from './index.ts';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('classifyStoreError', () => {
  it('should call SQLite, PostgreSQL and system "no space" a full disk', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', '53100', 'ENOSPC']) {
      expect(classifyStoreError(coded(code))).toEqual({ kind: 'disk-full', code });
    }
  });

  it('should call a database that is away unavailable, however the driver says it', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '53300', '08006', '08001']) {
      expect(classifyStoreError(coded(code))?.kind).toBe('database-unavailable');
    }
    // node-postgres, without a code.
    expect(classifyStoreError(new Error('Connection terminated unexpectedly'))?.kind).toBe(
      'database-unavailable',
    );
    expect(classifyStoreError(new Error('timeout exceeded when trying to connect'))?.kind).toBe(
      'database-unavailable',
    );
    // Wrapped on the way (the start-up's "cannot reach PostgreSQL …"), or one per address of localhost.
    expect(classifyStoreError(new Error('cannot reach PostgreSQL', { cause: coded('57P03') }))?.kind).toBe(
      'database-unavailable',
    );
    expect(classifyStoreError(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]))).toEqual({
      kind: 'database-unavailable',
      code: 'ECONNREFUSED',
    });
  });

  it('should leave bugs, constraints and bad input alone: those stay 500s', () => {
    expect(classifyStoreError(coded('23505', 'duplicate key'))).toBeUndefined();
    expect(
      classifyStoreError(coded('57014', 'canceling statement due to statement timeout')),
    ).toBeUndefined();
    expect(classifyStoreError(coded('SQLITE_CONSTRAINT_PRIMARYKEY'))).toBeUndefined();
    expect(
      classifyStoreError(coded('SQLITE_ERROR', 'cannot rollback - no transaction is active')),
    ).toBeUndefined();
    expect(classifyStoreError(new TypeError('x is undefined'))).toBeUndefined();
    expect(classifyStoreError('a string')).toBeUndefined();
  });
});

describe('withFaultTracking', () => {
  /** A store whose calls fail with `failure` until it is set to undefined. */
  function fakeStore() {
    const state: { failure: Error | undefined } = { failure: undefined };
    const call = async () => {
      if (state.failure) throw state.failure;
    };
    const store = withFaultTracking({ ping: call, probeWrite: call, saveSubmissions: call }, () => 1_000);
    return { store, state };
  }

  it('should throw a fault as StoreUnavailableError with the cause, and remember it', async () => {
    const { store, state } = fakeStore();
    const full = coded('SQLITE_FULL', 'database or disk is full');
    state.failure = full;
    const err = await store.saveSubmissions().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(err).toMatchObject({ kind: 'disk-full', code: 'SQLITE_FULL', retryAfterSeconds: 60, cause: full });
    expect(store.fault()).toEqual({ kind: 'disk-full', code: 'SQLITE_FULL', since: 1_000 });
  });

  it('should end "disk full" only with a write probe, since reads go on working', async () => {
    const { store, state } = fakeStore();
    state.failure = coded('SQLITE_FULL');
    await expect(store.saveSubmissions()).rejects.toThrow(StoreUnavailableError);
    state.failure = undefined;
    await store.ping();
    await store.saveSubmissions();
    expect(store.fault()?.kind).toBe('disk-full');
    await store.probeWrite();
    expect(store.fault()).toBeNull();
  });

  it('should end "unavailable" with a ping, and not with a call that may be answered from a cache', async () => {
    const { store, state } = fakeStore();
    state.failure = coded('57P01', 'terminating connection due to administrator command');
    await expect(store.saveSubmissions()).rejects.toThrow(/cannot be reached \(57P01\)/);
    state.failure = undefined;
    await store.saveSubmissions();
    expect(store.fault()?.kind).toBe('database-unavailable');
    await store.ping();
    expect(store.fault()).toBeNull();
  });

  it('should pass other errors on unchanged and remember nothing', async () => {
    const { store, state } = fakeStore();
    const bug = new TypeError('x is undefined');
    state.failure = bug;
    await expect(store.saveSubmissions()).rejects.toBe(bug);
    expect(store.fault()).toBeNull();
  });
});

describe('the SQLite store on a full disk', () => {
  let tiny: TinyFs | undefined;
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await tiny?.remove();
    tiny = undefined;
  });

  it('should fail a batch with SQLITE_FULL (not "cannot rollback") and keep none of it, then store it once space is back', async (ctx) => {
    const mounted = await mountTinyFs(24 * 1024 * 1024);
    if ('unavailable' in mounted) return ctx.skip(mounted.unavailable);
    tiny = mounted;
    const store = openSqliteStore(join(mounted.dir, 'k.db'));
    cleanups.push(() => store.close());
    await store.migrate();
    await seed(store, { exampleContent: true });
    const ingest = (items: SubmissionV1[]) =>
      ingestBatch(items, { store, boundaries: malmoBoundaries(), now: () => new Date() });
    const batch = (n: number) =>
      Array.from({ length: n }, () =>
        commentItem({ text: 'Det behövs mer ljus vid cykelbanan. '.repeat(20) }),
      );
    expect((await ingest(batch(1)))[0]?.status).toBe('created');

    mounted.fill();
    const big = batch(100);
    const err = await ingest(big).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'StoreUnavailableError', kind: 'disk-full', code: 'SQLITE_FULL' });
    expect(store.fault()?.kind).toBe('disk-full');
    expect(await store.findStored(big.map((s) => s.id))).toEqual(new Map());
    await expect(store.probeWrite()).rejects.toThrow(StoreUnavailableError);

    mounted.free();
    await store.probeWrite();
    expect(store.fault()).toBeNull();
    expect((await ingest(big)).map((r) => r.status)).toEqual(big.map(() => 'created'));
    expect((await store.findStored(big.map((s) => s.id))).size).toBe(100);
  }, 60_000);

  it('should say nothing about space for a store in a temp dir with room', async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const store = openSqliteStore(join(dir, 'k.db'));
    cleanups.push(() => store.close());
    await store.migrate();
    await store.probeWrite();
    expect(store.fault()).toBeNull();
  });
});
