/**
 * Test support: a real app on a real SQLite file in a temp dir, seeded like production,
 * and builders for valid submission items.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SubmissionV1 } from '../../common/wire/index.ts';
import type { Role, StaffMe } from '../../common/wire/staff.ts';
import { type AppOptions, createApp } from '../app.ts';
import { hashPassword, type ScryptParams } from '../auth/passwords/index.ts';
import type { Config, StaffConfig } from '../config/index.ts';
import { type BoundarySet, buildBoundarySet } from '../domain/tagging/index.ts';
import { MALMO_BOUNDARY_VERSION, MALMO_GEOJSON, seed } from '../seed/index.ts';
import { openPostgresStore, openSqliteStore, type StaffUserRecord, type Store } from '../store/index.ts';
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
 * a schema of its own on the PostgreSQL server at TEST_PG_URL (see ./pg.ts). `seed: false`
 * leaves it empty (no areas, no boundary set), as before a server first started on it.
 */
export async function testStore(
  options: { kind?: StoreKind; exampleContent?: boolean; seed?: boolean } = {},
) {
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
    if (options.seed !== false) await seed(store, { exampleContent: options.exampleContent ?? true });
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

/**
 * Options of {@link testApp}: rate limits, TRUST_PROXY and METRICS_TOKEN are off unless given;
 * staff settings are the defaults (sign-in limits on) except those given in `config.staff`.
 */
export interface TestAppOptions extends Pick<AppOptions, 'logger' | 'metrics' | 'now'> {
  kind?: StoreKind;
  exampleContent?: boolean;
  staticDir?: string;
  config?: Partial<Pick<Config, 'rateLimit' | 'trustProxy' | 'metricsToken' | 'mail' | 'identity'>> & {
    staff?: Partial<StaffConfig>;
    linkOrigin?: string;
  };
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

/**
 * Cheap scrypt for accounts made by tests, so making one costs no 0.3 s. (Signing in with
 * one upgrades its hash to the real cost, as it would any old hash.)
 */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };

/** A password the policy accepts, for accounts made by tests. */
export const TEST_PASSWORD = 'lila-kanot-hoppar-sju-gånger';

/** Adds a staff account straight to the store (with an audit row, as the store requires). */
export async function addStaffUser(
  store: Store,
  user: {
    email: string;
    role: Role | null;
    password?: string | null;
    name?: string;
    active?: boolean;
    namnder?: string[];
    inputWithoutInsats?: boolean;
  },
): Promise<StaffUserRecord> {
  const at = new Date().toISOString();
  const password = user.password === undefined ? TEST_PASSWORD : user.password;
  const record: StaffUserRecord = {
    id: randomUUID(),
    email: user.email.toLowerCase(),
    name: user.name ?? user.email.split('@')[0] ?? '',
    role: user.role,
    active: user.active ?? true,
    passwordHash: password === null ? null : await hashPassword(password, TEST_SCRYPT),
    oidcSubject: null,
    createdAt: at,
    updatedAt: at,
    lastLoginAt: null,
    namnder: user.namnder ?? [],
    inputWithoutInsats: user.inputWithoutInsats ?? false,
  };
  const audit = {
    id: randomUUID(),
    at,
    actorId: null,
    actorLabel: 'test',
    action: 'user.create',
    targetType: 'staff_user',
    targetId: record.id,
    before: null,
    after: { email: record.email, role: record.role },
    requestId: null,
  };
  const outcome = await store.createStaffUser(record, audit);
  if (outcome !== 'created') throw new Error(`addStaffUser: ${user.email} exists already`);
  return record;
}

/** A signed-in staff member as tests use one: the Cookie header to send, and the CSRF token. */
export interface Signed {
  /** `name=token`, for a Cookie header. */
  cookie: string;
  /** The token alone (tests check it appears nowhere it should not). */
  token: string;
  csrf: string;
  me: StaffMe;
}

/** The `name=value` of the staff session cookie a response sets, if it sets one. */
export function sessionCookieOf(res: Response): string | undefined {
  const header = res.headers.getSetCookie().find((c) => /^(__Host-)?kraftsamla_staff=/.test(c));
  const pair = header?.split(';')[0];
  return pair === undefined || pair.endsWith('=') ? undefined : pair;
}

/** Signs in through POST /api/auth/login; fails the test unless it answers 200 with a cookie. */
export async function signIn(
  app: { request: TestApp['app']['request'] },
  email: string,
  password = TEST_PASSWORD,
  headers: Record<string, string> = {},
): Promise<Signed> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const cookie = sessionCookieOf(res);
  if (cookie === undefined) throw new Error(`sign-in of ${email} set no session cookie`);
  const me = (await res.json()) as StaffMe;
  return { cookie, token: cookie.slice(cookie.indexOf('=') + 1), csrf: me.csrfToken, me };
}

/** Headers of a staff request: the session cookie, and for unsafe methods the CSRF token. */
export function staffHeaders(signed: Signed, extra: Record<string, string> = {}): Record<string, string> {
  return { Cookie: signed.cookie, 'X-CSRF-Token': signed.csrf, ...extra };
}

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
