import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/index.ts';
import type { StaffUserRecord } from '../../store/index.ts';
import { STORE_KINDS, type TestStore, testStore } from '../../test/index.ts';
import { freePort } from '../../test/free-port.ts';
import { startOidcProvider } from '../../test/oidc-provider.ts';
import {
  DEFAULT_RETURN_TO,
  OIDC_ACTOR,
  OidcUnavailableError,
  oidcClient,
  oidcSubject,
  parseOidcConfig,
  safeReturnTo,
  staffUserFor,
} from './index.ts';
import { accessFromGroups, parseGroupMap } from './groups.ts';

const FULL = {
  OIDC_ISSUER: 'https://login.malmo.se/oidc',
  OIDC_CLIENT_ID: 'kraftsamla',
  OIDC_CLIENT_SECRET: 's3cret-value',
};

describe('parseOidcConfig', () => {
  it('should turn OIDC off when no OIDC_* variable is set', () => {
    expect(parseOidcConfig({})).toBeNull();
    expect(parseOidcConfig({ OIDC_ISSUER: ' ', OIDC_NAME: '' })).toBeNull();
  });

  it('should read a full configuration with its defaults', () => {
    expect(parseOidcConfig(FULL)).toEqual({
      issuer: 'https://login.malmo.se/oidc',
      clientId: 'kraftsamla',
      clientSecret: 's3cret-value',
      name: 'Malmö stad',
      redirectUrl: null,
      allowHttp: false,
      groupsClaim: 'groups',
      groupMap: [],
    });
    expect(
      parseOidcConfig({
        ...FULL,
        OIDC_NAME: 'Lunds kommun',
        OIDC_REDIRECT_URL: 'https://delta.malmo.se/api/auth/oidc/callback',
      }),
    ).toMatchObject({ name: 'Lunds kommun', redirectUrl: 'https://delta.malmo.se/api/auth/oidc/callback' });
  });

  it('should name every missing variable of a half configuration', () => {
    expect(() => parseOidcConfig({ OIDC_ISSUER: FULL.OIDC_ISSUER })).toThrow(ConfigError);
    expect(() => parseOidcConfig({ OIDC_ISSUER: FULL.OIDC_ISSUER })).toThrow(
      /^OIDC_CLIENT_ID, OIDC_CLIENT_SECRET must be set too/,
    );
    expect(() => parseOidcConfig({ OIDC_NAME: 'Malmö stad' })).toThrow(
      /OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET must be set too/,
    );
  });

  it('should refuse an http issuer unless OIDC_ALLOW_HTTP is on', () => {
    const http = { ...FULL, OIDC_ISSUER: 'http://127.0.0.1:4000' };
    expect(() => parseOidcConfig(http)).toThrow(/OIDC_ISSUER must be an https URL.*OIDC_ALLOW_HTTP/);
    expect(parseOidcConfig({ ...http, OIDC_ALLOW_HTTP: 'on' })).toMatchObject({ allowHttp: true });
    expect(() => parseOidcConfig({ ...http, OIDC_ALLOW_HTTP: 'maybe' })).toThrow(/OIDC_ALLOW_HTTP must be/);
  });

  it('should refuse an issuer that is not a URL, and a redirect URL off the callback path', () => {
    expect(() => parseOidcConfig({ ...FULL, OIDC_ISSUER: 'login.malmo.se' })).toThrow(
      /OIDC_ISSUER must be a URL/,
    );
    expect(() => parseOidcConfig({ ...FULL, OIDC_ISSUER: 'https://login.malmo.se/?x=1' })).toThrow(/query/);
    expect(() => parseOidcConfig({ ...FULL, OIDC_REDIRECT_URL: 'https://delta.malmo.se/callback' })).toThrow(
      /OIDC_REDIRECT_URL must end in \/api\/auth\/oidc\/callback/,
    );
    expect(
      parseOidcConfig({ ...FULL, OIDC_REDIRECT_URL: 'http://localhost:8787/api/auth/oidc/callback' })
        ?.redirectUrl,
    ).toBe('http://localhost:8787/api/auth/oidc/callback');
  });
});

describe('safeReturnTo', () => {
  it('should keep paths in the staff screens', () => {
    expect(safeReturnTo('/personal')).toBe('/personal');
    expect(safeReturnTo('/personal/anvandare?q=1#x')).toBe('/personal/anvandare?q=1#x');
  });

  it.each([
    undefined,
    '',
    'https://evil.example/personal',
    '//evil.example/personal',
    '/\\evil.example/personal',
    '/personal/../api/staff/users',
    '/personalx',
    '/',
    'javascript:alert(1)',
  ])('should send %j to the staff home instead', (raw) => {
    expect(safeReturnTo(raw)).toBe(DEFAULT_RETURN_TO);
  });
});

describe('oidcClient discovery', () => {
  it('should answer unavailable while the provider is down, and discover it once it is up', async () => {
    const port = await freePort();
    let clock = Date.parse('2026-11-20T10:00:00.000Z');
    const oidc = oidcClient(
      {
        issuer: `http://127.0.0.1:${port}`,
        clientId: 'kraftsamla-test',
        clientSecret: 'x',
        name: 'Test',
        redirectUrl: null,
        allowHttp: true,
      },
      { now: () => new Date(clock), retryMs: 5_000 },
    );
    const ctx = await testStore();
    try {
      const begin = () =>
        oidc.begin(ctx.store, {
          redirectUri: 'http://localhost/api/auth/oidc/callback',
          returnTo: '/personal',
        });
      await expect(begin()).rejects.toBeInstanceOf(OidcUnavailableError);
      const provider = await startOidcProvider({
        redirectUris: ['http://localhost/api/auth/oidc/callback'],
        port,
      });
      try {
        // Within the retry pause it does not even try.
        await expect(begin()).rejects.toThrow(/moments ago/);
        clock += 5_000;
        const url = await begin();
        expect(url.origin).toBe(provider.issuer);
        expect(url.searchParams.get('code_challenge_method')).toBe('S256');
        expect(url.searchParams.get('scope')).toBe('openid email profile');
        expect(url.searchParams.get('nonce')).toBeTruthy();
        const state = url.searchParams.get('state') ?? '';
        expect(await ctx.store.takeOidcFlow(state)).toMatchObject({ returnTo: '/personal' });
      } finally {
        await provider.stop();
      }
    } finally {
      await ctx.close();
    }
  });
});

describe.each(STORE_KINDS)('staffUserFor (%s)', (kind) => {
  let ctx: TestStore;
  beforeEach(async () => {
    ctx = await testStore({ kind });
  });
  afterEach(async () => {
    await ctx.close();
  });

  const at = '2026-11-20T10:00:00.000Z';
  const issuer = 'https://login.malmo.se';
  const context = { at, requestId: 'req-1' };
  const account = (over: Partial<StaffUserRecord>): StaffUserRecord => ({
    id: 'u-1',
    email: 'anna.svensson@malmo.se',
    name: 'Anna Svensson',
    role: 'moderator',
    active: true,
    passwordHash: null,
    oidcSubject: null,
    createdAt: at,
    updatedAt: at,
    lastLoginAt: null,
    namnder: [],
    inputWithoutInsats: false,
    ...over,
  });
  const createAccount = async (user: StaffUserRecord) => {
    const created = await ctx.store.createStaffUser(user, {
      id: `audit-${user.id}`,
      at,
      actorId: null,
      actorLabel: 'cli',
      action: 'user.create',
      targetType: 'staff_user',
      targetId: user.id,
      before: null,
      after: null,
      requestId: null,
    });
    expect(created).toBe('created');
  };

  it('should create a first-time user without a role, audited as created by oidc', async () => {
    const found = await staffUserFor(
      ctx.store,
      { issuer, sub: 'abc', email: ' Ny.Person@Malmo.se ', email_verified: true, name: 'Ny Person' },
      context,
    );
    expect(found).toMatchObject({
      user: { email: 'ny.person@malmo.se', name: 'Ny Person', role: null, active: true, passwordHash: null },
    });
    const user = 'user' in found ? found.user : undefined;
    expect(user?.oidcSubject).toBe(oidcSubject({ issuer, sub: 'abc' }));
    expect(await ctx.store.getStaffUser(user?.id ?? '')).toMatchObject({ role: null });
    const [row] = await ctx.store.listAudit({ action: 'user.create', limit: 10 });
    expect(row).toMatchObject({
      actorId: null,
      actorLabel: OIDC_ACTOR,
      targetId: user?.id,
      requestId: 'req-1',
    });
  });

  it('should link an invited account by e-mail once, keeping its role, and find it by subject after', async () => {
    await createAccount(account({ role: 'moderator' }));
    const identity = { issuer, sub: 'sub-anna', email: 'Anna.Svensson@malmo.se' };
    expect(await staffUserFor(ctx.store, identity, context)).toMatchObject({
      user: { id: 'u-1', role: 'moderator', oidcSubject: `${issuer}|sub-anna` },
    });
    expect(await ctx.store.listAudit({ action: 'user.oidc_link', limit: 10 })).toHaveLength(1);
    // The address changed at the provider: the subject still finds the account.
    expect(
      await staffUserFor(ctx.store, { ...identity, email: 'anna.andersson@malmo.se' }, context),
    ).toMatchObject({ user: { id: 'u-1' } });
    expect(await ctx.store.listAudit({ action: 'user.oidc_link', limit: 10 })).toHaveLength(1);
    expect(await ctx.store.listStaffUsers()).toHaveLength(1);
  });

  it('should refuse an address the provider did not verify, and claims without one', async () => {
    await createAccount(account({ role: 'admin' }));
    expect(
      await staffUserFor(
        ctx.store,
        { issuer, sub: 'mallory', email: 'anna.svensson@malmo.se', email_verified: false },
        context,
      ),
    ).toEqual({ refused: 'email-unverified' });
    expect(await staffUserFor(ctx.store, { issuer, sub: 'nobody' }, context)).toEqual({
      refused: 'no-email',
    });
    expect(await staffUserFor(ctx.store, { issuer, sub: 'x', email: 'not an address' }, context)).toEqual({
      refused: 'no-email',
    });
    expect(await ctx.store.getStaffUser('u-1')).toMatchObject({ oidcSubject: null });
    expect(await ctx.store.listStaffUsers()).toHaveLength(1);
  });

  it('should not hand an account linked to one provider account to another with the same address', async () => {
    await createAccount(account({ oidcSubject: `${issuer}|first` }));
    expect(
      await staffUserFor(ctx.store, { issuer, sub: 'second', email: 'anna.svensson@malmo.se' }, context),
    ).toEqual({ refused: 'linked-elsewhere' });
  });
});

describe('OIDC_GROUP_MAP', () => {
  it('should parse rules of role and nämnder, and refuse what is not one', () => {
    expect(parseGroupMap(undefined)).toEqual([]);
    expect(
      parseGroupMap(' a=admin ; b=moderator:fritidsnamnden,kulturnamnden ; c=analyst:none,kulturnamnden'),
    ).toEqual([
      { group: 'a', role: 'admin', namnder: [], inputWithoutInsats: false },
      {
        group: 'b',
        role: 'moderator',
        namnder: ['fritidsnamnden', 'kulturnamnden'],
        inputWithoutInsats: false,
      },
      { group: 'c', role: 'analyst', namnder: ['kulturnamnden'], inputWithoutInsats: true },
    ]);
    // Group names may hold '=' (a distinguished name): the last one separates.
    expect(parseGroupMap('CN=Fritid,OU=Malmo=moderator:fritidsnamnden')[0]?.group).toBe('CN=Fritid,OU=Malmo');
    expect(() => parseGroupMap('a=owner')).toThrow(/not a role/);
    expect(() => parseGroupMap('=admin')).toThrow(/group=role/);
    expect(() => parseGroupMap('a=moderator:Fritidsnämnden')).toThrow(/nämnd ids/);
    expect(() => parseOidcConfig({ ...FULL, OIDC_GROUP_MAP: 'x=boss' })).toThrow(/OIDC_GROUP_MAP/);
    expect(parseOidcConfig({ ...FULL, OIDC_GROUP_MAP: 'x=analyst' })).toMatchObject({
      groupsClaim: 'groups',
      groupMap: [{ group: 'x', role: 'analyst' }],
    });
  });

  it('should give the highest role of the groups held, with that role’s nämnder', () => {
    const rules = parseGroupMap(
      'admins=admin; fritid=moderator:fritidsnamnden; kultur=moderator:kulturnamnden,none; alla-mod=moderator; analys=analyst:kulturnamnden',
    );
    expect(accessFromGroups(rules, ['okänd'])).toBeUndefined();
    expect(accessFromGroups(rules, undefined)).toBeUndefined();
    expect(accessFromGroups(rules, ['analys'])).toEqual({
      role: 'analyst',
      namnder: ['kulturnamnden'],
      inputWithoutInsats: false,
    });
    expect(accessFromGroups(rules, ['fritid', 'kultur', 'analys'])).toEqual({
      role: 'moderator',
      namnder: ['fritidsnamnden', 'kulturnamnden'],
      inputWithoutInsats: true,
    });
    expect(accessFromGroups(rules, ['fritid', 'alla-mod'])).toEqual({
      role: 'moderator',
      namnder: [],
      inputWithoutInsats: false,
    });
    expect(accessFromGroups(rules, 'admins')).toEqual({
      role: 'admin',
      namnder: [],
      inputWithoutInsats: false,
    });
  });
});
