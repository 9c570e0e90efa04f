/**
 * Test support: a real app on a real SQLite file in a temp dir, seeded like production,
 * and builders for valid submission items.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SubmissionV1 } from '../../common/wire/index.ts';
import { type AppOptions, createApp } from '../app.ts';
import type { Config } from '../config/index.ts';
import { type BoundarySet, buildBoundarySet } from '../domain/tagging/index.ts';
import { MALMO_BOUNDARY_VERSION, MALMO_GEOJSON, seed } from '../seed/index.ts';
import { openPostgresStore, openSqliteStore, type Store } from '../store/index.ts';
import { moderateTarget, queryTarget, type TestTarget } from '../store/testing.ts';
import { freshPgSchema } from './pg.ts';

let malmo: BoundarySet | undefined;
/** Malmö's real boundaries, indexed once per test file. */
export function malmoBoundaries(): BoundarySet {
  malmo ??= buildBoundarySet(MALMO_BOUNDARY_VERSION, JSON.parse(readFileSync(MALMO_GEOJSON, 'utf8')));
  return malmo;
}

/** A temp dir removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kraftsamla-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The stores every store test and the cheap API tests run on. */
export const STORE_KINDS = ['sqlite', 'postgres'] as const;
/** One of {@link STORE_KINDS}. */
export type StoreKind = (typeof STORE_KINDS)[number];

/** A store on `target`, as the app would open it (small pool: tests make many). */
function openTarget(target: TestTarget): Store {
  return target.kind === 'sqlite'
    ? openSqliteStore(target.path)
    : openPostgresStore({ kind: 'postgres', url: target.url, poolMax: 4, statementTimeoutMs: 10_000 });
}

/**
 * A migrated, seeded store on a fresh database: a SQLite file in a temp dir (the default), or
 * a schema of its own on the PostgreSQL server at TEST_PG_URL (see ./pg.ts).
 */
export async function testStore(options: { kind?: StoreKind; exampleContent?: boolean } = {}) {
  const kind = options.kind ?? 'sqlite';
  const { dir, remove } = tempDir();
  const place = kind === 'postgres' ? await freshPgSchema() : undefined;
  const target: TestTarget = place
    ? { kind: 'postgres', url: place.url }
    : { kind: 'sqlite', path: join(dir, 'kraftsamla.db') };
  const store = openTarget(target);
  const others: Store[] = [];
  const close = async () => {
    for (const s of [store, ...others]) await s.close().catch(() => {});
    await place?.drop();
    remove();
  };
  try {
    await store.migrate();
    await seed(store, { exampleContent: options.exampleContent ?? true });
  } catch (err) {
    await close();
    throw err;
  }
  return {
    kind,
    dir,
    target,
    /** The SQLite file; on PostgreSQL a path that does not exist (use `query`). */
    dbPath: target.kind === 'sqlite' ? target.path : join(dir, 'postgres-store-has-no-sqlite-file'),
    store,
    /** Another store on the same database (another connection, or pool): closed with this one. */
    reopen(): Store {
      const other = openTarget(target);
      others.push(other);
      return other;
    },
    /** One statement as an outside observer; parameters are `?` on both stores. */
    query: <T>(sql: string, ...params: unknown[]) => queryTarget<T>(target, sql, ...params),
    /** Moderates by receipt, as staff will (see store/testing.ts). */
    moderate: (receipt: string, outcome: Parameters<typeof moderateTarget>[2]) =>
      moderateTarget(target, receipt, outcome),
    close,
  };
}

/** A store from {@link testStore}. */
export type TestStore = Awaited<ReturnType<typeof testStore>>;

/** Options of {@link testApp}: rate limits, TRUST_PROXY and METRICS_TOKEN are off unless given. */
export interface TestAppOptions extends Pick<AppOptions, 'logger' | 'metrics' | 'now'> {
  kind?: StoreKind;
  exampleContent?: boolean;
  staticDir?: string;
  config?: Partial<Pick<Config, 'rateLimit' | 'trustProxy' | 'metricsToken'>>;
}

/** The whole app over a fresh store; `staticDir` defaults to a dir that does not exist. */
export async function testApp(options: TestAppOptions = {}) {
  const ctx = await testStore(options);
  const app = createApp({
    store: ctx.store,
    config: {
      staticDir: options.staticDir ?? join(ctx.dir, 'no-client-here'),
      controllerName: 'Malmö stad, kommunstyrelsen',
      dpoContact: 'dataskyddsombud@malmo.se',
      ...options.config,
    },
    boundaries: malmoBoundaries,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  /** POSTs JSON (or a raw string) to the app. */
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { ...ctx, app, post };
}

/** A running test app. */
export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** A submission result as the API sends it. */
export interface Result {
  id: string;
  status: string;
  receipt?: string;
  tags?: { areaCode: string; source: string }[];
  errors?: { path: string; message: string }[];
}

/** Sends items and returns the parsed results (failing on anything but 200). */
export async function send(t: Pick<TestApp, 'post'>, items: unknown[]): Promise<Result[]> {
  const res = await t.post('/api/submissions', { submissions: items });
  if (res.status !== 200)
    throw new Error(`POST /api/submissions answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { results: Result[] }).results;
}

/** The example insats every test answers, and its questions. */
export const TRYGGARE = {
  insatsId: 'exempel-tryggare-malmo',
  single: 'trygg-ute',
  multiple: 'trygg-vad',
  scale: 'trygg-kvall',
  text: 'trygg-plats',
} as const;

/** A valid answer to Tryggare Malmö from a young person who chose Södra Sofielund. */
export function answerItem(overrides: Partial<SubmissionV1> = {}): SubmissionV1 {
  return {
    schemaVersion: 1,
    id: randomUUID(),
    kind: 'answer',
    insatsId: TRYGGARE.insatsId,
    answers: [
      { questionId: TRYGGARE.single, questionVersion: 1, value: 'varje-vecka' },
      { questionId: TRYGGARE.multiple, questionVersion: 1, value: ['ljus', 'platser'] },
      { questionId: TRYGGARE.scale, questionVersion: 1, value: 3 },
    ],
    respondent: { group: 'youth', ageBand: '16-19' },
    location: { areaCode: '11319' },
    deviceId: 'device-0123456789',
    locale: 'sv',
    createdAt: '2026-11-20T18:30:00.000Z',
    ...overrides,
  };
}

/** A valid comment on Tryggare Malmö. */
export function commentItem(overrides: Partial<SubmissionV1> = {}): SubmissionV1 {
  const { answers: _, ...base } = answerItem();
  return { ...base, kind: 'comment', text: 'Det behövs mer ljus vid cykelbanan.', ...overrides };
}
