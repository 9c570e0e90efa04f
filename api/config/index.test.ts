import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultIdentityConfig } from './identity.ts';
import { ConfigError, linkOrigin, loadConfig } from './index.ts';

describe('loadConfig', () => {
  it('should run with no variables set: port 8787, SQLite in ./data, no examples, Malmö defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      database: { kind: 'sqlite', path: resolve('data/kraftsamla.db') },
      exampleContent: false,
      staticDir: resolve('dist'),
      controllerName: 'Malmö stad, kommunstyrelsen',
      dpoContact: 'dataskyddsombud@malmo.se',
      trustProxy: 0,
      rateLimit: { perDevice: 1000, perAddress: 3000 },
      metricsToken: undefined,
      logLevel: 'info',
      staff: {
        sessionIdleMinutes: 30,
        sessionMaxHours: 10,
        publicUrl: undefined,
        signInLimit: { perAccountAndAddress: 10, perAccount: 50, perAddress: 100 },
        oidc: null,
      },
      mail: null,
      localTrial: false,
      production: false,
      identity: defaultIdentityConfig(),
    });
  });

  it('should read every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'sqlite:/var/lib/kraftsamla/k.db',
      EXAMPLE_CONTENT: 'on',
      STATIC_DIR: '/srv/www',
      CONTROLLER_NAME: 'Fritidsnämnden',
      DPO_CONTACT: 'dso@example.se',
      TRUST_PROXY: 'on',
      RATE_LIMIT_PER_DEVICE: '240',
      RATE_LIMIT_PER_ADDRESS: 'off',
      METRICS_TOKEN: 'a'.repeat(32),
      LOG_LEVEL: 'warn',
      LOCAL_TRIAL: 'on',
      NODE_ENV: 'production',
      STAFF_SESSION_IDLE_MINUTES: '15',
      STAFF_SESSION_MAX_HOURS: '8',
      PUBLIC_URL: 'https://delta.malmo.se/',
      SIGN_IN_LIMIT_PER_ACCOUNT: '5',
      SIGN_IN_LIMIT_PER_ADDRESS: 'off',
      OIDC_ISSUER: 'https://login.malmo.se',
      OIDC_CLIENT_ID: 'kraftsamla',
      OIDC_CLIENT_SECRET: 'secret',
      SMTP_HOST: 'smtp.malmo.se',
      SMTP_PORT: '2525',
      SMTP_USER: 'kraftsamla',
      SMTP_PASSWORD: 'pw',
      SMTP_SECURE: 'off',
      SMTP_FROM: 'Malmö stad <noreply@malmo.se>',
      ORG_NAME: 'Lunds kommun',
      APP_NAME: 'Säg det',
      APP_PURPOSE_SV: 'Tyck till om Lund.',
      THEME_COLOUR: '#1D4E89',
    });
    expect(config).toEqual({
      port: 9000,
      database: { kind: 'sqlite', path: '/var/lib/kraftsamla/k.db' },
      exampleContent: true,
      staticDir: '/srv/www',
      controllerName: 'Fritidsnämnden',
      dpoContact: 'dso@example.se',
      trustProxy: 1,
      rateLimit: { perDevice: 240, perAddress: null },
      metricsToken: 'a'.repeat(32),
      logLevel: 'warn',
      staff: {
        sessionIdleMinutes: 15,
        sessionMaxHours: 8,
        publicUrl: 'https://delta.malmo.se',
        signInLimit: { perAccountAndAddress: 10, perAccount: 5, perAddress: null },
        oidc: {
          issuer: 'https://login.malmo.se',
          clientId: 'kraftsamla',
          clientSecret: 'secret',
          name: 'Malmö stad',
          redirectUrl: null,
          allowHttp: false,
          // Roles and nämnder from the sign-in's groups: none mapped unless OIDC_GROUP_MAP says.
          groupsClaim: 'groups',
          groupMap: [],
        },
      },
      mail: {
        host: 'smtp.malmo.se',
        port: 2525,
        secure: false,
        auth: { user: 'kraftsamla', pass: 'pw' },
        from: 'Malmö stad <noreply@malmo.se>',
      },
      localTrial: true,
      production: true,
      identity: {
        identity: expect.objectContaining({
          orgName: 'Lunds kommun',
          appName: 'Säg det',
          purpose: expect.objectContaining({ sv: 'Tyck till om Lund.' }),
          themeColour: '#1d4e89',
        }),
        logoSvg: expect.stringMatching(/^<svg/),
      },
    });
  });

  it('should build absolute links from PUBLIC_URL, never needing a request', () => {
    expect(linkOrigin(loadConfig({ PUBLIC_URL: 'https://delta.malmo.se' }))).toBe('https://delta.malmo.se');
    expect(linkOrigin(loadConfig({ PORT: '9000' }))).toBe('http://localhost:9000');
    expect(linkOrigin(loadConfig({ NODE_ENV: 'production', LOCAL_TRIAL: 'on' }))).toBe(
      'http://localhost:8787',
    );
    expect(() => linkOrigin(loadConfig({ NODE_ENV: 'production' }))).toThrow(/PUBLIC_URL is not set/);
  });

  it('should select PostgreSQL for a postgres:// URL, with a pool of 10 and a 15 s statement timeout', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://k@db.example:5432/kraftsamla' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://k@db.example:5432/kraftsamla',
      poolMax: 10,
      statementTimeoutMs: 15_000,
    });
    expect(
      loadConfig({
        DATABASE_URL: 'postgresql://k:pw@db/kraftsamla?sslmode=require',
        DATABASE_POOL_MAX: '25',
        DATABASE_STATEMENT_TIMEOUT_MS: '5000',
      }).database,
    ).toMatchObject({ kind: 'postgres', poolMax: 25, statementTimeoutMs: 5000 });
  });

  it('should never repeat a password from DATABASE_URL in its message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://k:hemligt@/kraftsamla' })).toThrow(
      /DATABASE_URL.*postgres:\/\/k:\*\*\*@/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://k:hemligt@/kraftsamla' })).not.toThrow(/hemligt/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://db.example' }, 'DATABASE_URL'], // no database named
    [{ DATABASE_URL: 'postgres:///kraftsamla' }, 'DATABASE_URL'], // no host
    [{ DATABASE_URL: 'postgres://db/k', DATABASE_POOL_MAX: '0' }, 'DATABASE_POOL_MAX'],
    [
      { DATABASE_URL: 'postgres://db/k', DATABASE_STATEMENT_TIMEOUT_MS: '10s' },
      'DATABASE_STATEMENT_TIMEOUT_MS',
    ],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'sqlite://' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'sqlite:/var/lib/kraftsamla/' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url at all' }, 'DATABASE_URL'],
    [{ DATABASE_URL: './data/kraftsamla.db' }, 'DATABASE_URL'],
    [{ PORT: '-1' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '-1' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '11' }, 'TRUST_PROXY'],
    [{ RATE_LIMIT_PER_DEVICE: 'lots' }, 'RATE_LIMIT_PER_DEVICE'],
    [{ RATE_LIMIT_PER_DEVICE: '99' }, 'RATE_LIMIT_PER_DEVICE'],
    [{ RATE_LIMIT_PER_DEVICE: '0' }, 'RATE_LIMIT_PER_DEVICE'],
    [{ RATE_LIMIT_PER_ADDRESS: '1.5e3' }, 'RATE_LIMIT_PER_ADDRESS'],
    [{ RATE_LIMIT_PER_ADDRESS: '50' }, 'RATE_LIMIT_PER_ADDRESS'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ METRICS_TOKEN: `${'a'.repeat(40)} b` }, 'METRICS_TOKEN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ EXAMPLE_CONTENT: 'maybe' }, 'EXAMPLE_CONTENT'],
    [{ CONTROLLER_NAME: '  ' }, 'CONTROLLER_NAME'],
    [{ DPO_CONTACT: '' }, 'DPO_CONTACT'],
    [{ STAFF_SESSION_IDLE_MINUTES: '0' }, 'STAFF_SESSION_IDLE_MINUTES'],
    [{ STAFF_SESSION_IDLE_MINUTES: 'half an hour' }, 'STAFF_SESSION_IDLE_MINUTES'],
    [{ STAFF_SESSION_MAX_HOURS: '169' }, 'STAFF_SESSION_MAX_HOURS'],
    [{ PUBLIC_URL: 'delta.malmo.se' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'ftp://delta.malmo.se' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://malmo.se/delta' }, 'PUBLIC_URL'],
    [{ SIGN_IN_LIMIT_PER_ACCOUNT: '2' }, 'SIGN_IN_LIMIT_PER_ACCOUNT'],
    [{ SIGN_IN_LIMIT_PER_ADDRESS: 'many' }, 'SIGN_IN_LIMIT_PER_ADDRESS'],
    [{ OIDC_ISSUER: 'https://login.malmo.se' }, 'OIDC_CLIENT_ID'],
    [{ SMTP_HOST: 'smtp.malmo.se' }, 'SMTP_FROM'],
    [{ SMTP_FROM: 'noreply@malmo.se' }, 'SMTP_URL'],
    [{ SMTP_URL: 'http://smtp.malmo.se', SMTP_FROM: 'a@b.se' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://x', SMTP_HOST: 'y', SMTP_FROM: 'a@b.se' }, 'SMTP_HOST'],
    [{ SMTP_PORT: '25' }, 'SMTP_HOST'],
    [{ SMTP_HOST: 'h', SMTP_PORT: '0', SMTP_FROM: 'a@b.se' }, 'SMTP_PORT'],
    [{ SMTP_HOST: 'h', SMTP_SECURE: 'maybe', SMTP_FROM: 'a@b.se' }, 'SMTP_SECURE'],
    [{ SMTP_HOST: 'h', SMTP_PASSWORD: 'pw', SMTP_FROM: 'a@b.se' }, 'SMTP_USER'],
    [{ SMTP_HOST: 'h', SMTP_FROM: 'not an address' }, 'SMTP_FROM'],
  ])('should refuse %j, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('should take TRUST_PROXY as a number of proxies, and treat an empty METRICS_TOKEN as unset', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(0);
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
    expect(loadConfig({ RATE_LIMIT_PER_DEVICE: 'off' }).rateLimit.perDevice).toBeNull();
  });

  it('should read SMTP_URL with its sign-in, implicit TLS for smtps, and the usual ports', () => {
    expect(
      loadConfig({ SMTP_URL: 'smtp://k%40malmo.se:p%3Ass@smtp.malmo.se', SMTP_FROM: 'noreply@malmo.se' })
        .mail,
    ).toEqual({
      host: 'smtp.malmo.se',
      port: 587,
      secure: false,
      auth: { user: 'k@malmo.se', pass: 'p:ss' },
      from: 'noreply@malmo.se',
    });
    expect(loadConfig({ SMTP_URL: 'smtps://relay:2465', SMTP_FROM: 'noreply@malmo.se' }).mail).toEqual({
      host: 'relay',
      port: 2465,
      secure: true,
      auth: null,
      from: 'noreply@malmo.se',
    });
    expect(loadConfig({ SMTP_HOST: 'relay', SMTP_SECURE: 'on', SMTP_FROM: 'a@b.se' }).mail?.port).toBe(465);
  });

  it('should never repeat the SMTP password in its message', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://k:hemligt@', SMTP_FROM: 'a@b.se' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://k:hemligt@', SMTP_FROM: 'a@b.se' })).not.toThrow(/hemligt/);
  });

  it('should never repeat the metrics token in its message', () => {
    const secret = 'hunter2 is not a token';
    expect(() => loadConfig({ METRICS_TOKEN: secret })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ METRICS_TOKEN: secret })).not.toThrow(/hunter2/);
  });
});
