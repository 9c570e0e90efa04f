/**
 * The leak test: a pending submission holding a personnummer, a contact e-mail address and a
 * device id is stored through the API; then every route of the app's route table that anyone,
 * an analyst, or the metrics scraper may call is called (with the submission's id, receipt,
 * insats and area as parameters), and neither a response nor a log line (at trace level) may
 * contain any of the three. Canaries prove the secrets are stored and that the scan finds them
 * where they are allowed (a moderator reading the contact details).
 */
import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../common/wire/staff.ts';
import type { Access } from './auth/policy/access.ts';
import { createApp } from './app.ts';
import { DEFAULT_STAFF_CONFIG } from './config/index.ts';
import { findIdentityNumbers } from './domain/checks/personnummer.ts';
import type { ApiDeps } from './http/types.ts';
import { memoryLogger, silentLogger } from './logging/index.ts';
import { createMetrics } from './metrics/index.ts';
import { fullPath } from './openapi/index.ts';
import { createRateLimiter } from './rate-limit/index.ts';
import { resources } from './routes/index.ts';
import type { Store } from './store/index.ts';
import {
  addStaffUser,
  commentItem,
  malmoBoundaries,
  type Signed,
  send,
  signIn,
  staffHeaders,
  type TestApp,
  TRYGGARE,
  testApp,
} from './test/index.ts';

/** A test personnummer (Skatteverket's well-known example): valid date and Luhn digit. */
const PERSONNUMMER = '19121212-1212';
const EMAIL = 'hemlig.deltagare@example.org';
const DEVICE = `leakdevice-${randomUUID().slice(0, 12)}`;
const AREA = '11319';
const METRICS_TOKEN = 'm'.repeat(40);

/** Every written form of the secrets a response or log could carry. */
const SECRETS: Record<string, readonly string[]> = {
  personnummer: ['19121212-1212', '121212-1212', '191212121212', '1212121212'],
  email: [EMAIL, EMAIL.split('@')[0] ?? EMAIL],
  deviceId: [DEVICE],
};

/** The secrets found in `text` (case-insensitive, JSON escapes undone). */
function leaks(text: string): string[] {
  const plain = text.toLowerCase().replace(/\\u002d/g, '-');
  return Object.entries(SECRETS).flatMap(([name, forms]) =>
    forms.some((f) => plain.includes(f.toLowerCase())) ? [name] : [],
  );
}

/** The Luhn rule over YYMMDDNNN + check digit (the last ten digits). */
function luhnValid(pnr: string): boolean {
  const digits = pnr.replace(/\D/g, '').slice(-10).split('').map(Number);
  const sum = digits.reduce((acc, d, i) => {
    const v = i % 2 === 0 ? d * 2 : d;
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  return digits.length === 10 && sum % 10 === 0;
}

interface TableRoute {
  method: string;
  path: string;
  access: Access;
}

/** Whether an analyst, anyone, or the metrics scraper may call a route. */
function openToAnalyst(access: Access): boolean {
  return (
    access === 'public' ||
    access === 'metrics-token' ||
    access === 'signed-in' ||
    (Array.isArray(access) && (access as readonly Role[]).includes('analyst'))
  );
}

let t: TestApp;
let log: ReturnType<typeof memoryLogger>;
let analyst: Signed;
let table: TableRoute[];
let submission: { id: string; receipt: string };
const item = commentItem({
  text: `Ring mig, mitt personnummer är ${PERSONNUMMER}. Lampan vid skolan är trasig.`,
  deviceId: DEVICE,
  contact: { email: EMAIL, consentVersion: 'v1' },
});

beforeAll(async () => {
  log = memoryLogger('trace');
  t = await testApp({ logger: log.logger, config: { metricsToken: METRICS_TOKEN } });
  const [result] = await send(t, [item]);
  if (result?.receipt === undefined)
    throw new Error(`the submission was not stored: ${JSON.stringify(result)}`);
  submission = { id: item.id, receipt: result.receipt };
  // An approved, answered neighbour, so public listings of that insats and area are not empty.
  const [other] = await send(t, [commentItem({ text: 'Fler bänkar i parken, tack.' })]);
  if (other?.receipt) await t.moderate(other.receipt, { status: 'approved', answer: 'Vi ser över det.' });
  await addStaffUser(t.store, { email: 'analyst@malmo.se', role: 'analyst' });
  await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
  analyst = await signIn(t.app, 'analyst@malmo.se');
  const deps: ApiDeps = {
    store: t.store,
    boundaries: malmoBoundaries,
    config: {
      controllerName: 'x',
      dpoContact: 'x',
      staff: DEFAULT_STAFF_CONFIG,
      linkOrigin: 'http://localhost',
    },
    logger: silentLogger(),
    metrics: createMetrics(),
    limiter: createRateLimiter({ store: t.store, perDevice: null, perAddress: null, trustProxy: 0 }),
    now: Date.now,
  };
  table = resources(deps).flatMap(({ spec }) =>
    spec.routes.map((r) => ({
      method: r.method.toUpperCase(),
      path: fullPath(spec.mount, r.path),
      access: r.access,
    })),
  );
}, 60_000);
afterAll(async () => {
  await t?.close();
});

/** Each way to fill a path's parameters: with every id a route could want. */
function fillings(path: string): string[] {
  if (!path.includes(':')) return [path];
  const values = [submission.id, submission.receipt, TRYGGARE.insatsId, AREA, 'malmo-delomraden-v1'];
  return values.map((value) => path.replace(/:(\w+)/g, () => encodeURIComponent(value)));
}

/** A response body as text; a zip (the staff export) is unpacked, so its files are read too. */
async function bodyText(res: Response): Promise<string> {
  if (!res.headers.get('content-type')?.startsWith('application/zip')) return res.text();
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  return Object.entries(files)
    .map(([name, data]) => `${name}\n${strFromU8(data)}`)
    .join('\n');
}

/** A body for an unsafe route: the real thing where the route takes our submission, else `{}`. */
function bodyFor(path: string): string {
  if (path === '/api/receipts') return JSON.stringify({ receipts: [submission.receipt] });
  if (path === '/api/submissions') return JSON.stringify({ submissions: [item] });
  return '{}';
}

interface Call {
  route: string;
  status: number;
  body: string;
}

async function callAll(app: TestApp['app'] = t.app): Promise<Call[]> {
  const calls: Call[] = [];
  for (const route of table.filter((r) => openToAnalyst(r.access))) {
    const unsafe = route.method !== 'GET';
    const queries = unsafe
      ? ['']
      : ['', `?insats=${TRYGGARE.insatsId}&area=${AREA}`, `?insats=${TRYGGARE.insatsId}`, `?area=${AREA}`];
    for (const path of fillings(route.path)) {
      for (const query of queries) {
        const headers: Record<string, string> = staffHeaders(analyst);
        if (route.access === 'metrics-token') headers.Authorization = `Bearer ${METRICS_TOKEN}`;
        if (unsafe) headers['Content-Type'] = 'application/json';
        const res = await app.request(`${path}${query}`, {
          method: route.method,
          headers,
          ...(unsafe ? { body: bodyFor(route.path) } : {}),
        });
        const headerText = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
        calls.push({
          route: `${route.method} ${path}${query}`,
          status: res.status,
          body: `${headerText}\n${await bodyText(res)}`,
        });
        // Sign-out ends the analyst's session: sign in again for the routes after it.
        const me = await t.app.request('/api/auth/me', { headers: { Cookie: analyst.cookie } });
        if (me.status === 401) analyst = await signIn(t.app, 'analyst@malmo.se');
      }
    }
  }
  return calls;
}

describe('the leak test', () => {
  it('should use a valid personnummer, and store it, the e-mail and the device id (so their absence means something)', async () => {
    expect(luhnValid(PERSONNUMMER)).toBe(true);
    expect(luhnValid('19121212-1213')).toBe(false);
    expect(findIdentityNumbers(item.text ?? '')).toHaveLength(1);
    const stored = await t.store.getSubmission(submission.id);
    expect(stored?.moderationStatus).toBe('pending');
    expect(leaks(JSON.stringify(stored))).toEqual(['personnummer', 'deviceId']);
    expect(leaks(JSON.stringify(await t.store.getSubmissionContact(submission.id)))).toEqual(['email']);
  });

  it('should find the e-mail where it may be shown: a moderator reading the contact details', async () => {
    const moderator = await signIn(t.app, 'moderator@malmo.se');
    const res = await t.app.request(`/api/staff/submissions/${submission.id}/contact`, {
      headers: staffHeaders(moderator),
    });
    expect(res.status).toBe(200);
    expect(leaks(await res.text())).toEqual(['email']);
  });

  it('should show none of them in any response of a public, analyst or metrics route, nor in any log line', async () => {
    const calls = await callAll();
    // The walk reached the routes that matter, with real answers.
    const reached = (prefix: string) => calls.filter((c) => c.route.startsWith(prefix) && c.status === 200);
    expect(reached('POST /api/receipts').length).toBeGreaterThan(0);
    expect(reached('POST /api/submissions').length).toBeGreaterThan(0);
    expect(reached(`GET /api/insatser/${TRYGGARE.insatsId}`).length).toBeGreaterThan(0);
    expect(reached('GET /metrics').length).toBeGreaterThan(0);
    const publicListing = table.find((r) => r.path === '/api/public/submissions');
    if (publicListing !== undefined) expect(reached('GET /api/public/submissions').length).toBeGreaterThan(0);

    const found = calls.flatMap((c) => leaks(c.body).map((what) => `${what} in ${c.route} (${c.status})`));
    expect(found).toEqual([]);

    const lines = log.lines();
    expect(lines.length).toBeGreaterThan(calls.length);
    const inLogs = lines.flatMap((line) => leaks(line).map((what) => `${what} in log line ${line}`));
    expect(inLogs).toEqual([]);
  });

  it('should notice a route that returns pending text (a store broken to leak it through receipts)', async () => {
    const broken = new Proxy(t.store, {
      get(target, prop) {
        if (prop === 'receiptStatuses') {
          return async (receipts: readonly string[]) => {
            const text = (await target.getSubmission(submission.id))?.text;
            return (await target.receiptStatuses(receipts)).map((r) => ({ ...r, text }));
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Store;
    const app = createApp({
      store: broken,
      config: {
        staticDir: '/nonexistent',
        controllerName: 'x',
        dpoContact: 'x',
        metricsToken: METRICS_TOKEN,
      },
      boundaries: malmoBoundaries,
    });
    const found = (await callAll(app)).flatMap((c) => leaks(c.body).map((what) => `${what} in ${c.route}`));
    expect(found).toContain('personnummer in POST /api/receipts');
  });
});
