/**
 * Sign-in attempts, in fixed 15-minute windows counted in the store (so every instance shares
 * the counts: guessing through N instances gives no N times the tries).
 *
 * Three limits, so that guessing stays bounded but a stranger cannot lock a moderator out:
 * - one account from one client address: tight (10). A guesser at one address is stopped here;
 *   the moderator at another address is not affected.
 * - one client address, all accounts: 100 (a school or office network shares an address).
 * - one account from every address: loose (50), against guessing spread over many addresses.
 *   It never refuses a network the account signed in from in the last 30 days, so a botnet
 *   that keeps the account over the limit delays the moderator only on a network they have
 *   never used (for at most the rest of the window), and never at the office or at home.
 *
 * Every attempt counts, right or wrong, before the password is checked: the limit caps
 * guessing whatever the outcome, and a refused attempt costs no scrypt run. The account is
 * counted whether it exists or not, and the message is the same, so the limit does not tell
 * which accounts exist. Keys are hashes (window, scope, lower-cased e-mail or address), so no
 * e-mail address or client address is written down.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { StaffConfig } from '../../config/index.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import { addressKey, clientAddress } from '../../rate-limit/index.ts';
import type { Store } from '../../store/index.ts';

/** Length of a window: limits are "per 15 minutes". */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** Start of the window that holds `ms`, as the store keys it (ISO 8601). */
export function signInWindowStart(ms: number): string {
  return new Date(Math.floor(ms / SIGN_IN_WINDOW_MS) * SIGN_IN_WINDOW_MS).toISOString();
}

/** Deletes the counters of past windows (the server does this every minute). */
export function expireSignInCounters(
  store: Pick<Store, 'expireSignInAttempts'>,
  now: number,
): Promise<number> {
  return store.expireSignInAttempts(signInWindowStart(now));
}

/** How long a network an account signed in from is remembered. */
export const KNOWN_NETWORK_MS = 30 * 24 * 3_600_000;

function counterKey(start: string, kind: 'account' | 'address' | 'pair', id: string): string {
  return createHash('sha256').update(`${start}\nsign-in\n${kind}\n${id}`).digest('base64url').slice(0, 22);
}

/** The mark of "this account signed in from this address": the same key in every window. */
function knownNetworkKey(email: string, address: string): string {
  return createHash('sha256')
    .update(`sign-in\nknown-network\n${normalEmail(email)}\n${address}`)
    .digest('base64url')
    .slice(0, 22);
}

const normalEmail = (email: string) => email.trim().toLowerCase();

type LimitDeps = Pick<ApiDeps, 'store' | 'now'> & {
  config: { staff: StaffConfig; trustProxy?: number | undefined };
};

/**
 * Counts one sign-in attempt for `email` from this request's address. Resolves with a 429
 * problem (Retry-After, and how long to wait in words) when a limit is passed, else
 * undefined: go on and check the password.
 */
export async function countSignInAttempt<E extends AppEnv>(
  c: Context<E>,
  deps: LimitDeps,
  email: string,
): Promise<Response | undefined> {
  const { perAccountAndAddress, perAccount, perAddress } = deps.config.staff.signInLimit;
  if (perAccountAndAddress === null && perAccount === null && perAddress === null) return undefined;
  const at = deps.now();
  const start = signInWindowStart(at);
  const from = addressKey(clientAddress(c, deps.config.trustProxy ?? 0));
  const hits = new Map<string, number>();
  const pair = counterKey(start, 'pair', `${normalEmail(email)}\n${from}`);
  const account = counterKey(start, 'account', normalEmail(email));
  const address = counterKey(start, 'address', from);
  if (perAccountAndAddress !== null) hits.set(pair, 1);
  if (perAccount !== null) hits.set(account, 1);
  if (perAddress !== null) hits.set(address, 1);
  const counts = await deps.store.addSignInAttempts(start, hits);
  const over = (key: string, limit: number | null) => limit !== null && (counts.get(key) ?? 0) > limit;

  const retryAfter = Math.max(1, Math.ceil((Date.parse(start) + SIGN_IN_WINDOW_MS - at) / 1000));
  const minutes = Math.ceil(retryAfter / 60);
  const wait = `wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
  const refuse = (detail: string) =>
    problem(c, 429, detail, { headers: { 'Retry-After': String(retryAfter) } });
  const waitAfter = (why: string) => `${why} W${wait.slice(1)}`;

  if (over(pair, perAccountAndAddress))
    return refuse(waitAfter('Too many sign-in attempts for this account.'));
  if (over(address, perAddress)) return refuse(waitAfter('Too many sign-in attempts from this network.'));
  if (over(account, perAccount)) {
    const known = knownNetworkKey(email, from);
    const found = await deps.store.findSignInKeys([known], new Date(at).toISOString());
    if (!found.has(known))
      return refuse(
        'Too many sign-in attempts for this account from networks it has not signed in from. ' +
          `Sign in from a network you have used before, or ${wait}`,
      );
  }
  return undefined;
}

/**
 * Remembers, for {@link KNOWN_NETWORK_MS}, that `email` signed in from this request's address,
 * so the loose account-wide limit never refuses it there. Called after a successful sign-in.
 */
export async function rememberSignInNetwork<E extends AppEnv>(
  c: Context<E>,
  deps: LimitDeps,
  email: string,
): Promise<void> {
  if (deps.config.staff.signInLimit.perAccount === null) return;
  const from = addressKey(clientAddress(c, deps.config.trustProxy ?? 0));
  // Stored as a counter whose window starts when the mark expires: the sweep of past windows
  // then deletes it exactly then. One row per day of sign-ins at most.
  const day = 24 * 3_600_000;
  const expires = new Date(Math.ceil((deps.now() + KNOWN_NETWORK_MS) / day) * day).toISOString();
  await deps.store.addSignInAttempts(expires, new Map([[knownNetworkKey(email, from), 1]]));
}
