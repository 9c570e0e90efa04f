import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaffUser,
  type Signed,
  signIn,
  STORE_KINDS,
  staffHeaders,
  TEST_PASSWORD,
  type TestApp,
  testApp,
} from '../../test/index.ts';

describe.each(STORE_KINDS)('/api/staff/users on %s', (kind) => {
  let t: TestApp;
  let admin: Signed;
  beforeAll(async () => {
    t = await testApp({ kind, exampleContent: false });
    await addStaffUser(t.store, { email: 'admin@malmo.se', role: 'admin', name: 'Ada Admin' });
    admin = await signIn(t.app, 'admin@malmo.se');
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (method: 'POST' | 'PATCH', path: string, body: unknown, who = admin) =>
    t.app.request(path, {
      method,
      headers: staffHeaders(who, { 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });

  it('should create a local account an admin gives a password, which can then sign in', async () => {
    const res = await send('POST', '/api/staff/users', {
      email: 'Mona.Moderator@Malmo.se',
      name: 'Mona',
      role: 'moderator',
      password: 'gul-cykel-under-bron-i-regn',
    });
    expect(res.status).toBe(201);
    const user = (await res.json()) as Record<string, unknown>;
    expect(user).toEqual({
      id: expect.any(String),
      email: 'mona.moderator@malmo.se',
      name: 'Mona',
      role: 'moderator',
      active: true,
      hasPassword: true,
      oidcLinked: false,
      createdAt: expect.any(String),
      lastLoginAt: null,
      namnder: [],
      inputWithoutInsats: false,
    });
    expect(res.headers.get('Location')).toBe(`/api/staff/users/${user.id}`);
    const mona = await signIn(t.app, 'mona.moderator@malmo.se', 'gul-cykel-under-bron-i-regn');
    expect(mona.me.role).toBe('moderator');
    const [row] = await t.store.listAudit({ action: 'user.create', targetId: user.id as string, limit: 1 });
    expect(row).toMatchObject({
      actorLabel: 'admin@malmo.se',
      after: { email: 'mona.moderator@malmo.se', role: 'moderator' },
    });
    expect(JSON.stringify(row)).not.toMatch(/scrypt|gul-cykel/);
  });

  it('should create an invitation without a password (identity provider only)', async () => {
    const res = await send('POST', '/api/staff/users', { email: 'inbjuden@malmo.se', role: 'analyst' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ hasPassword: false, name: '', role: 'analyst' });
  });

  it('should refuse a weak password with a field error on it, and create nothing', async () => {
    const res = await send('POST', '/api/staff/users', {
      email: 'svag@malmo.se',
      role: 'analyst',
      password: 'password1234',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors).toEqual([{ path: 'password', message: expect.stringMatching(/common passwords/) }]);
    expect(await t.store.findStaffUserByEmail('svag@malmo.se')).toBeUndefined();
  });

  it('should answer 409 for an e-mail address in use, however it is typed', async () => {
    const res = await send('POST', '/api/staff/users', { email: ' ADMIN@malmo.se', role: 'analyst' });
    expect(res.status).toBe(409);
  });

  it('should list accounts without any password hash', async () => {
    const res = await t.app.request('/api/staff/users', { headers: { Cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/scrypt|passwordHash/);
    const { users } = JSON.parse(text) as { users: { email: string }[] };
    expect(users.map((u) => u.email)).toContain('admin@malmo.se');
  });

  it('should change role and name, audited with before and after', async () => {
    const user = await addStaffUser(t.store, { email: 'byter@malmo.se', role: 'analyst' });
    const res = await send('PATCH', `/api/staff/users/${user.id}`, { role: 'moderator', name: 'Byter' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: 'moderator', name: 'Byter' });
    const [row] = await t.store.listAudit({ action: 'user.update', targetId: user.id, limit: 1 });
    expect(row).toMatchObject({
      actorLabel: 'admin@malmo.se',
      before: { role: 'analyst', name: 'byter' },
      after: { role: 'moderator', name: 'Byter' },
    });
  });

  it("should set a new password, ending that user's sessions, never auditing the hash", async () => {
    const user = await addStaffUser(t.store, { email: 'glomsk@malmo.se', role: 'analyst' });
    const old = await signIn(t.app, 'glomsk@malmo.se');
    const weak = await send('PATCH', `/api/staff/users/${user.id}`, { password: 'glomsk-2026-abc' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('password');
    const res = await send('PATCH', `/api/staff/users/${user.id}`, {
      password: 'nytt-lösen-för-en-gammal-katt',
    });
    expect(res.status).toBe(200);
    expect((await t.app.request('/api/auth/me', { headers: { Cookie: old.cookie } })).status).toBe(401);
    await signIn(t.app, 'glomsk@malmo.se', 'nytt-lösen-för-en-gammal-katt');
    const rows = await t.store.listAudit({ targetId: user.id, action: 'user.update', limit: 5 });
    expect(rows[0]?.after).toEqual({ passwordChanged: true });
    expect(JSON.stringify(rows)).not.toMatch(/scrypt|nytt-lösen/);
  });

  it('should refuse to demote or deactivate the last active admin with 409', async () => {
    const self = admin.me.id;
    for (const body of [{ role: 'moderator' }, { active: false }, { role: null }]) {
      const res = await send('PATCH', `/api/staff/users/${self}`, body);
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/last active admin/);
    }
    expect((await t.store.getStaffUser(self))?.role).toBe('admin');
  });

  it('should answer 404 for an unknown account and 400 for an empty change', async () => {
    expect(
      (await send('PATCH', '/api/staff/users/00000000-0000-0000-0000-000000000000', { name: 'X' })).status,
    ).toBe(404);
    expect((await send('PATCH', `/api/staff/users/${admin.me.id}`, {})).status).toBe(400);
    expect((await send('PATCH', `/api/staff/users/${admin.me.id}`, { role: 'owner' })).status).toBe(400);
  });

  it('should let a moderator do none of it', async () => {
    await addStaffUser(t.store, { email: 'mod@malmo.se', role: 'moderator' });
    const mod = await signIn(t.app, 'mod@malmo.se', TEST_PASSWORD);
    expect((await t.app.request('/api/staff/users', { headers: { Cookie: mod.cookie } })).status).toBe(403);
    expect((await send('POST', '/api/staff/users', { email: 'x@malmo.se', role: 'admin' }, mod)).status).toBe(
      403,
    );
    expect((await send('PATCH', `/api/staff/users/${mod.me.id}`, { role: 'admin' }, mod)).status).toBe(403);
    expect((await t.store.getStaffUser(mod.me.id))?.role).toBe('moderator');
  });

  it('should give an account nämnder and input without an insats, audited with before and after', async () => {
    const user = await addStaffUser(t.store, { email: 'fritid@malmo.se', role: 'moderator' });
    const res = await send('PATCH', `/api/staff/users/${user.id}`, {
      namnder: ['kulturnamnden', 'fritidsnamnden', 'fritidsnamnden'],
      inputWithoutInsats: true,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      namnder: ['fritidsnamnden', 'kulturnamnden'],
      inputWithoutInsats: true,
    });
    expect(await t.store.getStaffUser(user.id)).toMatchObject({
      namnder: ['fritidsnamnden', 'kulturnamnden'],
      inputWithoutInsats: true,
    });
    const listed = (await (
      await t.app.request('/api/staff/users', { headers: { Cookie: admin.cookie } })
    ).json()) as { users: { id: string; namnder: string[] }[] };
    expect(listed.users.find((u) => u.id === user.id)?.namnder).toEqual(['fritidsnamnden', 'kulturnamnden']);
    const [row] = await t.store.listAudit({ action: 'user.update', targetId: user.id, limit: 1 });
    expect(row).toMatchObject({
      before: { namnder: [], inputWithoutInsats: false },
      after: { namnder: ['fritidsnamnden', 'kulturnamnden'], inputWithoutInsats: true },
    });
    // Back to none: sees everything again.
    const cleared = await send('PATCH', `/api/staff/users/${user.id}`, { namnder: [] });
    expect(await cleared.json()).toMatchObject({ namnder: [] });
    expect((await t.store.getStaffUser(user.id))?.namnder).toEqual([]);
  });

  it('should refuse a nämnd that does not exist with a field error, and change nothing', async () => {
    const user = await addStaffUser(t.store, { email: 'okand@malmo.se', role: 'analyst' });
    const res = await send('PATCH', `/api/staff/users/${user.id}`, { namnder: ['fritidsnamnden', 'ingen'] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      errors: [{ path: 'namnder', message: 'ingen is not a nämnd' }],
    });
    expect((await t.store.getStaffUser(user.id))?.namnder).toEqual([]);
    const created = await send('POST', '/api/staff/users', {
      email: 'ny.fritid@malmo.se',
      role: 'analyst',
      namnder: ['fritidsnamnden'],
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ namnder: ['fritidsnamnden'], inputWithoutInsats: false });
  });
});
