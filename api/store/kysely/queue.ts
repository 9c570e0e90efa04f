/**
 * The moderation queue: filtered, flagged first, oldest first, keyset pages.
 *
 * Each (status, flagged) pair is its own range of the partial index `submissions_queue` (or
 * `submissions_queue_insats` when an insats is asked for), already in (received_at, id) order:
 * a page is the UNION ALL of one LIMITed range scan per pair, merged by the database in queue
 * order. No query sorts the whole match, however many items wait, and the database's own
 * collation decides the order the keyset continues in. The insats and the (primary) delområde
 * have indexes of their own of the same shape; the other filters (kind, group, any tag, flag
 * kind) are checked row by row along those ranges.
 */
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { AgeBand, RespondentGroup, SubmissionKind } from '../../../common/wire/index.ts';
import type { Database } from '../schema.ts';
import type { ProposalDetails, QueueCursor, QueueFilter, QueueItem, QueueStatus, Store } from '../types.ts';
import { inScope, type ResolvedScope, resolveScope } from './scope.ts';
import { flagsOf, moderated, tagsOf, textAnswersOf } from './submission-parts.ts';

type QueueStore = Pick<Store, 'listQueue' | 'countQueue'>;

/** Every status of the queue, in no particular order. */
export const QUEUE_STATUSES: readonly QueueStatus[] = ['pending', 'approved', 'rejected', 'hidden'];
/** Most items per page. */
export const MAX_QUEUE_PAGE = 200;

/** The queue half of the store. */
export function queueStore(db: Kysely<Database>): QueueStore {
  return {
    async listQueue(filter, page) {
      const limit = Math.min(MAX_QUEUE_PAGE, Math.max(1, Math.floor(page.limit)));
      const scope = await resolveScope(db, filter.scope);
      const keys = await pageKeys(db, filter, page.after, limit + 1, scope);
      const more = keys.length > limit;
      const ids = keys.slice(0, limit).map((k) => k.id);
      const items = await queueItems(db, ids);
      const last = items.at(-1);
      return {
        items,
        next: more && last ? { flagged: last.flagged, receivedAt: last.receivedAt, id: last.id } : null,
      };
    },

    async countQueue(filter, asOf) {
      const scope = await resolveScope(db, filter.scope);
      const row = await db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('moderation_status', 'in', statusesOf(filter))
        .where((eb) => eb.and(filterConditions(eb, filter, scope)))
        .where('received_at', '<=', asOf)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

/** The statuses a filter asks for: pending when it names none. */
export function statusesOf(filter: QueueFilter): QueueStatus[] {
  const asked = (filter.statuses ?? []).filter((s) => QUEUE_STATUSES.includes(s));
  return asked.length === 0 ? ['pending'] : [...new Set(asked)];
}

/**
 * Every condition of `filter` except status (always with `moderation_status <> 'none'`, which
 * the partial indexes need). The area and flag kind are EXISTS probes along the range.
 */
export function filterConditions(
  eb: ExpressionBuilder<Database, 'submissions'>,
  filter: QueueFilter,
  scope?: ResolvedScope,
): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [moderated()];
  if (scope !== undefined) c.push(inScope(eb, 'submissions.insats_id', scope));
  if (filter.kinds && filter.kinds.length > 0) c.push(eb('submissions.kind', 'in', [...filter.kinds]));
  if (filter.insatsId === null) c.push(eb('submissions.insats_id', 'is', null));
  else if (filter.insatsId !== undefined) c.push(eb('submissions.insats_id', '=', filter.insatsId));
  if (filter.respondentGroups && filter.respondentGroups.length > 0)
    c.push(eb('submissions.respondent_group', 'in', [...filter.respondentGroups]));
  if (filter.receivedFrom !== undefined) c.push(eb('submissions.received_at', '>=', filter.receivedFrom));
  if (filter.receivedTo !== undefined) c.push(eb('submissions.received_at', '<', filter.receivedTo));
  if (filter.flaggedOnly || filter.flagKind !== undefined) c.push(eb('submissions.flagged', '=', 1));
  if (filter.awaitingAnswer) {
    c.push(
      eb.exists(
        eb
          .selectFrom('contacts')
          .select(sql.lit(1).as('one'))
          .whereRef('contacts.submission_id', '=', 'submissions.id'),
      ),
    );
    c.push(
      eb.not(
        eb.exists(
          eb
            .selectFrom('official_answers')
            .select(sql.lit(1).as('one'))
            .whereRef('official_answers.submission_id', '=', 'submissions.id'),
        ),
      ),
    );
  }
  const area = filter.area;
  if (area?.match === 'any') {
    // Any current tag: probed along the range (slower on a long queue than the primary area).
    const tags = eb
      .selectFrom('tags')
      .select(sql.lit(1).as('one'))
      .whereRef('tags.submission_id', '=', 'submissions.id')
      .where('tags.area_code', '=', area.code)
      .where('tags.current', '=', 1);
    c.push(eb.exists(tags));
  } else if (area !== undefined) {
    c.push(eb('submissions.primary_area', '=', area.code));
  }
  const words = (filter.textAny ?? []).map((w) => w.toLowerCase()).filter((w) => w !== '');
  if (words.length > 0) {
    // Lower-cased on both sides (SQLite's lower() is the Unicode one the store registers).
    const haystack = sql<string>`lower(coalesce(submissions.title, '') || ' ' || coalesce(submissions.text, ''))`;
    c.push(eb.or(words.map((w) => sql<SqlBool>`${haystack} like ${`%${escapeLike(w)}%`} escape '\\'`)));
  }
  const flagKind = filter.flagKind;
  if (flagKind !== undefined) {
    c.push(
      eb.exists(
        eb
          .selectFrom('submission_flags')
          .select(sql.lit(1).as('one'))
          .whereRef('submission_flags.submission_id', '=', 'submissions.id')
          .where('submission_flags.kind', '=', flagKind),
      ),
    );
  }
  return c;
}

/** `text` with LIKE's wildcards and its escape character taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Up to `limit` keys of the queue after `after`, in queue order. */
async function pageKeys(
  db: Kysely<Database>,
  filter: QueueFilter,
  after: QueueCursor | undefined,
  limit: number,
  scope: ResolvedScope | undefined,
): Promise<{ id: string; flagged: number; received_at: string }[]> {
  const only = filter.flaggedOnly || filter.flagKind !== undefined;
  const from = after === undefined ? 1 : after.flagged ? 1 : 0;
  const phases = (only ? [1] : [1, 0]).filter((f) => f <= from);
  const members = phases.flatMap((flagged) =>
    statusesOf(filter).map((status) => {
      let q = db
        .selectFrom('submissions')
        .select(['submissions.id', 'submissions.flagged', 'submissions.received_at'])
        .where('submissions.moderation_status', '=', status)
        .where('submissions.flagged', '=', flagged)
        .where((eb) => eb.and(filterConditions(eb, filter, scope)));
      if (after !== undefined && flagged === from) {
        // `>=` first so the index range starts at the cursor; the OR only sorts out its ties.
        q = q
          .where('submissions.received_at', '>=', after.receivedAt)
          .where((eb) =>
            eb.or([
              eb('submissions.received_at', '>', after.receivedAt),
              eb('submissions.id', '>', after.id),
            ]),
          );
      }
      return q.orderBy('submissions.received_at').orderBy('submissions.id').limit(limit);
    }),
  );
  const [first, ...rest] = members;
  if (first === undefined) return [];
  // Each member is wrapped: SQLite allows no ORDER BY or LIMIT on a compound's parts.
  let union = db.selectFrom(first.as('m0')).selectAll();
  rest.forEach((member, i) => {
    union = union.unionAll(db.selectFrom(member.as(`m${i + 1}`)).selectAll());
  });
  return union.orderBy('flagged', 'desc').orderBy('received_at').orderBy('id').limit(limit).execute();
}

/** The queue items of `ids`, in that order. */
async function queueItems(db: Kysely<Database>, ids: readonly string[]): Promise<QueueItem[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('submissions as s')
    .leftJoin('official_answers as a', 'a.submission_id', 's.id')
    .select([
      's.id',
      's.kind',
      's.moderation_status',
      's.insats_id',
      's.title',
      's.text',
      's.respondent_group',
      's.age_band',
      's.organisation',
      's.locale',
      's.received_at',
      's.flagged',
      's.status_reason',
      's.status_reason_template',
      's.moderated_at',
      's.moderated_by',
      's.offers',
      'a.text as answer_text',
      'a.answered_at',
    ])
    .where('s.id', 'in', [...ids])
    .execute();
  const [flags, tags, answers, withContact, withOriginals] = await Promise.all([
    flagsOf(db, ids),
    tagsOf(db, ids),
    textAnswersOf(db, ids),
    idsIn(db, 'contacts', ids),
    idsIn(db, 'restricted_originals', ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id): QueueItem[] => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        kind: r.kind as SubmissionKind,
        status: r.moderation_status as QueueStatus,
        insatsId: r.insats_id,
        title: r.title,
        text: r.text,
        textAnswers: answers.get(id) ?? [],
        respondentGroup: r.respondent_group as RespondentGroup,
        ageBand: r.age_band as AgeBand | null,
        organisation: r.organisation,
        locale: r.locale,
        receivedAt: r.received_at,
        flagged: r.flagged === 1,
        flags: flags.get(id) ?? [],
        tags: tags.get(id) ?? [],
        reason: r.status_reason,
        reasonTemplateId: r.status_reason_template,
        answer:
          r.answer_text !== null && r.answered_at !== null
            ? { text: r.answer_text, answeredAt: r.answered_at }
            : null,
        moderatedAt: r.moderated_at,
        moderatedBy: r.moderated_by,
        hasContact: withContact.has(id),
        hasOriginals: withOriginals.has(id),
        // Only proposals of schema version 2 have one.
        proposal: r.offers === null ? null : (JSON.parse(r.offers) as ProposalDetails),
      },
    ];
  });
}

/** Which of `ids` have a row in `table` (only the ids are read, never the contents). */
async function idsIn(
  db: Kysely<Database>,
  table: 'contacts' | 'restricted_originals',
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await db
    .selectFrom(table)
    .select('submission_id')
    .distinct()
    .where('submission_id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.submission_id));
}

/**
 * Ids of the items a bulk action on `filter` applies to: those received at or before `asOf`, at
 * most `limit` + 1 of them (one more than allowed tells the caller there are too many).
 */
export async function snapshotIds(
  db: Kysely<Database>,
  filter: QueueFilter,
  asOf: string,
  limit: number,
): Promise<string[]> {
  const scope = await resolveScope(db, filter.scope);
  const rows = await db
    .selectFrom('submissions')
    .select('submissions.id')
    .where('submissions.moderation_status', 'in', statusesOf(filter))
    .where((eb) => eb.and(filterConditions(eb, filter, scope)))
    .where('submissions.received_at', '<=', asOf)
    .limit(limit + 1)
    .execute();
  return rows.map((r) => r.id);
}
