/**
 * The retention job: once a day (Europe/Stockholm calendar day) it deletes or blanks what the
 * retention settings say is kept no longer — contact details, device ids, sent e-mails, and
 * (only with a recorded gallringsbeslut) submissions and audit rows — through
 * store.applyRetention, which writes one `retention.apply` audit row per run.
 *
 * Every instance runs the job; it happens once a day across them all: a run holds the lease
 * `retention`, and a run first looks for today's `retention.apply` audit row (another instance's
 * run, or this one's before a restart) and then does nothing.
 */
import { localParts } from '../local-time/index.ts';
import { type Logger, loggableError } from '../../logging/index.ts';
import { holderName, type Periodic, startPeriodic } from '../../periodic/index.ts';
import { type RetentionResult, retentionCutoffs, type Store } from '../../store/index.ts';

/** The lease one run holds, shared by every instance on the database. */
export const RETENTION_LEASE = 'retention';
/**
 * How long a run holds the lease: longer than a run takes (a first run over years of data is
 * the longest). A run that outlives it could overlap another, which is harmless (deletes are
 * conditional) but writes a second audit row.
 */
export const RETENTION_LEASE_MS = 60 * 60_000;

type RetentionStore = Pick<
  Store,
  'claimLease' | 'releaseLease' | 'listAudit' | 'getSettings' | 'applyRetention'
>;

/** What one attempt did. */
export type RetentionOutcome =
  | { status: 'applied'; result: RetentionResult }
  /** Already run today (local date), by this instance or another. */
  | { status: 'done-today' }
  /** Another instance holds the lease (it is running now). */
  | { status: 'busy' };

/** Runs retention at `now` unless it ran today already or another instance is running it. */
export async function runRetention(
  store: RetentionStore,
  options: { now: number; holder: string },
): Promise<RetentionOutcome> {
  const { now, holder } = options;
  if (!(await store.claimLease(RETENTION_LEASE, holder, RETENTION_LEASE_MS))) return { status: 'busy' };
  try {
    const today = localParts(now).date;
    const [last] = await store.listAudit({ action: 'retention.apply', limit: 1 });
    if (last !== undefined && localParts(Date.parse(last.at)).date >= today) return { status: 'done-today' };
    const { retention } = await store.getSettings();
    const at = new Date(now).toISOString();
    const result = await store.applyRetention(retentionCutoffs(retention, new Date(now)), {
      at,
      actorId: null,
      actorLabel: 'system',
      requestId: null,
    });
    return { status: 'applied', result };
  } finally {
    await store.releaseLease(RETENTION_LEASE, holder);
  }
}

/** Options of {@link startRetentionJob}. */
export interface RetentionJobOptions {
  store: RetentionStore;
  /** The clock in milliseconds (tests move it). */
  now?: () => number;
  /** How often to check whether today's run is due (default 15 minutes). */
  intervalMs?: number;
  holder?: string;
  logger?: Logger;
  /** Called after each run that applied retention (tests). */
  onApplied?: (result: RetentionResult) => void;
}

/** Starts the retention job: a check at once, then every `intervalMs`. */
export function startRetentionJob(options: RetentionJobOptions): Periodic {
  const now = options.now ?? Date.now;
  const holder = options.holder ?? holderName('retention');
  return startPeriodic({
    intervalMs: options.intervalMs ?? 15 * 60_000,
    async step() {
      const outcome = await runRetention(options.store, { now: now(), holder });
      if (outcome.status !== 'applied') return;
      // Counts only: what was deleted is never logged.
      options.logger?.info({ retention: outcome.result }, 'Retention applied');
      options.onApplied?.(outcome.result);
    },
    onError: (err) => options.logger?.warn({ err: loggableError(err) }, 'Applying retention failed'),
  });
}
