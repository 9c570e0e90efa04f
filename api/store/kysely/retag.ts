/**
 * Re-tagging: reading submissions in chunks with their current tags, and committing each
 * chunk's new tags in one short transaction that also moves the job's cursor. Old tags are
 * never deleted: they stay as history (current = 0, superseded_at).
 */
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import type { TagSource } from '../../../common/wire/index.ts';
import type { Database } from '../schema.ts';
import type { RetagSubject, RetagWrite, Store, StoredTag } from '../types.ts';
import { areasChanging, changeAggregates } from './aggregates.ts';
import { toRetagJob } from './boundary-versions.ts';
import { withRetry } from './retry.ts';

type RetagStore = Pick<
  Store,
  'retagJob' | 'readRetagChunk' | 'applyRetagChunk' | 'readRetagPending' | 'applyRetagPending' | 'tagHistory'
>;

/** Ids per IN list and rows per multi-row INSERT: far below both databases' parameter limits. */
const PER_STATEMENT = 500;

/** The re-tag half of the store. */
export function retagStore(db: Kysely<Database>): RetagStore {
  return {
    async retagJob(id) {
      let query = db.selectFrom('retag_jobs').selectAll();
      query =
        id === undefined
          ? query.orderBy('created_at', 'desc').orderBy('id', 'desc')
          : query.where('id', '=', id);
      const row = await query.executeTakeFirst();
      return row ? toRetagJob(row) : undefined;
    },

    async readRetagChunk(after, limit) {
      const submissions = await db
        .selectFrom('submissions')
        .select(['id', 'cell'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute();
      const last = submissions.at(-1)?.id;
      if (last === undefined) return [];
      // A range on the tags' primary key instead of an IN list of a few thousand ids.
      const tags = await db
        .selectFrom('tags')
        .select(['submission_id', 'area_code', 'source', 'boundary_version', 'is_primary', 'uncertain'])
        .where('submission_id', '>', after)
        .where('submission_id', '<=', last)
        .where('current', '=', 1)
        .execute();
      return withTags(submissions, tags);
    },

    applyRetagChunk: (job, write) =>
      withRetry(() =>
        db.transaction().execute(async (trx) => {
          // First, and conditional: the job must still be running with its cursor where this
          // chunk started. A second runner (or one resumed after a crash) that read the same
          // chunk finds the cursor moved and applies nothing. Being a write, it also takes
          // SQLite's write lock at once, and PostgreSQL's row lock orders two runners.
          const moved = await trx
            .updateTable('retag_jobs')
            .set((eb) => ({
              cursor: job.cursor,
              processed: eb('processed', '+', write.results.size),
              updated_at: write.at,
              ...(job.done ? { status: 'done' as const, finished_at: write.at } : {}),
            }))
            .where('id', '=', job.id)
            .where('status', '=', 'running')
            .where('cursor', '=', job.from)
            .executeTakeFirst();
          if (Number(moved.numUpdatedRows) !== 1) return false;
          await writeTags(trx, write);
          return true;
        }),
      ),

    async readRetagPending(limit) {
      const pending = await db
        .selectFrom('retag_pending as p')
        .innerJoin('submissions as s', 's.id', 'p.submission_id')
        .select(['s.id', 's.cell'])
        .orderBy('p.submission_id')
        .limit(limit)
        .execute();
      if (pending.length === 0) return [];
      const tags = await db
        .selectFrom('tags')
        .select(['submission_id', 'area_code', 'source', 'boundary_version', 'is_primary', 'uncertain'])
        .where(
          'submission_id',
          'in',
          pending.map((p) => p.id),
        )
        .where('current', '=', 1)
        .execute();
      return withTags(pending, tags);
    },

    applyRetagPending: (write) =>
      withRetry(() =>
        db.transaction().execute(async (trx) => {
          // Only what is still pending: another runner may have done some in the meantime.
          const still = new Set<string>();
          for (const ids of chunks([...write.results.keys()], PER_STATEMENT)) {
            const rows = await trx
              .deleteFrom('retag_pending')
              .where('submission_id', 'in', ids)
              .returning('submission_id')
              .execute();
            for (const r of rows) still.add(r.submission_id);
          }
          const results = new Map([...write.results].filter(([id]) => still.has(id)));
          await writeTags(trx, { ...write, results });
          return results.size;
        }),
      ),

    async tagHistory(submissionId) {
      const rows = await db
        .selectFrom('tags')
        .selectAll()
        .where('submission_id', '=', submissionId)
        .orderBy('current', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('is_primary', 'desc')
        .execute();
      return rows.map((r) => ({
        ...toStoredTag(r),
        current: r.current === 1,
        createdAt: r.created_at,
        supersededAt: r.superseded_at,
      }));
    },
  };
}

type TagRow = Pick<
  Database['tags'],
  'submission_id' | 'area_code' | 'source' | 'boundary_version' | 'is_primary' | 'uncertain'
>;

/** A tags row as a {@link StoredTag}; `uncertain` only when set. */
export function toStoredTag(r: Omit<TagRow, 'submission_id'>): StoredTag {
  return {
    areaCode: r.area_code,
    source: r.source as TagSource,
    boundaryVersion: r.boundary_version,
    primary: r.is_primary === 1,
    ...(r.uncertain === 1 ? { uncertain: true } : {}),
  };
}

function withTags(submissions: { id: string; cell: string | null }[], tags: TagRow[]): RetagSubject[] {
  const byId = new Map<string, StoredTag[]>();
  for (const t of tags) {
    const list = byId.get(t.submission_id) ?? [];
    list.push(toStoredTag(t));
    byId.set(t.submission_id, list);
  }
  return submissions.map((s) => ({ id: s.id, cell: s.cell, tags: byId.get(s.id) ?? [] }));
}

/** Supersedes the current tags of every submission in `write` and stores the new ones as current. */
async function writeTags(trx: Transaction<Database>, write: RetagWrite): Promise<void> {
  // Dashboard counts (issue 8) follow the tags, for the submissions whose areas move.
  await changeAggregates(trx, await areasChanging(trx, write.results), () => writeTagRows(trx, write));
}

async function writeTagRows(trx: Transaction<Database>, write: RetagWrite): Promise<void> {
  for (const ids of chunks([...write.results.keys()], PER_STATEMENT)) {
    await trx
      .updateTable('tags')
      .set({ current: 0, superseded_at: write.at })
      .where('submission_id', 'in', ids)
      .where('current', '=', 1)
      .execute();
  }
  const rows = [...write.results].flatMap(([id, tags]) =>
    tags.map((t) => ({
      submission_id: id,
      area_code: t.areaCode,
      source: t.source,
      boundary_version: t.boundaryVersion,
      is_primary: t.primary ? 1 : 0,
      uncertain: t.uncertain ? 1 : 0,
      created_at: write.at,
      current: 1,
      superseded_at: null,
    })),
  );
  for (const chunk of chunks(rows, PER_STATEMENT)) {
    // The same tag may be in history already (a version activated again, or a re-tag that ran
    // twice): it becomes current again rather than a second row.
    await trx
      .insertInto('tags')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['submission_id', 'source', 'area_code', 'boundary_version']).doUpdateSet((eb) => ({
          current: 1,
          superseded_at: null,
          is_primary: eb.ref('excluded.is_primary'),
          uncertain: eb.ref('excluded.uncertain'),
          created_at: eb.ref('excluded.created_at'),
        })),
      )
      .execute();
  }
  // The primary area beside the submission (0007), for the queue's and public list's area filter;
  // written only where it changed (most re-tags move no primary), so the rest cost no row write.
  const distinct = trx.getExecutor().adapter instanceof PostgresAdapter ? sql`is distinct from` : sql`is not`;
  for (const ids of chunks([...write.results.keys()], PER_STATEMENT)) {
    const primary = sql<string | null>`(select t.area_code from tags t
      where t.submission_id = submissions.id and t.current = 1 and t.is_primary = 1 limit 1)`;
    await trx
      .updateTable('submissions')
      .set({ primary_area: primary })
      .where('id', 'in', ids)
      .where(sql<boolean>`primary_area ${distinct} ${primary}`)
      .execute();
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
