/**
 * Backups taken under load restore every acknowledged submission: `npm run backup` while
 * devices keep sending, then `npm run restore` into an empty database and over the live one.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../api/store/migrations.ts';
import { queryTarget, type TestTarget } from '../api/store/testing.ts';
import { STORE_KINDS, type StoreKind, tempDir } from '../api/test/index.ts';
import { freshPgDatabase } from '../api/test/pg.ts';
import { databaseUrl, killAllServers, startServer, steadyLoad } from '../api/test/server.ts';
import { backupFileName } from './backup.ts';

const execFileAsync = promisify(execFile);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await killAllServers();
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

const { dir: scratch, remove } = tempDir();
afterAll(remove);

let made = 0;
async function freshTarget(kind: StoreKind, name: string): Promise<TestTarget> {
  made += 1;
  if (kind === 'sqlite') return { kind, path: join(scratch, `${name}-${made}`, 'kraftsamla.db') };
  const place = await freshPgDatabase();
  cleanups.push(place.drop);
  return { kind, url: place.url };
}

/** Runs `npm run backup|restore` (the script itself, without npm's start-up) on `target`. */
async function script(target: TestTarget, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--import', 'tsx', 'scripts/backup.ts', ...args],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl(target) },
    },
  );
  return stdout;
}

const ids = async (target: TestTarget) =>
  new Set((await queryTarget<{ id: string }>(target, 'SELECT id FROM submissions')).map((r) => r.id));

describe('backup file names', () => {
  it('should say what they hold and sort by time', () => {
    const at = new Date('2026-11-24T03:15:00.123Z');
    expect(backupFileName('sqlite', at)).toBe('kraftsamla-sqlite-20261124T031500Z.db');
    expect(backupFileName('postgres', at)).toBe('kraftsamla-postgres-20261124T031500Z.dump');
  });
});

describe.each(STORE_KINDS)('npm run backup / restore on %s', (kind) => {
  it('should restore, from a backup taken under load, every submission acknowledged before it', async () => {
    const live = await freshTarget(kind, 'live');
    const server = startServer({ DATABASE_URL: databaseUrl(live) });
    const url = await server.url;
    const load = steadyLoad(() => url, { senders: 4, batchSize: 10 });
    let acknowledgedBefore: Set<string>;
    let file: string;
    try {
      await load.until(200);
      acknowledgedBefore = new Set(load.acknowledged);
      const out = await script(live, 'backup', join(scratch, kind));
      file = /to (\S+) \(/.exec(out)?.[1] ?? '';
      // The load went on while the backup ran.
      await load.until(acknowledgedBefore.size + 100);
    } finally {
      await load.stop();
    }
    // Killed, not stopped: on SQLite its -wal file stays, with frames the restore must not revive.
    await server.kill('SIGKILL');
    if (live.kind === 'sqlite') expect(existsSync(`${live.path}-wal`)).toBe(true);
    expect(load.unexpected).toEqual([]);
    expect(statSync(file).mode & 0o077).toBe(0); // personal data: owner only

    // Into an empty database…
    const empty = await freshTarget(kind, 'empty');
    await script(empty, 'restore', file);
    const restored = await ids(empty);
    expect([...acknowledgedBefore].filter((id) => !restored.has(id))).toEqual([]);
    expect(restored.size).toBeLessThan(load.acknowledged.size); // later input is not in it
    const applied = await queryTarget<{ name: string }>(
      empty,
      'SELECT name FROM kysely_migration ORDER BY name',
    );
    expect(applied.map((m) => m.name)).toEqual(Object.keys(migrations).sort());

    // …and over the live database, which has moved on: afterwards it holds exactly the backup.
    await script(live, 'restore', file);
    expect(await ids(live)).toEqual(restored);
  }, 60_000);

  it('should refuse a backup of the other store kind, naming both', async () => {
    const target = await freshTarget(kind, 'other');
    const other = join(scratch, kind === 'sqlite' ? 'x.dump' : 'x.db');
    writeFileSync(other, kind === 'sqlite' ? 'PGDMP fake' : 'SQLite format 3\0fake');
    await expect(script(target, 'restore', other)).rejects.toThrow(/backup, but DATABASE_URL names a/);
  });
});
