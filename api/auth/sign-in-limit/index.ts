/**
 * Sign-in attempts per account and per client address, in fixed 15-minute windows counted
 * in the store (so every instance shares the counts: guessing through N instances gives no
 * N times the tries).
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

function counterKey(start: string, kind: 'account' | 'address', id: string): string {
  return createHash('sha256').update(`${start}\nsign-in\n${kind}\n${id}`).digest('base64url').slice(0, 22);
}

/**
 * Counts one sign-in attempt for `email` from this request's address. Resolves with a 429
 * problem (Retry-After, and how long to wait in words) when either limit is passed, else
 * undefined: go on and check the password.
 */
export async function countSignInAttempt<E extends AppEnv>(
  c: Context<E>,
  deps: Pick<ApiDeps, 'store' | 'now'> & { config: { staff: StaffConfig; trustProxy?: number | undefined } },
  email: string,
): Promise<Response | undefined> {
  const { perAccount, perAddress } = deps.config.staff.signInLimit;
  if (perAccount === null && perAddress === null) return undefined;
  const at = deps.now();
  const start = signInWindowStart(at);
  const hits = new Map<string, number>();
  const account = counterKey(start, 'account', email.trim().toLowerCase());
  const address = counterKey(start, 'address', addressKey(clientAddress(c, deps.config.trustProxy ?? 0)));
  if (perAccount !== null) hits.set(account, 1);
  if (perAddress !== null) hits.set(address, 1);
  const counts = await deps.store.addSignInAttempts(start, hits);

  const overAccount = perAccount !== null && (counts.get(account) ?? 0) > perAccount;
  const overAddress = perAddress !== null && (counts.get(address) ?? 0) > perAddress;
  if (!overAccount && !overAddress) return undefined;
  const retryAfter = Math.max(1, Math.ceil((Date.parse(start) + SIGN_IN_WINDOW_MS - at) / 1000));
  const minutes = Math.ceil(retryAfter / 60);
  const wait = `Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
  return problem(
    c,
    429,
    overAccount
      ? `Too many sign-in attempts for this account. ${wait}`
      : `Too many sign-in attempts from this network. ${wait}`,
    { headers: { 'Retry-After': String(retryAfter) } },
  );
}
