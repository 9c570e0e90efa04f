/**
 * The public listing: approved comments, proposals and short-text answers, newest first.
 *
 * No submission id leaves this module: each item is named by a hash of its id (`key`), and the
 * keyset continues after (received_at, key). Items received in one batch share received_at; they
 * are ordered by key, which SQL cannot sort by, so such a group is always read whole (a batch
 * holds at most MAX_BATCH_ITEMS) and ordered here.
 *
 * Like the queue, each `flagged` value is its own range of the partial index `submissions_queue`
 * (`submissions_queue_insats` for one insats), read backwards and merged: no query sorts every
 * approved item.
 */
import { createHash } from 'node:crypto';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { SubmissionKind } from '../../../common/wire/index.ts';
import type { Database } from '../schema.ts';
import type { ProposalDetails, PublicFilter, PublicSubmissionRecord, Store } from '../types.ts';
import { moderated, tagsOf, textAnswersOf } from './submission-parts.ts';

type PublicStore = Pick<Store, 'listPublicSubmissions'>;

/** Most items per page. */
export const MAX_PUBLIC_PAGE = 100;
/** Items read for one received_at at most: far above a batch (100 items). */
const MAX_TIE_GROUP = 1_000;

/** The public name of a submission: stable, and no use to find the submission by anywhere else. */
export function publicKey(id: string): string {
  return createHash('sha256').update(`kraftsamla-public\n${id}`).digest('base64url').slice(0, 22);
}

interface Key {
  id: string;
  receivedAt: string;
  key: string;
}

/** The public-listing part of the store. */
export function publicStore(db: Kysely<Database>): PublicStore {
  return {
    async listPublicSubmissions(filter, page) {
      const limit = Math.min(MAX_PUBLIC_PAGE, Math.max(1, Math.floor(page.limit)));
      const after = page.after;
      const keys: Key[] = [];
      if (after !== undefined) {
        const ties = await keysWhere(
          db,
          filter,
          (eb) => eb('received_at', '=', after.receivedAt),
          MAX_TIE_GROUP,
        );
        keys.push(...ties.filter((k) => k.key < after.key).sort(byKeyDesc));
      }
      const older = await keysWhere(
        db,
        filter,
        after === undefined ? undefined : (eb) => eb('received_at', '<', after.receivedAt),
        limit + 1,
      );
      const last = older.at(-1);
      if (older.length === limit + 1 && last !== undefined) {
        // The last group may be cut short by the limit: read it whole, so its key order is complete.
        const group = await keysWhere(
          db,
          filter,
          (eb) => eb('received_at', '=', last.receivedAt),
          MAX_TIE_GROUP,
        );
        keys.push(...older.filter((k) => k.receivedAt !== last.receivedAt), ...group);
      } else keys.push(...older);
      const sorted = keys.sort(byTimeThenKeyDesc);
      const chosen = sorted.slice(0, limit);
      const end = chosen.at(-1);
      return {
        items: await records(db, chosen),
        next: sorted.length > limit && end ? { receivedAt: end.receivedAt, key: end.key } : null,
      };
    },
  };
}

const byKeyDesc = (a: Key, b: Key) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
const byTimeThenKeyDesc = (a: Key, b: Key) =>
  a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : byKeyDesc(a, b);

/** Keys of approved items matching `filter` (and `where`), newest first, at most `limit`. */
async function keysWhere(
  db: Kysely<Database>,
  filter: PublicFilter,
  where: ((eb: ExpressionBuilder<Database, 'submissions'>) => Expression<SqlBool>) | undefined,
  limit: number,
): Promise<Key[]> {
  const members = [1, 0].map((flagged) => {
    let q = db
      .selectFrom('submissions')
      .select(['submissions.id', 'submissions.flagged', 'submissions.received_at'])
      .where('submissions.moderation_status', '=', 'approved')
      .where('submissions.flagged', '=', flagged)
      .where((eb) => eb.and(conditions(eb, filter)));
    if (where) q = q.where(where);
    return q.orderBy('submissions.received_at', 'desc').orderBy('submissions.id', 'desc').limit(limit);
  });
  const [first, second] = members as [(typeof members)[0], (typeof members)[0]];
  // Wrapped: SQLite allows no ORDER BY or LIMIT on a compound's parts.
  const rows = await db
    .selectFrom(first.as('m0'))
    .selectAll()
    .unionAll(db.selectFrom(second.as('m1')).selectAll())
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, receivedAt: r.received_at, key: publicKey(r.id) }));
}

function conditions(
  eb: ExpressionBuilder<Database, 'submissions'>,
  filter: PublicFilter,
): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [
    moderated(),
    // An insats withdrawn from the public (example content switched off) takes its items with it.
    eb.or([
      eb('submissions.insats_id', 'is', null),
      eb.exists(
        eb
          .selectFrom('insatser')
          .select(sql.lit(1).as('one'))
          .whereRef('insatser.id', '=', 'submissions.insats_id')
          .where('insatser.published', '=', 1),
      ),
    ]),
  ];
  if (filter.insatsId === null) c.push(eb('submissions.insats_id', 'is', null));
  else if (filter.insatsId !== undefined) c.push(eb('submissions.insats_id', '=', filter.insatsId));
  if (filter.kind !== undefined) c.push(eb('submissions.kind', '=', filter.kind));
  // primary_area is kept equal to the current primary tag's area (ingest, staff, re-tagging)
  // and indexed, unlike a lookup in the tags of every row.
  if (filter.areaCode !== undefined) c.push(eb('submissions.primary_area', '=', filter.areaCode));
  if (filter.areaCode !== undefined && filter.areaInsatser !== undefined) {
    const ids = filter.areaInsatser.filter((i): i is string => i !== null);
    const either: Expression<SqlBool>[] = [];
    if (ids.length > 0) either.push(eb('submissions.insats_id', 'in', ids));
    if (filter.areaInsatser.includes(null)) either.push(eb('submissions.insats_id', 'is', null));
    c.push(either.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(either));
  }
  return c;
}

/** The public records of `keys`, in that order. */
async function records(db: Kysely<Database>, keys: readonly Key[]): Promise<PublicSubmissionRecord[]> {
  if (keys.length === 0) return [];
  const ids = keys.map((k) => k.id);
  const [rows, tags, answers] = await Promise.all([
    db
      .selectFrom('submissions as s')
      .leftJoin('official_answers as a', 'a.submission_id', 's.id')
      // Only what the public may see: never contact, device id, receipt, cell, flags or reasons.
      .select([
        's.id',
        's.kind',
        's.insats_id',
        's.title',
        's.text',
        's.organisation',
        's.offers',
        's.locale',
        's.created_at',
        's.received_at',
        'a.text as answer_text',
        'a.answered_at',
      ])
      .where('s.id', 'in', ids)
      .execute(),
    tagsOf(db, ids),
    textAnswersOf(db, ids),
  ]);
  const primary = new Map<string, string>();
  for (const [id, list] of tags) {
    const tag = list.find((t) => t.primary);
    if (tag) primary.set(id, tag.areaCode);
  }
  const codes = [...new Set(primary.values())];
  const areas =
    codes.length === 0
      ? []
      : await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', codes).execute();
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return keys.flatMap((k): PublicSubmissionRecord[] => {
    const r = byId.get(k.id);
    if (!r) return [];
    const code = primary.get(k.id);
    return [
      {
        key: k.key,
        kind: r.kind as SubmissionKind,
        insatsId: r.insats_id,
        title: r.title,
        text: r.text,
        answers: (answers.get(k.id) ?? []).map((a) => ({ questionId: a.questionId, text: a.text })),
        organisation: r.kind === 'proposal' ? r.organisation : null,
        proposal:
          r.kind === 'proposal' && r.offers !== null ? (JSON.parse(r.offers) as ProposalDetails) : null,
        area: code === undefined ? null : { code, name: names.get(code) ?? code },
        locale: r.locale,
        createdAt: r.created_at < r.received_at ? r.created_at : r.received_at,
        receivedAt: r.received_at,
        answer:
          r.answer_text !== null && r.answered_at !== null
            ? { text: r.answer_text, answeredAt: r.answered_at }
            : null,
      },
    ];
  });
}
