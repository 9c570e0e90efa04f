/**
 * Backups of the database that DATABASE_URL names (the same variable the server reads).
 *
 *   npm run backup                    → ./backups/kraftsamla-<kind>-<UTC time>.<db|dump>
 *   npm run backup -- <dir | file.db | file.dump>   → there instead
 *   npm run restore -- <file>         → replaces the database's content with the backup's
 *
 * SQLite: the online backup API (better-sqlite3 `.backup()`), safe while the server runs and
 * writes; the copy is one consistent snapshot and is checked with `PRAGMA integrity_check`.
 * PostgreSQL: `pg_dump --format=custom` (one consistent snapshot, the server keeps running)
 * and `pg_restore --clean --if-exists --single-transaction` (all or nothing).
 *
 * Backups hold personal data: files are created readable by their owner only (0600).
 * Stop every instance before a restore. See docs/operations.md for how often and how long.
 */
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { type DatabaseConfig, parseDatabaseUrl, redactUrl } from '../api/config/index.ts';

/** Where backups go when no path is given. */
export const DEFAULT_BACKUP_DIR = 'backups';

/** `kraftsamla-sqlite-20261124T031500Z.db`: sorts by time, says what it holds. */
export function backupFileName(kind: DatabaseConfig['kind'], at = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `kraftsamla-${kind}-${stamp}.${kind === 'sqlite' ? 'db' : 'dump'}`;
}

/**
 * The file to write: `target` itself when it ends in .db or .dump, else a new timestamped
 * name in the directory `target` (default ./backups), created if missing.
 */
function backupPath(kind: DatabaseConfig['kind'], target?: string): string {
  const where = resolve(target ?? DEFAULT_BACKUP_DIR);
  const isFile = /\.(db|dump)$/.test(where) && !(existsSync(where) && statSync(where).isDirectory());
  const file = isFile ? where : join(where, backupFileName(kind));
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (existsSync(file)) throw new Error(`${file} exists already; a backup never overwrites one`);
  return file;
}

/** Takes a backup of `config`'s database; resolves with the file written. */
export async function backup(config: DatabaseConfig, target?: string): Promise<string> {
  const file = backupPath(config.kind, target);
  try {
    await writeBackup(config, file);
  } catch (err) {
    // A half-written file must not pass for a backup later.
    rmSync(file, { force: true });
    throw err;
  }
  return file;
}

async function writeBackup(config: DatabaseConfig, file: string): Promise<void> {
  if (config.kind === 'sqlite') {
    if (!existsSync(config.path)) throw new Error(`no SQLite database at ${config.path}`);
    const source = new Database(config.path, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      // All pages in one step, inside one read transaction: WAL lets the server keep writing,
      // and the copy cannot be restarted over and over by those writes (as page-by-page
      // steps would be under a steady load).
      await source.backup(file, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    chmodSync(file, 0o600);
    checkSqlite(file);
  } else {
    await run('pg_dump', ['--format=custom', '--compress=6', `--file=${file}`], config.url);
    chmodSync(file, 0o600);
  }
}

/** Replaces the content of `config`'s database with the backup in `file`. */
export async function restore(config: DatabaseConfig, file: string): Promise<void> {
  const path = resolve(file);
  const kind = kindOfFile(path);
  if (kind !== config.kind) {
    throw new Error(`${path} is a ${kind} backup, but DATABASE_URL names a ${config.kind} database`);
  }
  if (config.kind === 'sqlite') {
    checkSqlite(path);
    mkdirSync(dirname(config.path), { recursive: true });
    const source = new Database(path, { readonly: true, fileMustExist: true });
    try {
      // The backup API writes through the target's own pager, so a -wal file beside an
      // existing database is handled (its frames are superseded), unlike copying the file.
      await source.backup(config.path, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    checkSqlite(config.path);
  } else {
    // --no-owner: the restoring role (the app's) owns what it restores, whoever owned it before.
    await run(
      'pg_restore',
      ['--clean', '--if-exists', '--single-transaction', '--no-owner', '--exit-on-error', path],
      config.url,
    );
  }
}

/** Throws unless the SQLite file at `path` passes `PRAGMA integrity_check`. */
function checkSqlite(path: string): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`${path} failed the integrity check: ${String(result)}`);
  } finally {
    db.close();
  }
}

/** What a backup file holds, from its first bytes. */
function kindOfFile(path: string): DatabaseConfig['kind'] {
  if (!existsSync(path)) throw new Error(`no backup file at ${path}`);
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1').startsWith('SQLite format 3')) return 'sqlite';
  if (head.toString('latin1').startsWith('PGDMP')) return 'postgres';
  throw new Error(`${path} is neither a SQLite database nor a pg_dump custom-format file`);
}

/**
 * Runs a PostgreSQL client tool against `url`. The password goes in PGPASSWORD, not on the
 * command line, where any user of the machine could read it in the process list.
 */
function run(tool: string, args: string[], url: string): Promise<void> {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, [...args, `--dbname=${u.toString()}`], {
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.once('error', (err) =>
      reject(new Error(`${tool} could not run (${err.message}); install the PostgreSQL client tools`)),
    );
    child.once('exit', (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${tool} failed (exit ${code}) on ${redactUrl(url)}:\n${stderr.trim()}`));
    });
  });
}

async function main(argv: string[]): Promise<void> {
  const [command, path] = argv;
  const config = parseDatabaseUrl(process.env.DATABASE_URL, process.env);
  const where = config.kind === 'sqlite' ? config.path : redactUrl(config.url);
  const started = Date.now();
  if (command === 'backup') {
    const file = await backup(config, path);
    const size = (statSync(file).size / 1024 / 1024).toFixed(1);
    console.log(`Backed up ${where} to ${file} (${size} MB, ${Date.now() - started} ms).`);
  } else if (command === 'restore' && path) {
    await restore(config, path);
    console.log(`Restored ${resolve(path)} into ${where} (${Date.now() - started} ms).`);
  } else {
    console.error(
      'usage: npm run backup [-- <dir | file.db | file.dump>]  |  npm run restore -- <backup file>',
    );
    process.exitCode = 2;
  }
}

// Run as a script (npm run backup/restore); imported by tests for its helpers only.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`Failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
