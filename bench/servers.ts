/**
 * Servers under test for the benchmark, each in its own process on a free loopback port:
 * the real app (api/server.ts) on SQLite or PostgreSQL, and the bare baselines (bare.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../api/test/free-port.ts';
import { join } from 'node:path';

/** A running server. */
export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** What to start: the real app or a bare baseline, and on which database. */
export type ServerSpec =
  | { app: 'real'; databaseUrl: string }
  | { app: 'bare'; store: 'sqlite' | 'postgres'; where: string };

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server at ${url} did not start`);
}

/** Starts `spec` and waits until it answers; `scratch` is a directory for throwaway files. */
export async function startServer(spec: ServerSpec, scratch: string): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // node with tsx's loader (not the tsx wrapper): one process, so stopping it stops the server.
  const node = (args: string[], env: Record<string, string> = {}) =>
    spawn(process.execPath, ['--import', 'tsx', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env },
    });
  const child =
    spec.app === 'real'
      ? node(['api/server.ts'], {
          PORT: String(port),
          DATABASE_URL: spec.databaseUrl,
          EXAMPLE_CONTENT: 'on',
          STATIC_DIR: join(scratch, 'no-client'),
          // The load comes from one address and one device id, far above any real device.
          RATE_LIMIT_PER_DEVICE: 'off',
          RATE_LIMIT_PER_ADDRESS: 'off',
        })
      : node(['bench/bare.ts', spec.store, String(port), spec.where]);
  // Server output is shown only if something goes wrong.
  let log = '';
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitUntilUp(`${url}/api/submissions`, child);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  return { url, stop };
}
