import { loadConfig } from '../config/index.ts';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import {
  commentItem,
  malmoBoundaries,
  STORE_KINDS,
  type StoreKind,
  type TestApp,
  type TestStore,
  testApp,
  testStore,
} from '../test/index.ts';
import { addressKey, type RateLimitConfig, WINDOW_MS, windowStart } from './index.ts';

/** 10:00:00 UTC: every test starts at the beginning of a window, the worst case for counting. */
const T0 = Date.parse('2026-11-24T10:00:00.000Z');

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

/** A Node socket as @hono/node-server hands it to the app (what getConnInfo reads). */
const fromSocket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

/** An app with rate limits, a clock the test moves, and a POST helper that sets the peer address. */
/** What a deployment gets with no RATE_LIMIT_* set. */
const DEFAULT_LIMITS = loadConfig({}).rateLimit;
/** How many 100-item batches one device may send in a minute under the defaults. */
const FULL_BATCHES_PER_DEVICE = Math.floor((DEFAULT_LIMITS.perDevice ?? 0) / 100);

async function limitedApp(
  options: { kind?: StoreKind; rateLimit?: Partial<RateLimitConfig>; trustProxy?: number } = {},
) {
  const clock = { now: T0 };
  const t = await testApp({
    ...(options.kind ? { kind: options.kind } : {}),
    config: {
      // The shipped defaults, unless a test narrows them.
      rateLimit: { ...DEFAULT_LIMITS, ...options.rateLimit },
      trustProxy: options.trustProxy ?? 0,
    },
    now: () => clock.now,
  });
  open.push(t);
  return { t, clock, post: poster(t.app) };
}

function poster(app: Pick<TestApp['app'], 'request'>) {
  return (path: string, body: unknown, from: string, headers: Record<string, string> = {}) =>
    app.request(
      path,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      },
      fromSocket(from),
    );
}

/** `n` valid comments from one device. */
const batch = (deviceId: string, n: number) =>
  Array.from({ length: n }, () => commentItem({ id: randomUUID(), deviceId }));

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['[2001:db8:1:2::99]:443', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('should count %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

describe('windowStart', () => {
  it('should be the start of the minute, as ISO text that sorts by time', () => {
    expect(windowStart(T0 + 59_999)).toBe('2026-11-24T10:00:00.000Z');
    expect(windowStart(T0 + WINDOW_MS)).toBe('2026-11-24T10:01:00.000Z');
  });
});

describe.each(STORE_KINDS)('rate-limit counters in the %s store', (kind) => {
  let s: TestStore;
  afterEach(async () => {
    await s?.close();
  });

  it('should add hits per key and window in one upsert and return the totals, shared across connections', async () => {
    s = await testStore({ kind, exampleContent: false });
    const other = s.reopen(); // another instance on the same database
    const w = windowStart(T0);
    expect(
      await s.store.addRateLimitHits(
        w,
        new Map([
          ['a', 3],
          ['b', 1],
        ]),
      ),
    ).toEqual(
      new Map([
        ['a', 3],
        ['b', 1],
      ]),
    );
    expect(await other.addRateLimitHits(w, new Map([['a', 2]]))).toEqual(new Map([['a', 5]]));
    expect(await s.store.addRateLimitHits(windowStart(T0 + WINDOW_MS), new Map([['a', 1]]))).toEqual(
      new Map([['a', 1]]),
    );
    expect(await s.store.addRateLimitHits(w, new Map())).toEqual(new Map());
  });

  it('should count exactly under concurrent hits from two instances', async () => {
    s = await testStore({ kind, exampleContent: false });
    const other = s.reopen();
    const w = windowStart(T0);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? s.store : other).addRateLimitHits(
          w,
          new Map([
            ['shared', 1],
            [`own-${i % 2}`, 1],
          ]),
        ),
      ),
    );
    const [row] = await s.query<{ hits: number }>(
      'SELECT hits FROM rate_limits WHERE key = ? AND window_start = ?',
      'shared',
      w,
    );
    expect(Number(row?.hits)).toBe(40);
  });

  it('should delete only windows before the one given', async () => {
    s = await testStore({ kind, exampleContent: false });
    for (const minute of [0, 1, 2]) {
      await s.store.addRateLimitHits(windowStart(T0 + minute * WINDOW_MS), new Map([['k', 1]]));
    }
    expect(await s.store.expireRateLimits(windowStart(T0 + 2 * WINDOW_MS))).toBe(2);
    const rows = await s.query<{ window_start: string }>('SELECT window_start FROM rate_limits');
    expect(rows.map((r) => r.window_start)).toEqual([windowStart(T0 + 2 * WINDOW_MS)]);
  });
});

describe(`POST /api/submissions under the default limits (${DEFAULT_LIMITS.perDevice} items per device, ${DEFAULT_LIMITS.perAddress} per address)`, () => {
  it('should never limit a school class of 30 phones behind one address sending a lesson’s input at once', async () => {
    const { post } = await limitedApp();
    const school = '198.51.100.20';
    const devices = Array.from(
      { length: 30 },
      (_, i) => `elev-${String(i).padStart(2, '0')}-${randomUUID()}`,
    );
    // Three rounds in the same minute: 30 × 3 batches × 5 items = 450 items, and each
    // phone looks up its receipts after every round.
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all(
        devices.map((d) => post('/api/submissions', { submissions: batch(d, 5) }, school)),
      );
      expect(answers.map((r) => r.status)).toEqual(devices.map(() => 200));
      const receipts = await Promise.all(
        answers.map(async (r) => {
          const { results } = (await r.json()) as { results: { receipt: string }[] };
          return post('/api/receipts', { receipts: results.map((x) => x.receipt) }, school);
        }),
      );
      expect(receipts.map((r) => r.status)).toEqual(devices.map(() => 200));
    }
  });

  it('should stop one device that keeps sending, with 429 problem+json and Retry-After, and store nothing from it', async () => {
    const { t, clock, post } = await limitedApp();
    clock.now = T0 + 15_000;
    const address = '192.0.2.10';
    // Full batches up to the limit are all taken; the next item is refused.
    for (let i = 0; i < FULL_BATCHES_PER_DEVICE; i += 1) {
      expect(
        (await post('/api/submissions', { submissions: batch('hammering-device', 100) }, address)).status,
      ).toBe(200);
    }
    const refused = batch('hammering-device', 10);
    const res = await post('/api/submissions', { submissions: refused }, address);
    expect(res.status).toBe(429);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(res.headers.get('Retry-After')).toBe('45');
    const body = (await res.json()) as { status: number; title: string; detail: string };
    expect(body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(body.detail).toMatch(/this device/);
    expect(body.detail).not.toContain('hammering-device');
    const stored = await t.query('SELECT id FROM submissions WHERE id = ?', refused[0]?.id);
    expect(stored).toEqual([]);

    // Another phone on the same network is not affected, and the next minute the first may send again.
    expect(
      (await post('/api/submissions', { submissions: batch('quiet-device-1', 3) }, address)).status,
    ).toBe(200);
    clock.now = T0 + WINDOW_MS;
    expect(
      (await post('/api/submissions', { submissions: batch('hammering-device', 10) }, address)).status,
    ).toBe(200);
  });

  it('should count each device id in a mixed batch, and a full batch of 100 always fits', async () => {
    const { post } = await limitedApp({ rateLimit: { perDevice: 100, perAddress: null } });
    const mixed = [...batch('device-aaaaaaaa', 60), ...batch('device-bbbbbbbb', 40)];
    expect((await post('/api/submissions', { submissions: mixed }, '192.0.2.1')).status).toBe(200);
    expect(
      (await post('/api/submissions', { submissions: batch('device-bbbbbbbb', 60) }, '192.0.2.1')).status,
    ).toBe(200);
    expect(
      (await post('/api/submissions', { submissions: batch('device-aaaaaaaa', 41) }, '192.0.2.1')).status,
    ).toBe(429);
  });
});

describe('the client address', () => {
  it('should ignore X-Forwarded-For with TRUST_PROXY off: forging it changes nothing', async () => {
    const { post } = await limitedApp({ rateLimit: { perDevice: null, perAddress: 100 } });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const res = await post(
        '/api/submissions',
        { submissions: batch(`device-${randomUUID()}`, 10) },
        '192.0.2.50',
        {
          'X-Forwarded-For': `10.${i}.0.1, 203.0.113.${i}`,
        },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
  });

  it('should, with TRUST_PROXY on, count the rightmost X-Forwarded-For entry and never what the client wrote left of it', async () => {
    const { post } = await limitedApp({ rateLimit: { perDevice: null, perAddress: 100 }, trustProxy: 1 });
    const proxy = '10.0.0.2';
    // Ten phones behind the load balancer, each under the limit.
    for (let i = 0; i < 10; i += 1) {
      const res = await post(
        '/api/submissions',
        { submissions: batch(`device-${randomUUID()}`, 100) },
        proxy,
        {
          'X-Forwarded-For': `198.51.100.${i}`,
        },
      );
      expect(res.status).toBe(200);
    }
    // One client writing a new address of its own each time is still one client.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await post(
        '/api/submissions',
        { submissions: batch(`device-${randomUUID()}`, 50) },
        proxy,
        {
          'X-Forwarded-For': `172.16.0.${i}, 203.0.113.99`,
        },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('POST /api/receipts', () => {
  it('should limit look-ups per address, counted apart from submission items', async () => {
    const { post } = await limitedApp({ rateLimit: { perAddress: 100 } });
    const address = '192.0.2.77';
    expect(
      (await post('/api/submissions', { submissions: batch('device-12345678', 100) }, address)).status,
    ).toBe(200);
    const receipts = { receipts: ['AAAAAAAAAAAAAAAAAAAAAA'] };
    for (let i = 0; i < 100; i += 1)
      expect((await post('/api/receipts', receipts, address)).status).toBe(200);
    const res = await post('/api/receipts', receipts, address);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});

describe.each(STORE_KINDS)('several instances on one %s database', (kind) => {
  it('should share the counts, and keep only hashed keys of the current window', async () => {
    const { t, clock, post } = await limitedApp({ kind });
    const second = createApp({
      store: t.reopen(),
      config: {
        staticDir: '/nonexistent',
        controllerName: 'x',
        dpoContact: 'x',
        rateLimit: DEFAULT_LIMITS,
        trustProxy: 0,
      },
      boundaries: malmoBoundaries,
      now: () => clock.now,
    });
    const postSecond = poster(second);
    const device = `device-${randomUUID()}`;
    const statuses: number[] = [];
    for (let i = 0; i <= FULL_BATCHES_PER_DEVICE; i += 1) {
      const send = i % 2 === 0 ? post : postSecond;
      statuses.push(
        (await send('/api/submissions', { submissions: batch(device, 100) }, '192.0.2.99')).status,
      );
    }
    expect(statuses).toEqual([...Array(FULL_BATCHES_PER_DEVICE).fill(200), 429]);

    const rows = await t.query<{ key: string }>('SELECT key FROM rate_limits');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/192\.0\.2\.99|device-/);

    // The first request of the next minute deletes the past window.
    clock.now = T0 + WINDOW_MS;
    expect((await post('/api/submissions', { submissions: batch(device, 1) }, '192.0.2.99')).status).toBe(
      200,
    );
    const windows = await t.query<{ window_start: string }>('SELECT DISTINCT window_start FROM rate_limits');
    expect(windows).toEqual([{ window_start: windowStart(T0 + WINDOW_MS) }]);
  });
});
