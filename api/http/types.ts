/**
 * What every route gets: the store, the active boundary set, the configuration, and the
 * operational pieces (logger, metrics, rate limiter) shared by the whole app.
 */
import type { RequestIdVariables } from 'hono/request-id';
import type { Config, StaffConfig } from '../config/index.ts';
import type { IdentityConfig } from '../config/identity.ts';
import type { MailConfig } from '../config/mail.ts';
import type { BoundarySet } from '../domain/tagging/index.ts';
import type { Logger } from '../logging/index.ts';
import type { Metrics } from '../metrics/index.ts';
import type { RateLimiter } from '../rate-limit/index.ts';
import type { StaffScope, StaffSessionRecord, StaffUserRecord, Store } from '../store/index.ts';

/**
 * The signed-in staff member of a request, put on `c.var.staff` by the route guard
 * (api/auth/policy) on routes that need a session, and by sign-in.
 */
export interface StaffPrincipal {
  user: StaffUserRecord;
  session: StaffSessionRecord;
}

/**
 * Hono environment of the app. `scope`: on routes declared `scoped`, what the signed-in staff
 * member may see (undefined: everything); see api/auth/policy.
 */
export type AppEnv = {
  Variables: RequestIdVariables & { staff?: StaffPrincipal; scope?: StaffScope | undefined };
};

/** Dependencies handed to each resource. */
export interface ApiDeps {
  store: Store;
  /**
   * The active boundary set, asked for on each request: activating a new set (a later
   * release) swaps what this returns without restarting.
   */
  boundaries: () => BoundarySet;
  config: Pick<Config, 'controllerName' | 'dpoContact'> & {
    metricsToken?: string | undefined;
    /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); 0 or unset: none. */
    trustProxy?: number | undefined;
    staff: StaffConfig;
    /** SMTP for e-mail to participants and staff; null or unset: no e-mail is queued. */
    mail?: MailConfig | null | undefined;
    /** The origin of every absolute URL the API writes (PUBLIC_URL; see `linkOrigin` in config). */
    linkOrigin: string;
    /** Whose app it is (ORG_NAME, APP_NAME, …); unset: the defaults (api/config/identity.ts). */
    identity?: IdentityConfig | undefined;
  };
  logger: Logger;
  metrics: Metrics;
  limiter: RateLimiter;
  /** The clock, in milliseconds: sessions, sign-in windows, audit times (tests move it). */
  now: () => number;
}
