/**
 * Redaction: spans of a submission's text replaced by the placeholder, in one transaction with
 * its flags, its content hash, the redaction record and the audit row.
 *
 * Where the original goes follows the mode. `restricted`: into `restricted_originals`, read only
 * through getRestrictedOriginals (admins; the route audits the read). `purge`: nowhere, and the
 * field's earlier restricted originals go too. On SQLite the connection has secure_delete on
 * (sqlite.ts), so the old record is zeroed in the page, and after the commit the WAL, which still
 * holds the page as it was, is checkpointed into the main file and truncated.
 *
 * On PostgreSQL the old row version stays in the table file as a dead tuple until vacuum
 * removes it (autovacuum, usually within minutes; the space is reused, not zeroed at once), and
 * in WAL segments until they are recycled; no query, dump or replica reads it after the commit.
 * Backups taken before the purge keep the original until they expire: the backup retention must
 * be part of the gallringsbeslut.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import { isFreeTextField } from '../../../common/wire/free-text.ts';
import { REDACTED_HASH_PREFIX, REDACTION_PLACEHOLDER } from '../moderation.ts';
import type { Database } from '../schema.ts';
import type {
  AuditActor,
  RedactionField,
  RedactionMode,
  RedactionOutcome,
  Store,
  SubmissionFlag,
} from '../types.ts';
import { auditRow, insertAudit } from './audit.ts';
import { withRetry } from './retry.ts';
import { storedText } from './redaction-fields.ts';
import { flagsOf } from './submission-parts.ts';
import { writeFirst } from './write-lock.ts';

type RedactionStore = Pick<Store, 'redactSubmission' | 'getRestrictedOriginals'>;

/** A span to replace. */
interface Span {
  start: number;
  end: number;
}

/**
 * `text` with each span replaced by the placeholder, and where every offset after the first span
 * moved to. Spans must be sorted and must not overlap.
 */
export function replaceSpans(
  text: string,
  spans: readonly Span[],
): { text: string; shift: (at: number) => number } {
  let out = '';
  let from = 0;
  for (const span of spans) {
    out += text.slice(from, span.start) + REDACTION_PLACEHOLDER;
    from = span.end;
  }
  out += text.slice(from);
  const shift = (at: number) =>
    spans.reduce(
      (moved, s) => (s.end <= at ? moved + REDACTION_PLACEHOLDER.length - (s.end - s.start) : moved),
      at,
    );
  return { text: out, shift };
}

/** Why `spans` cannot be redacted from a text of `length`, or undefined. */
function spanProblem(spans: readonly Span[], length: number): string | undefined {
  if (spans.length === 0) return 'no spans to redact';
  let end = 0;
  for (const s of spans) {
    if (
      !Number.isInteger(s.start) ||
      !Number.isInteger(s.end) ||
      s.start < 0 ||
      s.end > length ||
      s.start >= s.end
    )
      return `span ${s.start}–${s.end} is not within the text (0–${length})`;
    if (s.start < end) return `span ${s.start}–${s.end} overlaps another`;
    end = s.end;
  }
  return undefined;
}

/** The redaction half of the store. */
export function redactionStore(db: Kysely<Database>): RedactionStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    async redactSubmission(id, field, spans, mode, actor) {
      const sorted = [...spans].map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start);
      const outcome = await withRetry(() =>
        db.transaction().execute((trx) => redact(trx, postgres, id, field, sorted, mode, actor)),
      );
      if (outcome.status === 'redacted' && mode === 'purge' && !postgres) {
        // The WAL still holds the pages as they were before: copy the current ones into the main
        // file and cut the WAL to nothing. Fails (busy) only while another connection reads.
        const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(truncate)`.execute(db);
        return { ...outcome, walTruncated: rows[0]?.busy === 0 };
      }
      return outcome;
    },

    async getRestrictedOriginals(submissionId) {
      const rows = await db
        .selectFrom('restricted_originals as o')
        .innerJoin('redactions as r', 'r.id', 'o.redaction_id')
        .select(['o.redaction_id', 'o.submission_id', 'o.field', 'o.original', 'r.at', 'r.actor_id'])
        .where('o.submission_id', '=', submissionId)
        .orderBy('r.at')
        .orderBy('o.redaction_id')
        .execute();
      return rows.map((r) => ({
        redactionId: r.redaction_id,
        submissionId: r.submission_id,
        field: r.field as RedactionField,
        text: r.original,
        redactedAt: r.at,
        actorId: r.actor_id,
      }));
    },
  };
}

async function redact(
  trx: Transaction<Database>,
  postgres: boolean,
  id: string,
  field: RedactionField,
  spans: readonly Span[],
  mode: RedactionMode,
  actor: AuditActor,
): Promise<RedactionOutcome> {
  if (!isFreeTextField(field))
    return { status: 'invalid', message: `${field} is not a field that holds text` };
  await writeFirst(trx, postgres);
  let gallringsbeslut: string | undefined;
  if (mode === 'purge') {
    const setting = await trx
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'redaction')
      .executeTakeFirst();
    const value = setting ? (JSON.parse(setting.value) as { mode?: string; gallringsbeslut?: string }) : {};
    if (value.mode !== 'purge' || !value.gallringsbeslut) return { status: 'purge-not-allowed' };
    gallringsbeslut = value.gallringsbeslut;
  }
  let q = trx.selectFrom('submissions').select('id').where('id', '=', id);
  if (postgres) q = q.forUpdate();
  const submission = await q.executeTakeFirst();
  if (!submission) return { status: 'not-found' };

  const stored = await storedText(trx, id, field);
  if (stored === 'not-a-field')
    return { status: 'invalid', message: `${field} is not a field that holds text` };
  const original = stored.text;
  if (original === null) return { status: 'invalid', message: `${field} holds no text` };
  const problem = spanProblem(spans, original.length);
  if (problem) return { status: 'invalid', message: problem };

  const { text, shift } = replaceSpans(original, spans);
  const hash = `${REDACTED_HASH_PREFIX}${randomBytes(16).toString('hex')}`;
  await stored.write(text);
  await trx.updateTable('submissions').set({ content_hash: hash }).where('id', '=', id).execute();

  // Flags on a redacted span go; later ones in the field move with the text.
  const flags = (await flagsOf(trx, [id])).get(id) ?? [];
  const kept: SubmissionFlag[] = flags.flatMap((f) => {
    if (f.field !== field || f.start === null || f.end === null) return [f];
    const start = f.start;
    const end = f.end;
    if (spans.some((s) => start < s.end && s.start < end)) return [];
    return [{ ...f, start: shift(start), end: shift(end) }];
  });
  await trx.deleteFrom('submission_flags').where('submission_id', '=', id).execute();
  if (kept.length > 0) {
    await trx
      .insertInto('submission_flags')
      .values(
        kept.map((f, seq) => ({
          submission_id: id,
          seq,
          kind: f.kind,
          field: f.field,
          span_start: f.start,
          span_end: f.end,
          duplicate_of: f.duplicateOf,
        })),
      )
      .execute();
  }
  await trx
    .updateTable('submissions')
    .set({ flagged: kept.length > 0 ? 1 : 0 })
    .where('id', '=', id)
    .execute();

  const redactionId = randomUUID();
  const positions = spans.map((s) => [s.start, s.end]);
  await trx
    .insertInto('redactions')
    .values({
      id: redactionId,
      submission_id: id,
      field,
      spans: JSON.stringify(positions),
      mode,
      at: actor.at,
      actor_id: actor.actorId,
    })
    .execute();
  if (mode === 'restricted') {
    await trx
      .insertInto('restricted_originals')
      .values({ redaction_id: redactionId, submission_id: id, field, original, created_at: actor.at })
      .execute();
  } else {
    // Earlier restricted originals of this field still hold the text being destroyed.
    await trx
      .deleteFrom('restricted_originals')
      .where('submission_id', '=', id)
      .where('field', '=', field)
      .execute();
  }
  // Who redacted which field where, and how: never the text.
  await insertAudit(trx, [
    auditRow(actor, 'submission.redact', { type: 'submission', id }, null, {
      field,
      spans: positions,
      mode,
      ...(gallringsbeslut ? { gallringsbeslut } : {}),
    }),
  ]);
  return { status: 'redacted', redactionId, text };
}
