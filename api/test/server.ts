/**
 * Test support for whole server processes (`tsx api/server.ts`): start one on a database,
 * kill it, start it again, and drive it with a steady load like many devices would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { TestTarget } from '../store/testing.ts';
import { freePort } from './free-port.ts';

export { freePort };
import { commentItem, type Result } from './index.ts';

/** A server process under test. */
export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with `http://localhost:PORT` once it listens; rejects if it exits first. */
  url: Promise<string>;
  exited: Promise<number | null>;
  output(): string;
  /** Sends `signal` and waits for the process to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<ServerProcess>();

/** The DATABASE_URL that makes the app use `target`. */
export function databaseUrl(target: TestTarget): string {
  return target.kind === 'sqlite' ? `sqlite:${target.path}` : target.url;
}

/** Starts the server (api/server.ts under tsx) with `env` on top of the test's environment. */
export function startServer(env: Record<string, string>): ServerProcess {
  // Node itself with tsx's loader, not the tsx wrapper: the wrapper runs the server as a
  // child process and cannot pass on SIGKILL, so the server would outlive a "crash".
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      STATIC_DIR: '/nonexistent',
      EXAMPLE_CONTENT: 'on',
      // These tests send far more than a person would, on purpose, from one device and address.
      RATE_LIMIT_PER_DEVICE: 'off',
      RATE_LIMIT_PER_ADDRESS: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const collect = (d: Buffer) => {
      output += d;
      const match = /Kraftsamla is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)));
  });
  url.catch(() => {});
  const server: ServerProcess = {
    child,
    url,
    exited,
    output: () => output,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      running.delete(server);
    },
  };
  running.add(server);
  return server;
}

/** Kills every server still running (for afterEach). */
export async function killAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.kill('SIGKILL')));
}

/** POSTs a batch; resolves with the results, or rejects on a network error or a non-200. */
export async function postBatch(url: string, items: unknown[]): Promise<Result[]> {
  const res = await fetch(`${url}/api/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ submissions: items }),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 200) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { results: Result[] }).results;
}

/** A steady load of unique submissions from several devices, resending until acknowledged. */
export interface Load {
  /** Ids answered `created` or `duplicate`: the server promised to keep these. */
  acknowledged: Set<string>;
  /** Requests that failed (connection refused or cut, non-200): expected while a server is down. */
  failures(): number;
  /** Statuses other than created/duplicate (there should be none). */
  unexpected: Result[];
  /** Waits until at least `n` ids are acknowledged (or `timeoutMs` passes, then rejects). */
  until(n: number, timeoutMs?: number): Promise<void>;
  /** Stops sending after the requests in flight end; resolves when all senders are done. */
  stop(): Promise<void>;
}

/**
 * Starts `senders` loops that each POST batches of `batchSize` new items to `url()` (asked
 * anew for every request). Like a device's outbox, a batch that got no answer is sent again,
 * unchanged, until one comes: so an item committed just before a crash is answered
 * `duplicate` after the restart.
 */
export function steadyLoad(url: () => string, { senders = 4, batchSize = 5 } = {}): Load {
  const acknowledged = new Set<string>();
  const unexpected: Result[] = [];
  let failures = 0;
  let stopping = false;
  const loops = Array.from({ length: senders }, async () => {
    let batch: unknown[] = [];
    while (!stopping) {
      if (batch.length === 0) batch = Array.from({ length: batchSize }, () => commentItem());
      try {
        for (const r of await postBatch(url(), batch)) {
          if (r.status === 'created' || r.status === 'duplicate') acknowledged.add(r.id);
          else unexpected.push(r);
        }
        batch = [];
      } catch {
        failures += 1;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
  return {
    acknowledged,
    unexpected,
    failures: () => failures,
    async until(n, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (acknowledged.size < n) {
        if (Date.now() > deadline) throw new Error(`only ${acknowledged.size} of ${n} acknowledged in time`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}
