/**
 * OIDC sign-in through a real OpenID provider (api/test/oidc-provider.ts) into the real app:
 * the browser's part is played by fetch (the provider's forms) and app.request (the app), with
 * the app's session cookie carried by hand.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import type { OidcConfig } from '../../auth/oidc/index.ts';
import { memoryLogger } from '../../logging/index.ts';
import type { StaffUserRecord } from '../../store/index.ts';
import { malmoBoundaries, type TestStore, testStore } from '../../test/index.ts';
import { parseGroupMap } from '../../auth/oidc/groups.ts';
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from '../../test/oidc-provider.ts';

const CALLBACK = 'http://localhost/api/auth/oidc/callback';
const AT = '2026-11-20T10:00:00.000Z';

let provider: TestOidcProvider;
beforeAll(async () => {
  provider = await startOidcProvider({
    redirectUris: [CALLBACK],
    accounts: {
      'unverified-login': { email: 'anna.admin@malmo.se', email_verified: false, name: 'Mallory' },
      'fritid-login': {
        email: 'frida.fritid@malmo.se',
        name: 'Frida',
        groups: ['alla-anstallda', 'fritid-moderatorer'],
      },
      'ingen-grupp-login': { email: 'ingen.grupp@malmo.se', name: 'Ingen', groups: ['alla-anstallda'] },
    },
  });
});
afterAll(async () => {
  await provider.stop();
});

let ctx: TestStore;
let app: ReturnType<typeof createApp>;
let log: ReturnType<typeof memoryLogger>;
beforeEach(async () => {
  ctx = await testStore({ exampleContent: false });
  log = memoryLogger('debug');
  app = makeApp(oidcConfig());
});
afterEach(async () => {
  await ctx.close();
});

function oidcConfig(): OidcConfig {
  return {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    name: 'Testkommun',
    redirectUrl: null,
    allowHttp: true,
  };
}

function makeApp(oidc: OidcConfig | null) {
  return createApp({
    store: ctx.store,
    config: {
      staticDir: join(ctx.dir, 'no-client-here'),
      controllerName: 'Malmö stad, kommunstyrelsen',
      dpoContact: 'dataskyddsombud@malmo.se',
      staff: { oidc },
    },
    boundaries: malmoBoundaries,
    logger: log.logger,
  });
}

/** A browser's cookie for the app: `name=value` from the last Set-Cookie that set one. */
function sessionCookie(res: Response): string | undefined {
  const set = res.headers
    .getSetCookie()
    .find((line) => /^[^=]+=[^;]+/.test(line) && !/Max-Age=0/i.test(line));
  return set?.split(';')[0];
}

/** Signs in through the provider as `login`; resolves with where the app sent the browser and its cookie. */
async function signIn(login: string, returnTo?: string) {
  const start = await app.request(
    `/api/auth/oidc/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
  );
  expect(start.status).toBe(302);
  const back = await signInAtProvider(start.headers.get('Location') ?? '', login);
  expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
  const callback = await app.request(`${back.pathname}${back.search}`);
  expect(callback.status).toBe(303);
  return { location: callback.headers.get('Location'), cookie: sessionCookie(callback), callbackUrl: back };
}

async function me(cookie: string | undefined) {
  const res = await app.request('/api/auth/me', { headers: cookie ? { Cookie: cookie } : {} });
  return {
    status: res.status,
    body: (await res.json()) as { id: string; role: string | null; csrfToken: string },
  };
}

async function invite(user: Partial<StaffUserRecord> & Pick<StaffUserRecord, 'email' | 'role'>) {
  const record: StaffUserRecord = {
    id: `invited-${user.email}`,
    name: '',
    active: true,
    passwordHash: null,
    oidcSubject: null,
    createdAt: AT,
    updatedAt: AT,
    lastLoginAt: null,
    namnder: [],
    inputWithoutInsats: false,
    ...user,
  };
  const audit = { at: AT, actorId: null, actorLabel: 'cli', targetType: 'staff_user', requestId: null };
  const created = await ctx.store.createStaffUser(record, {
    ...audit,
    id: `audit-${record.id}`,
    action: 'user.create',
    targetId: record.id,
    before: null,
    after: null,
  });
  expect(created).toBe('created');
  return record;
}

describe('OIDC sign-in', () => {
  it('should sign a first-time user in without a role until an admin grants one', async () => {
    const first = await signIn('ny.medarbetare@malmo.se');
    expect(first.location).toBe('/personal');
    const waiting = await me(first.cookie);
    expect(waiting.status).toBe(200);
    expect(waiting.body).toMatchObject({
      email: 'ny.medarbetare@malmo.se',
      name: 'Ny Medarbetare',
      role: null,
    });
    expect(waiting.body).toMatchObject({ method: 'oidc' });
    const staffRead = () =>
      app.request('/api/staff/boundary-sets', { headers: first.cookie ? { Cookie: first.cookie } : {} });
    expect((await staffRead()).status).toBe(403);

    // An invited admin signs in through the provider too: linked by e-mail, keeping the role.
    await invite({ email: 'anna.admin@malmo.se', role: 'admin' });
    const admin = await signIn('anna.admin@malmo.se');
    const adminMe = await me(admin.cookie);
    expect(adminMe.body.role).toBe('admin');
    const grant = await app.request(`/api/staff/users/${waiting.body.id}`, {
      method: 'PATCH',
      headers: {
        Cookie: admin.cookie ?? '',
        'X-CSRF-Token': adminMe.body.csrfToken,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ role: 'moderator' }),
    });
    expect(grant.status).toBe(200);

    // The same session, no new sign-in: the role counts from the next request.
    expect((await me(first.cookie)).body.role).toBe('moderator');
    expect((await staffRead()).status).toBe(200);

    const created = await ctx.store.listAudit({ action: 'user.create', targetId: waiting.body.id, limit: 5 });
    expect(created).toMatchObject([{ actorId: null, actorLabel: 'oidc' }]);
    const logins = await ctx.store.listAudit({ action: 'session.login', limit: 5 });
    expect(logins.map((r) => r.after)).toEqual([{ method: 'oidc' }, { method: 'oidc' }]);
    expect(await ctx.store.listAudit({ action: 'user.oidc_link', limit: 5 })).toMatchObject([
      { targetId: 'invited-anna.admin@malmo.se', actorLabel: 'oidc' },
    ]);
  });

  it('should return to the staff screen asked for, and only to one', async () => {
    expect((await signIn('a@malmo.se', '/personal/omraden')).location).toBe('/personal/omraden');
    expect((await signIn('a@malmo.se', 'https://evil.example/personal')).location).toBe('/personal');
  });

  it('should refuse a replayed callback and an unknown state without a session', async () => {
    const first = await signIn('ny@malmo.se');
    expect(first.cookie).toBeDefined();
    const replay = await app.request(`${first.callbackUrl.pathname}${first.callbackUrl.search}`);
    expect(replay.status).toBe(303);
    expect(replay.headers.get('Location')).toBe('/personal?signin=failed');
    expect(sessionCookie(replay)).toBeUndefined();
    for (const query of ['?state=never-issued&code=x', '', '?code=x']) {
      const res = await app.request(`/api/auth/oidc/callback${query}`);
      expect(res.headers.get('Location')).toBe('/personal?signin=failed');
    }
    expect(reasons()).toEqual(['unknown-state', 'unknown-state', 'unknown-state', 'unknown-state']);
  });

  it('should refuse an address the provider did not verify, and make no account', async () => {
    await invite({ email: 'anna.admin@malmo.se', role: 'admin' });
    const res = await signIn('unverified-login');
    expect(res.location).toBe('/personal?signin=failed');
    expect(res.cookie).toBeUndefined();
    expect(reasons()).toEqual(['email-unverified']);
    expect(await ctx.store.findStaffUserByEmail('anna.admin@malmo.se')).toMatchObject({ oidcSubject: null });
    expect(await ctx.store.listStaffUsers()).toHaveLength(1);
  });

  it('should send a deactivated account back with signin=inactive', async () => {
    await invite({ email: 'slutat@malmo.se', role: 'moderator', active: false });
    const res = await signIn('slutat@malmo.se');
    expect(res.location).toBe('/personal?signin=inactive');
    expect(res.cookie).toBeUndefined();
    expect(await ctx.store.findStaffUserByEmail('slutat@malmo.se')).toMatchObject({ oidcSubject: null });
    expect(await ctx.store.listAudit({ action: 'session.', limit: 5 })).toEqual([]);
  });

  it('should turn an error from the provider into signin=failed, logging no codes, tokens or addresses', async () => {
    const start = await app.request('/api/auth/oidc/start');
    const state = new URL(start.headers.get('Location') ?? '').searchParams.get('state') ?? '';
    const iss = encodeURIComponent(provider.issuer);
    const res = await app.request(`/api/auth/oidc/callback?error=access_denied&state=${state}&iss=${iss}`);
    expect(res.headers.get('Location')).toBe('/personal?signin=failed');
    expect(reasons()).toEqual(['provider-error']);

    // A refused code (made up) after a real start: the token endpoint says no.
    const again = await app.request('/api/auth/oidc/start');
    const state2 = new URL(again.headers.get('Location') ?? '').searchParams.get('state') ?? '';
    const bad = await app.request(`/api/auth/oidc/callback?code=made-up-code&state=${state2}&iss=${iss}`);
    expect(bad.headers.get('Location')).toBe('/personal?signin=failed');
    expect(reasons()).toEqual(['provider-error', 'token-error']);

    const ok = await signIn('hemlig.person@malmo.se');
    const text = log.lines().join('\n');
    for (const secret of [
      ok.callbackUrl.searchParams.get('code'),
      'made-up-code',
      'hemlig.person',
      ok.cookie,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(provider.clientSecret);
  });

  it('should answer 404 at /start when no identity provider is configured', async () => {
    app = makeApp(null);
    const res = await app.request('/api/auth/oidc/start');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const callback = await app.request('/api/auth/oidc/callback?state=x&code=y');
    expect(callback.headers.get('Location')).toBe('/personal?signin=failed');
  });

  it('should answer 503 at /start while the provider cannot be reached', async () => {
    app = makeApp({ ...oidcConfig(), issuer: 'http://127.0.0.1:9' });
    const res = await app.request('/api/auth/oidc/start');
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('10');
    expect(((await res.json()) as { detail: string }).detail).toContain('Testkommun');
  });

  it('should give roles and nämnder from the groups claim by OIDC_GROUP_MAP, audited, and leave accounts of no mapped group alone', async () => {
    app = makeApp({
      ...oidcConfig(),
      groupsClaim: 'groups',
      groupMap: parseGroupMap('kraftsamla-admin=admin; fritid-moderatorer=moderator:fritidsnamnden,none'),
    });
    const first = await signIn('fritid-login');
    const who = await me(first.cookie);
    expect(who.body.role).toBe('moderator');
    const user = await ctx.store.getStaffUser(who.body.id);
    expect(user).toMatchObject({ namnder: ['fritidsnamnden'], inputWithoutInsats: true });
    const [row] = await ctx.store.listAudit({ action: 'user.oidc_groups', targetId: who.body.id, limit: 1 });
    expect(row).toMatchObject({
      actorLabel: 'oidc',
      before: { role: null, namnder: [], inputWithoutInsats: false },
      after: { role: 'moderator', namnder: ['fritidsnamnden'], inputWithoutInsats: true },
    });
    // The session this sign-in made works with that role.
    const queue = await app.request('/api/staff/queue/count', { headers: { Cookie: first.cookie ?? '' } });
    expect(queue.status).toBe(200);

    // An admin's role for someone in no mapped group stays as the admin set it.
    await invite({ email: 'ingen.grupp@malmo.se', role: 'analyst' });
    const other = await signIn('ingen-grupp-login');
    expect((await me(other.cookie)).body.role).toBe('analyst');
    expect(
      await ctx.store.listAudit({
        action: 'user.oidc_groups',
        targetId: 'invited-ingen.grupp@malmo.se',
        limit: 1,
      }),
    ).toEqual([]);
  });
});

/** The reasons of the refused sign-ins logged so far. */
function reasons(): string[] {
  return log
    .lines()
    .map((l) => JSON.parse(l) as { msg: string; reason?: string })
    .filter((l) => l.msg === 'OIDC sign-in refused')
    .map((l) => l.reason ?? '');
}
