import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT } from '../../auth/passwords/index.ts';
import {
  addStaffUser,
  sessionCookieOf,
  signIn,
  staffHeaders,
  TEST_PASSWORD,
  type TestApp,
  type TestAppOptions,
  testApp,
} from '../../test/index.ts';

const NOW = Date.parse('2026-11-24T09:00:00.000Z');

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function app(options: TestAppOptions = {}): Promise<TestApp> {
  t = await testApp({ exampleContent: false, now: () => NOW, ...options });
  return t;
}

const login = (a: TestApp, email: string, password: string) => a.post('/api/auth/login', { email, password });

describe('POST /api/auth/login', () => {
  it('should sign in with the right password, answering who is signed in and the CSRF token', async () => {
    const a = await app();
    const user = await addStaffUser(a.store, { email: 'anna@malmo.se', role: 'moderator', name: 'Anna' });
    const res = await login(a, ' Anna@Malmo.SE ', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      id: user.id,
      email: 'anna@malmo.se',
      name: 'Anna',
      role: 'moderator',
      method: 'password',
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: '2026-11-24T19:00:00.000Z',
      idleMinutes: 30,
    });
    expect(sessionCookieOf(res)).toBeDefined();
    expect((await a.store.getStaffUser(user.id))?.lastLoginAt).toBe('2026-11-24T09:00:00.000Z');
    const [row] = await a.store.listAudit({ action: 'session.login', limit: 5 });
    expect(row).toMatchObject({ actorId: user.id, actorLabel: 'anna@malmo.se', targetId: user.id });
    expect(row?.requestId).toEqual(expect.any(String));
  });

  it('should answer the same 401 for an unknown account, a wrong password, no password and an inactive account', async () => {
    const a = await app();
    await addStaffUser(a.store, { email: 'anna@malmo.se', role: 'admin' });
    await addStaffUser(a.store, { email: 'oidc@malmo.se', role: 'admin', password: null });
    await addStaffUser(a.store, { email: 'gone@malmo.se', role: 'admin', active: false });
    const answers: unknown[] = [];
    for (const [email, password] of [
      ['nobody@malmo.se', TEST_PASSWORD],
      ['anna@malmo.se', 'wrong-password-here'],
      ['oidc@malmo.se', TEST_PASSWORD],
      ['gone@malmo.se', TEST_PASSWORD],
    ] as const) {
      const res = await login(a, email, password);
      expect(res.status, email).toBe(401);
      expect(sessionCookieOf(res), email).toBeUndefined();
      answers.push(await res.json());
    }
    for (const answer of answers) {
      expect(answer).toEqual({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: 'E-mail or password is wrong.',
      });
    }
  });

  it('should audit failed sign-ins of existing accounts, never the password', async () => {
    const a = await app();
    const anna = await addStaffUser(a.store, { email: 'anna@malmo.se', role: 'admin' });
    await login(a, 'anna@malmo.se', 'wrong-password-here');
    await login(a, 'nobody@malmo.se', 'wrong-password-here');
    const rows = await a.store.listAudit({ action: 'session.login_failed', limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: null,
      actorLabel: 'anonymous',
      targetType: 'staff_user',
      targetId: anna.id,
      after: { reason: 'wrong-password' },
    });
    const all = JSON.stringify(await a.store.listAudit({ limit: 100 }));
    expect(all).not.toContain('wrong-password-here');
    expect(all).not.toContain(TEST_PASSWORD);
  });

  it('should upgrade a hash made with older parameters at sign-in', async () => {
    const a = await app();
    const anna = await addStaffUser(a.store, { email: 'anna@malmo.se', role: 'admin' });
    expect(anna.passwordHash).toMatch(/^scrypt\$N=1024,/);
    await signIn(a.app, 'anna@malmo.se');
    const hash = (await a.store.getStaffUser(anna.id))?.passwordHash;
    expect(
      hash?.startsWith(`scrypt$N=${DEFAULT_SCRYPT.N},r=${DEFAULT_SCRYPT.r},p=${DEFAULT_SCRYPT.p}$`),
    ).toBe(true);
    // No audit row for it: the password did not change.
    expect(await a.store.listAudit({ action: 'user.update', limit: 5 })).toEqual([]);
    expect((await login(a, 'anna@malmo.se', TEST_PASSWORD)).status).toBe(200);
  });

  it('should refuse a malformed body or an over-long password with 400', async () => {
    const a = await app();
    const res = await a.post('/api/auth/login', { email: 'not-an-address', password: 'x' });
    expect(res.status).toBe(400);
    const big = await a.post('/api/auth/login', { email: 'a@malmo.se', password: 'x'.repeat(300) });
    expect(big.status).toBe(400);
  });
});

describe('POST /api/auth/logout and GET /api/auth/me', () => {
  it('should answer who is signed in, then sign out and audit both', async () => {
    const a = await app();
    const anna = await addStaffUser(a.store, { email: 'anna@malmo.se', role: null });
    const signed = await signIn(a.app, 'anna@malmo.se');
    const me = await a.app.request('/api/auth/me', { headers: { Cookie: signed.cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(signed.me);
    const out = await a.app.request('/api/auth/logout', { method: 'POST', headers: staffHeaders(signed) });
    expect(out.status).toBe(204);
    const actions = (await a.store.listAudit({ targetId: anna.id, limit: 10 })).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['session.login', 'session.logout']));
  });

  it('should answer 401 without a session', async () => {
    const a = await app();
    expect((await a.app.request('/api/auth/me')).status).toBe(401);
    expect(
      (await a.app.request('/api/auth/me', { headers: { Cookie: 'kraftsamla_staff=garbage' } })).status,
    ).toBe(401);
    expect((await a.app.request('/api/auth/logout', { method: 'POST' })).status).toBe(401);
  });
});

describe('GET /api/auth/methods', () => {
  it('should offer passwords, and the identity provider by name only when configured', async () => {
    const a = await app();
    expect(await (await a.app.request('/api/auth/methods')).json()).toEqual({ password: true, oidc: null });
    await a.close();
    const b = await app({
      config: {
        staff: {
          oidc: {
            issuer: 'https://login.malmo.se',
            clientId: 'kraftsamla',
            clientSecret: 'secret-value',
            name: 'Malmö stad',
            redirectUrl: null,
            allowHttp: false,
          },
        },
      },
    });
    const body = await (await b.app.request('/api/auth/methods')).text();
    expect(JSON.parse(body)).toEqual({ password: true, oidc: { name: 'Malmö stad' } });
    expect(body).not.toContain('secret-value');
  });
});
