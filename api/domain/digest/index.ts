/**
 * The staff e-mail digest: once a day at the time in the settings (Europe/Stockholm), each
 * moderator and admin who opted in gets the counts of flagged items waiting and of new
 * proposals, with a link to the queue. Every instance runs the scheduler; the outbox key
 * `digest:<date>:<userId>` makes sure a message is queued once, whichever instance is first.
 */
import { randomUUID } from 'node:crypto';
import { type Logger, loggableError } from '../../logging/index.ts';
import { CITY_TIME_ZONE, localParts } from '../local-time/index.ts';
import { type DigestCounts, digestMail, publicLink, REVIEW_PATH } from '../../mail/templates.ts';
import { type Periodic, startPeriodic } from '../../periodic/index.ts';
import type { QueueStatus, StaffScope, Store } from '../../store/index.ts';

/** The city's time zone: the digest time in the settings is local time there. */
export const DIGEST_TIME_ZONE = CITY_TIME_ZONE;

const ALL_STATUSES: readonly QueueStatus[] = ['pending', 'approved', 'rejected', 'hidden'];

type DigestStore = Pick<Store, 'getSettings' | 'digestRecipients' | 'countQueue' | 'enqueueMail'>;

/** What one check of the scheduler did. */
export type DigestOutcome =
  | { status: 'off' | 'not-yet' }
  /** `queued`: messages this call queued (0 when another instance, or an earlier call, did). */
  | { status: 'due'; date: string; recipients: number; queued: number };

/**
 * Queues today's digest for every recipient when the digest is on and its time has come (today,
 * local time); a no-op for those already queued. Counts are taken at `now`: flagged and all
 * pending items, and proposals received since the same time the day before.
 */
export async function queueDigest(
  store: DigestStore,
  options: { now: number; publicUrl: string },
): Promise<DigestOutcome> {
  const { digest } = await store.getSettings();
  if (!digest.enabled) return { status: 'off' };
  const local = localParts(options.now);
  if (local.time < digest.time) return { status: 'not-yet' };
  const recipients = await store.digestRecipients();
  if (recipients.length === 0) return { status: 'due', date: local.date, recipients: 0, queued: 0 };

  const asOf = new Date(options.now).toISOString();
  // Today's digest moment in UTC, and the one before it a day earlier (an hour off across a
  // DST change, which only moves which proposals count as new by that hour).
  const [hh, mm] = digest.time.split(':').map(Number);
  const [y, mo, d] = local.date.split('-').map(Number);
  const scheduled = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0) - local.offsetMs;
  const since = new Date(scheduled - 86_400_000).toISOString();
  // Each recipient counts what they may see: a moderator given nämnder only those nämnders' input.
  const mails = new Map<string, ReturnType<typeof digestMail>>();
  const mailFor = async (scope: StaffScope | undefined) => {
    const key = JSON.stringify(scope ?? null);
    const known = mails.get(key);
    if (known) return known;
    const counts: DigestCounts = {
      flaggedPending: await store.countQueue({ statuses: ['pending'], flaggedOnly: true, scope }, asOf),
      pending: await store.countQueue({ statuses: ['pending'], scope }, asOf),
      newProposals: await store.countQueue(
        { statuses: ALL_STATUSES, kinds: ['proposal'], receivedFrom: since, scope },
        asOf,
      ),
    };
    const mail = digestMail({
      counts,
      date: local.date,
      reviewUrl: publicLink(options.publicUrl, REVIEW_PATH),
    });
    mails.set(key, mail);
    return mail;
  };
  let queued = 0;
  for (const r of recipients) {
    const rendered = await mailFor(r.scope);
    const added = await store.enqueueMail({
      id: randomUUID(),
      key: `digest:${local.date}:${r.id}`,
      kind: 'digest',
      recipient: r.email,
      createdAt: asOf,
      ...rendered,
    });
    if (added) queued++;
  }
  return { status: 'due', date: local.date, recipients: recipients.length, queued };
}

/** Options of {@link startDigestScheduler}. */
export interface DigestSchedulerOptions {
  store: DigestStore;
  /** The origin links in the digest point to (PUBLIC_URL). */
  publicUrl: string;
  /** The clock in milliseconds (tests move it). */
  now?: () => number;
  /** How often to look at the clock (default one minute). */
  intervalMs?: number;
  /** Called after messages were queued (the server wakes the mail sender). */
  onQueued?: (count: number) => void;
  logger?: Logger;
}

/**
 * Checks every `intervalMs` whether today's digest is due and queues it. Once this process has
 * seen a day's digest through, it does not ask again that day.
 */
export function startDigestScheduler(options: DigestSchedulerOptions): Periodic {
  const now = options.now ?? Date.now;
  let done: string | undefined;
  return startPeriodic({
    intervalMs: options.intervalMs ?? 60_000,
    async step() {
      const at = now();
      if (done === localParts(at).date) return;
      const outcome = await queueDigest(options.store, { now: at, publicUrl: options.publicUrl });
      if (outcome.status !== 'due') return;
      done = outcome.date;
      if (outcome.queued > 0) {
        options.logger?.info({ date: outcome.date, queued: outcome.queued }, 'Staff digest queued');
        options.onQueued?.(outcome.queued);
      }
    },
    onError: (err) => options.logger?.warn({ err: loggableError(err) }, 'Queueing the staff digest failed'),
  });
}
