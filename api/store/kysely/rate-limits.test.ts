import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';

// The participant rate limits are tested with their limiter (api/rate-limit); these are the
// staff sign-in counters, the same code over another table.

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe.each(STORE_KINDS)('sign-in attempt counters in the %s store', (kind) => {
  it('should add up attempts from two instances, apart from the participant rate limits', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const other = ctx.reopen();
    const w = '2026-11-20T10:00:00.000Z';
    expect(await ctx.store.addSignInAttempts(w, new Map([['acct:a', 1]]))).toEqual(new Map([['acct:a', 1]]));
    expect(
      await other.addSignInAttempts(
        w,
        new Map([
          ['acct:a', 2],
          ['ip:x', 1],
        ]),
      ),
    ).toEqual(
      new Map([
        ['acct:a', 3],
        ['ip:x', 1],
      ]),
    );
    expect(await ctx.store.addSignInAttempts(w, new Map())).toEqual(new Map());
    // The same key in the participant limiter's table is another counter.
    expect(await ctx.store.addRateLimitHits(w, new Map([['acct:a', 1]]))).toEqual(new Map([['acct:a', 1]]));
    // A later window starts again.
    const later = '2026-11-20T10:15:00.000Z';
    expect(await other.addSignInAttempts(later, new Map([['acct:a', 1]]))).toEqual(new Map([['acct:a', 1]]));
  });

  it('should expire sign-in windows that started before a time, and leave the rate limits alone', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const [w1, w2] = ['2026-11-20T10:00:00.000Z', '2026-11-20T10:15:00.000Z'];
    await ctx.store.addSignInAttempts(
      w1,
      new Map([
        ['a', 1],
        ['b', 1],
      ]),
    );
    await ctx.store.addSignInAttempts(w2, new Map([['a', 1]]));
    await ctx.store.addRateLimitHits(w1, new Map([['a', 1]]));
    expect(await ctx.store.expireSignInAttempts(w2)).toBe(2);
    expect(await ctx.store.addSignInAttempts(w2, new Map([['a', 1]]))).toEqual(new Map([['a', 2]]));
    expect(await ctx.store.expireRateLimits(w2)).toBe(1);
  });
});
