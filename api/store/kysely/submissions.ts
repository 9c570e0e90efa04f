/**
 * Submissions: idempotent batch ingest, receipts, read-back. Portable Kysely queries.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ReceiptStatus, RedactedFields } from '../../../common/wire/index.ts';
import { joinFreeTexts, sameContent } from '../moderation.ts';
import type { Database } from '../schema.ts';
import type {
  NewSubmission,
  ProposalDetails,
  SaveOutcome,
  Store,
  StoredSubmission,
  StoredTag,
} from '../types.ts';
import { contributeAggregates } from './aggregates.ts';
import { withRetry } from './retry.ts';
import { chunks, flagsOf, moderated, tagsOf, textAnswersOf } from './submission-parts.ts';

type SubmissionStore = Pick<
  Store,
  'saveSubmissions' | 'findStored' | 'getSubmission' | 'receiptStatuses' | 'recentDeviceTexts'
>;

/** Rows per multi-row INSERT: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 500;

/** Most texts {@link Store.recentDeviceTexts} returns (the latest). */
export const RECENT_TEXTS_LIMIT = 200;

/** The submission half of the store. */
export function submissionStore(db: Kysely<Database>): SubmissionStore {
  return {
    saveSubmissions: (batch) =>
      batch.length === 0
        ? Promise.resolve([])
        : // Safe to run again: a failed attempt rolled back, and save() decides afresh.
          withRetry(() => db.transaction().execute((trx) => save(trx, batch))),

    async findStored(ids) {
      const found = new Map<string, { contentHash: string; receipt: string; tags: StoredTag[] }>();
      if (ids.length === 0) return found;
      const rows = await db
        .selectFrom('submissions')
        .select(['id', 'content_hash', 'receipt'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      const tags =
        rows.length === 0
          ? new Map<string, StoredTag[]>()
          : await tagsOf(
              db,
              rows.map((r) => r.id),
            );
      for (const r of rows)
        found.set(r.id, { contentHash: r.content_hash, receipt: r.receipt, tags: tags.get(r.id) ?? [] });
      return found;
    },

    async getSubmission(id) {
      const row = await db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const answers = await db
        .selectFrom('submission_answers')
        .select(['question_id', 'question_version', 'value'])
        .where('submission_id', '=', id)
        .execute();
      const contact = await db
        .selectFrom('contacts')
        .select('submission_id')
        .where('submission_id', '=', id)
        .executeTakeFirst();
      const stored: StoredSubmission = {
        id: row.id,
        contentHash: row.content_hash,
        receipt: row.receipt,
        schemaVersion: row.schema_version,
        kind: row.kind as StoredSubmission['kind'],
        insatsId: row.insats_id,
        title: row.title,
        text: row.text,
        respondentGroup: row.respondent_group as StoredSubmission['respondentGroup'],
        ageBand: row.age_band as StoredSubmission['ageBand'],
        organisation: row.organisation,
        locale: row.locale,
        deviceId: row.device_id,
        createdAt: row.created_at,
        receivedAt: row.received_at,
        moderationStatus: row.moderation_status as StoredSubmission['moderationStatus'],
        cell: row.cell,
        pointConsentVersion: row.point_consent_version,
        // Only proposals have one.
        ...(row.offers === null ? {} : { proposal: JSON.parse(row.offers) as ProposalDetails }),
        // Only when set, as written: most submissions are not late.
        ...(row.late === 1 ? { late: true } : {}),
        answers: answers.map((a) => ({
          questionId: a.question_id,
          questionVersion: a.question_version,
          value: JSON.parse(a.value) as unknown,
        })),
        hasContact: contact !== undefined,
        tags: (await tagsOf(db, [id])).get(id) ?? [],
        flags: (await flagsOf(db, [id])).get(id) ?? [],
      };
      return stored;
    },

    async recentDeviceTexts(deviceIds, since) {
      const devices = [...new Set(deviceIds)];
      if (devices.length === 0) return [];
      const rows = await db
        .selectFrom('submissions')
        .select(['id', 'device_id', 'title', 'text', 'received_at'])
        .where('device_id', 'in', devices)
        .where('received_at', '>=', since)
        .where(moderated())
        // The latest ones are enough to recognise a flood; a device sending hundreds of texts a
        // minute must not make every one of its next texts compare with all of them.
        .orderBy('received_at', 'desc')
        .limit(RECENT_TEXTS_LIMIT)
        .execute();
      if (rows.length === 0) return [];
      const answers = await textAnswersOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({
        id: r.id,
        deviceId: r.device_id,
        text: joinFreeTexts(r.title, r.text, answers.get(r.id) ?? []),
        at: r.received_at,
      }));
    },

    async receiptStatuses(receipts) {
      const wanted = [...new Set(receipts)];
      const rows =
        wanted.length === 0
          ? []
          : await db
              .selectFrom('submissions as s')
              .leftJoin('official_answers as a', 'a.submission_id', 's.id')
              .select([
                's.id',
                's.receipt',
                's.moderation_status',
                's.status_reason',
                'a.text',
                'a.answered_at',
              ])
              .where('s.receipt', 'in', wanted)
              .execute();
      const byReceipt = new Map(rows.map((r) => [r.receipt, r]));
      const redacted = await redactedFields(
        db,
        rows.map((r) => r.id),
      );
      return receipts.map((receipt): ReceiptStatus => {
        const row = byReceipt.get(receipt);
        if (!row) return { receipt, status: 'unknown' };
        const status: ReceiptStatus = { receipt, status: 'received' };
        if (row.moderation_status === 'approved') status.status = 'published';
        if (row.moderation_status === 'rejected' || row.moderation_status === 'hidden') {
          status.status = 'not_published';
          if (row.status_reason) status.reason = row.status_reason;
        }
        if (row.text !== null && row.answered_at !== null)
          status.answer = { text: row.text, answeredAt: row.answered_at };
        const fields = redacted.get(row.id);
        if (fields) status.redacted = fields;
        return status;
      });
    },
  };
}

/**
 * The fields staff redacted in each of the submissions, as stored now (placeholders in place):
 * what the person's device shows instead of its own copy. Submissions without a redaction are
 * absent.
 */
async function redactedFields(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, RedactedFields>> {
  const out = new Map<string, RedactedFields>();
  if (ids.length === 0) return out;
  const redactions = await db
    .selectFrom('redactions')
    .select(['submission_id', 'field'])
    .distinct()
    .where('submission_id', 'in', [...new Set(ids)])
    .execute();
  if (redactions.length === 0) return out;
  const redactedIds = [...new Set(redactions.map((r) => r.submission_id))];
  const rows = await db
    .selectFrom('submissions')
    .select(['id', 'title', 'text', 'organisation', 'offers'])
    .where('id', 'in', redactedIds)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const answerRows = redactions.some((r) => r.field.startsWith('answers.'))
    ? await db
        .selectFrom('submission_answers')
        .select(['submission_id', 'question_id', 'value'])
        .where('submission_id', 'in', redactedIds)
        .execute()
    : [];
  const answers = new Map(answerRows.map((a) => [`${a.submission_id} ${a.question_id}`, a.value]));
  for (const { submission_id: id, field } of redactions) {
    const row = byId.get(id);
    if (!row) continue;
    const fields = out.get(id) ?? {};
    if (field === 'title' || field === 'text' || field === 'organisation') {
      const value = row[field];
      if (value !== null) fields[field] = value;
    } else if (field === 'otherText') {
      const value = row.offers === null ? null : (JSON.parse(row.offers) as ProposalDetails).otherText;
      if (value) fields.otherText = value;
    } else if (field.startsWith('answers.')) {
      const questionId = field.slice('answers.'.length);
      const raw = answers.get(`${id} ${questionId}`);
      const value = raw === undefined ? undefined : (JSON.parse(raw) as unknown);
      if (typeof value === 'string') fields.answers = { ...fields.answers, [questionId]: value };
    }
    out.set(id, fields);
  }
  return out;
}

async function save(trx: Transaction<Database>, batch: readonly NewSubmission[]): Promise<SaveOutcome[]> {
  // The first occurrence of an id in the batch is the one that may be stored; later ones
  // compare with whatever is stored by then, exactly like a retry in a later batch.
  const firsts = new Map<string, NewSubmission>();
  for (const s of batch) if (!firsts.has(s.id)) firsts.set(s.id, s);

  // The write comes first in the transaction, so SQLite takes the write lock at once
  // (waiting up to busy_timeout) instead of failing to upgrade a read later.
  // On PostgreSQL, an insert of an id another transaction is inserting waits for that one to
  // end, then (ON CONFLICT DO NOTHING) skips it: so the later batch reads the stored row
  // below and answers duplicate. Rows go in id order, so two batches with the same ids in
  // other orders wait on each other in the same order and cannot deadlock.
  const inserted = new Set<string>();
  const inIdOrder = [...firsts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const chunk of chunks(inIdOrder, ROWS_PER_INSERT)) {
    const rows = await trx
      .insertInto('submissions')
      .values(chunk.map(submissionRow))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    for (const { id } of rows) inserted.add(id);
  }
  const created = [...firsts.values()].filter((s) => inserted.has(s.id));
  await insertChildren(trx, created);
  await queueStaleTags(trx, created);

  const isCreated = (s: NewSubmission) => inserted.has(s.id) && firsts.get(s.id) === s;
  const others = [...new Set(batch.filter((s) => !isCreated(s)).map((s) => s.id))];
  const stored =
    others.length === 0
      ? []
      : await trx
          .selectFrom('submissions')
          .select(['id', 'content_hash', 'receipt'])
          .where('id', 'in', others)
          .execute();
  const storedById = new Map(stored.map((r) => [r.id, r]));
  const isSame = (s: NewSubmission) => {
    const row = storedById.get(s.id);
    return row !== undefined && sameContent(row.content_hash, s.contentHash);
  };
  const duplicateIds = batch.filter((s) => !isCreated(s) && isSame(s)).map((s) => s.id);
  const storedTags =
    duplicateIds.length === 0 ? new Map<string, StoredTag[]>() : await tagsOf(trx, duplicateIds);
  // Dashboard counts (issue 8), in the same transaction as the rows they count; last, so the
  // shared count rows stay locked (PostgreSQL) for as short a time as possible before the commit.
  await contributeAggregates(
    trx,
    created.map((s) => s.id),
  );

  return batch.map((s): SaveOutcome => {
    if (isCreated(s)) return { status: 'created', receipt: s.receipt, tags: s.tags };
    const row = storedById.get(s.id);
    if (row && isSame(s)) {
      return { status: 'duplicate', receipt: row.receipt, tags: storedTags.get(s.id) ?? [] };
    }
    return { status: 'conflict' };
  });
}

async function insertChildren(trx: Transaction<Database>, created: NewSubmission[]): Promise<void> {
  const answers = created.flatMap((s) =>
    s.answers.map((a) => ({
      submission_id: s.id,
      question_id: a.questionId,
      question_version: a.questionVersion,
      value: JSON.stringify(a.value),
    })),
  );
  for (const chunk of chunks(answers, ROWS_PER_INSERT))
    await trx.insertInto('submission_answers').values(chunk).execute();

  const contacts = created.flatMap((s) =>
    s.contact
      ? [
          {
            submission_id: s.id,
            email: s.contact.email,
            phone: s.contact.phone,
            consent_version: s.contact.consentVersion,
            created_at: s.receivedAt,
          },
        ]
      : [],
  );
  for (const chunk of chunks(contacts, ROWS_PER_INSERT))
    await trx.insertInto('contacts').values(chunk).execute();

  const tags = created.flatMap((s) =>
    s.tags.map((t) => ({
      submission_id: s.id,
      area_code: t.areaCode,
      source: t.source,
      boundary_version: t.boundaryVersion,
      is_primary: t.primary ? 1 : 0,
      uncertain: t.uncertain ? 1 : 0,
      created_at: s.receivedAt,
    })),
  );
  // A chosen area and a point in the same area are two tags (two sources), never the same row.
  for (const chunk of chunks(tags, ROWS_PER_INSERT)) await trx.insertInto('tags').values(chunk).execute();

  // Found before the transaction (api/domain/ingest); here they are only written, batched.
  const flags = created.flatMap((s) =>
    (s.flags ?? []).map((f, seq) => ({
      submission_id: s.id,
      seq,
      kind: f.kind,
      field: f.field,
      span_start: f.start,
      span_end: f.end,
      duplicate_of: f.duplicateOf,
    })),
  );
  for (const chunk of chunks(flags, ROWS_PER_INSERT))
    await trx.insertInto('submission_flags').values(chunk).execute();
}

/**
 * Queues for re-tagging the submissions of this batch that were tagged against another set than
 * the one active at commit: their instance had not yet seen an activation made elsewhere (see
 * api/domain/retag). A submission without tags but with a cell is queued when the batch does not
 * say its version: its point may fall inside an area of the new set.
 */
async function queueStaleTags(trx: Transaction<Database>, created: readonly NewSubmission[]): Promise<void> {
  const located = created.filter((s) => s.tags.length > 0 || s.cell !== null);
  if (located.length === 0) return;
  const active = await trx
    .selectFrom('boundary_sets')
    .select('version')
    .where('active', '=', 1)
    .executeTakeFirst();
  const stale = located.filter((s) => (s.boundaryVersion ?? s.tags[0]?.boundaryVersion) !== active?.version);
  for (const chunk of chunks(stale, ROWS_PER_INSERT)) {
    await trx
      .insertInto('retag_pending')
      .values(chunk.map((s) => ({ submission_id: s.id, created_at: s.receivedAt })))
      .onConflict((oc) => oc.column('submission_id').doNothing())
      .execute();
  }
}

function submissionRow(s: NewSubmission): Database['submissions'] {
  return {
    id: s.id,
    content_hash: s.contentHash,
    receipt: s.receipt,
    schema_version: s.schemaVersion,
    kind: s.kind,
    insats_id: s.insatsId,
    title: s.title,
    text: s.text,
    respondent_group: s.respondentGroup,
    age_band: s.ageBand,
    organisation: s.organisation,
    locale: s.locale,
    device_id: s.deviceId,
    created_at: s.createdAt,
    received_at: s.receivedAt,
    moderation_status: s.moderationStatus,
    status_reason: null,
    cell: s.cell,
    point_consent_version: s.pointConsentVersion,
    flagged: (s.flags?.length ?? 0) > 0 ? 1 : 0,
    status_reason_template: null,
    moderated_at: null,
    moderated_by: null,
    primary_area: s.tags.find((t) => t.primary)?.areaCode ?? null,
    offers: s.proposal ? JSON.stringify(s.proposal) : null,
    late: s.late ? 1 : 0,
  };
}
