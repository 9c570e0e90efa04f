/**
 * OpenID Connect sign-in for staff (openid-client): authorization code with PKCE (S256), state
 * and nonce. A started sign-in (its state, nonce and code verifier) is kept in the store for
 * {@link FLOW_TTL_MS}, not in this process, so whichever instance the provider sends the
 * browser back to can finish it, and each state works once.
 *
 * The provider's metadata is discovered on first use and kept for the life of the process. If
 * the provider cannot be reached, the app still starts and serves everything else; sign-in
 * answers 503 and discovery is tried again after {@link DISCOVERY_RETRY_MS}.
 *
 * Claims become a staff account in ./users.ts; the route (api/routes/auth-oidc) starts the
 * session.
 */
import * as client from 'openid-client';
import type { Store } from '../../store/index.ts';
import type { OidcConfig } from './config.ts';
import type { OidcIdentity } from './users.ts';

export { OIDC_CALLBACK_PATH, type OidcConfig, parseOidcConfig } from './config.ts';
export {
  applyGroupAccess,
  OIDC_ACTOR,
  type OidcIdentity,
  type OidcRefusal,
  oidcSubject,
  staffUserFor,
} from './users.ts';

/** How long a started sign-in may take at the provider (MFA included). */
export const FLOW_TTL_MS = 10 * 60_000;
/** After a failed discovery, sign-in answers 503 at once for this long, then tries again. */
export const DISCOVERY_RETRY_MS = 5_000;
/** Longest wait for the provider on any request (discovery, token, userinfo). */
export const PROVIDER_TIMEOUT_S = 10;
/** Where sign-in lands when no (acceptable) place to return to was asked for. */
export const DEFAULT_RETURN_TO = '/personal';
/** What is asked of the provider: who (sub), the e-mail address that matches invitations, a name. */
const SCOPE = 'openid email profile';

/** The provider could not be reached (or its metadata was unusable). */
export class OidcUnavailableError extends Error {
  override name = 'OidcUnavailableError';
}

/** Why a callback did not sign anyone in (logged; the person sees "sign-in failed"). */
export type CallbackFailure =
  /** No state in the callback, or one never issued, already used or expired. */
  | 'unknown-state'
  /** The provider could not be reached for discovery. */
  | 'unavailable'
  /** The provider answered with an error (the person cancelled, or was refused there). */
  | 'provider-error'
  /** The code exchange or the ID token failed a check (or the provider refused the code). */
  | 'token-error';

/** The outcome of a callback. */
export type CallbackOutcome =
  | { ok: true; identity: OidcIdentity; returnTo: string }
  | {
      ok: false;
      reason: CallbackFailure;
      /** openid-client's error code and the OAuth `error`, safe to log (never a code or token). */
      code?: string | undefined;
      error?: string | undefined;
    };

/** Options of {@link oidcClient} (tests). */
export interface OidcClientOptions {
  now?: () => Date;
  /** See {@link DISCOVERY_RETRY_MS}. */
  retryMs?: number;
}

/** OIDC sign-in against one provider. */
export interface OidcClient {
  readonly config: OidcConfig;
  /**
   * Stores a new flow and resolves with the provider's authorization URL to send the browser
   * to. Rejects with {@link OidcUnavailableError} when the provider cannot be reached.
   */
  begin(store: Store, options: { redirectUri: string; returnTo: string }): Promise<URL>;
  /** Finishes the flow named by the callback's state: code exchange, ID token checks, claims. */
  complete(store: Store, options: { redirectUri: string; callbackUrl: URL }): Promise<CallbackOutcome>;
}

/** An OIDC client for `config`, with discovery cached as the module comment says. */
export function oidcClient(config: OidcConfig, options: OidcClientOptions = {}): OidcClient {
  const now = options.now ?? (() => new Date());
  const retryMs = options.retryMs ?? DISCOVERY_RETRY_MS;
  let discovered: Promise<client.Configuration> | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;

  const discover = (): Promise<client.Configuration> => {
    if (discovered) return discovered;
    if (now().getTime() - failedAt < retryMs)
      return Promise.reject(new OidcUnavailableError('the identity provider was unreachable moments ago'));
    const attempt = client
      .discovery(new URL(config.issuer), config.clientId, config.clientSecret, undefined, {
        timeout: PROVIDER_TIMEOUT_S,
        ...(config.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((err: unknown) => {
        discovered = undefined;
        failedAt = now().getTime();
        throw new OidcUnavailableError(`discovery at ${config.issuer} failed`, { cause: err });
      });
    discovered = attempt;
    return attempt;
  };

  return {
    config,

    async begin(store, { redirectUri, returnTo }) {
      const configuration = await discover();
      const codeVerifier = client.randomPKCECodeVerifier();
      const flow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier,
        returnTo: safeReturnTo(returnTo),
        createdAt: now().toISOString(),
      };
      // Abandoned sign-ins go here rather than in a timer: starting one is when they pile up.
      await store.expireOidcFlows(new Date(now().getTime() - FLOW_TTL_MS).toISOString());
      await store.saveOidcFlow(flow);
      return client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: SCOPE,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
    },

    async complete(store, { redirectUri, callbackUrl }) {
      const state = callbackUrl.searchParams.get('state');
      // Taken (deleted) before anything else: a state is good for one attempt, whatever happens.
      const flow = state ? await store.takeOidcFlow(state) : undefined;
      if (!state || !flow || now().getTime() - Date.parse(flow.createdAt) > FLOW_TTL_MS)
        return { ok: false, reason: 'unknown-state' };
      let configuration: client.Configuration;
      try {
        configuration = await discover();
      } catch {
        return { ok: false, reason: 'unavailable' };
      }
      // The URL the provider was told to return to, with what it returned: what openid-client
      // checks and sends back as redirect_uri (this request's own URL may be a proxy's).
      const current = new URL(redirectUri);
      current.search = callbackUrl.search;
      try {
        const tokens = await client.authorizationCodeGrant(configuration, current, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) return { ok: false, reason: 'token-error' };
        const identity: OidcIdentity = {
          issuer: configuration.serverMetadata().issuer,
          sub: claims.sub,
          email: claims.email,
          email_verified: claims.email_verified,
          name: claims.name,
          groups: claims[config.groupsClaim ?? 'groups'],
        };
        // Many providers put the e-mail address only in userinfo (oidc-provider does).
        if (claims.email === undefined && configuration.serverMetadata().userinfo_endpoint) {
          const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
          identity.email = info.email;
          identity.email_verified = info.email_verified;
          identity.name ??= info.name;
          identity.groups ??= info[config.groupsClaim ?? 'groups'];
        }
        return { ok: true, identity, returnTo: flow.returnTo };
      } catch (err) {
        const e = err as { code?: unknown; error?: unknown };
        return {
          ok: false,
          reason: err instanceof client.AuthorizationResponseError ? 'provider-error' : 'token-error',
          code: typeof e.code === 'string' ? e.code : undefined,
          error: typeof e.error === 'string' ? e.error : undefined,
        };
      }
    },
  };
}

/**
 * `raw` when it is a path in the staff screens (`/personal`, `/personal/…`), else
 * {@link DEFAULT_RETURN_TO}: sign-in must not become a redirect to anywhere (an open redirect).
 */
export function safeReturnTo(raw: string | undefined | null): string {
  if (!raw || raw.length > 2000) return DEFAULT_RETURN_TO;
  // Parsed against a dummy origin: anything that leaves it (//host, /\host, a scheme) is refused.
  let url: URL;
  try {
    url = new URL(raw, 'http://kraftsamla.invalid');
  } catch {
    return DEFAULT_RETURN_TO;
  }
  if (url.origin !== 'http://kraftsamla.invalid' || !raw.startsWith('/') || raw.startsWith('//'))
    return DEFAULT_RETURN_TO;
  if (!/^\/personal(\/|$)/.test(url.pathname)) return DEFAULT_RETURN_TO;
  return `${url.pathname}${url.search}${url.hash}`;
}
