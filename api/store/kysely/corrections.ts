/**
 * What staff correct or add on one submission: the delområde (a `staff` tag), the insats, and
 * the city's public answer (with the participant's e-mail queued in the same transaction). Each
 * change and its audit row commit together; on PostgreSQL the submission row is locked, on SQLite
 * the transaction takes the write lock first.
 */
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { Store } from '../types.ts';
import { changeAggregates } from './aggregates.ts';
import { auditRow, insertAudit } from './audit.ts';
import { insertMail } from './mail-outbox.ts';
import { withRetry } from './retry.ts';
import { writeFirst } from './write-lock.ts';

type CorrectionStore = Pick<
  Store,
  'setSubmissionArea' | 'setSubmissionInsats' | 'answerSubmission' | 'deleteSubmissionContact'
>;

/** Longest official answer, as long as the longest text a participant may send. */
export const MAX_ANSWER_CHARS = 5_000;

/** The correction half of the store. */
export function correctionStore(db: Kysely<Database>): CorrectionStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const transaction = <T>(work: (trx: Transaction<Database>) => Promise<T>) =>
    withRetry(() =>
      db.transaction().execute(async (trx) => {
        await writeFirst(trx, postgres);
        return work(trx);
      }),
    );

  return {
    setSubmissionArea: (id, areaCode, actor) =>
      transaction(async (trx) => {
        const submission = await lockSubmission(trx, postgres, id);
        if (!submission) return { status: 'not-found' };
        const area = await trx
          .selectFrom('areas')
          .select('code')
          .where('code', '=', areaCode)
          .executeTakeFirst();
        if (!area) return { status: 'invalid', message: `${areaCode} is not a known delområde` };
        const active = await trx
          .selectFrom('boundary_sets')
          .select('version')
          .where('active', '=', 1)
          .executeTakeFirst();
        if (!active) return { status: 'invalid', message: 'no boundary set is active' };
        const current = await trx
          .selectFrom('tags')
          .select(['area_code', 'source', 'boundary_version', 'is_primary'])
          .where('submission_id', '=', id)
          .where('current', '=', 1)
          .execute();
        const primary = current.find((t) => t.is_primary === 1);
        if (primary?.source === 'staff' && primary.area_code === areaCode) {
          return { status: 'unchanged', value: areaCode };
        }
        // Dashboard counts (issue 8) follow the tags: the writes below run inside.
        await changeAggregates(trx, [id], () => writeStaffTag(trx, id, areaCode, active.version, actor.at));
        const before = primary ? { areaCode: primary.area_code, source: primary.source } : null;
        const after = { areaCode, source: 'staff' };
        await insertAudit(trx, [
          auditRow(actor, 'submission.area', { type: 'submission', id }, before, after),
        ]);
        return { status: 'saved', before: primary?.area_code ?? null, after: areaCode };
      }),
    setSubmissionInsats: (id, insatsId, actor) =>
      transaction(async (trx) => {
        const submission = await lockSubmission(trx, postgres, id);
        if (!submission) return { status: 'not-found' };
        if (submission.insats_id === insatsId) return { status: 'unchanged', value: insatsId };
        const answers = await trx
          .selectFrom('submission_answers')
          .select('submission_id')
          .where('submission_id', '=', id)
          .limit(1)
          .executeTakeFirst();
        if (answers) {
          return { status: 'invalid', message: 'the answers of this submission belong to its insats' };
        }
        if (insatsId !== null) {
          const insats = await trx
            .selectFrom('insatser')
            .select('id')
            .where('id', '=', insatsId)
            .executeTakeFirst();
          if (!insats) return { status: 'invalid', message: `${insatsId} is not an insats` };
        }
        await changeAggregates(trx, [id], () =>
          trx.updateTable('submissions').set({ insats_id: insatsId }).where('id', '=', id).execute(),
        );
        await insertAudit(trx, [
          auditRow(
            actor,
            'submission.insats',
            { type: 'submission', id },
            { insatsId: submission.insats_id },
            { insatsId },
          ),
        ]);
        return { status: 'saved', before: submission.insats_id, after: insatsId };
      }),

    answerSubmission: (id, text, actor, options) =>
      transaction(async (trx) => {
        const answer = text.trim();
        if (answer === '' || answer.length > MAX_ANSWER_CHARS) {
          return { status: 'invalid', message: `an answer is 1–${MAX_ANSWER_CHARS} characters` };
        }
        const submission = await lockSubmission(trx, postgres, id);
        if (!submission) return { status: 'not-found' };
        // Choice and scale answers are never moderated, so never published one by one: an
        // official answer to one would be public text about something nobody can see.
        if (submission.moderation_status === 'none')
          return {
            status: 'invalid',
            message:
              'this item holds only choice or scale answers, which are never published: it cannot be answered',
          };
        const existing = await trx
          .selectFrom('official_answers')
          .select('text')
          .where('submission_id', '=', id)
          .executeTakeFirst();
        if (existing?.text === answer) return { status: 'unchanged', value: answer };
        await trx
          .insertInto('official_answers')
          .values({ submission_id: id, text: answer, answered_at: actor.at, answered_by: actor.actorId })
          .onConflict((oc) =>
            oc.column('submission_id').doUpdateSet({
              text: answer,
              answered_at: actor.at,
              answered_by: actor.actorId,
            }),
          )
          .execute();
        // Answers are public text: the audit may hold them.
        await insertAudit(trx, [
          auditRow(
            actor,
            'submission.answer',
            { type: 'submission', id },
            existing ? { text: existing.text } : null,
            { text: answer },
          ),
        ]);
        let mailQueued = false;
        if (options?.mail) {
          const contact = await trx
            .selectFrom('contacts')
            .select('email')
            .where('submission_id', '=', id)
            .executeTakeFirst();
          if (contact?.email)
            mailQueued = await insertMail(trx, { ...options.mail, recipient: contact.email });
        }
        return { status: 'saved', before: existing?.text ?? null, after: answer, mailQueued };
      }),

    deleteSubmissionContact: async (id, actor) => {
      const had = await transaction(async (trx) => {
        if (!(await lockSubmission(trx, postgres, id))) return undefined;
        const deleted = await trx.deleteFrom('contacts').where('submission_id', '=', id).executeTakeFirst();
        // An answer e-mail not yet sent would still go to the address: it is given up, blanked.
        await trx
          .updateTable('mail_outbox')
          .set({
            status: 'given-up',
            last_error: 'contact details deleted',
            recipient: null,
            subject: null,
            body_text: null,
            body_html: null,
          })
          .where('dedup_key', 'like', `answer:${id}:%`)
          .where('status', '=', 'pending')
          .execute();
        const had = Number(deleted.numDeletedRows) > 0;
        // Which submission and whether there was anything: never the details.
        await insertAudit(trx, [
          auditRow(actor, 'submission.contact.delete', { type: 'submission', id }, null, { deleted: had }),
        ]);
        return had;
      });
      // secure_delete zeroed the record in the page; the WAL still holds earlier copies of the
      // page until it is checkpointed into the main file and cut (as after a purge).
      if (had && !postgres) await sql`pragma wal_checkpoint(truncate)`.execute(db);
      return had;
    },
  };
}

/** The submission row, locked on PostgreSQL; undefined when there is none. */
async function lockSubmission(trx: Transaction<Database>, postgres: boolean, id: string) {
  let q = trx.selectFrom('submissions').select(['id', 'insats_id', 'moderation_status']).where('id', '=', id);
  if (postgres) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The staff tag as the current primary one: earlier staff tags become history (setSubmissionArea). */
async function writeStaffTag(
  trx: Transaction<Database>,
  id: string,
  areaCode: string,
  version: string,
  at: string,
): Promise<void> {
  // The previous staff decision becomes history; the other tags stay current, not primary.
  await trx
    .updateTable('tags')
    .set({ current: 0, superseded_at: at, is_primary: 0 })
    .where('submission_id', '=', id)
    .where('source', '=', 'staff')
    .where('current', '=', 1)
    .execute();
  await trx
    .updateTable('tags')
    .set({ is_primary: 0 })
    .where('submission_id', '=', id)
    .where('current', '=', 1)
    .execute();
  await trx
    .insertInto('tags')
    .values({
      submission_id: id,
      area_code: areaCode,
      source: 'staff',
      boundary_version: version,
      is_primary: 1,
      uncertain: 0,
      created_at: at,
      current: 1,
      superseded_at: null,
    })
    .onConflict((oc) =>
      oc.columns(['submission_id', 'source', 'area_code', 'boundary_version']).doUpdateSet({
        current: 1,
        superseded_at: null,
        is_primary: 1,
        uncertain: 0,
        created_at: at,
      }),
    )
    .execute();
  await trx.updateTable('submissions').set({ primary_area: areaCode }).where('id', '=', id).execute();
}
