/**
 * Crash test: under a steady load the server is killed with SIGKILL (no shutdown code
 * runs) and started again, twice; every id it ever answered `created` or `duplicate` must
 * be in the database afterwards. Acknowledged means committed (synchronous=FULL on SQLite,
 * synchronous_commit on PostgreSQL), so nothing acknowledged may be missing.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queryTarget, type TestTarget } from '../store/testing.ts';
import { STORE_KINDS, type StoreKind, tempDir } from '../test/index.ts';
import { freshPgDatabase } from '../test/pg.ts';
import {
  databaseUrl,
  freePort,
  killAllServers,
  type ServerProcess,
  startServer,
  steadyLoad,
} from '../test/server.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await killAllServers();
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** A fresh, empty database of `kind`, removed after the test. */
async function freshTarget(kind: StoreKind): Promise<TestTarget> {
  if (kind === 'postgres') {
    const place = await freshPgDatabase();
    cleanups.push(place.drop);
    return { kind, url: place.url };
  }
  const { dir, remove } = tempDir();
  cleanups.push(remove);
  return { kind, path: join(dir, 'kraftsamla.db') };
}

const CRASHES = 2;
/** Ids acknowledged between two crashes: enough that some requests are in flight at the kill. */
const PER_LIFE = 150;

describe.each(STORE_KINDS)('a server on %s killed with SIGKILL under load', (kind) => {
  it('should keep every submission it acknowledged, across restarts', async () => {
    const target = await freshTarget(kind);
    const port = await freePort();
    const env = { DATABASE_URL: databaseUrl(target), PORT: String(port) };
    const url = `http://localhost:${port}`;
    let server: ServerProcess = startServer(env);
    await server.url;

    const load = steadyLoad(() => url, { senders: 4, batchSize: 5 });
    try {
      for (let crash = 1; crash <= CRASHES; crash++) {
        await load.until(crash * PER_LIFE);
        await server.kill('SIGKILL');
        // The senders keep going (their requests fail) until the new process listens.
        server = startServer(env);
        await server.url;
      }
      await load.until((CRASHES + 1) * PER_LIFE);
    } finally {
      await load.stop();
    }
    // The last crash comes after the load: nothing gets a clean shutdown.
    await server.kill('SIGKILL');

    expect(load.unexpected).toEqual([]);
    const stored = new Set(
      (await queryTarget<{ id: string }>(target, 'SELECT id FROM submissions')).map((r) => r.id),
    );
    const missing = [...load.acknowledged].filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    expect(load.acknowledged.size).toBeGreaterThanOrEqual((CRASHES + 1) * PER_LIFE);
    // Requests cut by the kills were sent again; while the server was down they failed.
    expect(load.failures()).toBeGreaterThan(0);
  }, 60_000);
});
