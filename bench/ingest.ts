/**
 * `npm run bench`: POST /api/submissions on the real app (Hono, validation, tagging,
 * Kysely) on SQLite, on PostgreSQL with one instance, and with two instances sharing one
 * PostgreSQL, beside bare Hono + insert baselines on each store, all in one run on this
 * machine, 1 and 50 items per request.
 *
 * Each server runs in its own process on a free loopback port and a fresh database; all
 * are started first, then autocannon drives one case at a time from this process (two
 * autocannons at once, half the connections each, for two instances). Absolute numbers
 * depend on the machine and its disk (commits wait for fsync on both stores); compare the
 * ratios, from the same run.
 *
 * PostgreSQL: a fresh database on the server at BENCH_PG_URL (else TEST_PG_URL, else the
 * local one), dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { type CaseResult, type Measured, printReport } from './report.ts';
import { type Server, type ServerSpec, startServer } from './servers.ts';

const CONNECTIONS = 20;
const SECONDS = 5;
const WARMUP_SECONDS = 1;
/**
 * Every case runs twice, the second time in reverse order, and the two are averaged: load
 * from elsewhere on the machine that rises or falls during the run then skews all cases
 * alike instead of whichever ran last. The spread between the two runs is printed.
 */
const ROUNDS = 2;
const BATCH_SIZES = [1, 50] as const;
const PG_SERVER =
  process.env.BENCH_PG_URL || process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

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

/** Drives `servers` together, the connections split between them; sums what they did. */
async function measure(servers: readonly Server[], batch: number): Promise<Measured> {
  const run = (server: Server, duration: number) =>
    autocannon({
      url: server.url,
      connections: Math.round(CONNECTIONS / servers.length),
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
  const warm = await Promise.all(servers.map((s) => run(s, WARMUP_SECONDS)));
  const results = await Promise.all(servers.map((s) => run(s, SECONDS)));
  const sum = (rs: typeof results, f: (r: (typeof results)[number]) => number) =>
    rs.reduce((n, r) => n + f(r), 0);
  return {
    perSecond: sum(results, (r) => (r['2xx'] * batch) / r.duration),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    failures: sum([...warm, ...results], (r) => r.non2xx + r.errors + r.timeouts),
    acknowledged: sum([...warm, ...results], (r) => r['2xx'] * batch),
  };
}

/** A fresh PostgreSQL database for the run; `drop` removes it (and ends the admin session). */
async function benchDatabase(): Promise<{ url: string; version: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: PG_SERVER, connectionTimeoutMillis: 5_000 });
  await admin.connect().catch((err: Error) => {
    throw new Error(
      `The benchmark needs PostgreSQL (BENCH_PG_URL or TEST_PG_URL, default the local server): ${err.message}. ` +
        'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    );
  });
  const name = `kraftsamla_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const { rows } = await admin.query("SELECT version() AS v, current_setting('synchronous_commit') AS s");
  return {
    url: Object.assign(new URL(PG_SERVER), { pathname: `/${name}` }).toString(),
    version: `${String(rows[0].v).split(' on ')[0]}, synchronous_commit ${rows[0].s}`,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** `SELECT count(*)` on a table of a SQLite file or a PostgreSQL database. */
function counter(where: { sqlite: string } | { postgres: string }, table: string) {
  return async (): Promise<number> => {
    if ('sqlite' in where) {
      const db = new Database(where.sqlite, { readonly: true });
      try {
        return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: where.postgres });
    await client.connect();
    try {
      return Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    } finally {
      await client.end();
    }
  };
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'kraftsamla-bench-'));
  const database = await benchDatabase();
  const servers: Server[] = [];
  // One at a time: the two PostgreSQL instances would race their migrations (safe, and
  // tested elsewhere, but not what is measured here).
  const start = async (spec: ServerSpec) => {
    const server = await startServer(spec, scratch);
    servers.push(server);
    return server;
  };
  try {
    const file = (name: string) => join(scratch, name);
    const bareSqlite = await start({ app: 'bare', store: 'sqlite', where: file('bare.db') });
    const realSqlite = await start({ app: 'real', databaseUrl: `sqlite:${file('real.db')}` });
    const barePg = await start({ app: 'bare', store: 'postgres', where: database.url });
    const realPg = [
      await start({ app: 'real', databaseUrl: database.url }),
      await start({ app: 'real', databaseUrl: database.url }),
    ];
    const pgSubmissions = counter({ postgres: database.url }, 'submissions');
    const setups = [
      {
        name: 'bare SQLite insert',
        store: 'sqlite',
        bare: true,
        servers: [bareSqlite],
        stored: counter({ sqlite: file('bare.db') }, 'items'),
      },
      {
        name: 'Kraftsamla, SQLite',
        store: 'sqlite',
        bare: false,
        servers: [realSqlite],
        stored: counter({ sqlite: file('real.db') }, 'submissions'),
      },
      {
        name: 'bare PostgreSQL insert',
        store: 'postgres',
        bare: true,
        servers: [barePg],
        stored: counter({ postgres: database.url }, 'items'),
      },
      {
        name: 'Kraftsamla, PostgreSQL, 1 instance',
        store: 'postgres',
        bare: false,
        servers: realPg.slice(0, 1),
        stored: pgSubmissions,
      },
      {
        name: 'Kraftsamla, PostgreSQL, 2 instances',
        store: 'postgres',
        bare: false,
        servers: realPg,
        stored: pgSubmissions,
      },
    ] as const;

    console.log(
      `POST /api/submissions, ${CONNECTIONS} connections in all, ${ROUNDS} × ${SECONDS} s per case ` +
        `(each after ${WARMUP_SECONDS} s warm-up), SQLite WAL + synchronous=FULL, ${database.version}, Node ${process.version}`,
    );
    const cases: (CaseResult & { servers: readonly Server[] })[] = BATCH_SIZES.flatMap((batch) =>
      setups.map((setup) => ({ ...setup, batch, rounds: [] as Measured[] })),
    );
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of round % 2 ? [...cases].reverse() : cases) {
        c.rounds.push(await measure(c.servers, c.batch));
        process.stderr.write(`round ${round + 1}: ${c.name}, ${c.batch}/request\n`);
      }
    }
    for (const server of servers.splice(0)) await server.stop();
    if (!(await printReport(cases))) process.exitCode = 1;
  } finally {
    for (const server of servers) await server.stop();
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
