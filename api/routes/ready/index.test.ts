import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { memoryLogger } from '../../logging/index.ts';
import { migrations } from '../../store/migrations.ts';
import { openPostgresStore, openSqliteStore, type Store } from '../../store/index.ts';
import { malmoBoundaries, STORE_KINDS, type TestApp, tempDir, testApp } from '../../test/index.ts';
import { freshPgSchema } from '../../test/pg.ts';

let t: TestApp | undefined;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const c of cleanups.splice(0)) await c();
});

const appOn = (store: Store, logger = memoryLogger().logger) =>
  createApp({
    store,
    config: { staticDir: '/nonexistent', controllerName: 'x', dpoContact: 'x' },
    boundaries: malmoBoundaries,
    logger,
  });

async function expectNotReady(res: Response, detail: RegExp) {
  expect(res.status).toBe(503);
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  expect(res.headers.get('Cache-Control')).toBe('no-store');
  expect(await res.json()).toMatchObject({
    status: 503,
    title: 'Service Unavailable',
    detail: expect.stringMatching(detail),
  });
}

describe.each(STORE_KINDS)('readiness queries on the %s store', (kind) => {
  it('should list every migration before migrating and none after, and ping', async () => {
    const place = kind === 'postgres' ? await freshPgSchema() : undefined;
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    if (place) cleanups.push(() => place.drop());
    const store = place
      ? openPostgresStore({ kind: 'postgres', url: place.url, poolMax: 2, statementTimeoutMs: 5_000 })
      : openSqliteStore(join(dir, 'k.db'));
    try {
      await store.ping();
      expect(await store.pendingMigrations()).toEqual(Object.keys(migrations));
      await store.migrate();
      expect(await store.pendingMigrations()).toEqual([]);
    } finally {
      await store.close();
    }
    await expect(store.ping()).rejects.toThrow();
  });
});

describe('GET /readyz', () => {
  it('should be ready on a migrated, reachable database, and stay so on later checks', async () => {
    t = await testApp();
    for (let i = 0; i < 2; i += 1) {
      const res = await t.app.request('/readyz');
      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(await res.json()).toEqual({ status: 'ready' });
    }
  });

  it('should answer 503 while migrations are pending', async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const store = openSqliteStore(join(dir, 'k.db'));
    cleanups.push(() => store.close());
    expect(await store.pendingMigrations()).toEqual(Object.keys(migrations));
    const app = appOn(store);
    await expectNotReady(
      await app.request('/readyz'),
      new RegExp(`${Object.keys(migrations).length} migration`),
    );
    await store.migrate();
    expect((await app.request('/readyz')).status).toBe(200);
  });

  it('should answer 503 when the database goes away, and log why without details of the request', async () => {
    t = await testApp();
    const { logger, lines } = memoryLogger();
    const app = appOn(t.store, logger);
    expect((await app.request('/readyz')).status).toBe(200);
    await t.store.close();
    await expectNotReady(await app.request('/readyz'), /cannot be reached/);
    const warning = lines()
      .map((l) => JSON.parse(l) as { msg: string; err?: { type: string } })
      .find((l) => l.msg === 'database not reachable');
    expect(warning?.err?.type).toEqual(expect.any(String));
  });

  it('should answer 503 within its timeout when the database hangs', async () => {
    t = await testApp();
    const hanging: Store = { ...t.store, pendingMigrations: () => new Promise<string[]>(() => {}) };
    const started = Date.now();
    await expectNotReady(await appOn(hanging).request('/readyz'), /cannot be reached/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
