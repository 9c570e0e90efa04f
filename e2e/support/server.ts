import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { freePort } from '../../api/test/free-port.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The controller and DPO contact the test server is configured with (shown in the privacy notice). */
export const TEST_CONTROLLER = 'Testnämnden, Malmö stad';
export const TEST_DPO = 'dso-test@example.org';

/** A real Kraftsamla server process on a real SQLite file, for one test worker. */
export interface TestServer {
  url: string;
  port: number;
  dbPath: string;
  /** Stops the process (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and database, optionally serving another build. */
  restart(staticDir?: string): Promise<void>;
  /** How many times each submission id is stored (the server's truth, read from the file). */
  storedIds(): Map<string, number>;
  /** Runs a read-only query against the database file. */
  query<T>(sql: string, ...params: unknown[]): T[];
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  // E2E_SERVER_START_MS: more time on a machine shared by many test runs (tsx compiles on start).
  const deadline = Date.now() + Number(process.env.E2E_SERVER_START_MS ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

/**
 * Starts the API serving `staticDir` on a fresh database and a free port.
 * `env` adds or overrides environment variables of the server process (e.g. rate limits).
 */
export async function startServer(staticDir: string, env: Record<string, string> = {}): Promise<TestServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kraftsamla-e2e-'));
  const dbPath = join(dir, 'kraftsamla.db');
  const url = `http://localhost:${port}`;
  let child: ChildProcess | undefined;
  let log = '';

  const launch = async (dirToServe: string) => {
    log = '';
    // node --import tsx (not the tsx wrapper), so signals reach the server itself.
    child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: `sqlite:${dbPath}`,
        STATIC_DIR: dirToServe,
        EXAMPLE_CONTENT: 'on',
        CONTROLLER_NAME: TEST_CONTROLLER,
        DPO_CONTACT: TEST_DPO,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => {
      log += d;
    });
    child.stderr?.on('data', (d) => {
      log += d;
    });
    await waitForHealth(url, child, () => log);
  };

  const stop = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  };

  let current = staticDir;
  await launch(current);

  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  return {
    url,
    port,
    dbPath,
    stop,
    async restart(dirToServe) {
      await stop();
      current = dirToServe ?? current;
      await launch(current);
    },
    storedIds() {
      const rows = query<{ id: string }>('SELECT id FROM submissions');
      const counts = new Map<string, number>();
      for (const { id } of rows) counts.set(id, (counts.get(id) ?? 0) + 1);
      return counts;
    },
    query,
  };
}
