import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  created,
  enqueueMany,
  fakeServer,
  freshOutbox,
  json,
  makeItem,
  receiptFor,
} from '../test/helpers.ts';
import {
  BACKOFF_MAX_MS,
  backoffDelay,
  createMemoryLock,
  nextRetryDelay,
  parseRetryAfter,
  refreshReceipts,
  syncOutbox,
} from './index.ts';

const lock = createMemoryLock;

describe('syncOutbox: order and batches', () => {
  it('should send queued items oldest first in one request', async () => {
    const { outbox, clock } = freshOutbox();
    const ids = await enqueueMany(outbox, clock, 5);
    const server = fakeServer();
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(server.calls.map((c) => c.ids)).toEqual([ids]);
    expect(result).toMatchObject({ outcome: 'done', requests: 1, sent: 5, attention: 0 });
  });

  it('should report idle and send nothing when the outbox is empty', async () => {
    const { outbox } = freshOutbox();
    const server = fakeServer();
    expect(await syncOutbox({ fetch: server.fetch, outbox, lock: lock() })).toMatchObject({
      outcome: 'idle',
      requests: 0,
    });
    expect(server.calls).toEqual([]);
  });

  it('should send at most 100 items per request', async () => {
    const { outbox, clock } = freshOutbox();
    const ids = await enqueueMany(outbox, clock, 230);
    const server = fakeServer();
    await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(server.calls.map((c) => c.ids.length)).toEqual([100, 100, 30]);
    expect(server.calls.flatMap((c) => c.ids)).toEqual(ids);
    expect(await outbox.count('sent')).toBe(230);
  });

  it('should keep each request under the byte limit', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 12, { text: 'x'.repeat(4000) });
    const server = fakeServer();
    await syncOutbox({ fetch: server.fetch, outbox, lock: lock(), maxBytes: 20_000 });
    expect(server.calls.length).toBeGreaterThan(2);
    for (const call of server.calls) expect(call.bytes).toBeLessThanOrEqual(20_000);
    expect(server.calls.flatMap((c) => c.ids)).toHaveLength(12);
  });

  it('should send an item bigger than the byte limit on its own', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 2, { text: 'x'.repeat(5000) });
    const server = fakeServer();
    await syncOutbox({ fetch: server.fetch, outbox, lock: lock(), maxBytes: 1000 });
    expect(server.calls.map((c) => c.ids.length)).toEqual([1, 1]);
  });

  it('should send items queued while it runs in the same run', async () => {
    const { outbox, clock } = freshOutbox();
    const [first] = await enqueueMany(outbox, clock, 1);
    let late: string | undefined;
    const server = fakeServer(async (ids, call) => {
      if (call === 1) late = (await outbox.enqueue(makeItem())).id;
      return created(ids);
    });
    await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(server.calls.map((c) => c.ids)).toEqual([[first], [late]]);
  });
});

describe('syncOutbox: per-item results', () => {
  it('should mark created and duplicate items as sent with their receipts and tags', async () => {
    const { outbox, clock } = freshOutbox();
    const [a, b] = (await enqueueMany(outbox, clock, 2)) as [string, string];
    const server = fakeServer(() =>
      json({
        results: [
          {
            id: a,
            status: 'created',
            receipt: receiptFor(a),
            tags: [{ areaCode: '11319', source: 'chosen' }],
          },
          {
            id: b,
            status: 'duplicate',
            receipt: receiptFor(b),
            tags: [{ areaCode: '12345', source: 'point' }],
          },
        ],
      }),
    );
    await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(await outbox.get(a)).toMatchObject({
      state: 'sent',
      receipt: receiptFor(a),
      tags: [{ areaCode: '11319', source: 'chosen' }],
    });
    expect(await outbox.get(b)).toMatchObject({
      state: 'sent',
      receipt: receiptFor(b),
      tags: [{ areaCode: '12345', source: 'point' }],
    });
    expect(await outbox.pending()).toEqual([]);
  });

  it('should move rejected and conflict items to attention and out of the retry loop', async () => {
    const { outbox, clock } = freshOutbox();
    const [a, b, c] = (await enqueueMany(outbox, clock, 3)) as [string, string, string];
    const server = fakeServer(() =>
      json({
        results: [
          { id: a, status: 'rejected', errors: [{ path: 'text', message: 'too long' }] },
          { id: b, status: 'conflict' },
          { id: c, status: 'created', receipt: receiptFor(c) },
        ],
      }),
    );
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(result).toMatchObject({ outcome: 'done', sent: 1, attention: 2 });
    expect(await outbox.get(a)).toMatchObject({
      state: 'attention',
      status: 'rejected',
      errors: [{ path: 'text', message: 'too long' }],
    });
    expect(await outbox.get(b)).toMatchObject({ state: 'attention', status: 'conflict' });
    // A later sync does not send them again.
    const again = await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(again.outcome).toBe('idle');
    expect(server.calls).toHaveLength(1);
  });

  it('should keep an item queued when the answer has no result for it', async () => {
    const { outbox, clock } = freshOutbox();
    const [a, b] = (await enqueueMany(outbox, clock, 2)) as [string, string];
    const server = fakeServer(() =>
      json({ results: [{ id: a, status: 'created', receipt: receiptFor(a) }] }),
    );
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(result).toMatchObject({ outcome: 'retry', error: 'no_result' });
    expect(server.calls).toHaveLength(1);
    expect((await outbox.pending()).map((r) => r.id)).toEqual([b]);
  });
});

describe('syncOutbox: failures', () => {
  it('should keep items queued when the network fails', async () => {
    const { outbox, clock } = freshOutbox();
    const ids = await enqueueMany(outbox, clock, 3);
    const fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await syncOutbox({ fetch, outbox, lock: lock() });
    expect(result).toMatchObject({ outcome: 'retry', error: 'network', requests: 1 });
    const pending = await outbox.pending();
    expect(pending.map((r) => r.id)).toEqual(ids);
    expect(pending.every((r) => r.attempts === 1 && r.lastError === 'network')).toBe(true);
  });

  it('should keep items queued when the server answers 500', async () => {
    const { outbox, clock } = freshOutbox();
    const ids = await enqueueMany(outbox, clock, 150);
    const server = fakeServer(() => json({ title: 'Internal error', status: 500 }, 500));
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(result).toMatchObject({ outcome: 'retry', error: 'http_500' });
    // It halves down the failing path (maybe one item makes it fail), then stops: no item went
    // through, so the API may simply be down. At most eight requests, never the whole queue.
    expect(server.calls.map((c) => c.ids.length)).toEqual([100, 50, 25, 13, 7, 4, 2, 1]);
    expect((await outbox.pending()).map((r) => r.id)).toEqual(ids);
  });

  it('should send everything once the server recovers', async () => {
    const { outbox, clock } = freshOutbox();
    const ids = await enqueueMany(outbox, clock, 3);
    let up = false;
    const server = fakeServer((batch) => (up ? created(batch) : new Response('oops', { status: 503 })));
    await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    up = true;
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(result).toMatchObject({ outcome: 'done', sent: 3 });
    expect(server.calls.map((c) => c.ids)).toEqual([ids, ids]);
  });

  it('should pass on the Retry-After of a 429 or 503', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 1);
    const server = fakeServer(() => json({ title: 'Slow down', status: 429 }, 429, { 'retry-after': '120' }));
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(result).toMatchObject({ outcome: 'retry', error: 'http_429', retryAfterMs: 120_000 });
    expect(await outbox.count('queued')).toBe(1);
  });

  it('should keep items queued when the answer is not the API (a portal page)', async () => {
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 2);
    const server = fakeServer(
      () => new Response('<html>Log in to the Wi-Fi</html>', { headers: { 'content-type': 'text/html' } }),
    );
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(result).toMatchObject({ outcome: 'retry', error: 'bad_response' });
    expect(await outbox.count('queued')).toBe(2);
  });

  it('should split the batch when the server answers 413', async () => {
    const { outbox, clock } = freshOutbox();
    const ids = await enqueueMany(outbox, clock, 4);
    const server = fakeServer((batch) =>
      batch.length > 2 ? json({ title: 'Too large', status: 413 }, 413) : created(batch),
    );
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(server.calls.map((c) => c.ids)).toEqual([ids, ids.slice(0, 2), ids.slice(2)]);
    expect(result).toMatchObject({ outcome: 'done', sent: 4 });
  });

  it('should put a single item that is still too large in attention', async () => {
    const { outbox, clock } = freshOutbox();
    const [a] = (await enqueueMany(outbox, clock, 1)) as [string];
    const server = fakeServer(() => json({ title: 'Too large', status: 413 }, 413));
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(result).toMatchObject({ outcome: 'done', attention: 1 });
    expect(await outbox.get(a)).toMatchObject({ state: 'attention', status: 'too_large' });
  });

  it('should move the batch to attention on another 4xx, with the problem details', async () => {
    const { outbox, clock } = freshOutbox();
    const [a] = (await enqueueMany(outbox, clock, 1)) as [string];
    const server = fakeServer(() =>
      json({ type: 'about:blank', title: 'Bad request', status: 400, detail: 'malformed body' }, 400, {
        'content-type': 'application/problem+json',
      }),
    );
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: lock() });
    expect(result.outcome).toBe('done');
    expect(await outbox.get(a)).toMatchObject({
      state: 'attention',
      status: 'http_400',
      errors: [{ path: '', message: 'malformed body' }],
    });
  });
});

describe('syncOutbox: one runner', () => {
  it('should put each item in exactly one request when two syncs start at once', async () => {
    const { outbox, clock } = freshOutbox();
    const ids = await enqueueMany(outbox, clock, 7);
    const shared = createMemoryLock();
    const server = fakeServer(async (batch) => {
      await new Promise((r) => setTimeout(r, 20));
      return created(batch);
    });
    const results = await Promise.all([
      syncOutbox({ fetch: server.fetch, outbox, lock: shared }),
      syncOutbox({ fetch: server.fetch, outbox, lock: shared }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['busy', 'done']);
    expect(server.calls.flatMap((c) => c.ids).sort()).toEqual([...ids].sort());
  });

  it('should send each item once when twenty syncs are triggered together', async () => {
    const { outbox, clock } = freshOutbox();
    const ids = await enqueueMany(outbox, clock, 30);
    const shared = createMemoryLock();
    const server = fakeServer(async (batch) => {
      await new Promise((r) => setTimeout(r, 5));
      return created(batch);
    });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        syncOutbox({ fetch: server.fetch, outbox, lock: shared, maxItems: 7 }),
      ),
    );
    // Later triggers find nothing left to send.
    await Promise.all(
      Array.from({ length: 5 }, () => syncOutbox({ fetch: server.fetch, outbox, lock: shared })),
    );
    const sent = server.calls.flatMap((c) => c.ids);
    expect(sent).toHaveLength(ids.length);
    expect(new Set(sent)).toEqual(new Set(ids));
  });
});

describe('backoff', () => {
  it('should double the wait after each failure', () => {
    const top = (n: number) => backoffDelay(n, { baseMs: 1000, maxMs: 1_000_000, random: () => 1 });
    expect([1, 2, 3, 4, 5].map(top)).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('should keep the jitter between half and all of the step', () => {
    for (const failures of [1, 3, 6]) {
      const step = 1000 * 2 ** (failures - 1);
      expect(backoffDelay(failures, { baseMs: 1000, random: () => 0 })).toBe(step / 2);
      expect(backoffDelay(failures, { baseMs: 1000, random: () => 0.999999 })).toBeLessThanOrEqual(step);
      for (let i = 0; i < 50; i++) {
        const d = backoffDelay(failures, { baseMs: 1000 });
        expect(d).toBeGreaterThanOrEqual(step / 2);
        expect(d).toBeLessThanOrEqual(step);
      }
    }
  });

  it('should never wait longer than the cap', () => {
    expect(backoffDelay(50, { random: () => 1 })).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(1000, { random: () => 1 })).toBe(BACKOFF_MAX_MS);
  });

  it('should wait at least as long as Retry-After asks', () => {
    expect(nextRetryDelay(1, 90_000, { baseMs: 1000, random: () => 1 })).toBe(90_000);
    expect(nextRetryDelay(1, undefined, { baseMs: 1000, random: () => 1 })).toBe(1000);
  });

  it('should read Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    // A silly value is capped at an hour.
    expect(parseRetryAfter('999999', now)).toBe(3_600_000);
  });
});

describe('refreshReceipts', () => {
  it('should store what the server says about each sent item', async () => {
    const { outbox, clock } = freshOutbox();
    const [a, b] = (await enqueueMany(outbox, clock, 2)) as [string, string];
    await syncOutbox({ fetch: fakeServer().fetch, outbox, lock: lock() });
    let asked: string[] = [];
    const fetch = async (_url: string, init?: RequestInit) => {
      asked = (JSON.parse(String(init?.body)) as { receipts: string[] }).receipts;
      return json({
        receipts: [
          {
            receipt: receiptFor(a),
            status: 'published',
            answer: { text: 'Tack!', answeredAt: '2026-11-21' },
          },
          { receipt: receiptFor(b), status: 'not_published', reason: 'Personuppgifter' },
        ],
      });
    };
    expect(await refreshReceipts({ fetch, outbox })).toBe(true);
    expect(asked.sort()).toEqual([receiptFor(a), receiptFor(b)].sort());
    expect((await outbox.get(a))?.receiptInfo).toMatchObject({
      status: 'published',
      answer: { text: 'Tack!' },
    });
    expect((await outbox.get(b))?.receiptInfo).toMatchObject({
      status: 'not_published',
      reason: 'Personuppgifter',
    });
  });
});

describe('lock', () => {
  it('should not run the sync when the Web Lock is held by another tab', async () => {
    const { createWebLock } = await import('./lock.ts');
    const heldElsewhere = {
      request: async <T>(
        _name: string,
        options: { ifAvailable: boolean },
        cb: (lock: unknown) => Promise<T> | T,
      ) => {
        expect(options.ifAvailable).toBe(true);
        return cb(null);
      },
    };
    const { outbox, clock } = freshOutbox();
    await enqueueMany(outbox, clock, 2);
    const server = fakeServer();
    const result = await syncOutbox({ fetch: server.fetch, outbox, lock: createWebLock(heldElsewhere) });
    expect(result.outcome).toBe('busy');
    expect(server.calls).toEqual([]);
    expect(await outbox.count('queued')).toBe(2);
  });
});
