/**
 * `npm run bench`, moderation queue part: the queue's pages over 1,000,000 stored submissions on
 * SQLite and PostgreSQL, through the real store (api/store: Kysely, the partial queue indexes,
 * flags, tags and answers of each page's items), beside a bare `SELECT * … ORDER BY received_at
 * LIMIT 50` on the same table (with an index on received_at made for it) in the same process.
 *
 * For each store: a fresh database (SQLite file; PostgreSQL: a schema of its own in the
 * BENCH_PG_URL / TEST_PG_URL database, dropped afterwards), migrated and seeded, then filled
 * straight into the tables: 70 % choice answers (status none, never in the queue), 30 % comments
 * and proposals waiting for moderation, 5 % of all flagged (with one or two flags each), spread
 * over 20 insatser (and none), the 136 delområden (a chosen, primary tag each), six respondent
 * groups and two years. Each case runs WARMUP times unmeasured, then RUNS times; median and p99.
 *
 * BENCH_QUEUE_SUBMISSIONS changes the million; BENCH_QUEUE_STORES picks stores (`sqlite,postgres`);
 * BENCH_QUEUE_EXPLAIN=1 prints each store's plan of every query of the first page.
 */
import { inPgSchema } from './pg-schema.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { seed } from '../api/seed/index.ts';
import { benchInsatser, fillPostgres, fillSqlite } from './queue-fill.ts';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import {
  openPostgresStore,
  openSqliteDatabase,
  openSqliteStore,
  type QueueFilter,
  type Store,
} from '../api/store/index.ts';
import { kyselyStore } from '../api/store/kysely/index.ts';
import type { Database as Schema } from '../api/store/schema.ts';

const SUBMISSIONS = Number(process.env.BENCH_QUEUE_SUBMISSIONS ?? 1_000_000);
const STORES = (process.env.BENCH_QUEUE_STORES ?? 'sqlite,postgres').split(',');
const PG_SERVER =
  process.env.BENCH_PG_URL || process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
const EXPLAIN = process.env.BENCH_QUEUE_EXPLAIN === '1';
const WARMUP = 20;
const RUNS = 200;
const PAGE = 50;

/** A store whose every query is passed to `log` (for BENCH_QUEUE_EXPLAIN). */
function loggedStore(
  dialect: SqliteDialect | PostgresDialect,
  log: (query: { sql: string; parameters: readonly unknown[] }) => void,
): Store {
  return kyselyStore(
    new Kysely<Schema>({
      dialect,
      log: (event) => {
        if (event.level === 'query') log(event.query);
      },
    }),
  );
}

interface Timing {
  median: number;
  p99: number;
}

async function time(fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(RUNS / 2)] as number, p99: ms[Math.ceil(RUNS * 0.99) - 1] as number };
}

interface Outcome {
  store: string;
  fillSeconds: number;
  cases: { name: string; timing: Timing; items: number }[];
}

/** Opens the store; `log` sees every query it runs. */
type Open = (options?: { log?: (query: { sql: string; parameters: readonly unknown[] }) => void }) => Store;

async function scenario(
  name: string,
  open: Open,
  fill: (areas: string[], version: string) => Promise<void> | void,
  bare: { index: () => Promise<unknown>; select: () => Promise<unknown[]> },
  explain: (sql: string, parameters: readonly unknown[]) => Promise<string>,
): Promise<Outcome> {
  let store = open();
  await store.migrate();
  await seed(store, { exampleContent: false });
  await benchInsatser(store);
  const areas = (await store.listAreas()).map((a) => a.code);
  const version = (await store.activeBoundaryVersion()) as string;
  await store.close();
  const started = Date.now();
  await fill(areas, version);
  const fillSeconds = (Date.now() - started) / 1000;
  process.stderr.write(`${name}: ${SUBMISSIONS} submissions filled in ${fillSeconds.toFixed(0)} s\n`);

  store = open();
  try {
    const insats: QueueFilter = { insatsId: 'bench-insats-3' };
    if (EXPLAIN) {
      const queries: { sql: string; parameters: readonly unknown[] }[] = [];
      const logged = open({ log: (q) => queries.push(q) });
      for (const filter of [insats, { area: { code: areas[7] as string } }]) {
        await logged.listQueue(filter, { limit: PAGE });
      }
      await logged.close();
      for (const q of queries) console.log(`\n${name}: ${q.sql}\n${await explain(q.sql, q.parameters)}`);
    }
    const first = await store.listQueue(insats, { limit: PAGE });
    if (first.items.length !== PAGE || !first.items[0]?.flagged || first.next === null)
      throw new Error(`${name}: the first page is not what the fill should give`);
    // A page in the middle of the unflagged part: the keyset continues deep in the queue.
    let deep = first.next;
    for (let n = 0; n < 40; n++)
      deep = (await store.listQueue(insats, { after: deep, limit: PAGE })).next ?? deep;
    const page = (filter: QueueFilter, after?: typeof deep) => async () =>
      (await store.listQueue(filter, { after, limit: PAGE })).items.length;
    const area = areas[7] as string;
    const cases: [string, () => Promise<number>][] = [
      ['queue, first page, one insats', page(insats)],
      ['queue, next page (keyset), one insats', page(insats, first.next)],
      ['queue, page 42 (keyset), one insats', page(insats, deep)],
      ['queue, first page, no filter', page({})],
      ['queue, first page, one delområde (primary)', page({ area: { code: area } })],
      ['queue, first page, one delområde (any tag)', page({ area: { code: area, match: 'any' } })],
      ['queue, first page, phone flags only', page({ flagKind: 'phone' })],
      ['countQueue, one insats (items: the count)', () => store.countQueue(insats, new Date().toISOString())],
    ];
    const out: Outcome['cases'] = [];
    const measure = async (caseName: string, fn: () => Promise<number>) => {
      const items = await fn();
      out.push({ name: caseName, timing: await time(fn), items });
      process.stderr.write(`${name}: ${caseName}\n`);
    };
    for (const [caseName, fn] of cases) await measure(caseName, fn);
    // Last: its index on received_at (which the app does not have) must not change the plans above.
    await bare.index();
    await measure('bare SELECT * ORDER BY received_at LIMIT 50', async () => (await bare.select()).length);
    out.unshift(out.pop() as Outcome['cases'][number]);
    return { store: name, fillSeconds, cases: out };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'kraftsamla-bench-queue-'));
  const outcomes: Outcome[] = [];
  try {
    if (STORES.includes('sqlite')) {
      const path = join(scratch, 'queue.db');
      let reader: Database.Database | undefined;
      const bare = {
        index: async () =>
          new Database(path).exec('CREATE INDEX bench_received_at ON submissions (received_at)').close(),
        select: async () => {
          reader ??= new Database(path, { readonly: true });
          return reader.prepare('SELECT * FROM submissions ORDER BY received_at LIMIT 50').all();
        },
      };
      try {
        outcomes.push(
          await scenario(
            'SQLite',
            (options) =>
              options?.log
                ? loggedStore(new SqliteDialect({ database: openSqliteDatabase(path) }), options.log)
                : openSqliteStore(path),
            (areas, v) => fillSqlite(path, SUBMISSIONS, areas, v),
            bare,
            async (sql, parameters) => {
              reader ??= new Database(path, { readonly: true });
              const plan = reader.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as {
                detail: string;
              }[];
              return plan.map((r) => `  ${r.detail}`).join('\n');
            },
          ),
        );
      } finally {
        reader?.close();
      }
    }
    if (STORES.includes('postgres')) {
      await inPgSchema(PG_SERVER, 'queue', async (url, reader) => {
        outcomes.push(
          await scenario(
            'PostgreSQL',
            (options) =>
              options?.log
                ? loggedStore(
                    new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4 }) }),
                    options.log,
                  )
                : openPostgresStore({
                    kind: 'postgres',
                    url,
                    poolMax: 4,
                    statementTimeoutMs: 120_000,
                  }),
            (areas, v) => fillPostgres(url, SUBMISSIONS, areas, v),
            {
              index: () => reader.query('CREATE INDEX bench_received_at ON submissions (received_at)'),
              select: async () =>
                (await reader.query('SELECT * FROM submissions ORDER BY received_at LIMIT 50')).rows,
            },
            async (sql, parameters) => {
              let n = 0;
              const text = sql.replace(/\?/g, () => `$${++n}`);
              const { rows } = await reader.query(`EXPLAIN (ANALYZE, COSTS OFF) ${text}`, [...parameters]);
              return rows.map((r: Record<string, string>) => `  ${Object.values(r)[0]}`).join('\n');
            },
          ),
        );
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const n = SUBMISSIONS.toLocaleString('en-US');
  console.log(
    `\nModeration queue over ${n} submissions (30 % waiting, 5 % flagged), ${PAGE} per page, ` +
      `${RUNS} runs after ${WARMUP} warm-up, one at a time, Node ${process.version}\n`,
  );
  console.log('| store | query | items | median ms | p99 ms | median ÷ bare |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const o of outcomes) {
    const bare = o.cases[0]?.timing.median ?? Number.NaN;
    for (const c of o.cases) {
      console.log(
        `| ${o.store} | ${c.name} | ${c.items} | ${c.timing.median.toFixed(2)} | ${c.timing.p99.toFixed(2)} | ${(c.timing.median / bare).toFixed(1)} |`,
      );
    }
  }
  console.log('');
  for (const o of outcomes) console.log(`${o.store}: filled in ${o.fillSeconds.toFixed(0)} s`);
}

await main();
