/**
 * The sign-in limit, through two app instances on one database (as behind a load balancer):
 * attempts on either count against the same account and address.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import type { StaffConfig } from '../../config/index.ts';
import {
  addStaffUser,
  malmoBoundaries,
  STORE_KINDS,
  TEST_PASSWORD,
  type TestStore,
  testStore,
} from '../../test/index.ts';
import { SIGN_IN_WINDOW_MS, signInWindowStart } from './index.ts';

/** 10:03 in a window that started 10:00: the next one starts in 12 minutes. */
const START = Date.parse('2026-11-24T10:03:00.000Z');

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

/** Two apps, each with its own store connection to the same database, and one clock. */
async function twoInstances(kind: (typeof STORE_KINDS)[number], signInLimit: StaffConfig['signInLimit']) {
  ctx = await testStore({ kind, exampleContent: false });
  const clock = { now: START };
  const make = (store: TestStore['store']) =>
    createApp({
      store,
      config: {
        staticDir: '/nonexistent',
        controllerName: 'x',
        dpoContact: 'x',
        trustProxy: 1,
        staff: { signInLimit },
      },
      boundaries: malmoBoundaries,
      now: () => clock.now,
    });
  const apps = [make(ctx.store), make(ctx.reopen())] as const;
  const login = (i: 0 | 1, email: string, password: string, address = '198.51.100.7') =>
    apps[i].request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
      body: JSON.stringify({ email, password }),
    });
  return { ctx, clock, login };
}

const LIMITS = { perAccountAndAddress: 10, perAccount: 50, perAddress: 100 };

describe.each(STORE_KINDS)('the sign-in limit across two instances on %s', (kind) => {
  it('should refuse the 11th attempt on one account from one address, on any instance, with a clear 429', async () => {
    const { ctx, clock, login } = await twoInstances(kind, LIMITS);
    await addStaffUser(ctx.store, { email: 'anna@malmo.se', role: 'admin' });
    for (let i = 0; i < 10; i++) {
      const res = await login((i % 2) as 0 | 1, 'Anna@Malmo.se', 'wrong-password-guess');
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    // The right password no longer helps from there: the limit is on attempts, not on failures.
    const refused = await login(1, 'anna@malmo.se', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('720');
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      'Too many sign-in attempts for this account. Wait 12 minutes and try again.',
    );
    // The same account from another address is not locked out, nor is another account here.
    expect((await login(0, 'anna@malmo.se', TEST_PASSWORD, '192.0.2.55')).status).toBe(200);
    await addStaffUser(ctx.store, { email: 'bo@malmo.se', role: 'analyst' });
    expect((await login(0, 'bo@malmo.se', TEST_PASSWORD)).status).toBe(200);
    // The next window starts afresh.
    clock.now = Date.parse(signInWindowStart(START)) + SIGN_IN_WINDOW_MS;
    expect((await login(0, 'anna@malmo.se', TEST_PASSWORD)).status).toBe(200);
  });

  it('should not let guesses from many addresses lock a moderator out of a network they signed in from', async () => {
    const { ctx, clock, login } = await twoInstances(kind, { ...LIMITS, perAccount: 8 });
    await addStaffUser(ctx.store, { email: 'mod@malmo.se', role: 'moderator' });
    // Yesterday the moderator signed in from the office.
    clock.now = START - 24 * 3_600_000;
    expect((await login(0, 'mod@malmo.se', TEST_PASSWORD, '198.51.100.20')).status).toBe(200);
    // Today a botnet guesses from many addresses, each under the per-address limits.
    clock.now = START;
    for (let i = 0; i < 10; i++) {
      const res = await login((i % 2) as 0 | 1, 'mod@malmo.se', 'botnet-guess-xyz', `203.0.113.${i}`);
      expect(res.status, `guess ${i + 1}`).toBe(i < 8 ? 401 : 429);
    }
    // Guessing is bounded: a new address is refused for this account for the rest of the window…
    const stranger = await login(1, 'mod@malmo.se', 'botnet-guess-xyz', '203.0.113.200');
    expect(stranger.status).toBe(429);
    expect(((await stranger.json()) as { detail: string }).detail).toMatch(
      /^Too many sign-in attempts for this account from networks it has not signed in from\. Sign in from a network you have used before, or wait 12 minutes and try again\.$/,
    );
    // …but the moderator at the office signs in as usual.
    expect((await login(0, 'mod@malmo.se', TEST_PASSWORD, '198.51.100.20')).status).toBe(200);
  }, 60_000);

  it('should forget a network after 30 days', async () => {
    const { ctx, clock, login } = await twoInstances(kind, { ...LIMITS, perAccount: 3 });
    await addStaffUser(ctx.store, { email: 'mod@malmo.se', role: 'moderator' });
    clock.now = START - 31 * 24 * 3_600_000;
    expect((await login(0, 'mod@malmo.se', TEST_PASSWORD, '198.51.100.20')).status).toBe(200);
    clock.now = START;
    for (let i = 0; i < 3; i++) await login(0, 'mod@malmo.se', 'guess-xyz-guess', `203.0.113.${i}`);
    expect((await login(0, 'mod@malmo.se', TEST_PASSWORD, '198.51.100.20')).status).toBe(429);
  });

  it('should answer an unknown account exactly as a known one when over the limit', async () => {
    const { ctx, login } = await twoInstances(kind, {
      perAccountAndAddress: 3,
      perAccount: null,
      perAddress: null,
    });
    await addStaffUser(ctx.store, { email: 'anna@malmo.se', role: 'admin' });
    const answers: string[] = [];
    for (const email of ['anna@malmo.se', 'nobody@malmo.se']) {
      for (let i = 0; i < 3; i++)
        expect((await login((i % 2) as 0 | 1, email, 'wrong-guess-xyz')).status).toBe(401);
      const res = await login(0, email, 'wrong-guess-xyz');
      expect(res.status).toBe(429);
      answers.push(JSON.stringify(await res.json()));
    }
    expect(answers[0]).toBe(answers[1]);
  });

  it('should count attempts from one address across accounts and instances', async () => {
    const { login } = await twoInstances(kind, {
      perAccountAndAddress: null,
      perAccount: null,
      perAddress: 5,
    });
    for (let i = 0; i < 5; i++) {
      expect((await login((i % 2) as 0 | 1, `person${i}@malmo.se`, 'wrong-guess-xyz')).status).toBe(401);
    }
    const res = await login(1, 'someone-else@malmo.se', 'wrong-guess-xyz');
    expect(res.status).toBe(429);
    expect(((await res.json()) as { detail: string }).detail).toBe(
      'Too many sign-in attempts from this network. Wait 12 minutes and try again.',
    );
    // Another address is not affected.
    expect((await login(0, 'someone-else@malmo.se', 'wrong-guess-xyz', '192.0.2.1')).status).toBe(401);
  });
});
