import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { memoryLogger } from '../logging/index.ts';
import { withFaultTracking } from '../store/faults.ts';
import type { Store } from '../store/index.ts';
import { commentItem, malmoBoundaries, type TestStore, testStore } from '../test/index.ts';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

/**
 * The app over a real seeded store whose writes fail with `failure` while it is set (as the
 * driver would throw it), and whose write probe fails while `probeFails` is true.
 */
async function faultyApp() {
  ctx = await testStore();
  const real = ctx.store;
  const state: { failure: Error | undefined; probeFails: boolean } = {
    failure: undefined,
    probeFails: false,
  };
  const store: Store = withFaultTracking({
    ...real,
    saveSubmissions: (batch) => (state.failure ? Promise.reject(state.failure) : real.saveSubmissions(batch)),
    probeWrite: () =>
      state.probeFails ? Promise.reject(coded('SQLITE_FULL', 'database or disk is full')) : real.probeWrite(),
  });
  const { logger, lines } = memoryLogger();
  const app = createApp({
    store,
    config: { staticDir: '/nonexistent', controllerName: 'x', dpoContact: 'x' },
    boundaries: malmoBoundaries,
    logger,
  });
  const post = () =>
    app.request('/api/submissions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ submissions: [commentItem()] }),
    });
  const logged = () =>
    lines().map((l) => JSON.parse(l) as { level: number; msg: string; [k: string]: unknown });
  return { app, state, post, logged };
}

describe('a request that meets a store fault', () => {
  it('should answer 503 problem+json with Retry-After when the disk is full, and log the cause once', async () => {
    const { state, post, logged } = await faultyApp();
    state.failure = coded('SQLITE_FULL', 'database or disk is full');
    const first = await post();
    expect(first.status).toBe(503);
    expect(first.headers.get('Content-Type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(first.headers.get('Retry-After')).toBe('60');
    expect(await first.json()).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: expect.stringMatching(/disk is full/),
    });
    expect((await post()).status).toBe(503);

    const faults = logged().filter((l) => l.fault === 'disk-full');
    // One line for both requests (a full disk under load must not flood the log), naming SQLite's code.
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({
      code: 'SQLITE_FULL',
      msg: expect.stringMatching(/disk is full.*SQLITE_FULL/),
    });
    expect(logged().filter((l) => l.msg === 'request failed')).toEqual([]);
  });

  it('should answer 503 with a short Retry-After when the database is away', async () => {
    const { state, post } = await faultyApp();
    state.failure = new Error('Connection terminated unexpectedly');
    const res = await post();
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('5');
    expect(((await res.json()) as { detail: string }).detail).toMatch(/cannot be reached/);
  });

  it('should still answer 500 to a bug', async () => {
    const { state, post } = await faultyApp();
    state.failure = new TypeError('x is undefined');
    const res = await post();
    expect(res.status).toBe(500);
    expect(res.headers.get('Retry-After')).toBeNull();
  });
});

describe('GET /readyz after a write failed for lack of space', () => {
  it('should be 503 while the write probe fails, and 200 again once it succeeds', async () => {
    const { app, state, post } = await faultyApp();
    expect((await app.request('/readyz')).status).toBe(200);
    state.failure = coded('SQLITE_FULL', 'database or disk is full');
    state.probeFails = true;
    expect((await post()).status).toBe(503);

    // Reads still work on a full disk: a ping alone would say ready.
    const full = await app.request('/readyz');
    expect(full.status).toBe(503);
    expect(full.headers.get('Retry-After')).toBe('60');
    expect(((await full.json()) as { detail: string }).detail).toMatch(/disk is full/);

    state.probeFails = false;
    state.failure = undefined;
    expect((await app.request('/readyz')).status).toBe(200);
    expect((await post()).status).toBe(200);
  });
});
