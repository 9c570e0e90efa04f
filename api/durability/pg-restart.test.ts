/**
 * PostgreSQL restarts under load, as in a failover: a private cluster (never the shared test
 * server) is stopped with `pg_ctl -m fast` while many devices send through a real server
 * process, kept down a moment, and started again, three times. The process must stay alive,
 * answer 503 with Retry-After while the database is away (and /readyz 503), recover by itself,
 * and store every acknowledged item exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { queryTarget } from '../store/testing.ts';
import { faultLoad } from '../test/fault-load.ts';
import { type PgCluster, privateClusterUnavailable, startPgCluster } from '../test/pg-cluster.ts';
import { killAllServers, startServer } from '../test/server.ts';

let cluster: PgCluster | undefined;
afterEach(async () => {
  await killAllServers();
  await cluster?.destroy();
  cluster = undefined;
});

const RESTARTS = 3;
/** Acknowledged ids between two restarts: enough that many queries are running at each stop. */
const PER_LIFE = 100;
/** How long the database stays down: long enough for every sender to meet it. */
const DOWN_MS = 1_000;

async function readyStatus(url: string): Promise<number> {
  return (await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) })).status;
}

describe('a server on PostgreSQL when the database restarts under load', () => {
  it('should stay alive, answer 503 with Retry-After while it is down, and keep every acknowledged item once', async (ctx) => {
    const unavailable = await privateClusterUnavailable();
    if (unavailable) ctx.skip(`needs a private PostgreSQL cluster: ${unavailable}`);
    cluster = await startPgCluster();
    const server = startServer({ DATABASE_URL: cluster.url, DATABASE_POOL_MAX: '8' });
    const url = await server.url;
    expect(await readyStatus(url)).toBe(200);

    const load = faultLoad(url, { senders: 12, batchSize: 5 });
    try {
      for (let restart = 1; restart <= RESTARTS; restart++) {
        await load.until(restart * PER_LIFE);
        await cluster.stop();
        // Before the fix the process died here, with an 'error' event nobody listened to.
        await Promise.race([load.untilUnavailable(3), server.exited]);
        expect(server.child.exitCode, server.output()).toBeNull();
        await new Promise((r) => setTimeout(r, DOWN_MS));
        expect(await readyStatus(url)).toBe(503);
        await cluster.start();
        // Back by itself: no restart of the API, only the pool's new connections.
        const deadline = Date.now() + 15_000;
        while ((await readyStatus(url)) !== 200) {
          if (Date.now() > deadline) throw new Error('/readyz did not turn 200 after the database came back');
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await load.until((RESTARTS + 1) * PER_LIFE);
    } finally {
      await load.stop();
    }

    expect(server.child.exitCode, server.output()).toBeNull();
    expect(server.output()).not.toMatch(/Unhandled 'error' event/);
    // The operator's lines: the fault with its code, and the pool's broken connections.
    expect(server.output()).toMatch(
      /"fault":"database-unavailable","code":"(57P01|57P03|ECONNREFUSED|ECONNRESET|connection-lost)"/,
    );
    expect(server.output()).toMatch(/PostgreSQL connection lost/);
    expect(load.networkErrors).toEqual([]);
    expect(load.otherStatuses).toEqual([]);
    expect(load.unexpected).toEqual([]);
    expect(load.unavailable).toBeGreaterThan(0);

    const target = { kind: 'postgres' as const, url: cluster.url };
    const rows = await queryTarget<{ id: string; copies: number }>(
      target,
      'SELECT id, count(*)::int AS copies FROM submissions GROUP BY id',
    );
    const stored = new Map(rows.map((r) => [r.id, r.copies]));
    const missing = [...load.acknowledged].filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    expect(rows.filter((r) => r.copies !== 1)).toEqual([]);
    expect(load.acknowledged.size).toBeGreaterThanOrEqual((RESTARTS + 1) * PER_LIFE);
  }, 180_000);
});
