/**
 * `npm run bench`, dashboard part (issue 8): each dashboard query over 1,000,000 submissions on
 * SQLite and PostgreSQL, read from the aggregate tables.
 *
 * For each store: a fresh database, migrated and seeded, with the bench insatser, a million
 * submissions of a varied mix loaded straight into the tables (bench/bulk.ts variedRows: kinds,
 * eight insatser, groups, age bands, moderation outcomes, one or more tags, Tryggare Malmö's
 * answers; created over the two years up to now), then the aggregate tables filled by the store's
 * own rebuildAggregates() (timed). Each read of the dashboard (the total, each dimension, the days
 * that make the week series, the answer distribution, and the whole GET / assembly) runs for five
 * filters, WARMUP + RUNS times one after another; the median and p95 are printed, with the ratio
 * to one direct scan of the submissions table (counts per kind over the last 365 days, the
 * smallest question the dashboard asks) timed in the same process.
 *
 * BENCH_DASHBOARD_SUBMISSIONS changes the million (e.g. 100000 for a quick look);
 * BENCH_DASHBOARD_STORES picks stores (`sqlite,postgres`). PostgreSQL: a schema of its own on
 * BENCH_PG_URL (else TEST_PG_URL, else the local server), dropped afterwards.
 */
import { inPgSchema } from './pg-schema.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildDashboard, resolveFilter } from '../api/domain/insights/index.ts';
import { stockholmDay } from '../api/domain/local-time/index.ts';
import { buildBoundarySet } from '../api/domain/tagging/index.ts';
import { MALMO_BOUNDARY_VERSION, MALMO_GEOJSON, seed } from '../api/seed/index.ts';
import { openPostgresStore, openSqliteStore, type Store } from '../api/store/index.ts';
import type { AggregateDimension, AggregateFilter } from '../api/store/types.ts';
import { loadVariedPostgres, loadVariedSqlite } from './bulk.ts';
import { benchInsatser } from './queue-fill.ts';

const SUBMISSIONS = Number(process.env.BENCH_DASHBOARD_SUBMISSIONS ?? 1_000_000);
const STORES = (process.env.BENCH_DASHBOARD_STORES ?? 'sqlite,postgres').split(',');
const PG_SERVER =
  process.env.BENCH_PG_URL || process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
const WARMUP = 2;
const RUNS = 11;
const TARGET_MS = 200;
const NOW = Date.now();
const TODAY = stockholmDay(new Date(NOW).toISOString());
const TRYGGARE = 'exempel-tryggare-malmo';

interface Timing {
  median: number;
  p95: number;
}

async function time(fn: () => Promise<unknown>, runs = RUNS, warmup = WARMUP): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(runs / 2)] as number, p95: ms[Math.ceil(runs * 0.95) - 1] as number };
}

interface Outcome {
  store: string;
  loadSeconds: number;
  rebuildSeconds: number;
  sizes: Record<string, number>;
  scan: Timing;
  cases: { filter: string; query: string; timing: Timing }[];
}

/** One dashboard query string per filter case (the period: the default 365 days unless given). */
const FILTERS: [string, Record<string, string>][] = [
  ['no filter', {}],
  ['one insats', { insats: TRYGGARE }],
  ['one insats + one stadsområde', { insats: TRYGGARE, district: 'Innerstaden' }],
  ['one delområde + group', { area: '11319', group: 'youth' }],
  ['4-week period', { from: stockholmDay(new Date(NOW - 27 * 86_400_000).toISOString()), to: TODAY }],
  ['one stadsområde, any tag', { district: 'Innerstaden', basis: 'any' }],
];
const DIMENSIONS: AggregateDimension[] = ['area', 'insats', 'kind', 'group', 'ageBand', 'day'];

async function scenario(
  name: string,
  open: () => Store,
  load: () => Promise<void> | void,
  scan: () => Promise<unknown>,
  count: (table: string) => Promise<number>,
  afterRebuild: () => Promise<unknown> = async () => {},
): Promise<Outcome> {
  let store = open();
  await store.migrate();
  await seed(store, { exampleContent: true });
  await benchInsatser(store);
  await store.close();
  let started = Date.now();
  await load();
  const loadSeconds = (Date.now() - started) / 1000;
  process.stderr.write(`${name}: ${SUBMISSIONS} submissions loaded in ${loadSeconds.toFixed(0)} s\n`);
  store = open();
  try {
    started = Date.now();
    const rebuilt = await store.rebuildAggregates();
    const rebuildSeconds = (Date.now() - started) / 1000;
    await afterRebuild();
    process.stderr.write(
      `${name}: aggregates rebuilt (${rebuilt.submissions}) in ${rebuildSeconds.toFixed(0)} s\n`,
    );
    const sizes: Record<string, number> = {};
    for (const table of ['submissions', 'tags', 'submission_answers', 'agg_submissions', 'agg_answers'])
      sizes[table] = await count(table);

    // The aggregates must say what the rows say: every submission counted once per basis.
    const all: AggregateFilter = { from: '2000-01-01', to: '2100-01-01', basis: 'primary' };
    const counted = await store.totalSubmissions(all);
    const uncounted = await count("submissions WHERE moderation_status IN ('rejected', 'hidden')");
    if (counted + uncounted !== SUBMISSIONS)
      throw new Error(`${name}: aggregates count ${counted} + ${uncounted}`);

    const cases: Outcome['cases'] = [];
    for (const [filterName, query] of FILTERS) {
      const resolved = await resolveFilter(store, query, new Date(NOW));
      if ('errors' in resolved) throw new Error(`${filterName}: ${JSON.stringify(resolved.errors)}`);
      const f = resolved.resolved.store;
      const reads: [string, () => Promise<unknown>][] = [
        ['total', () => store.totalSubmissions(f)],
        ...DIMENSIONS.map((d): [string, () => Promise<unknown>] => [
          d === 'day' ? 'by day (weeks)' : `by ${d}`,
          () => store.countSubmissions(f, d),
        ]),
        ['answers (Tryggare Malmö)', () => store.countAnswers(TRYGGARE, f)],
        ['whole dashboard (GET /)', () => buildDashboard(store, resolved.resolved)],
      ];
      for (const [queryName, fn] of reads)
        cases.push({ filter: filterName, query: queryName, timing: await time(fn) });
      process.stderr.write(`${name}: ${filterName}\n`);
    }
    return { store: name, loadSeconds, rebuildSeconds, sizes, scan: await time(scan, 3, 1), cases };
  } finally {
    await store.close();
  }
}

/** The direct scan: counted submissions per kind over the last 365 days. */
const SCAN = `SELECT kind, count(*) AS n FROM submissions WHERE created_at >= ? AND moderation_status NOT IN ('rejected', 'hidden') GROUP BY kind`;
const scanFrom = new Date(NOW - 365 * 86_400_000).toISOString();

async function main(): Promise<void> {
  const boundaries = buildBoundarySet(
    MALMO_BOUNDARY_VERSION,
    JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8')),
  );
  const scratch = mkdtempSync(join(tmpdir(), 'kraftsamla-bench-dashboard-'));
  const outcomes: Outcome[] = [];
  try {
    if (STORES.includes('sqlite')) {
      const path = join(scratch, 'dashboard.db');
      let reader: Database.Database | undefined;
      const db = () => {
        reader ??= new Database(path, { readonly: true });
        return reader;
      };
      try {
        outcomes.push(
          await scenario(
            'SQLite',
            () => openSqliteStore(path),
            () => loadVariedSqlite(path, SUBMISSIONS, NOW, boundaries),
            async () => db().prepare(SCAN).all(scanFrom),
            async (table) => (db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
          ),
        );
      } finally {
        reader?.close();
      }
    }
    if (STORES.includes('postgres')) {
      await inPgSchema(PG_SERVER, 'dashboard', async (url, reader) => {
        outcomes.push(
          await scenario(
            'PostgreSQL',
            () =>
              openPostgresStore({
                kind: 'postgres',
                url,
                poolMax: 4,
                statementTimeoutMs: 600_000,
              }),
            async () => {
              await loadVariedPostgres(url, SUBMISSIONS, NOW, boundaries);
            },
            () => reader.query(SCAN.replace('?', '$1'), [scanFrom]),
            async (table) => Number((await reader.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n),
            // What autovacuum does soon after a rebuild this big: statistics for the planner.
            () => reader.query('VACUUM ANALYZE agg_submissions, agg_answers'),
          ),
        );
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const n = SUBMISSIONS.toLocaleString('en-US');
  console.log(
    `\nDashboard over ${n} submissions (two years), default period the last 365 days, ` +
      `${RUNS} runs after ${WARMUP} warm-up, one at a time, Node ${process.version}\n`,
  );
  console.log('| store | filter | query | median ms | p95 ms | median ÷ scan |');
  console.log('|---|---|---|---:|---:|---:|');
  let slow = 0;
  for (const o of outcomes) {
    for (const c of o.cases) {
      if (c.query !== 'whole dashboard (GET /)' && c.timing.p95 >= TARGET_MS) slow++;
      console.log(
        `| ${o.store} | ${c.filter} | ${c.query} | ${c.timing.median.toFixed(1)} | ${c.timing.p95.toFixed(1)} | ${(c.timing.median / o.scan.median).toFixed(3)} |`,
      );
    }
  }
  console.log('');
  for (const o of outcomes) {
    const sizes = Object.entries(o.sizes)
      .map(([t, k]) => `${t} ${k.toLocaleString('en-US')}`)
      .join(', ');
    console.log(
      `${o.store}: loaded in ${o.loadSeconds.toFixed(0)} s, aggregates rebuilt in ${o.rebuildSeconds.toFixed(0)} s; ` +
        `direct scan (counts per kind, last 365 days) median ${o.scan.median.toFixed(0)} ms; rows: ${sizes}`,
    );
  }
  console.log(
    slow === 0
      ? `\nEvery query's p95 under ${TARGET_MS} ms.`
      : `\n${slow} queries with p95 ≥ ${TARGET_MS} ms.`,
  );
}

await main();
