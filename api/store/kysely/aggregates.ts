/**
 * Aggregates kept in step with the submissions (issue 8): `agg_submissions` and `agg_answers`
 * (migration 0010). Every write that changes what a submission counts as — ingest
 * ({@link contributeAggregates}), moderation, re-tagging and staff corrections
 * ({@link changeAggregates}), deletion ({@link withdrawAggregates}) — moves the counts in its own
 * transaction. Each computes a submission's exact contribution from its rows as they are at that
 * moment, so counts move from the old state to the new one whatever changed; deltas are merged
 * per key and written in key order (PostgreSQL row locks are then always taken in the same
 * order: two writers cannot deadlock). Rows that reach 0 stay (reads add; a rebuild drops them).
 *
 * Projections. One row per submission and day is barely smaller than the submissions table when
 * a million submissions spread over many delområden × insatser × groups × kinds × age bands, so
 * counted submissions also add rows that leave dimensions out (`basis` values):
 * - 'primary' / 'any': every dimension, per day (reads with an area filter, and period ends);
 * - 'primary:m': per month, no area ('*'): totals and every dimension but area, no area filter;
 * - 'primary:am' / 'any:am': per month, area and group but no kind or age band ('*'): by area,
 *   and totals / insats / group with an area filter;
 * - 'primary:d': per day, no area, kind or age band: the week series without an area filter.
 * A read takes whole months of its period from month rows and the days at either end from day
 * rows (`splitPeriod`). agg_answers has month rows without area too (insats id + ':m').
 *
 * Basis 'any' stores one row per submission whose `area_code` is the sorted, comma-joined set of
 * the distinct delområden of its current tags ('' for none), not one row per area: so every
 * count, the total and filters by one area or by a stadsområde's areas count each submission
 * once, exactly; the per-area counts are the sets taken apart (in JS, a handful of sets). The
 * sets of more than one area in use are counted too, in rows of basis {@link AREA_SETS} (all
 * other key columns ''), so a filter by areas reads them first and then matches keys exactly
 * (`area_code IN (…)`, an index range) instead of pattern-matching every row.
 */
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import { DONT_KNOW } from '../../../common/wire/index.ts';
import { stockholmDay } from '../../domain/local-time/index.ts';
import type { Database } from '../schema.ts';
import { AREA_MONTHS, AREA_SETS, DAYS, MONTHS } from './aggregate-keys.ts';
import { aggregateReads } from './aggregate-reads.ts';
import { ANSWERED_OPTION, type Store } from '../types.ts';

type AggregateStore = Pick<
  Store,
  'countSubmissions' | 'totalSubmissions' | 'countAnswers' | 'rebuildAggregates'
>;

type Db = Kysely<Database> | Transaction<Database>;

/** Ids per IN list: far below both databases' parameter limits. */
const PER_STATEMENT = 500;
/** Rows per SQLite upsert (one JSON parameter). */
const ROWS_PER_JSON = 10_000;
/** Rows per PostgreSQL upsert (one array parameter per column). */
const ROWS_PER_UNNEST = 10_000;
/** Submissions per chunk of a rebuild. */
const REBUILD_CHUNK = 20_000;

const SUBMISSION_KEY = [
  'basis',
  'counted',
  'day',
  'insats_id',
  'area_code',
  'respondent_group',
  'kind',
  'age_band',
] as const;
const ANSWER_KEY = [
  'counted',
  'insats_id',
  'question_id',
  'question_version',
  'day',
  'area_code',
  'respondent_group',
  'option',
] as const;

/** Merged deltas per key; a key is the JSON array of the key columns' values. */
interface Deltas {
  submissions: Map<string, number>;
  answers: Map<string, number>;
}

/** The aggregate reads and the rebuild over `db`. */
export function aggregateStore(db: Kysely<Database>): AggregateStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    ...aggregateReads(db),
    async rebuildAggregates() {
      const done = await db.transaction().execute((trx) => rebuildAggregates(trx, postgres));
      // Fresh statistics at once (autovacuum would take a while): without them PostgreSQL chose
      // plans several times slower for the reads after a rebuild of a million (docs/benchmarks.md).
      if (postgres) await sql`analyze agg_submissions, agg_answers`.execute(db);
      return done;
    },
  };
}

/**
 * Clears both tables and counts every submission again, in keyset chunks, in `trx`. On
 * PostgreSQL the tables are locked first, so ingest waits instead of adding a count the rebuild
 * would add again.
 */
export async function rebuildAggregates(trx: Db, postgres: boolean): Promise<{ submissions: number }> {
  if (postgres) await sql`lock table agg_submissions, agg_answers in exclusive mode`.execute(trx);
  await trx.deleteFrom('agg_submissions').execute();
  await trx.deleteFrom('agg_answers').execute();
  let after = '';
  let total = 0;
  const kinds = new Map<string, string>();
  for (;;) {
    const ids = (
      await trx
        .selectFrom('submissions')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(REBUILD_CHUNK)
        .execute()
    ).map((r) => r.id);
    const last = ids.at(-1);
    if (last === undefined) return { submissions: total };
    const deltas: Deltas = { submissions: new Map(), answers: new Map() };
    await addContributions(trx, deltas, { after, last }, kinds);
    await apply(trx, deltas, 1);
    total += ids.length;
    after = last;
  }
}

/** Adds what the submissions `ids` count as now. Call after writing them, in the same transaction. */
export async function contributeAggregates(trx: Db, ids: readonly string[]): Promise<void> {
  await apply(trx, await contributions(trx, ids), 1);
}

/** Takes away what the submissions `ids` count as now. Call before changing them, in the same transaction. */
export async function withdrawAggregates(trx: Db, ids: readonly string[]): Promise<void> {
  await lockSubmissions(trx, ids);
  await apply(trx, await contributions(trx, ids), -1);
}

/**
 * On PostgreSQL (READ COMMITTED), locks the submissions' rows in id order before their
 * contribution is read: a re-tag or a retention purge must not read a submission while a
 * moderator's change to it is about to commit (both would move the same count from the old state,
 * and the figures would drift). Moderation and corrections lock the same rows in the same order
 * first, then the count rows in key order, so no two writers wait on each other in a circle.
 */
async function lockSubmissions(trx: Db, ids: readonly string[]): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  const sorted = [...ids].sort();
  for (const chunk of chunks(sorted, PER_STATEMENT))
    await trx
      .selectFrom('submissions')
      .select('id')
      .where('id', 'in', chunk)
      .orderBy('id')
      .forUpdate()
      .execute();
}

/**
 * Runs `change` (which rewrites the submissions `ids`: status, tags, insats) and moves their
 * counts from before to after, writing only the keys that differ (a re-tag that moves nothing
 * writes nothing). All in `trx`.
 */
export async function changeAggregates<T>(
  trx: Db,
  ids: readonly string[],
  change: () => Promise<T>,
): Promise<T> {
  if (ids.length === 0) return change();
  await lockSubmissions(trx, ids);
  const before = await contributions(trx, ids);
  const result = await change();
  const after = await contributions(trx, ids);
  for (const [table, map] of Object.entries(before) as [keyof Deltas, Map<string, number>][])
    for (const [key, n] of map) after[table].set(key, (after[table].get(key) ?? 0) - n);
  await apply(trx, after, 1);
  return result;
}

/**
 * Of the submissions a re-tag rewrites (`results`: their new current tags), those whose counts
 * move: the primary area or the set of areas changes. Most of a re-tag moves nothing, and only
 * these need {@link changeAggregates} (one read of the current tags instead of every row).
 */
export async function areasChanging(
  trx: Db,
  results: ReadonlyMap<string, readonly { areaCode: string; primary: boolean }[]>,
): Promise<string[]> {
  const before = new Map<string, { primary: string; areas: Set<string> }>();
  for (const ids of chunks([...results.keys()], PER_STATEMENT)) {
    const rows = await trx
      .selectFrom('tags')
      .select(['submission_id', 'area_code', 'is_primary'])
      .where('submission_id', 'in', ids)
      .where('current', '=', 1)
      .execute();
    for (const r of rows) {
      const entry = before.get(r.submission_id) ?? { primary: '', areas: new Set<string>() };
      if (r.is_primary === 1) entry.primary = r.area_code;
      entry.areas.add(r.area_code);
      before.set(r.submission_id, entry);
    }
  }
  const key = (primary: string, areas: Iterable<string>) =>
    `${primary}|${[...new Set(areas)].sort().join(',')}`;
  return [...results]
    .filter(([id, tags]) => {
      const old = before.get(id);
      const now = key(
        tags.find((t) => t.primary)?.areaCode ?? '',
        tags.map((t) => t.areaCode),
      );
      return (old ? key(old.primary, old.areas) : key('', [])) !== now;
    })
    .map(([id]) => id);
}

/** The Stockholm day of an ISO time; cached per UTC hour (offsets are whole hours). */
const dayCache = new Map<string, string>();
function dayOf(iso: string): string {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/.test(iso)) return stockholmDay(iso);
  const hour = iso.slice(0, 13);
  let day = dayCache.get(hour);
  if (day === undefined) {
    day = stockholmDay(`${hour}:00:00Z`);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(hour, day);
  }
  return day;
}

/** The rows the submissions `ids` add to each table, as they are stored now. */
async function contributions(trx: Db, ids: readonly string[]): Promise<Deltas> {
  const out: Deltas = { submissions: new Map(), answers: new Map() };
  const kinds = new Map<string, string>();
  for (const chunk of chunks([...new Set(ids)], PER_STATEMENT))
    await addContributions(trx, out, chunk, kinds);
  return out;
}

/**
 * Adds to `out` the rows of the submissions `which`: a list of ids (up to {@link PER_STATEMENT}),
 * or every submission in an id range (a rebuild's chunk: a range on the child tables' keys).
 */
async function addContributions(
  trx: Db,
  out: Deltas,
  which: readonly string[] | { after: string; last: string },
  /** Question kinds by `id@version`, filled as needed (a version never changes). */
  kinds: Map<string, string>,
): Promise<void> {
  const add = (map: Map<string, number>, key: unknown[]) => {
    const k = JSON.stringify(key);
    map.set(k, (map.get(k) ?? 0) + 1);
  };
  const range = !Array.isArray(which) ? (which as { after: string; last: string }) : undefined;
  const ids = range ? [] : (which as readonly string[]);
  {
    const subs = await trx
      .selectFrom('submissions')
      .select(['id', 'kind', 'insats_id', 'respondent_group', 'age_band', 'created_at', 'moderation_status'])
      .$if(range !== undefined, (q) =>
        q.where('id', '>', range?.after ?? '').where('id', '<=', range?.last ?? ''),
      )
      .$if(range === undefined, (q) => q.where('id', 'in', ids))
      .execute();
    if (subs.length === 0) return;
    const tags = await trx
      .selectFrom('tags')
      .select(['submission_id', 'area_code', 'is_primary'])
      .$if(range !== undefined, (q) =>
        q.where('submission_id', '>', range?.after ?? '').where('submission_id', '<=', range?.last ?? ''),
      )
      .$if(range === undefined, (q) => q.where('submission_id', 'in', ids))
      .where('current', '=', 1)
      .execute();
    const answers = await trx
      .selectFrom('submission_answers')
      .select(['submission_id', 'question_id', 'question_version', 'value'])
      .$if(range !== undefined, (q) =>
        q.where('submission_id', '>', range?.after ?? '').where('submission_id', '<=', range?.last ?? ''),
      )
      .$if(range === undefined, (q) => q.where('submission_id', 'in', ids))
      .execute();
    const unknown = [
      ...new Set(
        answers.filter((a) => !kinds.has(`${a.question_id}@${a.question_version}`)).map((a) => a.question_id),
      ),
    ];
    for (const qs of chunks(unknown, PER_STATEMENT)) {
      const rows = await trx
        .selectFrom('questions')
        .select(['id', 'version', 'kind'])
        .where('id', 'in', qs)
        .execute();
      for (const r of rows) kinds.set(`${r.id}@${r.version}`, r.kind);
    }
    const primaryOf = new Map<string, string>();
    const areasOf = new Map<string, Set<string>>();
    for (const t of tags) {
      if (t.is_primary === 1) primaryOf.set(t.submission_id, t.area_code);
      const set = areasOf.get(t.submission_id) ?? new Set<string>();
      set.add(t.area_code);
      areasOf.set(t.submission_id, set);
    }
    const answersOf = new Map<string, typeof answers>();
    for (const a of answers) answersOf.set(a.submission_id, [...(answersOf.get(a.submission_id) ?? []), a]);

    for (const s of subs) {
      const counted = s.moderation_status === 'rejected' || s.moderation_status === 'hidden' ? 0 : 1;
      const day = dayOf(s.created_at);
      const insats = s.insats_id ?? '';
      const primary = primaryOf.get(s.id) ?? '';
      const any = [...(areasOf.get(s.id) ?? [])].sort().join(',');
      const rest = [s.respondent_group, s.kind, s.age_band ?? ''];
      add(out.submissions, ['primary', counted, day, insats, primary, ...rest]);
      add(out.submissions, ['any', counted, day, insats, any, ...rest]);
      if (any.includes(',')) add(out.submissions, [AREA_SETS, 0, '', '', any, '', '', '']);
      const month = day.slice(0, 7);
      const group = s.respondent_group;
      if (counted === 1) {
        add(out.submissions, [`primary${MONTHS}`, 1, month, insats, '*', ...rest]);
        add(out.submissions, [`primary${AREA_MONTHS}`, 1, month, insats, primary, group, '*', '*']);
        add(out.submissions, [`any${AREA_MONTHS}`, 1, month, insats, any, group, '*', '*']);
        add(out.submissions, [DAYS, 1, day, insats, '*', group, '*', '*']);
      }
      for (const a of answersOf.get(s.id) ?? []) {
        const kind = kinds.get(`${a.question_id}@${a.question_version}`);
        const base = [counted, insats, a.question_id, a.question_version, day, primary, s.respondent_group];
        const monthly = [
          counted,
          `${insats}${MONTHS}`,
          a.question_id,
          a.question_version,
          day.slice(0, 7),
          '*',
        ];
        for (const option of [ANSWERED_OPTION, ...optionsOf(kind, JSON.parse(a.value) as unknown)]) {
          add(out.answers, [...base, option]);
          if (counted === 1) add(out.answers, [...monthly, s.respondent_group, option]);
        }
      }
    }
  }
}

/** What one answer counts as: chosen option ids, the scale step (or "don't know"), or '' for a short text. */
function optionsOf(kind: string | undefined, value: unknown): string[] {
  switch (kind) {
    case 'single':
      return typeof value === 'string' ? [value] : [];
    case 'multiple':
      return Array.isArray(value)
        ? [...new Set(value.filter((v): v is string => typeof v === 'string'))]
        : [];
    case 'scale':
      // "Don't know" is counted under its own key, apart from the steps (never averaged in).
      return typeof value === 'number' ? [String(value)] : value === DONT_KNOW ? [DONT_KNOW] : [];
    case 'text':
      return [''];
    default:
      return [];
  }
}

/** Adds `sign` × each delta, upserting in key order. */
async function apply(trx: Db, deltas: Deltas, sign: 1 | -1): Promise<void> {
  const sorted = (map: Map<string, number>) =>
    [...map].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  for (const [table, key, map] of [
    ['agg_submissions', SUBMISSION_KEY, deltas.submissions],
    ['agg_answers', ANSWER_KEY, deltas.answers],
  ] as const) {
    const rows = sorted(map).map(([k, n]) => [...(JSON.parse(k) as (string | number)[]), sign * n]);
    if (postgres) {
      for (const chunk of chunks(rows, ROWS_PER_UNNEST)) await upsertUnnest(trx, table, key, chunk);
      continue;
    }
    for (const chunk of chunks(rows, ROWS_PER_JSON)) await upsertJson(trx, table, key, chunk);
  }
}

/**
 * SQLite: the upsert with the rows as one JSON parameter (`json_each`): no SQL text and no
 * parameter per value to build and compile, which cost more than the writes for ingest batches.
 */
async function upsertJson(
  trx: Db,
  table: 'agg_submissions' | 'agg_answers',
  key: readonly string[],
  rows: (string | number)[][],
): Promise<void> {
  const columns = [...key, 'n'];
  const values = columns.map((_, i) => sql`json_extract(value, ${`$[${i}]`})`);
  // `where true`: SQLite's parser needs it between a SELECT and ON CONFLICT.
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${sql.join(values)} from json_each(${JSON.stringify(rows)}) where true
    on conflict (${sql.join(key.map((c) => sql.ref(c)))})
    do update set n = ${sql.ref(`${table}.n`)} + excluded.n`.execute(trx);
}

/**
 * PostgreSQL: the same upsert with one array per column (`unnest`): a fixed handful of parameters
 * however many rows, so a rebuild or a large re-tag chunk writes thousands per statement.
 */
async function upsertUnnest(
  trx: Db,
  table: 'agg_submissions' | 'agg_answers',
  key: readonly string[],
  rows: (string | number)[][],
): Promise<void> {
  const columns = [...key, 'n'];
  const integer = new Set(['counted', 'question_version', 'n']);
  const arrays = columns.map((c, i) => {
    const values = rows.map((r) => r[i]);
    return integer.has(c) ? sql`${values}::integer[]` : sql`${values}::text[]`;
  });
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select * from unnest(${sql.join(arrays)})
    on conflict (${sql.join(key.map((c) => sql.ref(c)))})
    do update set n = ${sql.ref(`${table}.n`)} + excluded.n`.execute(trx);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
