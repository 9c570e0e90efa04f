/**
 * The e-mail outbox: messages are queued in the transaction of what they tell about (an answer),
 * and a sender on any instance claims due ones under a lease, sends, and marks them. A message is
 * claimed by one sender at a time; one whose sender died is claimed again once its lease ends,
 * so it is sent at least once (exactly once unless a sender dies between the SMTP server's
 * acceptance and markMailSent). Once sent or given up, recipient and body are blanked: the
 * address is not kept, only that a message of that kind went out.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, MailOutboxTable } from '../schema.ts';
import type { NewMail, OutboxMail, Store } from '../types.ts';

type MailStore = Pick<Store, 'enqueueMail' | 'claimMail' | 'markMailSent' | 'markMailFailed'>;

/** Attempts before a message is given up (about 8.5 hours of retries with the backoff below). */
export const MAX_MAIL_ATTEMPTS = 10;
/** Wait before the second attempt; doubles each time. */
export const MAIL_BACKOFF_BASE_MS = 60_000;
/** Longest wait between attempts. */
export const MAIL_BACKOFF_MAX_MS = 6 * 60 * 60_000;
/** Longest error text kept (it must name no address; the caller sees to that). */
const MAX_ERROR_CHARS = 500;

/** When attempt `attempts + 1` may run, after `attempts` failures ending at `at`. */
export function nextAttemptAt(at: string, attempts: number): string {
  const wait = Math.min(MAIL_BACKOFF_MAX_MS, MAIL_BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return new Date(Date.parse(at) + wait).toISOString();
}

/** Queues `mail` within `trx` unless its key was queued before; true when queued now. */
export async function insertMail(
  trx: Transaction<Database> | Kysely<Database>,
  mail: NewMail,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('mail_outbox')
    .values({
      id: mail.id,
      dedup_key: mail.key,
      kind: mail.kind,
      recipient: mail.recipient,
      subject: mail.subject,
      body_text: mail.text,
      body_html: mail.html,
      status: 'pending',
      attempts: 0,
      next_attempt_at: mail.createdAt,
      claimed_by: null,
      claimed_until: null,
      last_error: null,
      created_at: mail.createdAt,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** What is blanked once a message is done with: who it went to and what it said. */
const BLANK = { recipient: null, subject: null, body_text: null, body_html: null } as const;

/** The outbox half of the store. */
export function mailOutboxStore(db: Kysely<Database>): MailStore {
  return {
    enqueueMail: (mail) => insertMail(db, mail),

    async claimMail(holder, now, leaseMs, limit) {
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      const due = await db
        .selectFrom('mail_outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(Math.max(1, Math.floor(limit)))
        .execute();
      if (due.length === 0) return [];
      // The condition again, in the UPDATE: of two senders that read the same rows, the second
      // finds them claimed (on PostgreSQL it waits for the first's row locks, then re-checks).
      const rows = await db
        .updateTable('mail_outbox')
        .set({ claimed_by: holder, claimed_until: until })
        .where(
          'id',
          'in',
          due.map((r) => r.id),
        )
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .returningAll()
        .execute();
      return rows
        .sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id.localeCompare(b.id))
        .flatMap(toOutboxMail);
    },

    async markMailSent(id, holder, at) {
      const result = await db
        .updateTable('mail_outbox')
        .set({ ...BLANK, status: 'sent', sent_at: at, claimed_by: null, claimed_until: null })
        .where('id', '=', id)
        .where('claimed_by', '=', holder)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async markMailFailed(id, holder, at, error, options) {
      const row = await db
        .selectFrom('mail_outbox')
        .select('attempts')
        .where('id', '=', id)
        .where('claimed_by', '=', holder)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (!row) return 'not-held';
      const attempts = row.attempts + 1;
      const giveUp = options?.permanent === true || attempts >= MAX_MAIL_ATTEMPTS;
      const result = await db
        .updateTable('mail_outbox')
        .set({
          attempts,
          last_error: error.slice(0, MAX_ERROR_CHARS),
          claimed_by: null,
          claimed_until: null,
          ...(giveUp ? { ...BLANK, status: 'given-up' } : { next_attempt_at: nextAttemptAt(at, attempts) }),
        })
        .where('id', '=', id)
        .where('claimed_by', '=', holder)
        .where('status', '=', 'pending')
        .where('attempts', '=', row.attempts)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return 'not-held';
      return giveUp ? 'given-up' : 'retry';
    },
  };
}

function toOutboxMail(row: Selectable<MailOutboxTable>): OutboxMail[] {
  if (row.recipient === null || row.subject === null || row.body_text === null) return [];
  return [
    {
      id: row.id,
      key: row.dedup_key,
      kind: row.kind,
      recipient: row.recipient,
      subject: row.subject,
      text: row.body_text,
      html: row.body_html,
      createdAt: row.created_at,
      attempts: row.attempts,
    },
  ];
}
