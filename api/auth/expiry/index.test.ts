import { afterEach, describe, expect, it } from 'vitest';
import { addStaffUser, STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import { FLOW_TTL_MS } from '../oidc/index.ts';
import { SIGN_IN_WINDOW_MS, signInWindowStart } from '../sign-in-limit/index.ts';
import { expireStaffState } from './index.ts';

const NOW = Date.parse('2026-11-24T12:07:00.000Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe.each(STORE_KINDS)('expireStaffState on %s', (kind) => {
  it('should delete idle and too old sessions, abandoned OIDC flows and past counters, and nothing else', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const { store } = ctx;
    const user = await addStaffUser(store, { email: 'anna@malmo.se', role: 'admin' });
    const session = (idHash: string, createdAt: number, lastSeenAt: number) =>
      store.createStaffSession({
        idHash,
        userId: user.id,
        csrfToken: `csrf-${idHash}`,
        method: 'password',
        createdAt: iso(createdAt),
        lastSeenAt: iso(lastSeenAt),
      });
    await session('fresh', NOW - 60 * MINUTE, NOW - 5 * MINUTE);
    await session('idle', NOW - 60 * MINUTE, NOW - 31 * MINUTE);
    await session('old', NOW - 11 * 60 * MINUTE, NOW - 1 * MINUTE);
    const flow = (state: string, createdAt: number) =>
      store.saveOidcFlow({
        state,
        nonce: 'n',
        codeVerifier: 'v',
        returnTo: '/personal',
        createdAt: iso(createdAt),
      });
    await flow('recent', NOW - 2 * MINUTE);
    await flow('abandoned', NOW - FLOW_TTL_MS - MINUTE);
    const current = signInWindowStart(NOW);
    await store.addSignInAttempts(current, new Map([['now', 1]]));
    await store.addSignInAttempts(iso(Date.parse(current) - SIGN_IN_WINDOW_MS), new Map([['past', 1]]));

    const result = await expireStaffState(store, { sessionIdleMinutes: 30, sessionMaxHours: 10 }, NOW);
    expect(result).toEqual({ sessions: 2, flows: 1, signInCounters: 1 });
    expect(await store.getStaffSession('fresh')).toBeDefined();
    expect(await store.getStaffSession('idle')).toBeUndefined();
    expect(await store.getStaffSession('old')).toBeUndefined();
    expect(await store.takeOidcFlow('abandoned')).toBeUndefined();
    expect(await store.takeOidcFlow('recent')).toBeDefined();
    // The current window's counter lives on: adding to it counts from 1.
    expect((await store.addSignInAttempts(current, new Map([['now', 1]]))).get('now')).toBe(2);
  });
});
