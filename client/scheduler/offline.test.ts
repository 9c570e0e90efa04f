import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeItem } from '../test/helpers.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('saving while the phone knows it is offline', () => {
  it('should not start a sync run over the queue (no request, no rewrite of 250 queued items)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.stubGlobal('navigator', { onLine: false });
    const fetch = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetch);
    const { outbox } = await import('../outbox/index.ts');
    const { requestSync } = await import('./index.ts');
    for (let i = 0; i < 250; i++) await outbox.enqueue(makeItem());
    const before = await outbox.pending();

    requestSync();
    await vi.advanceTimersByTimeAsync(1000);
    const immediate = (globalThis as unknown as { setImmediate: (f: () => void) => void }).setImmediate;
    for (let i = 0; i < 200; i++) await new Promise<void>((r) => immediate(r));

    expect(fetch).not.toHaveBeenCalled();
    // Nothing counted an attempt on the queued items: no run read and rewrote them.
    expect(await outbox.pending()).toEqual(before);
  });
});
