/**
 * Response headers every answer carries, and the request id every log line and audit row is
 * keyed by.
 *
 * - Permissions-Policy: the app asks for one powerful feature, the position (for "where am I"),
 *   and only from its own pages; everything else a page could ask for is refused, so injected
 *   or framed content cannot ask either.
 * - X-Frame-Options DENY, agreeing with the CSP's `frame-ancestors 'none'` (older browsers read
 *   only the first).
 * - Strict-Transport-Security only on answers that went over HTTPS: over plain HTTP browsers
 *   ignore it, and sending it there only says the deployment is confused.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The features a page of this origin may use: the position, from this origin only. */
export const PERMISSIONS_POLICY = {
  geolocation: ['self'],
  camera: [],
  microphone: [],
  payment: [],
  usb: [],
  serial: [],
  bluetooth: [],
  hid: [],
  midi: [],
  magnetometer: [],
  gyroscope: [],
  accelerometer: [],
  displayCapture: [],
  fullscreen: ['self'],
  publickeyCredentialsGet: ['self'],
  browsingTopics: [],
  interestCohort: [],
} as const;

/** One year, with subdomains: what a city's own HTTPS origin can promise. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Options of {@link securityHeaders}. */
export interface SecurityHeaderOptions {
  /** The Content-Security-Policy directives (as Hono's secureHeaders takes them). */
  contentSecurityPolicy: NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy'];
  /**
   * Whether the people reach the app over HTTPS although this process sees plain HTTP (a
   * TLS-terminating proxy in front; PUBLIC_URL says https://). Otherwise the request's own
   * scheme decides.
   */
  httpsInFront?: boolean;
}

/** Secure headers on every answer, errors and 404s included. */
export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler {
  const base = secureHeaders({
    contentSecurityPolicy: options.contentSecurityPolicy,
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
    permissionsPolicy: mutable(PERMISSIONS_POLICY),
  });
  return async (c, next) => {
    await base(c, next);
    if (options.httpsInFront || new URL(c.req.url).protocol === 'https:')
      c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}

function mutable(policy: typeof PERMISSIONS_POLICY): Record<string, string[]> {
  return Object.fromEntries(Object.entries(policy).map(([k, v]) => [k, [...v]]));
}

/** What a request id from a trusted proxy may look like: a UUID or a short token. */
const TRUSTED_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$/;

/**
 * Sets `requestId` for the request and answers it in X-Request-Id. An incoming X-Request-Id
 * is taken only when a proxy is trusted (TRUST_PROXY) and only in a strict format: otherwise
 * any visitor could write what they like into the logs and the audit trail, or make two
 * requests look like one.
 */
export function requestIdentity({ trustProxy }: { trustProxy: number }): MiddlewareHandler {
  return async (c, next) => {
    const incoming = trustProxy > 0 ? c.req.header('X-Request-Id') : undefined;
    const id = incoming !== undefined && TRUSTED_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}
