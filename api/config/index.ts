/**
 * Configuration from environment variables, checked once at start.
 *
 * Every problem names the variable, so an operator can fix it without reading code.
 */
import { resolve } from 'node:path';
import { MAX_BATCH_ITEMS } from '../../common/wire/index.ts';
import { type OidcConfig, parseOidcConfig } from '../auth/oidc/config.ts';
import { LOG_LEVELS, type LogLevel } from '../logging/index.ts';
import type { RateLimitConfig } from '../rate-limit/index.ts';
import { ConfigError } from './errors.ts';
import { type IdentityConfig, parseIdentityConfig } from './identity.ts';
import { type MailConfig, parseMailConfig } from './mail.ts';

/**
 * Where the data lives: the embedded SQLite file (one process), or a PostgreSQL server
 * that several stateless instances share.
 */
export type DatabaseConfig = { kind: 'sqlite'; path: string } | PostgresConfig;

/** A PostgreSQL database, and how each instance uses it. */
export interface PostgresConfig {
  kind: 'postgres';
  /** The connection URL as given (it may hold a password: never log it, see {@link redactUrl}). */
  url: string;
  /** Connections this instance keeps open at most (DATABASE_POOL_MAX). */
  poolMax: number;
  /** Longest a single statement may run before the server cancels it (DATABASE_STATEMENT_TIMEOUT_MS). */
  statementTimeoutMs: number;
}

/** The whole configuration of one Kraftsamla process. */
export interface Config {
  port: number;
  database: DatabaseConfig;
  /** Seed and publish the example insatser (clearly marked as examples). */
  exampleContent: boolean;
  /** Directory of the built client, served at `/`. */
  staticDir: string;
  /** The nämnd responsible for the personal data (personuppgiftsansvarig). */
  controllerName: string;
  /** How to reach the data protection officer (dataskyddsombud). */
  dpoContact: string;
  /** Proxies in front whose X-Forwarded-For is believed (TRUST_PROXY); 0: the header is ignored. */
  trustProxy: number;
  /** Submission items per minute per device id and per client address (RATE_LIMIT_*). */
  rateLimit: RateLimitConfig;
  /** Bearer token for /metrics (METRICS_TOKEN); unset: /metrics is not served. */
  metricsToken: string | undefined;
  /** Least severe log level written (LOG_LEVEL). */
  logLevel: LogLevel;
  /** Staff sign-in and sessions. */
  staff: StaffConfig;
  /** Outgoing e-mail (SMTP_*); null: mail is off (see api/config/mail.ts). */
  mail: MailConfig | null;
  /**
   * A trial on one machine (LOCAL_TRIAL=on, which `npm start` sets): absolute links may then
   * point at http://localhost:PORT. Without it a production start (NODE_ENV=production, as
   * `npm run serve` sets) needs PUBLIC_URL.
   */
  localTrial: boolean;
  /** NODE_ENV=production. */
  production: boolean;
  /** Whose app it is: organisation, app name, purpose, logo, theme (see api/config/identity.ts). */
  identity: IdentityConfig;
}

/** Staff sign-in, sessions and the identity provider. */
export interface StaffConfig {
  /** Minutes without a request after which a session ends (STAFF_SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  /** Hours after sign-in after which a session ends, however active (STAFF_SESSION_MAX_HOURS). */
  sessionMaxHours: number;
  /**
   * The origin people reach this deployment at (PUBLIC_URL), like `https://delta.malmo.se`;
   * unset: taken from each request. An https origin turns on `__Host-` Secure cookies.
   */
  publicUrl: string | undefined;
  /**
   * Sign-in attempts per 15 minutes (SIGN_IN_LIMIT_*); null turns one off. `perAccountAndAddress`
   * is tight (one account from one address); `perAccount` is loose, counts every address, and
   * never refuses a network the account signed in from lately (api/auth/sign-in-limit).
   */
  signInLimit: { perAccountAndAddress: number | null; perAccount: number | null; perAddress: number | null };
  /** Sign-in through the city's identity provider (OIDC_*); null: not configured. */
  oidc: OidcConfig | null;
}

/** The staff settings with every variable unset (apps built in tests start from these). */
export const DEFAULT_STAFF_CONFIG: StaffConfig = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 10,
  publicUrl: undefined,
  signInLimit: { perAccountAndAddress: 10, perAccount: 50, perAddress: 100 },
  oidc: null,
};

export { ConfigError };
export type { IdentityConfig, MailConfig };

/** The embedded SQLite file, relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/kraftsamla.db';

/** Reads and validates the configuration; throws {@link ConfigError} on the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return {
    port: parsePort(env.PORT),
    database: parseDatabaseUrl(env.DATABASE_URL, env),
    exampleContent: parseSwitch('EXAMPLE_CONTENT', env.EXAMPLE_CONTENT, false),
    staticDir: resolve(nonEmpty('STATIC_DIR', env.STATIC_DIR, 'dist')),
    controllerName: nonEmpty('CONTROLLER_NAME', env.CONTROLLER_NAME, 'Malmö stad, kommunstyrelsen'),
    dpoContact: nonEmpty('DPO_CONTACT', env.DPO_CONTACT, 'dataskyddsombud@malmo.se'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    rateLimit: {
      perDevice: parseRateLimit('RATE_LIMIT_PER_DEVICE', env.RATE_LIMIT_PER_DEVICE, 1000),
      perAddress: parseRateLimit('RATE_LIMIT_PER_ADDRESS', env.RATE_LIMIT_PER_ADDRESS, 3000),
    },
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    staff: parseStaff(env),
    mail: parseMailConfig(env),
    localTrial: parseSwitch('LOCAL_TRIAL', env.LOCAL_TRIAL, false),
    production: env.NODE_ENV === 'production',
    identity: parseIdentityConfig(env),
  };
}

/**
 * The origin of every absolute URL the server writes (the dataset description, links in e-mail,
 * the OIDC callback): PUBLIC_URL, never a request's Host header, which any client can set and
 * which would then be cached or mailed to others. Without PUBLIC_URL only a local trial or a
 * development start may go on, with http://localhost:PORT.
 */
export function linkOrigin(config: Pick<Config, 'port' | 'localTrial' | 'production' | 'staff'>): string {
  if (config.staff.publicUrl !== undefined) return config.staff.publicUrl;
  if (config.production && !config.localTrial)
    throw new ConfigError(
      'PUBLIC_URL is not set. In production set it to the origin people reach the app at, like ' +
        'https://delta.malmo.se; for a trial on this machine only, set LOCAL_TRIAL=on.',
    );
  return `http://localhost:${config.port}`;
}

function parseStaff(env: Record<string, string | undefined>): StaffConfig {
  const d = DEFAULT_STAFF_CONFIG;
  return {
    sessionIdleMinutes: wholeNumber(
      'STAFF_SESSION_IDLE_MINUTES',
      env.STAFF_SESSION_IDLE_MINUTES,
      d.sessionIdleMinutes,
      1,
      24 * 60,
    ),
    sessionMaxHours: wholeNumber(
      'STAFF_SESSION_MAX_HOURS',
      env.STAFF_SESSION_MAX_HOURS,
      d.sessionMaxHours,
      1,
      7 * 24,
    ),
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    signInLimit: {
      perAccountAndAddress: parseSignInLimit(
        'SIGN_IN_LIMIT_PER_ACCOUNT_ADDRESS',
        env.SIGN_IN_LIMIT_PER_ACCOUNT_ADDRESS,
        10,
      ),
      perAccount: parseSignInLimit('SIGN_IN_LIMIT_PER_ACCOUNT', env.SIGN_IN_LIMIT_PER_ACCOUNT, 50),
      perAddress: parseSignInLimit('SIGN_IN_LIMIT_PER_ADDRESS', env.SIGN_IN_LIMIT_PER_ADDRESS, 100),
    },
    oidc: parseOidcConfig(env),
  };
}

/**
 * PUBLIC_URL: the origin only (scheme, host, port), since cookies and the CSRF origin check
 * compare origins. A path would suggest the app can live under one, which it cannot.
 */
function parsePublicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`PUBLIC_URL must be a URL like https://delta.malmo.se, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`PUBLIC_URL must start with https:// (or http:// for local use), got "${raw}"`);
  }
  if (
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new ConfigError(
      `PUBLIC_URL must be an origin only, like https://delta.malmo.se (no path, query or credentials), got "${raw}"`,
    );
  }
  return url.origin;
}

/** Sign-in attempts per 15 minutes, or `off`. At least 3: one typo must never lock anyone out. */
function parseSignInLimit(name: string, raw: string | undefined, fallback: number): number | null {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (value === 'off') return null;
  if (!/^\d+$/.test(value) || Number(value) < 3 || Number(value) > 1_000_000) {
    throw new ConfigError(
      `${name} must be "off" or a whole number of sign-in attempts per 15 minutes from 3 up, got "${raw}"`,
    );
  }
  return Number(value);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8787;
  const port = Number(raw);
  // Port 0 is allowed: the OS picks a free port (tests and benchmarks use it).
  if (!/^\d+$/.test(raw) || port > 65_535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

/**
 * Parses `sqlite:<path>` or `postgres://…`. The PostgreSQL settings come from
 * DATABASE_POOL_MAX and DATABASE_STATEMENT_TIMEOUT_MS in `env`.
 */
export function parseDatabaseUrl(
  raw: string | undefined,
  env: Record<string, string | undefined> = {},
): DatabaseConfig {
  const url = raw === undefined || raw.trim() === '' ? DEFAULT_DATABASE_URL : raw.trim();
  if (/^postgres(ql)?:/i.test(url)) return parsePostgres(url, env);
  // `sqlite://` alone (or any path ending in a slash) names a directory, not a file.
  const match = /^sqlite:(?:\/\/(?!\/?$))?(.*[^/])$/i.exec(url);
  const path = match?.[1];
  if (!path) {
    throw new ConfigError(
      'DATABASE_URL must look like sqlite:./data/kraftsamla.db or postgres://user@host:5432/kraftsamla, ' +
        `got "${redactUrl(url)}"`,
    );
  }
  return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
}

function parsePostgres(url: string, env: Record<string, string | undefined>): DatabaseConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a valid postgres:// URL: "${redactUrl(url)}"`);
  }
  // A URL without a host would make the driver guess (a local socket, the user's name as the
  // database): refuse it so a typo cannot connect to some other database.
  if (!/^postgres(ql)?:$/i.test(parsed.protocol) || parsed.hostname === '' || parsed.pathname.length < 2) {
    throw new ConfigError(
      `DATABASE_URL must name a host and a database, like postgres://user@host:5432/kraftsamla, got "${redactUrl(url)}"`,
    );
  }
  return {
    kind: 'postgres',
    url,
    poolMax: wholeNumber('DATABASE_POOL_MAX', env.DATABASE_POOL_MAX, 10, 1, 1000),
    statementTimeoutMs: wholeNumber(
      'DATABASE_STATEMENT_TIMEOUT_MS',
      env.DATABASE_STATEMENT_TIMEOUT_MS,
      15_000,
      100,
      3_600_000,
    ),
  };
}

/** The URL with any password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^@/?#]*@/i, '$1***@');
}

function wholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function parseSwitch(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${raw}"`);
}

function nonEmpty(name: string, raw: string | undefined, fallback: string): string {
  if (raw === undefined) return fallback;
  const value = raw.trim();
  if (value === '') throw new ConfigError(`${name} must not be empty (leave it unset for "${fallback}")`);
  return value;
}

/**
 * TRUST_PROXY: `off` (default), `on` (one proxy, e.g. the load balancer), or the number of
 * proxies in front. Only on when every request really comes through them: otherwise a
 * client could choose its own address for the rate limits by writing X-Forwarded-For.
 */
function parseTrustProxy(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 0;
  const value = raw.trim().toLowerCase();
  if (['off', 'false', '0', 'no'].includes(value)) return 0;
  if (['on', 'true', 'yes'].includes(value)) return 1;
  if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value);
  throw new ConfigError(
    `TRUST_PROXY must be "off", "on" (one proxy) or the number of proxies in front (1–10), got "${raw}"`,
  );
}

/**
 * A per-minute item limit, or `off`. At least one full batch: a lower limit would refuse a
 * batch of ${MAX_BATCH_ITEMS} for ever, and the client only splits batches on 413.
 */
function parseRateLimit(name: string, raw: string | undefined, fallback: number): number | null {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (value === 'off') return null;
  if (!/^\d+$/.test(value) || Number(value) < MAX_BATCH_ITEMS || Number(value) > 1_000_000_000) {
    throw new ConfigError(
      `${name} must be "off" or a whole number of items per minute from ${MAX_BATCH_ITEMS} ` +
        `(one full batch) up, got "${raw}"`,
    );
  }
  return Number(value);
}

/** METRICS_TOKEN: unset or empty leaves /metrics off; set, it must be long enough not to be guessed. */
function parseMetricsToken(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^[\x21-\x7e]{32,}$/.test(raw)) {
    throw new ConfigError(
      'METRICS_TOKEN must be at least 32 visible ASCII characters without spaces ' +
        '(e.g. `openssl rand -hex 32`), or unset to turn /metrics off',
    );
  }
  return raw;
}

function parseLogLevel(raw: string | undefined): LogLevel {
  if (raw === undefined || raw.trim() === '') return 'info';
  const value = raw.trim().toLowerCase();
  const level = LOG_LEVELS.find((l) => l === value);
  if (level === undefined)
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}
