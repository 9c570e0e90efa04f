/**
 * Staff sessions through the whole app: idle and absolute expiry, sign-out revokes, sign-in
 * rotates the id, CSRF refusal, the cookie's attributes, and nothing secret in any log line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../logging/index.ts';
import {
  addStaffUser,
  STORE_KINDS,
  sessionCookieOf,
  signIn,
  staffHeaders,
  TEST_PASSWORD,
  type TestApp,
  type TestAppOptions,
  testApp,
} from '../../test/index.ts';
import { hashToken } from './index.ts';

const START = Date.parse('2026-11-24T08:00:00.000Z');
const MINUTE = 60_000;

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** An app with a clock the test moves, and an admin account. */
async function setUp(options: TestAppOptions = {}) {
  const clock = { now: START };
  t = await testApp({ exampleContent: false, now: () => clock.now, ...options });
  const admin = await addStaffUser(t.store, { email: 'admin@malmo.se', role: 'admin' });
  return { t, clock, admin };
}

const me = (app: TestApp, cookie: string) => app.app.request('/api/auth/me', { headers: { Cookie: cookie } });

describe.each(STORE_KINDS)('staff sessions on %s', (kind) => {
  it('should refuse a session idle longer than the limit, and keep one that is used', async () => {
    const { t, clock } = await setUp({ kind, config: { staff: { sessionIdleMinutes: 30 } } });
    const signed = await signIn(t.app, 'admin@malmo.se');
    clock.now += 29 * MINUTE;
    expect((await me(t, signed.cookie)).status).toBe(200);
    // 29 minutes after the last request, not after sign-in: still alive.
    clock.now += 29 * MINUTE;
    expect((await me(t, signed.cookie)).status).toBe(200);
    clock.now += 30 * MINUTE;
    const idle = await me(t, signed.cookie);
    expect(idle.status).toBe(401);
    expect(idle.headers.get('Set-Cookie')).toMatch(/^kraftsamla_staff=;.*Max-Age=0/);
    // Deleted, not just refused: going back in time does not bring it back.
    expect(await t.store.getStaffSession(hashToken(signed.token))).toBeUndefined();
    clock.now = START;
    expect((await me(t, signed.cookie)).status).toBe(401);
  });

  it('should end a session at the absolute limit however active it is', async () => {
    const { t, clock } = await setUp({
      kind,
      config: { staff: { sessionIdleMinutes: 30, sessionMaxHours: 2 } },
    });
    const signed = await signIn(t.app, 'admin@malmo.se');
    expect(signed.me.expiresAt).toBe(new Date(START + 2 * 60 * MINUTE).toISOString());
    expect(signed.me.idleMinutes).toBe(30);
    for (let minutes = 20; minutes < 120; minutes += 20) {
      clock.now = START + minutes * MINUTE;
      expect((await me(t, signed.cookie)).status, `after ${minutes} minutes`).toBe(200);
    }
    clock.now = START + 120 * MINUTE;
    expect((await me(t, signed.cookie)).status).toBe(401);
  });

  it('should revoke the session on sign-out: the old cookie is refused afterwards', async () => {
    const { t } = await setUp({ kind });
    const signed = await signIn(t.app, 'admin@malmo.se');
    const out = await t.app.request('/api/auth/logout', { method: 'POST', headers: staffHeaders(signed) });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/^kraftsamla_staff=;.*Max-Age=0/);
    expect((await me(t, signed.cookie)).status).toBe(401);
    expect(await t.store.getStaffSession(hashToken(signed.token))).toBeUndefined();
    const again = await t.app.request('/api/auth/logout', { method: 'POST', headers: staffHeaders(signed) });
    expect(again.status).toBe(401);
  });

  it('should give a new session id on sign-in and end the one the browser had', async () => {
    const { t } = await setUp({ kind });
    const first = await signIn(t.app, 'admin@malmo.se');
    const second = await signIn(t.app, 'admin@malmo.se', TEST_PASSWORD, { Cookie: first.cookie });
    expect(second.token).not.toBe(first.token);
    expect(second.csrf).not.toBe(first.csrf);
    expect((await me(t, first.cookie)).status).toBe(401);
    expect((await me(t, second.cookie)).status).toBe(200);
  });

  it('should refuse state-changing requests without the right X-CSRF-Token or from another origin', async () => {
    const { t, admin } = await setUp({ kind });
    const signed = await signIn(t.app, 'admin@malmo.se');
    const other = await addStaffUser(t.store, { email: 'analyst@malmo.se', role: 'analyst' });
    const patch = (headers: Record<string, string>) =>
      t.app.request(`/api/staff/users/${other.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Cookie: signed.cookie, ...headers },
        body: JSON.stringify({ name: 'Changed' }),
      });
    for (const headers of [
      {} as Record<string, string>,
      { 'X-CSRF-Token': 'not-the-token' },
      { 'X-CSRF-Token': `${signed.csrf}x` },
      { 'X-CSRF-Token': signed.csrf, Origin: 'https://evil.example' },
      { 'X-CSRF-Token': signed.csrf, Origin: 'null' },
    ]) {
      const res = await patch(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/CSRF/);
    }
    expect((await t.store.getStaffUser(other.id))?.name).toBe('analyst');
    // The same request from this site, with the token, goes through.
    const ok = await patch({ 'X-CSRF-Token': signed.csrf, Origin: 'http://localhost' });
    expect(ok.status).toBe(200);
    expect((await t.store.getStaffUser(other.id))?.name).toBe('Changed');

    // Sign-out is state-changing too: refused without the token, and the session lives on.
    const out = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: signed.cookie },
    });
    expect(out.status).toBe(403);
    expect((await me(t, signed.cookie)).status).toBe(200);
    const crossOut = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: staffHeaders(signed, { Origin: 'https://evil.example' }),
    });
    expect(crossOut.status).toBe(403);
    expect((await me(t, signed.cookie)).status).toBe(200);
    expect(admin.id).toBe(signed.me.id);
  });

  it('should refuse a sign-in posted from another site', async () => {
    const { t } = await setUp({ kind });
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'admin@malmo.se', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(403);
    expect(sessionCookieOf(res)).toBeUndefined();
  });

  it('should end the sessions of a deactivated account at once', async () => {
    const { t } = await setUp({ kind });
    const admin = await signIn(t.app, 'admin@malmo.se');
    const moderator = await addStaffUser(t.store, { email: 'moderator@malmo.se', role: 'moderator' });
    const modSigned = await signIn(t.app, 'moderator@malmo.se');
    const res = await t.app.request(`/api/staff/users/${moderator.id}`, {
      method: 'PATCH',
      headers: staffHeaders(admin, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ active: false }),
    });
    expect(res.status).toBe(200);
    expect((await me(t, modSigned.cookie)).status).toBe(401);
    const again = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'moderator@malmo.se', password: TEST_PASSWORD }),
    });
    expect(again.status).toBe(401);
  });
});

describe('the session cookie', () => {
  it('should be __Host- prefixed and Secure when PUBLIC_URL is https, HttpOnly and SameSite=Strict', async () => {
    const { t } = await setUp({ config: { staff: { publicUrl: 'https://delta.malmo.se' } } });
    const res = await t.app.request('https://delta.malmo.se/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://delta.malmo.se' },
      body: JSON.stringify({ email: 'admin@malmo.se', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/^__Host-kraftsamla_staff=[A-Za-z0-9_-]{43};/);
    for (const attribute of ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Strict', 'Max-Age=36000']) {
      expect(cookie.split('; ')).toContain(attribute);
    }
    expect(cookie).not.toMatch(/Domain=/i);
    // The __Host- cookie is the one read back.
    const pair = cookie.split(';')[0] as string;
    const who = await t.app.request('https://delta.malmo.se/api/auth/me', { headers: { Cookie: pair } });
    expect(who.status).toBe(200);
    const plain = await t.app.request('https://delta.malmo.se/api/auth/me', {
      headers: { Cookie: pair.replace('__Host-', '') },
    });
    expect(plain.status).toBe(401);
  });

  it('should be a plain HttpOnly, SameSite=Strict cookie without Secure on http (local use)', async () => {
    const { t } = await setUp();
    const res = await t.post('/api/auth/login', { email: 'admin@malmo.se', password: TEST_PASSWORD });
    const cookie = res.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/^kraftsamla_staff=[A-Za-z0-9_-]{43};/);
    expect(cookie.split('; ')).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict']));
    expect(cookie).not.toMatch(/Secure/);
  });

  it('should store only a hash of the token: the cookie value is not in the database', async () => {
    const { t } = await setUp();
    const signed = await signIn(t.app, 'admin@malmo.se');
    expect(await t.store.getStaffSession(signed.token)).toBeUndefined();
    expect(await t.store.getStaffSession(hashToken(signed.token))).toBeDefined();
    const rows = await t.query<Record<string, unknown>>('SELECT * FROM staff_sessions');
    expect(JSON.stringify(rows)).not.toContain(signed.token);
  });
});

describe('logs of staff sign-in', () => {
  it('should hold no password, session token, CSRF token or cookie in any line, at level trace', async () => {
    const log = memoryLogger('trace');
    const { t } = await setUp({ logger: log.logger });
    const signed = await signIn(t.app, 'admin@malmo.se');
    await me(t, signed.cookie);
    // A refused CSRF, a wrong password, an unknown account, then sign-out.
    await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: signed.cookie, 'X-CSRF-Token': 'wrong-token-value' },
    });
    await t.post('/api/auth/login', { email: 'admin@malmo.se', password: 'not-the-password-at-all' });
    await t.post('/api/auth/login', { email: 'nobody@malmo.se', password: 'not-the-password-at-all' });
    const out = await t.app.request('/api/auth/logout', { method: 'POST', headers: staffHeaders(signed) });
    expect(out.status).toBe(204);

    const lines = log.lines();
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const secret of [
      TEST_PASSWORD,
      'not-the-password-at-all',
      'wrong-token-value',
      signed.token,
      signed.csrf,
      signed.cookie,
      hashToken(signed.token),
    ]) {
      expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    }
    for (const line of lines) expect(line).not.toMatch(/kraftsamla_staff|nobody@malmo\.se/);
  });
});
