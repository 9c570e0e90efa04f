import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import type { StaffSessionRecord, StaffUserRecord, Store } from '../types.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const T0 = '2026-11-20T10:00:00.000Z';
const T1 = '2026-11-20T11:00:00.000Z';

/** A new account (the accounts themselves are tested in staff.test.ts). */
async function create(store: Store, over: Partial<StaffUserRecord> = {}): Promise<StaffUserRecord> {
  const id = randomUUID();
  const user: StaffUserRecord = {
    id,
    email: `${id}@malmo.se`,
    name: 'Anna Andersson',
    role: 'moderator',
    active: true,
    passwordHash: null,
    oidcSubject: null,
    createdAt: T0,
    updatedAt: T0,
    lastLoginAt: null,
    namnder: [],
    inputWithoutInsats: false,
    ...over,
  };
  const audit = {
    id: randomUUID(),
    at: T0,
    actorId: null,
    actorLabel: 'cli',
    action: 'user.create',
    targetType: 'user',
    targetId: id,
    before: null,
    after: null,
    requestId: null,
  };
  expect(await store.createStaffUser(user, audit)).toBe('created');
  return user;
}

function session(userId: string, over: Partial<StaffSessionRecord> = {}): StaffSessionRecord {
  return {
    idHash: randomUUID(),
    userId,
    csrfToken: randomUUID(),
    method: 'password',
    createdAt: T0,
    lastSeenAt: T0,
    ...over,
  };
}

describe.each(STORE_KINDS)('staff sessions in the %s store', (kind) => {
  it('should find a session with its user, move its last use forward only, and end it once', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const user = await create(ctx.store, { role: null, active: false });
    const s = session(user.id, { method: 'oidc' });
    await ctx.store.createStaffSession(s);
    expect(await ctx.reopen().getStaffSession(s.idHash)).toEqual({ session: s, user });
    expect(await ctx.store.getStaffSession('no-such-hash')).toBeUndefined();

    await ctx.store.touchStaffSession(s.idHash, T1);
    await ctx.store.touchStaffSession(s.idHash, T0); // a slower, older request
    expect((await ctx.store.getStaffSession(s.idHash))?.session.lastSeenAt).toBe(T1);

    expect(await ctx.store.deleteStaffSession(s.idHash)).toBe(true);
    expect(await ctx.store.deleteStaffSession(s.idHash)).toBe(false);
    expect(await ctx.store.getStaffSession(s.idHash)).toBeUndefined();
  });

  it('should end all sessions of one user', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const [a, b] = [await create(ctx.store), await create(ctx.store)];
    const kept = session(b.id);
    for (const s of [session(a.id), session(a.id), kept]) await ctx.store.createStaffSession(s);
    expect(await ctx.store.deleteStaffSessionsOf(a.id)).toBe(2);
    expect(await ctx.store.deleteStaffSessionsOf(a.id)).toBe(0);
    expect(await ctx.store.getStaffSession(kept.idHash)).toBeDefined();
  });

  it('should expire sessions too old or idle too long, and keep the others', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const user = await create(ctx.store);
    const old = session(user.id, { createdAt: '2026-11-19T09:00:00.000Z', lastSeenAt: T1 });
    const idle = session(user.id, { createdAt: T0, lastSeenAt: '2026-11-20T10:10:00.000Z' });
    const fresh = session(user.id, { createdAt: T0, lastSeenAt: T1 });
    for (const s of [old, idle, fresh]) await ctx.store.createStaffSession(s);
    const limits = { createdBefore: '2026-11-20T00:00:00.000Z', seenBefore: '2026-11-20T10:30:00.000Z' };
    expect(await ctx.store.expireStaffSessions(limits)).toBe(2);
    expect(await ctx.store.getStaffSession(old.idHash)).toBeUndefined();
    expect(await ctx.store.getStaffSession(idle.idHash)).toBeUndefined();
    expect(await ctx.store.getStaffSession(fresh.idHash)).toBeDefined();
  });

  it('should refuse a session for an account that does not exist', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    await expect(ctx.store.createStaffSession(session('no-such-user'))).rejects.toThrow();
  });
});

describe.each(STORE_KINDS)('OIDC sign-ins in progress in the %s store', (kind) => {
  const flow = (state: string, createdAt = T0) => ({
    state,
    nonce: `nonce-${state}`,
    codeVerifier: `verifier-${state}`,
    returnTo: '/staff/users',
    createdAt,
  });

  it('should hand a flow back once, even to two instances asking at the same time', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    await ctx.store.saveOidcFlow(flow('s1'));
    const taken = await Promise.all([ctx.store.takeOidcFlow('s1'), ctx.reopen().takeOidcFlow('s1')]);
    expect(taken.filter((f) => f !== undefined)).toEqual([flow('s1')]);
    expect(await ctx.store.takeOidcFlow('s1')).toBeUndefined();
    expect(await ctx.store.takeOidcFlow('never-saved')).toBeUndefined();
  });

  it('should expire abandoned flows only', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    await ctx.store.saveOidcFlow(flow('old', '2026-11-20T09:00:00.000Z'));
    await ctx.store.saveOidcFlow(flow('new', T1));
    expect(await ctx.store.expireOidcFlows(T0)).toBe(1);
    expect(await ctx.store.takeOidcFlow('old')).toBeUndefined();
    expect(await ctx.store.takeOidcFlow('new')).toEqual(flow('new', T1));
  });
});
