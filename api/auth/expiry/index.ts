/**
 * Deleting staff state that has run out: sessions past their idle or absolute limit, OIDC
 * sign-ins abandoned at the provider, and past sign-in counter windows. Requests ignore
 * such rows anyway (and delete the sessions they meet); this keeps the tables small and
 * drops what nobody comes back for. The server runs it every minute, on every instance
 * (each statement is a plain conditional delete, so running it twice at once is harmless).
 */
import type { StaffConfig } from '../../config/index.ts';
import type { Store } from '../../store/index.ts';
import { FLOW_TTL_MS } from '../oidc/index.ts';
import { expireSignInCounters } from '../sign-in-limit/index.ts';

/** How often the server sweeps. */
export const EXPIRY_INTERVAL_MS = 60_000;

/** Deletes what has expired at `now` (ms); resolves with how many rows of each kind. */
export async function expireStaffState(
  store: Pick<Store, 'expireStaffSessions' | 'expireOidcFlows' | 'expireSignInAttempts'>,
  staff: Pick<StaffConfig, 'sessionIdleMinutes' | 'sessionMaxHours'>,
  now: number,
): Promise<{ sessions: number; flows: number; signInCounters: number }> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const sessions = await store.expireStaffSessions({
    createdBefore: iso(now - staff.sessionMaxHours * 3_600_000),
    seenBefore: iso(now - staff.sessionIdleMinutes * 60_000),
  });
  const flows = await store.expireOidcFlows(iso(now - FLOW_TTL_MS));
  const signInCounters = await expireSignInCounters(store, now);
  return { sessions, flows, signInCounters };
}
