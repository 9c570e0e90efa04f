/**
 * Retention: deleting (or blanking) what is older than each kind of data's cutoff, as the
 * settings and the city's gallringsbeslut say. Works in batches of short transactions, so a
 * first run over years of data never holds SQLite's write lock (or many row locks) for long.
 *
 * Audit rows: the log stays append-only. The retention method records its cutoff in the one row
 * of `audit_retention`; the database's delete trigger (0007) lets a row go only when it is older
 * than that cutoff and older than AUDIT_MIN_AGE_DAYS by the database's own clock, and still
 * refuses every UPDATE (and TRUNCATE).
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { AUDIT_MIN_AGE_DAYS } from '../moderation.ts';
import type { Database } from '../schema.ts';
import type { RetentionCutoffs, RetentionResult, RetentionSetting, Store } from '../types.ts';
import { withdrawAggregates } from './aggregates.ts';
import { auditRow, insertAudit } from './audit.ts';
import { withRetry } from './retry.ts';

type RetentionStore = Pick<Store, 'applyRetention'>;

/** Rows per transaction. */
const BATCH = 500;

/** The tables holding a submission's parts, children first (foreign keys). */
const SUBMISSION_PARTS = [
  'restricted_originals',
  'redactions',
  'submission_flags',
  'official_answers',
  'contacts',
  'tags',
  'submission_answers',
  'retag_pending',
] as const;

/** `now` minus whole months, in UTC (the 31st becomes the month's last day). */
function monthsBefore(now: Date, months: number): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  d.setUTCHours(now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds());
  return d;
}

/** The cutoffs the retention setting means at `now` (null where data is kept). */
export function retentionCutoffs(setting: RetentionSetting, now: Date): RetentionCutoffs {
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
  const months = (n: number | null) => (n === null ? null : monthsBefore(now, n).toISOString());
  // Submissions and audit rows are public records: without a recorded decision nothing goes.
  const decided = setting.gallringsbeslut !== null && setting.gallringsbeslut.trim() !== '';
  return {
    contactsBefore: months(setting.contactMonths),
    deviceIdsBefore: days(setting.deviceIdDays),
    mailBefore: days(setting.mailDays),
    submissionsBefore: decided ? months(setting.submissionMonths) : null,
    auditBefore: decided ? months(setting.auditMonths) : null,
  };
}

/** The retention half of the store. */
export function retentionStore(db: Kysely<Database>): RetentionStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  /** Runs `step` (one short transaction, returning how many rows it did) until it does none. */
  const batches = async (step: () => Promise<number>): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await withRetry(step);
      total += n;
      if (n < BATCH) return total;
    }
  };

  /** The latest audit cutoff the database accepts now (its clock, not the app's). */
  const auditFloor = async (): Promise<string> => {
    const days = AUDIT_MIN_AGE_DAYS;
    const query = postgres
      ? sql<{ floor: string }>`select to_char((now() at time zone 'UTC') - make_interval(days => ${days}),
          'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as floor`
      : sql<{ floor: string }>`select strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`-${days} days`}) as floor`;
    const { rows } = await query.execute(db);
    const floor = rows[0]?.floor;
    if (!floor) throw new Error('the database did not tell its time');
    return floor;
  };

  return {
    async applyRetention(cutoffs, actor) {
      const result: RetentionResult = {
        contacts: 0,
        deviceIds: 0,
        mail: 0,
        submissions: 0,
        audit: 0,
        auditCutoff: null,
      };
      const contactsBefore = cutoffs.contactsBefore;
      if (contactsBefore !== null) {
        result.contacts = await batches(async () => {
          const rows = await db
            .selectFrom('contacts')
            .select('submission_id')
            .where('created_at', '<', contactsBefore)
            .limit(BATCH)
            .execute();
          if (rows.length === 0) return 0;
          const ids = rows.map((r) => r.submission_id);
          await db.deleteFrom('contacts').where('submission_id', 'in', ids).execute();
          return ids.length;
        });
      }

      const devicesBefore = cutoffs.deviceIdsBefore;
      if (devicesBefore !== null) {
        // One pass in id order: the cursor moves past each batch, so nothing is read twice.
        let after = '';
        result.deviceIds = await batches(async () => {
          const rows = await db
            .selectFrom('submissions')
            .select('id')
            .where('id', '>', after)
            .where('received_at', '<', devicesBefore)
            .where('device_id', '<>', '')
            .orderBy('id')
            .limit(BATCH)
            .execute();
          const last = rows.at(-1);
          if (!last) return 0;
          after = last.id;
          const blanked = await db
            .updateTable('submissions')
            .set({ device_id: '' })
            .where(
              'id',
              'in',
              rows.map((r) => r.id),
            )
            .executeTakeFirst();
          return Number(blanked.numUpdatedRows);
        });
      }

      if (cutoffs.mailBefore !== null) {
        const deleted = await db
          .deleteFrom('mail_outbox')
          .where('status', 'in', ['sent', 'given-up'])
          .where('created_at', '<', cutoffs.mailBefore)
          .executeTakeFirst();
        result.mail = Number(deleted.numDeletedRows);
      }

      const submissionsBefore = cutoffs.submissionsBefore;
      if (submissionsBefore !== null) {
        let after = '';
        result.submissions = await batches(async () => {
          const rows = await db
            .selectFrom('submissions')
            .select('id')
            .where('id', '>', after)
            .where('received_at', '<', submissionsBefore)
            .orderBy('id')
            .limit(BATCH)
            .execute();
          const last = rows.at(-1);
          if (!last) return 0;
          after = last.id;
          const ids = rows.map((r) => r.id);
          return db.transaction().execute(async (trx) => {
            // Dashboard counts (issue 8) lose what the destroyed submissions counted, so a
            // rebuild gives the same figures (statistics follow the gallring decision).
            await withdrawAggregates(trx, ids);
            for (const table of SUBMISSION_PARTS) {
              await trx.deleteFrom(table).where('submission_id', 'in', ids).execute();
            }
            const deleted = await trx.deleteFrom('submissions').where('id', 'in', ids).executeTakeFirst();
            return Number(deleted.numDeletedRows);
          });
        });
      }

      if (cutoffs.auditBefore !== null) {
        const floor = await auditFloor();
        const cutoff = cutoffs.auditBefore < floor ? cutoffs.auditBefore : floor;
        result.auditCutoff = cutoff;
        await db
          .insertInto('audit_retention')
          .values({ id: 1, cutoff, updated_at: actor.at })
          .onConflict((oc) => oc.column('id').doUpdateSet({ cutoff, updated_at: actor.at }))
          .execute();
        result.audit = await batches(async () => {
          const rows = await db
            .selectFrom('audit_log')
            .select('id')
            .where('at', '<', cutoff)
            .orderBy('at')
            .limit(BATCH)
            .execute();
          if (rows.length === 0) return 0;
          const deleted = await db
            .deleteFrom('audit_log')
            .where(
              'id',
              'in',
              rows.map((r) => r.id),
            )
            .executeTakeFirst();
          return Number(deleted.numDeletedRows);
        });
      }

      await db
        .transaction()
        .execute((trx) =>
          insertAudit(trx, [
            auditRow(actor, 'retention.apply', { type: 'retention', id: null }, null, { cutoffs, result }),
          ]),
        );
      return result;
    },
  };
}
