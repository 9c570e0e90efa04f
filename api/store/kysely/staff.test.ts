import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { newReceipt } from '../../domain/ingest/index.ts';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import type { AuditRecord, StaffSessionRecord, StaffUserRecord, Store } from '../types.ts';

let ctx: TestStore | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const T0 = '2026-11-20T10:00:00.000Z';
const T1 = '2026-11-20T11:00:00.000Z';

function staffUser(over: Partial<StaffUserRecord> = {}): StaffUserRecord {
  const id = randomUUID();
  return {
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
}

function audit(action: string, targetId: string | null): AuditRecord {
  return {
    id: randomUUID(),
    at: T1,
    actorId: null,
    actorLabel: 'cli',
    action,
    targetType: 'user',
    targetId,
    before: null,
    after: null,
    requestId: 'req-1',
  };
}

/** Creates `user` with its `user.create` audit row, failing the test if it is not created. */
async function create(store: Store, over: Partial<StaffUserRecord> = {}): Promise<StaffUserRecord> {
  const user = staffUser(over);
  expect(await store.createStaffUser(user, audit('user.create', user.id))).toBe('created');
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

/** The update's audit row as the route passes it (the store fills in before and after). */
function updateAudit(targetId: string) {
  const { before: _b, after: _a, ...rest } = audit('user.update', targetId);
  return rest;
}

const auditRowsOf = (c: TestStore, targetId: string) =>
  c.query<{ action: string; before_json: string | null; after_json: string | null }>(
    'SELECT action, before_json, after_json FROM audit_log WHERE target_id = ? ORDER BY at, id',
    targetId,
  );

describe.each(STORE_KINDS)('staff accounts in the %s store', (kind) => {
  it('should store an account with its audit row and find it by id, e-mail and identity provider subject', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const user = await create(ctx.store, {
      role: null,
      passwordHash: 'scrypt$secret',
      oidcSubject: 'https://idp.malmo.se|abc',
    });
    expect(await ctx.store.getStaffUser(user.id)).toEqual(user);
    expect(await ctx.reopen().findStaffUserByEmail(user.email)).toEqual(user);
    expect(await ctx.store.findStaffUserByEmail(user.email.toUpperCase())).toEqual(user);
    expect(await ctx.store.findStaffUserByOidcSubject('https://idp.malmo.se|abc')).toEqual(user);
    expect(await ctx.store.findStaffUserByOidcSubject('https://idp.malmo.se|other')).toBeUndefined();
    expect(await ctx.store.getStaffUser('no-such-user')).toBeUndefined();
    expect((await auditRowsOf(ctx, user.id)).map((r) => r.action)).toEqual(['user.create']);
  });

  it('should refuse a second account with the same e-mail, however it is typed, and write no audit row', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const first = await create(ctx.store, { email: 'anna@malmo.se' });
    for (const email of ['anna@malmo.se', 'Anna@Malmo.SE']) {
      const second = staffUser({ email, role: 'admin' });
      expect(await ctx.reopen().createStaffUser(second, audit('user.create', second.id))).toBe('email-taken');
      expect(await ctx.store.getStaffUser(second.id)).toBeUndefined();
      expect(await auditRowsOf(ctx, second.id)).toEqual([]);
    }
    expect(await ctx.store.findStaffUserByEmail('anna@malmo.se')).toEqual(first);
  });

  it('should list every account by e-mail', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const b = await create(ctx.store, { email: 'b@malmo.se' });
    const a = await create(ctx.store, { email: 'a@malmo.se', active: false });
    const c = await create(ctx.store, { email: 'c@malmo.se', role: null });
    expect(await ctx.store.listStaffUsers()).toEqual([a, b, c]);
  });

  it('should change an account and audit only the changed fields, a new password as passwordChanged', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const user = await create(ctx.store, { passwordHash: 'scrypt$old-hash' });
    const result = await ctx.store.updateStaffUser(
      user.id,
      { name: 'Anna A', role: 'analyst', active: true, passwordHash: 'scrypt$new-hash', updatedAt: T1 },
      updateAudit(user.id),
    );
    const after = {
      ...user,
      name: 'Anna A',
      role: 'analyst',
      passwordHash: 'scrypt$new-hash',
      updatedAt: T1,
    };
    expect(result).toEqual({ status: 'updated', before: user, after });
    expect(await ctx.reopen().getStaffUser(user.id)).toEqual(after);

    const row = (await auditRowsOf(ctx, user.id)).find((r) => r.action === 'user.update');
    expect(JSON.parse(row?.before_json ?? 'null')).toEqual({ name: 'Anna Andersson', role: 'moderator' });
    expect(JSON.parse(row?.after_json ?? 'null')).toEqual({
      name: 'Anna A',
      role: 'analyst',
      passwordChanged: true,
    });
    expect(JSON.stringify(await ctx.query('SELECT * FROM audit_log'))).not.toMatch(/hash/);
  });

  it('should record a sign-in time without an audit row when none is given', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const user = await create(ctx.store);
    const result = await ctx.store.updateStaffUser(user.id, { lastLoginAt: T1, updatedAt: T1 }, null);
    expect(result).toMatchObject({ status: 'updated', after: { lastLoginAt: T1 } });
    expect((await ctx.store.getStaffUser(user.id))?.lastLoginAt).toBe(T1);
    expect((await auditRowsOf(ctx, user.id)).map((r) => r.action)).toEqual(['user.create']);
  });

  it('should write nothing for a change that changes nothing, and answer not-found for an unknown account', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const user = await create(ctx.store);
    const result = await ctx.store.updateStaffUser(
      user.id,
      { role: 'moderator', name: user.name, updatedAt: T1 },
      updateAudit(user.id),
    );
    expect(result).toEqual({ status: 'updated', before: user, after: user });
    expect(await ctx.store.getStaffUser(user.id)).toEqual(user);
    expect(await auditRowsOf(ctx, user.id)).toHaveLength(1);
    expect(
      await ctx.store.updateStaffUser('nobody', { role: 'admin', updatedAt: T1 }, updateAudit('nobody')),
    ).toEqual({ status: 'not-found' });
    expect(await auditRowsOf(ctx, 'nobody')).toEqual([]);
  });

  it('should refuse to demote or deactivate the last active admin, and change nothing', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const admin = await create(ctx.store, { role: 'admin' });
    // An inactive admin is no admin: it does not count.
    await create(ctx.store, { role: 'admin', active: false });
    for (const change of [{ role: 'moderator' as const }, { role: null }, { active: false }]) {
      expect(
        await ctx.store.updateStaffUser(admin.id, { ...change, updatedAt: T1 }, updateAudit(admin.id)),
      ).toEqual({
        status: 'last-admin',
      });
    }
    expect(await ctx.store.getStaffUser(admin.id)).toEqual(admin);
    expect(await auditRowsOf(ctx, admin.id)).toHaveLength(1);

    // With a second active admin the first may go; then the second is the last one.
    const second = await create(ctx.store, { role: 'moderator' });
    await ctx.store.updateStaffUser(second.id, { role: 'admin', updatedAt: T1 }, updateAudit(second.id));
    expect(
      await ctx.store.updateStaffUser(admin.id, { active: false, updatedAt: T1 }, updateAudit(admin.id)),
    ).toMatchObject({
      status: 'updated',
    });
    expect(
      await ctx.store.updateStaffUser(second.id, { role: 'analyst', updatedAt: T1 }, updateAudit(second.id)),
    ).toEqual({
      status: 'last-admin',
    });
    // Other changes of the last admin are fine.
    expect(
      await ctx.store.updateStaffUser(second.id, { name: 'Bo', updatedAt: T1 }, updateAudit(second.id)),
    ).toMatchObject({
      status: 'updated',
    });
  });

  it('should end every session of an account when it is deactivated, and no one else’s', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const user = await create(ctx.store);
    const other = await create(ctx.store);
    const mine = [session(user.id), session(user.id, { method: 'oidc' })];
    const theirs = session(other.id);
    for (const s of [...mine, theirs]) await ctx.store.createStaffSession(s);

    const result = await ctx.store.updateStaffUser(
      user.id,
      { active: false, updatedAt: T1 },
      updateAudit(user.id),
    );
    expect(result).toMatchObject({ status: 'updated', after: { active: false } });
    for (const s of mine) expect(await ctx.store.getStaffSession(s.idHash)).toBeUndefined();
    expect(await ctx.store.getStaffSession(theirs.idHash)).toMatchObject({ session: theirs });
    const row = (await auditRowsOf(ctx, user.id)).find((r) => r.action === 'user.update');
    expect(JSON.parse(row?.after_json ?? 'null')).toEqual({ active: false });
  });

  if (kind === 'postgres') {
    it('should keep one active admin when two admins are demoted at the same time on two instances', async () => {
      ctx = await testStore({ kind, exampleContent: false });
      const stores = [ctx.store, ctx.reopen()] as const;
      let survivor = await create(ctx.store, { role: 'admin' });
      for (let round = 0; round < 6; round++) {
        const fresh = await create(ctx.store, { role: 'admin' });
        const pair = [survivor, fresh];
        const results = await Promise.all(
          pair.map((u, i) =>
            stores[i % 2]?.updateStaffUser(
              u.id,
              round % 2 ? { active: false, updatedAt: T1 } : { role: 'moderator', updatedAt: T1 },
              updateAudit(u.id),
            ),
          ),
        );
        expect(results.map((r) => r?.status).sort()).toEqual(['last-admin', 'updated']);
        const admins = (await ctx.store.listStaffUsers()).filter((u) => u.role === 'admin' && u.active);
        expect(admins).toHaveLength(1);
        survivor = admins[0] as StaffUserRecord;
      }
    });
  }
});

describe.each(STORE_KINDS)('contact details for staff in the %s store', (kind) => {
  it('should read a submission’s contact details, null without any, undefined for no submission', async () => {
    ctx = await testStore({ kind, exampleContent: false });
    const base = {
      contentHash: 'h1',
      schemaVersion: 1,
      kind: 'comment' as const,
      insatsId: null,
      title: null,
      text: 'Hej',
      respondentGroup: 'resident' as const,
      ageBand: null,
      organisation: null,
      locale: 'sv',
      deviceId: 'device-123456',
      createdAt: T0,
      receivedAt: T0,
      moderationStatus: 'pending' as const,
      cell: null,
      pointConsentVersion: null,
      answers: [],
      tags: [],
    };
    const contact = { email: 'ung@example.se', phone: null, consentVersion: 'c1' };
    const [withContact, without] = [randomUUID(), randomUUID()];
    await ctx.store.saveSubmissions([
      { ...base, id: withContact, receipt: newReceipt(), contact },
      { ...base, id: without, receipt: newReceipt(), contact: null },
    ]);
    expect(await ctx.store.getSubmissionContact(withContact)).toEqual(contact);
    expect(await ctx.store.getSubmissionContact(without)).toBeNull();
    expect(await ctx.store.getSubmissionContact('no-such-submission')).toBeUndefined();
  });
});
