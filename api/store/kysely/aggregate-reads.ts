/**
 * Reads of the dashboard counts (issue 8): only agg_submissions and agg_answers, never the
 * submissions. Each read takes whole months of its period from the month rows and the days at
 * either end from the day rows (see the projections described in aggregates.ts).
 */
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type { Database } from '../schema.ts';
import type { AggregateDimension, AggregateFilter, Store } from '../types.ts';
import { AREA_MONTHS, AREA_SETS, DAYS, MONTHS } from './aggregate-keys.ts';
import { inScope, insatsInScope, type ResolvedScope, resolveScope } from './scope.ts';

type Db = Kysely<Database> | Transaction<Database>;

const COLUMN_OF: Record<
  AggregateDimension,
  'day' | 'insats_id' | 'area_code' | 'respondent_group' | 'kind' | 'age_band'
> = {
  day: 'day',
  insats: 'insats_id',
  area: 'area_code',
  kind: 'kind',
  group: 'respondent_group',
  ageBand: 'age_band',
};

/** The dashboard's reads over `db`. */
export function aggregateReads(
  db: Kysely<Database>,
): Pick<Store, 'countSubmissions' | 'totalSubmissions' | 'countAnswers'> {
  return {
    async countSubmissions(filter, by) {
      const counts = await readSubmissions(db, filter, by);
      const wanted = filterAreas(filter);
      const out = new Map<string, number>();
      for (const [raw, n] of counts) {
        // Basis 'any': a row's key is a set of areas; each area in it counts the row once.
        const keys = by === 'area' && filter.basis === 'any' ? splitAreas(raw) : [raw];
        for (const key of keys) {
          if (by === 'area' && wanted && !wanted.has(key)) continue;
          out.set(key, (out.get(key) ?? 0) + n);
        }
      }
      return [...out]
        .filter(([, count]) => count !== 0)
        .map(([key, count]) => ({ key, count }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },

    async totalSubmissions(filter) {
      let total = 0;
      for (const n of (await readSubmissions(db, filter, 'total')).values()) total += n;
      return total;
    },

    async countAnswers(insatsId, filter) {
      if (!insatsInScope(await resolveScope(db, filter.scope), insatsId)) return [];
      const areas = filter.area !== undefined ? [filter.area] : filter.areaCodes;
      // Without an area filter, whole months come from the month rows (insats id + ':m').
      const { months, days } =
        areas === undefined
          ? splitPeriod(filter.from, filter.to)
          : { months: undefined, days: [[filter.from, filter.to] as [string, string]] };
      const parts: [string, string, string][] = [
        ...(months ? [[`${insatsId}${MONTHS}`, months[0], months[1]] as [string, string, string]] : []),
        ...days.map(([from, to]) => [insatsId, from, to] as [string, string, string]),
      ];
      const counts = new Map<string, number>();
      for (const [insats, from, to] of parts) {
        let q = db
          .selectFrom('agg_answers')
          .select([
            'question_id',
            'question_version',
            'option',
            (eb) => eb.fn.sum<string | number>('n').as('count'),
          ])
          .where('counted', '=', 1)
          .where('insats_id', '=', insats)
          .where('day', '>=', from)
          .where('day', '<=', to);
        if (filter.group !== undefined) q = q.where('respondent_group', '=', filter.group);
        if (areas !== undefined)
          q = areas.length === 0 ? q.where(sql<SqlBool>`1 = 0`) : q.where('area_code', 'in', areas);
        for (const r of await q.groupBy(['question_id', 'question_version', 'option']).execute()) {
          const key = JSON.stringify([r.question_id, Number(r.question_version), r.option]);
          counts.set(key, (counts.get(key) ?? 0) + Number(r.count));
        }
      }
      return [...counts]
        .map(([key, count]) => {
          const [questionId, version, option] = JSON.parse(key) as [string, number, string];
          return { questionId, version, option, count };
        })
        .filter((r) => r.count !== 0)
        .sort(
          (a, b) =>
            a.questionId.localeCompare(b.questionId) ||
            a.version - b.version ||
            a.option.localeCompare(b.option),
        );
    },
  };
}

/** The areas a filter keeps, or undefined for all. */
function filterAreas(filter: AggregateFilter): Set<string> | undefined {
  if (filter.area !== undefined) return new Set([filter.area]);
  return filter.areaCodes ? new Set(filter.areaCodes) : undefined;
}

/** The areas of a basis-'any' key ('' for none). */
function splitAreas(key: string): string[] {
  return key === '' ? [''] : key.split(',');
}

/**
 * Counts per raw key of `by` ('' for the total) for `filter`, from the cheapest rows that hold
 * them (see the projections at the top): whole months from month rows, the days at either end
 * from day rows.
 */
async function readSubmissions(
  db: Db,
  filter: AggregateFilter,
  by: AggregateDimension | 'total',
): Promise<Map<string, number>> {
  const keys = await areaKeys(db, filter);
  const scope = await resolveScope(db, filter.scope);
  const byArea = keys !== undefined;
  const parts: { basis: string; from: string; to: string }[] = [];
  if (by === 'day') parts.push({ basis: byArea ? filter.basis : DAYS, from: filter.from, to: filter.to });
  else if (byArea && (by === 'kind' || by === 'ageBand'))
    parts.push({ basis: filter.basis, from: filter.from, to: filter.to });
  else {
    // Without areas in the filter or the result, each submission counts once whatever the basis.
    const withAreas = byArea || by === 'area';
    const { months, days } = splitPeriod(filter.from, filter.to);
    if (months)
      parts.push({
        basis: withAreas ? `${filter.basis}${AREA_MONTHS}` : `primary${MONTHS}`,
        from: months[0],
        to: months[1],
      });
    for (const [from, to] of days) parts.push({ basis: withAreas ? filter.basis : 'primary', from, to });
  }
  const column = by === 'total' ? undefined : COLUMN_OF[by];
  const counts = new Map<string, number>();
  for (const part of parts) {
    const base = db
      .selectFrom('agg_submissions')
      .select((eb) => eb.fn.sum<string | number | null>('n').as('count'))
      .where((eb) => submissionFilter(eb, part, filter, keys, scope));
    const rows = column
      ? await base.select(`${column} as key`).groupBy(column).execute()
      : (await base.execute()).map((r) => ({ ...r, key: '' }));
    for (const r of rows) counts.set(r.key, (counts.get(r.key) ?? 0) + Number(r.count ?? 0));
  }
  return counts;
}

/**
 * A period split into whole months (YYYY-MM, first and last) and the days before and after them;
 * no months when the period holds no whole month.
 */
export function splitPeriod(
  from: string,
  to: string,
): { months?: [string, string]; days: [string, string][] } {
  const monthOf = (day: string) => day.slice(0, 7);
  const shiftMonth = (month: string, by: number) =>
    new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1))
      .toISOString()
      .slice(0, 7);
  const dayBefore = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const first = from.endsWith('-01') ? monthOf(from) : shiftMonth(monthOf(from), 1);
  const last =
    dayBefore(`${shiftMonth(monthOf(to), 1)}-01`) === to ? monthOf(to) : shiftMonth(monthOf(to), -1);
  if (first > last) return { days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < `${first}-01`) days.push([from, dayBefore(`${first}-01`)]);
  const next = `${shiftMonth(last, 1)}-01`;
  if (next <= to) days.push([next, to]);
  return { months: [first, last], days };
}

/**
 * The `area_code` values a filter by areas matches: the codes, and with basis 'any' every set of
 * several areas in use that holds one of them. Undefined: no area filter.
 */
async function areaKeys(db: Db, filter: AggregateFilter): Promise<string[] | undefined> {
  const wanted = filterAreas(filter);
  if (wanted === undefined) return undefined;
  if (filter.basis !== 'any') return [...wanted];
  const sets = await db
    .selectFrom('agg_submissions')
    .select('area_code')
    .where('basis', '=', AREA_SETS)
    .where('counted', '=', 0)
    .where('n', '>', 0)
    .execute();
  const matching = sets.map((r) => r.area_code).filter((key) => key.split(',').some((c) => wanted.has(c)));
  return [...wanted, ...matching];
}

/** The WHERE of one part of an `agg_submissions` read; `keys` from {@link areaKeys}. */
function submissionFilter(
  eb: ExpressionBuilder<Database, 'agg_submissions'>,
  part: { basis: string; from: string; to: string },
  filter: AggregateFilter,
  keys: string[] | undefined,
  scope: ResolvedScope | undefined,
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [
    eb('basis', '=', part.basis),
    eb('counted', '=', 1),
    eb('day', '>=', part.from),
    eb('day', '<=', part.to),
  ];
  if (filter.insats !== undefined)
    parts.push(eb('insats_id', '=', filter.insats === 'none' ? '' : filter.insats));
  // Input without an insats is '' in the aggregates.
  if (scope !== undefined) parts.push(inScope(eb, 'insats_id', scope, ''));
  if (filter.group !== undefined) parts.push(eb('respondent_group', '=', filter.group));
  if (keys !== undefined) parts.push(keys.length === 0 ? sql<SqlBool>`1 = 0` : eb('area_code', 'in', keys));
  return eb.and(parts);
}
