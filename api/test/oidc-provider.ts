/**
 * Test support: a real OpenID Connect provider (the `oidc-provider` package, a certified
 * implementation) on a free loopback port, for the OIDC sign-in tests (vitest and e2e).
 *
 * It uses the package's development login screen: whatever is typed as the login becomes the
 * account id (any password is accepted), then a consent screen asks to continue. An account's
 * claims come from `accounts`, or, for a login not listed there that looks like an e-mail
 * address, are that address (verified) and a name made from it. Development only: the
 * package is a devDependency and nothing in the app imports this file.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './free-port.ts';

/** Claims of one test account (the `sub` is its login). */
export interface TestAccount {
  email?: string;
  /** false: the provider says the address was not verified. Default true. */
  email_verified?: boolean;
  name?: string;
  /** The `groups` claim (in the `profile` scope, as the app asks for it). */
  groups?: string[];
}

/** Options of {@link startOidcProvider}. */
export interface OidcProviderOptions {
  /** Callback URLs the client may use (exactly, as the app sends them). */
  redirectUris: string[];
  /** Accounts by login; logins not listed get claims made from the login itself. */
  accounts?: Record<string, TestAccount>;
  /** The port to listen on (a test that starts the app before its provider); default a free one. */
  port?: number;
  /** The client's secret (a server started before the provider needs it); default a random one. */
  clientSecret?: string;
}

/** A running provider. */
export interface TestOidcProvider {
  /** http://127.0.0.1:PORT: set as OIDC_ISSUER (with OIDC_ALLOW_HTTP=on). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Changes or adds accounts while it runs. */
  accounts: Record<string, TestAccount>;
  stop(): Promise<void>;
}

/** Starts a provider with one confidential client (PKCE required) on 127.0.0.1:<free port>. */
export async function startOidcProvider(options: OidcProviderOptions): Promise<TestOidcProvider> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'kraftsamla-test';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('hex');
  const accounts: Record<string, TestAccount> = { ...options.accounts };

  // The dev keys and dev screens are what a test wants; their warnings are noise.
  const provider = quietly(
    () =>
      new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: options.redirectUris,
            response_types: ['code'],
            grant_types: ['authorization_code'],
            // What openid-client sends by default.
            token_endpoint_auth_method: 'client_secret_post',
          },
        ],
        pkce: { required: () => true },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
        // Seconds; set so the provider does not warn about its defaults.
        ttl: {
          Interaction: 600,
          Session: 3600,
          Grant: 3600,
          AccessToken: 600,
          IdToken: 600,
          AuthorizationCode: 60,
        },
        cookies: { keys: [randomBytes(16).toString('hex')] },
        features: { devInteractions: { enabled: true } },
        async findAccount(_ctx, id) {
          return {
            accountId: id,
            async claims() {
              return { sub: id, ...claimsOf(id, accounts[id]) };
            },
          };
        },
      }),
  );
  const server = createServer(quietly(() => provider.callback()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function claimsOf(id: string, account: TestAccount | undefined): TestAccount {
  if (account) return { email_verified: true, ...account };
  if (!id.includes('@')) return {};
  const local = id.split('@')[0] ?? id;
  const name = local
    .split(/[._-]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
  return { email: id, email_verified: true, name };
}

function quietly<T>(fn: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider WARNING')) return;
    warn(...args);
  };
  try {
    return fn();
  } finally {
    console.warn = warn;
  }
}

/**
 * Signs in at the provider the way a browser would, with plain fetch: follows the redirects
 * from `authorizationUrl` (where the app's /start sent the browser), fills in the login form
 * with `login` and submits the consent form, and resolves with the URL the provider finally
 * redirects to (the app's callback with `code` and `state`, or with an `error`).
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const origin = new URL(authorizationUrl).origin;
  let url = new URL(authorizationUrl);
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step += 1) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        ...(cookies.size > 0 ? { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    body = undefined;
    const location = res.headers.get('Location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url);
      if (url.origin !== origin) return url;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200)
      throw new Error(`the provider answered ${res.status} at ${url.pathname}: ${html}`);
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no login or consent form at ${url.pathname}: ${html}`);
    url = new URL(action.replaceAll('&amp;', '&'), url);
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
  }
  throw new Error('the provider did not send the browser back within 20 steps');
}
