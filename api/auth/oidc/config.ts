/**
 * OIDC sign-in configuration from the environment: all of it or none of it.
 *
 *   OIDC_ISSUER          the provider's issuer URL (https; discovery is read from it)
 *   OIDC_CLIENT_ID       this deployment's client id at the provider
 *   OIDC_CLIENT_SECRET   its secret (a confidential client; never logged)
 *   OIDC_NAME            what the sign-in button says ("Malmö stad" by default)
 *   OIDC_REDIRECT_URL    the callback URL registered at the provider; by default the public
 *                        origin + /api/auth/oidc/callback
 *   OIDC_ALLOW_HTTP      `on` allows an http issuer: local testing only
 *   OIDC_GROUPS_CLAIM    the claim holding the person's groups (`groups` by default)
 *   OIDC_GROUP_MAP       roles and nämnder by group (see ./groups.ts); unset: admins grant them
 */
import { ConfigError } from '../../config/index.ts';
import { type OidcGroupRule, parseGroupMap } from './groups.ts';

/** Where the provider sends people back to; fixed, since the provider checks it exactly. */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/** OIDC sign-in as configured. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Never logged, never sent anywhere but the provider's token endpoint. */
  clientSecret: string;
  /** The provider's display name, on the sign-in button. */
  name: string;
  /** The callback URL; null: derived from the public origin (see {@link OIDC_CALLBACK_PATH}). */
  redirectUrl: string | null;
  /** Plain http to the provider is allowed (OIDC_ALLOW_HTTP, local testing only). */
  allowHttp: boolean;
  /** The claim with the person's groups (OIDC_GROUPS_CLAIM); default `groups`. */
  groupsClaim?: string;
  /** Roles and nämnder by group (OIDC_GROUP_MAP); none: admins grant roles on the users screen. */
  groupMap?: readonly OidcGroupRule[];
}

const VARIABLES = [
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_NAME',
  'OIDC_REDIRECT_URL',
  'OIDC_ALLOW_HTTP',
  'OIDC_GROUPS_CLAIM',
  'OIDC_GROUP_MAP',
] as const;
const REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/**
 * Reads the OIDC_* variables. None set: null (OIDC sign-in is off). Some set but not the
 * issuer, client id and secret: a {@link ConfigError} naming what is missing, since a half
 * configuration is a mistake that would otherwise only show when someone tries to sign in.
 */
export function parseOidcConfig(env: Record<string, string | undefined>): OidcConfig | null {
  const value = (name: (typeof VARIABLES)[number]) => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const set = VARIABLES.filter((name) => value(name) !== undefined);
  if (set.length === 0) return null;
  const missing = REQUIRED.filter((name) => value(name) === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      `${missing.join(', ')} must be set too: OIDC sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID and ` +
        `OIDC_CLIENT_SECRET (${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set; unset all OIDC_* to turn it off)`,
    );
  }
  const allowHttp = parseSwitch('OIDC_ALLOW_HTTP', value('OIDC_ALLOW_HTTP'));
  const issuer = parseUrl('OIDC_ISSUER', value('OIDC_ISSUER') as string, allowHttp);
  const redirect = value('OIDC_REDIRECT_URL');
  return {
    issuer,
    clientId: value('OIDC_CLIENT_ID') as string,
    clientSecret: value('OIDC_CLIENT_SECRET') as string,
    name: value('OIDC_NAME') ?? 'Malmö stad',
    redirectUrl: redirect === undefined ? null : parseRedirectUrl(redirect, allowHttp),
    allowHttp,
    groupsClaim: value('OIDC_GROUPS_CLAIM') ?? 'groups',
    groupMap: parseGroupMap(value('OIDC_GROUP_MAP')),
  };
}

function parseSwitch(name: string, raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const value = raw.toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${raw}"`);
}

function parseUrl(name: string, raw: string, allowHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL like https://login.example.se, got "${raw}"`);
  }
  if (url.protocol === 'http:' && !allowHttp) {
    throw new ConfigError(
      `${name} must be an https URL, got "${raw}" (OIDC_ALLOW_HTTP=on allows http, for local testing only)`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${name} must be an https URL, got "${raw}"`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(`${name} must not have a query, fragment or credentials, got "${raw}"`);
  }
  // The issuer is compared exactly with what discovery says: keep it as written.
  return raw;
}

function parseRedirectUrl(raw: string, allowHttp: boolean): string {
  // http to this machine is no risk (a developer's own server behind a real provider).
  const loopback = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//i.test(raw);
  const url = parseUrl('OIDC_REDIRECT_URL', raw, allowHttp || loopback);
  if (new URL(url).pathname !== OIDC_CALLBACK_PATH) {
    throw new ConfigError(`OIDC_REDIRECT_URL must end in ${OIDC_CALLBACK_PATH}, got "${raw}"`);
  }
  return url;
}
