/**
 * The sync keeps flowing through the faults a field harness found: answers that never come, a
 * lock held by a stuck runner, 4xx from middleboxes, an item the API always fails on, backoff that
 * kept growing while requests succeeded, Retry-After forgotten on reload. Fake timers drive the
 * clock; IndexedDB is fake-indexeddb (its own scheduling is not faked).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { created, enqueueMany, fakeServer, foreign, freshOutbox, json } from '../test/helpers.ts';
import {
  BACKOFF_BASE_MS,
  createMemoryLock,
  createWebLock,
  LOCK_LEASE_MS,
  SUBMIT_TIMEOUT_MAX_MS,
  submitTimeoutMs,
  syncOutbox,
} from './index.ts';
import type { LockManagerLike } from './lock.ts';

const START = 1_700_000_000_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

/** Lets fake-indexeddb (real setImmediate) work until `done()` holds. */
const realImmediate = (globalThis as unknown as { setImmediate: (f: () => void) => void }).setImmediate;
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise<void>((r) => realImmediate(r));
  if (!done()) throw new Error('condition never held');
}

/** A fetch that never answers; it only ends when its signal aborts. */
function hangingFetch() {
  const calls: number[] = [];
  const fetch = (_url: string, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      calls.push(Date.now());
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { fetch, calls };
}

/** Web Locks as Chromium has them: `ifAvailable` gets null when held; `steal` breaks the holder's lock. */
function fakeLockManager(): LockManagerLike {
  const held = new Map<string, { reject: (e: unknown) => void }>();
  return {
    request<T>(
      name: string,
      options: { ifAvailable?: boolean; steal?: boolean },
      cb: (lock: unknown) => Promise<T> | T,
    ): Promise<T> {
      if (held.has(name) && options.ifAvailable) return Promise.resolve(cb(null));
      return new Promise<T>((resolve, reject) => {
        if (held.has(name)) held.get(name)?.reject(new DOMException('stolen', 'AbortError'));
        const entry = { reject };
        held.set(name, entry);
        Promise.resolve(cb({ name })).then(
          (value) => {
            if (held.get(name) === entry) held.delete(name);
            resolve(value);
          },
          (err) => {
            if (held.get(name) === entry) held.delete(name);
            reject(err);
          },
        );
      });
    },
  };
}

describe('a request that never gets an answer', () => {
  it('should end at the timeout with the items still queued, and free the lock for the next run', async () => {
    const { outbox, clock } = freshOutbox();
    const ids = await enqueueMany(outbox, clock, 3);
    const lock = createMemoryLock();
    const hanging = hangingFetch();
    const first = syncOutbox({ fetch: hanging.fetch, outbox, lock });
    await until(() => hanging.calls.length === 1);
    // A small batch gets a bit over 15 s: never less, and never more than the cap.
    await vi.advanceTimersByTimeAsync(14_000);
    expect(await Promise.race([first, 'still waiting'])).toBe('still waiting');
    await vi.advanceTimersByTimeAsync(SUBMIT_TIMEOUT_MAX_MS - 14_000);
    expect(await first).toMatchObject({ outcome: 'retry', error: 'timeout', requests: 1 });
    expect((await outbox.pending()).map((r) => r.id)).toEqual(ids);
    // The lock is free again: the next run sends.
    const server = fakeServer();
    expect(await syncOutbox({ fetch: server.fetch, outbox, lock })).toMatchObject({
      outcome: 'done',
      sent: 3,
    });
  });

  it('should time out while the answer body is still coming', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 1);
    let called = false;
    const fetch = async (_url: string, init?: RequestInit) => {
      called = true;
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"results":['));
          init?.signal?.addEventListener('abort', () =>
            controller.error(new DOMException('x', 'AbortError')),
          );
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json', 'kraftsamla-api': '1' } });
    };
    const run = syncOutbox({ fetch, outbox, lock: createMemoryLock() });
    await until(() => called);
    await vi.advanceTimersByTimeAsync(SUBMIT_TIMEOUT_MAX_MS + 10);
    expect(await run).toMatchObject({ outcome: 'retry', error: 'timeout' });
  });
});

describe('the time limit of a submission request', () => {
  it('should grow with the body, from 15 s for a few comments to at most 60 s for a full batch', () => {
    expect(submitTimeoutMs(40_000)).toBe(16_600);
    expect(submitTimeoutMs(900_000)).toBe(51_000);
    expect(submitTimeoutMs(5_000_000)).toBe(SUBMIT_TIMEOUT_MAX_MS);
  });
});

describe('a lock held by a runner that is stuck', () => {
  it('should be taken over once its lease has run out, and the stuck runner sends nothing more', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 4);
    const locks = fakeLockManager();
    const options = { lease: outbox.lease, leaseMs: LOCK_LEASE_MS, now: () => Date.now() };
    // A runner (another tab) took the lock and then hung, never renewing its lease.
    let stuckSignal: AbortSignal | undefined;
    const stuck = createWebLock(locks, options)('kraftsamla-sync', ({ signal }) => {
      stuckSignal = signal;
      return new Promise(() => {});
    });
    await vi.advanceTimersByTimeAsync(0);
    const server = fakeServer();
    const tooSoon = await syncOutbox({ fetch: server.fetch, outbox, lock: createWebLock(locks, options) });
    expect(tooSoon.outcome).toBe('busy');

    await vi.advanceTimersByTimeAsync(LOCK_LEASE_MS + 1000);
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: createWebLock(locks, options) });
    expect(result).toMatchObject({ outcome: 'done', sent: 4 });
    expect(stuckSignal?.aborted).toBe(true);
    expect(await stuck).toEqual({ acquired: false });
  });

  it('should take over a lock held with no lease at all (an older version) after one lease time', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 2);
    const locks = fakeLockManager();
    locks.request('kraftsamla-sync', {}, () => new Promise(() => {})).catch(() => {});
    const options = { lease: outbox.lease, leaseMs: LOCK_LEASE_MS, now: () => Date.now() };
    const server = fakeServer();
    expect(
      (await syncOutbox({ fetch: server.fetch, outbox, lock: createWebLock(locks, options) })).outcome,
    ).toBe('busy');
    await vi.advanceTimersByTimeAsync(LOCK_LEASE_MS + 1000);
    expect(
      await syncOutbox({ fetch: server.fetch, outbox, lock: createWebLock(locks, options) }),
    ).toMatchObject({ outcome: 'done', sent: 2 });
  });
});

describe('a 4xx from something between the phone and the API', () => {
  it('should keep a whole batch of 20 queued (no "needs attention") when a WAF answers 403', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 20);
    let waf = true;
    const server = fakeServer((ids) => (waf ? foreign(403) : created(ids)));
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: createMemoryLock() });
    expect(result).toMatchObject({ outcome: 'retry', error: 'middlebox_403', attention: 0 });
    expect(await outbox.count('attention')).toBe(0);
    expect(await outbox.count('queued')).toBe(20);
    waf = false;
    expect(await syncOutbox({ fetch: server.fetch, outbox, lock: createMemoryLock() })).toMatchObject({
      outcome: 'done',
      sent: 20,
    });
  });

  it('should treat a problem+json without the API header (a proxy) as "try again later"', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 3);
    const server = fakeServer(
      () =>
        new Response('{"title":"Forbidden","status":403}', {
          status: 403,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    await syncOutbox({ fetch: server.fetch, outbox, lock: createMemoryLock() });
    expect(await outbox.count('queued')).toBe(3);
  });

  it("should put only the item the API's own 400 is about in attention, and send the rest", async () => {
    const { outbox, clock } = freshOutbox();
    const ids = await enqueueMany(outbox, clock, 6);
    const bad = ids[4] as string;
    const server = fakeServer((batch) =>
      batch.includes(bad)
        ? json({ title: 'Bad Request', status: 400, detail: 'bad item' }, 400)
        : created(batch),
    );
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: createMemoryLock() });
    expect(result).toMatchObject({ outcome: 'done', sent: 5, attention: 1 });
    expect(await outbox.get(bad)).toMatchObject({ state: 'attention', status: 'http_400' });
  });
});

describe('an item the API always fails on', () => {
  it('should be isolated by halving while the other 29 are sent, then wait on its own backoff', async () => {
    const { outbox, clock } = freshOutbox();
    clock.now = START;
    const ids = await enqueueMany(outbox, clock, 30);
    const poison = ids[11] as string;
    const server = fakeServer((batch) =>
      batch.includes(poison) ? json({ title: 'Internal Server Error', status: 500 }, 500) : created(batch),
    );
    const run = () =>
      syncOutbox({ fetch: server.fetch, outbox, lock: createMemoryLock(), random: () => 1, now: Date.now });
    const began = Date.now();
    // As the scheduler does: the next run at the time the last one asked for.
    let allButOne: number | undefined;
    while (Date.now() - began < 90_000) {
      const result = await run();
      if ((await outbox.count('sent')) === 29) {
        allButOne = Date.now() - began;
        break;
      }
      await vi.advanceTimersByTimeAsync(Math.max(0, (result.nextAttemptAt ?? Date.now()) - Date.now()));
    }
    expect(await outbox.count('sent')).toBe(29);
    expect(allButOne).toBeLessThan(10_000);
    const left = await outbox.get(poison);
    expect(left).toMatchObject({ state: 'queued' });
    expect(left?.notBefore).toBeGreaterThan(Date.now());
    // Once it failed alone, it never shares a request again.
    const firstAlone = server.calls.findIndex((c) => c.ids.length === 1 && c.ids[0] === poison);
    expect(
      server.calls.slice(firstAlone + 1).filter((c) => c.ids.includes(poison) && c.ids.length > 1),
    ).toEqual([]);
    // Alone, it is tried on its own schedule and no longer holds anything up.
    await enqueueMany(outbox, clock, 2);
    const later = await run();
    expect(later.sent).toBe(2);
    expect(server.calls.at(-1)?.ids).not.toContain(poison);
  });
});

describe('backoff', () => {
  it('should start again from the first step as soon as a request is answered', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 150);
    let mode: 'down' | 'one-then-down' = 'down';
    const server = fakeServer((batch, call) => {
      if (mode === 'down') return foreign(502, 'bad gateway');
      return call % 2 === 1 ? created(batch) : foreign(502, 'bad gateway');
    });
    const run = () => syncOutbox({ fetch: server.fetch, outbox, lock: createMemoryLock(), random: () => 1 });
    for (let i = 0; i < 5; i++) await run();
    const failing = await outbox.syncState();
    expect(failing.failures).toBe(5);
    expect((failing.nextAttemptAt ?? 0) - Date.now()).toBeGreaterThanOrEqual(BACKOFF_BASE_MS * 16);

    mode = 'one-then-down';
    server.calls.length = 0;
    const result = await run();
    expect(result).toMatchObject({ outcome: 'retry', progress: true, sent: 100 });
    const after = await outbox.syncState();
    expect(after.failures).toBe(1);
    expect((after.nextAttemptAt ?? 0) - Date.now()).toBeLessThanOrEqual(BACKOFF_BASE_MS);
  });
});

describe("the server's Retry-After", () => {
  it('should hold every runner (another tab, the service worker, after a reload) until it has passed', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 2);
    const server = fakeServer((batch, call) =>
      call === 1
        ? json({ title: 'Too Many Requests', status: 429 }, 429, { 'retry-after': '120' })
        : created(batch),
    );
    const first = await syncOutbox({ fetch: server.fetch, outbox, lock: createMemoryLock() });
    expect(first).toMatchObject({ outcome: 'retry', retryAfterMs: 120_000 });
    expect(first.nextAttemptAt).toBeGreaterThanOrEqual(Date.now() + 120_000);

    // A different runner on the same device (the service worker, a reloaded page): it waits.
    await vi.advanceTimersByTimeAsync(60_000);
    const early = await syncOutbox({ fetch: server.fetch, outbox, lock: createMemoryLock() });
    expect(early).toMatchObject({ outcome: 'waiting', requests: 0 });
    expect(server.calls).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(await syncOutbox({ fetch: server.fetch, outbox, lock: createMemoryLock() })).toMatchObject({
      outcome: 'done',
      sent: 2,
    });
  });
});
