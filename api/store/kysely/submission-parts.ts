/**
 * The parts of submissions other store modules read too: current tags, flags, short-text
 * answers, and the condition the partial queue indexes need.
 */
import { type Kysely, sql } from 'kysely';
import type { TagSource } from '../../../common/wire/index.ts';
import type { FlagKind } from '../../domain/checks/types.ts';
import type { Database } from '../schema.ts';
import type { StoredTag, SubmissionFlag } from '../types.ts';
import { toStoredTag } from './retag.ts';

/**
 * `moderation_status <> 'none'` written into the SQL as it is, not as a parameter: the queue and
 * device indexes (0007) are partial on exactly this condition, and a planner can use a partial
 * index only when the query repeats its condition.
 */
export const moderated = () => sql<boolean>`moderation_status <> 'none'`;

/** Current tags per submission (history is left out), primary first, then by source precedence. */
export async function tagsOf(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, StoredTag[]>> {
  const rows = await db
    .selectFrom('tags')
    .select(['submission_id', 'area_code', 'source', 'boundary_version', 'is_primary', 'uncertain'])
    .where('submission_id', 'in', [...new Set(ids)])
    .where('current', '=', 1)
    .execute();
  const precedence: TagSource[] = ['staff', 'chosen', 'point', 'text'];
  rows.sort(
    (a, b) =>
      b.is_primary - a.is_primary ||
      precedence.indexOf(a.source as TagSource) - precedence.indexOf(b.source as TagSource),
  );
  const byId = new Map<string, StoredTag[]>();
  for (const r of rows) {
    const list = byId.get(r.submission_id) ?? [];
    list.push(toStoredTag(r));
    byId.set(r.submission_id, list);
  }
  return byId;
}

/** Flags per submission, in the order they were stored. */
export async function flagsOf(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, SubmissionFlag[]>> {
  const byId = new Map<string, SubmissionFlag[]>();
  if (ids.length === 0) return byId;
  const rows = await db
    .selectFrom('submission_flags')
    .selectAll()
    .where('submission_id', 'in', [...new Set(ids)])
    .orderBy('submission_id')
    .orderBy('seq')
    .execute();
  for (const r of rows) {
    const list = byId.get(r.submission_id) ?? [];
    list.push({
      kind: r.kind as FlagKind,
      field: r.field,
      start: r.span_start,
      end: r.span_end,
      duplicateOf: r.duplicate_of,
    });
    byId.set(r.submission_id, list);
  }
  return byId;
}

/** Short-text answers per submission (answers to `text` questions), by question id. */
export async function textAnswersOf(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, { questionId: string; questionVersion: number; text: string }[]>> {
  const byId = new Map<string, { questionId: string; questionVersion: number; text: string }[]>();
  if (ids.length === 0) return byId;
  const rows = await db
    .selectFrom('submission_answers as a')
    .innerJoin('questions as q', (j) =>
      j.onRef('q.id', '=', 'a.question_id').onRef('q.version', '=', 'a.question_version'),
    )
    .select(['a.submission_id', 'a.question_id', 'a.question_version', 'a.value'])
    .where('a.submission_id', 'in', [...new Set(ids)])
    .where('q.kind', '=', 'text')
    .orderBy('a.submission_id')
    .orderBy('a.question_id')
    .execute();
  for (const r of rows) {
    const value = JSON.parse(r.value) as unknown;
    if (typeof value !== 'string') continue;
    const list = byId.get(r.submission_id) ?? [];
    list.push({ questionId: r.question_id, questionVersion: r.question_version, text: value });
    byId.set(r.submission_id, list);
  }
  return byId;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
