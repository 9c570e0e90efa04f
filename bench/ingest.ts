/**
 * `npm run bench`: POST /api/submissions on the real app (Hono, validation, tagging,
 * Kysely, SQLite) beside a bare Hono + better-sqlite3 insert with the same pragmas,
 * measured in one run on this machine, 1 and 50 items per request.
 *
 * Each server runs in its own process on a free loopback port and a fresh SQLite file;
 * autocannon drives it from this process. Absolute numbers depend on the machine and
 * its disk (synchronous=FULL waits for fsync); compare the ratio, from the same run.
 *
 * Internal mode: `tsx bench/ingest.ts bare <port> <db>` runs the bare server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { v7 as uuidv7 } from 'uuid';
import { SQLITE_PRAGMAS } from '../api/store/index.ts';

const CONNECTIONS = 20;
const SECONDS = 8;
const WARMUP_SECONDS = 2;
const BATCH_SIZES = [1, 50] as const;
const TSX = 'node_modules/.bin/tsx';

/** The bare baseline: parse the batch, insert each item as JSON in one transaction. */
function serveBare(port: number, dbPath: string): void {
  const db = new Database(dbPath);
  for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
  db.exec('CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO items (id, body) VALUES (?, ?) ON CONFLICT (id) DO NOTHING');
  const insertAll = db.transaction((items: { id: string }[]) =>
    items.map((item) => ({
      id: item.id,
      status: insert.run(item.id, JSON.stringify(item)).changes ? 'created' : 'duplicate',
    })),
  );
  const app = new Hono().post('/api/submissions', async (c) => {
    const { submissions } = await c.req.json<{ submissions?: { id: string }[] }>();
    if (!Array.isArray(submissions)) return c.json({ error: 'no submissions' }, 400);
    return c.json({ results: insertAll(submissions) });
  });
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => console.log('ready'));
}

/**
 * A realistic item: three answers to an example insats, a chosen area and a point. Ids are
 * UUIDv7 like the client's (time-ordered, so inserts append to the index).
 */
function item() {
  return {
    schemaVersion: 1,
    id: uuidv7(),
    kind: 'answer',
    insatsId: 'exempel-tryggare-malmo',
    answers: [
      { questionId: 'trygg-ute', questionVersion: 1, value: 'varje-vecka' },
      { questionId: 'trygg-vad', questionVersion: 1, value: ['ljus', 'platser'] },
      { questionId: 'trygg-kvall', questionVersion: 1, value: 3 },
    ],
    respondent: { group: 'youth', ageBand: '16-19' },
    location: { areaCode: '11319', point: { lat: 55.5913, lon: 13.0081 }, pointConsentVersion: 'v1' },
    deviceId: 'bench-device-0001',
    locale: 'sv',
    createdAt: new Date().toISOString(),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

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

type Kind = 'real' | 'bare';

/** One measured case. */
interface Case {
  perSecond: number;
  p99: number;
  failures: number;
  /** Items acknowledged with a 2xx, warm-up included. */
  acknowledged: number;
}

/** A server under test, in its own process. */
interface Server {
  kind: Kind;
  url: string;
  dbPath: string;
  stop(): Promise<void>;
}

async function startServer(kind: Kind, dir: string): Promise<Server> {
  const port = await freePort();
  const dbPath = join(dir, `${kind}.db`);
  const url = `http://127.0.0.1:${port}`;
  const child =
    kind === 'real'
      ? spawn(TSX, ['api/server.ts'], {
          stdio: ['ignore', 'ignore', 'pipe'],
          env: {
            ...process.env,
            PORT: String(port),
            DATABASE_URL: `sqlite:${dbPath}`,
            EXAMPLE_CONTENT: 'on',
            STATIC_DIR: join(dir, 'no-client'),
          },
        })
      : spawn(TSX, [fileURLToPath(import.meta.url), 'bare', String(port), dbPath], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
  // Server output is shown only if something goes wrong.
  let log = '';
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitUntilUp(`${url}/api/submissions`, child);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  return { kind, url, dbPath, stop };
}

async function measure(server: Server, batch: number): Promise<Case> {
  const run = (duration: number) =>
    autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST',
          path: '/api/submissions',
          headers: { 'Content-Type': 'application/json' },
          // A fresh body per request: unique ids, so every item is really inserted.
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ submissions: Array.from({ length: batch }, item) }),
          }),
        },
      ],
    });
  const warm = await run(WARMUP_SECONDS);
  const result = await run(SECONDS);
  return {
    perSecond: (result['2xx'] * batch) / result.duration,
    p99: result.latency.p99,
    failures: warm.non2xx + warm.errors + result.non2xx + result.errors + result.timeouts,
    acknowledged: (warm['2xx'] + result['2xx']) * batch,
  };
}

function storedCount(server: Server): number {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    const table = server.kind === 'real' ? 'submissions' : 'items';
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kraftsamla-bench-'));
  console.log(
    `POST /api/submissions, ${CONNECTIONS} connections, ${SECONDS} s per case (after ${WARMUP_SECONDS} s warm-up), ` +
      `SQLite WAL + synchronous=FULL, Node ${process.version}`,
  );
  const servers: Server[] = [];
  try {
    const real = await startServer('real', dir);
    servers.push(real);
    const bare = await startServer('bare', dir);
    servers.push(bare);
    // Each pair runs back to back, so load from elsewhere on the machine skews both alike.
    const results = [];
    for (const batch of BATCH_SIZES) {
      results.push({ batch, real: await measure(real, batch), bare: await measure(bare, batch) });
    }
    for (const server of servers.splice(0)) await server.stop();

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    console.log('');
    console.log('| items/request | real subm/s | real p99 ms | bare subm/s | bare p99 ms | real/bare |');
    console.log('|---:|---:|---:|---:|---:|---:|');
    for (const { batch, real: r, bare: b } of results) {
      console.log(
        `| ${batch} | ${fmt(r.perSecond)} | ${r.p99} | ${fmt(b.perSecond)} | ${b.p99} | ${(r.perSecond / b.perSecond).toFixed(2)} |`,
      );
    }
    console.log('');
    for (const server of [real, bare]) {
      const cases = results.map((r) => r[server.kind]);
      const acknowledged = cases.reduce((n, c) => n + c.acknowledged, 0);
      const failures = cases.reduce((n, c) => n + c.failures, 0);
      const stored = storedCount(server);
      // More stored than acknowledged is expected: requests in flight when a run ends are
      // committed but not counted. Fewer would mean an acknowledged item was lost.
      console.log(
        `${server.kind}: ${fmt(acknowledged)} items acknowledged, ${fmt(stored)} stored, ${failures} failed requests`,
      );
      if (stored < acknowledged || failures > 0) process.exitCode = 1;
    }
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'bare') serveBare(Number(process.argv[3]), String(process.argv[4]));
else await main();
