/**
 * The disk under the SQLite file fills up, on a real tiny filesystem (a tmpfs of a few MB),
 * while many devices send through a real server process. Writes must be answered 503 with
 * Retry-After, /readyz must turn 503 and the log must say the disk is full; once space is
 * freed the same process goes on by itself, and every acknowledged item is stored once.
 * Started on a full disk, the server must say so and exit 75, not "cannot rollback".
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../store/index.ts';
import { queryTarget } from '../store/testing.ts';
import { faultLoad } from '../test/fault-load.ts';
import { killAllServers, startServer } from '../test/server.ts';
import { mountTinyFs, type TinyFs } from '../test/tiny-fs.ts';

let tiny: TinyFs | undefined;
let observer: Database.Database | undefined;
afterEach(async () => {
  await killAllServers();
  observer?.close();
  observer = undefined;
  await tiny?.remove();
  tiny = undefined;
});

/** Room for the seeded database and a few thousand submissions. */
const FS_BYTES = 48 * 1024 * 1024;

async function readyz(url: string): Promise<{ status: number; retryAfter: string | null; body: string }> {
  const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, retryAfter: res.headers.get('Retry-After'), body: await res.text() };
}

/** Mounts the tiny filesystem, or skips the test saying why it cannot be mounted here. */
async function tinyFsOrSkip(skip: (note: string) => never): Promise<TinyFs> {
  const mounted = await mountTinyFs(FS_BYTES);
  if ('unavailable' in mounted) return skip(mounted.unavailable);
  tiny = mounted;
  return mounted;
}

describe('a server on SQLite when its disk fills up', () => {
  it('should answer 503 with Retry-After and say why, then go on by itself once space is freed', async (ctx) => {
    const fs = await tinyFsOrSkip(ctx.skip);
    const path = join(fs.dir, 'kraftsamla.db');
    const server = startServer({ DATABASE_URL: `sqlite:${path}` });
    const url = await server.url;

    const load = faultLoad(url, { senders: 8, batchSize: 5 });
    try {
      await load.until(100);
      fs.fill();
      await Promise.race([load.untilUnavailable(5, 30_000), server.exited]);
      expect(server.child.exitCode, server.output()).toBeNull();

      const full = await readyz(url);
      expect(full.status).toBe(503);
      expect(full.retryAfter).toMatch(/^\d+$/);
      expect(JSON.parse(full.body)).toMatchObject({
        status: 503,
        detail: expect.stringMatching(/disk is full/),
      });
      // The operator's line names the cause, SQLite's code included.
      expect(server.output()).toMatch(/"msg":"The database's disk is full[^"]*\(SQLITE_FULL\)"/);

      fs.free();
      const deadline = Date.now() + 10_000;
      while ((await readyz(url)).status !== 200) {
        if (Date.now() > deadline) throw new Error('/readyz did not turn 200 after space was freed');
        await new Promise((r) => setTimeout(r, 100));
      }
      await load.until(load.acknowledged.size + 100);
    } finally {
      await load.stop();
    }
    expect(server.child.exitCode, server.output()).toBeNull();
    expect(load.networkErrors).toEqual([]);
    expect(load.otherStatuses).toEqual([]);
    expect(load.unexpected).toEqual([]);
    await server.kill('SIGTERM');

    const rows = await queryTarget<{ id: string; copies: number }>(
      { kind: 'sqlite', path },
      'SELECT id, count(*) AS copies FROM submissions GROUP BY id',
    );
    const stored = new Map(rows.map((r) => [r.id, r.copies]));
    expect([...load.acknowledged].filter((id) => !stored.has(id))).toEqual([]);
    expect(rows.filter((r) => r.copies !== 1)).toEqual([]);
  }, 120_000);

  it('should refuse to start on a full disk, saying so, with exit code 75', async (ctx) => {
    const fs = await tinyFsOrSkip(ctx.skip);
    const path = join(fs.dir, 'kraftsamla.db');
    const first = startServer({ DATABASE_URL: `sqlite:${path}` });
    await first.url;
    await first.kill('SIGTERM');

    // Another process has the database open (a backup, say), so its WAL and index files stay
    // and the start-up's first write is what meets the full disk: SQLITE_FULL, rolled back by
    // SQLite itself.
    observer = openSqliteDatabase(path);
    observer.prepare('SELECT count(*) FROM submissions').get();
    fs.fill();
    const withFiles = startServer({ DATABASE_URL: `sqlite:${path}` });
    expect(await withFiles.exited, withFiles.output()).toBe(75);
    expect(withFiles.output()).toMatch(/cannot start: the disk holding the database is full \(SQLITE_FULL\)/);
    expect(withFiles.output()).not.toMatch(/cannot rollback/);

    // Alone on the full disk (the last connection closing removes those files): SQLite cannot
    // even make its WAL index (SQLITE_IOERR_SHMSIZE).
    observer.close();
    observer = undefined;
    const alone = startServer({ DATABASE_URL: `sqlite:${path}` });
    expect(await alone.exited, alone.output()).toBe(75);
    expect(alone.output()).toMatch(/cannot start: the disk holding the database is full/);
  }, 120_000);
});
