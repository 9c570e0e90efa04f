import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueMany, freshOutbox } from '../test/helpers.ts';
import { OLD_AFTER_MS } from '../state/status.ts';
import { watchClock } from './clock.ts';

const START = 1_700_000_000_000;

beforeEach(() => {
  // Date and timers are fake; performance.now() (the monotonic clock) is not.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a clock corrected while items wait', () => {
  it('should not call items "waiting for more than a day" that were saved seconds before', async () => {
    const { outbox, clock } = freshOutbox(START);
    await enqueueMany(outbox, clock, 3);
    const stop = watchClock((delta, before) => outbox.shiftQueuedAt(delta, before));
    // The phone's clock was a day and a bit behind; the network corrects it.
    vi.advanceTimersByTime(30_000);
    vi.setSystemTime(Date.now() + OLD_AFTER_MS + 3_600_000);
    vi.advanceTimersByTime(30_000);
    stop();
    await vi.waitFor(async () => {
      const queued = await outbox.pending();
      expect(queued.every((r) => Date.now() - r.queuedAt < 5 * 60_000)).toBe(true);
    });
    expect((await outbox.pending()).map((r) => r.item.text)).toHaveLength(3);
  });

  it('should leave queue times alone while the clock runs normally', async () => {
    const { outbox, clock } = freshOutbox(START);
    await enqueueMany(outbox, clock, 1);
    const before = (await outbox.pending())[0]?.queuedAt;
    const shift = vi.fn(async () => {});
    const stop = watchClock(shift);
    vi.advanceTimersByTime(10 * 60_000);
    stop();
    expect(shift).not.toHaveBeenCalled();
    expect((await outbox.pending())[0]?.queuedAt).toBe(before);
  });
});
