import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshOutbox, makeItem } from '../test/helpers.ts';
import { clearLedger, expectItem, forgetItem, lostCount, reconcile } from './ledger.ts';

/** localStorage as Chromium keeps it when it evicts an origin's IndexedDB. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('items the browser deleted before they were sent', () => {
  it('should be counted when the outbox lost them, and not again later', async () => {
    const { outbox } = freshOutbox();
    for (let i = 0; i < 3; i++) expectItem((await outbox.enqueue(makeItem())).id);
    expect(await reconcile(() => outbox.all())).toBe(0);
    // The browser clears the site's IndexedDB under storage pressure.
    await outbox.clear();
    expectItem((await outbox.enqueue(makeItem())).id);
    expect(await reconcile(() => outbox.all())).toBe(3);
    expect(await reconcile(() => outbox.all())).toBe(3);
    expect(lostCount()).toBe(3);
  });

  it('should not count what was sent, or what the person removed', async () => {
    const { outbox } = freshOutbox();
    const a = await outbox.enqueue(makeItem());
    const b = await outbox.enqueue(makeItem());
    expectItem(a.id);
    expectItem(b.id);
    await outbox.settle([{ id: a.id, state: 'sent', receipt: 'r1' }]);
    expect(await reconcile(() => outbox.all())).toBe(0);
    forgetItem(b.id);
    await outbox.remove(b.id);
    await outbox.remove(a.id);
    expect(await reconcile(() => outbox.all())).toBe(0);
    clearLedger();
    expect(lostCount()).toBe(0);
  });
});
