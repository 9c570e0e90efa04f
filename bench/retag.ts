/**
 * `npm run bench`, re-tag part: ingest latency while a re-tag of 1,000,000 stored submissions
 * runs, beside the same ingest without it, on SQLite and PostgreSQL.
 *
 * For each store: a fresh database, migrated and seeded, with a million submissions loaded
 * straight into the tables (bench/bulk.ts) and a changed boundary set stored (the test variant:
 * a moved border and a merged area). The real server starts on it; autocannon sends one
 * submission per request (a point and a chosen area) for SECONDS without a re-tag; then the
 * changed set is activated from this process, as the import command does, the server's runner
 * picks the job up (within its 2 s poll) and the same load runs again while it works. The re-tag
 * is then left to finish, and its time is reported.
 *
 * BENCH_RETAG_SUBMISSIONS changes the million (e.g. 100000 for a quick look); BENCH_RETAG_STORES
 * picks stores (`sqlite,postgres`). PostgreSQL: a fresh database on BENCH_PG_URL (else TEST_PG_URL,
 * else the local server), dropped afterwards.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { activateBoundarySet } from '../api/domain/retag/index.ts';
import { malmoVariant, VARIANT_VERSION } from '../api/domain/retag/testing.ts';
import { buildBoundarySet } from '../api/domain/tagging/index.ts';
import { MALMO_BOUNDARY_VERSION, MALMO_GEOJSON, seed } from '../api/seed/index.ts';
import { openPostgresStore, openSqliteStore, type Store } from '../api/store/index.ts';
import { loadPostgres, loadSqlite } from './bulk.ts';
import { startServer } from './servers.ts';

const SUBMISSIONS = Number(process.env.BENCH_RETAG_SUBMISSIONS ?? 1_000_000);
const STORES = (process.env.BENCH_RETAG_STORES ?? 'sqlite,postgres').split(',');
const CONNECTIONS = 10;
const SECONDS = 8;
/** A re-tag still running after this long is reported with its rate instead of its time. */
const FINISH_WITHIN_MS = 240_000;
const PG_SERVER =
  process.env.BENCH_PG_URL || process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** One submission, as a phone sends it: a chosen area and a point somewhere in the city. */
function item() {
  return {
    schemaVersion: 1,
    id: uuidv7(),
    kind: 'answer',
    insatsId: 'exempel-tryggare-malmo',
    answers: [{ questionId: 'trygg-kvall', questionVersion: 1, value: 3 }],
    respondent: { group: 'youth', ageBand: '16-19' },
    location: {
      areaCode: '11319',
      point: { lat: 55.53 + Math.random() * 0.09, lon: 12.93 + Math.random() * 0.18 },
      pointConsentVersion: 'v1',
    },
    deviceId: 'bench-device-0001',
    locale: 'sv',
    createdAt: new Date().toISOString(),
  };
}

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

async function ingestLoad(url: string): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path: '/api/submissions',
        headers: { 'Content-Type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ submissions: [item()] }) }),
      },
    ],
  });
  return {
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

interface Outcome {
  store: string;
  loadSeconds: number;
  quiet: Load;
  busy: Load;
  /** Submissions re-tagged per second while the load ran, and overall. */
  duringRate: number;
  retagSeconds: number | undefined;
  overallRate: number;
}

async function scenario(
  name: string,
  databaseUrl: string,
  open: () => Store,
  load: () => Promise<void> | void,
  scratch: string,
): Promise<Outcome> {
  const store = open();
  try {
    await store.migrate();
    await seed(store, { exampleContent: true });
    await store.addBoundarySet({ version: VARIANT_VERSION, geojson: malmoVariant().geojson });
    let started = Date.now();
    await load();
    const loadSeconds = (Date.now() - started) / 1000;
    process.stderr.write(`${name}: ${SUBMISSIONS} submissions loaded in ${loadSeconds.toFixed(0)} s\n`);

    const server = await startServer({ app: 'real', databaseUrl }, scratch);
    try {
      await ingestLoad(server.url); // warm-up, not counted
      const quiet = await ingestLoad(server.url);
      started = Date.now();
      const job = await activateBoundarySet(store, VARIANT_VERSION);
      const progress = async () => (await store.retagJob(job?.id))?.processed ?? 0;
      while ((await progress()) === 0) await new Promise((r) => setTimeout(r, 50));
      const [before, t0] = [await progress(), Date.now()];
      const busy = await ingestLoad(server.url);
      const [after, t1] = [await progress(), Date.now()];
      if (after >= SUBMISSIONS) process.stderr.write(`${name}: the re-tag finished during the measurement\n`);
      process.stderr.write(`${name}: measured; waiting for the re-tag to finish\n`);
      let current = await store.retagJob(job?.id);
      while (current?.status === 'running' && Date.now() - started < FINISH_WITHIN_MS) {
        await new Promise((r) => setTimeout(r, 500));
        current = await store.retagJob(job?.id);
      }
      const elapsed = (Date.now() - started) / 1000;
      return {
        store: name,
        loadSeconds,
        quiet,
        busy,
        duringRate: ((after - before) * 1000) / (t1 - t0),
        retagSeconds: current?.status === 'done' ? elapsed : undefined,
        overallRate: (current?.processed ?? 0) / elapsed,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'kraftsamla-bench-retag-'));
  const malmo = buildBoundarySet(MALMO_BOUNDARY_VERSION, JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8')));
  const outcomes: Outcome[] = [];
  try {
    if (STORES.includes('sqlite')) {
      const path = join(scratch, 'retag.db');
      outcomes.push(
        await scenario(
          'SQLite',
          `sqlite:${path}`,
          () => openSqliteStore(path),
          () => loadSqlite(path, SUBMISSIONS, malmo),
          scratch,
        ),
      );
    }
    if (STORES.includes('postgres')) {
      const admin = new pg.Client({ connectionString: PG_SERVER });
      await admin.connect();
      const name = `kraftsamla_bench_retag_${process.pid}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = Object.assign(new URL(PG_SERVER), { pathname: `/${name}` }).toString();
      try {
        outcomes.push(
          await scenario(
            'PostgreSQL',
            url,
            () => openPostgresStore({ kind: 'postgres', url, poolMax: 4, statementTimeoutMs: 60_000 }),
            () => loadPostgres(url, SUBMISSIONS, malmo),
            scratch,
          ),
        );
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(
    `\nIngest while re-tagging ${n(SUBMISSIONS)} submissions: POST /api/submissions, 1 item per request, ` +
      `${CONNECTIONS} connections, ${SECONDS} s each, Node ${process.version}\n`,
  );
  console.log(
    '| store | subm/s, no re-tag | p99 ms, no re-tag | subm/s, re-tag running | p99 ms, re-tag running | re-tagged/s during load | whole re-tag |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const o of outcomes) {
    const whole =
      o.retagSeconds === undefined
        ? `not done in ${FINISH_WITHIN_MS / 1000} s (${n(o.overallRate)}/s)`
        : `${o.retagSeconds.toFixed(0)} s (${n(SUBMISSIONS / o.retagSeconds)}/s)`;
    console.log(
      `| ${o.store} | ${n(o.quiet.perSecond)} | ${o.quiet.p99} | ${n(o.busy.perSecond)} | ${o.busy.p99} | ${n(o.duringRate)} | ${whole} |`,
    );
  }
  console.log('');
  for (const o of outcomes) {
    console.log(
      `${o.store}: loaded in ${o.loadSeconds.toFixed(0)} s; p50 ${o.quiet.p50} → ${o.busy.p50} ms; ` +
        `failed requests ${o.quiet.failures + o.busy.failures}`,
    );
    if (o.quiet.failures + o.busy.failures > 0) process.exitCode = 1;
  }
}

await main();
